"""Word search on articles and quotes: the same results on SQLite (FTS5) and PostgreSQL (tsvector)."""

import pytest
from django.test.html import parse_html

from articles.models import Article
from articles.search import ARTICLES
from newsroom.search import search
from tests.factories import ArticleFactory, DraftArticleFactory, PersonFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [article.headline for article in response.context["page_obj"]]


@pytest.mark.parametrize(
    ("typed", "printed"),
    [("Gdansk", "Gdańsk"), ("Erdogan", "Erdoğan"), ("Gdańsk", "Gdansk"), ("ERDOĞAN", "Erdogan")],
)
def test_search_finds_words_whatever_their_accents(client, typed, printed):
    ArticleFactory(headline=f"Shipyard strike in {printed}")
    ArticleFactory(headline="Shipyard strike elsewhere")

    assert titles(client.get("/articles/", {"q": typed})) == [f"Shipyard strike in {printed}"]


def test_search_finds_other_forms_of_a_word(client):
    ArticleFactory(headline="Farmers protested the tariffs")

    assert titles(client.get("/articles/?q=protest+tariff")) == ["Farmers protested the tariffs"]


def test_search_keeps_short_common_words(client):
    ArticleFactory(headline="The will of the people")
    ArticleFactory(headline="A people's budget")

    assert titles(client.get("/articles/?q=will+of")) == ["The will of the people"]


def test_search_ranks_a_headline_match_above_a_passing_mention(client):
    ArticleFactory(headline="Budget day", body="Ferries were mentioned once, in passing.")
    ArticleFactory(headline="Ferries stop over pay", body="The ferries stopped. Ferries will resume.")

    assert titles(client.get("/articles/?q=ferries")) == ["Ferries stop over pay", "Budget day"]


def test_search_marks_the_matched_words_and_escapes_the_rest(client):
    ArticleFactory(
        headline="Ferries & buses", standfirst="<b>Ferries</b> & buses halted.", body="Ferries stopped."
    )

    response = client.get("/articles/?q=ferries")

    title = response.text.split('class="item__title"')[1].split("</h3>")[0]
    assert "Ferries &amp; buses" in title and "<mark>" not in title  # the headline reads as written
    summary = response.text.split('class="item__summary"')[1].split("</p>")[0]
    assert "<mark>Ferries</mark>" in summary
    assert "&lt;b&gt;" in summary and "<b>" not in summary
    assert "&amp; buses" in summary


def test_search_shows_a_passage_of_the_text_around_the_match(client):
    body = (
        "Opening paragraph about something else.\n\n"
        + "Filler words here. " * 40
        + "The harbour ferries stopped."
    )
    ArticleFactory(headline="A long story", standfirst="A summary.", body=body)

    response = client.get("/articles/?q=harbour")

    assert '<p class="item__excerpt">' in response.text
    assert "<mark>harbour</mark>" in response.text


def test_the_header_search_box_keeps_the_words_searched_for(client):
    ArticleFactory(headline="Ferries stop")

    response = client.get("/articles/?q=ferries+stop")

    box = parse_html(
        '<input type="search" id="site-search-q" name="q" placeholder="Search articles" '
        'maxlength="200" value="ferries stop">'
    )
    assert box in parse_html(response.text)


def test_quote_search_finds_the_speakers_name_and_marks_matches_in_the_quote(client):
    speaker = PersonFactory(name="Recep Tayyip Erdoğan")
    QuoteFactory(speaker=speaker, text="We will never accept this.")
    QuoteFactory(text="Someone else will accept it.")

    response = client.get("/quotes/?q=erdogan+accept")

    assert [quote.text for quote in response.context["page_obj"]] == ["We will never accept this."]
    assert "<mark>accept</mark>" in response.text


def test_renaming_a_speaker_moves_their_quotes_in_the_search(client):
    speaker = PersonFactory(name="Sam Rainsey")
    QuoteFactory(speaker=speaker, text="A real culture of dialogue.")
    speaker.name = "Sam Rainsy"
    speaker.save()

    assert len(client.get("/quotes/?q=rainsy").context["page_obj"]) == 1
    assert len(client.get("/quotes/?q=rainsey").context["page_obj"]) == 0


def test_punctuation_alone_searches_for_nothing_and_breaks_nothing(client):
    ArticleFactory(headline="Ferries")

    for typed in ['"', "*", "''", "AND OR NOT", "(", "-", "NEAR(", ":"]:
        response = client.get("/articles/", {"q": typed})
        assert response.status_code == 200, typed


@pytest.mark.parametrize(
    ("with_the_word", "expected"),
    [
        (range(10), ["Story 9", "Story 8", "Story 7"]),  # in most of the newest stories
        (range(4), ["Story 3", "Story 2", "Story 1"]),  # only in old ones
        ([0, 5, 9], ["Story 9", "Story 5", "Story 0"]),
    ],
    ids=["common", "rare", "scattered"],
)
def test_a_search_ranks_only_the_newest_matches_however_common_the_words(with_the_word, expected):
    for n in range(10):
        ArticleFactory(
            headline=f"Story {n}", body="The harbour reopened." if n in with_the_word else "Quiet."
        )

    found = search(Article.objects.all(), ARTICLES, "harbour", newest=3).order_by("-pk")

    assert [article.headline for article in found] == expected


@pytest.mark.parametrize("path", ["/articles/", "/quotes/"])
def test_search_results_run_over_pages_best_first_each_highlighted_and_counted(client, path):
    for n in range(23):
        quote = QuoteFactory(text=f"The ferries {'ferries ' * (n % 3)}stopped, number {n}.")
        quote.article.headline = f"Story {n}"
        quote.article.body = f"The ferries {'ferries ' * (n % 3)}stopped."
        quote.article.save()
    QuoteFactory(article=DraftArticleFactory(body="Draft ferries."), text="Draft ferries.")

    first, second = (client.get(path, {"q": "ferries", "page": page}) for page in (1, 2))

    rows = [*first.context["page_obj"], *second.context["page_obj"]]
    assert len(first.context["page_obj"]) == 20 and len(rows) == 23
    assert len({row.pk for row in rows}) == 23  # every match once, no draft
    assert "23 " in first.text.split('class="results__count"')[1].split("</h2>")[0]
    assert all("<mark>" in page.text.split('class="results__count"')[1] for page in (first, second))
    # Those saying "ferries" three times first (n = 2, 5, ... 20), newest first among them.
    words = [row.text if path == "/quotes/" else row.body for row in rows]
    assert [w.count("ferries") for w in words[:8]] == [3] * 7 + [2]
    assert [row.pk for row in rows[:7]] == sorted((row.pk for row in rows[:7]), reverse=True)
