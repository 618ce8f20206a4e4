import datetime as dt
import io
import json
import re

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from people.models import Organization
from tests.factories import (
    AffiliationFactory,
    ArticleFactory,
    BylineFactory,
    DraftArticleFactory,
    OrganizationFactory,
    PersonFactory,
    QuoteFactory,
    UserFactory,
)
from tests.helpers import hk

pytestmark = pytest.mark.django_db


def titles(response):
    return [article.headline for article in response.context["page_obj"]]


def quote_texts(response):
    return [quote.text for quote in response.context["page_obj"]]


def json_ld(response):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.text, re.S)
    assert match, "no JSON-LD script"
    return json.loads(match.group(1))


@pytest.fixture
def seed():
    """The seed situation: one SCMP article of 27 March 2018, 17:55 Hong Kong time."""
    hun_sen = PersonFactory(slug="hun-sen", name="Hun Sen")
    sam_rainsy = PersonFactory(slug="sam-rainsy", name="Sam Rainsy")
    taro_kono = PersonFactory(slug="taro-kono", name="Taro Kono")
    cnrp = OrganizationFactory(slug="cnrp", name="Cambodia National Rescue Party", short_name="CNRP")
    AffiliationFactory(person=sam_rainsy, organization=cnrp, role="Leader")
    outlet = OrganizationFactory(
        slug="south-china-morning-post", name="South China Morning Post", kind=Organization.Kind.NEWS_OUTLET
    )
    article = ArticleFactory(
        headline="No negotiation with traitors: Hun Sen refuses to talk to opposition",
        slug="hun-sen-no-negotiation",
        standfirst="The general election remains scheduled for July 29",
        body="Cambodian Prime Minister Hun Sen reiterated on Tuesday he will not negotiate.\n\n"
        "He added that the election will go ahead.",
        published_at=hk(2018, 3, 27, 17, 55),
        source_outlet=outlet,
        source_url="https://www.scmp.com/news/asia/article/2139095",
    )
    article.people.set([hun_sen, sam_rainsy, taro_kono])
    article.organizations.set([cnrp])
    QuoteFactory(
        article=article,
        speaker=hun_sen,
        text="There will be no negotiation with traitors.",
        said_on=dt.date(2018, 3, 27),
        context="at a graduation ceremony in Phnom Penh",
        position=0,
        featured=True,
    )
    for position, text in enumerate(
        [
            "I continue to believe in the culture of dialogue.",
            "I urge Hun Sen not to take everything personally.",
            "For Cambodia, a real culture of dialogue must replace the culture of violence.",
        ],
        start=1,
    ):
        QuoteFactory(
            article=article,
            speaker=sam_rainsy,
            text=text,
            said_on=dt.date(2018, 3, 26),
            context="on his Facebook page",
            position=position,
        )
    return article


# Article list and its filters


def test_article_list_shows_published_articles_newest_first(client):
    ArticleFactory(headline="Older story", published_at=hk(2018, 1, 1, 9))
    ArticleFactory(headline="Newer story", published_at=hk(2018, 2, 1, 9))

    response = client.get("/articles/")

    assert titles(response) == ["Newer story", "Older story"]


def test_article_list_is_paginated_twenty_to_a_page(client):
    for day in range(1, 26):
        ArticleFactory(headline=f"Story of day {day}", published_at=hk(2018, 1, day, 9))

    first = client.get("/articles/")
    second = client.get("/articles/?page=2")

    assert len(titles(first)) == 20
    assert titles(second) == [f"Story of day {day}" for day in range(5, 0, -1)]
    assertContains(first, "Page 1 of 2")


def test_pagination_links_keep_the_filters(client):
    for day in range(1, 26):
        ArticleFactory(headline=f"Budget story {day}", published_at=hk(2018, 1, day, 9))

    response = client.get("/articles/?q=budget&date_after=2018-01-01")

    assertContains(response, 'href="?q=budget&amp;date_after=2018-01-01&amp;page=2"')


