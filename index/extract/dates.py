"""Publication-date resolution: sidecar or metadata, else the URL, else the file name.

A date is accepted only when it is a full, valid calendar date (year, month and day) within
``MIN_YEAR``..``MAX_YEAR``: month-only URLs (``/2020/03/``) give no date rather than a guessed day.

The body alone never dates an article.  A day the text names without a year ("said on March 29")
completes a *partial* date known from elsewhere: the year (and month) of a sidecar ``date`` such as
``2019`` or ``2019-03``, or of the URL (``/2019/03/``, ``/2019/``).  When the month is known, the
text's month must agree; the day must be a real date and not after today.  Otherwise the article
stays undated: nothing is guessed.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import PurePath
from typing import Final

from index.article import Article

MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2100

_Y: Final = r"(?P<y>(?:19|20)\d{2})"
_M: Final = r"(?P<m>0?[1-9]|1[0-2])"
_D: Final = r"(?P<d>0?[1-9]|[12]\d|3[01])"
_MONTHS: Final = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")], 1)
    for m in names
}  # fmt: skip
_MON: Final = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"

# URL shapes, most specific first.  Separators between the parts may be / - _ or . ; the
# compact form (20200305) must stand alone between non-digits.
_URL_PATTERNS: Final = [
    re.compile(rf"(?<!\d){_Y}[/_.-]{_M}[/_.-]{_D}(?!\d)"),  # /2020/03/05/ /2020-03-05 /2020_3_5
    # 20200305
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"),
    re.compile(rf"(?<![a-z]){_D}[/_.-]{_MON}[/_.-]{_Y}(?!\d)", re.I),  # 05-mar-2020
    re.compile(rf"(?<![a-z]){_MON}[/_.-]{_D}[/_.-]{_Y}(?!\d)", re.I),  # march-5-2020
    re.compile(rf"(?<!\d){_Y}[/_.-]{_MON}[/_.-]{_D}(?!\d)", re.I),  # 2020/mar/05 (the Guardian)
]
_FILENAME_PATTERNS: Final = _URL_PATTERNS  # file names use the same shapes (breitbart_2016-09-12_slug.txt)

_ISO_RE: Final = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_NUMERIC_RE: Final = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def _make(y: int, m: int, d: int) -> date | None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _from_match(match: re.Match) -> date | None:
    parts = match.groupdict()
    month = _MONTHS[parts["mon"].lower()] if parts.get("mon") else int(parts["m"])
    return _make(int(parts["y"]), month, int(parts["d"]))


def date_from_text(value: str, patterns: list[re.Pattern] = _URL_PATTERNS) -> date | None:
    """First full date found in a URL or file name, or None."""
    for pattern in patterns:
        for match in pattern.finditer(value):
            found = _from_match(match)
            if found:
                return found
    return None


def parse_date(value: str) -> date | None:
    """Parse a metadata date string; None when it is empty, invalid or ambiguous.

    Accepts ISO 8601 (``2020-03-05``, ``2020-03-05T10:00:00Z``), RFC 2822 (``Thu, 05 Mar 2020
    10:00:00 +0000``), and written-out dates (``March 5, 2020``, ``5 March 2020``).  A purely
    numeric ``05/03/2020`` is accepted only when unambiguous (one part > 12, or both equal);
    otherwise None, because guessing US vs European order would silently misdate articles.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text or len(text) > 64:
        return None
    match = _ISO_RE.match(text)
    if match:
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _NUMERIC_RE.match(text)
    if match:
        a, b, y = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if a > 12 >= b:
            return _make(y, b, a)
        if b > 12 >= a or a == b:
            return _make(y, a, b)
        return None
    try:
        return _check(parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError):
        pass
    if not re.search(r"[a-z]{3}", text, re.I) or not re.search(r"\d{4}", text):
        return None  # dateutil would invent missing parts (year or day) from today's date
    try:
        from dateutil import parser as du_parser

        default = datetime(1, 1, 1)
        parsed = du_parser.parse(text, default=default, fuzzy=False)
        if parsed.day == 1 and not re.search(r"(?<!\d)0?1(?!\d)", text):
            return None  # no day given ("March 2020")
        return _check(parsed.date())
    except (ValueError, OverflowError, TypeError):
        return None


