"""Writing parsed articles in batches: a handful of queries per batch, whatever its size."""

import gc
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone
from django.utils.text import slugify

from articles.loader.sources import create_new_sources, fits, quote_source
from articles.models import Article, Byline, OrganizationMention, PersonMention, Quote
from articles.search import ARTICLES, QUOTES

NEEDS_PREP = {"DateField", "DateTimeField", "BooleanField"}
ARTICLE_FIELDS = (
    "headline",
    "standfirst",
    "body",
    "published_at",
    "updated_at",
    "source_outlet_id",
    "source_url",
)
QUOTE_FIELDS = (
    "source_kind",
    "speaker_id",
    "organization_id",
    "source_description",
    "said_on",
    "context",
    "position",
    "featured",
)
QUOTE_VALUES = ("text", *QUOTE_FIELDS)


def insert_rows(model, field_names, rows):
    """INSERT many rows of plain values with executemany.

    The loader's quotes and mention links need no ids back; building a model instance per row for
    bulk_create cost more than the inserts themselves. Values still pass through each field's own
    database preparation, so dates and booleans are stored as the ORM would store them.
    """
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in field_names]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    prepare = [
        (
            lambda value, field=f: (
                value if isinstance(value, str) else field.get_db_prep_save(value, connection)
            )
        )
        if f.get_internal_type() in NEEDS_PREP
        else None
        for f in fields
    ]
    with connection.cursor() as cursor:
        cursor.executemany(
            sql, [tuple(p(v) if p else v for p, v in zip(prepare, row, strict=True)) for row in rows]
        )


def _adapted(moment):
    return connection.ops.adapt_datetimefield_value(moment) if moment is not None else None


@dataclass
class Prepared:
    source: object
    document: object
    extraction: object
    fields: dict
    quotes: list
    person_ids: list
    organization_ids: list
    author_ids: list


