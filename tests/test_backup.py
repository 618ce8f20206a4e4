"""`backup` and `restore`: the whole newsroom out to a file and into an empty database, and out
again byte for byte the same."""

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from articles.models import Article, Quote
from people.models import Person
from tests.factories import (
    AffiliationFactory,
    AliasFactory,
    ArticleFactory,
    BylineFactory,
    DraftArticleFactory,
    OrganizationFactory,
    PersonFactory,
    QuoteFactory,
)


@pytest.fixture
def newsroom(editor, reporter):
    party = OrganizationFactory(name="Cambodia National Rescue Party", slug="cnrp")
    rainsy = PersonFactory(name="Sam Rainsy", slug="sam-rainsy")
    AliasFactory(person=rainsy, name="Rainsy")
    AffiliationFactory(person=rainsy, organization=party, role="Leader")
    story = ArticleFactory(headline="No negotiation with traitors", slug="no-negotiation")
    story.organizations.add(party)
    story.people.add(rainsy)
    BylineFactory(article=story, author=PersonFactory(name="A Reporter", slug="a-reporter"))
    QuoteFactory(article=story, speaker=rainsy, text="I continue to believe in dialogue.")
    QuoteFactory(article=DraftArticleFactory(slug="a-draft"), speaker=rainsy, text="Not yet published.")
    return story


def empty_the_database():
    call_command("flush", "--noinput", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_a_backup_restored_into_an_empty_database_backs_up_the_same(newsroom, tmp_path, client):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    call_command("backup", str(first), verbosity=0)

    empty_the_database()
    assert not Article.objects.exists() and not User.objects.exists()
    call_command("restore", str(first), verbosity=0)
    call_command("backup", str(second), verbosity=0)

    assert first.read_bytes() == second.read_bytes()
    story = Article.objects.get(slug="no-negotiation")
    assert [q.speaker.name for q in story.quotes.all()] == ["Sam Rainsy"]
    assert Person.objects.get(slug="sam-rainsy").affiliations.get().organization.slug == "cnrp"
    assert Quote.objects.count() == 2
    assert User.objects.get(username="editor").groups.get().name == "Editors"
    assert User.objects.get(username="editor").check_password("correct horse battery staple")
    assert "I continue to believe in" in client.get("/quotes/?q=dialogue").text  # indexed again


@pytest.mark.django_db(transaction=True)
def test_a_backup_is_compressed_when_its_name_says_so(newsroom, tmp_path):
    path = tmp_path / "newsroom.json.gz"
    call_command("backup", str(path), verbosity=0)

    assert path.read_bytes()[:2] == b"\x1f\x8b"
    empty_the_database()
    call_command("restore", str(path), verbosity=0)
    assert Article.objects.filter(slug="no-negotiation").exists()


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_holds_a_newsroom_and_changes_nothing(newsroom, tmp_path):
    path = tmp_path / "backup.json"
    call_command("backup", str(path), verbosity=0)
    Article.objects.filter(slug="no-negotiation").update(headline="Edited since")

    with pytest.raises(CommandError, match="restore into an empty one"):
        call_command("restore", str(path), verbosity=0)

    assert Article.objects.get(slug="no-negotiation").headline == "Edited since"
