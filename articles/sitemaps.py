from django.db.models import Max
from django.utils import timezone

from articles.models import Article
from newsroom.sitemaps import KeyRangeSitemap

# The section's latest change is sought among this many most recently changed articles.
RECENT_CHANGES = 100


class ArticleSitemap(KeyRangeSitemap):
    changefreq = "weekly"

    def items(self):
        return Article.objects.published()

    def entries(self, items):
        zone = timezone.get_current_timezone()
        for slug, published_at, modified_at in items.values_list("slug", "published_at", "modified_at"):
            yield Article.address(published_at.astimezone(zone), slug), modified_at

    def get_latest_lastmod(self):
        """The latest change to a public article, read from the top of the modified_at index.

        Asked directly ("the newest modified_at among public articles"), SQLite's planner reads every
        public article; the newest changes are a short walk down the index, and a draft among them
        is simply passed over.
        """
        recent = Article.objects.order_by("-modified_at").values("pk")[:RECENT_CHANGES]
        latest = self.items().filter(pk__in=recent).aggregate(latest=Max("modified_at"))["latest"]
        return latest or self.items().order_by("-public_at").values_list("public_at", flat=True).first()
