"""A synthetic newsroom as plain rows (dicts keyed by model field names); no database here.

The shape follows the seeds: seed-length articles whose quotes appear word for word in the body,
people and organizations mentioned with Zipf-like popularity (a few in a large share of the
archive, most rarely), bylines by a few hundred staff journalists, people with aliases and roles.
Everything is drawn from random generators with fixed seeds, so two builds of a scale are equal.
"""

import datetime as dt
import hashlib
import random
import unicodedata
from dataclasses import dataclass
from itertools import accumulate
from zoneinfo import ZoneInfo

from django.utils.text import slugify

from benchmarks.vocabulary import LOCALES, STOP, Vocabulary

SEED = 8
# Changing what a build writes changes this, so databases built before are rebuilt, not reused.
GENERATOR_VERSION = 3
BATCH = 1000
SLUG_LENGTH = 100


@dataclass(frozen=True)
class Scale:
    name: str
    articles: int
    people: int
    organizations: int
    staff: int


SCALES = {
    "S": Scale("S", 10_000, 1_000, 100, 100),
    "M": Scale("M", 100_000, 10_000, 1_000, 300),
    "L": Scale("L", 1_000_000, 100_000, 10_000, 400),
}

YEARS = 15
DRAFT_SHARE = 0.02
QUOTES_PER_ARTICLE = {0: 4, 1: 10, 2: 20, 3: 30, 4: 20, 5: 10, 6: 6}
PEOPLE_PER_ARTICLE = (4, 6)
ORGANIZATIONS_PER_ARTICLE = {1: 45, 2: 35, 3: 20}
SECOND_BYLINE_SHARE = 0.25
SOURCED_SHARE = 0.3
# Quotes whose source is not a named person: an organization itself, or a described source (who
# speaks for one of the article's organizations, or for none).
ORGANIZATION_QUOTE_SHARE = 0.05
UNNAMED_QUOTE_SHARE = 0.04
UNNAMED = [
    "a spokeswoman for the {organization}",
    "a spokesman for the {organization}",
    "a senior official at the {organization}",
    "one analyst",
    "a senior diplomat",
    "a witness",
]
OUTLET_SHARE = 0.04
ALIAS_SHARE = 0.3
KINDS = {"party": 15, "government": 25, "company": 25, "ngo": 15, "other": 16}
COUNTRIES = [
    "Cambodia", "Japan", "Poland", "Türkiye", "Germany", "France", "Spain", "Italy", "Czechia", "Hungary",
    "Brazil", "United States", "United Kingdom", "Canada", "Australia", "India", "Indonesia", "Vietnam",
    "Thailand", "Philippines", "Malaysia", "Singapore", "China", "South Korea", "Nigeria", "Kenya",
    "South Africa", "Egypt", "Mexico", "Argentina", "Chile", "Colombia", "Peru", "Sweden", "Norway",
    "Finland", "Denmark", "Netherlands", "Belgium", "Austria", "Switzerland", "Portugal", "Greece",
    "Romania", "Ukraine", "Côte d'Ivoire", "Réunion", "Curaçao",
]  # fmt: skip
NATIONALITY = {
    "en_US": "American", "en_GB": "British", "pl_PL": "Polish", "tr_TR": "Turkish", "de_DE": "German",
    "fr_FR": "French", "es_ES": "Spanish", "it_IT": "Italian", "cs_CZ": "Czech", "hu_HU": "Hungarian",
    "pt_BR": "Brazilian",
}  # fmt: skip
HONORIFICS = ["Dr", "Prof", "Sir", "Dame", "Samdech", "Sheikh", "General", "Senator", "Judge", "Rev"]
ROLES = {
    "party": ["Leader", "Spokesperson", "Member of Parliament", "Secretary-General", "Treasurer", "Founder"],
    "government": ["Minister", "Deputy Minister", "Spokesman", "Director", "Permanent Secretary", "Adviser"],
    "company": ["Chief Executive", "Chairman", "Founder", "Chief Financial Officer", "Engineer"],
    "ngo": ["Director", "Researcher", "Campaigner", "Board Member", "Spokeswoman"],
    "outlet": ["Editor", "Correspondent", "Columnist", "Publisher"],
    "other": ["President", "Professor", "Coach", "Chair", "Member"],
}
PARTY_WORDS = (
    ["National", "Democratic", "People's", "Liberal", "Social", "Green", "Progressive", "Conservative",
     "United", "Free", "Reform", "Labour", "Christian", "Civic", "Patriotic"],
    ["Rescue", "Alliance", "Union", "Front", "Movement", "Congress", "League", "Renewal", "Justice",
     "Unity", "Action"],
)  # fmt: skip
PORTFOLIOS = [
    "Foreign Affairs", "Finance", "Defence", "Health", "Education", "Justice", "the Interior", "Trade",
    "Agriculture", "Energy", "Transport", "Labour", "Culture", "the Environment", "Information",
]  # fmt: skip
BODIES = [
    "Supreme Court", "Central Bank", "Election Commission", "Senate", "National Assembly", "Armed Forces",
    "National Police", "Customs Service", "Anti-Corruption Unit", "Statistics Office",
]  # fmt: skip
COMPANY_SUFFIXES = [
    "Holdings", "Group", "Industries", "Energy", "Bank", "Airlines", "Motors", "Pharmaceuticals",
    "Capital", "Telecom", "Foods", "Logistics", "Mining", "Steel", "Media",
]  # fmt: skip
TOPICS = [
    "Human Rights", "Climate", "Press Freedom", "Health", "Education", "Transparency", "Refugees",
    "Water", "Food Security", "Children", "Democracy", "Labour Rights",
]  # fmt: skip
MASTHEADS = [
    "Times",
    "Post",
    "Herald",
    "Daily",
    "Tribune",
    "Gazette",
    "Courier",
    "Observer",
    "Journal",
    "News",
]
OTHER_BODIES = ["University of {}", "{} Football Club", "{} Chamber of Commerce",
                "{} Institute of Technology", "{} General Hospital", "{} Symphony Orchestra"]  # fmt: skip
