from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from articles import signals  # noqa: F401
        from articles.search import install_indexes

        # After every migrate: a table rebuilt by a migration loses the triggers that keep its index.
        post_migrate.connect(install_indexes, sender=self)
