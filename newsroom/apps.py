from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NewsroomConfig(AppConfig):
    """The layer both apps share: site template tags, list filters, pagination, roles, images."""

    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        from django.conf import settings
        from django.contrib import admin

        from newsroom import checks  # noqa: F401 (registers them)
        from newsroom.roles import ensure_editorial_groups

        admin.site.site_header = f"{settings.SITE_NAME} desk"
        admin.site.site_title = f"{settings.SITE_NAME} desk"
        admin.site.index_title = "The newsroom's desk"

        # Each app's permissions exist once its own post_migrate has run; the groups are granted both.
        for label in ("people", "articles"):
            post_migrate.connect(ensure_editorial_groups, sender=self.apps.get_app_config(label))