def test_person_filter_lists_articles_that_mention_them(client, seed):
    response = client.get("/articles/?person=taro-kono")

    assert titles(response) == [seed.headline]


def test_person_filter_combined_with_a_later_date_lists_nothing(client, seed):
    response = client.get("/articles/?person=taro-kono&date_after=2018-04-01")

    assert titles(response) == []
    assertContains(response, "No published articles match these filters.")


def test_person_filter_includes_articles_that_only_quote_them(client):
    speaker = PersonFactory(slug="only-quoted")
    quote = QuoteFactory(speaker=speaker)
    ArticleFactory(headline="Unrelated story")

    response = client.get("/articles/?person=only-quoted")

    assert titles(response) == [quote.article.headline]


def test_person_filter_lists_an_article_once_when_it_both_mentions_and_quotes_them(client, seed):
    response = client.get("/articles/?person=sam-rainsy")

    assert titles(response) == [seed.headline]


def test_organization_filter_lists_articles_that_mention_it(client, seed):
    ArticleFactory(headline="Unrelated story")

    response = client.get("/articles/?organization=cnrp")

    assert titles(response) == [seed.headline]


def test_date_filters_use_the_newsroom_time_zone(client):
    # 00:30 in Hong Kong on 27 March is still 26 March in UTC.
    ArticleFactory(headline="Just after midnight", published_at=hk(2018, 3, 27, 0, 30))

    assert titles(client.get("/articles/?date_after=2018-03-27")) == ["Just after midnight"]
    assert titles(client.get("/articles/?date_before=2018-03-27")) == ["Just after midnight"]
    assert titles(client.get("/articles/?date_before=2018-03-26")) == []
    assert titles(client.get("/articles/?date_after=2018-03-28")) == []


def test_date_filters_are_inclusive_at_both_ends(client):
    ArticleFactory(headline="Late evening", published_at=hk(2018, 3, 27, 23, 59))

    response = client.get("/articles/?date_after=2018-03-27&date_before=2018-03-27")

    assert titles(response) == ["Late evening"]


def test_search_needs_every_word_somewhere_in_headline_standfirst_or_body(client):
    ArticleFactory(headline="Hun Sen speaks", standfirst="About the election", body="Nothing else.")
    ArticleFactory(headline="Hun Sen speaks again", standfirst="About the weather", body="Nothing else.")

    response = client.get("/articles/?q=hun+ELECTION")

    assert titles(response) == ["Hun Sen speaks"]


def test_search_finds_words_in_the_body(client):
    ArticleFactory(headline="Plain headline", body="First.\n\nThe graduation ceremony was long.")

    assert titles(client.get("/articles/?q=graduation")) == ["Plain headline"]


def test_filters_combine(client, seed):
    ArticleFactory(headline="Hun Sen on the economy", published_at=hk(2018, 3, 20, 9)).people.add(
        seed.people.get(slug="hun-sen")
    )

    response = client.get("/articles/?person=hun-sen&q=traitors")

    assert titles(response) == [seed.headline]


def test_filters_fold_behind_a_filter_control_that_says_how_many_are_chosen(client):
    response = client.get("/articles/?q=budget&date_after=2018-01-01")

    assertContains(response, '<details class="filters">')
    assertContains(
        response,
        '<summary class="filters__toggle">Filter <span class="filters__chosen">(2 chosen)</span></summary>',
        html=True,
    )


def test_a_bad_date_is_shown_back_in_its_own_field_with_the_error(client):
    response = client.get("/articles/?date_after=2018-13-45&date_before=2018-12-31")

    # Open, so the problem is in sight; a date box would show the bad date as empty, so it is text.
    assertContains(response, '<details class="filters" open>')
    assertContains(response, "Enter a valid date.")
    assertContains(
        response,
        '<input type="text" name="date_after" value="2018-13-45" inputmode="numeric" '
        'placeholder="YYYY-MM-DD" aria-invalid="true" id="id_date_0">',
        html=True,
    )
    assertContains(
        response,
        '<input type="date" name="date_before" value="2018-12-31" aria-invalid="true" id="id_date_1">',
        html=True,
    )


