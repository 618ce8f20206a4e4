from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People and organizations"

    def ready(self):
        from newsroom.cache import forget_pages_on_change
        from people.models import Affiliation, Alias, Organization, Person
        from people.search import install_indexes

        forget_pages_on_change(Person, Organization, Alias, Affiliation)

        # After every migrate: a table rebuilt by a migration loses the triggers that keep its index.
        post_migrate.connect(install_indexes, sender=self)
