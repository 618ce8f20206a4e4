"""Playwright driving Debian's Chromium against pytest-django's live server.

One browser per session, a fresh context and page per test. Without a Chromium the browser tests
skip, unless NEWSROOM_REQUIRE_BROWSER=1 (CI), when they fail instead.
"""

import datetime as dt
import os
import shutil
from types import SimpleNamespace

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from people.models import Organization
from tests.factories import (
    AffiliationFactory,
    AliasFactory,
    ArticleFactory,
    OrganizationFactory,
    PersonFactory,
    QuoteFactory,
)
from tests.helpers import HONG_KONG

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
NO_CHROMIUM = (
    "Browser tests need Debian's Chromium and found none at {path}: "
    "apt-get install -y chromium (or set NEWSROOM_CHROMIUM to a Chromium executable)"
)

# Runs in every document before the page's own code: CSP violations are otherwise only console text.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline code"} on ${event.documentURI}`
  );
});
"""


@pytest.fixture(scope="session")
def chromium_executable():
    path = os.environ.get("NEWSROOM_CHROMIUM") or shutil.which("chromium")
    if path and os.access(path, os.X_OK):
        return path
    message = NO_CHROMIUM.format(path=path or "chromium on PATH")
    if os.environ.get("NEWSROOM_REQUIRE_BROWSER") == "1":
        pytest.fail(
            f"{message}. NEWSROOM_REQUIRE_BROWSER=1, so this is a failure, not a skip.", pytrace=False
        )
    pytest.skip(message)


@pytest.fixture(scope="package")
def browser(chromium_executable):
    # Playwright's sync API keeps an event loop running in the test thread, so Django would refuse the
    # ORM calls that factories and transactional_db make from it (SynchronousOnlyOperation). Only while
    # the browser runs: the rest of the suite keeps Django's async-safety check.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_executable, headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def browser_problems():
    """Console errors, uncaught exceptions and CSP violations from every page the test's browser opened."""
    return []