def test_article_list_links_to_year_archives(client, seed):
    assertContains(client.get("/articles/"), 'href="/articles/2018/"')


# Article page


def test_article_page_shows_headline_standfirst_and_dates_in_hong_kong_time(client, seed):
    seed.updated_at = hk(2018, 3, 28, 9, 0)
    seed.save()

    response = client.get("/articles/2018/03/27/hun-sen-no-negotiation/")

    assertContains(
        response, "<h1>No negotiation with traitors: Hun Sen refuses to talk to opposition</h1>", html=True
    )
    assertContains(response, "The general election remains scheduled for July 29")
    assertContains(
        response, '<time datetime="2018-03-27T17:55:00+08:00">27 March 2018, 17:55</time>', html=True
    )
    assertContains(
        response, '<time datetime="2018-03-28T09:00:00+08:00">28 March 2018, 09:00</time>', html=True
    )


def test_article_page_lists_bylines_in_their_order(client):
    article = ArticleFactory()
    BylineFactory(article=article, author=PersonFactory(name="Second Writer"), position=2)
    BylineFactory(article=article, author=PersonFactory(name="First Writer"), position=1)

    response = client.get(article.get_absolute_url())

    text = response.text
    assert text.index("First Writer") < text.index("Second Writer")
    assertContains(response, "First Writer</a> and <a")


def test_a_byline_awaiting_review_is_credited_by_name_without_a_link(client):
    article = ArticleFactory()
    BylineFactory(
        article=article, author=PersonFactory(name="New Writer", slug="new-writer", needs_review=True)
    )

    response = client.get(article.get_absolute_url())

    assertContains(response, '<p class="byline">By New Writer</p>', html=True)
    assertNotContains(response, 'href="/people/new-writer/"')
    assert json_ld(response)["author"] == [{"@type": "Person", "name": "New Writer"}]


def test_article_body_is_split_into_escaped_paragraphs(client):
    article = ArticleFactory(body="First <b>bold</b> claim.\n\n<script>alert(1)</script>Second.")

    response = client.get(article.get_absolute_url())

    assertContains(response, "<p>First &lt;b&gt;bold&lt;/b&gt; claim.</p>", html=True)
    assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;Second.")
    assertNotContains(response, "<script>alert(1)</script>")


def test_article_quotes_are_linked_to_their_speakers_with_date_and_context(client, seed):
    response = client.get(seed.get_absolute_url())

    assertContains(
        response,
        "<blockquote><p>I continue to believe in the culture of dialogue.</p></blockquote>",
        html=True,
    )
    assertContains(response, '<a class="quote__speaker" href="/people/sam-rainsy/">Sam Rainsy</a>', html=True)
    assertContains(response, '<time datetime="2018-03-26">26 March 2018</time>', html=True)
    assertContains(response, "on his Facebook page")


def test_featured_quote_is_the_pull_quote(client, seed):
    response = client.get(seed.get_absolute_url())

    pull_quote = re.search(r'<aside class="pull-quote".*?</aside>', response.text, re.S).group(0)
    assert "There will be no negotiation with traitors." in pull_quote
    assert 'href="/people/hun-sen/"' in pull_quote


def test_article_page_links_people_and_organizations_it_mentions(client, seed):
    response = client.get(seed.get_absolute_url())

    assertContains(response, '<a class="cast__name" href="/people/taro-kono/">Taro Kono</a>', html=True)
    assertContains(
        response,
        '<a class="cast__name" href="/organizations/cnrp/">Cambodia National Rescue Party (CNRP)</a>',
        html=True,
    )


def test_article_page_credits_the_source_outlet(client, seed):
    response = client.get(seed.get_absolute_url())

    assertContains(response, "Originally published by")
    assertContains(
        response,
        '<a href="https://www.scmp.com/news/asia/article/2139095" rel="external noopener">'
        "South China Morning Post</a>",
        html=True,
    )


