"""Validated search requests.  Every limit on user input lives here.

``SearchRequest.from_args`` accepts the query-string mapping of the web layer (or the CLI's options)
and raises one :class:`QueryError` whose message names the offending parameter.  Nothing downstream
re-validates user input.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta

from search import schema as S

# -- limits (README, "Operations") -------------------------------------------------------------
MAX_QUERY_CHARS = 2000
#: Terms and operators in one query.  Whoosh's parser recurses per boolean clause and fails with a
#: RecursionError at a few hundred ORs (whoosh #28); Elasticsearch caps clauses at 1,024.
MAX_QUERY_TERMS = 128
MAX_NESTING = 10
MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 10
#: Deepest hit a client may page to (page * per_page), as Elasticsearch's max_result_window.
MAX_RESULT_WINDOW = 10_000
MAX_FILTER_VALUES = 50
MAX_FILTER_CHARS = 300

#: ``from``/``to``: empty (no bound), YYYY, YYYY-MM or YYYY-MM-DD, and only real calendar dates
#: (years 0001-9999, February 29 in leap years only).  The OpenAPI document publishes this very
#: pattern, so a value matches the spec exactly when the server accepts it (schemathesis checks
#: both directions).  ASCII digits only: ``int()`` would also take other scripts' digits.
_YEAR = "(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_MONTH = "(?:0[1-9]|1[0-2])"
_MONTH_DAY = (
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
DATE_PATTERN = rf"^(?:{_YEAR}(?:-{_MONTH}|-{_MONTH_DAY})?|{_LEAP_YEAR}-02-29)?$"
_DATE_RE = re.compile(DATE_PATTERN)
_DIGITS = re.compile("[0-9]{1,9}")

#: ``since`` (articles that entered the index since then): empty, a duration back from now
#: (``90m``, ``12h``, ``7d``, ``2w``; at most 4 digits) or a UTC date / date and time
#: (``2026-12-01``, ``2026-12-01T08:00``, ``2026-12-01T08:00:00+01:00``).  Published in the
#: OpenAPI document, like DATE_PATTERN.
_CLOCK = "(?:[01][0-9]|2[0-3]):[0-5][0-9]"
SINCE_PATTERN = (
    rf"^(?:[1-9][0-9]{{0,3}}[mhdw]|(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)"
    rf"(?:T{_CLOCK}(?::[0-5][0-9])?(?:Z|[+-]{_CLOCK})?)?)?$"
)
_SINCE_RE = re.compile(SINCE_PATTERN)
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}

#: ``indexed``: newest first by the time articles entered the index (what feeds show).
SORTS = ("relevance", "newest", "oldest", "indexed")
FILTER_PARAMS = S.FACET_KINDS  # outlet, speaker, person, organization, place
#: ``collapse``: ``copies`` shows one hit per copy cluster (syndicated and duplicate copies).
COLLAPSE = ("none", "copies")
#: ``count``: ``originals`` counts facets and the timeline over cluster originals only.
COUNTS = ("all", "originals")
PARAMS = frozenset({"q", "from", "to", "since", "sort", "page", "per_page", "collapse", "count",
                    *FILTER_PARAMS})


class QueryError(ValueError):
    """Invalid user input; ``str(error)`` is a message fit to show the user (HTTP 400)."""

    def __init__(self, message: str, param: str | None = None) -> None:
        super().__init__(message)
        self.param = param


@dataclass(frozen=True)
class SearchRequest:
    """A validated search: query text, facet filters, date range, sort and page."""

    q: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    #: Only articles that entered the index at or after this time (UTC).
    since: datetime | None = None
    #: "copies" (one hit per copy cluster), "none", or None when not given (the API's default is
    #: none, the web page's copies: see :attr:`collapses`).
    collapse: str | None = None
    #: "originals": facet and timeline counts count only each copy cluster's original.
    count: str = "all"

    @property
    def collapses(self) -> bool:
        """True when copies are collapsed into one hit per cluster."""
        return self.collapse == "copies"

    @classmethod
    def from_args(cls, args: Mapping, *, allow: Iterable[str] = (),
                  now: datetime | None = None) -> SearchRequest:
        """Build from a mapping of parameter -> str or list of str (e.g. Flask's ``request.args``).

        ``allow`` names extra parameters the caller handles itself (e.g. ``format``); any other
        unknown parameter is an error, so a typo (``speakr=``) is reported rather than ignored.
        ``now`` (default: the current time) anchors a ``since`` duration such as ``7d``.
        """
        allowed = PARAMS | set(allow)
        for name in args:
            if name not in allowed:
                raise QueryError(
                    f"unknown parameter {name!r}; expected one of: {', '.join(sorted(PARAMS))}", name
                )
        # Limits apply to what was sent, before trimming: the OpenAPI maxLength/maxItems say the same.
        q = _one(args, "q")
        if len(q) > MAX_QUERY_CHARS:
            raise QueryError(f"q is too long ({len(q)} characters; the limit is {MAX_QUERY_CHARS})", "q")
        q = q.strip()
        filters = {}
        for name in FILTER_PARAMS:
            sent = _many(args, name)
            if len(sent) > MAX_FILTER_VALUES:
                raise QueryError(f"too many {name} values (limit {MAX_FILTER_VALUES})", name)
            if any(len(v) > MAX_FILTER_CHARS for v in sent):
                raise QueryError(f"a {name} value is longer than {MAX_FILTER_CHARS} characters", name)
            values = tuple(dict.fromkeys(v.strip() for v in sent if v.strip()))
            if values:
                filters[name] = values
        date_from = _date(args, "from")
        date_to = _date(args, "to")
        if date_from and date_to and date_from > date_to:
            raise QueryError(f"from ({date_from}) is after to ({date_to})", "from")
        sort = _one(args, "sort") or "relevance"
        if sort not in SORTS:
            raise QueryError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}", "sort")
        page = _int(args, "page", 1, minimum=1)
        per_page = _int(args, "per_page", DEFAULT_PER_PAGE, minimum=1)
        if per_page > MAX_PER_PAGE:
            raise QueryError(f"per_page must be at most {MAX_PER_PAGE}", "per_page")
        if page * per_page > MAX_RESULT_WINDOW:
            raise QueryError(
                f"page * per_page must be at most {MAX_RESULT_WINDOW}; narrow the search instead of paging",
                "page",
            )
        since = parse_since(_one(args, "since"), now)
        collapse = _choice(args, "collapse", COLLAPSE) or None
        count = _choice(args, "count", COUNTS) or "all"
        return cls(q, filters, date_from, date_to, sort, page, per_page, since, collapse, count)

    def with_(self, **changes) -> SearchRequest:
        """A copy with some fields changed (used to build facet toggle and paging links)."""
        return replace(self, **changes)

    def to_args(self) -> list[tuple[str, str]]:
        """The canonical query-string pairs of this request (defaults omitted): a permalink."""
        pairs: list[tuple[str, str]] = []
        if self.q:
            pairs.append(("q", self.q))
        for name in FILTER_PARAMS:
            pairs.extend((name, v) for v in self.filters.get(name, ()))
        if self.date_from:
            pairs.append(("from", self.date_from.isoformat()))
        if self.date_to:
            pairs.append(("to", self.date_to.isoformat()))
        if self.sort != "relevance":
            pairs.append(("sort", self.sort))
        if self.page != 1:
            pairs.append(("page", str(self.page)))
        if self.per_page != DEFAULT_PER_PAGE:
            pairs.append(("per_page", str(self.per_page)))
        if self.since:
            pairs.append(("since", self.since.isoformat(timespec="seconds").replace("+00:00", "Z")))
        if self.collapse:
            pairs.append(("collapse", self.collapse))
        if self.count != "all":
            pairs.append(("count", self.count))
        return pairs


def _many(args: Mapping, name: str) -> list[str]:
    if hasattr(args, "getlist"):
        return [str(v) for v in args.getlist(name)]
    value = args.get(name)
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)]


def _one(args: Mapping, name: str) -> str:
    values = _many(args, name)
    if len(values) > 1:
        raise QueryError(f"{name} may be given only once", name)
    return values[0] if values else ""


def _choice(args: Mapping, name: str, choices: tuple[str, ...]) -> str:
    """One of ``choices``, or "" when the parameter is absent or empty (exactly: the OpenAPI enum)."""
    raw = _one(args, name)
    if raw and raw not in choices:
        raise QueryError(f"{name} must be one of {', '.join(choices)}, not {raw[:40]!r}", name)
    return raw


def _int(args: Mapping, name: str, default: int, *, minimum: int) -> int:
    """ASCII digits (``isdigit`` would take other scripts' digits), or empty for ``default``."""
    raw = _one(args, name)
    if not raw:
        return default
    if not _DIGITS.fullmatch(raw):
        raise QueryError(f"{name} must be a positive whole number, not {raw[:40]!r}", name)
    value = int(raw)
    if value < minimum:
        raise QueryError(f"{name} must be at least {minimum}", name)
    return value


def _date(args: Mapping, name: str) -> date | None:
    """Dates as YYYY-MM-DD, or YYYY-MM / YYYY meaning the start (``from``) or end (``to``) of it.

    Empty means no bound (the search form sends ``from=&to=``).  Anything else must match
    :data:`DATE_PATTERN`, the pattern the OpenAPI document publishes.
    """
    raw = _one(args, name)
    if not raw:
        return None
    if not _DATE_RE.fullmatch(raw):
        raise QueryError(
            f"{name} must be a date as YYYY-MM-DD (or YYYY-MM, YYYY), not {raw[:40]!r}", name
        )
    parts = [int(p) for p in raw.split("-")]
    year, month, day = parts + [None] * (3 - len(parts))
    if day is not None:
        return date(year, month, day)
    if name == "from":
        return date(year, month or 1, 1)
    month = month or 12
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_since(raw: str, now: datetime | None = None) -> datetime | None:
    """``since``: a duration back from ``now`` (``7d``) or a date / date and time, as UTC; "" is None.

    Times without an offset are UTC.  Raises QueryError for anything :data:`SINCE_PATTERN` rejects.
    """
    if not raw:
        return None
    if not _SINCE_RE.fullmatch(raw):
        raise QueryError(
            "since must be a duration (90m, 12h, 7d, 2w) or a date or date and time "
            f"(2026-12-01, 2026-12-01T08:00Z), not {raw[:40]!r}",
            "since",
        )
    if raw[-1] in _UNITS and raw[:-1].isdigit():
        # Whole seconds: the permalink (to_args) must be a valid ``since`` again.
        now = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
        return now - timedelta(**{_UNITS[raw[-1]]: int(raw[:-1])})
    value = datetime.fromisoformat(raw)
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError:  # an offset pushing year 1 or 9999 out of range: the nearest bound
        bound = datetime.min if value.year == 1 else datetime.max.replace(microsecond=0)
        return bound.replace(tzinfo=UTC)
