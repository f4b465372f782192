"""Rule- and gazetteer-based named entities: people, organisations and places.

No statistical model: capitalised-token runs are the candidates, and each is typed from
evidence, strongest first:

1. the name's own shape: organisation heads (``... Bank``, ``... Party``, ``Inc``), place heads
   (``... River``), initials (``J. Smith``), acronyms;
2. packaged gazetteers (``index/data/entities_*.txt``, built from GeoNames, census/first-name
   lists and hand lists by ``scripts/build_entity_data.py``);
3. context: titles and roles before a name (``President``, ``striker``), ``in``/``at`` before a
   place, an age after a person (``Smith, 45,``), sports score lines (teams are organisations);
4. the document: a one-word mention takes the type of a longer name it ends (``Lavrov`` after
   ``Sergey Lavrov``) or starts (``Leicestershire`` after ``Leicestershire CCC``), and each name's
   type is voted over all its mentions.

Sentence-initial words and all-caps headlines are trusted only when the document or the
gazetteers confirm them.
"""

from __future__ import annotations

import re
import weakref
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Final

from index.article import Entity
from index.extract._lexicon import MONTHS, WEEKDAYS, data_lines
from search.names import AliasTable, fold, raw_key

PER, ORG, LOC = "person", "organization", "place"


def _words(text: str) -> frozenset[str]:
    """A word list written as one space-separated string."""
    return frozenset(text.split())


# Words joined into a name only when capitalised words follow them.
_CONNECTORS: Final = _words(
    "of for de da di del della des du la le van von der den ter bin ibn al el y & and zu"
)
_ARABIC_PREFIX_RE: Final = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|abd)-", re.I)

_ORG_HEADS: Final = _words(
    """inc inc. corp corp. corporation co co. ltd ltd. plc llc ag sa nv bv gmbh spa ab asa oyj
    group holding holdings bank banks party ministry council committee commission union association
    federation confederation organisation organization university college school institute agency office
    department army navy forces force police court tribunal parliament assembly congress senate cabinet
    exchange airlines airways airline motors motor club team front movement foundation fund trust board
    authority service services press news times post journal herald tribune gazette television tv radio
    network systems technologies technology industries international company companies partners
    securities capital investments insurance energy petroleum oil gas mining steel chemicals
    pharmaceuticals telecom communications electric railways brigade brigades battalion division
    guard militia rebels church mosque fc cf afc united rovers wanderers athletic city county olympic
    commerce government administration bureau directorate centre center society league ccc newsroom desk"""
)
_ORG_HEAD_KEEP_LOC: Final = _words("city county")  # "Mexico City", "Orange County" are places
_ORG_OF_HEADS: Final = _words(
    """bank university ministry department council committee commission union association federation
    organisation organization institute office board court house academy college school party
    league church chamber society government"""
)
_LOC_HEADS: Final = _words(
    """river mountains mountain mount mt island islands sea ocean gulf valley province region state
    street avenue road square bridge lake bay strait straits peninsula desert coast airport heights
    hills canal park district republic kingdom emirates territory territories plain basin"""
)
_LOC_PREFIX: Final = _words("mount mt lake gulf isle cape port fort st st. san santa")
# Capitalised words peeled off the front of a name: titles, roles and their modifiers.
_PERSON_TITLES: Final = _words(
    """mr mr. mrs mrs. ms ms. dr dr. sir lord lady dame president vice prime minister premier chancellor
    king queen prince princess sheikh emir pope cardinal bishop rev rev. father senator sen sen.
    rep rep. representative governor gov gov. mayor judge justice general gen gen. colonel col col.
    major maj lieutenant lt captain capt commander admiral sergeant sgt secretary ambassador envoy
    spokesman spokeswoman spokesperson chairman chairwoman chief director coach manager striker
    midfielder defender goalkeeper forward winger skipper batsman bowler pitcher quarterback
    champion leader officer official president-elect deputy foreign interior defence defense finance
    economy trade justice health home state press secretary-general first lady premier-elect"""
)
# Lower-case words that, right before a capitalised name, make it a person.
_PERSON_CUES: Final = _words(
    """mr mrs ms dr president minister chancellor king queen prince sheikh pope senator governor mayor
    judge general colonel spokesman spokeswoman chairman director coach manager striker midfielder
    defender goalkeeper forward winger captain skipper batsman bowler pitcher quarterback champion
    player leader secretary ambassador envoy analyst economist dealer trader actor actress singer
    writer author wife husband son daughter brother sister mother father driver rider cyclist
    runner swimmer boxer golfer opponent compatriot teammate countryman veteran told"""
)
# Last words of names that are neither people, organisations nor places (CoNLL's MISC).
_MISC_HEADS: Final = _words(
    """memorandum agreement accord accords treaty protocol declaration charter act law bill plan doctrine
    cup open games olympics championship championships trophy prize award awards festival day war
    index summit marathon grand prix series tour classic masters rally derby"""
)
_LOC_PREPS: Final = _words("in at near from to into across outside inside toward towards via around")
_NOT_NAMES_EXTRA: Final = _words(
    """i a an the this that these those he she it we they you his her its our their my your
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue wed thu fri sat sun but and or if when while after before as at by for from in into of on
    to with without however although though also meanwhile moreover furthermore still yet then there
    here mr mrs ms dr sir no not yes one two three four five six seven eight nine ten god internet web
    gmt est edt cet bst pst pdt utc am pm a.m. p.m. ap tv ok"""
)

