"""What readers search by name: people (and the other names they are known by), organizations."""

from newsroom.search import Dependency, Document, Field, install

PEOPLE = Document(
    table="people_person",
    fields=(
        Field("name", "A", "{row}.name"),
        Field(
            "aliases",
            "B",
            {
                "sqlite": "(SELECT group_concat(name, ' ') FROM people_alias WHERE person_id = {row}.id)",
                "postgresql": "(SELECT string_agg(name, ' ') FROM people_alias WHERE person_id = {row}.id)",
            },
        ),
    ),
    watch=("name",),
    names=True,
    refreshed_by=(Dependency("people_alias", ("name", "person_id"), "SELECT {row}.person_id"),),
)

ORGANIZATIONS = Document(
    table="people_organization",
    fields=(Field("name", "A", "{row}.name"), Field("short_name", "A", "{row}.short_name")),
    watch=("name", "short_name"),
    names=True,
)


def install_indexes(using="default", **kwargs):
    from django.db import connections

    install([PEOPLE, ORGANIZATIONS], connections[using])
