# ruff: noqa: E501  (the expected quotes are verbatim article text, one per line)
"""Issue 12: every quote a careful reader marks in the five sample articles, and nothing else.

Each entry is (speaker, speaker type, quote text) for one quote of ``dateline extract``'s output, in
the order the extractor lists them (speaker by speaker, quotes in text order).  None of the errors
the issue lists may come back: circumstance phrases as content ("on March 29 after arriving in
Ankara …", "on Feb.", "on Sunday."), actions as speech ("agreed on …", "also began shelling …"),
the scare quote "terrorists would not be retaliated" as a quote by "Moscow", places as speakers,
or the same passage twice.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from index.extract import _content, extract
from index.readers.formats import parse_txt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from scripts.eval import quotes as quote_metric  # noqa: E402

SEED_QUOTES: dict[str, list[tuple[str, str, str]]] = {
    "000_7e0faa7b5f134298.txt": [
        (
            "Sergey Lavrov",
            "person",
            "Russia is still committed to its agreement with Turkey on the Syrian governorate of Idlib, despite many difficulties",
        ),
        (
            "Sergey Lavrov",
            "person",
            "There is continues contact between the officers [Russians and Turks], who are playing a critical role in the implementation of Idlib agreement, and I’m sure that despite the tough situation in that area, we will move forward step by step",
        ),
        (
            "Sergey Lavrov",
            "person",
            "Moscow and Ankara had already succeeded in implementing one step, which is patrolling the demilitarized zone around Idlib.",
        ),
        ("Sergey Lavrov", "person", "radical militants should stop their attacks."),
        ("Sergey Lavrov", "person", "Russia Remains Committed To Idlib Agreement, Despite Difficulties"),
        (
            "Mevlüt Çavuşoğlu",
            "person",
            "settling the situation in Idlib is a “joint responsibility” of Moscow and Ankara.",
        ),
        (
            "Mevlüt Çavuşoğlu",
            "person",
            "the violations of the demilitarized agreement on Idlib has increased.",
        ),
    ],
    "001_fb46f36778ad9ceb.txt": [
        (
            "Sergey Lavrov",
            "person",
            "another round of consultations between Russia and Turkey is currently being prepared regarding Syria's Idlib.",
        ),
        (
            "Sergey Lavrov",
            "person",
            "within the framework of the agreements reached between Erdoğan and Putin, Moscow had never promised that “terrorists would not be retaliated” if they themselves initiated attacks.",
        ),
        (
            "Sergey Lavrov",
            "person",
            "Russia and Turkey are planning a new series of consultations regarding Syria's northwestern province of Idlib",
        ),
        (
            "Sergey Lavrov",
            "person",
            "Moscow hopes both countries can agrees on ways to turn Idlib into a “de-escalation zone,” free of “terrorists,”",
        ),
        (
            "Sergey Lavrov",
            "person",
            "Now the next series of consultations is being prepared, which we hope will be able to lead us [Russia and Turkey] to an agreement on how to ensure that this [Idlib] really is a de-escalation zone and that terrorists do not control it",
        ),
        (
            "Sergey Lavrov",
            "person",
            "within the framework of the agreements reached between Turkish President Recep Tayyip Erdoğan and Russia's Vladimir Putin, Moscow had never promised that “terrorists would not be retaliated” if they themselves initiated attacks.",
        ),
        (
            "Sergey Lavrov",
            "person",
            "Nobody ever agreed, within the framework of the agreements reached between the Russian and Turkish presidents, that terrorists would not be retaliated if they act in the way they began to act, so there was nothing unexpected for anyone",
        ),
        (
            "Sergey Lavrov",
            "person",
            "I’m sure that the Turkish servicemen who work on the ground see and understand everything. Especially, considering that fact that on many occasions the terrorists attacked our position, the positions of the Syrian military and civilian infrastructure from the very location where the Turkish observation posts are set up",
        ),
        (
            "Turkish presidency",
            "organization",
            "Erdoğan emphasized the necessity to control Syrian government forces and halt a humanitarian crisis in Idlib during the phone call",
        ),
        (
            "Turkish presidency",
            "organization",
            "Erdoğan also told Putin that full implementation of an agreement reached in Sochi, Russia in 2018 would bring an end to fighting in the rebel-controlled area.",
        ),
        (
            "Recep Tayyip Erdoğan",
            "person",
            "the necessity to control Syrian government forces and halt a humanitarian crisis in Idlib during the phone call",
        ),
        (
            "Recep Tayyip Erdoğan",
            "person",
            "full implementation of an agreement reached in Sochi, Russia in 2018 would bring an end to fighting in the rebel-controlled area.",
        ),
    ],
    "002_357af4abcae1faa7.txt": [
        (
            "Maria Zakharova",
            "person",
            "Moscow would continue to cooperate with Turkey to bring stability to the demilitarized zone of Idlib.",
        ),
        (
            "Maria Zakharova",
            "person",
            "We believe it is important to comply with all agreements in Idlib aimed at continuing to fight terrorists and guaranteeing the security of the civilian population. In this context, we will continue to cooperate with Turkey under the Sochi Memorandum of 17 September 2018",
        ),
        (
            "Syrian military command",
            "organization",
            "it would halt the offensive if Turkey abides by the agreements under the Idlib Ceasefire Memorandum, signed on September 17, 2018 in Sochi, Russia",
        ),
    ],
    "003_a242a1f1b671f916.txt": [
        (
            "TASS",
            "organization",
            "Russian Foreign Minister Sergey Lavrov has called on Turkey to meet its commitments under a joint memorandum signed in September on de-escalation in Syria’s Idlib",
        ),
        # Lavrov's call as he made it (nested in TASS's report: two claims, not one passage twice)
        (
            "Sergey Lavrov",
            "person",
            "Turkey to meet its commitments under a joint memorandum signed in September on de-escalation in Syria’s Idlib",
        ),
        (
            "Sergey Lavrov",
            "person",
            "Certain hotbeds of terrorist presence remain in the country. First of all, this concerns the Idlib de-escalation zone, where most territory is controlled by militants from the Hayat Tahrir al-Sham group (one of names of Jabhat al-Nusra terrorist organization outlawed in Russia) carrying out provocative raids against civilians, Russian and Syrian military",
        ),
        (
            "Sergey Lavrov",
            "person",
            "Against this background, it is necessary to continue efficiently fighting against terrorism. We encourage our Turkish partners to meet their commitments under the September 17, 2018 memorandum on stabilizing the situation in Idlib.",
        ),
        (
            "Sergey Lavrov",
            "person",
            "the withdrawal of all radicals and military hardware from it have not been fully implemented.",
        ),
        (
            "Sergey Lavrov",
            "person",
            "following a number of successful operations by the government forces with the support of Russian Aerospace Defence Forces the situation in the war-torn country has significantly stabilised.",
        ),
        (
            "Sergey Lavrov",
            "person",
            "A lot needs to be done to neutralise sleeper cells of radical armed groups and the Islamic State (ISIS) has been destroyed",
        ),
        ("Sergey Lavrov", "person", "Turkey has not fulfilled memorandum on Idlib"),
    ],
    "004_5c4f401af33235dc.txt": [
        (
            "Dmitry Peskov",
            "person",
            "while Russia considers it necessary to ensure that the terrorists who agreed to the Syrian Idlib cease fire adhere to it, that in accordance with the agreements, this responsibility lies with the Turkish side.",
        ),
        (
            "Dmitry Peskov",
            "person",
            "In this case, one cannot talk about any differences (between Russia and Turkey –\xa0ed.\xa0).\xa0Indeed, a cease-fire in Idlib is necessary, it is necessary to ensure that terrorists cease fire on civilian targets, as well as on certain facilities where our military are located, including Hamimim and from Idlib",
        ),
        (
            "Dmitry Peskov",
            "person",
            "according to the previously reached agreements, Turkey is responsible for the de-escalation in Idlib.",
        ),
        (
            "Dmitry Peskov",
            "person",
            "And here, of course, we must remember that in this case, according to the agreements that were concluded in Sochi, it is the responsibility of the Turkish side.\xa0And here, of course, the actions of our Turkish partners and cooperation between Russia and Turkey are important to achieve these goals",
        ),
        ("Dmitry Peskov", "person", "first of all we are talking about Idlib."),
        (
            "Dmitry Peskov",
            "person",
            "First of all, of course, there are clusters of militants who lead offensive actions from there",
        ),
        ("Kremlin press service", "organization", "the parties continued to discuss the situation in Syria."),
    ],
}


def _quotes(sample_archive, name: str) -> list[tuple[str, str, str]]:
    path = sample_archive / name
    extracted = extract(parse_txt(path.read_bytes(), id=name, path=str(path)))
    return [(s.name, s.type, q.text) for s in extracted.speakers for q in s.quotes]


@pytest.mark.parametrize("name", sorted(SEED_QUOTES))
def test_seed_article_quotes_are_exactly_what_a_reader_marks(sample_archive, name):
    assert _quotes(sample_archive, name) == SEED_QUOTES[name]


def test_seed_speakers_are_typed_and_places_do_not_speak(sample_archive):
    names = {}
    for name in SEED_QUOTES:
        path = sample_archive / name
        for s in extract(parse_txt(path.read_bytes(), id=name, path=str(path))).speakers:
            names[s.name] = s.type
    assert {n for n, t in names.items() if t == "organization"} == {
        "Turkish presidency",
        "Syrian military command",
        "TASS",
        "Kremlin press service",
    }
    assert not {"Moscow", "Russia", "Turkey", "Ankara"} & set(names)


@pytest.mark.parametrize(
    ("after", "cue", "content"),
    [
        (" on March 29 after arriving in Ankara to discuss several issues.", "said", None),
        (" on Feb. 24.", "said", None),
        (" at a press conference.", "said", None),
        (" Tuesday that the talks would resume.", "said", "the talks would resume."),
        (" in an interview with RT that it was over.", "said", "it was over."),
        (" reporters on Friday that he would run.", "told", "he would run."),
        (" the deal is dead.", "said", "the deal is dead."),
        (", adding that it was over.", "said", None),
        (": the talks are over.", "said", " the talks are over."),
        (" to sign up 5 million people.", "wants", None),
        (" to raise taxes.", "pledged", "to raise taxes."),
    ],
)
def test_content_after_the_cue(after, cue, content):
    found = _content.content_after(after, cue)
    assert (after[found[0] :] if found else None) == content


def test_negated_speech_is_no_statement():
    assert _content.negated(" had never ")
    assert _content.negated(" didn’t ")
    assert not _content.negated(" also ")


def test_description_before_a_trailing_source():
    before = "Russia is committed, despite many difficulties, the country’s Foreign Minister"
    assert before[: _content.description_start(before)].rstrip().endswith("difficulties,")


def test_quote_metric_kinds_and_found():
    golds = [
        quote_metric.Gold("Lavrov", "lavrov", "Russia is still committed to the deal", None),
        quote_metric.Gold("he", None, "the talks will go on next week", None),
    ]
    for gold in golds:
        gold.words = quote_metric.words(gold.content)
    kinds, found = quote_metric.judge(
        golds,
        [
            ("lavrov", "Russia is still committed"),  # correct, covers 4 of 7 words: found
            ("peskov", "still committed to the deal"),  # inside a named span of another key
            ("lavrov", "the talks will go on"),  # inside the unnamed span only
            ("lavrov", "on March 29 after arriving"),  # inside nothing
        ],
    )
    assert kinds == ["correct", "wrong_speaker", "unjudged", "spurious"]
    assert found == [True, False]


@pytest.mark.corpora
def test_polnear_dev_quote_level_floor(corpora):
    # Issue 12 metric: 0.771 P / 0.498 R before the rules, 0.872 / 0.492 after the first
    # round, 0.880 / 0.519 after the second (statement cues, content boundaries), 0.883 / 0.545
    # after the third (verbs of communication, mixed quotes, subjects past openers and titles),
    # 0.884 / 0.549 after the fourth (subjects past appositions and relative clauses, organisation
    # names, places in lists; the recall target 0.62 is not reached), 0.884 / 0.550 after the fifth
    # (subjects of coordinated verbs), 0.887 / 0.554 after the sixth (subjects past quoted asides,
    # "As X put it", content before a closing gloss), 0.889 / 0.557 after the seventh (participle
    # subjects past openers, possessive role nouns, mixed quotes before a trailing attribution),
    # 0.891 / 0.557 after the eighth (counts, hypotheticals, possessed names, organisation names),
    # 0.892 / 0.5635 after the ninth (sources and cues, content boundaries), 0.896 / 0.5687 after
    # the tenth (headline speakers, groups, cues after "to", topic cues), 0.898 / 0.5765 after the
    # eleventh (noun cues, attributions opening the sentence, unclaimed quotations and content
    # boundaries), 0.908 / 0.586 after the twelfth (content boundaries, speech cues without a
    # Source, quotes given to the wrong speaker), 0.909 / 0.5886 after the thirteenth (speech
    # and statement cues, participle and question shapes), 0.9067 / 0.5955 after the fourteenth
    # (precision traded for recall within the target: light-verb and topic cues, described Sources
    # tied to a named person), 0.9071 / 0.5981 after the fifteenth (headline speakers, content
    # boundaries, speaker names and types), 0.9080 / 0.6067 after the sixteenth (phrasal, topic
    # and light-verb cues, one-word stance objects, Sources far from their cue), 0.9081 / 0.6076
    # after the seventeenth, 0.9101 / 0.6093 after the eighteenth (content boundaries), 0.9112 /
    # 0.6111 after the nineteenth (documents' makers, content ending before another attribution),
    # 0.9122 / 0.6128 after the twentieth (one passage one quote, content boundaries, quotation
    # fragments, statement cues), 0.9125 / 0.6145 after the twenty-first (reports kept before a
    # next-sentence quotation, content boundaries, split quotations, passive reports), 0.9128 /
    # 0.6171 after the twenty-second (documents' makers, "of" titles, roles resolved by office),
    # 0.9130 / 0.6180 after the twenty-third (verb forms, questions, headlines, passives),
    # 0.9132 / 0.6206 after the twenty-fourth (plural present, participle cues, content boundaries),
    # which meets issue 12's target; this floor guards it.
    result = quote_metric.evaluate(corpora / "polnear" / "data" / "dev")
    assert (result["articles"], result["named_gold"]) == (84, 1157)
    assert result["precision"] >= 0.912  # 863 / 945 = 0.9132 (twenty-fourth round)
    assert result["recall"] >= 0.62  # 718 / 1,157 = 0.6206 (twenty-fourth round): issue 12's target
