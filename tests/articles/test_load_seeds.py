import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.loader import LoaderError, load_seeds
from articles.loader.extracting import PARALLEL_FROM
from articles.models import Article, Quote
from people.models import Affiliation, Alias, Organization, Person

SEEDS = Path(settings.BASE_DIR) / "seeds"
SEED_FILE = "scmp-2018-03-27-hun-sen-no-negotiation.txt"
CORPUS = Path(settings.BASE_DIR).parent / "shared" / "corpus" / "wikinews-2019-h1.csv"

pytestmark = pytest.mark.django_db


def load(*paths, **options):
    out, err = io.StringIO(), io.StringIO()
    call_command("load_seeds", *map(str, paths), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def row_counts():
    return tuple(
        model.objects.count() for model in (Article, Quote, Person, Organization, Alias, Affiliation)
    ) + (Article.people.through.objects.count(), Article.organizations.through.objects.count())


@pytest.fixture
def seeds(tmp_path):
    """A writable copy of the project's seeds/."""
    return Path(shutil.copytree(SEEDS, tmp_path / "seeds"))


def test_seed_loads_to_the_four_quotes_with_speakers_dates_and_the_pull_quote():
    load()
    article = Article.objects.get()
    quotes = [
        (q.speaker.name, q.text[:30], q.said_on, q.featured) for q in article.quotes.order_by("position")
    ]
    assert quotes == [
        ("Hun Sen", "There will be no negotiation w", dt.date(2018, 3, 27), False),
        ("Sam Rainsy", "I continue to believe in the c", dt.date(2018, 3, 26), False),
        ("Sam Rainsy", "I urge Hun Sen not to take eve", dt.date(2018, 3, 26), False),
        ("Sam Rainsy", "For Cambodia, a real culture o", dt.date(2018, 3, 26), True),
    ]
    assert article.quotes.get(featured=True).text.endswith("The sooner the better.")


def test_seed_article_has_its_metadata_body_and_mentions():
    load()
    article = Article.objects.get()
    assert article.headline.startswith("‘No negotiation with traitors’")
    assert article.published_at == dt.datetime(2018, 3, 27, 9, 55, tzinfo=dt.UTC)
    assert article.status == Article.Status.PUBLISHED
    assert article.source_outlet.slug == "south-china-morning-post"
    assert len(article.paragraphs()) == 12
    assert "Sam Rainsy" not in article.paragraphs()  # the pull quote's name line is not body text
    assert set(article.people.values_list("slug", flat=True)) == {
        "hun-sen",
        "sam-rainsy",
        "kentaro-sonoura",
        "shinzo-abe",
        "taro-kono",
    }
    assert set(article.organizations.values_list("slug", flat=True)) == {
        "cambodia-national-rescue-party",
        "khmer-rouge",
    }
    assert article.get_absolute_url().startswith("/articles/2018/03/27/")


def test_second_load_changes_nothing_and_says_so():
    load()
    before = row_counts()
    quotes = list(Quote.objects.values_list("pk", "text", "speaker_id", "said_on", "featured"))
    out, _ = load()
    assert row_counts() == before
    assert list(Quote.objects.values_list("pk", "text", "speaker_id", "said_on", "featured")) == quotes
    assert "Nothing changed" in out
    assert "1 unchanged" in out


def test_re_edited_seed_updates_its_article_in_place(seeds):
    load(seeds)
    article = Article.objects.get()
    path = seeds / SEED_FILE
    text = path.read_text(encoding="utf-8")
    text = text.replace("refuses to talk to opposition", "again refuses to talk to opposition")
    text = text.replace("The sooner the better.”", "The sooner, the better.”")
    path.write_text(text, encoding="utf-8")

    load(seeds)
    edited = Article.objects.get()
    assert edited.pk == article.pk and edited.slug == article.slug
    assert "again refuses" in edited.headline
    assert edited.quotes.count() == 4
    assert edited.quotes.get(featured=True).text.endswith("The sooner, the better.")
    assert Person.objects.count() == 5


def test_editors_changes_outside_the_fixture_survive_a_reload():
    load()
    Person.objects.filter(slug="hun-sen").update(biography="Written by an editor.")
    load()
    assert Person.objects.get(slug="hun-sen").biography == "Written by an editor."


def edit_the_seed(seeds):
    path = seeds / SEED_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("refuses", "again refuses"), encoding="utf-8")


