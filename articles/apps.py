from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from articles.roles import ensure_editorial_groups

        post_migrate.connect(ensure_editorial_groups, sender=self)
