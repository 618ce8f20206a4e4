"""The editors' desk for articles and their quotes."""

from articles.admin.articles import ArticleAdmin
from articles.admin.quotes import QuoteAdmin

__all__ = ["ArticleAdmin", "QuoteAdmin"]
