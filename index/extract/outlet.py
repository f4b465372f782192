"""Outlet resolution: metadata, else the URL's site, else a signature line in the raw text.

Every answer is normalised through the alias table (``search/data/outlets.tsv`` plus the
``[outlets]`` section of alias files), so ``www.aljazeera.com`` and ``Al Jazeera`` are one outlet.
"""

from __future__ import annotations

import re
from typing import Final

from index.article import Article
from search.names import AliasTable, looks_like_host, norm_host

# "Support SouthFront", "Donate to The Intercept": a donation prompt names its own outlet.
_SUPPORT_RE: Final = re.compile(
    r"^(?i:support|donate\ to|subscribe\ to)\s+(?P<name>[A-Z][\w&'.-]*(?:\s[A-Z][\w&'.-]*){0,3})\s*!?$"
)
# "© 2020 Duvar English", "Copyright 2019 The Hill. All rights reserved."
_COPYRIGHT_RE: Final = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?P<name>[^.|,]{2,50})", re.I
)

_BRAND_RE: Final = re.compile(
    r"[a-z][A-Z]|\b(?:News|Press|Times|Post|Herald|Tribune|Journal|Gazette|Daily|Media|TV|Radio|Report)$"
)

# Outlet names that are also ordinary words: a standalone line "Time" is not a signature.
_AMBIGUOUS_NAMES: Final = frozenset(
    {
        "time", "reason", "salon", "atlantic", "guardian", "independent", "economist", "intercept",
        "telegraph", "week", "insider", "vox", "forbes", "bloomberg", "cbn", "ap", "aa", "abc", "nbc",
        "nyt", "538", "rt",
    }
)  # fmt: skip

MAX_SIGNATURE_LINE: Final = 40
_HEAD_LINES: Final = 12  # signature lines sit near the top (masthead) ...
_TAIL_LINES: Final = 40  # ... or in the footer


def resolve_outlet(article: Article, body: str, aliases: AliasTable) -> tuple[str | None, str]:
    """Return ``(outlet, source)`` with source ``sidecar``, ``metadata``, ``title`` (an HTML page
    title's site-name suffix), ``url``, ``text`` or ``unknown``.

    ``body`` is the cleaned body; signature lines are looked for in the raw ``article.body``,
    because cleaning removes exactly those lines.
    """
    if article.outlet and article.outlet.strip():
        meta = article.outlet.strip()
        source = "sidecar" if "outlet" in article.sidecar else article.raw_meta.get("outlet_source")
        source = source if source in ("title", "sidecar") else "metadata"
        if looks_like_host(meta):
            return aliases.outlet(meta) or norm_host(meta), source
        return aliases.outlet(meta) or meta, source
    if article.url:
        host = norm_host(article.url)
        if host and "." in host:
            return aliases.outlet(host) or host, "url"
    found = outlet_from_text(article.body or body, aliases)
    if found:
        return found, "text"
    return None, "unknown"


def outlet_from_text(text: str, aliases: AliasTable) -> str | None:
    """Find a signature line: a donation prompt, a copyright line or a standalone outlet name."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    candidates = lines[:_HEAD_LINES] + lines[-_TAIL_LINES:] if len(lines) > _HEAD_LINES else lines
    for line in candidates:
        if len(line) > MAX_SIGNATURE_LINE + 20:
            continue
        match = _SUPPORT_RE.match(line)
        if match:
            name = match.group("name")
            known = aliases.outlet(name)
            if known:
                return known
            if _BRAND_RE.search(name):  # "SouthFront", "Daily News": brand-like, not "Ukraine"
                return name
        match = _COPYRIGHT_RE.match(line)
        if match:
            name = aliases.outlet(match.group("name").strip())
            if name:
                return name
    for line in candidates:
        if len(line) > MAX_SIGNATURE_LINE or line.endswith((".", ",", ":", "?", "!")):
            continue
        if line.casefold() in _AMBIGUOUS_NAMES or not line[0].isupper():
            continue
        name = aliases.outlet(line)
        if name and _exact_spelling(line, aliases):
            return name
    return None


def _exact_spelling(line: str, aliases: AliasTable) -> bool:
    """A standalone line must spell an outlet name exactly (case included), not just fold to it."""
    return line in aliases.outlet_name_set()


# "Headline - Breitbart", "Headline | Reuters", "Headline — The Guardian": the last part of a page
# title after one of these separators may be the site's name.
_TITLE_SEPARATORS: Final = re.compile(r"\s+(?:[|\-–—·«»]|::)\s+")
_MAX_SITE_WORDS: Final = 6


def split_site_suffix(title: str, site_name: str | None = None, host: str | None = None,
                      aliases: AliasTable | None = None) -> tuple[str, str | None]:
    """``(headline, site)`` when ``title`` ends in a site-name suffix, else ``(title, None)``.

    The suffix counts as a site name only when it is a known outlet (the alias table, so
    ``Breitbart`` -> ``Breitbart News``), the page's own site name, or its host's name
    (``Reuters`` on reuters.com): "Syria - Idlib" keeps its dash.  ``site`` is the canonical
    outlet name when known, else the suffix as written.
    """
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title, None
    suffix = parts[-1].strip()
    cut = title.rstrip()[: len(title.rstrip()) - len(suffix)]
    head = re.sub(r"\s+(?:[|\-–—·«»]|::)\s*$", "", cut).strip()
    if not suffix or not head or len(suffix.split()) > _MAX_SITE_WORDS or len(head) < 10:
        return title, None
    aliases = aliases or AliasTable.default()
    known = aliases.outlet(suffix)
    if known:
        return head, known
    folded = _letters(suffix)
    if site_name and folded and folded == _letters(site_name):
        return head, aliases.outlet(site_name) or site_name.strip()
    if host and folded:
        label = norm_host(host).split(".")
        if len(label) >= 2 and folded == _letters(label[-2]):
            return head, aliases.outlet(host) or suffix
    return title, None


def _letters(value: str) -> str:
    """Letters and digits only, lower case: "The Hill" -> "thehill", "thehill.com" label -> "thehill"."""
    return "".join(ch for ch in value.casefold() if ch.isalnum())
