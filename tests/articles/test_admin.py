import datetime as dt

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Quote
from newsroom.images import rendition_name, rendition_url
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    DraftArticleFactory,
    OrganizationFactory,
    PersonFactory,
    QuoteFactory,
)
from tests.helpers import png

pytestmark = pytest.mark.django_db


def changeform_data(response, **changes):
    """What the rendered admin form posts back when the user changes only `changes`."""
    data = {}
    forms_on_page = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update({management.add_prefix(name): management[name].value() for name in management.fields})
        forms_on_page.extend(inline.formset.forms)
    for form in forms_on_page:
        for name, field in form.fields.items():
            key, value = form.add_prefix(name), form[name].value()
            if isinstance(field, forms.FileField) or value is None:
                continue
            if isinstance(field.widget, forms.MultiWidget):
                for index, (widget, part) in enumerate(
                    zip(field.widget.widgets, field.widget.decompress(value), strict=True)
                ):
                    data[f"{key}_{index}"] = widget.format_value(part) or ""
            elif isinstance(field, forms.BooleanField):
                if value:
                    data[key] = "on"
            else:
                data[key] = value
    data.update(changes)
    return data


def assert_every_filter_works(client, url):
    response = client.get(url)
    assert response.status_code == 200
    changelist = response.context["cl"]
    for spec in changelist.filter_specs:
        for choice in spec.choices(changelist):
            filtered = client.get(url + choice["query_string"])
            assert filtered.status_code == 200, (spec.title, choice["query_string"])
            assert "e" not in filtered.wsgi_request.GET, (spec.title, choice["query_string"])
    return [spec.title for spec in changelist.filter_specs]


@pytest.fixture
def story():
    hun_sen = PersonFactory(name="Hun Sen", slug="hun-sen")
    reporter = PersonFactory(name="Prak Chan Thul", slug="prak-chan-thul")
    outlet = OrganizationFactory(name="South China Morning Post", slug="scmp", kind="outlet")
    party = OrganizationFactory(name="Cambodian People's Party", slug="cpp")
    article = ArticleFactory(
        headline="Hun Sen rules out talks with opposition",
        slug="no-negotiation",
        published_at=dt.datetime(2018, 3, 27, 17, 55, tzinfo=dt.timezone(dt.timedelta(hours=8))),
        source_outlet=outlet,
    )
    article.people.add(hun_sen)
    article.organizations.add(party)
    BylineFactory(article=article, author=reporter)
    QuoteFactory(
        article=article, speaker=hun_sen, text="There will be no negotiation.", said_on=dt.date(2018, 3, 27)
    )
    # A second outlet, author and organization, so each related filter has a choice to make.
    other = DraftArticleFactory(
        headline="Draft on the budget", source_outlet=OrganizationFactory(kind="outlet")
    )
    other.organizations.add(OrganizationFactory())
    BylineFactory(article=other)
    QuoteFactory(article=other, featured=True)
    return article


# Every page an editor opens


@pytest.mark.parametrize("model", [Article, Quote])
def test_editor_opens_the_list_add_and_change_pages(editor_client, story, model):
    obj = model.objects.filter(article=story).first() if model is Quote else story
    info = f"admin:articles_{model._meta.model_name}"

    listing = editor_client.get(reverse(f"{info}_changelist"))
    assert listing.status_code == 200
    assert listing.context["cl"].result_count == model.objects.count() == 2
    assert editor_client.get(reverse(f"{info}_add")).status_code == 200
    change = editor_client.get(reverse(f"{info}_change", args=[obj.pk]))
    assert change.status_code == 200
    assert change.context["original"] == obj


def test_article_list_filters_scheduled_articles_apart(editor_client, story):
    scheduled = ArticleFactory(published_at=timezone.now() + dt.timedelta(days=1))

    response = editor_client.get(reverse("admin:articles_article_changelist"), {"state": "scheduled"})

    assert list(response.context["cl"].result_list) == [scheduled]


