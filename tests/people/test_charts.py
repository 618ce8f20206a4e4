"""The chart of how often someone was quoted: at most MAX_BARS bars, each labelled, whatever the span."""

import datetime as dt
import re

import pytest

from people.charts import MAX_BARS, quote_chart, quoted_in_words


def months(first, count, each=1):
    year, month = first
    counts = {}
    for _ in range(count):
        counts[dt.date(year, month, 1)] = each
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return counts


@pytest.mark.parametrize(
    ("counts", "unit", "bars"),
    [
        (months((2018, 3), 1), "month", 1),
        (months((2017, 1), 24), "month", 24),
        (months((2017, 1), 25), "quarter", 9),
        ({dt.date(2013, 2, 1): 1, dt.date(2018, 11, 1): 1}, "quarter", 24),
        ({dt.date(2013, 1, 1): 1, dt.date(2018, 12, 1): 1}, "quarter", 24),
        ({dt.date(2012, 12, 1): 1, dt.date(2018, 12, 1): 1}, "year", 7),
        ({dt.date(1996, 1, 1): 1, dt.date(2019, 12, 1): 1}, "year", 24),
        ({dt.date(1980, 6, 1): 1, dt.date(2019, 1, 1): 1}, "years", 20),
    ],
    ids=[
        "one month",
        "two years of months",
        "quarters",
        "24 quarters",
        "24 quarters from January",
        "years",
        "24 years",
        "a career",
    ],
)
def test_a_span_is_drawn_in_the_largest_unit_that_needs_no_more_than_max_bars(counts, unit, bars):
    chart = quote_chart(counts, "Sam Rainsy")

    assert chart.scale.unit == unit
    assert len(chart.periods) == bars <= MAX_BARS
    assert chart.total == sum(counts.values())


def test_every_bar_has_a_label_and_a_year_where_one_begins():
    chart = quote_chart(months((2017, 11), 4), "Sam Rainsy")

    assert [(p.label, p.sublabel) for p in chart.periods] == [
        ("Nov", "2017"),
        ("Dec", ""),
        ("Jan", "2018"),
        ("Feb", ""),
    ]
    svg = chart.svg()
    assert re.findall(r'<text class="chart__label"[^>]*>([^<]*)</text>', svg) == [
        "Nov", "2017", "Dec", "Jan", "2018", "Feb"
    ]  # fmt: skip


def test_quarters_add_up_their_months_and_name_them():
    counts = {dt.date(2016, 1, 1): 2, dt.date(2016, 3, 1): 1, dt.date(2018, 5, 1): 4}

    chart = quote_chart(counts, "Sam Rainsy")

    assert chart.periods[0].count == 3
    assert chart.periods[0].name == "January–March 2016"
    assert chart.periods[-1].name == "April–June 2018"
    assert chart.peak == 4
    assert chart.summary == "7 quotes, January–March 2016 to April–June 2018; at most 4 in one quarter."


def test_a_long_career_is_drawn_in_runs_of_years():
    chart = quote_chart({dt.date(1970, 1, 1): 1, dt.date(2019, 6, 1): 2}, "Hun Sen")

    # Fifty years in runs of three: seventeen bars, the last cut at the last year with quotes.
    assert len(chart.periods) == 17
    assert chart.periods[0].name == "1970–1972"
    assert (chart.periods[0].label, chart.periods[0].sublabel) == ("1970", "–72")
    assert chart.periods[-1].name == "2018–2019"
    assert chart.periods[-1].count == 2


def test_bars_and_rows_are_attributes_and_text_only_never_style():
    chart = quote_chart(months((2018, 1), 3, each=2), "<Sam & Rainsy>")
    markup = chart.svg() + chart.table()

    assert "style" not in markup
    assert "&lt;Sam &amp; Rainsy&gt;" in markup
    assert markup.count('<rect class="chart__bar"') == 3
    assert markup.count('<tr><th scope="row">') == 3


def test_no_quotes_no_chart():
    assert quote_chart({}, "Nobody") is None


@pytest.mark.parametrize(
    ("counts", "sentence"),
    [
        ({dt.date(2018, 3, 1): 1}, "Sam Rainsy was quoted once, in March 2018."),
        ({dt.date(2018, 3, 1): 2}, "Sam Rainsy was quoted twice, in March 2018."),
        (
            {dt.date(2018, 1, 1): 1, dt.date(2018, 3, 1): 1},
            "Sam Rainsy was quoted twice, in January 2018 and March 2018.",
        ),
    ],
)
def test_a_quote_or_two_are_told_in_a_sentence(counts, sentence):
    assert quoted_in_words(counts, "Sam Rainsy") == sentence
