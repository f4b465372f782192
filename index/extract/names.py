"""Merging the names one article mentions: surnames, acronyms and spelling variants.

Folding, name keys and the alias table live in :mod:`search.names`, shared with the search
backends; this module holds what only extraction needs.
"""

from __future__ import annotations

import weakref
from typing import Final

from index.article import Entity, Quote, Speaker
from index.extract import _lexicon as lex
from index.extract.entities import listed_organization
from search.names import (
    AliasTable,
    acronym_of,
    caps_label,
    fold,
    is_acronym,
    name_key,
)


def canonicalize(
    speakers: list[Speaker], entities: list[Entity], aliases: AliasTable
) -> tuple[list[Speaker], list[Entity]]:
    """Merge the mentions of one article into one record per real-world name.

    - transliteration/accent variants and alias-table variants share a key and merge;
    - a one-token person mention (``Lavrov``) folds into the full name given in the article
      (``Sergey Lavrov``) when exactly one full name ends with it;
    - an acronym merges into a long form whose initials it spells (``HTS`` -> ``Hayat Tahrir
      ash-Sham``) when that long form is in the article;
    - the display name comes from the alias table, else the longest/most frequent spelling;
    - speakers are added to the entities (as person or organization) when missing.
    Counts are summed and quote lists concatenated.
    """
    _type_by_entities(speakers, entities, aliases)
    # Speakers contribute to entities so that the two lists agree on names.
    all_entities = list(entities)
    for sp in speakers:
        all_entities.append(Entity(sp.name, sp.type or "person", max(1, len(sp.quotes))))

    resolve = _Resolver(all_entities, aliases)

    merged_entities: dict[tuple[str, str], Entity] = {}
    extracted_people: set[str] = set()  # name keys the entity extractor itself typed as people
    for at, ent in enumerate(all_entities):
        name = resolve.name(ent.name, ent.type)
        key = (ent.type, name_key(name, aliases))
        if at < len(entities) and ent.type == "person":  # the extractor's own, before the speakers'
            extracted_people.add(key[1])
        if key in merged_entities:
            merged_entities[key].count += ent.count
        else:
            merged_entities[key] = Entity(name, ent.type, ent.count)
    _fold_speaker_people(merged_entities, extracted_people)
    # Speakers' own mentions were counted once already if the extractor also saw them.
    merged_speakers: dict[str, Speaker] = {}
    for sp in speakers:
        name = resolve.name(sp.name, sp.type or "person")
        skey = name_key(name, aliases)
        if skey in merged_speakers:
            merged_speakers[skey].quotes.extend(_renamed(sp.quotes, name))
        else:
            merged_speakers[skey] = Speaker(name, sp.type, _renamed(sp.quotes, name))
    return list(merged_speakers.values()), list(merged_entities.values())


def _type_by_entities(speakers: list[Speaker], entities: list[Entity], aliases: AliasTable) -> None:
    """Make a speaker an organisation when the entity extractor found an organisation of the same
    name, and nothing in the name says person: several words, none of them a first name ("Japan
    Airlines", "Human Rights Watch"; not "Juninho", "Tony Banks"), or one word the organisation
    gazetteer lists or whose reports open with "it" ("Unilever", "Multiplex said it would …").

    The quote finder types a speaker a person unless the name's own last word is an organisation
    word; the entity extractor also knows company, club and institution heads and the article's
    other mentions.  On the 2,225 BBC articles this retyped 49 speakers, 47 of them organisations
    when read by hand; names of one word are left alone without one of the two signs above, as the
    extractor's organisations among them included many people named by their surname ("Federer",
    "Johnson").  The two signs retyped 70 more, all organisations when read by hand.
    """
    organizations: set[str] | None = None  # built for the first speaker that needs it
    for sp in speakers:
        if sp.type != "person":
            continue
        words = fold(sp.name).split()
        if any(w in lex.first_names() for w in words):
            continue
        if len(words) < 2 and not (listed_organization(sp.name) or _speaks_of_itself(sp)):
            continue
        if organizations is None:
            organizations = _organization_keys(entities, aliases)
        if name_key(sp.name, aliases) in organizations:
            sp.type = "organization"


def _speaks_of_itself(speaker: Speaker) -> bool:
    """Whether a report of ``speaker`` opens with "it" / "its" ("Multiplex said it would lose
    money"): a company speaks of itself so, a person named by a surname hardly ever."""
    return any(q.kind == "reported" and q.text.startswith(("it ", "its ")) for q in speaker.quotes)


def _organization_keys(entities: list[Entity], aliases: AliasTable) -> set[str]:
    """Name keys the entity extractor typed as organisations and never as people."""
    people = {name_key(e.name, aliases) for e in entities if e.type == "person"}
    return {name_key(e.name, aliases) for e in entities if e.type == "organization"} - people


def _fold_speaker_people(merged: dict[tuple[str, str], Entity], extracted_people: set[str]) -> None:
    """Fold a person entity that only speakers contributed into the organisation or place of the
    same name the entity extractor found ("Boeing said": Boeing stays one organisation).

    A speaker's type is "person" unless its own words say otherwise; the entity extractor reads
    the whole article (company and party words, gazetteers).  Without this the name was listed
    under both types.  The speaker keeps its own type: only the entity list changes.
    """
    for (etype, key), ent in list(merged.items()):
        if etype != "person" or key in extracted_people:
            continue
        others = [merged[(t, key)] for t in ("organization", "place") if (t, key) in merged]
        if others:
            max(others, key=lambda e: e.count).count += ent.count
            del merged[(etype, key)]