def test_article_page_never_links_a_source_that_is_not_a_web_address(client):
    article = ArticleFactory(source_url="javascript:alert(1)")

    assertNotContains(client.get(article.get_absolute_url()), "javascript:")


def test_article_page_carries_news_article_json_ld_and_open_graph(client, seed):
    BylineFactory(article=seed, author=PersonFactory(name="Reporter Name", slug="reporter-name"))

    response = client.get(seed.get_absolute_url())

    data = json_ld(response)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == seed.headline
    assert data["datePublished"] == "2018-03-27T17:55:00+08:00"
    assert data["author"] == [
        {"@type": "Person", "name": "Reporter Name", "url": "http://testserver/people/reporter-name/"}
    ]
    assert data["publisher"] == {"@type": "Organization", "name": "South China Morning Post"}
    url = "http://testserver/articles/2018/03/27/hun-sen-no-negotiation/"
    assertContains(response, f'<link rel="canonical" href="{url}">', html=True)
    assertContains(response, f'<meta property="og:url" content="{url}">', html=True)
    assertContains(response, '<meta property="og:type" content="article">', html=True)
    assertContains(response, f'<meta property="og:title" content="{seed.headline}">', html=True)


def test_json_ld_cannot_close_its_script_element(client):
    article = ArticleFactory(headline="</script><script>alert(1)</script>")

    response = client.get(article.get_absolute_url())

    assert json_ld(response)["headline"] == "</script><script>alert(1)</script>"
    assertNotContains(response, "<script>alert(1)")


def test_lead_image_has_renditions_alt_text_caption_and_credit(client):
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), "navy").save(buffer, "JPEG")
    article = ArticleFactory(
        lead_image=SimpleUploadedFile("palace.jpg", buffer.getvalue(), content_type="image/jpeg"),
        lead_image_alt="Hun Sen at a lectern",
        lead_image_caption="The prime minister in Phnom Penh.",
        lead_image_credit="Reuters",
    )

    response = client.get(article.get_absolute_url())

    img = re.search(r'<figure class="lead-image">\s*<img ([^>]*)>', response.text).group(1)
    assert 'alt="Hun Sen at a lectern"' in img
    # Renditions are named by the random name the upload was given, never the uploader's.
    assert re.search(r'srcset="[^"]*-480w\.jpg 480w, [^"]*-960w\.jpg 960w', img)
    assert "palace" not in img
    assertContains(response, "The prime minister in Phnom Penh.")
    assertContains(response, "Photo: Reuters")
    assert json_ld(response)["image"][0].startswith("http://testserver/media/renditions/")
    assertContains(response, '<meta property="og:image" content="http://testserver/media/renditions/')


def test_article_address_with_the_wrong_date_redirects_to_the_right_one(client, seed):
    response = client.get("/articles/2019/01/01/hun-sen-no-negotiation/")

    assertRedirects(response, seed.get_absolute_url(), status_code=301)


def test_unknown_article_is_a_404_in_the_site_design(client):
    response = client.get("/articles/2018/03/27/no-such-article/")

    assert response.status_code == 404
    assertContains(response, "We couldn’t find that page", status_code=404)
    assertContains(response, '<a class="skip-link" href="#main">', status_code=404)


# Previews of drafts and scheduled articles


def test_editor_previews_a_draft_with_a_banner(editor_client):
    draft = DraftArticleFactory(headline="Unfinished story")

    response = editor_client.get(draft.get_absolute_url())

    assertContains(response, "Unfinished story")
    assertContains(response, "Draft — not published.")
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize("kind", ["draft", "scheduled"])
def test_a_preview_never_says_it_was_published(editor_client, kind):
    article = DraftArticleFactory() if kind == "draft" else ArticleFactory(published_at=hk(2099, 1, 1, 9))

    response = editor_client.get(article.get_absolute_url())

    assertNotContains(response, "Published")
    assertNotContains(response, "article:published_time")
    assert "datePublished" not in json_ld(response)


