"""Remove web boilerplate and reader comments from plain-text article bodies.

Scraped text keeps page furniture: donation and newsletter prompts, share buttons, cookie
notices, "Advertisement" slugs, image credits, related-links blocks and, after a comment-widget
marker ("Notify of", "View all comments"), the reader comments themselves.  The rules below are
general line classifiers, not seed-specific strings:

- a *comment marker* line ends the article: everything after it is reader comments;
- a *tail marker* ("Related articles", "More on this topic:") ends the article when it sits in
  the last part of the text (a related-links block), otherwise only the line goes;
- a *boilerplate* line (short, matching a furniture pattern) is dropped;
- a line repeating the headline, or an exact repeat of an earlier short line, is dropped.

Paragraphs (blank-line separated) are otherwise kept intact.
"""

from __future__ import annotations

import re
from typing import Final

# Lines after which everything is reader comments (comment widgets: wpDiscuz, Disqus, ...).
_COMMENT_MARKER_RE: Final = re.compile(
    r"""^(?:
        notify\ of | newest\s+most\s+voted | oldest\s+newest | inline\s+feedbacks?
      | view\ all\ comments? | \d+\s+comments? | comments?\s*(?:\(\d+\))? | show\ comments?
      | load\ comments? | leave\ a\ (?:comment|reply) | post\ a\ comment | add\ a\ comment
      | join\ the\ (?:discussion|conversation) | reader\ comments | comments\ are\ closed\.?
      | \d+\s+responses?\ to .* | disqus | powered\ by\ disqus | commenting\ policy
      | you\ must\ be\ logged\ in\ to\ post\ a\ comment\.? | log\ in\ to\ comment
      | sort\ by\ (?:newest|oldest|best).*
    )\s*[:.!]?$""",
    re.I | re.X,
)

# Headers of related-links / promo blocks that end the article when near its end.
_TAIL_MARKER_RE: Final = re.compile(
    r"""^(?:
        more\ on\ this\ topic | related(?:\ (?:articles?|stories|posts|news|content|coverage|reading))?
      | read\ (?:more|also|next) | see\ also | you\ (?:may|might)\ also\ (?:like|be\ interested\ in)
      | recommended(?:\ for\ you)? | most\ (?:read|popular|viewed) | trending(?:\ now)?
      | more\ from\ .{1,40} | more\ stories | latest\ news | further\ reading | about\ the\ author
      | tags? | filed\ under | share\ this(?:\ article|\ story)?
    )\s*[:.]?$""",
    re.I | re.X,
)

# Furniture lines dropped wherever they are (only short lines are tested, see _is_boilerplate).
_BOILERPLATE_RE: Final = re.compile(
    r"""^(?:
        [-–—*\s]*advertisement[-–—*\s]* | [-–—\s]*(?:story\ )?continues?\ below(?:\ advertisement)?.*
      | support\ (?:us|our\ work|(?-i:[A-Z][\w&'-]*(?:\ [A-Z][\w&'-]*){0,2}))
      | donate(?:\ now)?.* | become\ a\ (?:patron|member|supporter).*
      | subscribe\b.* | sign\ up\b.* | join\ our\ (?:newsletter|mailing\ list).*
      | get\ (?:our|the)\ .*newsletter.*
      | would\ love\ your\ thoughts.* | please\ (?:comment|share).*
      | share\ (?:this|on)\b.* | (?:click|tap)\ here\b.* | follow\ us\b.* | like\ us\ on\ facebook.*
      | (?:share|tweet|email|print|pin\ it|whatsapp|facebook|twitter|linkedin|reddit|telegram)
        (?:\s*[|/,•·]?\s*
           (?:share|tweet|email|print|pin\ it|whatsapp|facebook|twitter|linkedin|reddit|telegram))*
      | (?:accept|manage)\ (?:all\ )?cookies.* | privacy\ policy.* | terms\ of\ (?:use|service).*
      | all\ rights\ reserved\.? | ©.* | copyright\s+(?:©\s*)?\d{4}.* | (?:photo|image|video)\ gallery
      | (?:getty\ images|afp|ap\ photo|reuters)(?:/[\w .]+)?
      | (?:watch|listen):\ .{0,60} | skip\ to\ (?:main\ )?content
      | (?:home|menu|search|close|back\ to\ top)
      | (?:loading|please\ wait)\.{0,3}
      | this\ (?:article|story)\ (?:was\ )?(?:first\ )?(?:appeared|published|originally).*
    )\s*$""",
    re.I | re.X,
)
# The furniture patterns that can match anywhere in a line, apart (each tries every position up to
# its word): a line matches one of the two patterns exactly when it matched the single pattern of
# all alternatives, and an ASCII line can only match these when it holds "newsletter" or "cookie".
_FLOATING_BOILERPLATE_RE: Final = re.compile(
    r"""^(?:
        .{0,40}\bnewsletters?\b.{0,60}
      | .*\bcookies?\b.*\b(?:accept|consent|policy|use|browsing|experience)\b.*
    )\s*$""",
    re.I | re.X,
)