_TOKEN_RE: Final = re.compile(
    r"(?:[A-Z]\.){2,}(?![a-z])"  # U.S., U.N.
    r"|[A-Z]\.(?=\s+[A-Z])"  # initials: "J. Smith"
    r"|\d[\d.,:/-]*"  # numbers, scores, times: 4:09.95
    r"|[^\W\d_](?:[\w&-]|['’](?=[^\W\d_]{2,}|[^sS\W]))*"  # words: al-Sham, O'Neill, I’m
    r"|['’][sS]\b"  # possessive
    r"|[^\w\s]"
)
_UPPER_RE: Final = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_LOWER_RE: Final = re.compile(r"[a-zß-öø-ÿ]")
_ASCII_UPPER: Final = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LOWER: Final = _ASCII_UPPER.lower()
_SPORT_WINDOW: Final = 3000
_POSSESSIVE_RE: Final = re.compile(r"['’]s?$")
_SENT_END: Final = frozenset({".", "!", "?", ":", ";", "\n", '"', "“", "”", "(", "-", "–", "—", "[", "…"})
_SCORE_RE: Final = re.compile(r"\d(?<![\d.:/-]\d)\d{0,2}\s*-\s*\d{1,3}(?![\d.:/-])")  # 3-1, 102 - 99
# Words of sports reports (counted in the top of an article, with score lines).
_SPORT_WORDS: Final = _words(
    """soccer football cricket baseball basketball tennis rugby hockey golf league championship
    innings wicket wickets goal goals striker midfielder goalkeeper coach season match matches
    tournament cup beat defeated drew seeded scored semifinal quarterfinal standings played"""
)
_SPORT_WORDS_BYTES: Final = frozenset(w.encode() for w in _SPORT_WORDS)
_NON_AZ_TO_SPACE: Final = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
# The same with A-Z lower-cased: the [a-z]+ words of ``text.lower()`` are those of ``text`` cut
# by this table, unless ``text`` holds one of ``_LOWER_TO_ASCII`` (the only non-ASCII characters
# whose lower case has an ASCII letter: "İ" -> "i̇", the Kelvin sign -> "k"; a test checks that).
_AZ_TO_LOWER: Final = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
_LOWER_TO_ASCII: Final = ("\u0130", "\u212a")
# Every _SCORE_RE match holds a dash and then a digit: a search for this literal-led pattern (re
# jumps from one "-" to the next) spares most articles the score pattern, which tests every digit.
_SCORE_HINT_RE: Final = re.compile(r"-\s*\d")
# "home run(s)" and "quarter-final" as words.  Two patterns, each opening with a literal letter and
# checking the word boundary before it by a look-behind after it: re then jumps from one "h" (one
# "q") to the next, where r"\bhome\s+runs?\b|\bquarter-final\b" tried its branches at every
# position (10x slower).  The matches cannot overlap, so the two counts add up to that pattern's.
_HOME_RUN_RE: Final = re.compile(r"h(?<!\wh)ome\s+runs?\b")
_QUARTER_FINAL_RE: Final = re.compile(r"q(?<!\wq)uarter-final\b")
# "LONDON 1996-08-30", "MOSCOW –", "WASHINGTON (Reuters) -": a dateline names a place.
_DATELINE_RE: Final = re.compile(
    r"^\s*[A-Z][A-Za-z .'-]{1,40}?(?:,\s*[A-Z][A-Za-z.]+)?\s*(?:\d{4}-\d\d-\d\d|\(\w+\)\s*[-–—]|[-–—])"
)


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    """Folded gazetteers, loaded once."""
    places = {fold(x) for x in data_lines("entities_places.txt") + data_lines("entities_places_extra.txt")}
    places |= {p[4:] for p in places if p.startswith("the ")}  # "The Netherlands" -> "Netherlands"
    orgs = {fold(x) for x in data_lines("entities_orgs.txt")}
    first = {fold(x) for x in data_lines("entities_first_names.txt")}
    orgs_places = {
        fold(x) for x in data_lines("entities_countries.txt") + data_lines("entities_countries_extra.txt")
    }
    # "china", "canada" are dictionary words too; a country or big city wins over the dictionary.
    common = {fold(x) for x in data_lines("entities_common.txt")} - places - orgs - orgs_places
    common |= _NOT_NAMES_EXTRA
    demonyms = {fold(x) for x in data_lines("entities_demonyms.txt")}
    countries = orgs_places | {c[4:] for c in orgs_places if c.startswith("the ")}  # the same files
    return {
        "places": frozenset(places | countries),
        "places_countries": frozenset(countries),
        "orgs": frozenset(orgs),
        "first": frozenset(first - common - places) | frozenset(_load_keep_first()),
        "first_any": frozenset(first),
        "common": frozenset(common),
        "demonyms": frozenset(demonyms),
    }


def _load_keep_first() -> set[str]:
    """Very common first names that are also English words (Bill, Mark, Will) stay first names."""
    return {
        "bill", "mark", "will", "frank", "grant", "rich", "rob", "bob", "pat", "mike", "jack", "ray",
        "john", "james", "david", "paul", "peter", "michael", "george", "richard", "robert", "thomas",
        "joe", "tom", "jim", "tim", "dan", "don", "ben", "sam", "max", "chuck", "bud", "ted", "jean",
        "van", "rose", "hope", "faith", "joy", "grace", "june", "may", "dawn", "guy", "earl", "carl",
    }  # fmt: skip


# --------------------------------------------------------------------------------------------
# Tokenising and candidate spans
# --------------------------------------------------------------------------------------------