def test_article_list_shows_status_authors_outlet_and_quote_count(editor_client, story):
    QuoteFactory(article=story, speaker=story.people.get())
    scheduled = ArticleFactory(
        headline="Tomorrow's story", published_at=timezone.now() + dt.timedelta(days=1)
    )

    response = editor_client.get(reverse("admin:articles_article_changelist"))

    rows = {article.pk: article for article in response.context["cl"].result_list}
    assert rows[story.pk].quote_total == 2
    html = response.content.decode()
    for text in ("Hun Sen rules out talks with opposition", "Prak Chan Thul", "South China Morning Post"):
        assert text in html
    admin = response.context["cl"].model_admin
    assert admin.state(rows[scheduled.pk]) == "Scheduled"
    assert admin.state(rows[story.pk]) == "Published"


def test_article_filters_cover_status_date_author_organization_and_outlet(editor_client, story):
    titles = assert_every_filter_works(editor_client, reverse("admin:articles_article_changelist"))

    assert titles == ["status", "publication time", "author", "organizations", "source outlet"]


def test_quote_filters_cover_source_featured_date_and_article_status(editor_client, story):
    titles = assert_every_filter_works(editor_client, reverse("admin:articles_quote_changelist"))

    assert titles == ["source", "featured", "date said", "status"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"state": "public"}, ["Hun Sen rules out talks with opposition"]),
        ({"state": "draft"}, ["Draft on the budget"]),
        ({"state": "scheduled"}, []),
        (
            {"published_at__year": "2018", "published_at__month": "3"},
            ["Hun Sen rules out talks with opposition"],
        ),
        ({"q": "Hun Sen"}, ["Hun Sen rules out talks with opposition"]),
        ({"q": "budget"}, ["Draft on the budget"]),
    ],
)
def test_article_list_narrows_by_filter_date_and_search(editor_client, story, params, expected):
    response = editor_client.get(reverse("admin:articles_article_changelist"), params)

    assert [article.headline for article in response.context["cl"].result_list] == expected


@pytest.mark.parametrize(
    "params",
    [
        {"q": "no negotiation"},
        {"q": "Hun Sen"},
        {"article__status__exact": "published"},
        {"said_on__year": "2018", "said_on__month": "3", "said_on__day": "27"},
    ],
)
def test_quote_list_narrows_by_text_speaker_status_and_date(editor_client, story, params):
    response = editor_client.get(reverse("admin:articles_quote_changelist"), params)

    assert [quote.text for quote in response.context["cl"].result_list] == ["There will be no negotiation."]


def test_quote_list_shows_an_excerpt_source_article_date_and_featured(editor_client, story):
    QuoteFactory(article=story, speaker=story.people.get(), text="x" * 200)

    response = editor_client.get(reverse("admin:articles_quote_changelist"), {"q": "Hun Sen"})

    html = response.content.decode()
    assert "x" * 97 + "…" in html
    assert "x" * 98 not in html
    assert "Hun Sen rules out talks with opposition" in html
    assert response.context["cl"].list_display[1:] == ["excerpt", "source", "article", "said_on", "featured"]


def test_person_quote_count_links_to_their_quotes(editor_client, story):
    hun_sen = story.people.get()

    people = editor_client.get(reverse("admin:people_person_changelist"), {"q": "Hun Sen"})
    link = f"{reverse('admin:articles_quote_changelist')}?speaker__id__exact={hun_sen.pk}"
    quotes = editor_client.get(link)

    assert f'href="{link}"' in people.content.decode()
    assert [quote.speaker for quote in quotes.context["cl"].result_list] == [hun_sen]


# The article form and its inlines


def test_article_form_has_bylines_and_quotes_inline_in_order(editor_client, story):
    second = BylineFactory(article=story, author=PersonFactory(name="Ben Sokhean"), position=0)
    story.bylines.exclude(pk=second.pk).update(position=1)

    response = editor_client.get(reverse("admin:articles_article_change", args=[story.pk]))

    formsets = {inline.formset.prefix: inline.formset for inline in response.context["inline_admin_formsets"]}
    assert [str(form.instance.author) for form in formsets["bylines"].forms] == [
        "Ben Sokhean",
        "Prak Chan Thul",
    ]
    assert [form.instance.text for form in formsets["quotes"].forms] == ["There will be no negotiation."]
    assert all(formset.extra == 0 for formset in formsets.values())


