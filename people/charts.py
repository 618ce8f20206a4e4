"""How often someone was quoted over time: an inline SVG column chart and a table of the same figures.

At most MAX_BARS bars, each labelled: months over a short span, quarters or years over a longer
one, runs of years over a long career. The markup is made here with format_html, not by a
template loop: a loop of a career's months through date filters cost the person page most of its
time, this a fraction of a millisecond. No style attributes (the page's CSP allows none): the
geometry is in SVG attributes, the look in site.css. On a narrow screen the stylesheet shows the
table, as horizontal bars, instead of the SVG, whose labels would shrink with it.
"""

import datetime as dt
from dataclasses import dataclass
from math import ceil

from django.db.models import CharField, Count
from django.db.models.functions import Cast, Substr
from django.utils.dates import MONTHS
from django.utils.html import format_html, format_html_join

MAX_BARS = 24
WIDTH = 768
HEIGHT = 232
MARGIN_LEFT = 40
MARGIN_RIGHT = 8
MARGIN_TOP = 14
MARGIN_BOTTOM = 46
MAX_BAR_WIDTH = 56


@dataclass(frozen=True)
class Period:
    start: dt.date
    count: int
    name: str  # "March 2018", "January–March 2018", "2018", "2010–2014"
    label: str  # under its bar: "Mar", "Q1", "2018"
    sublabel: str = ""  # under that: the year, at the first bar and where a new year begins


@dataclass(frozen=True)
class Scale:
    unit: str  # "month", "quarter", "year" or "years"
    months: int  # months per bar

    @property
    def per(self):
        return {"years": "period"}.get(self.unit, self.unit)


def month_counts(quotes):
    """{first day of month: number of quotes} for a queryset of quotes, in one query.

    Grouped by the first seven characters of the ISO date ("2018-03"), which both databases compute
    natively from the speaker's index; a date function would be called once per quote on SQLite.
    """
    month = Substr(Cast("said_on", CharField()), 1, 7)
    rows = quotes.order_by().annotate(month=month).values("month").annotate(n=Count("pk")).order_by("month")
    return {dt.date.fromisoformat(f"{row['month']}-01"): row["n"] for row in rows}


def month_index(day):
    return day.year * 12 + day.month - 1


def scale_for(first, last):
    months = month_index(last) - month_index(first) + 1
    if months <= MAX_BARS:
        return Scale("month", 1)
    if last.year * 4 + (last.month - 1) // 3 - (first.year * 4 + (first.month - 1) // 3) < MAX_BARS:
        return Scale("quarter", 3)
    years = last.year - first.year + 1
    if years <= MAX_BARS:
        return Scale("year", 12)
    return Scale("years", 12 * ceil(years / MAX_BARS))


