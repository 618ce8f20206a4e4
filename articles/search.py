"""What readers search: articles by headline, standfirst and text; quotes by their words and speaker."""

from newsroom.search import Dependency, Document, Field, install

ARTICLES = Document(
    table="articles_article",
    fields=(
        Field("headline", "A", "{row}.headline"),
        Field("standfirst", "B", "{row}.standfirst"),
        Field("body", "C", "{row}.body"),
    ),
    watch=("headline", "standfirst", "body"),
)

QUOTES = Document(
    table="articles_quote",
    fields=(
        Field("text", "A", "{row}.text"),
        Field("speaker", "B", "(SELECT name FROM people_person WHERE id = {row}.speaker_id)"),
    ),
    watch=("text", "speaker_id"),
    refreshed_by=(
        Dependency("people_person", ("name",), "SELECT id FROM articles_quote WHERE speaker_id = {row}.id"),
    ),
)


def install_indexes(using="default", **kwargs):
    from django.db import connections

    install([ARTICLES, QUOTES], connections[using])