CONTEXTS = [
    "at a news conference in {place}",
    "speaking to reporters in {place}",
    "in a speech in {place}",
    "in an interview",
    "in a statement",
    "at a rally in {place}",
]


def weighted(rng, table):
    return rng.choices(list(table), weights=list(table.values()))[0]


def popularity(count, exponent=1.0, offset=1):
    """Cumulative Zipf(-Mandelbrot) weights over `count` ranks, for random.choices."""
    weights = [1 / (rank + offset) ** exponent for rank in range(1, count + 1)]
    return list(accumulate(weights))


def ascii_folded(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def acronym(name):
    letters = [
        word[0] for word in name.replace("-", " ").split() if word[0].isupper() and word not in {"The"}
    ]
    return "".join(letters) if len(letters) >= 2 else ""


class Slugs:
    """Unique slugs: the base, then base-2, base-3 ... as the admin's prepopulated slugs end up."""

    def __init__(self, length):
        self.length = length
        self.taken = set()

    def base(self, text):
        return slugify(text)[: self.length].strip("-") or "item"

    def unique(self, base):
        slug, n = base, 2
        while slug in self.taken:
            slug, n = f"{base}-{n}", n + 1
        self.taken.add(slug)
        return slug

    def __call__(self, text):
        return self.unique(self.base(text))


ARTICLE_SLUGS = Slugs(SLUG_LENGTH)


class Copy:
    """Sentences and paragraphs from one random generator and one pool of words."""

    def __init__(self, vocabulary, rng):
        self.rng = rng
        self.pool = vocabulary.pool(rng)
        self.draw = vocabulary.draw

    def sentence(self, low, high, end="."):
        rng = self.rng
        words = self.draw(self.pool, rng, rng.randint(low, high))
        if len(words) > 6 and rng.random() < 0.3:
            words[rng.randint(2, len(words) - 3)] += ","
        first = words[0]
        words[0] = first[0].upper() + first[1:]
        return " ".join(words) + end

    def headline(self, low, high):
        """Mostly content words, as headlines are written: few articles, no auxiliaries."""
        rng = self.rng
        words = [w for w in self.draw(self.pool, rng, 3 * high) if w.lower() not in STOP]
        words = words[: rng.randint(low, high)] or ["News"]
        words[0] = words[0][0].upper() + words[0][1:]
        return " ".join(words)

    def paragraph(self, sentences):
        return " ".join(self.sentence(8, 24) for _ in range(sentences))


class Newsroom:
    """The directory (organizations, people, aliases, roles) and what article batches draw from it."""

    def __init__(self, scale, vocabulary=None, now=None, seed=SEED):
        self.scale = scale
        self.seed = seed
        self.rng = random.Random(f"{seed}-{scale.name}-directory")
        self.now = (now or dt.datetime.now(dt.UTC)).replace(minute=0, second=0, microsecond=0)
        self.words = vocabulary or Vocabulary(seed)
        self.copy = Copy(self.words, self.rng)
        self.organizations = self._organizations()
        self.people, self.aliases, self.affiliations = self._people()
        rng = self.rng
        # Popularity: ranks in a random order of ids, so popular rows are not simply the first ones.
        self.mentionable = [p["id"] for p in self.people if p["id"] not in self.staff_ids]
        rng.shuffle(self.mentionable)
        self.person_weights = popularity(len(self.mentionable))
        self.organization_order = [o["id"] for o in self.organizations]
        rng.shuffle(self.organization_order)
        self.organization_weights = popularity(len(self.organization_order))
        self.staff_order = sorted(self.staff_ids)
        self.staff_weights = popularity(len(self.staff_order), exponent=0.6)
        self.outlet_weights = popularity(len(self.outlets))
        self.person_names = {p["id"]: p["name"] for p in self.people}
        self.organization_names = {o["id"]: o["name"] for o in self.organizations}
        self.published_at = self._publication_times()

    @property
    def scheduled(self):
        return max(5, self.scale.articles // 5000)

    # The directory

    def _organizations(self):
        rng, scale = self.rng, self.scale
        places = self.words.all_places
        slugs = Slugs(80)
        outlets = max(3, round(scale.organizations * OUTLET_SHARE))
        rows, names = [], set()
        for pk in range(1, scale.organizations + 1):
            kind = "outlet" if pk <= outlets else weighted(rng, KINDS)
            country = rng.choice(COUNTRIES)
            place = rng.choice(places)
            if kind == "party":
                name = f"{rng.choice(PARTY_WORDS[0])} {rng.choice(PARTY_WORDS[1])} Party of {country}"
            elif kind == "government":
                name = (
                    f"Ministry of {rng.choice(PORTFOLIOS)} of {country}"
                    if rng.random() < 0.5
                    else f"{country} {rng.choice(BODIES)}"
                    if rng.random() < 0.6
                    else f"{place} City Council"
                )
            elif kind == "company":
                locale = weighted(rng, LOCALES)
                name = f"{rng.choice(self.words.surnames[locale])} {rng.choice(COMPANY_SUFFIXES)}"
            elif kind == "ngo":
                topic = rng.choice(TOPICS)
                name = rng.choice(
                    [f"{topic} Watch", f"{place} {topic} Foundation", f"Centre for {topic} Studies"]
                )
            elif kind == "outlet":
                name = f"The {place} {rng.choice(MASTHEADS)}"
            else:
                name = rng.choice(OTHER_BODIES).format(place)
            # Two bodies of one name are told apart by where they are, as readers tell them apart.
            if name in names:
                name = (
                    f"{name} ({place})"
                    if f"{name} ({place})" not in names
                    else f"{name} ({country}, {place})"
                )
            names.add(name)
            founded = dt.date(rng.randint(1900, 2020), rng.randint(1, 12), rng.randint(1, 28))
            dissolved = (
                founded + dt.timedelta(days=rng.randint(365, 20 * 365)) if rng.random() < 0.05 else None
            )
            parents = [r["id"] for r in rows[-200:] if r["kind"] == "government"]
            slug = slugs(name)
            rows.append(
                {
                    "id": pk,
                    "name": name,
                    "slug": slug,
                    "short_name": acronym(name)[:50] if kind != "company" and rng.random() < 0.6 else "",
                    "kind": kind,
                    "country": country,
                    "founded_on": founded if rng.random() < 0.6 else None,
                    "dissolved_on": dissolved,
                    "parent_id": rng.choice(parents)
                    if kind == "government" and parents and rng.random() < 0.15
                    else None,
                    "description": self.copy.sentence(12, 25) if rng.random() < 0.5 else "",
                    "website": f"https://www.{slug.replace('-', '')[:40]}.example/"
                    if rng.random() < 0.5
                    else "",
                    "needs_review": rng.random() < 0.05,
                }
            )
            if rows[-1]["founded_on"] is None:
                rows[-1]["dissolved_on"] = None
        self.outlets = [r["id"] for r in rows if r["kind"] == "outlet"]
        self.kinds = {r["id"]: r["kind"] for r in rows}
        return rows

    def _people(self):
        rng, scale = self.rng, self.scale
        slugs = Slugs(80)
        people, aliases, affiliations = [], [], []
        org_ids = [o["id"] for o in self.organizations]
        org_weights = popularity(len(org_ids))
        self.staff_ids = set(range(1, scale.staff + 1))
        for pk in range(1, scale.people + 1):
            locale = weighted(rng, LOCALES)
            first, last = rng.choice(self.words.first_names[locale]), rng.choice(self.words.surnames[locale])
            name = (
                f"{first} {last}"
                if rng.random() > 0.08
                else f"{first} {rng.choice('ABCDEFGHJKLMNPRST')}. {last}"
            )
            honorific = rng.choice(HONORIFICS) if rng.random() < 0.12 and pk not in self.staff_ids else ""
            people.append(
                {
                    "id": pk,
                    "name": name,
                    "slug": slugs(name),
                    "honorific": honorific,
                    "description": "",
                    "biography": self.copy.paragraph(3) if rng.random() < 0.2 else "",
                    "nationality": NATIONALITY[locale],
                    "needs_review": rng.random() < 0.05,
                    "created_at": self.now - dt.timedelta(days=rng.randint(0, YEARS * 365)),
                }
            )
        names = {p["name"].lower() for p in people}
        taken = set()
        for person in people:
            pk = person["id"]
            if pk in self.staff_ids:
                if rng.random() < 0.5:
                    affiliations.append(self._role(rng, pk, rng.choice(self.outlets), "Staff Reporter"))
                continue
            held = set()
            for _ in range(weighted(rng, {1: 50, 2: 35, 3: 15})):
                org = rng.choices(org_ids, cum_weights=org_weights)[0]
                role = rng.choice(ROLES[self.kinds[org]])
                if (org, role) not in held:
                    held.add((org, role))
                    affiliations.append(self._role(rng, pk, org, role))
                    if not person["description"] and rng.random() < 0.7:
                        person["description"] = f"{role}, {self.organizations[org - 1]['name']}"[:250]
            if rng.random() < ALIAS_SHARE:
                for alias in self._aliases(rng, person)[: weighted(rng, {1: 80, 2: 20})]:
                    key = alias.lower()
                    if key not in taken and key not in names:
                        taken.add(key)
                        aliases.append({"id": len(aliases) + 1, "person_id": pk, "name": alias})
        for n, row in enumerate(affiliations, 1):
            row["id"] = n
        return people, aliases, affiliations

    def _role(self, rng, person, organization, role):
        start = None
        if rng.random() < 0.9:
            start = (self.now - dt.timedelta(days=rng.randint(0, 30 * 365))).date()
        end = None
        if start and rng.random() < 0.55:
            end = start + dt.timedelta(days=rng.randint(180, 12 * 365))
            end = end if end < self.now.date() else None
        return {
            "person_id": person,
            "organization_id": organization,
            "role": role,
            "start_date": start,
            "end_date": end,
        }

    @staticmethod
    def _aliases(rng, person):
        name, parts = person["name"], person["name"].split()
        candidates = []
        if ascii_folded(name) != name:
            candidates.append(ascii_folded(name))
        if person["honorific"]:
            candidates.append(f"{person['honorific']} {name}")
        candidates.append(f"{parts[0][0]}. {parts[-1]}")
        if len(parts[-1]) > 4:
            candidates.append(parts[-1])
        rng.shuffle(candidates)
        return candidates

    def _publication_times(self):
        """Publication times over YEARS years, a little denser towards now; ids follow time."""
        rng = random.Random(f"{self.seed}-{self.scale.name}-times")
        span = YEARS * 365 * 24 * 3600
        # The square root leans the archive towards recent years, as archives grow.
        offsets = sorted(span * (1 - rng.random() ** 0.8) for _ in range(self.scale.articles))
        start = self.now - dt.timedelta(seconds=span)
        times = [start + dt.timedelta(seconds=round(s)) for s in offsets]
        # A few scheduled articles, the newest ids: published, but due in the coming weeks.
        scheduled = self.scheduled
        for n in range(1, scheduled + 1):
            times[-n] = self.now + dt.timedelta(days=rng.randint(1, 30), hours=rng.randint(0, 23))
        times[-scheduled:] = sorted(times[-scheduled:])
        return times

    # Articles

    def batches(self):
        return range((self.scale.articles + BATCH - 1) // BATCH)

    def article_batch(self, number):
        """Rows for articles BATCH * number + 1 ... : articles (with a base for the slug), bylines,
        mention links and quotes. Each batch has its own random generator, so batches can be made
        in any order, in any process, and come out the same."""
        rng = random.Random(f"{self.seed}-{self.scale.name}-articles-{number}")
        first = number * BATCH + 1
        last = min(first + BATCH - 1, self.scale.articles)
        scheduled_from = self.scale.articles - self.scheduled + 1
        zone = ZoneInfo("Asia/Hong_Kong")
        copy = Copy(self.words, rng)
        out = {
            "articles": [],
            "bylines": [],
            "person_mentions": [],
            "organization_mentions": [],
            "quotes": [],
        }
        for pk in range(first, last + 1):
            published_at = self.published_at[pk - 1]
            draft = pk < scheduled_from and rng.random() < DRAFT_SHARE
            public_at = None if draft else published_at
            people = self._distinct(
                rng, self.mentionable, self.person_weights, rng.randint(*PEOPLE_PER_ARTICLE)
            )
            organizations = self._distinct(
                rng,
                self.organization_order,
                self.organization_weights,
                weighted(rng, ORGANIZATIONS_PER_ARTICLE),
            )
            authors = self._distinct(
                rng, self.staff_order, self.staff_weights, 2 if rng.random() < SECOND_BYLINE_SHARE else 1
            )
            local_day = published_at.astimezone(zone).date()
            quotes = self._quotes(
                rng, copy, people, organizations, weighted(rng, QUOTES_PER_ARTICLE), local_day
            )
            headline, standfirst, body = self._copy(rng, copy, people, organizations, quotes)
            outlet = (
                rng.choices(self.outlets, cum_weights=self.outlet_weights)[0]
                if rng.random() < SOURCED_SHARE
                else None
            )
            updated_at = published_at + dt.timedelta(hours=rng.randint(1, 72)) if rng.random() < 0.1 else None
            out["articles"].append(
                {
                    "id": pk,
                    "headline": headline,
                    # Only the base: slugs are made unique over all batches by the writer.
                    "slug": ARTICLE_SLUGS.base(headline),
                    "standfirst": standfirst,
                    "body": body,
                    "source_outlet_id": outlet,
                    "source_url": f"https://news.example/{outlet}/{pk}" if outlet else "",
                    "source_key": f"synthetic/{self.scale.name}/{pk:07d}.txt",
                    "status": "draft" if draft else "published",
                    "published_at": published_at,
                    "updated_at": updated_at,
                    "created_at": published_at,
                    "modified_at": updated_at or published_at,
                }
            )
            out["bylines"].extend(
                {"article_id": pk, "author_id": author, "position": n} for n, author in enumerate(authors)
            )
            out["person_mentions"].extend(
                {"article_id": pk, "person_id": p, "public_at": public_at} for p in people
            )
            out["organization_mentions"].extend(
                {"article_id": pk, "organization_id": o, "public_at": public_at} for o in organizations
            )
            featured = bool(quotes) and rng.random() < 0.35
            out["quotes"].extend(
                {
                    "article_id": pk,
                    "speaker_id": q["speaker"],
                    "source_kind": q["kind"],
                    "organization_id": q["organization"],
                    "source_description": q["description"],
                    "text": q["text"],
                    "said_on": q["said_on"],
                    "context": q["context"],
                    "position": n,
                    "featured": featured and n == 0,
                    "public_at": public_at,
                }
                for n, q in enumerate(quotes)
            )
        return out

    @staticmethod
    def _distinct(rng, ids, cum_weights, count):
        chosen = []
        while len(chosen) < count:
            for pk in rng.choices(ids, cum_weights=cum_weights, k=count * 2):
                if pk not in chosen:
                    chosen.append(pk)
                    if len(chosen) == count:
                        break
        return chosen

    def _quotes(self, rng, copy, people, organizations, count, day):
        quotes, texts = [], set()
        # The first people chosen are the most popular of the article's: they speak most.
        speakers = rng.choices(people, weights=[len(people) - n for n in range(len(people))], k=count)
        for speaker in speakers:
            source = self._source(rng, speaker, organizations)
            text = copy.sentence(10, 30, end="")
            if rng.random() < 0.3:
                text += ". " + copy.sentence(6, 16, end="")
            if text in texts:
                continue
            texts.add(text)
            said_on = day if rng.random() < 0.8 else day - dt.timedelta(days=rng.randint(1, 3))
            context = (
                rng.choice(CONTEXTS).format(place=rng.choice(self.words.all_places))
                if rng.random() < 0.3
                else ""
            )
            quotes.append({**source, "text": text, "said_on": said_on, "context": context})
        return quotes

    def _source(self, rng, speaker, organizations):
        """Who said it: mostly the person, sometimes the organization or someone it does not name."""
        share = rng.random()
        if share < ORGANIZATION_QUOTE_SHARE:
            organization = rng.choice(organizations)
            return {"kind": "organization", "speaker": None, "organization": organization, "description": ""}
        if share < ORGANIZATION_QUOTE_SHARE + UNNAMED_QUOTE_SHARE:
            described = rng.choice(UNNAMED)
            organization = rng.choice(organizations) if "{organization}" in described else None
            name = self.organization_names[organization] if organization else ""
            return {
                "kind": "unnamed",
                "speaker": None,
                "organization": organization,
                "description": described.format(organization=name),
            }
        return {"kind": "person", "speaker": speaker, "organization": None, "description": ""}

    def _attributed(self, rng, copy, quote):
        if quote["kind"] == "person":
            name = self.person_names[quote["speaker"]]
        elif quote["kind"] == "organization":
            name = f"the {self.organization_names[quote['organization']]}"
        else:
            name = quote["description"]
        said = f"said {quote['context']}" if quote["context"] else "said"
        style = rng.random()
        if style < 0.5:
            return f"“{quote['text']},” {said} {name}."
        if style < 0.8:
            return f"{name[:1].upper()}{name[1:]} {said}: “{quote['text']}.”"
        return f"“{quote['text']},” {name} {said}. " + copy.sentence(8, 20)

    def _copy(self, rng, copy, people, organizations, quotes):
        """Headline, standfirst and a body of 8-12 paragraphs, 2.5-4 KB, quotes word for word."""
        names = [self.person_names[p] for p in people]
        org_names = [self.organization_names[o] for o in organizations]
        lead = names[0].split()[-1]
        headline = copy.headline(6, 11)
        headline = f"{lead} {headline[0].lower()}{headline[1:]}" if rng.random() < 0.6 else headline
        standfirst = copy.sentence(14, 30)
        # Prose is written a sentence past its budget and names go in after: aim a little low.
        target = rng.randint(2200, 3600)
        paragraphs = [self._attributed(rng, copy, q) for q in quotes]
        narrative = max(8, rng.randint(8, 12)) - len(paragraphs)
        narrative = max(narrative, 5)
        budget = max(200, (target - sum(len(p) + 2 for p in paragraphs)) // narrative)
        mentions = names + [f"the {name}" for name in org_names]
        rng.shuffle(mentions)
        prose = []
        for n in range(narrative):
            text, sentences = "", []
            while len(text) < budget:
                sentences.append(copy.sentence(8, 24))
                text = " ".join(sentences)
            own = mentions[n::narrative]
            prose.append(self._with_names(rng, sentences, own) if own else text)
        # Quotes in the body after the opening paragraph, spread among the prose, in their order.
        body = prose[:1]
        rest = prose[1:]
        slots = sorted(rng.sample(range(len(rest) + len(paragraphs)), len(paragraphs)))
        quoted = iter(paragraphs)
        prose_iter = iter(rest)
        for n in range(len(rest) + len(paragraphs)):
            body.append(next(quoted) if n in slots else next(prose_iter))
        return headline[:300], standfirst, "\n\n".join(body)

    @staticmethod
    def _with_names(rng, sentences, names):
        for name in names:
            n = rng.randrange(len(sentences))
            words = sentences[n].split(" ")
            at = rng.randrange(1, len(words)) if len(words) > 1 else 1
            words.insert(at, name)
            sentences[n] = " ".join(words)
        return " ".join(sentences)


def search_words(vocabulary):
    """Two words a reader might search articles for, each in about 10% of them, and two for
    quotes, each in about 5% of them (so both together narrow the archive to a page or a few)."""
    tokens_per_article, tokens_per_quote = 550, 25
    return vocabulary.search_words(tokens_per_article, 0.10), vocabulary.search_words(tokens_per_quote, 0.05)


def recipe(vocabulary):
    """What makes two builds equal: the generator, its seed and the vocabulary it drew from."""
    words = hashlib.sha256("\n".join(vocabulary.words).encode()).hexdigest()[:12]
    return f"v{GENERATOR_VERSION}-seed{SEED}-{words}"
