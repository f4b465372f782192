"""Name folding, canonical name keys and the user-editable alias table: shared by the indexer
(facet values, entity merging) and every search backend (filters, ``speaker:`` terms), so a name
is folded the same way when it is written and when it is searched.

Three levels of sameness, from cheapest to most knowledgeable:

- ``fold``: accents and case (``Erdoğan`` -> ``erdogan``, ``Çavuşoğlu`` -> ``cavusoglu``);
- ``fold_token``: ``fold`` plus transliteration rules and single-token aliases, so that
  ``Sergey``/``Sergei`` and ``Hmeimim``/``Khmeimim``/``Hamimim`` index and search as one token;
- ``name_key``: the archive-wide key of a whole name, after the alias table has mapped it to
  its canonical spelling.  Facets group by this key.

``index.extract.names.canonicalize`` merges the mentions of one article (surnames, acronyms,
spelling variants).  The alias file format is documented in ``docs/aliases.md``.
"""

from __future__ import annotations

import operator
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_ALIASES = DATA_DIR / "aliases.txt"
DEFAULT_OUTLETS = DATA_DIR / "outlets.tsv"

# Letters NFKD does not decompose into base + combining mark.
_SPECIAL = str.maketrans(
    {
        "ı": "i", "İ": "i", "ø": "o", "Ø": "o", "ß": "ss", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d",
        "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d",
        "’": "'", "‘": "'", "ʼ": "'", "`": "'", "‐": "-", "‑": "-", "–": "-", "—": "-",
    }
)  # fmt: skip

_TOKEN_RE = re.compile(r"[\w']+", re.UNICODE)

# Transliteration rules applied to a folded token, in order.  They only need to be
# *consistent* (index and query go through the same function), not linguistically exact.
_TRANSLIT = [
    (re.compile(r"dzh"), "j"),  # Dzhebhat / Jebhat
    (re.compile(r"kh"), "h"),  # Khmeimim / Hmeimim, Mikhail / Mihail
    (re.compile(r"ks"), "x"),  # Aleksey / Alexey
    (re.compile(r"(?<=[a-z])ey$"), "ei"),  # Sergey / Sergei, Alexey / Alexei
    (re.compile(r"(?<=[a-z])(?:iy|yi|ii)$"), "i"),  # Dmitriy / Dmitri
    (re.compile(r"(?<=[^aeiouy])y$"), "i"),  # Dmitry / Dmitri
    # A callable, not r"\1": re expands a template with a backslash in Python code on every call.
    (re.compile(r"([a-z])\1+"), operator.itemgetter(1)),  # Muammar / Muamar, Gaddafi / Gadafi
]


def fold(text: str) -> str:
    """Accent- and case-fold ``text`` (``Erdoğan`` -> ``erdogan``; ``ı ø ß ł`` handled)."""
    if text.isascii():
        return text.lower()  # fast path: most names in English news are plain ASCII
    return _fold_unicode(text)


@lru_cache(maxsize=100_000)
def _fold_unicode(text: str) -> str:
    text = text.translate(_SPECIAL)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.casefold()


def caps_label(name: str) -> bool:
    """A name of two or more words written in capitals, as transcripts label speakers ("AMY
    GOODMAN"): a spelling to show only when no other is at hand."""
    return " " in name and name.upper() == name and any(ch.isalpha() for ch in name)


def name_case(name: str) -> str:
    """An all-caps name in name case ("JUAN GONZÁLEZ" -> "Juan González", "JOHN MCCAIN" -> "John
    McCain", "PAT O'BRIEN" -> "Pat O'Brien", "YAZAN AL-SAADI" -> "Yazan Al-Saadi")."""
    return " ".join(_word_case(word) for word in name.split())


def _word_case(word: str) -> str:
    """One all-caps word in name case, each hyphen part capitalised; a short word without a vowel
    is an acronym and stays ("CNN"; "AMY", "JOE" are names)."""
    if len(word) <= 4 and word.isalpha() and not any(ch in "AEIOUY" for ch in word):
        return word
    cased = "-".join(part[:1] + part[1:].lower() for part in word.split("-"))
    for prefix in ("Mc", "O'", "O’"):
        if cased.startswith(prefix) and len(cased) > len(prefix):
            cased = prefix + cased[len(prefix)].upper() + cased[len(prefix) + 1:]
    return cased