def test_editor_adds_quotes_and_bylines_from_the_article_form(editor_client, story):
    url = reverse("admin:articles_article_change", args=[story.pk])
    data = changeform_data(editor_client.get(url))
    kem_sokha = PersonFactory(name="Kem Sokha")
    data.update(
        {
            "quotes-TOTAL_FORMS": "2",
            "quotes-1-text": "We will keep struggling.",
            "quotes-1-source_kind": "person",
            "quotes-1-speaker": kem_sokha.pk,
            "quotes-1-said_on": "26/03/2018",
            "quotes-1-position": "1",
            "quotes-1-context": "",
            "bylines-TOTAL_FORMS": "2",
            "bylines-1-author": kem_sokha.pk,
            "bylines-1-position": "1",
        }
    )

    response = editor_client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert list(story.quotes.order_by("pk").values_list("text", flat=True)) == [
        "There will be no negotiation.",
        "We will keep struggling.",
    ]
    assert [str(byline) for byline in story.bylines.all()] == ["Prak Chan Thul", "Kem Sokha"]


def test_article_form_refuses_the_same_quote_twice(editor_client, story):
    url = reverse("admin:articles_article_change", args=[story.pk])
    data = changeform_data(editor_client.get(url))
    data.update(
        {
            "quotes-TOTAL_FORMS": "2",
            "quotes-1-text": "There will be no negotiation.",
            "quotes-1-speaker": data["quotes-0-speaker"],
            "quotes-1-said_on": "27/03/2018",
            "quotes-1-position": "1",
        }
    )

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "This article already has this quote." in response.content.decode()
    assert story.quotes.count() == 1


def test_new_article_form_refuses_the_same_quote_twice(editor_client):
    speaker = PersonFactory()
    quote = {"text": "Again.", "speaker": speaker.pk, "said_on": "27/03/2018", "position": "0", "context": ""}
    data = changeform_data(editor_client.get(reverse("admin:articles_article_add")))
    data.update(
        {
            "headline": "Twice",
            "slug": "twice",
            "quotes-TOTAL_FORMS": "2",
            **{f"quotes-{index}-{name}": value for index in (0, 1) for name, value in quote.items()},
        }
    )

    response = editor_client.post(reverse("admin:articles_article_add"), data)

    assert response.status_code == 200
    assert "This article already has this quote." in response.content.decode()
    assert not Article.objects.filter(slug="twice").exists()


def test_article_form_refuses_the_same_author_twice(editor_client, story):
    url = reverse("admin:articles_article_change", args=[story.pk])
    data = changeform_data(editor_client.get(url))
    data.update(
        {"bylines-TOTAL_FORMS": "2", "bylines-1-author": data["bylines-0-author"], "bylines-1-position": "1"}
    )

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "Byline with this Article and Author already exists." in response.content.decode()
    assert story.bylines.count() == 1


def test_quote_form_refuses_text_already_in_the_article(editor_client, story):
    quote = QuoteFactory(article=story, text="Something else.")
    url = reverse("admin:articles_quote_change", args=[quote.pk])
    data = changeform_data(editor_client.get(url), text="There will be no negotiation.")

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "This article already has this quote." in response.content.decode()
    quote.refresh_from_db()
    assert quote.text == "Something else."


def test_article_form_refuses_an_update_before_publication(editor_client, story):
    url = reverse("admin:articles_article_change", args=[story.pk])
    data = changeform_data(editor_client.get(url), updated_at_0="26/03/2018", updated_at_1="09:00:00")

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "An article cannot be updated before it was published." in response.content.decode()
    story.refresh_from_db()
    assert story.updated_at is None


def test_uploaded_lead_image_gets_renditions_and_a_thumbnail(editor_client, story, settings):
    url = reverse("admin:articles_article_change", args=[story.pk])
    data = changeform_data(editor_client.get(url), lead_image=png(), lead_image_alt="Hun Sen at a podium")

    response = editor_client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    story.refresh_from_db()
    for width in settings.IMAGE_RENDITION_WIDTHS.values():
        assert (settings.MEDIA_ROOT / rendition_name(story.lead_image.name, width)).is_file()
    thumb = rendition_url(story.lead_image, "thumb")
    assert (
        f'src="{thumb}"' in editor_client.get(reverse("admin:articles_article_changelist")).content.decode()
    )
    assert f'src="{thumb}"' in editor_client.get(url).content.decode()


