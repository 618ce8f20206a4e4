from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from articles import signals  # noqa: F401
        from articles.models import Article, Byline, OrganizationMention, PersonMention, Quote
        from articles.search import install_indexes
        from newsroom.cache import forget_pages_on_change, when_scheduled

        forget_pages_on_change(Article, Quote, Byline, PersonMention, OrganizationMention)
        when_scheduled(Article.objects.next_publication)

        # After every migrate: a table rebuilt by a migration loses the triggers that keep its index.
        post_migrate.connect(install_indexes, sender=self)