def shown_spelling(counts: Iterable[tuple[str, int]]) -> str:
    """The spelling a facet shows for one name, from (spelling, documents) pairs: the one most
    documents use (ties: alphabetical), an all-caps transcript label only when the name has no
    other spelling, and then in name case.  Both backends choose with this, so a facet reads the
    same whichever runs."""
    shown = min(counts, key=lambda item: (caps_label(item[0]), -item[1], item[0]))[0]
    return name_case(shown) if caps_label(shown) else shown


# Every place where a rule of ``_TRANSLIT`` can apply, in one pattern: a token it does not find
# in is left unchanged by the whole chain (no rule changes it, so none can set up a later one).
_TRANSLIT_ANY = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _TRANSLIT))


@lru_cache(maxsize=100_000)
def _translit(token: str) -> str:
    # Cached: seven regex passes per token, and the same tokens recur across articles.  A token new
    # to the run (a name first seen) is first tried against all the rules at once: most need none.
    if _TRANSLIT_ANY.search(token) is None:
        return token
    for pattern, repl in _TRANSLIT:
        token = pattern.sub(repl, token)
    return token


@lru_cache(maxsize=200_000)
def fold_token(token: str) -> str:
    """Fold one name token for indexing/search: accents, case, transliteration, token aliases.

    Cached, because the analyzer calls it for every name token at index and query time.
    """
    base = _translit(fold(token).strip("'").removesuffix("'s"))
    return _token_aliases().get(base, base)


@lru_cache(maxsize=1)
def _token_aliases() -> dict[str, str]:
    """Single-token variants from the default alias table (``Hamimim`` -> key of ``Hmeimim``)."""
    mapping: dict[str, str] = {}
    for group in AliasTable.default().groups:
        head = raw_key(group.canonical)
        if " " in head:
            continue
        for variant in group.variants:
            key = raw_key(variant)
            if " " not in key and key != head:
                mapping[key] = head
    return mapping


# Arabic article spellings: ash-Sham / as-Sham / an-Nusra / el-Sisi all key as al-.
_ARABIC_ARTICLE_RE = re.compile(r"\b(?:a[snrtdz]h?|el|ul)-(?=\w)")


def tokens(name: str) -> list[str]:
    """Word tokens of a name (hyphens and punctuation split tokens)."""
    return list(_tokens(name))


@lru_cache(maxsize=200_000)
def _tokens(name: str) -> tuple[str, ...]:
    folded = fold(name)
    if "-" in folded:  # every _ARABIC_ARTICLE_RE match holds one; most names have none
        folded = _ARABIC_ARTICLE_RE.sub("al-", folded)
    return tuple(_TOKEN_RE.findall(folded.replace("_", " ")))


@lru_cache(maxsize=200_000)
def raw_key(name: str) -> str:
    """Key of a name by rules only (no alias lookup): folded, transliterated tokens."""
    stripped = [t.strip("'") for t in _tokens(name)]
    return " ".join([_translit(t) for t in stripped if t])


def name_key(name: str, aliases: AliasTable | None = None) -> str:
    """Archive-wide canonical key of ``name``: two spellings of one person give one key."""
    table = aliases or AliasTable.default()
    key = table._name_keys.get(name)
    if key is None:
        canonical = table.canonical(name)
        key = " ".join(fold_token(t) for t in _tokens(canonical) if t.strip("'"))
        if len(table._name_keys) < 200_000:
            table._name_keys[name] = key
    return key


# --------------------------------------------------------------------------------------------
# Alias table
# --------------------------------------------------------------------------------------------

SECTIONS = {
    "people": "person", "person": "person", "persons": "person",
    "organizations": "organization", "organisations": "organization", "organization": "organization",
    "orgs": "organization", "places": "place", "place": "place", "locations": "place",
    "outlets": "outlet", "outlet": "outlet",
}  # fmt: skip


@dataclass
class AliasGroup:
    """One canonical name with its variant spellings, in one section (type)."""

    canonical: str
    type: str
    variants: list[str] = field(default_factory=list)

    def spellings(self) -> list[str]:
        """Canonical name first, then each distinct variant."""
        seen, out = set(), []
        for s in [self.canonical, *self.variants]:
            if s not in seen:
                seen.add(s)
                out.append(s)
        return out