def test_reporter_previews_a_scheduled_article_with_its_time(reporter_client):
    scheduled = ArticleFactory(published_at=hk(2099, 1, 2, 8, 30), headline="Future story")

    response = reporter_client.get(scheduled.get_absolute_url())

    assertContains(response, "Future story")
    assertContains(response, "Scheduled for")
    assertContains(response, "2 January 2099, 08:30")


@pytest.mark.parametrize("kind", ["draft", "scheduled"])
def test_anonymous_readers_get_a_404_for_unpublished_articles(client, kind):
    article = DraftArticleFactory() if kind == "draft" else ArticleFactory(published_at=hk(2099, 1, 1, 9))

    assert client.get(article.get_absolute_url()).status_code == 404


def test_staff_without_the_view_permission_get_a_404_for_a_draft(client):
    client.force_login(UserFactory(username="intern", is_staff=True))
    draft = DraftArticleFactory()

    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_user_granted_the_view_permission_directly_can_preview(client):
    user = UserFactory(username="guest-editor", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="view_article", content_type__app_label="articles")
    )
    client.force_login(user)
    draft = DraftArticleFactory(headline="Shared draft")

    assertContains(client.get(draft.get_absolute_url()), "Shared draft")


def test_published_article_page_has_no_draft_banner_for_editors(editor_client, seed):
    response = editor_client.get(seed.get_absolute_url())

    assertNotContains(response, "not published")
    assertNotContains(response, "Scheduled for")


# Date archives


def test_year_archive_lists_that_years_articles_and_links_its_months(client, seed):
    ArticleFactory(headline="Last year", published_at=hk(2017, 6, 1, 9))

    response = client.get("/articles/2018/")

    assert titles(response) == [seed.headline]
    assertContains(response, '<a href="/articles/2018/03/">March</a>', html=True)


def test_year_archive_of_an_empty_year_is_a_404(client, seed):
    assert client.get("/articles/2015/").status_code == 404


def test_month_archive_lists_that_months_articles(client, seed):
    ArticleFactory(headline="February story", published_at=hk(2018, 2, 10, 9))

    response = client.get("/articles/2018/03/")

    assert titles(response) == [seed.headline]
    assertContains(response, 'href="/articles/2018/02/"')


def test_month_archive_uses_the_newsroom_time_zone(client):
    # 1 April, 01:00 in Hong Kong is still 31 March in UTC.
    ArticleFactory(headline="April fools", published_at=hk(2018, 4, 1, 1, 0))

    assert titles(client.get("/articles/2018/04/")) == ["April fools"]
    assert client.get("/articles/2018/03/").status_code == 404


def test_archives_leave_out_scheduled_articles(client):
    ArticleFactory(headline="Published", published_at=hk(2018, 3, 1, 9))
    ArticleFactory(headline="Scheduled", published_at=timezone.now() + dt.timedelta(days=2))

    this_year = timezone.localdate().year
    assert titles(client.get("/articles/2018/")) == ["Published"]
    assert client.get(f"/articles/{this_year + 5}/").status_code == 404


# Quotes


def test_quote_list_shows_newest_said_first(client, seed):
    response = client.get("/quotes/")

    assert quote_texts(response)[0] == "There will be no negotiation with traitors."
    assert len(quote_texts(response)) == 4


@pytest.mark.parametrize(("query", "count"), [("person=sam-rainsy", 3), ("person=hun-sen", 1)])
def test_quote_person_filter(client, seed, query, count):
    assert len(quote_texts(client.get(f"/quotes/?{query}"))) == count


def test_quote_person_filter_with_a_later_date_lists_none(client, seed):
    response = client.get("/quotes/?person=sam-rainsy&date_after=2018-03-27")

    assert quote_texts(response) == []
    assertContains(response, "No published quotes match these filters.")


def test_quote_date_filters_are_on_the_date_said(client, seed):
    assert len(quote_texts(client.get("/quotes/?date_before=2018-03-26"))) == 3
    assert quote_texts(client.get("/quotes/?date_after=2018-03-27")) == [
        "There will be no negotiation with traitors."
    ]


