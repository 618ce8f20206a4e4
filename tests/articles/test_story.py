"""The article page as a story: its quotes marked up where the copy has them and tied to their
speakers, the pull quote among the paragraphs, who is in it, related coverage, honest dates."""

import datetime as dt
import re

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from articles.views import find_quotes
from tests.factories import (
    AffiliationFactory,
    ArticleFactory,
    DraftArticleFactory,
    OrganizationFactory,
    PersonFactory,
    QuoteFactory,
)
from tests.helpers import hk

pytestmark = pytest.mark.django_db

BODY = (
    "Cambodian Prime Minister Hun Sen reiterated on Tuesday he will not negotiate.\n\n"
    "Speaking at a graduation ceremony, Hun Sen said: “There will be no negotiation with traitors.”\n\n"
    "He added that the election will go ahead.\n\n"
    "“I urge Hun Sen not to take everything personally,” Sam Rainsy said.\n\n"
    "“For Cambodia, a real culture of dialogue must replace the culture of violence.”\n\n"
    "The CNRP was dissolved in November last year."
)


@pytest.fixture
def story():
    hun_sen = PersonFactory(slug="hun-sen", name="Hun Sen", description="")
    sam_rainsy = PersonFactory(slug="sam-rainsy", name="Sam Rainsy", description="")
    government = OrganizationFactory(slug="government", name="Royal Government of Cambodia")
    cnrp = OrganizationFactory(slug="cnrp", name="Cambodia National Rescue Party", short_name="CNRP")
    AffiliationFactory(person=hun_sen, organization=government, role="Prime Minister")
    AffiliationFactory(person=sam_rainsy, organization=cnrp, role="Leader", end_date=dt.date(2017, 2, 11))
    article = ArticleFactory(
        slug="no-negotiation", body=BODY, published_at=hk(2018, 3, 27, 17, 55), source_url=""
    )
    article.people.set([hun_sen, sam_rainsy])
    article.organizations.set([cnrp])
    quotes = [
        QuoteFactory(
            article=article,
            speaker=hun_sen,
            position=0,
            said_on=dt.date(2018, 3, 27),
            text="There will be no negotiation with traitors.",
        ),
        QuoteFactory(
            article=article,
            speaker=sam_rainsy,
            position=1,
            said_on=dt.date(2018, 3, 26),
            text="I urge Hun Sen not to take everything personally",
        ),
        QuoteFactory(
            article=article,
            speaker=sam_rainsy,
            position=2,
            said_on=dt.date(2018, 3, 26),
            featured=True,
            text="For Cambodia, a real culture of dialogue must replace the culture of violence.",
        ),
    ]
    return article, quotes


def paragraph_with(response, words):
    return next(p for p in re.findall(r"<p>(.*?)</p>", response.text, re.S) if words in p)


def test_a_quote_in_the_story_is_a_q_element_tied_to_its_speaker_with_its_anchor(client, story):
    article, (hun_sen_quote, *_) = story

    response = client.get(article.get_absolute_url())

    paragraph = paragraph_with(response, "Speaking at a graduation ceremony")
    # The copy's quotation marks are left to the <q> element, which draws them.
    assert paragraph.startswith(
        f'Speaking at a graduation ceremony, Hun Sen said: <q class="said" id="quote-{hun_sen_quote.pk}" '
        f'tabindex="0" cite="http://testserver{article.get_absolute_url()}">'
        "There will be no negotiation with traitors.</q>"
    )
    assert '<a class="quote__speaker" href="/people/hun-sen/">Hun Sen</a>' in paragraph
    assert '<span class="quote__role">, Prime Minister, Royal Government of Cambodia</span>' in paragraph
    assert "“" not in paragraph


def test_a_quotes_last_punctuation_stays_inside_its_marks(client, story):
    article, (_, urge, _) = story

    paragraph = paragraph_with(client.get(article.get_absolute_url()), "Sam Rainsy said.")

    assert f'<q class="said" id="quote-{urge.pk}"' in paragraph
    assert "I urge Hun Sen not to take everything personally,</q>" in paragraph
    # Said in March 2018, after his time as leader.
    assert '<span class="quote__role">, former leader, CNRP</span>' in paragraph


def test_words_within_a_longer_quotation_keep_the_copys_marks():
    quote = QuoteFactory.build(pk=7, text="real culture of dialogue")

    (pieces,), missing = find_quotes(["“For Cambodia, a real culture of dialogue must come.”"], [quote])

    assert missing == []
    assert pieces[0] == "“For Cambodia, a "
    assert (pieces[1].words, pieces[1].marked) == ("real culture of dialogue", False)
    assert pieces[2] == " must come.”"


def test_a_quote_the_copy_does_not_hold_is_listed_after_the_story_and_the_others_are_not(client, story):
    article, quotes = story
    added = QuoteFactory(article=article, speaker=quotes[0].speaker, text="Words added by an editor.")

    response = client.get(article.get_absolute_url())

    listed = re.search(r'<section class="article__quotes".*?</section>', response.text, re.S).group(0)
    assert f'id="quote-{added.pk}"' in listed
    assert "Words added by an editor." in listed
    for quote in quotes:
        assert quote.text not in listed


