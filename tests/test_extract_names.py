"""names: folding, transliteration tokens, canonical keys, alias table, canonicalize."""

from __future__ import annotations

import pytest

from index.article import Entity, Quote, Speaker
from index.extract.names import canonicalize
from search.names import AliasGroup, AliasTable, fold, fold_token, name_key

ALIASES = AliasTable.default()


def test_fold():
    assert fold("Erdoğan") == "erdogan"
    assert fold("Çavuşoğlu") == "cavusoglu"
    assert fold("Işık Øster Straße Łódź") == "isik oster strasse lodz"


@pytest.mark.parametrize(
    "variants",
    [
        ("Sergey", "Sergei"),
        ("Hmeimim", "Khmeimim", "Hamimim"),
        ("Cavusoglu", "Çavuşoğlu"),
        ("Dmitry", "Dmitri", "Dmitriy"),
        ("Erdogan", "Erdoğan", "ERDOGAN"),
    ],
)
def test_fold_token_merges_variants(variants):
    assert len({fold_token(v) for v in variants}) == 1


@pytest.mark.parametrize(
    "names,canonical",
    [
        (("Erdoğan", "Erdogan", "Recep Tayyip Erdogan"), "Recep Tayyip Erdoğan"),
        (("Sergey Lavrov", "Sergei Lavrov"), "Sergey Lavrov"),
        (("Mevlut Cavusoglu", "Mevlüt Çavuşoğlu", "Cavusoglu"), "Mevlüt Çavuşoğlu"),
        (("Hmeimim", "Khmeimim", "Hamimim"), "Hmeimim"),
        (("Hayat Tahrir al-Sham", "HTS", "Hayat Tahrir ash-Sham"), "Hayat Tahrir al-Sham"),
    ],
)
def test_alias_cases_one_key(names, canonical):
    assert len({name_key(n) for n in names}) == 1
    assert {ALIASES.canonical(n) for n in names} == {canonical}


def test_expand_and_outlet():
    spellings = ALIASES.expand("Erdogan")
    assert spellings[0] == "Recep Tayyip Erdoğan" and "Erdogan" in spellings and "Erdoğan" in spellings
    assert ALIASES.expand("Nobody Known") == ["Nobody Known"]
    assert ALIASES.outlet("https://www.aljazeera.com/x") == ALIASES.outlet("Al Jazeera") == "Al Jazeera"
    assert ALIASES.outlet("New York Times - News") == "The New York Times"
    assert ALIASES.outlet("unknown-site.example") is None


def test_user_alias_file_overrides(tmp_path, monkeypatch):
    path = tmp_path / "aliases.txt"
    path.write_text(
        "# mine\n[people]\nJohn Q. Public = J. Public | Johnny Public\n"
        "[outlets]\nMy Paper = mypaper.example\n",
        encoding="utf-8",
    )
    table = AliasTable.load(path)
    assert table.canonical("Johnny Public") == "John Q. Public"
    assert table.outlet("www.mypaper.example") == "My Paper"
    monkeypatch.setenv("DATELINE_ALIASES", str(path))
    merged = AliasTable.default()
    assert merged.canonical("J. Public") == "John Q. Public"
    assert merged.canonical("Erdogan") == "Recep Tayyip Erdoğan"  # packaged defaults still there


def test_bad_section_is_reported():
    with pytest.raises(ValueError, match=":1: unknown section"):
        AliasTable.parse("[nonsense]\n")


def test_canonicalize_merges_within_article():
    table = AliasTable()  # no alias help: rules only
    speakers = [
        Speaker("Lavrov", quotes=[Quote("a", "Lavrov")]),
        Speaker("Sergei Lavrov", quotes=[Quote("b", "x")]),
    ]
    entities = [
        Entity("Sergey Lavrov", "person", 2),
        Entity("Hayat Tahrir ash-Sham", "organization"),
        Entity("HTS", "organization", 3),
        Entity("Khmeimim", "place"),
        Entity("Hmeimim", "place"),
    ]
    sp, ents = canonicalize(speakers, entities, table)
    assert [(s.name, [q.text for q in s.quotes]) for s in sp] == [("Sergey Lavrov", ["a", "b"])]
    assert all(q.speaker == "Sergey Lavrov" for q in sp[0].quotes)
    by_name = {(e.name, e.type): e.count for e in ents}
    assert by_name[("Hayat Tahrir ash-Sham", "organization")] == 4
    assert ("HTS", "organization") not in by_name
    assert sum(1 for e in ents if e.type == "place") == 1
    assert by_name[("Sergey Lavrov", "person")] == 2 + 1 + 1  # entity mentions + speakers


