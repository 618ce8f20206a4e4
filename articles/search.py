"""What readers search: articles by headline, standfirst and text; quotes by their words and source."""

from django.db import connections, models

from newsroom.search import Dependency, Document, Field, install
from newsroom.search.sqlite import MatchField, SearchRow

ARTICLES = Document(
    table="articles_article",
    fields=(
        Field("headline", "A", "{row}.headline"),
        Field("standfirst", "B", "{row}.standfirst"),
        Field("body", "C", "{row}.body"),
    ),
    watch=("headline", "standfirst", "body"),
)

# A quote's source, whichever kind: the person's name, or the organization's with an unnamed
# source's description ("a spokeswoman for" ... "Ministry of Health").
SOURCE = (
    "COALESCE((SELECT name FROM people_person WHERE id = {row}.speaker_id), '') || ' ' || "
    "{row}.source_description || ' ' || "
    "COALESCE((SELECT name FROM people_organization WHERE id = {row}.organization_id), '')"
)

QUOTES = Document(
    table="articles_quote",
    fields=(
        Field("text", "A", "{row}.text"),
        Field("speaker", "B", SOURCE),
    ),
    watch=("text", "speaker_id", "organization_id", "source_description"),
    refreshed_by=(
        Dependency("people_person", ("name",), "SELECT id FROM articles_quote WHERE speaker_id = {row}.id"),
        Dependency(
            "people_organization", ("name",), "SELECT id FROM articles_quote WHERE organization_id = {row}.id"
        ),
    ),
)


def install_indexes(using="default", **kwargs):
    install([ARTICLES, QUOTES], connections[using])


class ArticleSearch(SearchRow):
    """SQLite's full-text index of articles (ARTICLES above), joined to search and rank them."""

    article = models.OneToOneField(
        "articles.Article",
        primary_key=True,
        db_column="rowid",
        on_delete=models.DO_NOTHING,
        related_name="search_row",
    )
    match = MatchField(db_column="articles_article_search")

    class Meta:
        managed = False
        db_table = "articles_article_search"


class QuoteSearch(SearchRow):
    """SQLite's full-text index of quotes, with their speakers' names."""

    quote = models.OneToOneField(
        "articles.Quote",
        primary_key=True,
        db_column="rowid",
        on_delete=models.DO_NOTHING,
        related_name="search_row",
    )
    match = MatchField(db_column="articles_quote_search")

    class Meta:
        managed = False
        db_table = "articles_quote_search"
