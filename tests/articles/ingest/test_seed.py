"""The seed article, read as the issue's table says it must be."""

import datetime as dt
from pathlib import Path

import pytest

from articles.ingest import Entity, Gazetteer, extract, parse_document
from tests.articles.ingest.copies import HONG_KONG

NAME = "scmp-2018-03-27-hun-sen-no-negotiation.txt"
ROOT = Path(__file__).resolve().parents[3]
PEOPLE = (
    Entity("hun-sen", "Hun Sen", ("Samdech Hun Sen",)),
    Entity("sam-rainsy", "Sam Rainsy", ("Rainsy",)),
    Entity("kentaro-sonoura", "Kentaro Sonoura"),
    Entity("shinzo-abe", "Shinzo Abe"),
    Entity("taro-kono", "Taro Kono"),
)
ORGANIZATIONS = (
    Entity("cambodia-national-rescue-party", "Cambodia National Rescue Party", ("CNRP",)),
    Entity("khmer-rouge", "Khmer Rouge"),
    Entity("south-china-morning-post", "South China Morning Post", ("SCMP",)),
)


@pytest.fixture(scope="module")
def seed():
    path = next(
        (p for p in (ROOT / "seeds" / NAME, ROOT.parent / "shared" / "seed" / NAME) if p.exists()), None
    )
    if path is None:
        pytest.skip(f"{NAME} is neither in seeds/ nor in ../shared/seed/")
    return parse_document(path.read_bytes(), source=NAME, tz=HONG_KONG)


def test_seed_document_reads_as_the_issue_describes(seed):
    assert seed.headline.startswith("‘No negotiation with traitors’: Cambodia Prime Minister Hun Sen refuses")
    assert seed.standfirst == (
        "Despite the forced dissolution last year of the main opposition party, "
        "the general election remains scheduled for July 29"
    )
    assert seed.published_at == dt.datetime(2018, 3, 27, 17, 55, tzinfo=HONG_KONG)
    assert seed.published_at.astimezone(dt.UTC) == dt.datetime(2018, 3, 27, 9, 55, tzinfo=dt.UTC)
    assert seed.updated_at == seed.published_at
    assert len(seed.paragraphs) == 12
    assert not any(
        p.startswith("For Cambodia, a real culture") and "Sam Rainsy" in p for p in seed.paragraphs
    )
    assert [(p.speaker, p.text[:40]) for p in seed.pull_quotes] == [
        ("Sam Rainsy", "For Cambodia, a real culture of dialogue")
    ]


def test_seed_yields_exactly_the_four_quotes_of_the_table(seed):
    quotes = extract(seed, PEOPLE, ORGANIZATIONS).quotes

    assert [(q.speaker, q.speaker_key, q.said_on, q.featured) for q in quotes] == [
        ("Hun Sen", "hun-sen", dt.date(2018, 3, 27), False),
        ("Sam Rainsy", "sam-rainsy", dt.date(2018, 3, 26), False),
        ("Sam Rainsy", "sam-rainsy", dt.date(2018, 3, 26), False),
        ("Sam Rainsy", "sam-rainsy", dt.date(2018, 3, 26), True),
    ]
    assert quotes[0].text.startswith("There will be no negotiation with traitors")
    assert quotes[0].text.endswith("pardon for the traitors.")
    assert quotes[1].text.startswith("I continue to believe in the culture of dialogue")
    assert quotes[1].text.endswith("without threats or bullying.")
    assert quotes[2].text.startswith("I urge Hun Sen not to take everything personally.")
    assert quotes[2].text.endswith("democratic change")
    assert quotes[3].text.startswith("For Cambodia, a real culture of dialogue")
    assert quotes[3].text.endswith("The sooner the better.")


def test_seed_quotes_keep_where_they_were_said(seed):
    quotes = extract(seed, PEOPLE, ORGANIZATIONS).quotes

    assert quotes[0].context == "at a graduation ceremony in the capital Phnom Penh"
    assert quotes[1].context == "on his Facebook page"
    assert [q.paragraph for q in quotes] == [1, 4, 5, 6]
    assert [q.position for q in quotes] == [0, 1, 2, 3]


def test_seed_mentions_five_people_and_two_organizations(seed):
    extraction = extract(seed, PEOPLE, ORGANIZATIONS)

    assert extraction.people == ("hun-sen", "sam-rainsy", "kentaro-sonoura", "shinzo-abe", "taro-kono")
    assert extraction.organizations == ("cambodia-national-rescue-party", "khmer-rouge")
    assert extraction.new_speakers == ()


def test_a_gazetteer_built_once_reads_the_seed_as_the_lists_do(seed):
    gazetteer = Gazetteer(PEOPLE, ORGANIZATIONS)

    assert extract(seed, gazetteer=gazetteer) == extract(seed, PEOPLE, ORGANIZATIONS)
    assert extract(seed, gazetteer=gazetteer) == extract(seed, gazetteer=gazetteer)
