"""What a load did: counts for the summary and, when asked, each article as the JSON report shows it."""

from collections import Counter, defaultdict

from articles.ingest import LeftOutKind

OUTCOMES = ("created", "updated", "unchanged")
# An article an editor changed since it was last imported, left as they made it.
KEPT = "kept"


class Report:
    def __init__(self, *, dry_run=False, keep_articles=False):
        self.dry_run = dry_run
        self.keep_articles = keep_articles
        self.files = 0
        self.counts = defaultdict(Counter)
        self.new_people = []
        self.new_organizations = []
        self.lone_attributions = []  # (file, line, text): a "—Name" line whose quote is missing
        self.articles = []

    def count(self, kind, outcome, n=1):
        self.counts[kind][outcome] += n

    def fixtures(self, counts):
        for label, outcomes in counts.items():
            kind = {"people.person": "people", "people.organization": "organizations"}.get(label, label)
            self.counts[kind].update(outcomes)

    def article(self, prepared, directory):
        self.files += 1
        self.lone_attributions.extend(
            (prepared.source.display, item.line, item.text)
            for item in prepared.document.left_out
            if item.kind == LeftOutKind.LONE_ATTRIBUTION
        )
        if not self.keep_articles:
            return
        document = prepared.document
        self.articles.append(
            {
                "source": prepared.source.display,
                "key": prepared.source.key,
                "status": prepared.status,
                "headline": document.headline,
                "published_at": document.published_at.isoformat(),
                "bylines": [directory.person_names[pk] for pk in prepared.author_ids],
                "quotes": [_quote(q, directory) for q in prepared.quotes],
                "people": [directory.person_names[pk] for pk in prepared.person_ids],
                "organizations": [directory.organization_names[pk] for pk in prepared.organization_ids],
                # What the reader kept out of the body (captions, credits, bylines, a lone attribution
                # line whose quote is missing), and quotations it found no source for.
                "left_out": [
                    {"line": item.line, "kind": str(item.kind), "text": item.text}
                    for item in document.left_out
                ],
                "unattributed": [item.text for item in prepared.extraction.unattributed],
            }
        )

    def written_articles(self):
        return self.counts["articles"]["created"] + self.counts["articles"]["updated"]

    @property
    def changed(self):
        return any(c["created"] or c["updated"] or c["deleted"] for c in self.counts.values())

    def summary(self):
        kinds = ["articles", "quotes", "people", "organizations"]
        kinds += sorted(k for k in self.counts if k not in kinds)
        return {
            "files": self.files,
            "dry_run": self.dry_run,
            "changed": self.changed,
            **{
                kind.replace("people.", "").replace(".", "_"): {
                    outcome: self.counts[kind][outcome]
                    for outcome in (*OUTCOMES, "deleted", KEPT)
                    if outcome in OUTCOMES or self.counts[kind][outcome]
                }
                for kind in kinds
            },
            "new_people_awaiting_review": self.new_people,
            "new_organizations_awaiting_review": self.new_organizations,
            "lone_attributions": [
                {"source": source, "line": line, "text": text}
                for source, line, text in self.lone_attributions
            ],
        }

    def as_json(self):
        return {"articles": self.articles, "summary": self.summary()}

    def lines(self):
        """The summary as sentences for a person at a terminal."""
        summary = self.summary()
        dry = " (dry run: nothing was written)" if self.dry_run else ""
        yield f"{summary['files']} article file(s) read{dry}."
        for kind, outcomes in summary.items():
            if isinstance(outcomes, dict):
                yield f"{kind.replace('_', ' ')}: " + ", ".join(
                    f"{n} {outcome}" for outcome, n in outcomes.items()
                )
        if kept := self.counts["articles"][KEPT]:
            yield (
                f"{kept} article(s) an editor changed since their last import were left as they are "
                "(load_seeds --force loads them from their copies again)."
            )
        if self.new_people:
            yield f"{len(self.new_people)} new people await review: " + ", ".join(self.new_people)
        if self.new_organizations:
            yield f"{len(self.new_organizations)} new organization(s) await review: " + ", ".join(
                self.new_organizations
            )
        for source, line, text in self.lone_attributions:
            yield f"{source}, line {line}: “{text}” names a speaker whose quote is missing; left out."
        if not self.changed:
            yield "Nothing changed: the database already matched these seeds."


def _quote(quote, directory):
    """A quote as the report gives it: `speaker` is the person's or organization's name, or an unnamed
    source's description; `speaker_type` says which."""
    kind = quote["source_kind"]
    if kind == "person":
        speaker = directory.person_names[quote["speaker_id"]]
    elif kind == "organization":
        speaker = directory.organization_names[quote["organization_id"]]
    else:
        speaker = quote["source_description"]
    entry = {"text": quote["text"], "speaker": speaker, "speaker_type": kind}
    if kind == "unnamed" and quote["organization_id"] is not None:
        entry["organization"] = directory.organization_names[quote["organization_id"]]
    return entry | {
        "said_on": quote["said_on"].isoformat(),
        "context": quote["context"],
        "featured": quote["featured"],
    }