def test_canonicalize_lookups_are_kept_across_articles_until_the_table_changes():
    from index.extract import names

    table = AliasTable()
    for _article in range(2):
        _, ents = canonicalize([], [Entity("Recep Erdogan", "person")], table)
        assert [e.name for e in ents] == ["Recep Erdogan"]
    assert names._lookups(table)[("Recep Erdogan", "person")] == ("Recep Erdogan", "recep erdogan")
    table.add(AliasGroup("Recep Tayyip Erdoğan", "person", ["Recep Erdogan"]))
    assert ("Recep Erdogan", "person") not in names._lookups(table)  # a new group: started again
    _, ents = canonicalize([], [Entity("Recep Erdogan", "person")], table)
    assert [e.name for e in ents] == ["Recep Tayyip Erdoğan"]


def test_translit_single_pattern_agrees_with_the_rule_chain():
    """``_translit`` skips the seven rules when one combined pattern finds no place for any of them;
    the result must be the chain's, for tokens each rule fires on, rules that set up later ones and
    tokens none touch."""
    from search import names

    def chain(token: str) -> str:
        for pattern, repl in names._TRANSLIT:
            token = pattern.sub(repl, token)
        return token

    tokens = [
        "dzhebhat", "khmeimim", "aleksey", "sergey", "dmitriy", "dmitry", "gaddafi", "muammar",
        "kks", "akhkh", "ey", "y", "ay", "iy", "yi", "ii", "biy", "ksey", "lavrov", "putin", "erdogan",
        "", "x", "kelly", "aa", "zz", "ab1", "o'neill", "al-sham",
    ]  # fmt: skip
    for token in tokens:
        assert names._translit.__wrapped__(token) == chain(token), token
    assert names._TRANSLIT_ANY.search("lavrov") is None  # the skip is taken for a plain token
    assert names._translit("Sergey".lower()) == "sergei"


def test_canonicalize_does_not_expand_an_acronym_into_a_name_that_contains_it():
    """"U.S." is no short form of "U.S. Senate": a word that is an acronym gives all its letters
    to the long form's initials (USS), so the country stays a place of its own."""
    table = AliasTable()
    speakers = [Speaker("U.S.", "organization", [Quote("records show payments", "U.S.")])]
    entities = [Entity("U.S. Senate", "organization", 2), Entity("UN Security Council", "organization")]
    sp, ents = canonicalize(speakers, entities, table)
    assert [s.name for s in sp] == ["U.S."]
    assert sorted(e.name for e in ents) == ["U.S.", "U.S. Senate", "UN Security Council"]
    _, ents = canonicalize([], [*entities, Entity("UNSC", "organization")], table)
    assert sorted((e.name, e.count) for e in ents) == [("U.S. Senate", 2), ("UN Security Council", 2)]
    # One capitalised word spells no initials: "G8 ministers" is no long form of "G8".
    _, ents = canonicalize([], [Entity("G8 ministers", "organization"), Entity("G8", "organization")], table)
    assert sorted(e.name for e in ents) == ["G8", "G8 ministers"]


def test_canonicalize_acronyms_are_kept_across_articles():
    from index.extract import names

    table = AliasTable()
    for _article in range(2):
        _, ents = canonicalize(
            [], [Entity("Hayat Tahrir Sham", "organization", 2), Entity("HTS", "organization")], table
        )
        assert [(e.name, e.count) for e in ents] == [("Hayat Tahrir Sham", 3)]
    assert names._ACRONYMS["Hayat Tahrir Sham"] == "HTS"


def test_name_lookups_start_again_beyond_their_limit(monkeypatch):
    """The lookups memo of a table holds at most ``_LOOKUPS_LIMIT`` entries from one article to
    the next (50,000: ~13 MB a worker): one more and the next article starts a new one."""
    import weakref

    from index.extract import names as N

    assert N._LOOKUPS_LIMIT == 50_000
    monkeypatch.setattr(N, "_LOOKUPS", weakref.WeakKeyDictionary())
    aliases = AliasTable.default()
    first = N._lookups(aliases)
    first.update({(f"Name {i}", "person"): ("x", "x") for i in range(N._LOOKUPS_LIMIT)})
    assert N._lookups(aliases) is first
    first[("One More", "person")] = ("x", "x")
    second = N._lookups(aliases)
    assert second is not first and second == {} and N._lookups(aliases) is second