def _tokens(text: str) -> list[str]:
    """Word and punctuation tokens; a possessive ``'s`` is its own token."""
    return _TOKEN_RE.findall(text)


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or bool(_ARABIC_PREFIX_RE.match(tok) and tok.split("-", 1)[1][:1].isupper())


def _caps_line(line: str) -> bool:
    """A line in capitals (wire headlines): capitalisation proves nothing there."""
    if line.isascii():  # fast path: count by deleting bytes
        raw = line.encode()
        lower = len(raw) - len(raw.translate(None, _ASCII_LOWER))
        if len(raw) <= 5 * lower:
            return False  # at most 4 capitals per small letter: ordinary text
        upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
        return upper >= 6 and upper > 4 * lower
    # Curly quotes make most prose lines non-ASCII.  Their ASCII small letters are a lower bound on
    # all small letters, and capitals can be at most the other characters: with len <= 5 * that
    # bound, capitals cannot exceed 4 * small letters, so the line is ordinary text.
    ascii_part = line.encode("ascii", "ignore")
    if len(line) <= 5 * (len(ascii_part) - len(ascii_part.translate(None, _ASCII_LOWER))):
        return False
    upper = len(_UPPER_RE.findall(line))
    return upper >= 6 and upper > 4 * len(_LOWER_RE.findall(line))