class ArticleWriter:
    """With `force`, articles an editor changed since their last import are written over too; quotes
    an editor added are never deleted either way."""

    def __init__(self, directory, report, batch_size=200, force=False, revision=None, index=None):
        self.index = index  # see newsroom.search.bulk_indexing; None when the triggers index every row
        self.directory = directory
        self.report = report
        self.batch_size = batch_size
        self.force = force
        self.revision = revision
        self.pending = []

    def add(self, source, document, extraction):
        self.pending.append((source, document, extraction))
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self):
        batch, self.pending = self.pending, []
        if not batch:
            return
        create_new_sources(batch, self.directory, self.report)
        prepared = [self._prepare(*item) for item in batch]
        existing = Existing([p.source.key for p in prepared])
        self._create([p for p in prepared if p.source.key not in existing.articles])
        for p in prepared:
            if p.source.key in existing.articles:
                self._update(existing, p)
        for p in prepared:
            self.report.article(p, self.directory)
        if self.revision is not None:
            keys = [p.source.key for p in prepared if p.status in ("created", "updated")]
            self.revision.record(
                list(Article.objects.filter(source_key__in=keys).values_list("pk", flat=True))
            )
        # Model instances from the batch sit in reference cycles; collecting them here keeps memory
        # flat on long runs instead of waiting for the next full collection.
        gc.collect()

    def _prepare(self, source, document, extraction):
        fits(Article, "headline", document.headline, source, document.headline_line, "the headline")
        fits(Article, "source_url", source.source_url, source, None, "the source address")
        directory = self.directory
        fields = {
            "headline": document.headline,
            "standfirst": document.standfirst,
            "body": "\n\n".join(document.paragraphs),
            "published_at": document.published_at,
            "updated_at": document.updated_at,
            "source_outlet_id": directory.organization_ids.get(source.outlet) if source.outlet else None,
            "source_url": source.source_url,
        }
        quotes, seen = [], set()
        for quote in extraction.quotes:
            if quote.text in seen:
                continue
            seen.add(quote.text)
            quotes.append(
                {
                    "text": quote.text,
                    **quote_source(directory, quote),
                    "said_on": quote.said_on,
                    "context": quote.context[:300],
                    "position": len(quotes),
                    "featured": quote.featured,
                }
            )
        person_ids = [directory.person_ids[key] for key in extraction.people if key in directory.person_ids]
        organization_ids = [
            directory.organization_ids[key]
            for key in extraction.organizations
            if key in directory.organization_ids
        ]
        # Whoever or whatever a quote is from is in the article, named or not.
        for quote in quotes:
            if quote["speaker_id"] is not None and quote["speaker_id"] not in person_ids:
                person_ids.append(quote["speaker_id"])
            if quote["organization_id"] is not None and quote["organization_id"] not in organization_ids:
                organization_ids.append(quote["organization_id"])
        author_ids = list(dict.fromkeys(directory.journalist_id(name) for name in document.bylines))
        return Prepared(
            source, document, extraction, fields, quotes, person_ids, organization_ids, author_ids
        )

    def _create(self, prepared):
        if not prepared:
            return
        slugs = self._unique_slugs(prepared)
        now = timezone.now()
        articles = [
            Article(
                **p.fields,
                slug=slug,
                source_key=p.source.key,
                status=p.source.status,
                created_at=now,
                modified_at=now,
                imported_at=now,
            )
            for p, slug in zip(prepared, slugs, strict=True)
        ]
        Article.objects.bulk_create(articles)
        # Each article's public_at, made ready for the database once for all the rows that copy it.
        pairs = [(a, p, _adapted(a.public_at)) for a, p in zip(articles, prepared, strict=True)]
        insert_rows(
            Quote,
            ("article", *QUOTE_VALUES, "public_at", "imported"),
            [
                (a.pk, *map(q.get, QUOTE_VALUES), public_at, True)
                for a, p, public_at in pairs
                for q in p.quotes
            ],
        )
        insert_rows(
            PersonMention,
            ("article", "person", "public_at"),
            [(a.pk, pk, public_at) for a, p, public_at in pairs for pk in p.person_ids],
        )
        insert_rows(
            OrganizationMention,
            ("article", "organization", "public_at"),
            [(a.pk, pk, public_at) for a, p, public_at in pairs for pk in p.organization_ids],
        )
        insert_rows(
            Byline,
            ("article", "author", "position", "public_at"),
            [(a.pk, pk, n, public_at) for a, p, public_at in pairs for n, pk in enumerate(p.author_ids)],
        )
        if self.index is not None:
            ids = [a.pk for a in articles]
            self.index(ARTICLES, "id", ids)
            self.index(QUOTES, "article_id", ids)
        for p in prepared:
            p.status = "created"
        self.report.count("articles", "created", len(articles))
        self.report.count("quotes", "created", sum(len(p.quotes) for p in prepared))

    def _unique_slugs(self, prepared):
        bases = [
            slugify(p.fields["headline"])[:180].strip("-") or slugify(p.source.key)[:180] or "article"
            for p in prepared
        ]
        # Earlier batches are already in the table, so the table is the one place to look.
        taken = set(Article.objects.filter(slug__in=bases).values_list("slug", flat=True))
        slugs = []
        for base in bases:
            slug, n = base, 2
            while slug in taken or (slug != base and Article.objects.filter(slug=slug).exists()):
                slug, n = f"{base}-{n}", n + 1
            taken.add(slug)
            slugs.append(slug)
        return slugs

    def _update(self, existing, p):
        row = existing.articles[p.source.key]
        edited = row["imported_at"] is None or row["modified_at"] > row["imported_at"]
        if edited and not self.force:
            p.status = "kept"  # an editor's work since the last import stays as they left it
            self.report.count("articles", p.status)
            return
        changed = {f: p.fields[f] for f in ARTICLE_FIELDS if row[f] != p.fields[f]}
        quotes_changed = self._sync_quotes(row["pk"], existing.quotes[row["pk"]], p.quotes)
        links_changed = _sync_links(PersonMention, "person", row["pk"], existing.people, p.person_ids)
        links_changed |= _sync_links(
            OrganizationMention,
            "organization",
            row["pk"],
            existing.organizations,
            p.organization_ids,
        )
        links_changed |= _sync_bylines(row["pk"], existing.authors[row["pk"]], p.author_ids)
        p.status = "updated" if changed or quotes_changed or links_changed or edited else "unchanged"
        if p.status == "updated":
            now = timezone.now()
            Article.objects.filter(pk=row["pk"]).update(**changed, modified_at=now, imported_at=now)
            Article.objects.filter(pk=row["pk"]).share_public_at()
        self.report.count("articles", p.status)

    def _sync_quotes(self, article_id, current, wanted):
        """Bring the imported quotes in line with the copy; those an editor added are left alone."""
        counts = Counter()
        new = []
        for data in wanted:
            quote = current.pop(data["text"], None)
            if quote is None:
                new.append((article_id, *map(data.get, QUOTE_VALUES), True))
            elif not quote["imported"]:
                counts["unchanged"] += 1
            elif any(quote[f] != data[f] for f in QUOTE_FIELDS):
                Quote.objects.filter(pk=quote["pk"]).update(**{f: data[f] for f in QUOTE_FIELDS})
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
        insert_rows(Quote, ("article", *QUOTE_VALUES, "imported"), new)
        counts["created"] += len(new)
        gone = [quote["pk"] for quote in current.values() if quote["imported"]]
        if gone:
            Quote.objects.filter(pk__in=gone).delete()
            counts["deleted"] += len(gone)
        for outcome, n in counts.items():
            self.report.count("quotes", outcome, n)
        return bool(counts["created"] or counts["updated"] or counts["deleted"])


class Existing:
    """The articles a batch will update, with their quotes and links, as plain values in four queries."""

    def __init__(self, keys):
        rows = Article.objects.filter(source_key__in=keys).values(
            "pk", "source_key", "modified_at", "imported_at", *ARTICLE_FIELDS
        )
        self.articles = {row["source_key"]: row for row in rows}
        ids = [row["pk"] for row in self.articles.values()]
        self.quotes = defaultdict(dict)
        for quote in Quote.objects.filter(article_id__in=ids).values(
            "pk", "article_id", "imported", *QUOTE_VALUES
        ):
            self.quotes[quote["article_id"]][quote["text"]] = quote
        self.people = _links(PersonMention, "person_id", ids)
        self.organizations = _links(OrganizationMention, "organization_id", ids)
        self.authors = defaultdict(list)
        for article_id, author in (
            Byline.objects.filter(article_id__in=ids)
            .order_by("position", "pk")
            .values_list("article_id", "author_id")
        ):
            self.authors[article_id].append(author)


def _links(through, column, ids):
    linked = defaultdict(set)
    for article_id, target in through.objects.filter(article_id__in=ids).values_list("article_id", column):
        linked[article_id].add(target)
    return linked


def _sync_links(through, field, article_id, current, wanted):
    if current[article_id] == set(wanted):
        return False
    through.objects.filter(article_id=article_id).delete()
    insert_rows(through, ("article", field), [(article_id, target) for target in wanted])
    return True


def _sync_bylines(article_id, current, wanted):
    """Bylines follow the copy, in its order; an article without byline lines keeps the editor's."""
    if not wanted or current == wanted:
        return False
    Byline.objects.filter(article_id=article_id).delete()
    insert_rows(
        Byline, ("article", "author", "position"), [(article_id, pk, n) for n, pk in enumerate(wanted)]
    )
    return True
