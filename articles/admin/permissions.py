"""Who may do what to an article: reporters write drafts; editors publish, unpublish and delete."""

from articles.models import Article

PUBLISH_PERMISSION = "articles.publish_article"


def can_publish(request):
    return request.user.has_perm(PUBLISH_PERMISSION)


def locked(request, article):
    """Once published, an article and its quotes and bylines are the editors' to change."""
    return article is not None and article.status == Article.Status.PUBLISHED and not can_publish(request)


class LockedOncePublished:
    """Inline permissions follow the article: a reporter may only view those of a published one."""

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and not locked(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not locked(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not locked(request, obj)