def test_a_reload_leaves_an_article_an_editor_changed_as_they_made_it_and_says_so(seeds):
    load(seeds)
    article = Article.objects.get()
    article.headline = "Edited by the desk: Hun Sen rules out talks"
    article.save()
    quote = article.quotes.get(featured=False, text__startswith="I continue")
    quote.text = "I continue to believe in the culture of dialogue."
    quote.save()
    edit_the_seed(seeds)

    out, _ = load(seeds)

    article.refresh_from_db()
    assert article.headline == "Edited by the desk: Hun Sen rules out talks"
    assert article.quotes.filter(text="I continue to believe in the culture of dialogue.").exists()
    assert "1 article(s) an editor changed since their last import were left as they are" in out


def test_editing_only_a_quote_keeps_the_whole_article_from_a_reload(seeds):
    load(seeds)
    Quote.objects.filter(featured=True).get().delete()
    edit_the_seed(seeds)

    load(seeds)

    assert Quote.objects.count() == 3
    assert "again refuses" not in Article.objects.get().headline


def test_force_reloads_an_edited_article_but_never_deletes_a_quote_an_editor_added(seeds):
    load(seeds)
    article = Article.objects.get()
    article.headline = "Edited by the desk"
    article.save()
    Quote.objects.create(
        article=article,
        speaker=Person.objects.get(slug="hun-sen"),
        text="Added by an editor.",
        said_on=dt.date(2018, 3, 27),
    )
    edit_the_seed(seeds)

    out, _ = load(seeds, force=True)

    article.refresh_from_db()
    assert "again refuses" in article.headline
    assert article.quotes.filter(text="Added by an editor.").exists()
    assert article.quotes.count() == 5
    assert "left as they are" not in out


def test_a_reload_after_its_own_update_is_not_taken_for_an_editors_change(seeds):
    load(seeds)
    edit_the_seed(seeds)
    load(seeds)

    out, _ = load(seeds)

    assert "Nothing changed" in out and "left as they are" not in out


def test_quotes_by_an_organization_and_an_unnamed_source_keep_their_source(tmp_path):
    (tmp_path / "story.txt").write_text(
        "Refinery to close\n\nFriday, September 6, 2019\n\n"
        "By Lena Ford\n\n"
        "The Harbour Refining Company will close its plant, it said on Thursday.\n\n"
        "“The plant has not made money for six years,” the Harbour Refining Company said in a statement.\n\n"
        "“Nobody was told until this morning,” said a spokeswoman for the workers' union.\n",
        encoding="utf-8",
    )
    out, _ = load(tmp_path, json=True)

    by_org = Quote.objects.get(text__startswith="The plant")
    assert by_org.source_kind == Quote.Source.ORGANIZATION and by_org.speaker is None
    assert by_org.organization.name == "Harbour Refining Company"
    assert by_org.organization.needs_review is True
    assert by_org.organization in by_org.article.organizations.all()
    unnamed = Quote.objects.get(text__startswith="Nobody")
    assert unnamed.source_kind == Quote.Source.UNNAMED and unnamed.speaker is None
    assert unnamed.source_description == "a spokeswoman for the workers' union"
    assert not Person.objects.filter(name__icontains="Refining").exists()
    (article,) = json.loads(out)["articles"]
    assert [(q["speaker"], q["speaker_type"]) for q in article["quotes"]] == [
        ("Harbour Refining Company", "organization"),
        ("a spokeswoman for the workers' union", "unnamed"),
    ]
    assert article["bylines"] == ["Lena Ford"]
    summary = json.loads(out)["summary"]
    assert summary["new_organizations_awaiting_review"] == ["Harbour Refining Company"]

    author = by_org.article.bylines.get().author
    assert author.name == "Lena Ford" and author.is_journalist and author.needs_review
    before = row_counts()
    load(tmp_path)
    assert row_counts() == before  # a second load finds the organization and the journalist it made


