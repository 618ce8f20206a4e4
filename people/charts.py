"""How often someone was quoted, month by month, as geometry for an inline SVG bar chart.

Drawn on the server so the page needs no JavaScript; the template turns this into <svg> markup.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import CharField, Count
from django.db.models.functions import Cast, Substr

WIDTH = 640
HEIGHT = 220
MARGIN_LEFT = 36
MARGIN_RIGHT = 8
MARGIN_TOP = 12
MARGIN_BOTTOM = 28
MAX_BAR_WIDTH = 40
MIN_LABEL_GAP = 44


@dataclass(frozen=True)
class Bar:
    month: dt.date
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Tick:
    value: int
    y: float


@dataclass(frozen=True)
class YearLabel:
    year: int
    x: float


@dataclass(frozen=True)
class MonthlyChart:
    bars: list
    ticks: list
    year_labels: list
    total: int
    peak: int
    first: dt.date
    last: dt.date
    width: int = WIDTH
    height: int = HEIGHT
    plot_left: int = MARGIN_LEFT
    plot_right: int = WIDTH - MARGIN_RIGHT
    baseline: int = HEIGHT - MARGIN_BOTTOM
    label_y: int = HEIGHT - 8

    @property
    def months_with_quotes(self):
        return [bar for bar in self.bars if bar.count]


def month_counts(quotes):
    """{first day of month: number of quotes} for a queryset of quotes, in one query.

    Grouped by the first seven characters of the ISO date ("2018-03"), which both databases compute
    natively from the speaker's index; a date function would be called once per quote on SQLite.
    """
    month = Substr(Cast("said_on", CharField()), 1, 7)
    rows = quotes.order_by().annotate(month=month).values("month").annotate(n=Count("pk")).order_by("month")
    return {dt.date.fromisoformat(f"{row['month']}-01"): row["n"] for row in rows}


def months_between(first, last):
    month = first.replace(day=1)
    while month <= last:
        yield month
        month = (month + dt.timedelta(days=32)).replace(day=1)


def monthly_chart(counts):
    """Lay out one bar per month from the first month with quotes to the last, empty months included."""
    if not counts:
        return None
    months = list(months_between(min(counts), max(counts)))
    peak = max(counts.values())
    plot_width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    baseline = HEIGHT - MARGIN_BOTTOM
    slot = plot_width / len(months)
    bar_width = min(slot * 0.8, MAX_BAR_WIDTH)

    bars = []
    year_labels = []
    for index, month in enumerate(months):
        count = counts.get(month, 0)
        height = plot_height * count / peak
        x = MARGIN_LEFT + index * slot + (slot - bar_width) / 2
        bars.append(
            Bar(month, count, round(x, 2), round(baseline - height, 2), round(bar_width, 2), round(height, 2))
        )
        label_x = MARGIN_LEFT + index * slot
        if (index == 0 or month.month == 1) and (
            not year_labels or label_x - year_labels[-1].x >= MIN_LABEL_GAP
        ):
            year_labels.append(YearLabel(month.year, round(label_x, 2)))

    tick_values = sorted({0, peak} | ({peak // 2} if peak >= 4 else set()))
    ticks = [Tick(value, round(baseline - plot_height * value / peak, 2)) for value in tick_values]
    return MonthlyChart(
        bars=bars,
        ticks=ticks,
        year_labels=year_labels,
        total=sum(counts.values()),
        peak=peak,
        first=months[0],
        last=months[-1],
    )
