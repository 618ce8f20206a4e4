"""The people and organizations an import matches names against, kept in memory for the whole run."""

from django.utils.text import slugify

from articles.ingest import Entity
from articles.ingest.typography import straighten
from people.models import Alias, Organization, Person


def name_key(name):
    return " ".join(straighten(name).split()).casefold()


class Directory:
    """Known people and organizations, and the people an import adds as it goes.

    Only reviewed people are offered to the extractor for mentions; people created by an earlier
    import still await review, so they are matched as speakers by name here, which keeps a second
    load of the same files identical to the first.
    """

    def __init__(self):
        self.person_ids = {}
        self.person_names = {}
        self.by_name = {}
        self.slugs = set()
        reviewed = []
        aliases = {}
        for person_id, alias in Alias.objects.values_list("person_id", "name"):
            aliases.setdefault(person_id, []).append(alias)
        for pk, name, slug, needs_review in Person.objects.values_list("pk", "name", "slug", "needs_review"):
            self._remember(pk, name, slug, aliases.get(pk, ()))
            if not needs_review:
                reviewed.append(Entity(key=slug, name=name, aliases=tuple(aliases.get(pk, ()))))
        self.people = tuple(reviewed)
        self.organization_ids, self.organization_names, organizations = {}, {}, []
        for pk, name, slug, short_name in Organization.objects.values_list(
            "pk", "name", "slug", "short_name"
        ):
            self.organization_ids[slug] = pk
            self.organization_names[pk] = name
            organizations.append(Entity(key=slug, name=name, aliases=(short_name,) if short_name else ()))
        self.organizations = tuple(organizations)

    def _remember(self, pk, name, slug, aliases=()):
        self.person_ids[slug] = pk
        self.person_names[pk] = name
        self.slugs.add(slug)
        for written in (name, *aliases):
            self.by_name.setdefault(name_key(written), pk)

    def speaker_id(self, key, name):
        """The person a speaker is; None when the name is new and must be created."""
        if key is not None and key in self.person_ids:
            return self.person_ids[key]
        return self.by_name.get(name_key(name))

    def new_person(self, name):
        """An unsaved Person for a speaker nobody knew, with a slug no one else has."""
        base = slugify(name)[:190] or "person"
        slug, n = base, 2
        while slug in self.slugs:
            slug, n = f"{base}-{n}", n + 1
        self.slugs.add(slug)
        return Person(name=name, slug=slug, needs_review=True)

    def saved(self, people):
        for person in people:
            self._remember(person.pk, person.name, person.slug)