def _typed(speakers: list[Speaker], entities: list[Entity]):
    merged_speakers, merged_entities = canonicalize(speakers, entities, AliasTable.default())
    return ({s.name: s.type for s in merged_speakers},
            sorted((e.name, e.type, e.count) for e in merged_entities))


def test_a_speaker_the_entity_extractor_knows_as_an_organisation_is_one():
    speakers, entities = _typed(
        [Speaker("Japan Airlines", "person", [Quote("We will buy the plane", "Japan Airlines")])],
        [Entity("Japan Airlines", "organization", 3), Entity("Japan", "place", 1)])
    assert speakers == {"Japan Airlines": "organization"}
    assert entities == [("Japan", "place", 1), ("Japan Airlines", "organization", 4)]


@pytest.mark.parametrize(("name", "why"), [
    ("Juninho", "one word: the extractor's organisations included people named by surname"),
    ("Helen Steel", "a first name"),
])
def test_a_speaker_with_a_word_of_a_persons_name_stays_a_person(name, why):
    speakers, entities = _typed([Speaker(name, "person", [Quote("We won", name)])],
                                [Entity(name, "organization", 2)])
    assert speakers == {name: "person"}, why
    # The entity list names it once, under the extractor's type, with the speaker's mention counted.
    assert entities == [(name, "organization", 3)]


@pytest.mark.parametrize(("name", "quote"), [
    ("Microsoft", "We will ship it in May"),  # the organisation gazetteer lists it
    ("Multiplex", "it would lose money on the stadium"),  # a report of it opens with "it"
])
def test_a_one_word_organisation_speaker_with_a_sign_is_one(name, quote):
    speakers, _ = _typed([Speaker(name, "person", [Quote(quote, name, kind="reported")])],
                         [Entity(name, "organization", 2)])
    assert speakers == {name: "organization"}


def test_a_one_word_speaker_saying_it_stays_a_person_unless_the_extractor_says_organisation():
    quote = Quote("it was a hard match", "Federer", kind="reported")
    speakers, _ = _typed([Speaker("Federer", "person", [quote])], [Entity("Federer", "person", 2)])
    assert speakers == {"Federer": "person"}


def test_a_name_the_extractor_also_knows_as_a_person_keeps_both_entities():
    both = [Entity("Stone Roses", "organization", 2), Entity("Stone Roses", "person", 1)]
    speakers, entities = _typed([Speaker("Stone Roses", "person", [Quote("We won", "Stone Roses")])], both)
    assert speakers == {"Stone Roses": "person"}
    assert entities == [("Stone Roses", "organization", 2), ("Stone Roses", "person", 2)]


# Issue 12, twentieth round: an all-caps transcript label ("AMY GOODMAN") is shown in name case, and an
# article's own spelling of the name wins over it.


@pytest.mark.parametrize("caps,cased", [("AMY GOODMAN", "Amy Goodman"), ("JOHN MCCAIN", "John McCain"),
                                        ("PAT O'BRIEN", "Pat O'Brien"), ("YAZAN AL-SAADI", "Yazan Al-Saadi"),
                                        ("JUAN GONZÁLEZ", "Juan González")])
def test_name_case_of_an_all_caps_label(caps, cased):
    from search.names import caps_label, name_case
    assert caps_label(caps) and not caps_label(cased) and not caps_label("NATO")
    assert name_case(caps) == cased


def test_article_spelling_wins_over_an_all_caps_label():
    quotes = [Quote(text="We begin", speaker="CAROL BLAKE")] * 3
    speakers = [Speaker("CAROL BLAKE", "person", list(quotes))]
    merged, _ = canonicalize(speakers, [Entity("Carol Blake", "person", 1)], ALIASES)
    assert [s.name for s in merged] == ["Carol Blake"]


@pytest.mark.parametrize("junk", ["WATCHED Hale", "Hale Hale"])
def test_a_surname_does_not_fold_into_a_scraped_label_or_a_repeated_word(junk):
    speakers = [Speaker("Hale", "person", [Quote("the plan would work", "Hale")])]
    merged, _ = canonicalize(speakers, [Entity(junk, "person")], AliasTable.default())
    assert [s.name for s in merged] == ["Hale"]
    merged, _ = canonicalize(speakers, [Entity("Nathan Hale", "person")], AliasTable.default())
    assert [s.name for s in merged] == ["Nathan Hale"]