def _check(value: date) -> date | None:
    return value if MIN_YEAR <= value.year <= MAX_YEAR else None


def resolve_date(article: Article) -> tuple[date | None, str]:
    """Return ``(date, source)``.

    Sources: ``sidecar`` (a sidecar metadata file), ``metadata`` (the file's own), ``page`` (an
    HTML page's text, read by htmldate), ``url``, ``filename``, ``text+sidecar`` / ``text+url`` (a
    day named in the text completing a partial date, see the module docstring) or ``unknown``.
    """
    if article.published:
        published = article.published
        if isinstance(published, str):
            published = parse_date(published)
        if isinstance(published, datetime):
            published = published.date()
        if published:
            if "date" in article.sidecar:
                return published, "sidecar"
            return published, "page" if article.raw_meta.get("date_source") == "page" else "metadata"
    if article.url:
        found = date_from_text(article.url)
        if found:
            return found, "url"
    if article.path:
        found = date_from_text(PurePath(article.path.split("!")[-1]).name, _FILENAME_PATTERNS)
        if found:
            return found, "filename"
    partial, source = _partial_date(article)
    if partial:
        found = day_in_text(article.body, partial)
        if found:
            return found, source
    return None, "unknown"


# A year (and month) between separators in a URL's path: /2019/03/slug, /news/2019/slug.
_URL_YEAR: Final = re.compile(
    r"(?:^|[/_.-])(?P<y>(?:19|20)\d{2})(?:[/_.-](?P<m>0?[1-9]|1[0-2]))?(?=$|[/_.-])"
)
_CAP_MON: Final = (
    "(?P<mon>" + "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True)) + r")\.?"
)
_DAY: Final = r"(?P<d>0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
# "on March 29", "on 29 March"; not followed by a year (that would be a full date of some event).
_TEXT_DAYS: Final = [
    re.compile(rf"\b[Oo]n\s+{_CAP_MON}\s+{_DAY}\b(?!,?\s*\d)"),
    re.compile(rf"\b[Oo]n\s+{_DAY}\s+{_CAP_MON}(?![\w.]*,?\s*\d)"),
]
#: Characters of the body searched for a day: the lead, where the news (and its day) is.
TEXT_DAY_CHARS: Final = 1500


def _partial_date(article: Article) -> tuple[tuple[int, ...] | None, str]:
    """(year,) or (year, month) known without a day, and where from; (None, "") when none."""
    partial = article.sidecar.get("partial_date")
    if partial:
        return tuple(int(p) for p in partial.split("-")), "text+sidecar"
    if article.url:
        from urllib.parse import urlsplit

        match = _URL_YEAR.search(urlsplit(article.url).path)
        if match:
            year = int(match.group("y"))
            month = match.group("m")
            return ((year, int(month)) if month else (year,)), "text+url"
    return None, ""


def day_in_text(body: str, partial: tuple[int, ...], today: date | None = None) -> date | None:
    """The first day the text's lead names without a year ("on March 29"), completed by ``partial``.

    ``partial`` is (year,) or (year, month); with a month, the text's month must be the same.
    None when the lead names no such day, the date is invalid, or it is after ``today``.
    """
    today = today or date.today()
    lead = body[:TEXT_DAY_CHARS]
    for pattern in _TEXT_DAYS:
        for match in pattern.finditer(lead):
            month = _MONTHS[match.group("mon").lower()]
            if len(partial) > 1 and partial[1] != month:
                continue
            found = _make(partial[0], month, int(match.group("d")))
            if found and found <= today:
                return found
    return None