class AliasTable:
    """Canonical names and their variants, from the packaged defaults plus user files.

    Later entries override earlier ones, so a user file can re-point a variant.
    """

    def __init__(self, groups: list[AliasGroup] | None = None) -> None:
        self.groups: list[AliasGroup] = []
        self._by_key: dict[str, AliasGroup] = {}
        self._by_type_key: dict[tuple[str, str], AliasGroup] = {}
        self._hosts: dict[str, str] = {}
        self._outlet_names: frozenset[str] | None = None
        self._name_keys: dict[str, str] = {}  # name_key cache, emptied whenever a group is added
        for group in groups or []:
            self.add(group)

    # ---- building -------------------------------------------------------------------------
    def add(self, group: AliasGroup) -> None:
        """Register a group; its spellings now map to its canonical name."""
        self.groups.append(group)
        self._outlet_names = None
        self._name_keys.clear()
        for spelling in group.spellings():
            if group.type == "outlet" and looks_like_host(spelling):
                self._hosts[norm_host(spelling)] = group.canonical
                continue
            key = raw_key(spelling)
            if not key:
                continue
            self._by_key[key] = group
            self._by_type_key[(group.type, key)] = group

    def extend(self, other: AliasTable) -> None:
        """Add every group of ``other`` (it overrides this table's entries)."""
        for group in other.groups:
            self.add(group)

    @classmethod
    def parse(cls, text: str, origin: str = "<string>") -> AliasTable:
        """Parse the alias line format (see docs/aliases.md); raises ValueError with a line number."""
        table = cls()
        section = "person"
        for lineno, raw in enumerate(text.splitlines(), 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("[") and line.endswith("]"):
                name = line[1:-1].strip().lower()
                if name not in SECTIONS:
                    raise ValueError(f"{origin}:{lineno}: unknown section [{name}]")
                section = SECTIONS[name]
                continue
            canonical, sep, rest = line.partition("=")
            variants = [v.strip() for v in rest.split("|")] if sep else []
            canonical = canonical.strip()
            if not canonical:
                raise ValueError(f"{origin}:{lineno}: missing canonical name before '='")
            table.add(AliasGroup(canonical, section, [v for v in variants if v]))
        return table

    @classmethod
    def load(cls, path: str | os.PathLike) -> AliasTable:
        """Read an alias file (UTF-8)."""
        path = Path(path)
        return cls.parse(path.read_text(encoding="utf-8"), str(path))

    @classmethod
    def default(cls) -> AliasTable:
        """Packaged aliases + outlets, then ``$DATELINE_ALIASES`` if set (cached per env value)."""
        return _default_table(os.environ.get("DATELINE_ALIASES", ""))

    # ---- lookups --------------------------------------------------------------------------
    def _group(self, name: str, type: str | None = None) -> AliasGroup | None:
        key = raw_key(name)
        if type is not None:
            group = self._by_type_key.get((type, key))
            if group is not None:
                return group
        group = self._by_key.get(key)
        if group is not None and type is not None and group.type != type and group.type != "outlet":
            # A person alias must not rename an organisation with the same spelling.
            return None
        return group

    def canonical(self, name: str, type: str | None = None) -> str:
        """Display name for ``name`` (the alias table's canonical spelling, else ``name``)."""
        group = self._group(name, type)
        return group.canonical if group else name

    def expand(self, name: str) -> list[str]:
        """Every known spelling of ``name`` (canonical first), for query expansion."""
        group = self._group(name)
        if group is None:
            return [name]
        spellings = [s for s in group.spellings() if not looks_like_host(s)]
        return spellings if name in spellings else [*spellings, name]

    def outlet(self, name_or_host: str) -> str | None:
        """Normalised outlet name for an outlet name, domain or URL; None when unknown."""
        value = (name_or_host or "").strip()
        if not value:
            return None
        if looks_like_host(value):
            host = norm_host(value)
            while host:
                if host in self._hosts:
                    return self._hosts[host]
                if "." not in host:
                    break
                host = host.split(".", 1)[1]  # edition.cnn.com -> cnn.com
            return None
        for candidate in _outlet_name_variants(value):
            group = self._by_type_key.get(("outlet", raw_key(candidate)))
            if group is not None:
                return group.canonical
        return None

    def outlet_name_set(self) -> frozenset[str]:
        """Every outlet spelling that is a name (cached until the table changes)."""
        if self._outlet_names is None:
            self._outlet_names = frozenset(self.outlet_names())
        return self._outlet_names

    def outlet_names(self) -> list[str]:
        """Every outlet spelling that is a name (not a host), longest first."""
        names = {s for g in self.groups if g.type == "outlet" for s in g.spellings()}
        return sorted((n for n in names if not looks_like_host(n)), key=len, reverse=True)


_HOST_RE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[\w-]+\.)+[a-z]{2,}(?::\d+)?(?:[/?#].*)?$", re.I)
_HOST_PREFIX_RE = re.compile(r"^(?:www\d?|m|mobile|amp|edition|en|english)\.")
_OUTLET_SUFFIX_RE = re.compile(r"\s*(?:\([^)]*\)|[-–—|:]\s*[\w .'&]+)$")


def looks_like_host(value: str) -> bool:
    return " " not in value.strip() and bool(_HOST_RE.match(value.strip()))


def norm_host(value: str) -> str:
    """``https://www.AlJazeera.com/news/x`` -> ``aljazeera.com``."""
    value = value.strip().lower()
    value = re.sub(r"^[a-z][a-z0-9+.-]*://", "", value)
    value = re.split(r"[/?#:]", value, maxsplit=1)[0]
    return _HOST_PREFIX_RE.sub("", value)


def _outlet_name_variants(name: str) -> list[str]:
    """``CNN (Web News)`` / ``New York Times - News`` -> also try the name without the section."""
    out = [name]
    stripped = name
    while True:
        shorter = _OUTLET_SUFFIX_RE.sub("", stripped).strip()
        if not shorter or shorter == stripped:
            break
        out.append(shorter)
        stripped = shorter
    if name.lower().startswith("the "):
        out.append(name[4:])
    else:
        out.append("The " + name)
    return out


def _parse_outlets_tsv(text: str) -> AliasTable:
    """outlets.tsv: ``name<TAB>domains (space separated)<TAB>variants (| separated)``."""
    table = AliasTable()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        name = cols[0].strip()
        domains = cols[1].split() if len(cols) > 1 else []
        variants = [v.strip() for v in cols[2].split("|")] if len(cols) > 2 else []
        table.add(AliasGroup(name, "outlet", [*domains, *(v for v in variants if v)]))
    return table


@lru_cache(maxsize=8)
def _default_table(user_file: str) -> AliasTable:
    table = AliasTable()
    if DEFAULT_OUTLETS.exists():
        table.extend(_parse_outlets_tsv(DEFAULT_OUTLETS.read_text(encoding="utf-8")))
    if DEFAULT_ALIASES.exists():
        table.extend(AliasTable.load(DEFAULT_ALIASES))
    if user_file:
        table.extend(AliasTable.load(user_file))
    return table


# --------------------------------------------------------------------------------------------
# Within-article canonicalisation
# --------------------------------------------------------------------------------------------

_ACRONYM_DEF_RE = re.compile(r"^[A-Z][A-Za-z&.-]*[A-Z]\.?$")


def acronym_of(long_name: str) -> str:
    """Initials of the capitalised words (``Hayat Tahrir al-Sham`` -> ``HTS``).

    A word that is an acronym itself gives all its letters (``U.S. Senate`` -> ``USS``,
    ``UK Independence Party`` -> ``UKIP``): its first letter alone made "U.S. Senate" the long form
    of "U.S." and folded the country into the chamber.  A name with one capitalised word has no
    initials (``G8 ministers``, ``IPTV services`` are not long forms of G8 and IPTV).
    """
    letters = []
    for word in re.split(r"[\s-]+", long_name):
        if word and word[0].isupper():
            letters.append(word.replace(".", "") if is_acronym(word) else word[0])
    return "".join(letters) if len(letters) > 1 else ""


def is_acronym(name: str) -> bool:
    return 2 <= len(name) <= 8 and name.replace(".", "").replace("&", "").isupper() and " " not in name