# Image captions with credits: "Sergey Lavrov. Image: Pavel Golovkin/AP", "(Photo: Reuters)".
_CREDIT_RE: Final = re.compile(
    r"""(?:\b(?:image|photo|picture|photograph|pictured|credit|source\ image|file\ photo)s?
          \s*(?:by|:|credit:?)\s*
          [^.]{2,80}$
       | \((?:photo|image|credit)[^)]{0,80}\)\s*$
       | \b[\w.]+(?:\ [\w.]+){0,3}\s*/\s*
         (?:AP|AFP|Reuters|Getty\ Images|EPA|Sipa|TASS|Sputnik|Anadolu)(?:\ Images)?\s*$
    )""",
    re.I | re.X,
)
# Every _CREDIT_RE match holds one of these (in the line lower-cased, ı and İ read as i) or a "/"
# or "(": a cheap test that spares most lines the search, which tries its word-run branch at every
# word.  ı and İ are the only characters outside ASCII that re.IGNORECASE matches to a letter of
# these words (to "i"), and str.lower() turns İ into two characters, hence the mapping.
_CREDIT_HINTS: Final = ("image", "photo", "picture", "credit", "/", "(")
_DOTLESS_DOTTED_I: Final = str.maketrans("ıİ", "ii")

# Not \n{3,}: a literal prefix lets re skip ahead to each "\n\n\n" instead of trying every position.
_BLANKS_RE: Final = re.compile(r"\n\n\n+")
# Runs of blanks that collapsing to one space changes: two or more, or one tab / no-break space.
# (Matching every single space too would rebuild each prose line for nothing.)
_SPACE_RE: Final = re.compile(r"[ \t\u00a0]{2,}|[\t\u00a0]")

MAX_FURNITURE_LEN: Final = 160  # furniture is short; a long line matching a pattern is real prose
TAIL_FRACTION: Final = 0.6  # a tail marker past this share of the text starts a related-links block


def _collapse(line: str) -> str:
    """Blank runs collapsed to one space, ends stripped."""
    if "  " in line or "\t" in line or "\u00a0" in line:  # substring tests: far cheaper than sub
        line = _SPACE_RE.sub(" ", line)
    return line.strip()


def _norm(line: str) -> str:
    return _collapse(line).casefold()


def _is_boilerplate(line: str) -> bool:
    """Page furniture (menus, share buttons, credits); ``line`` is already collapsed."""
    stripped = line
    if len(stripped) > MAX_FURNITURE_LEN:
        return False
    if _BOILERPLATE_RE.match(stripped):
        return True
    ascii_line = stripped.isascii()
    low = (stripped if ascii_line else stripped.translate(_DOTLESS_DOTTED_I)).lower()
    # re.IGNORECASE matches a few non-ASCII letters to ASCII ones (the long s ſ to s): only
    # ASCII lines may skip the floating patterns by the substring test.
    floating = not ascii_line or "newsletter" in low or "cookie" in low
    if floating and _FLOATING_BOILERPLATE_RE.match(stripped):
        return True
    if not any(hint in low for hint in _CREDIT_HINTS):
        return False
    return bool(_CREDIT_RE.search(stripped))


def clean_body(text: str, title: str = "") -> str:
    """Return ``text`` without web boilerplate and reader comments.

    ``title`` (optional) lets a repeated headline line be dropped too.  Paragraph breaks are
    kept; runs of blank lines are collapsed to one blank line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    total = max(1, len(text))
    title_norm = _norm(title) if title else ""
    title_key = title_norm.rstrip(".")
    seen_short: set[str] = set()
    kept: list[str] = []
    offset = 0
    for line in lines:
        position = offset / total
        offset += len(line) + 1
        stripped = line.strip()
        if not stripped:
            kept.append("")
            continue
        collapsed = _collapse(stripped)
        if _COMMENT_MARKER_RE.match(stripped) and (position > 0.2 or _has_prose(kept)):
            break
        if _TAIL_MARKER_RE.match(stripped):
            if position >= TAIL_FRACTION:
                break
            continue
        if _is_boilerplate(collapsed):
            continue
        # casefold never shortens a text and turns no character but "." into one ending with ".", so
        # a line this long is neither the title nor short once folded: most prose is not folded.
        if len(collapsed) < 200 or (title_norm and len(collapsed.rstrip(".")) <= len(title_key)):
            norm = collapsed.casefold()
            if title_norm and norm.rstrip(".") == title_key:
                continue
            if len(norm) < 200:
                # A short line repeated verbatim is page furniture (menus, repeated headlines).
                if norm in seen_short:
                    continue
                seen_short.add(norm)
        kept.append(line.rstrip())
    body = "\n".join(kept)
    return _BLANKS_RE.sub("\n\n", body).strip()


def _has_prose(lines: list[str]) -> bool:
    """True once at least one paragraph-like line (a sentence) has been kept."""
    return any(len(line) > 80 for line in lines)
