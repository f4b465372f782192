"""No regular expression of Dateline's repeats a group possessively: CPython 3.11.0-3.11.4 get it wrong.

A possessive repeat of a group, ``(?:…)*+``, keeps the consumed part of a last iteration that then
fails on those versions (CPython gh-106052, fixed in 3.11.5), and Debian 12's python3 is 3.11.2:
its tokens were "Members’" for "Members’ " and its index words "U.S." for "U.S" until the patterns
were written as atomic groups, ``(?>(?:…)*)``, which every 3.11 matches correctly (3.11.5
implements ``*+`` that way).  The scan keeps new patterns from bringing the construct back; the
matches below are the ones the buggy versions got wrong.
"""

from __future__ import annotations

import re
from pathlib import Path

from index.extract import entities, quotes
from search.analysis import FAST_WORD_PATTERN

REPO = Path(__file__).resolve().parents[1]
#: A closing parenthesis (not escaped) followed by a possessive quantifier.
POSSESSIVE_GROUP = re.compile(r"(?<!\\)\)(?:[*+?]|\{\d*(?:,\d*)?\})\+")


def test_no_source_repeats_a_group_possessively():
    found = []
    for folder in ("index", "search", "webui", "scripts"):
        for path in sorted((REPO / folder).rglob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                code = line.split("  #", 1)[0]
                if not code.lstrip().startswith("#") and POSSESSIVE_GROUP.search(code):
                    found.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert found == []


def test_the_scan_finds_the_construct():
    assert POSSESSIVE_GROUP.search(r'r"\w++(?:\.\w++)*+"')
    assert POSSESSIVE_GROUP.search(r'r"(?:[A-Z]\.)++"') and POSSESSIVE_GROUP.search(r'r"(?:ab){2}+"')
    assert not POSSESSIVE_GROUP.search(r'r"\w++(?>(?:\.\w++)*)"') and not POSSESSIVE_GROUP.search(r'r"\)*+"')


def test_index_words_keep_an_abbreviation_without_its_last_dot():
    # 3.11.2 with (?:…)*+: "U.S.", "U.N.".
    words = re.findall(FAST_WORD_PATTERN, "U.S. and U.N.-backed talks")
    assert words == ["U.S", "and", "U.N", "backed", "talks"]


def test_tokens_stop_before_a_trailing_hyphen():
    # 3.11.2 with (?:…)*+: "a-b-", "x-’s", "well-’", "known-", "quoted-'".
    assert quotes._TOKEN.findall("a-b- x-’s well-’ known- 'quoted-' Members’ O’Neill’s") == [
        "a-b", "-", "x", "-", "’", "s", "well", "-", "’", "known", "-", "'", "quoted", "-", "'", "Members’",
        "O’Neill’s",
    ]


def test_capitalised_runs_leave_the_possessive_s_out():
    # 3.11.2 with (?:…)*+: "Speaker’", "Republicans’".
    text = "the Speaker’s characterization and Republicans’ lack, said O’Neill of the U.S. Senate"
    assert [m.group() for m in entities._RUN_RE.finditer(text)] == [
        "Speaker", "Republicans", "O’Neill", "U.S. Senate",
    ]
