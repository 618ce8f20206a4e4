"""Every reader page, requested in process with the test client: status, size, SQL queries, and the
server time of repeated requests (median and 95th percentile).

The person, organization, dates and words are picked from the data as a reader meets them: a
popular person (the 10th most quoted), a popular organization (the 5th most mentioned), the
latest complete calendar year, words of middling frequency, the deepest page the list offers up
to page 400.
"""

import math
import re
import statistics
import time
import traceback
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Quote
from benchmarks import plans
from people.models import Organization, Person

WARMUPS = 2
RUNS = 25
# A page slower than this many seconds over its runs stops early (at least MIN_RUNS timed requests):
# a page that takes 30 s is reported as slow from 3 requests as well as from 25.
BUDGET = 20.0
MIN_RUNS = 3
DEEP_PAGE = 400
POPULAR_PERSON = 10
POPULAR_ORGANIZATION = 5


@dataclass
class Page:
    name: str
    url: str


@dataclass
class Result:
    name: str
    url: str
    status: int = 0
    queries: int = 0
    p50_ms: float | None = None
    p95_ms: float | None = None
    bytes: int = 0
    runs: int = 0
    full_scans: int = 0
    error: str = ""
    plans: list = field(default_factory=list)

    def as_json(self):
        data = {
            "name": self.name,
            "url": self.url,
            "status": self.status,
            "queries": self.queries,
            "p50_ms": self.p50_ms,
            "p95_ms": self.p95_ms,
            "bytes": self.bytes,
            "runs": self.runs,
            "full_scans": self.full_scans,
        }
        if self.error:
            data["error"] = self.error
        return data


def forwarded_headers():
    """What the TLS-ending proxy in front of production adds: without it, a site that redirects
    plain HTTP to HTTPS answers every page with a 301, and the benchmark would time redirects."""
    from django.conf import settings

    header = settings.SECURE_PROXY_SSL_HEADER
    if not header:
        return {}
    name, value = header
    return {name.removeprefix("HTTP_").replace("_", "-").title(): value}


def get(client, url):
    """The response to a GET, or a stand-in 500 carrying the exception, which is reported, not raised."""
    try:
        return client.get(url), ""
    except Exception as error:
        return None, "".join(traceback.format_exception(error)).strip()


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def choose(search_words, say=print):
    """The reader's picks: who, what, when and which words; and the pages they lead to."""
    published = Article.objects.published()
    quoted = (
        # People and organizations an editor has reviewed: the others have no public page yet.
        Quote.objects.filter(article__in=published.values("pk"), speaker__needs_review=False)
        .values("speaker")
        .annotate(n=Count("pk"))
        .order_by("-n", "speaker")
    )
    ranked = list(quoted[:POPULAR_PERSON])
    speaker = ranked[-1]
    person = Person.objects.get(pk=speaker["speaker"])
    named = (
        Organization.objects.filter(articles__in=published.values("pk"), needs_review=False)
        .annotate(n=Count("articles"))
        .order_by("-n", "pk")
    )
    organization = list(named[:POPULAR_ORGANIZATION])[-1]
    newest = published.order_by("-published_at").values_list("published_at", flat=True).first()
    year = timezone.localtime(newest).year - 1
    date_after, date_before = f"{year}-01-01", f"{year}-12-31"
    article = published.filter(quotes__speaker=person).order_by("-published_at").first()
    article_words, quote_words = search_words
    picks = {
        "person": {"slug": person.slug, "name": person.name, "quotes": speaker["n"], "rank": len(ranked)},
        "organization": {"slug": organization.slug, "name": organization.name, "articles": organization.n},
        "dates": [date_after, date_before],
        "article": article.get_absolute_url(),
        "article_words": article_words,
        "quote_words": quote_words,
    }
    say(
        f"picked: {person.name} ({speaker['n']:,} quotes, the {len(ranked)}th most quoted), "
        f"{organization.name} ({organization.n:,} articles), {year}, "
        f"words {' '.join(article_words)!r} in articles and {' '.join(quote_words)!r} in quotes"
    )
    articles, quotes = reverse("articles:article-list"), reverse("articles:quote-list")
    dates = {"date_after": date_after, "date_before": date_before}
    pages = [
        Page("home", reverse("home")),
        Page("article-list", articles),
        Page("article-list-person", with_query(articles, person=person.slug)),
        Page("article-list-person-date", with_query(articles, person=person.slug, **dates)),
        Page("article-list-organization", with_query(articles, organization=organization.slug)),
        Page("article-list-search", with_query(articles, q=" ".join(article_words))),
        Page("article-list-deep", ""),  # filled in from page 1's pagination
        Page("article", article.get_absolute_url()),
        Page("quote-list-person-date", with_query(quotes, person=person.slug, **dates)),
        Page("quote-list-search", with_query(quotes, q=" ".join(quote_words))),
        Page("person", person.get_absolute_url()),
        Page("organization", organization.get_absolute_url()),
        Page("person-list", reverse("people:person-list")),
        Page("organization-list", reverse("people:organization-list")),
        Page("archive-year", reverse("articles:article-year", kwargs={"year": year})),
        Page("archive-month", reverse("articles:article-month", kwargs={"year": year, "month": 6})),
        Page("feed-articles", reverse("articles:article-feed")),
        Page("feed-person", reverse("people:person-feed", kwargs={"slug": person.slug})),
        Page("sitemap", reverse("sitemap")),
    ]
    return pages, picks