def _title_case_line(line: str) -> bool:
    """A headline in Title Case ("Russia Remains Committed To Idlib Agreement"): capitals prove nothing."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line)]
    if len(words) < 4 or line.rstrip().endswith((".", '"', "”")):
        return False
    capped = sum(1 for w in words if w[0].isupper())
    return capped >= 0.75 * len(words) and any(
        w.lower() in _lexicon()["common"] and w[0].isupper() for w in words[1:]
    )


def _candidates(text: str, title_line: bool = False) -> list[tuple]:
    """Capitalised runs: (tokens, line-initial, sentence-initial, previous word, next word, caps, line).

    Lines in capitals and a Title Case headline go through the token loop; every other line is
    scanned by ``_RUN_RE``, which finds whole capitalised runs, so lower-case text is never
    tokenised word by word (only the text just before a name is, to learn the previous word and
    whether the name starts a sentence).
    """
    out: list[tuple] = []
    first = True
    for line in text.split("\n"):
        if not line:  # paragraph breaks: nothing to scan
            first = False
            continue
        if _caps_line(line):
            line_tokens = [t.title() if len(t) > 3 or not t.isalpha() else t for t in _tokens(line)]
            _token_runs(line, line_tokens, True, out)
        elif first and (title_line or _title_case_line(line)):
            _token_runs(line, _tokens(line), True, out)
        else:
            _scan_runs(line, out)
        first = False
    return out


def _token_runs(line: str, line_tokens: list[str], caps: bool, out: list[tuple]) -> None:
    """The token loop over a whole line (headlines and lines in capitals)."""
    n = len(line_tokens)
    i = 0
    prev_word = ""
    sent_start = True
    while i < n:
        tok = line_tokens[i]
        if not tok[0].isalpha() or not _is_cap(tok):
            prev_word, sent_start = _step(tok, prev_word, sent_start)
            i += 1
            continue
        j = i + 1
        run = [tok]
        while j < n:
            t = line_tokens[j]
            if (t[0].isalpha() and _is_cap(t)) or (
                t.lower() in _CONNECTORS
                and j + 1 < n
                and line_tokens[j + 1][0].isalpha()
                and _is_cap(line_tokens[j + 1])
                and _connector_ok(run, t.lower())
            ):
                run.append(t)
                j += 1
            else:
                break
        next_word = line_tokens[j] if j < n else ""
        if caps and len(run) > 1:
            # In a headline, split the run at common words: "Remains Committed To Idlib" -> "Idlib".
            for part in _split_common_words(run):
                out.append((part, i == 0, False, prev_word, next_word, caps, line))
        else:
            out.append((run, i == 0, sent_start, prev_word, next_word, caps, line))
        prev_word = run[-1].lower()
        sent_start = False
        i = j


def _step(tok: str, prev_word: str, sent_start: bool) -> tuple[str, bool]:
    """State after a token that does not start a name: (previous word, sentence-initial)."""
    if tok[0].isalpha():
        return tok.lower(), False
    if tok in _SENT_END:
        return "", True
    return prev_word, sent_start and tok in _QUOTE_OPEN


_QUOTE_OPEN: Final = frozenset("\"'‘“")


def _scan_runs(line: str, out: list[tuple]) -> None:
    """Runs of one ordinary line, found whole by ``_RUN_RE``.

    The state a run needs (previous word, sentence start) comes from the text since the last run,
    which holds no capitalised token (``_gap_state``).
    """
    prev_word = ""
    sent_start = True
    state_pos = 0  # the state is known up to here
    if line.isascii():
        run_re = _ASCII_RUN_ARABIC_RE if _ARABIC_HINT_RE.search(line) else _ASCII_RUN_RE
    else:
        run_re = _RUN_ARABIC_RE if _ARABIC_HINT_RE.search(line) else _RUN_RE
    for m in run_re.finditer(line):
        q = m.start()
        first_tok = q == 0
        if q > state_pos:
            has_tokens, word, starts = _gap_state_at(line, state_pos, q)
            if has_tokens:
                if word is not None:
                    prev_word = word
                # starts None: only opening quotes since the last state, which they keep
                sent_start = starts if starts is not None else sent_start and word is None
            else:
                first_tok = state_pos == 0
        text = m.group()
        run = text.split() if "." not in text else _TOKEN_RE.findall(text)
        end = m.end()
        # The next word only matters when it is "Inc"/"Corp" (capitalised, so it would be in the
        # run) or a number (a score after a team): "0" stands for any number.
        rest = line[end : end + 3].lstrip()
        next_word = "0" if rest[:1].isdigit() else ""
        k = _bad_connector(run) if len(run) > 2 else 0
        while k:
            # "Minister of Poland" stops before "of"; the rest is a run of its own.
            out.append((run[:k], first_tok, sent_start, prev_word, run[k], False, line))
            first_tok, sent_start, prev_word = False, False, run[k].lower()
            run = run[k + 1 :]
            k = _bad_connector(run)
        out.append((run, first_tok, sent_start, prev_word, next_word, False, line))
        prev_word = run[-1].lower()
        sent_start = False
        state_pos = end


def _gap_state_at(line: str, start: int, stop: int) -> tuple[bool, str | None, bool | None]:
    """``_gap_state`` of ``line[start:stop]``, with fast paths for a gap ending in a plain word
    ("... said Lavrov") or in a sentence end (". Lavrov")."""
    gap = line[start:stop]
    tail = gap.rstrip()
    if not tail:
        return False, None, None
    last = tail[-1]
    if last in _SENT_END_CHARS:
        before = tail[-2] if len(tail) > 1 else " "
        if not before.isdigit() and not (last == "-" and (before.isalnum() or before in "&_-")):
            return True, "", True
    else:
        word = tail.rsplit(None, 1)[-1]
        if word.isalpha() and word.islower():
            return True, word, False
    return _gap_state(gap) if len(gap) < 48 else _gap_state.__wrapped__(gap)


_SENT_END_CHARS: Final = frozenset(c for c in _SENT_END if len(c) == 1 and c != "\n")


@lru_cache(maxsize=20_000)
def _gap_state(gap: str) -> tuple[bool, str | None, bool | None]:
    """What a capital-free stretch does to the scan state: (has tokens, previous word or None for
    unchanged, sentence-initial or None for "unchanged unless a word came", see ``_scan_runs``)."""
    parts = gap.rsplit(None, 3)
    toks = _TOKEN_RE.findall(" ".join(parts[1:]) if len(parts) > 3 else gap)
    if len(parts) > 3 and not any(t[0].isalpha() for t in toks):
        toks = _TOKEN_RE.findall(gap)
    if not toks:
        return False, None, None
    word: str | None = None
    starts: bool | None = None
    for tok in toks:
        if tok[0].isalpha():
            word, starts = tok.lower(), False
        elif tok in _SENT_END:
            word, starts = "", True
        elif tok not in _QUOTE_OPEN:
            starts = False
    return True, word, starts


def _bad_connector(run: list[str]) -> int:
    """Index of the first "of"/"for" in ``run`` that the words before it do not allow, else 0."""
    for k in range(1, len(run) - 1):
        low = run[k]
        if (low == "of" or low == "for") and not _connector_ok(run[:k], low):
            return k
    return 0


def _upper_class() -> str:
    """A regex class of the upper-case letters (Latin, Greek, Cyrillic and extended Latin)."""
    chars = [
        chr(c) for c in (*range(0x2000), *range(0x1E00, 0x2000)) if chr(c).isupper() and chr(c).isalpha()
    ]
    return "[" + "".join(re.escape(c) for c in dict.fromkeys(chars)) + "]"


_UP: Final = _upper_class()
# One capitalised token, as ``_TOKEN_RE`` cuts it, starting where a token starts (the look-behinds
# sit after the first letter so that the search can skip ahead to upper-case letters).
_LB: Final = r"(?<![\w&].)(?<![\w&]-.)(?<![^\W\d_]['’].)"
# The rest of the token: word characters, and apostrophes inside words ("O'Neill", not the "'s").
# Unrolled -- runs of word characters between such apostrophes -- so that re scans each run in
# one step instead of one repeat per character; same matches as (?:[\w&-]|['’](?=…))*+.  The
# repeated groups here are atomic, (?>(?:…)*), not possessive, (?:…)*+, which CPython 3.11.0-3.11.4
# mis-match (gh-106052: Debian 12's 3.11.2 took "Speaker’" from "Speaker’s"); same matches on 3.11.5+.
_WORD_REST: Final = r"[\w&-]*+(?>(?:['’](?=[^\W\d_]{2,}|[^sS\W])[\w&-]*+)*)"
_CAP: Final = (
    _UP
    + _LB
    + r"(?:(?<=[A-Z])\.(?>(?:[A-Z]\.)+)(?![a-z])"  # U.S., U.N.
    + r"|(?<=[A-Z])\.(?=[^\S\n]+"
    + _UP
    + ")"  # initials: "J. Smith"
    + "|"
    + _WORD_REST
    + ")"
)
_CAP_ARABIC: Final = (  # al-Assad, ash-Sham, bin-Laden
    r"(?:[aA]" + _LB + r"(?i:l|d|n|r|sh?|t|z|bu|bd)|[eE]" + _LB + r"[lL]|[bB]" + _LB + r"(?i:in)|[iI]"
    + _LB + r"(?i:bn))-" + _UP + _WORD_REST
)  # fmt: skip
_CONNECTOR_RE: Final = (
    r"(?:of|for|de|da|di|del|della|des|du|la|le|van|von|der|den|ter|bin|ibn|al|el|y|zu)(?![\w&'’-])"
)
_ANY_CAP: Final = f"(?:{_CAP}|{_CAP_ARABIC})"
# Atomic (possessive): the patterns end with it, so it is never backtracked into; re keeps no state
# for that.
_RUN_TAIL: Final = rf"(?>(?:[^\S\n]*{_ANY_CAP}|[^\S\n]+{_CONNECTOR_RE}[^\S\n]+{_ANY_CAP})*)"
# A capitalised run: capitalised tokens, possibly joined by lower-case connectors ("Bank of England").
_RUN_RE: Final = re.compile(_CAP + _RUN_TAIL)
_RUN_ARABIC_RE: Final = re.compile(_ANY_CAP + _RUN_TAIL)  # slower: for lines where "al-Nusra" may start a run
_ARABIC_HINT_RE: Final = re.compile("-" + _UP)

# The classes of the run patterns restricted to ASCII: on an ASCII line they match what the
# Unicode ones match, but re tests them on a bitmap instead of the Unicode tables and the big
# upper-case class (a third of the scan's instructions).  \s in a str pattern also holds \x1c-\x1f.
_ASCII_CLASSES: Final = (
    (_UP, "[A-Z]"),
    (r"[^\W\d_]", "[A-Za-z]"),
    (r"[^sS\W]", "[0-9A-RT-Za-rt-z_]"),
    (r"[^\S\n]", r"[\t\x0b\x0c\r\x1c-\x1f ]"),
    (r"\w", "0-9A-Za-z_"),  # only ever inside a class here: [\w&], [\w&-], [\w&'’-]
)


def _ascii_pattern(pattern: str) -> re.Pattern[str]:
    """``pattern`` for ASCII text only, with ``_ASCII_CLASSES`` in place of the Unicode classes."""
    for unicode_class, ascii_class in _ASCII_CLASSES:
        pattern = pattern.replace(unicode_class, ascii_class)
    return re.compile(pattern)


_ASCII_RUN_RE: Final = _ascii_pattern(_RUN_RE.pattern)
_ASCII_RUN_ARABIC_RE: Final = _ascii_pattern(_RUN_ARABIC_RE.pattern)


def _connector_ok(run: list[str], connector: str) -> bool:
    """ "of"/"for" join only after organisation or place heads ("Bank of England"); "and" never."""
    if connector in ("of", "for"):
        last = run[-1].lower()
        return last in _ORG_OF_HEADS or last in _LOC_HEADS or last in ("republic", "kingdom", "gulf", "isle")
    return connector not in ("and", "&")


# --------------------------------------------------------------------------------------------
# Typing
# --------------------------------------------------------------------------------------------


def _split_titles(run: list[str]) -> tuple[list[str], bool]:
    """Peel leading titles and nationalities ("Russian Foreign Minister Sergei Lavrov" -> "Sergei
    Lavrov", "Russian Svetlana Kuznetsova" -> "Svetlana Kuznetsova"); the second value tells whether
    a person title was among them."""
    titled = False
    if run[-1].lower() in _ORG_HEADS:
        return run, False  # "Foreign Ministry", "State Department": the title word is part of the name
    while len(run) > 1:
        head = run[0].lower().rstrip(".")
        if head in _PERSON_TITLES:
            titled = titled or head not in _TITLE_MODIFIERS
        elif not (
            _is_demonym(fold(run[0]))
            and (run[1].lower() in _PERSON_TITLES or _is_demonym(fold(run[1])))
            or _is_demonym_word(fold(run[0]))
            and run[1].lower() in _PERSON_TITLES
            and run[1].lower() not in _TITLE_MODIFIERS
            or nationality_before_name(run)
        ):
            break
        run = run[1:]
    return run, titled


def _date_before_name(words: list[str]) -> bool:
    """Whether ``words`` open with a weekday or month glued to the name after it ("Wednesday Tony
    Blair", "Tuesday Foreign Secretary Jack Straw", "October Google"): the name starts with a title,
    a known first name, or is an organisation or place the gazetteers list.  "Sunday Times" and
    "Sunday Telegraph" stay whole, and so do months that are first names ("April Ryan")."""
    if len(words) < 2:
        return False
    lex = _lexicon()
    first = words[0].lower()
    if first not in WEEKDAYS and (first not in MONTHS or fold(first) in lex["first_any"]):
        return False
    second = fold(words[1])
    if words[1].lower().rstrip(".") in _PERSON_TITLES or second in lex["first"]:
        return True
    rest = fold(" ".join(words[1:]))
    return rest in lex["orgs"] or rest in lex["places"]


def nationality_before_name(words: Sequence[str]) -> bool:
    """Whether ``words`` open with a nationality before a known first name and at least a surname
    ("American Serena Williams", "Swede Joachim Johansson", sports reports' way of introducing
    a player): the nationality describes the person and is no part of the name.  "German Gref"
    (German is Gref's given name) keeps its first word: no first name follows it."""
    if len(words) < 3 or not words[2][:1].isupper() or not is_nationality(words[0]):
        return False
    lex = _lexicon()
    given = fold(words[1])  # a first name that is also a place may follow ("American Lindsay Davenport")
    return given in lex["first_any"] and given not in lex["common"]


def is_nationality(word: str) -> bool:
    """A nationality word as written ("Russian", "Swede", "Californian", "Iraqis", "Russian-Turkish")."""
    return _is_demonym_word(fold(word))


def listed_organization(name: str) -> bool:
    """Whether the organisation gazetteer lists ``name`` ("Microsoft", "Unilever", "Opec")."""
    return fold(name) in _lexicon()["orgs"]


_TITLE_MODIFIERS: Final = _words(
    "foreign interior defence defense finance economy trade health home state press first"
)


def _vote(
    name_tokens: tuple[str, ...],
    person_cue: bool,
    loc_prep: bool,
    org_suffix: bool,
    titled: bool,
    score_next: bool,
    dateline: bool,
    sports: bool,
    aliases: AliasTable,
    folded: str | None = None,
) -> tuple[tuple[str, float], ...]:
    """Evidence for one mention: (type, score) pairs in the order the rules fired.

    ``person_cue``: the previous word is a role ("striker"); ``loc_prep``: it is "in"/"at"...;
    ``org_suffix``: the next word is "Inc"/"Corp"...; ``score_next``: a number follows in a
    sports report; ``folded``: the folded name when the caller has it (``_mention``'s key).
    """
    lex = _lexicon()
    places = lex["places"]
    votes: dict[str, float] = defaultdict(float)
    if folded is None:
        folded = fold(" ".join(name_tokens))
    is_place = folded in places
    first = fold(name_tokens[0])
    last = name_tokens[-1].lower()
    n = len(name_tokens)
    if folded in lex["orgs"]:
        votes[ORG] += 3
    alias_type = _alias_type(folded, aliases)
    if alias_type:
        votes[alias_type] += 4
    if is_place:
        if dateline or not sports or folded in lex["places_countries"] or loc_prep:
            votes[LOC] += 3
        else:
            # In sports reports a city is mostly its team ("Leicestershire beat Somerset").
            votes[LOC] += 1
            votes[ORG] += 2
    if n > 1 and last in _ORG_HEADS and not (last in _ORG_HEAD_KEEP_LOC and first in places) and not is_place:
        votes[ORG] += 4
    if "of" in name_tokens and any(t.lower() in _ORG_OF_HEADS for t in name_tokens[:-1]):
        votes[ORG] += 3
    if n > 1 and (last in _LOC_HEADS or name_tokens[0].lower() in _LOC_PREFIX):
        votes[LOC] += 3
    if n >= 2 and not titled and not person_cue and not is_place and last not in _LOC_HEADS:
        # Teams named after their town: "Cincinnati Reds", "Ajax Amsterdam", "PSV Eindhoven".
        personal = first in lex["first_any"] or (len(first) == 2 and first[1] == ".")
        first_place = first in places and not personal
        last_place = fold(name_tokens[-1]) in places and not personal
        if sports and (first_place or last_place):
            votes[ORG] += 3
    if titled or person_cue:
        votes[PER] += 3
    if n >= 2 and first in lex["first"]:
        votes[PER] += 2.5
    if n >= 2 and _INITIAL_RE.match(name_tokens[0]):
        votes[PER] += 2.5
    if 2 <= n <= 3 and all(map(_PLAIN_WORD_RE.match, name_tokens)):
        votes[PER] += 0.5
    if n == 1 and _is_acronym(name_tokens) and not is_place:
        votes[ORG] += 1.5
    if loc_prep and n <= 2:
        votes[LOC] += 0.7
    if org_suffix:
        votes[ORG] += 3
    if score_next and not titled and not person_cue:
        votes[ORG] += 2.5  # "Tranmere 3 Grimsby 2", "Somerset 236-4": a team and its score
    return tuple(votes.items())


_INITIAL_RE: Final = re.compile(r"[A-Z]\.$")  # the initial "J." of "J. Smith"
_PLAIN_WORD_RE: Final = re.compile(r"[A-Z][a-z'’-]+$")  # "Smith", "O'Neill"


def _alias_type(folded: str, aliases: AliasTable) -> str | None:
    """Type of a name ``aliases`` lists under people / organizations / places."""
    group = aliases._by_key.get(raw_key(folded))
    return group.type if group is not None and group.type in (PER, ORG, LOC) else None


def _is_acronym(tokens: Sequence[str]) -> bool:
    return (
        len(tokens) == 1
        and 2 <= len(tokens[0].replace(".", "")) <= 6
        and tokens[0].replace(".", "").isupper()
    )


def extract_entities(body: str, title: str = "", aliases: AliasTable | None = None) -> list[Entity]:
    """People, organisations and places named in ``title`` + ``body``, one Entity per name.

    ``count`` is the number of mentions.  Names are returned as written (longest mention form);
    ``canonicalize`` in ``names`` merges spelling variants and surnames afterwards.  ``aliases``
    (default: the built-in table) types the names it lists.
    """
    if aliases is None:
        aliases = AliasTable.default()  # once per article: it reads the environment
    lex = _lexicon()
    text = f"{title}\n{body}" if title else body
    head = text[:_SPORT_WINDOW]  # the top of an article says whether it is a sports report
    sports = _is_sports(head)
    cands = _candidates(text, title_line=bool(title))

    memo = _MENTION_MEMOS.setdefault(aliases, {})
    if len(memo) > _MENTION_MEMO_SIZE:
        memo.clear()

    # First pass: evidence per full name (folded key), keeping a display form.
    votes: dict[str, dict[str, float]] = {}
    display: dict[str, str] = {}
    count: dict[str, int] = {}
    confirmed: set[str] = set()  # names seen mid-sentence in normal case
    for run, at_line_start, sent_start, prev_word, next_word, caps, line in cands:
        context = (
            tuple(run),
            sent_start,
            prev_word in _PERSON_CUES,
            prev_word in _LOC_PREPS,
            next_word in _ORG_SUFFIXES,
            next_word[:1].isdigit(),
            sports,
            at_line_start and _is_dateline(line),
        )
        mention: Any = memo.get(context, _UNSEEN)  # Any: the sentinel is no mention
        if mention is _UNSEEN:
            mention = memo[context] = _mention_votes(*context, aliases)
        if mention is None:
            continue
        key, name, sent_start, evidence = mention
        if not caps and not sent_start:
            confirmed.add(key)
        acc = votes.get(key)
        if acc is None:
            votes[key] = acc = {}
            display[key] = name
            count[key] = 1
        else:
            count[key] += 1
            if not caps and display[key].isupper():
                display[key] = name
        for etype, score in evidence:
            acc[etype] = acc.get(etype, 0) + score

    # Names only ever seen sentence-initially or in caps need outside confirmation.
    keys = [k for k in count if k in confirmed or votes[k] and max(votes[k].values()) >= 2.5]

    # Document propagation: one-word names inherit the type of longer names they are part of.
    multi = [(m.split(), _best(votes[m])) for m in keys if " " in m]
    if multi:
        places = lex["places"]
        for k in keys:
            if " " in k:
                continue
            acc = votes[k]
            for parts, best in multi:
                if best == PER and parts[-1] == k:
                    acc[PER] = acc.get(PER, 0) + 3
                elif best == ORG and k in parts and k not in places:
                    acc[ORG] = acc.get(ORG, 0) + 1
    out: list[Entity] = []
    for k in keys:
        etype = _best(votes[k])
        if etype is None:
            etype = _default_type(k, display[k])
            if etype is None:
                continue
        out.append(Entity(display[k], etype, count[k]))
    return out


_ORG_SUFFIXES: Final = frozenset(("Inc", "Corp", "Ltd", "Co", "Plc"))


def _is_dateline(line: str) -> bool:
    """Whether ``line`` opens with a dateline (``_DATELINE_RE``).

    Every dateline holds a dash and most lines none: testing for one first spares them the
    pattern, slow on prose (its lazy name part retries the rest at each of up to 40 characters).
    """
    return ("-" in line or "–" in line or "—" in line) and _DATELINE_RE.match(line) is not None


def _is_sports(head: str) -> bool:
    """Score lines and sports words, four or more: a sports report."""
    hits = len(_SCORE_RE.findall(head)) if _SCORE_HINT_RE.search(head) is not None else 0
    if hits >= 4:
        return True
    # The [a-z]+ words of ``head.lower()``: every other byte of its UTF-8 form becomes a space, then
    # split (far cheaper than a findall; non-ASCII letters separate words in both), with A-Z
    # lower-cased by the table instead of lower-casing the text first (see ``_AZ_TO_LOWER``).  Only
    # the few sport words present are counted (the set intersection runs in C over all the words).
    if _LOWER_TO_ASCII[0] in head or _LOWER_TO_ASCII[1] in head:
        letters = head.lower().encode().translate(_NON_AZ_TO_SPACE)
    else:
        letters = head.encode().translate(_AZ_TO_LOWER)
    words = letters.split()
    hits += sum(map(words.count, _SPORT_WORDS_BYTES.intersection(words)))
    if hits >= 4:
        return True
    # "home" or "quarter-final" in the lower-cased text put "home" or "quarter final" in ``letters``.
    if b"home" not in letters and b"quarter final" not in letters:
        return False  # the phrase scan is slow (no literal prefix); most articles have neither word
    low = head.lower()
    return hits + len(_HOME_RUN_RE.findall(low)) + len(_QUARTER_FINAL_RE.findall(low)) >= 4


# ``_mention_votes`` results per alias table (the table types the names it lists), keyed by the
# candidate's context: one dict per table rather than an lru_cache taking the table as an
# argument, whose keys, holding the table object, would stay tracked by the cyclic garbage
# collector (tens of thousands per thousand new articles, each full collection traversing them
# all).  Names recur across articles, so most candidates are found here.
_MENTION_MEMOS: Final[weakref.WeakKeyDictionary[AliasTable, dict[tuple, tuple | None]]] = (
    weakref.WeakKeyDictionary()
)
_MENTION_MEMO_SIZE: Final = 200_000  # entries; the memo is emptied (between articles) when it outgrows this
_UNSEEN: Final = object()


def _mention_votes(
    run: tuple[str, ...],
    sent_start: bool,
    person_cue: bool,
    loc_prep: bool,
    org_suffix: bool,
    number_next: bool,
    sports: bool,
    dateline: bool,
    aliases: AliasTable,
) -> tuple[str, str, bool, tuple[tuple[str, float], ...]] | None:
    """(key, name, sentence-initial, evidence) of one candidate in its context, or None.

    Memoised in ``_MENTION_MEMOS``, the one cache of the typing path: ``_mention``, ``_vote`` and
    ``_alias_type`` run only when it misses, and then mostly on arguments never seen before
    (caching them too cost more in lookups, and in garbage-collector passes over the entries,
    than it saved).
    """
    mention = _mention(run, sent_start)
    if mention is None:
        return None
    key, name, tokens, titled, sent_start = mention
    if len(tokens) < len(run) and run[0].lower() in _LOC_PREPS and tokens[0] == run[1]:
        loc_prep = True  # "At Cardiff:" lost its capitalised preposition
    score_next = sports and number_next
    evidence = _vote(
        tokens, person_cue, loc_prep, org_suffix, titled, score_next, dateline, sports, aliases, key
    )
    return key, name, sent_start, evidence


def _mention(run: tuple[str, ...], sent_start: bool) -> tuple[str, str, tuple[str, ...], bool, bool] | None:
    """A candidate run as a name: (folded key, name, tokens, titled, sentence-initial), or None
    when the run names nothing (common words, nationalities, adjectives, events)."""
    lex = _lexicon()
    words = list(run)
    if sent_start and len(words) > 2 and fold(words[0]) in lex["common"] and _date_before_name(words[1:]):
        words, sent_start = words[2:], False  # "On Thursday Intel said": the date, then the name
    elif _date_before_name(words):
        words = words[1:]  # "on Wednesday Tony Blair said", "in September Symantec"
    tokens, titled = _split_titles(words)
    tokens = [t for t in tokens if t != "'s"]
    while tokens and tokens[-1].lower() in _CONNECTORS:
        tokens = tokens[:-1]
    if not tokens:
        return None
    if sent_start and not titled and fold(tokens[0]) in lex["common"] and not _keeps_first(tokens):
        # "However", "The" at a sentence start are not names; keep the rest of the run.
        tokens = tokens[1:]
        if tokens and tokens[0].lower() in _CONNECTORS:
            tokens = tokens[1:]
        if not tokens:
            return None
        sent_start = False
    name = " ".join(tokens)
    key = fold(name)
    if key in lex["common"] or key in lex["demonyms"] or key in _NOT_NAMES_EXTRA:
        return None
    if tokens[-1].lower() in _MISC_HEADS and len(tokens) > 1:
        return None  # "Sochi Memorandum", "U.S. Open", "World Cup": events and documents (MISC)
    if all(_is_demonym_word(fold(t)) for t in tokens) or (" " in key and _is_demonym_word(key)):
        return None  # "Iraqi Kurdish", "Russian-Turkish", "Iraqis", "South Korean": MISC
    if _LOWER_SUFFIX_RE.search(name):
        return None  # "London-based", "Vienna-born": adjectives
    if _CONTRACTION_RE.search(key):
        return None  # "I’m", "We'll"
    return key, name, tuple(tokens), titled, sent_start


def _split_common_words(run: list[str]) -> list[list[str]]:
    """Stretches of a headline run without common words (connectors kept only inside)."""
    lex = _lexicon()
    common = lex["common"]
    whole = fold(" ".join(run))
    if whole in lex["places"] or whole in lex["orgs"]:
        return [run]  # "NEW YORK" is a place even though "new" is a common word
    parts: list[list[str]] = []
    cur: list[str] = []
    for tok in [*run, ""]:
        if tok and (fold(tok) not in common or (tok.lower() in _CONNECTORS and cur)):
            cur.append(tok)
            continue
        while cur and cur[-1].lower() in _CONNECTORS:
            cur.pop()
        if cur:
            parts.append(cur)
        cur = []
    return parts


def _keeps_first(run: list[str]) -> bool:
    """A sentence-initial common word stays when the whole run is a known or headed name."""
    if len(run) < 2:
        return False
    lex = _lexicon()
    key = fold(" ".join(run))
    last = run[-1].lower()
    if fold(run[0]) in _NOT_NAMES_EXTRA:
        return False  # "An Armed Forces", "The Kremlin"
    return key in lex["orgs"] or key in lex["places"] or last in _ORG_HEADS or last in _LOC_HEADS


def _best(votes: dict[str, float]) -> str | None:
    """The type with most votes (the first voted among equals)."""
    if not votes:
        return None
    etype = max(votes, key=votes.__getitem__)
    return etype if votes[etype] > 0 else None


def _default_type(key: str, name: str) -> str | None:
    """Type for a confirmed name with no evidence at all."""
    parts = key.split()
    if len(parts) >= 2:
        return PER if len(parts) <= 3 else ORG
    return ORG if name[:1].isupper() else None


_LOWER_SUFFIX_RE: Final = re.compile(r"-[a-z]+$")
_CONTRACTION_RE: Final = re.compile(r"['’](?:m|re|ll|ve|d)$")


@lru_cache(maxsize=50_000)
def _is_demonym_word(key: str) -> bool:
    """A nationality word, also hyphenated or plural ("Russian-Turkish", "Iraqis", "Turks")."""
    lex = _lexicon()
    if "-" in key:
        return all(_is_demonym_word(part) for part in key.split("-"))
    if key in lex["demonyms"] or _is_demonym(key):
        return True
    return key.endswith("s") and (key[:-1] in lex["demonyms"] or _is_demonym(key[:-1]))


@lru_cache(maxsize=50_000)
def _is_demonym(key: str) -> bool:
    """ "russian", "syrian", "turkish": adjectives of places are MISC, not entities."""
    if not key.endswith(_DEMONYM_ENDS):
        return False  # most words: no suffix below fits
    places = _lexicon()["places"]
    for suffix, repl in _DEMONYM_SUFFIXES:
        if key.endswith(suffix) and key[: -len(suffix)] + repl in places:
            return True
    return False


# (suffix, replacement) turning a nationality into its place, tried in order.
_DEMONYM_SUFFIXES: Final = (
    ("ian", "ia"),
    ("n", ""),
    ("an", "a"),
    ("ese", ""),
    ("ish", "ey"),
    ("ish", ""),
    ("i", ""),
    ("ean", "ea"),
    ("ese", "a"),
    ("ic", "ia"),
    ("ian", "y"),
    ("ian", ""),
)
_DEMONYM_ENDS: Final = tuple(sorted({suffix[-1] for suffix, _ in _DEMONYM_SUFFIXES}))