def test_quote_organization_filter_is_by_speaker_affiliation(client, seed):
    response = client.get("/quotes/?organization=cnrp")

    assert {quote.speaker.slug for quote in response.context["page_obj"]} == {"sam-rainsy"}
    assertContains(response, "Quotes by it, and by anyone who has held a role in it, at any time.")


def test_quote_search_matches_text_or_speaker_name(client, seed):
    assert len(quote_texts(client.get("/quotes/?q=rainsy+dialogue"))) == 2
    assert quote_texts(client.get("/quotes/?q=traitors")) == ["There will be no negotiation with traitors."]


def test_each_quote_links_to_speaker_and_article(client, seed):
    response = client.get("/quotes/?person=hun-sen")

    assertContains(response, '<a class="quote__speaker" href="/people/hun-sen/">Hun Sen</a>', html=True)
    quote = response.context["page_obj"][0]
    # The headline leads to the quote's place in the story.
    assertContains(
        response, f'<a href="{seed.get_absolute_url()}#quote-{quote.pk}">{seed.headline}</a>', html=True
    )
    assertContains(response, "at a graduation ceremony in Phnom Penh")
    assertContains(response, '<time datetime="2018-03-27">27 March 2018</time>', html=True)


# Page furniture shared by every page


def test_pages_have_landmarks_skip_link_and_header_search(client, seed):
    response = client.get("/articles/")

    for landmark in (
        '<header class="site-header">',
        '<nav class="site-nav" aria-label="Main">',
        '<main id="main"',
        "<footer",
    ):
        assertContains(response, landmark)
    assertContains(response, '<a class="skip-link" href="#main">Skip to main content</a>', html=True)
    assertContains(response, '<form class="site-search" role="search" method="get" action="/articles/">')
    assertContains(response, '<a href="/articles/" aria-current="page">Articles</a>', html=True)
    assertContains(response, '<html lang="en-gb">')


def test_canonical_link_drops_filters_but_keeps_the_page(client):
    for day in range(1, 26):
        ArticleFactory(published_at=hk(2018, 1, day, 9))

    response = client.get("/articles/?q=headline&page=2")

    assertContains(response, '<link rel="canonical" href="http://testserver/articles/?page=2">', html=True)


def test_article_pages_have_no_inline_scripts_or_styles(client, seed):
    response = client.get(seed.get_absolute_url())

    assert "Content-Security-Policy" in response
    assert " style=" not in response.text
    assert "<style" not in response.text
    scripts = re.findall(r"<script[^>]*>", response.text)
    assert scripts and all('type="application/ld+json"' in tag for tag in scripts)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("person=sam-rainsy", ["March", "February", "January"]),
        ("organization=cnrp", ["March", "January"]),
        ("person=sam-rainsy&date_after=2018-02-01", ["March", "February"]),
        ("person=sam-rainsy&organization=cnrp", ["March", "January"]),
        ("person=sam-rainsy&q=harbour", ["February"]),
    ],
)
def test_a_list_by_person_or_organization_counts_only_its_published_articles(client, query, expected):
    rainsy = PersonFactory(slug="sam-rainsy")
    cnrp = OrganizationFactory(slug="cnrp")
    for month, named in [(1, True), (2, False), (3, True)]:
        article = ArticleFactory(headline=month_name(month), body="The harbour." if month == 2 else "Quiet.")
        article.published_at = hk(2018, month, 10)
        article.save()
        article.people.add(rainsy)
        if named:
            article.organizations.add(cnrp)
    for unpublished in (
        DraftArticleFactory(),
        ArticleFactory(published_at=timezone.now() + dt.timedelta(days=1)),
    ):
        unpublished.people.add(rainsy)
        unpublished.organizations.add(cnrp)

    response = client.get(f"/articles/?{query}")

    assert titles(response) == expected
    found = f"{len(expected)} article{'' if len(expected) == 1 else 's'}"
    assertContains(response, f'<h2 id="results-heading" class="results__count">{found}</h2>', html=True)


def month_name(month):
    return dt.date(2018, month, 1).strftime("%B")