def with_query(path, **params):
    return f"{path}?{urlencode(params)}"


def deepest_page(html, limit=DEEP_PAGE):
    """The highest page number page 1 offers (a link, or "Page 1 of N"), up to `limit`; None if none."""
    numbers = [int(n) for n in re.findall(r"[?&;]page=(\d+)", html)]
    numbers += [int(n.replace(",", "")) for n in re.findall(r"Page\s+\d+\s+of\s+([\d,]+)", html)]
    return min(max(numbers), limit) if numbers else None


def sitemap_sections(xml):
    """The section sitemaps an index lists, as paths; [] when the sitemap is not an index."""
    if "<sitemapindex" not in xml:
        return []
    return [urlsplit(loc).path + (f"?{urlsplit(loc).query}" if urlsplit(loc).query else "")
            for loc in re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", xml)]  # fmt: skip


def expand(pages, client, say=print):
    """Fill in the pages that depend on others' content: the deep page, the sitemap's sections."""
    result = []
    for page in pages:
        if page.name == "article-list-deep":
            continue
        result.append(page)
        if page.name == "article-list":
            response, error = get(client, page.url)
            html = body(response).decode("utf-8", "replace") if response is not None else ""
            deep = deepest_page(html)
            if deep and deep > 1:
                result.append(Page("article-list-deep", with_query(page.url, page=deep)))
            else:
                say("!! the article list offers no page links on page 1: no deep page measured")
        if page.name == "sitemap":
            response, error = get(client, page.url)
            xml = body(response).decode("utf-8", "replace") if response is not None else ""
            sections = sitemap_sections(xml)
            if not sections:
                say("   the sitemap is a single sitemap, not an index: no section page to measure")
                continue
            article_sections = [s for s in sections if "article" in s] or sections
            result.append(Page("sitemap-section", article_sections[0]))
            if article_sections[-1] != article_sections[0]:
                result.append(Page("sitemap-section-last", article_sections[-1]))
    return result


def percentile(values, share):
    """Nearest-rank percentile: the value below which `share` of the values fall."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def measure(pages, *, runs=RUNS, warmups=WARMUPS, budget=BUDGET, explain=False, say=print):
    client = Client(headers=forwarded_headers())
    pages = expand(pages, client, say)
    results, shown = [], set()
    for page in pages:
        result = measure_page(client, page, runs=runs, warmups=warmups, budget=budget, explain=explain)
        results.append(result)
        line = f"  {page.name:<28} {result.status:>3}  {result.queries:>3} queries"
        if result.p50_ms is not None:
            line += f"  p50 {result.p50_ms:>9.1f} ms  p95 {result.p95_ms:>9.1f} ms  ({result.runs} runs)"
        say(line)
        if result.error:
            # Each error in full once; after that, its last line.
            last = result.error.strip().splitlines()[-1]
            say("!! " + (last if last in shown else result.error.replace("\n", "\n!! ")))
            shown.add(last)
    return results


def measure_page(client, page, *, runs, warmups, budget, explain):
    result = Result(page.name, page.url)
    recorder = plans.Recorder()
    with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(recorder):
        started = time.perf_counter()
        response, error = get(client, page.url)
        first = time.perf_counter() - started
    if response is None:
        result.status, result.error = 500, error
        return result
    result.status = response.status_code
    result.bytes = len(body(response))
    result.queries = len(captured.captured_queries)
    result.plans = plans.explain_all(recorder.queries)
    result.full_scans = sum(len(plan.offending) for plan in result.plans)
    if not explain:
        result.plans = [plan for plan in result.plans if plan.offending]
    # Slow pages get fewer warm-ups and runs, never fewer than MIN_RUNS.
    for _ in range(warmups - 1 if first * warmups < budget else 0):
        get(client, page.url)
    times = []
    deadline = time.perf_counter() + budget
    for _ in range(runs):
        started = time.perf_counter()
        response, error = get(client, page.url)
        if response is not None:
            body(response)
        elapsed = time.perf_counter() - started
        if response is None or response.status_code != result.status:
            result.error = error or f"status changed from {result.status} to {response.status_code}"
            result.status = 500 if response is None else response.status_code
            break
        times.append(elapsed * 1000)
        if len(times) >= MIN_RUNS and time.perf_counter() > deadline:
            break
    if times:
        result.runs = len(times)
        result.p50_ms = round(statistics.median(times), 2)
        result.p95_ms = round(percentile(times, 0.95), 2)
    return result
