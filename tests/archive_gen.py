"""A generated news archive: a few hundred articles with outlets, dates, speakers and copies.

Deterministic for a seed.  Articles are JSON Lines records (title, body, outlet, date, url) as
scrapers write them, so both backends read them through the real readers and extraction.  The
bodies mix a small vocabulary with quotes attributed to known speakers, so every facet (outlets
with two spellings, speakers, people, organisations, places, months) has values shared by many
articles, and some articles are republished by other outlets with their paragraphs shuffled
(copy clusters).
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

OUTLETS = ["TASS", "Anadolu Agency", "Reuters", "RT", "Al Jazeera", "Daily Sabah", "SouthFront",
           "Hurriyet Daily News", "reuters"]
SPEAKERS = [
    ("Sergey Lavrov", "Russian Foreign Minister"), ("Dmitry Peskov", "Kremlin spokesman"),
    ("Maria Zakharova", "Foreign Ministry spokeswoman"), ("Recep Tayyip Erdoğan", "Turkish President"),
    ("Mevlüt Çavuşoğlu", "Turkish Foreign Minister"), ("Hulusi Akar", "Turkish Defence Minister"),
    ("Vladimir Putin", "Russian President"), ("Geir Pedersen", "UN envoy"),
]
PLACES = ["Idlib", "Ankara", "Moscow", "Damascus", "Sochi", "Aleppo", "Geneva", "Astana"]
ORGANISATIONS = ["Hayat Tahrir al-Sham", "NATO", "United Nations", "Syrian Democratic Forces"]
TOPICS = [
    "the ceasefire in {place}", "the de-escalation zone around {place}", "joint patrols near {place}",
    "the Sochi memorandum", "humanitarian corridors to {place}", "talks in {place}",
    "the withdrawal of heavy weapons from {place}", "observation posts around {place}",
]
CLAIMS = [
    "{org} fighters must leave {place} before any settlement is possible",
    "the agreement on {topic} is still in force despite many difficulties",
    "terrorists are using {place} as a base for attacks on civilians",
    "a new round of consultations on {topic} will take place next week",
    "nobody has the right to violate {topic}",
    "the situation in {place} remains tense but under control",
]
FILLER = [
    "Officials in {place} declined to comment on the reports.",
    "The fighting has displaced thousands of families since the start of the year.",
    "Diplomats said the talks on {topic} had made little progress.",
    "Local sources reported shelling near {place} overnight.",
    "Observers expect further negotiations on {topic} in the coming weeks.",
    "The statement followed a meeting with representatives of {org} in {place}.",
]


def _paragraphs(rng: random.Random) -> tuple[str, list[str]]:
    place = rng.choice(PLACES)
    topic = rng.choice(TOPICS).format(place=place)
    paragraphs = []
    for _ in range(rng.randint(3, 6)):
        speaker, role = rng.choice(SPEAKERS)
        claim = rng.choice(CLAIMS).format(org=rng.choice(ORGANISATIONS), place=rng.choice(PLACES),
                                          topic=topic)
        quote = f"“{claim[0].upper()}{claim[1:]},” {role} {speaker} said on Monday."
        filler = " ".join(rng.choice(FILLER).format(place=rng.choice(PLACES), topic=topic,
                                                    org=rng.choice(ORGANISATIONS))
                          for _ in range(rng.randint(1, 3)))
        paragraphs.append(f"{quote} {filler}" if rng.random() < 0.5 else f"{filler} {quote}")
    title = f"{rng.choice(SPEAKERS)[0].split()[-1]} on {topic}"
    return title, paragraphs


def records(count: int = 300, seed: int = 13) -> list[dict]:
    """``count`` article records (about one in ten a shuffled copy of an earlier one)."""
    rng = random.Random(seed)
    first = date(2019, 1, 1)
    made: list[dict] = []
    for n in range(count):
        if made and rng.random() < 0.1:
            original = rng.choice(made)
            paragraphs = original["body"].split("\n\n")
            rng.shuffle(paragraphs)
            title, body = original["title"], "\n\n".join(paragraphs)
            day = date.fromisoformat(original["date"]) + timedelta(days=rng.randint(0, 3)) \
                if original["date"] else None
        else:
            title, paragraphs = _paragraphs(rng)
            body = "\n\n".join(paragraphs)
            day = None if rng.random() < 0.05 else first + timedelta(days=rng.randint(0, 540))
        made.append({
            "id": f"gen-{n:04d}",
            "title": title,
            "body": body,
            "outlet": rng.choice(OUTLETS),
            "date": day.isoformat() if day else None,
            "url": f"https://news.example/{n:04d}",
        })
    return made


def write_archive(folder: Path, count: int = 300, seed: int = 13, per_file: int = 100) -> Path:
    """Write the generated archive as JSON Lines files into ``folder``; returns ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    made = records(count, seed)
    for start in range(0, len(made), per_file):
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in made[start:start + per_file])
        (folder / f"part-{start // per_file:02d}.jsonl").write_text(lines, encoding="utf-8")
    return folder
