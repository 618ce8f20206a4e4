"""The people and organizations an import matches names against, kept in memory for the whole run."""

from collections import defaultdict

from django.utils.text import slugify

from articles.ingest import Entity
from articles.ingest.typography import straighten
from people.models import Affiliation, Alias, Organization, Person


def name_key(name):
    return " ".join(straighten(name).split()).casefold()


def _free_slug(name, taken, fallback):
    base = slugify(name)[:190] or fallback
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


class Directory:
    """Known people and organizations, and those an import adds as it goes.

    Only reviewed people and organizations are offered to the extractor for mentions; those created by
    an earlier import still await review, so they are matched as sources by name here, which keeps a
    second load of the same files identical to the first. What the newsroom knows of each (a person's
    description and roles, an organization's kind) goes with them, for "the CNN host" or "the company".
    """

    def __init__(self):
        self.person_ids = {}
        self.person_names = {}
        self.by_name = {}
        self.journalists_by_name = {}
        self.slugs = set()
        aliases = defaultdict(list)
        for person_id, alias in Alias.objects.values_list("person_id", "name"):
            aliases[person_id].append(alias)
        roles = defaultdict(list)
        for person_id, role, organization in Affiliation.objects.values_list(
            "person_id", "role", "organization__name"
        ):
            roles[person_id].append(f"{role}, {organization}")
        reviewed = []
        for pk, name, slug, needs_review, description, journalist in Person.objects.values_list(
            "pk", "name", "slug", "needs_review", "description", "is_journalist"
        ):
            self._remember(pk, name, slug, aliases[pk], journalist)
            if not needs_review:
                known = tuple(d for d in (description, *roles[pk]) if d)
                reviewed.append(Entity(key=slug, name=name, aliases=tuple(aliases[pk]), descriptions=known))
        self.people = tuple(reviewed)

        self.organization_ids, self.organization_names, self.organization_slugs = {}, {}, set()
        self.organizations_by_name = {}
        kinds = dict(Organization.Kind.choices)
        organizations = []
        for pk, name, slug, short_name, kind, needs_review in Organization.objects.values_list(
            "pk", "name", "slug", "short_name", "kind", "needs_review"
        ):
            self._remember_organization(pk, name, slug, short_name)
            if needs_review:
                continue  # as with people: matched as a quote's source by name, never offered for mentions
            described = (kinds[kind],) if kind != Organization.Kind.OTHER else ()
            organizations.append(
                Entity(
                    key=slug, name=name, aliases=(short_name,) if short_name else (), descriptions=described
                )
            )
        self.organizations = tuple(organizations)

    def _remember(self, pk, name, slug, aliases=(), journalist=False):
        self.person_ids[slug] = pk
        self.person_names[pk] = name
        self.slugs.add(slug)
        for written in (name, *aliases):
            self.by_name.setdefault(name_key(written), pk)
            if journalist:
                self.journalists_by_name.setdefault(name_key(written), pk)

    def _remember_organization(self, pk, name, slug, short_name=""):
        self.organization_ids[slug] = pk
        self.organization_names[pk] = name
        self.organization_slugs.add(slug)
        for written in (name, short_name):
            if written:
                self.organizations_by_name.setdefault(name_key(written), pk)

    def speaker_id(self, key, name):
        """The person a speaker is; None when the name is new and must be created."""
        if key is not None and key in self.person_ids:
            return self.person_ids[key]
        return self.by_name.get(name_key(name))

    def organization_id(self, key, name):
        """The organization a quote is from (or names); None when it is new and must be created."""
        if key is not None and key in self.organization_ids:
            return self.organization_ids[key]
        return self.organizations_by_name.get(name_key(name)) if name else None

    def journalist_id(self, name):
        """The journalist a byline names (only journalists: a byline never credits a newsmaker)."""
        return self.journalists_by_name.get(name_key(name))

    def new_person(self, name):
        """An unsaved Person for a speaker nobody knew, with a slug no one else has."""
        return Person(name=name, slug=_free_slug(name, self.slugs, "person"), needs_review=True)

    def new_journalist(self, name):
        """An unsaved Person for a byline's writer nobody knew: a journalist, awaiting review."""
        return Person(
            name=name, slug=_free_slug(name, self.slugs, "journalist"), is_journalist=True, needs_review=True
        )

    def new_organization(self, name):
        """An unsaved Organization for one a quote names that nobody knew, awaiting review too."""
        return Organization(
            name=name, slug=_free_slug(name, self.organization_slugs, "organization"), needs_review=True
        )

    def saved(self, people):
        for person in people:
            self._remember(person.pk, person.name, person.slug, journalist=person.is_journalist)

    def saved_organizations(self, organizations):
        for organization in organizations:
            self._remember_organization(organization.pk, organization.name, organization.slug)