@pytest.fixture
def page(browser, live_server, browser_problems):
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    context.expose_function("reportCspViolation", lambda text: browser_problems.append(f"CSP: {text}"))
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()

    def on_console(message):
        if message.type == "error":
            browser_problems.append(f"console error on {message.location['url']}: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: browser_problems.append(f"uncaught error on {page.url}: {error}"))
    yield page
    context.close()


@pytest.fixture
def story(live_server, transactional_db):
    """The seed situation: Hun Sen refuses to negotiate; Sam Rainsy, quoted the day before and in January."""
    scmp = OrganizationFactory(
        name="South China Morning Post",
        slug="south-china-morning-post",
        short_name="SCMP",
        kind=Organization.Kind.NEWS_OUTLET,
        country="Hong Kong",
    )
    cnrp = OrganizationFactory(
        name="Cambodia National Rescue Party",
        slug="cambodia-national-rescue-party",
        short_name="CNRP",
        country="Cambodia",
        founded_on=dt.date(2012, 7, 17),
        dissolved_on=dt.date(2017, 11, 16),
        description="Cambodia's main opposition party until its forced dissolution in November 2017.",
    )
    government = OrganizationFactory(
        name="Government of Cambodia",
        slug="government-of-cambodia",
        kind=Organization.Kind.GOVERNMENT,
        country="Cambodia",
    )
    hun_sen = PersonFactory(
        name="Hun Sen", slug="hun-sen", honorific="Samdech", description="Prime Minister of Cambodia"
    )
    sam_rainsy = PersonFactory(
        name="Sam Rainsy",
        slug="sam-rainsy",
        description=(
            "Former leader of the Cambodia National Rescue Party, in self-imposed exile since late 2015"
        ),
    )
    AliasFactory(person=sam_rainsy, name="Rainsy")
    AffiliationFactory(person=hun_sen, organization=government, role="Prime Minister")
    AffiliationFactory(
        person=sam_rainsy,
        organization=cnrp,
        role="Leader",
        start_date=dt.date(2012, 7, 17),
        end_date=dt.date(2017, 2, 11),
    )

    article = ArticleFactory(
        headline=(
            "‘No negotiation with traitors’: Cambodia Prime Minister Hun Sen refuses to talk to "
            "opposition leaders"
        ),
        slug="no-negotiation-with-traitors",
        standfirst=(
            "Despite the forced dissolution last year of the main opposition party, "
            "the general election remains scheduled for July 29"
        ),
        body=(
            "Cambodian Prime Minister Hun Sen reiterated on Tuesday he will not negotiate with opposition "
            "leaders such as Sam Rainsy, former leader of the now-defunct Cambodia National Rescue Party.\n\n"
            "Speaking at a graduation ceremony in the capital Phnom Penh, Hun Sen said: “There will be no "
            "negotiation with traitors and neither will there be a pardon for the traitors.”\n\n"
            "He added that despite the forced dissolution last year of the CNRP, the general election set "
            "to be held on July 29 will go ahead as planned.\n\n"
            "The remarks come after Sam Rainsy called anew for negotiations with Hun Sen to end the "
            "political stalemate following the dissolution.\n\n"
            "“For Cambodia, a real culture of dialogue must replace the prevailing culture of violence and "
            "impunity, which is a sad legacy from the Khmer Rouge. We all must work together towards that "
            "change in mentality.”"
        ),
        source_outlet=scmp,
        published_at=dt.datetime(2018, 3, 27, 17, 55, tzinfo=HONG_KONG),
    )
    article.people.set([hun_sen, sam_rainsy])
    article.organizations.set([cnrp])
    hun_sen_quote = QuoteFactory(
        article=article,
        speaker=hun_sen,
        position=1,
        said_on=dt.date(2018, 3, 27),
        context="at a graduation ceremony in Phnom Penh",
        text=(
            "There will be no negotiation with traitors and neither will there be a pardon for the traitors."
        ),
    )
    march_quotes = [
        QuoteFactory(
            article=article,
            speaker=sam_rainsy,
            position=2,
            said_on=dt.date(2018, 3, 26),
            context="on his Facebook page",
            text=(
                "I continue to believe in the culture of dialogue when it is sincerely implemented, "
                "meaning without threats or bullying."
            ),
        ),
        QuoteFactory(
            article=article,
            speaker=sam_rainsy,
            position=3,
            said_on=dt.date(2018, 3, 26),
            text="I urge Hun Sen not to take everything personally.",
        ),
        QuoteFactory(
            article=article,
            speaker=sam_rainsy,
            position=4,
            said_on=dt.date(2018, 3, 26),
            featured=True,
            text=(
                "For Cambodia, a real culture of dialogue must replace the prevailing culture of violence "
                "and impunity, which is a sad legacy from the Khmer Rouge."
            ),
        ),
    ]

    older_article = ArticleFactory(
        headline="Sam Rainsy launches a movement to carry on the dissolved opposition party",
        slug="sam-rainsy-launches-a-movement",
        standfirst="The exiled opposition leader says the work of the dissolved party must go on.",
        published_at=dt.datetime(2018, 1, 10, 9, 30, tzinfo=HONG_KONG),
    )
    older_article.people.set([sam_rainsy])
    older_article.organizations.set([cnrp])
    january_quote = QuoteFactory(
        article=older_article,
        speaker=sam_rainsy,
        position=1,
        said_on=dt.date(2018, 1, 9),
        text="The party was dissolved, but the people who voted for it have not gone away.",
    )
    # An imported copy with no outlet: its source address and a long word must not widen a phone's page.
    long_address = "https://example.org//wiki/" + "Harbour_authority_minutes_of_the_ferry_crossing_" * 3
    ferry = ArticleFactory(
        headline="Ferry crews walk out over harbour pay",
        slug="ferry-crews-walk-out",
        standfirst="",
        body=(
            "Ferry crews stopped work on Wednesday in a dispute over pay.\n\n"
            f"The minutes are published at {long_address} for anyone to read, "
            "Pneumonoultramicroscopicsilicovolcanoconiosis-and-other-unbroken-words included.\n\n"
            "“Crossings resume on Friday,” the harbour authority said in a statement.\n\n"
            "“Nobody asked the crews,” a spokesman for the authority said."
        ),
        source_url=long_address,
        published_at=dt.datetime(2018, 1, 5, 9, 10, tzinfo=HONG_KONG),
    )
    ferry.people.set([sam_rainsy])
    # Quotes by an organization itself and by an unnamed source speaking for it.
    harbour = OrganizationFactory(name="Harbour Authority", slug="harbour-authority", short_name="")
    QuoteFactory(
        article=ferry,
        speaker=None,
        source_kind="organization",
        organization=harbour,
        said_on=dt.date(2018, 1, 5),
        text="Crossings resume on Friday,",
    )
    QuoteFactory(
        article=ferry,
        speaker=None,
        source_kind="unnamed",
        source_description="a spokesman for the authority",
        organization=harbour,
        said_on=dt.date(2018, 1, 5),
        text="Nobody asked the crews,",
    )
    return SimpleNamespace(
        article=article,
        ferry=ferry,
        older_article=older_article,
        hun_sen=hun_sen,
        sam_rainsy=sam_rainsy,
        cnrp=cnrp,
        hun_sen_quote=hun_sen_quote,
        march_quotes=march_quotes,
        january_quote=january_quote,
    )