def periods(counts):
    """The bars from the first month with quotes to the last, empty ones included."""
    first, last = min(counts), max(counts)
    scale = scale_for(first, last)
    if scale.unit == "quarter":
        start = month_index(first) - (first.month - 1) % 3
    elif scale.unit == "month":
        start = month_index(first)
    else:
        start = first.year * 12
    totals = {}
    for month, n in counts.items():
        slot = (month_index(month) - start) // scale.months
        totals[slot] = totals.get(slot, 0) + n
    result = []
    for slot in range(max(totals) + 1):
        index = start + slot * scale.months
        day = dt.date(index // 12, index % 12 + 1, 1)
        result.append(describe(scale, day, totals.get(slot, 0), first_bar=slot == 0, last_year=last.year))
    return scale, result


def describe(scale, day, count, first_bar, last_year):
    new_year = first_bar or day.month == 1
    year = str(day.year)
    if scale.unit == "month":
        name = f"{MONTHS[day.month]} {year}"
        return Period(day, count, name, str(MONTHS[day.month])[:3], year if new_year else "")
    if scale.unit == "quarter":
        quarter = (day.month - 1) // 3 + 1
        name = f"{MONTHS[day.month]}–{MONTHS[day.month + 2]} {year}"
        return Period(day, count, name, f"Q{quarter}", year if new_year else "")
    if scale.unit == "year":
        return Period(day, count, year, year)
    end = min(day.year + scale.months // 12 - 1, last_year)
    if end == day.year:
        return Period(day, count, year, year)
    return Period(day, count, f"{year}–{end}", year, f"–{str(end)[-2:]}")


@dataclass(frozen=True)
class Chart:
    subject: str
    scale: Scale
    periods: list
    total: int
    peak: int

    @property
    def first(self):
        return self.periods[0]

    @property
    def last(self):
        return self.periods[-1]

    @property
    def summary(self):
        plural = "" if self.total == 1 else "s"
        span = self.first.name if len(self.periods) == 1 else f"{self.first.name} to {self.last.name}"
        return f"{self.total} quote{plural}, {span}; at most {self.peak} in one {self.scale.per}."

    @property
    def title(self):
        return f"Quotes by {self.subject} per {self.scale.per}"

    def svg(self):
        plot_width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
        plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
        baseline = HEIGHT - MARGIN_BOTTOM
        slot = plot_width / len(self.periods)
        bar_width = min(slot * 0.72, MAX_BAR_WIDTH)

        def y(value):
            return f"{baseline - plot_height * value / self.peak:.1f}"

        ticks = sorted({0, self.peak} | ({self.peak // 2} if self.peak >= 4 else set()))
        grid = format_html_join(
            "",
            '<line class="chart__grid" x1="{}" x2="{}" y1="{}" y2="{}"/>'
            '<text class="chart__tick" x="{}" y="{}" text-anchor="end" dominant-baseline="middle">{}</text>',
            ((MARGIN_LEFT, WIDTH - MARGIN_RIGHT, y(v), y(v), MARGIN_LEFT - 6, y(v), v) for v in ticks),
        )
        bars, labels = [], []
        for index, period in enumerate(self.periods):
            middle = MARGIN_LEFT + slot * (index + 0.5)
            if period.count:
                height = plot_height * period.count / self.peak
                quotes = f"{period.count} quote{'' if period.count == 1 else 's'}"
                bars.append(
                    (
                        f"{middle - bar_width / 2:.1f}",
                        f"{baseline - height:.1f}",
                        f"{bar_width:.1f}",
                        f"{height:.1f}",
                        f"{period.name}: {quotes}",
                    )
                )
            labels.append((f"{middle:.1f}", baseline + 18, period.label))
            if period.sublabel:
                labels.append((f"{middle:.1f}", baseline + 36, period.sublabel))
        return format_html(
            '<svg class="chart__svg" viewBox="0 0 {} {}" role="img" aria-labelledby="chart-title chart-desc" '
            'focusable="false" xmlns="http://www.w3.org/2000/svg">'
            '<title id="chart-title">{}</title><desc id="chart-desc">{}</desc>{}{}'
            '<line class="chart__axis" x1="{}" x2="{}" y1="{}" y2="{}"/>{}</svg>',
            WIDTH,
            HEIGHT,
            self.title,
            self.summary,
            grid,
            format_html_join(
                "",
                '<rect class="chart__bar" x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>',
                bars,
            ),
            MARGIN_LEFT,
            WIDTH - MARGIN_RIGHT,
            baseline,
            baseline,
            format_html_join(
                "", '<text class="chart__label" x="{}" y="{}" text-anchor="middle">{}</text>', labels
            ),
        )

    def table(self):
        """The figures as a table: read by screen readers, and drawn as bars on a narrow screen."""
        rows = format_html_join(
            "",
            '<tr><th scope="row">{}</th><td><span class="chart__count">{}</span>{}</td></tr>',
            ((period.name, period.count, self.row_bar(period)) for period in self.periods),
        )
        return format_html(
            '<table class="chart__table"><caption>{}</caption><thead><tr><th scope="col">{}</th>'
            '<th scope="col">Quotes</th></tr></thead><tbody>{}</tbody></table>',
            self.title,
            self.scale.per.capitalize(),
            rows,
        )

    def row_bar(self, period):
        if not period.count:
            return ""
        return format_html(
            '<svg class="chart__row-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" '
            'focusable="false" xmlns="http://www.w3.org/2000/svg"><rect width="{}" height="10"/></svg>',
            f"{100 * period.count / self.peak:.1f}",
        )


def quote_chart(counts, subject):
    """The chart of {first day of month: count}, or None when there is nothing to draw."""
    if not counts:
        return None
    scale, bars = periods(counts)
    return Chart(
        subject=subject,
        scale=scale,
        periods=bars,
        total=sum(counts.values()),
        peak=max(period.count for period in bars),
    )


def quoted_in_words(counts, subject):
    """For a quote or two, a sentence instead of a chart: "Sam Rainsy was quoted twice, in …"."""
    months = [f"{MONTHS[month.month]} {month.year}" for month in sorted(counts)]
    total = sum(counts.values())
    if total == 1:
        return f"{subject} was quoted once, in {months[0]}."
    times = "twice" if total == 2 else f"{total} times"
    if len(months) == 1:
        return f"{subject} was quoted {times}, in {months[0]}."
    return f"{subject} was quoted {times}, in {', '.join(months[:-1])} and {months[-1]}."