def test_lead_image_form_refuses_an_image_over_the_pixel_limit(editor_client, story, settings):
    settings.IMAGE_MAX_PIXELS = 100 * 100
    url = reverse("admin:articles_article_change", args=[story.pk])

    response = editor_client.post(
        url, changeform_data(editor_client.get(url), lead_image=png(size=(101, 100)))
    )

    assert response.status_code == 200
    assert "This image is 101 × 100 pixels" in response.content.decode()
    story.refresh_from_db()
    assert not story.lead_image


# View on site


def test_view_on_site_links_a_public_article_to_its_page(editor_client, story):
    response = editor_client.get(reverse("admin:articles_article_change", args=[story.pk]))

    redirect = editor_client.get(response.context["absolute_url"])
    assert redirect.url.endswith("/articles/2018/03/27/no-negotiation/")


def test_view_on_site_previews_a_draft_at_the_address_it_will_have(editor_client):
    draft = DraftArticleFactory(
        slug="coming-soon", published_at=dt.datetime(2018, 3, 27, 20, 0, tzinfo=dt.UTC)
    )

    response = editor_client.get(reverse("admin:articles_article_change", args=[draft.pk]))

    redirect = editor_client.get(response.context["absolute_url"])
    assert redirect.url.endswith("/articles/2018/03/28/coming-soon/")


def test_view_on_site_links_a_quote_to_its_place_in_the_article(editor_client, story):
    quote = story.quotes.get()

    response = editor_client.get(reverse("admin:articles_quote_change", args=[quote.pk]))

    redirect = editor_client.get(response.context["absolute_url"])
    assert redirect.url.endswith(f"/articles/2018/03/27/no-negotiation/#quote-{quote.pk}")


# Autocomplete


@pytest.mark.parametrize(
    ("field", "term", "expected"),
    [
        ({"app_label": "articles", "model_name": "quote", "field_name": "speaker"}, "hun", ["Hun Sen"]),
        (
            {"app_label": "articles", "model_name": "article", "field_name": "people"},
            "Prak",
            ["Prak Chan Thul"],
        ),
        (
            {"app_label": "articles", "model_name": "byline", "field_name": "author"},
            "Prak",
            ["Prak Chan Thul"],
        ),
        (
            {"app_label": "articles", "model_name": "article", "field_name": "organizations"},
            "Cambodian",
            ["Cambodian People's Party"],
        ),
        (
            {"app_label": "articles", "model_name": "quote", "field_name": "article"},
            "talks",
            ["Hun Sen rules out talks with opposition"],
        ),
    ],
)
def test_autocomplete_answers_for_the_article_forms(editor_client, story, field, term, expected):
    response = editor_client.get(reverse("admin:autocomplete"), {**field, "term": term})

    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == expected


def test_source_outlet_autocomplete_offers_only_news_outlets(editor_client, story):
    OrganizationFactory(name="South China Sea Institute", kind="ngo")

    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "article",
            "field_name": "source_outlet",
            "term": "South China",
        },
    )

    assert [result["text"] for result in response.json()["results"]] == ["South China Morning Post"]


# Lists that stay cheap


@pytest.mark.parametrize("model", [Article, Quote])
def test_list_queries_do_not_grow_with_rows(editor_client, model):
    url = reverse(f"admin:articles_{model._meta.model_name}_changelist")

    def queries_with(rows):
        for _ in range(rows):
            article = ArticleFactory(source_outlet=OrganizationFactory(kind="outlet"))
            BylineFactory(article=article)
            BylineFactory(article=article)
            QuoteFactory(article=article)
        with CaptureQueriesContext(connection) as context:
            assert editor_client.get(url).status_code == 200
        return len(context)

    assert queries_with(2) == queries_with(8)
