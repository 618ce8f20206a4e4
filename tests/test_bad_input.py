"""Whatever is typed into an address or a filter, readers get a page, never a server error."""

import pytest
from pytest_django.asserts import assertContains

from tests.factories import ArticleFactory, PersonFactory, QuoteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def content():
    speaker = PersonFactory(slug="sam-rainsy", name="Sam Rainsy")
    QuoteFactory(speaker=speaker, text="Visible words.", article=ArticleFactory(headline="Visible story"))


@pytest.mark.parametrize(
    ("url", "error"),
    [
        ("/quotes/?date_after=notadate", "Enter a valid date."),
        ("/articles/?date_before=2018-13-45", "Enter a valid date."),
        ("/articles/?date_after=2018-02-30", "Enter a valid date."),
        ("/people/sam-rainsy/?date_before=yesterday", "Enter a valid date."),
        ("/articles/?person=nobody-at-all", "No person with that name appears in published articles."),
        ("/quotes/?person=%27%20OR%201%3D1--", "No person with that name appears in published articles."),
        ("/quotes/?person=sam%00rainsy", "Null characters are not allowed."),
        (
            "/articles/?organization=%3Cscript%3E",
            "No organization with that name appears in published articles.",
        ),
        ("/articles/?q=" + "word+" * 150, "Ensure this value has at most 200 characters"),
        ("/quotes/?q=null%00byte", "Null characters are not allowed."),
        ("/people/?q=%00", "Null characters are not allowed."),
    ],
)
def test_bad_filter_input_shows_the_form_with_the_error_and_no_results(client, url, error):
    response = client.get(url)

    assertContains(response, error)
    assertContains(response, "Fix the filter above.")
    assert len(response.context["page_obj"]) == 0
    assert "Visible words." not in response.text


def test_error_is_announced_next_to_its_field(client):
    response = client.get("/quotes/?date_after=notadate")

    assertContains(
        response,
        '<ul class="errorlist" id="id_date_error"><li>Enter a valid date.</li></ul>',
        html=True,
    )
    assertContains(response, 'aria-invalid="true"')
    assertContains(response, '<fieldset aria-describedby="id_date_error">')


def test_submitted_bad_text_is_shown_back_escaped(client):
    response = client.get("/articles/?q=%3Cscript%3Ealert(1)%3C/script%3E")

    assert response.status_code == 200
    assertContains(response, 'value="&lt;script&gt;alert(1)&lt;/script&gt;"')


@pytest.mark.parametrize(
    "url",
    [
        "/articles/?page=abc",
        "/articles/?page=9999",
        "/articles/?page=0",
        "/articles/?page=-1",
        "/quotes/?page=9999",
        "/people/?page=abc",
        "/organizations/?page=9999",
        "/people/sam-rainsy/?page=9999",
        "/articles/2018/13/",
        "/articles/2018/00/",
        "/articles/0000/",
        "/articles/2018/02/31/visible-story/x/",
        "/articles/2018/99/99/no-such-story/",
        "/people/no-such-person/",
        "/people/no-such-person/feed/",
        "/organizations/no-such-organization/",
    ],
)
def test_impossible_addresses_are_not_found(client, url):
    assert client.get(url).status_code == 404


def test_an_article_address_with_an_impossible_date_redirects_to_the_real_one(client):
    article = ArticleFactory(slug="real-story")

    response = client.get("/articles/2018/99/99/real-story/")

    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_the_last_page_is_still_served(client):
    response = client.get("/articles/?page=last")

    assert response.status_code == 200