def _renamed(quotes: list[Quote], name: str) -> list[Quote]:
    for q in quotes:
        q.speaker = name
    return list(quotes)


class _Resolver:
    """Maps each mention of one article to its display name."""

    def __init__(self, entities: list[Entity], aliases: AliasTable) -> None:
        self.aliases = aliases
        # (name, type) -> (alias-table spelling, its name key): every mention is looked up here
        # and again in ``name``, speakers repeat entity names, and names recur across articles.
        self._canonical = _lookups(aliases)
        # Display name per key: alias canonical, else the most frequent, then longest spelling.
        stats: dict[tuple[str, str], dict[str, int]] = {}
        for ent in entities:
            canon, name_k = self._lookup(ent.name, ent.type)
            spellings = stats.setdefault((ent.type, name_k), {})
            spellings[canon] = spellings.get(canon, 0) + ent.count
        self.display: dict[tuple[str, str], str] = {}
        for key, spellings in stats.items():
            if len(spellings) == 1:  # the common case: one spelling, nothing to rank
                self.display[key] = next(iter(spellings))
                continue
            aliased = [s for s in spellings if aliases._group(s, key[0]) is not None]
            pool = aliased or [s for s in spellings if not caps_label(s)] or list(spellings)
            if len(pool) == 1:
                self.display[key] = pool[0]
            else:
                self.display[key] = max(pool, key=lambda s: (spellings[s], _has_accents(s), len(s)))
        # Multi-token person names by last token key, for surname resolution.
        self.by_last: dict[str, set[tuple[str, str]]] = {}
        for (etype, nkey), disp in self.display.items():
            parts = nkey.split()
            if etype == "person" and len(parts) >= 2 and _full_name(disp):
                self.by_last.setdefault(parts[-1], set()).add((etype, nkey))
        # Long forms by acronym.
        self.by_acronym: dict[str, set[tuple[str, str]]] = {}
        for (etype, nkey), disp in self.display.items():
            if etype in ("organization", "place") and " " in disp:
                acro = _ACRONYMS.get(disp)
                if acro is None:
                    acro = _acronym(disp)
                if len(acro) >= 2:
                    self.by_acronym.setdefault(acro, set()).add((etype, nkey))

    def _lookup(self, name: str, etype: str) -> tuple[str, str]:
        """(canonical spelling, name key) of a mention of type ``etype``."""
        found = self._canonical.get((name, etype))
        if found is None:
            canon = self.aliases.canonical(name, etype)
            found = self._canonical[(name, etype)] = (canon, name_key(canon, self.aliases))
        return found

    def name(self, name: str, etype: str) -> str:
        canon, key = self._lookup(name, etype)
        parts = key.split()
        if etype == "person" and len(parts) == 1:
            cands = self.by_last.get(parts[0])
            if cands is not None and len(cands) == 1:
                return self.display[next(iter(cands))]
        if is_acronym(canon):
            cands = self.by_acronym.get(canon.replace(".", ""), set())
            cands = {c for c in cands if c[0] == etype or etype == "organization"}
            if len(cands) == 1:
                return self.display[next(iter(cands))]
        return self.display.get((etype, key), canon)


def _full_name(display: str) -> bool:
    """Whether a person's display name of several words can stand for its surname alone: not a
    scraped label glued before it ("WATCHED Obama": a common word in capitals before a surname
    that is not) nor a repeated word ("Trump Trump")."""
    words = display.split()
    if len(words) > 1 and words[0] == words[-1]:
        return False
    if words[-1].isupper():
        return True  # "JOHN SMITH": a name written in capitals throughout
    common = lex.common_words()
    return not any(w.isupper() and len(w) > 3 and w.lower() in common for w in words[:-1])


# ``_Resolver._lookup`` results per alias table, kept across articles: (number of groups when the
# dict was started, dict).  A table that gained groups since starts a new dict, as its own
# ``name_key`` cache is emptied then.  Keyed weakly, like ``entities._MENTION_MEMOS``.
_LOOKUPS: weakref.WeakKeyDictionary[AliasTable, tuple[int, dict[tuple[str, str], tuple[str, str]]]] = (
    weakref.WeakKeyDictionary())
# Entries; the dict is started again (between articles) beyond this.  ~260 bytes an entry: 52 MB
# a worker at 200,000, 13 MB at 50,000 (with the registrations' lower cap: +1.2 % extraction CPU
# over 10,000 articles of a worker's share of the 8x build, one run).
_LOOKUPS_LIMIT: Final = 50_000


def _lookups(aliases: AliasTable) -> dict[tuple[str, str], tuple[str, str]]:
    """This table's dict of ``_Resolver._lookup`` results."""
    entry = _LOOKUPS.get(aliases)
    groups = len(aliases.groups)
    if entry is None or entry[0] != groups or len(entry[1]) > _LOOKUPS_LIMIT:
        entry = _LOOKUPS[aliases] = (groups, {})
    return entry[1]


# ``acronym_of`` per display name, kept across articles: organisations and places recur, and each
# call splits the name by a regular expression.
_ACRONYMS: Final[dict[str, str]] = {}
_ACRONYMS_LIMIT: Final = 100_000  # entries; the dict is started again beyond this


def _acronym(name: str) -> str:
    """``acronym_of(name)``, remembered in ``_ACRONYMS``."""
    if len(_ACRONYMS) >= _ACRONYMS_LIMIT:
        _ACRONYMS.clear()
    acro = _ACRONYMS[name] = acronym_of(name)
    return acro


def _has_accents(text: str) -> bool:
    return not text.isascii() and fold(text) != text.casefold()
