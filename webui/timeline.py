"""The timeline histogram as plain data for a server-rendered SVG (no JavaScript needed).

Granularity follows the matched dates: by day when they span at most a couple of months (the
engine's ``day`` facet), by month up to :data:`MAX_MONTH_BARS` months, by year beyond.  Empty
buckets between the first and last one are kept, so the horizontal axis is true to time.  Each
bar links to the search narrowed to its bucket.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from search.engine import FacetValue
from search.request import SearchRequest
from webui.links import month_bounds, range_url

MAX_MONTH_BARS = 48
#: SVG user units: bars are drawn in a WIDTH x HEIGHT box scaled to the page width.
WIDTH, HEIGHT = 600, 120
MIN_BAR = 2  # a bucket with any article is always visible


@dataclass
class Bar:
    label: str  # "2020-03-05", "2020-03" or "2020"
    count: int
    url: str
    x: float
    y: float
    width: float
    height: float


@dataclass
class Timeline:
    granularity: str  # day | month | year
    bars: list[Bar]
    max_count: int

    @property
    def first(self) -> str:
        return self.bars[0].label

    @property
    def last(self) -> str:
        return self.bars[-1].label


def _months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    found = []
    while f"{year:04d}-{month:02d}" <= last:
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def build_timeline(search_request: SearchRequest, facets: dict[str, list[FacetValue]]) -> Timeline | None:
    """The histogram of the matched articles, or None when none of them is dated."""
    days, months = facets.get("day") or [], facets.get("month") or []
    if not months:
        return None
    buckets: list[tuple[str, int, date, date]]
    if days:
        counts = {d.value: d.count for d in days}
        start, end = date.fromisoformat(days[0].value), date.fromisoformat(days[-1].value)
        span = [start + timedelta(n) for n in range((end - start).days + 1)]
        buckets = [(d.isoformat(), counts.get(d.isoformat(), 0), d, d) for d in span]
        granularity = "day"
    else:
        counts = {m.value: m.count for m in months}
        span = _months_between(months[0].value, months[-1].value)
        if len(span) <= MAX_MONTH_BARS:
            buckets = [(m, counts.get(m, 0), *month_bounds(m)) for m in span]
            granularity = "month"
        else:
            years: dict[str, int] = {}
            for m in span:
                years[m[:4]] = years.get(m[:4], 0) + counts.get(m, 0)
            buckets = [(y, n, date(int(y), 1, 1), date(int(y), 12, 31)) for y, n in years.items()]
            granularity = "year"
    top = max(n for _label, n, _first, _last in buckets) or 1
    step = WIDTH / len(buckets)
    gap = min(2.0, step * 0.2)
    bars = []
    for i, (label, n, first, last) in enumerate(buckets):
        height = 0.0 if n == 0 else max(MIN_BAR, HEIGHT * n / top)
        bars.append(Bar(label, n, range_url(search_request, first, last),
                        round(i * step + gap / 2, 2), round(HEIGHT - height, 2),
                        round(step - gap, 2), round(height, 2)))
    return Timeline(granularity, bars, top)