def test_a_lone_attribution_line_is_reported_not_kept_as_body(tmp_path):
    (tmp_path / "story.txt").write_text(
        "Voices from the market\n\nFriday, September 6, 2019\n\n"
        "Traders spoke about the new rents.\n\n"
        "—Troy Roberts on the rent rise\n\n"
        "The council meets again next week.\n",
        encoding="utf-8",
    )
    out, _ = load(tmp_path)
    assert "Troy Roberts" not in Article.objects.get().body
    assert "story.txt, line 7" in out and "Troy Roberts on the rent rise" in out


def test_speaker_nobody_knew_becomes_a_person_awaiting_review(tmp_path):
    (tmp_path / "story.txt").write_text(
        "Harbour plan approved\n\nFriday, September 6, 2019\n\n"
        "The council approved the plan on Thursday.\n\n"
        "“We have waited ten years for this harbour,” said council leader Maria Okafor.\n",
        encoding="utf-8",
    )
    load(tmp_path)
    quote = Quote.objects.get()
    assert quote.speaker.name == "Maria Okafor"
    assert quote.speaker.needs_review is True
    assert quote.said_on == dt.date(2019, 9, 6)
    assert quote.speaker in quote.article.people.all()
    load(tmp_path)
    assert Person.objects.filter(name="Maria Okafor").count() == 1
    assert Quote.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"A headline\n\n\x80\x81 not utf-8\n", "line 3"),
        (b"A headline\n\nNo date anywhere in this copy.\n\nJust text.\n", "date"),
        (b"", "headline"),
    ],
    ids=["not-utf8", "no-date-line", "empty"],
)
def test_a_malformed_file_loads_nothing_and_names_the_file(seeds, content, expected):
    (seeds / "zz-broken.txt").write_bytes(content)
    before = row_counts()
    with pytest.raises(CommandError) as error:
        load(seeds)
    assert "zz-broken.txt" in str(error.value)
    assert expected in str(error.value)
    assert row_counts() == before


def test_a_bad_time_zone_in_sources_names_the_file_and_entry(seeds):
    (seeds / "sources.toml").write_text('[defaults]\ntime_zone = "Mars/Olympus"\n', encoding="utf-8")
    with pytest.raises(CommandError, match=r"sources\.toml.*Mars/Olympus"):
        load(seeds)
    assert row_counts() == (0,) * 8


def test_a_missing_path_is_an_error():
    with pytest.raises(CommandError, match="no-such-folder: no such file or folder"):
        load("no-such-folder")


def test_dry_run_writes_nothing_but_reports_what_it_would_do():
    out, _ = load(dry_run=True, json=True)
    assert Article.objects.count() == 0 and Person.objects.count() == 0
    report = json.loads(out)
    assert report["summary"]["dry_run"] is True
    assert report["summary"]["articles"]["created"] == 1


def test_json_report_has_the_documented_shape():
    out, err = load(json=True)
    report = json.loads(out)
    (article,) = report["articles"]
    assert article["source"].endswith(f"seeds/{SEED_FILE}")
    assert article["published_at"] == "2018-03-27T17:55:00+08:00"
    assert article["quotes"][1] == {
        "text": "I continue to believe in the culture of dialogue when it is sincerely implemented, "
        "meaning without threats or bullying.",
        "speaker": "Sam Rainsy",
        "speaker_type": "person",
        "said_on": "2018-03-26",
        "context": article["quotes"][1]["context"],
        "featured": False,
    }
    assert "Facebook" in article["quotes"][1]["context"]
    assert {"Hun Sen", "Sam Rainsy", "Kentaro Sonoura", "Shinzo Abe", "Taro Kono"} <= set(article["people"])
    assert "Cambodia National Rescue Party" in article["organizations"]
    assert report["summary"]["quotes"]["created"] == 4
    assert "article file(s) read" in err  # the summary goes to stderr so stdout stays JSON


