"""Pure extraction: ``Article`` -> ``Extracted`` (clean body, outlet, date, speakers, entities).

No I/O and no Whoosh here, so every step is easy to unit-test and to score against gold data
(``scripts/eval_extraction.py``).  Each step lives in its own module:

- ``clean``:    web boilerplate and reader-comment removal
- ``outlet``:   outlet resolution (metadata, URL site, signature line) and outlet-name normalisation
- ``dates``:    publication-date resolution (sidecar or metadata, URL, file name; a day named in the
                text only with a year known from a sidecar or the URL; never guessed)
- ``quotes``:   quote records and speaker attribution
- ``entities``: people, organisations and places
- ``names``:    accent/transliteration folding, canonical name keys and the user alias file

These modules run compiled by mypyc when ``scripts/compile_extraction.py`` built them from today's
sources (``_compiled``, imported first, decides; ``implementation()`` says which ran).
"""

from __future__ import annotations

from index.article import Article, Extracted
from index.extract import _compiled  # first: it installs the finder of the compiled modules
from index.extract.clean import clean_body
from index.extract.dates import resolve_date
from index.extract.entities import extract_entities
from index.extract.names import canonicalize
from index.extract.outlet import resolve_outlet
from index.extract.quotes import extract_speakers
from search import schema as S
from search.names import AliasTable

__all__ = ["extract", "implementation", "AliasTable", "EXTRACTION_VERSION"]

#: Bump it (in search/schema.py, where the index records it) when extraction output changes.
EXTRACTION_VERSION = S.EXTRACTION_VERSION


def extract(article: Article, aliases: AliasTable | None = None) -> Extracted:
    """Enrich one article.  ``aliases`` defaults to the built-in alias table."""
    aliases = aliases or AliasTable.default()
    body = clean_body(article.body, article.title)
    outlet, outlet_source = resolve_outlet(article, body, aliases)
    published, date_source = resolve_date(article)
    speakers = extract_speakers(body, article.title)
    entities = extract_entities(body, article.title, aliases)
    speakers, entities = canonicalize(speakers, entities, aliases)
    return Extracted(
        body=body,
        outlet=outlet,
        published=published,
        speakers=speakers,
        entities=entities,
        outlet_source=outlet_source,
        date_source=date_source,
    )


def implementation() -> str:
    """What runs extraction in this process: ``"compiled (mypyc 2.4.1)"`` or ``"pure Python (why)"``."""
    return _compiled.implementation()
