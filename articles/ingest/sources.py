"""Who a quote is by: a person, an organization, or a source the article describes without a name."""

from dataclasses import dataclass
from enum import StrEnum


class SourceKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"  # "the company said", "Pfizer said in a statement"
    UNNAMED = "unnamed"  # "a spokeswoman for the ministry", "one analyst", "the report"


@dataclass(frozen=True, slots=True)
class Speaker:
    """A source the article names or describes.

    A person: `name` as known (with `key`) or as written. An organization: its `name`, and its
    `organization_key` when the newsroom knows it. An unnamed source: its `description` as printed, also
    its `name`, and the organization the description names, if any.
    """

    name: str
    key: str | None
    kind: SourceKind = SourceKind.PERSON
    organization: str | None = None
    organization_key: str | None = None
    description: str = ""

    @classmethod
    def of_organization(cls, name: str, key: str | None = None) -> "Speaker":
        return cls(name, None, SourceKind.ORGANIZATION, name, key)

    @classmethod
    def described(
        cls, description: str, organization: str | None = None, key: str | None = None
    ) -> "Speaker":
        return cls(description, None, SourceKind.UNNAMED, organization, key, description)

    @property
    def unnamed(self) -> bool:
        return self.kind == SourceKind.UNNAMED

    @property
    def person(self) -> bool:
        return self.kind == SourceKind.PERSON


UNKNOWN = Speaker("", None, SourceKind.UNNAMED)  # someone the text neither names nor describes