def test_the_pull_quote_sits_after_the_opening_paragraphs_and_its_words_show_twice_at_most(client, story):
    article, (*_, featured) = story

    response = client.get(article.get_absolute_url())

    text = response.text
    # After the second of six paragraphs, not above the first.
    assert text.index("There will be no negotiation") < text.index('<aside class="pull-quote"')
    assert text.index('<aside class="pull-quote"') < text.index("He added that the election")
    assert response.text.count(featured.text) == 2  # the pull quote, and the story


def test_the_story_escapes_its_copy_around_the_quotes(client):
    article = ArticleFactory(body="<b>Bold</b> “There is <script>hope</script>,” he said.")
    QuoteFactory(article=article, text="There is <script>hope</script>")

    response = client.get(article.get_absolute_url())

    assertContains(response, "&lt;b&gt;Bold&lt;/b&gt; <q")
    assertContains(response, ">There is &lt;script&gt;hope&lt;/script&gt;,</q>")
    assertNotContains(response, "<script>hope")


def test_people_in_the_story_show_their_role_at_the_time_speakers_first(client, story):
    article, _ = story
    article.people.add(PersonFactory(slug="a-bystander", name="A Bystander", description="A witness"))

    response = client.get(article.get_absolute_url())

    cast = re.search(
        r'<section class="cast" aria-labelledby="people-heading">.*?</section>', response.text, re.S
    )
    names = re.findall(
        r'class="cast__name" href="[^"]+">([^<]+)</a>\s*<span class="cast__role">([^<]+)</span>',
        cast.group(0),
    )
    assert names == [
        ("Hun Sen", "Prime Minister, Royal Government of Cambodia"),
        ("Sam Rainsy", "Former leader, CNRP"),
        ("A Bystander", "A witness"),
    ]


def test_someone_awaiting_review_is_credited_by_name_without_a_link(client, story):
    article, (hun_sen_quote, *_) = story
    hun_sen_quote.speaker.needs_review = True
    hun_sen_quote.speaker.save()

    response = client.get(article.get_absolute_url())

    assertContains(response, '<span class="quote__speaker">Hun Sen</span>')
    assertNotContains(response, 'href="/people/hun-sen/"')


def test_related_articles_share_the_most_people_newest_first(client, story):
    article, quotes = story
    hun_sen, sam_rainsy = quotes[0].speaker, quotes[1].speaker
    both_old = ArticleFactory(headline="Both, older", published_at=hk(2018, 1, 1, 9))
    both_old.people.set([hun_sen, sam_rainsy])
    one_new = ArticleFactory(headline="One, newer", published_at=hk(2018, 3, 1, 9))
    one_new.people.set([hun_sen])
    one_old = ArticleFactory(headline="One, older", published_at=hk(2017, 3, 1, 9))
    one_old.people.set([sam_rainsy])
    ArticleFactory(headline="Nobody shared").people.set([PersonFactory()])
    DraftArticleFactory(headline="A draft").people.set([hun_sen, sam_rainsy])

    response = client.get(article.get_absolute_url())

    assert [other.headline for other in response.context["related"]] == [
        "Both, older",
        "One, newer",
        "One, older",
    ]
    assertContains(response, '<h2 id="related-heading">Related articles</h2>', html=True)


def test_related_articles_come_from_each_persons_newest_mentions_only(client, story, monkeypatch):
    monkeypatch.setattr("articles.views.RELATED_CANDIDATES", 2)
    article, quotes = story
    hun_sen = quotes[0].speaker
    for day in range(1, 5):
        ArticleFactory(headline=f"March {day}", published_at=hk(2018, 3, day, 9)).people.set([hun_sen])

    response = client.get(article.get_absolute_url())

    assert [other.headline for other in response.context["related"]] == ["March 4", "March 3"]


@pytest.mark.parametrize(
    ("updated", "shown"), [(hk(2018, 3, 27, 17, 55, 30), False), (hk(2018, 3, 28, 9, 0), True)]
)
def test_updated_shows_only_when_it_says_more_than_published(client, story, updated, shown):
    article, _ = story
    article.updated_at = updated
    article.save()

    response = client.get(article.get_absolute_url())

    assert ("Updated" in response.text) is shown


def test_a_source_without_an_outlet_shows_its_host_not_its_address(client):
    address = "https://en.wikinews.org//wiki/" + "Harbour_authority_minutes_" * 5
    article = ArticleFactory(source_url=address)

    response = client.get(article.get_absolute_url())

    assertContains(response, f'<a href="{address}" rel="external noopener">en.wikinews.org</a>', html=True)


def test_fragments_are_marked_as_fragments_in_lists(client):
    QuoteFactory(text="and there is hope")

    response = client.get("/quotes/")

    assertContains(response, "<blockquote><p>…and there is hope…</p></blockquote>", html=True)