def test_fixtures_alone_load_with_loaddata_twice_without_duplicates():
    fixtures = sorted((SEEDS / "fixtures").glob("*.json"))
    call_command("loaddata", *fixtures, verbosity=0)
    counts = row_counts()
    call_command("loaddata", *fixtures, verbosity=0)
    assert row_counts() == counts
    assert Person.objects.get(slug="sam-rainsy").aliases.get().name == "Rainsy"


@pytest.mark.skipif(not CORPUS.exists(), reason=f"the Wikinews corpus is not at {CORPUS}")
def test_every_corpus_article_loads_in_one_run(tmp_path):
    with CORPUS.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for n, row in enumerate(rows):
        (tmp_path / f"wikinews-{n:03d}.txt").write_text(f"{row['title']}\n\n{row['text']}", encoding="utf-8")
    load(tmp_path)
    assert Article.objects.count() == len(rows) == 67
    assert Quote.objects.count() > 100
    assert not Quote.objects.filter(text="").exists()
    before = row_counts()
    out, _ = load(tmp_path)
    assert row_counts() == before
    assert "Nothing changed" in out


def _many_copies(folder, count):
    seed = (SEEDS / SEED_FILE).read_text(encoding="utf-8")
    for n in range(count):
        copy = seed.replace("refuses to talk", f"refuses to talk (part {n})", 1)
        (folder / f"copy-{n:04d}.txt").write_text(copy, encoding="utf-8")


def test_a_long_run_extracts_in_worker_processes_with_the_same_result(tmp_path):
    shutil.copytree(SEEDS / "fixtures", tmp_path / "fixtures")
    _many_copies(tmp_path, PARALLEL_FROM + 20)
    report = load_seeds([tmp_path], workers=2)

    assert report.summary()["articles"]["created"] == PARALLEL_FROM + 20
    assert Quote.objects.count() == 4 * (PARALLEL_FROM + 20)
    assert Quote.objects.filter(featured=True, speaker__slug="sam-rainsy").count() == PARALLEL_FROM + 20
    last = Article.objects.get(headline__contains=f"(part {PARALLEL_FROM + 19})")
    assert set(last.people.values_list("slug", flat=True)) == {
        "hun-sen",
        "sam-rainsy",
        "kentaro-sonoura",
        "shinzo-abe",
        "taro-kono",
    }


def test_a_bad_file_late_in_a_long_run_rolls_back_everything(tmp_path):
    _many_copies(tmp_path, PARALLEL_FROM + 20)
    (tmp_path / "copy-0310.txt").write_bytes(b"Headline\n\nNo date here\n")
    with pytest.raises(LoaderError, match="copy-0310.txt"):
        load_seeds([tmp_path], workers=2)
    assert row_counts() == (0,) * 8


@pytest.mark.parametrize(
    ("copy", "expected"),
    [
        (
            "H" * 301 + "\n\nFriday, September 6, 2019\n\nBody.\n",
            "line 1: the headline is 301 characters long; at most 300 fit",
        ),
        (
            "Headline\n\nFriday, September 6, 2019\n\nIntro.\n\n“We will not give up this harbour,” said "
            + " ".join(["Maria"] * 60)
            + " Okafor.\n",
            "the speaker's name is",
        ),
    ],
    ids=["headline", "speaker"],
)
def test_values_too_long_for_their_column_are_refused_naming_file_and_line(tmp_path, copy, expected):
    (tmp_path / "long.txt").write_text(copy, encoding="utf-8")

    with pytest.raises(LoaderError) as refused:
        load_seeds([tmp_path])

    assert "long.txt" in str(refused.value) and expected in str(refused.value)
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("large_from", "dry_run", "analyzed"), [(1, False, True), (2, False, False), (1, True, False)]
)
def test_a_large_load_leaves_the_planner_fresh_statistics(monkeypatch, large_from, dry_run, analyzed):
    monkeypatch.setattr("articles.loader.run.LARGE_LOAD", large_from)

    with CaptureQueriesContext(connection) as queries:
        load_seeds([SEEDS], dry_run=dry_run)

    assert any(q["sql"].strip().upper() == "ANALYZE" for q in queries.captured_queries) is analyzed
