import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from PIL import Image

from articles.models import Article, Quote
from newsroom.images import rendition_name
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    DraftArticleFactory,
    OrganizationFactory,
    PersonFactory,
    QuoteFactory,
)
from tests.helpers import HONG_KONG, png

pytestmark = pytest.mark.django_db


def in_an_hour():
    return timezone.now() + dt.timedelta(hours=1)


# Database rules


def test_database_refuses_the_same_quote_twice_in_one_article():
    quote = QuoteFactory(text="There will be no negotiation.")
    with pytest.raises(IntegrityError), transaction.atomic():
        QuoteFactory(article=quote.article, text="There will be no negotiation.")


def test_database_accepts_the_same_quote_in_two_articles():
    QuoteFactory(text="There will be no negotiation.")
    QuoteFactory(text="There will be no negotiation.")

    assert Quote.objects.filter(text="There will be no negotiation.").count() == 2


def test_database_refuses_a_quote_text_that_only_repeats_beyond_an_index_limit():
    # The constraint is on a hash of the text, so long quotes are compared whole.
    long_text = "word " * 2000
    quote = QuoteFactory(text=long_text)
    QuoteFactory(article=quote.article, text=long_text + "more")
    with pytest.raises(IntegrityError), transaction.atomic():
        QuoteFactory(article=quote.article, text=long_text)


def test_full_clean_explains_a_repeated_quote():
    quote = QuoteFactory(text="There will be no negotiation.")
    repeat = Quote(article=quote.article, speaker=quote.speaker, said_on=quote.said_on, text=quote.text)
    with pytest.raises(ValidationError) as error:
        repeat.full_clean()
    assert error.value.message_dict == {"text": ["This article already has this quote."]}


def test_database_refuses_a_duplicate_article_slug():
    ArticleFactory(slug="hun-sen-rules-out-talks")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(slug="hun-sen-rules-out-talks")


def test_rescheduling_past_an_earlier_update_time_is_stored_and_left_to_the_form():
    article = ArticleFactory()
    article.published_at = article.updated_at = timezone.now()
    article.save()
    article.published_at += dt.timedelta(days=1)

    article.save()

    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert error.value.message_dict["updated_at"] == ["An article cannot be updated before it was published."]


def test_database_refuses_the_same_author_twice_on_an_article():
    byline = BylineFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        BylineFactory(article=byline.article, author=byline.author, position=1)


# What readers may see


def test_published_excludes_drafts():
    DraftArticleFactory()

    assert list(Article.objects.published()) == []


def test_published_includes_articles_whose_time_has_come():
    article = ArticleFactory(published_at=timezone.now() - dt.timedelta(seconds=1))

    assert list(Article.objects.published()) == [article]


def test_published_excludes_scheduled_articles():
    ArticleFactory(published_at=in_an_hour())

    assert list(Article.objects.published()) == []


def test_published_includes_a_scheduled_article_once_its_time_passes():
    scheduled = ArticleFactory(published_at=in_an_hour())
    later = scheduled.published_at + dt.timedelta(seconds=1)

    with time_machine.travel(later):
        assert list(Article.objects.published()) == [scheduled]
        assert scheduled.is_public


def test_published_leaves_a_draft_hidden_even_after_its_time():
    draft = DraftArticleFactory(published_at=timezone.now() - dt.timedelta(days=30))

    assert draft not in Article.objects.published()
    assert not draft.is_public


def test_published_quotes_are_those_of_published_articles_whose_time_has_come():
    public = QuoteFactory()
    QuoteFactory(article=DraftArticleFactory())
    scheduled = QuoteFactory(article=ArticleFactory(published_at=in_an_hour()))

    assert list(Quote.objects.published()) == [public]
    with time_machine.travel(in_an_hour() + dt.timedelta(minutes=1)):
        assert set(Quote.objects.published()) == {public, scheduled}


# Addresses


def test_article_url_uses_the_publication_day_in_the_newsroom_time_zone():
    article = ArticleFactory(
        slug="no-negotiation", published_at=dt.datetime(2018, 3, 27, 17, 55, tzinfo=HONG_KONG)
    )

    assert article.get_absolute_url() == "/articles/2018/03/27/no-negotiation/"


def test_article_url_day_follows_the_newsroom_not_utc():
    article = ArticleFactory(slug="late-night", published_at=dt.datetime(2018, 3, 27, 20, 0, tzinfo=dt.UTC))

    assert article.get_absolute_url() == "/articles/2018/03/28/late-night/"


def test_quote_url_points_into_its_article():
    quote = QuoteFactory(
        article=ArticleFactory(
            slug="no-negotiation", published_at=dt.datetime(2018, 3, 27, 9, 0, tzinfo=HONG_KONG)
        )
    )

    assert quote.get_absolute_url() == f"/articles/2018/03/27/no-negotiation/#quote-{quote.pk}"


# Lead images


def test_saving_an_article_with_an_uploaded_lead_image_writes_its_renditions(settings):
    article = ArticleFactory(lead_image=png(size=(1200, 800), name="scene.png"))

    for width in settings.IMAGE_RENDITION_WIDTHS.values():
        rendition = settings.MEDIA_ROOT / rendition_name(article.lead_image.name, width)
        with Image.open(rendition) as image:
            assert image.width == min(width, 1200)


# A quote's source: a person, an organization, or an unnamed source


def test_a_quote_by_an_organization_or_an_unnamed_source_is_named_as_a_reader_would_be_told():
    company = OrganizationFactory(name="Harbour Refining Company")
    by_company = QuoteFactory(
        source_kind=Quote.Source.ORGANIZATION, speaker=None, organization=company, text="We will close."
    )
    by_aide = QuoteFactory(
        source_kind=Quote.Source.UNNAMED,
        speaker=None,
        organization=company,
        source_description="a spokeswoman for the company",
        text="Nobody was told.",
    )

    assert str(by_company) == "Harbour Refining Company: “We will close.”"
    assert by_aide.source_name == "a spokeswoman for the company"
    assert list(company.quotes.order_by("text")) == [by_aide, by_company]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"source_kind": "person", "speaker": None}, "speaker"),
        ({"source_kind": "organization", "speaker": None}, "organization"),
        ({"source_kind": "unnamed", "speaker": None}, "source_description"),
        ({"source_kind": "organization"}, "speaker"),
        ({"source_kind": "person", "source_description": "an aide"}, "source_description"),
    ],
    ids=[
        "person-without-speaker",
        "organization-without-one",
        "unnamed-undescribed",
        "org-with-person",
        "person-described",
    ],
)
def test_a_source_that_does_not_fit_its_kind_is_refused_on_its_field_and_by_the_database(fields, field):
    quote = QuoteFactory.build(article=ArticleFactory(), **({"speaker": PersonFactory()} | fields))
    if fields == {"source_kind": "organization"}:
        quote.organization = OrganizationFactory()  # and a person too, which does not fit

    with pytest.raises(ValidationError) as error:
        quote.full_clean()
    assert field in error.value.message_dict

    with pytest.raises(IntegrityError), transaction.atomic():
        Quote.objects.bulk_create([quote])
