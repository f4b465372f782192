"""The one Whoosh schema of a Dateline index, its analyzers and its field names.

Everything that reads or writes the index imports the names from here; no other module spells a
field name as a string literal.

Two kinds of fields serve two jobs:

- *searchable* fields (``title``, ``body``, ``quote``, ``outlet``, ``speaker``, ``person``,
  ``organization``, ``place``, ``date``) back the query language (``speaker:lavrov``);
- one *column* (``facets``) holds each document's facet values and date in a compact encoding, read
  once per index segment into numpy arrays by :mod:`search.facets`.  Facet counts, filters and
  date sorting come from those arrays, never from postings: counting a KEYWORD field through
  Whoosh's ``groupedby`` costs seconds per query on tens of thousands of articles.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

from whoosh import fields
from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer

from search.analysis import FastText, text_analyzer

#: The version of extraction behind every stored record (speakers, quotes, entities, dates).
#: Bump when extraction output changes: the next `dateline index` run then re-extracts every
#: article.  (It also makes every source be read again, so reader changes take effect: 5 = HTML
#: page dates from htmldate's extensive search, site-name title suffixes, partial dates; 6 = issue-12
#: quote rules: headline stance verbs, belief verbs, content that stops before the writer's asides
#: and occasions; 7 = issue-12 third round: more verbs of communication, mixed quotes, subjects past
#: openers and titles, negation only in the cue's own verb group; 8 = issue-12 fourth round: subjects
#: past appositions, relative clauses and "and his aides", organisation names with "of"/"for",
#: places in lists, question openers, short attributed questions; 9 = issue-12 fifth round: the
#: subject of a verb coordinated with a cue past a subordinate clause or an organisation subject;
#: 10 = issue-12 sixth round: subjects past asides holding a short quotation, "As X put it", colon
#: quotes after a role noun, content ending before a closing ", which …" gloss or another named
#: subject's statement, stance objects through a list, the quotation after a cue line ending in
#: ":"; 11 = issue-12 seventh round: participle subjects past "And then" / "Hours later,", possessive
#: role nouns ("Merkel's spokesman"), a quotation after "said of X:", mixed quotes before a trailing
#: attribution, a bare verb after a modal kept in the content; 12 = issue-12 eighth round: no
#: statement from intentions in the progressive, counts after a verb or hypotheticals ("could have
#: considered"), possessed names before a noun-like cue, organisation names with "and" or a
#: purpose clause; 13 = issue-12 ninth round: sources (quotations closed by their own cue, noun-like
#: cues after a name, described subjects of ", saying", "made it clear", "shot back", role nouns)
#: and content boundaries (assurance verbs' listeners, dash asides, gerund subjects, coordinated
#: present verbs, "according to" vouching for the closest claim); 14 = issue-12 tenth round: headline
#: speakers, named groups with a plural head, cues after "to" ("went on to say"), asides before the
#: cue, topic cues ("spoke about"), content ending before a means or channel, a contrast clause or a
#: second participle; 15 = issue-12 eleventh round: noun cues ("Sanders's claim that"), attributions
#: opening the sentence ("As X said, …", "Noting that …, X said"), unclaimed quotations after reported
#: speech, content boundaries; 16 = issue-12 twelfth round: content split by a mid-sentence attribution,
#: content past asides and open quotations, speech cues without a Source (signature lines, transcript
#: turns, coordinated cues past asides), quotes given to the wrong speaker (chains of asides, nested
#: attributions, quotations another cue introduces, indefinite role descriptions); 17 = issue-12
#: thirteenth round: speech and statement cues (topic and verbal-attack verbs, clause-only speech
#: verbs), participle and question shapes, follow-on quotations closed by another speaker's
#: attribution, a quotation left open at the end of the text; 18 = issue-12 fourteenth round:
#: light-verb speech nouns and more topic cues, base forms after "to", described Sources tied to a
#: named person, frames between a name and its cue; 19 = issue-12 fifteenth round: headline
#: speakers, content boundaries, speaker names without their titles or descriptions and typed as
#: organisations from company and place words and the entity extractor; 20 = issue-12 sixteenth
#: round: phrasal, topic and light-verb cues, one-word stance objects, Sources far from their cue;
#: 21 = issue-12 seventeenth round: plural verbs of arguing, negation in an earlier verb group,
#: another subject's clause ending the content, the listener of "told" (media names and nouns),
#: two names before a colon, a colon's quotation for its sentence's subject; 22 = issue-12
#: eighteenth round: content boundaries (lists in stance objects, another speaker's "and X says",
#: "warned of/against", asides before "that"), and patterns that CPython 3.11.0-3.11.4 matched
#: wrongly (possessive groups, gh-106052), so indexes built there are extracted again; 23 =
#: issue-12 nineteenth round: documents' makers ("a poll released by X shows", "according to a
#: report from X"), institutions named with their complement, live-blog entry headings, a counted
#: number after the cue, another attribution of the sentence ending the content, naming verbs;
#: 24 = issue-12 twentieth round: one passage, one quote (a report ends before its speaker's own
#: quotation; a quotation inside its speaker's report, a report holding another's Source and cue
#: go), content boundaries (a sentence-final apposition or parenthesis, an inverted Source's
#: aside), trailing participles and the quotations they introduce, quotation fragments in their
#: clause, "in X's view", "made the case that", "identified X as", "informed X that", speaker
#: names without photo credits and abbreviated titles, no lone month, holiday or -ly word and no
#: all-caps headline phrase as a speaker; 25 = issue-12 twenty-first round: a report kept before a
#: quotation that opens the next sentence (the quotation goes to its own cue), content boundaries
#: (another Source's clause after "while", a noun subject after an occasion, audiences after
#: "told", the topic of "said of"), split and follow-on quotations, passive reports ("was first
#: reported by X"), department names before a title ("Health and Human Services Secretary X"),
#: institutions typed as organisations; 26 = issue-12 twenty-second round: documents with a
#: complement or an "of" maker speak through their maker, document-only verbs and absolute
#: phrases, titles joined by "of" ("Secretary of State John Kerry said"), name particles ("bin
#: Laden", "von der Leyen"), the first of coordinated Sources, holders of a document ("cited by X")
#: are no Source, a cue inside a "which" clause, a role resolved to its own office and rank, a
#: question's listener and a writer's tail after a dated cue are no content; 27 = issue-12
#: twenty-third round: speech verbs in every form ("vows to", "The Turkish government claims …"),
#: questions ("followed up by asking whether …"), passives of speech with their "by" agent, headline
#: stance objects and occasions, "responded by saying X" no passive agent, "everyone but X said",
#: statements not yet made ("is expected to announce"), acronyms of names holding an acronym; 28 =
#: issue-12 twenty-fourth round: a base-form speech verb after a named plural group ("Republican
#: strategists concede that"), a causative's named object ("prompted X to say"), participle cues
#: (a home-state tag, a gerund's named subject, a statement noun's participle for every conjunct
#: Source), content past a figure participle and nested curly quotations, headline colons after a
#: statement noun, nationalities, weekdays and scraped labels before names, one-word organisation
#: speakers typed by the gazetteer or "it".)
#: Here, not in index/extract, because exports of both backends name it and the search side must
#: not import the extractor.
EXTRACTION_VERSION = 28

# -- field names -------------------------------------------------------------------------------
ID = "id"
PATH = "path"
HASH = "hash"
TITLE = "title"
BODY = "body"
QUOTE = "quote"
OUTLET = "outlet"
SPEAKER = "speaker"
PERSON = "person"
ORGANIZATION = "organization"
PLACE = "place"
DATE = "date"
URL = "url"
AUTHORS = "authors"
RECORD = "record"  # stored JSON: extraction results and provenance shown on the article page
#: When the article first entered the index (UTC).  Not a Whoosh field of its own: it is kept in
#: the stored ``record`` (ISO 8601) and, for filters and sorting, in the ``facets`` column (seconds
#: since the epoch), so indexes built before it existed open and update without a schema change.
INDEXED = "indexed"
FACETS = "facets"  # column: compact facet values, see FacetRow

#: Facet-column list of the speakers typed organisation (same (key, display) pairs as SPEAKER).
#: Not a facet of its own: it types the speaker facet's values (people first, organisations
#: marked).  Columns written before it existed simply have no organisation speakers.
SPEAKER_ORGS = "speaker_org"
#: Facets counted for every search, in display order.  ``month`` is derived from the date.
FACET_KINDS = (OUTLET, SPEAKER, PERSON, ORGANIZATION, PLACE)
#: Name fields searchable with ``field:value`` in the query language.
NAME_FIELDS = (OUTLET, SPEAKER, PERSON, ORGANIZATION, PLACE)
#: Fields searched when a query term names no field, with their weights.
DEFAULT_FIELDS = {TITLE: 2.0, BODY: 1.0}
#: Friendlier spellings users type in queries, mapped to the schema's field names.
FIELD_ALIASES = {
    ORGANIZATION: ["organisation", "org"],
    PLACE: ["location", "loc"],
    DATE: ["published"],
    SPEAKER: ["said", "by"],
}


class NameFoldFilter(Filter):
    """Fold name tokens so every spelling of a name indexes and searches as one token.

    Delegates to :func:`search.names.fold_token` (accents, transliteration variants such as
    Sergey/Sergei, Hmeimim/Khmeimim), the same folding that groups facet values.
    """

    def __init__(self) -> None:
        from search.names import fold_token

        self._fold = fold_token

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def fold_text(self, text: str) -> str:
        """One token's folded text ("" drops the token): what ``__call__`` does to each token."""
        return self._fold(text)

    def __call__(self, tokens: Iterable) -> Iterator:
        fold = self._fold
        for token in tokens:
            token.text = fold(token.text)
            if token.text:
                yield token

    # Whoosh pickles the schema into the index's table of contents: keep the filter stateless.
    def __getstate__(self) -> dict:
        return {}

    def __setstate__(self, state: dict) -> None:
        self.__init__()


def name_analyzer():
    """Tokens of names (outlets, people, organisations, places): folded, never stemmed."""
    return RegexTokenizer(r"\w+(?:[-'’]\w+)*") | LowercaseFilter() | NameFoldFilter()


def build_schema() -> fields.Schema:
    """Return a fresh instance of the Dateline schema."""
    text = text_analyzer()
    names = name_analyzer()
    return fields.Schema(
        **{
            ID: fields.ID(stored=True, unique=True),
            PATH: fields.STORED(),
            HASH: fields.STORED(),
            TITLE: FastText(analyzer=text, stored=True, field_boost=2.0),
            BODY: FastText(analyzer=text, stored=True),
            QUOTE: FastText(analyzer=text),
            OUTLET: fields.TEXT(analyzer=names, stored=True),
            SPEAKER: fields.TEXT(analyzer=names),
            PERSON: fields.TEXT(analyzer=names),
            ORGANIZATION: fields.TEXT(analyzer=names),
            PLACE: fields.TEXT(analyzer=names),
            DATE: fields.DATETIME(stored=True),
            URL: fields.STORED(),
            AUTHORS: fields.STORED(),
            RECORD: fields.STORED(),
            FACETS: fields.COLUMN(),
        }
    )


# -- the facet column --------------------------------------------------------------------------
_EPOCH = date(1970, 1, 1)
# ``json.dumps`` with non-default settings builds a JSONEncoder per call; one encoder with the same
# settings, made once, writes the same text (a facet row is encoded per indexed article).
_facets_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


@dataclass(frozen=True)
class FacetRow:
    """One document's facet values: ``values[kind]`` is a list of (key, display) pairs.

    The key is the archive-wide canonical name key (:func:`search.names.name_key`), so two
    spellings of one name count as one facet value; the display spelling is chosen at search time.
    ``day`` is the publication date as days since 1970-01-01, or None when unknown; ``indexed``
    the time the article first entered the index, in seconds since the epoch (None in indexes
    built before it was recorded).  ``article`` is the article id, read into an array beside the
    facets so that copy clusters (:mod:`search.copies`, keyed by article id) map onto documents.
    """

    day: int | None
    values: dict[str, list[tuple[str, str]]]
    indexed: int | None = None
    article: str | None = None

    def encode(self) -> bytes:
        """Compact JSON bytes for the ``facets`` column."""
        payload = {"d": self.day, **{k: [list(p) for p in v] for k, v in self.values.items() if v}}
        if self.indexed is not None:
            payload["i"] = self.indexed
        if self.article is not None:
            payload["a"] = self.article
        return _facets_json(payload).encode("utf-8")

    @classmethod
    def decode(cls, raw: bytes | None) -> FacetRow:
        """Inverse of :meth:`encode`; an empty column value (deleted slot) decodes as no values."""
        if not raw:
            return cls(None, {})
        payload = json.loads(raw)
        day = payload.pop("d", None)
        indexed = payload.pop("i", None)
        article = payload.pop("a", None)
        return cls(day, {k: [tuple(p) for p in v] for k, v in payload.items()}, indexed, article)


def date_to_day(value: date | None) -> int | None:
    """Date -> days since the epoch (the facet column's date encoding)."""
    return None if value is None else (value - _EPOCH).days


def day_to_date(day: int) -> date:
    """Days since the epoch -> date."""
    return date.fromordinal(_EPOCH.toordinal() + int(day))


def date_to_datetime(value: date | None) -> datetime | None:
    """Whoosh's DATETIME field wants datetimes."""
    return None if value is None else datetime(value.year, value.month, value.day)


#: Characters no URL may contain: controls (C0, DEL, C1) and whitespace.  ``urlsplit`` silently
#: drops tabs and newlines (``java\tscript:``), so such a value is refused rather than repaired.
_URL_FORBIDDEN = re.compile(r"[\x00-\x20\x7f-\x9f\s]")
#: A URL :func:`web_url` keeps without splitting it: ``http``/``https`` (any case), a host of
#: ASCII letters, digits, dots and hyphens (no user, no brackets, no percent), an optional numeric
#: port, then anything printable ASCII after ``/``, ``?`` or ``#``.  ``urlsplit`` reads such a URL's
#: scheme and host as written, so the answer is the same; it was ~6 us per hit of a results page.
_PLAIN_WEB_URL = re.compile(r"[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9.-]+(?::[0-9]*)?(?:[/?#][!-~]*)?")


def web_url(value: object) -> str | None:
    """``value`` if it is an absolute ``http``/``https`` URL with a host, else None.

    The ``url`` field keeps only links a reader can follow safely: ``javascript:``, ``data:``,
    relative and malformed URLs found in scraped metadata are dropped when indexing, and again
    whenever a stored URL is output, so indexes built before this check are safe too.
    """
    if not isinstance(value, str):
        return None
    if _PLAIN_WEB_URL.fullmatch(value):
        return value
    url = value.strip()
    if not url or _URL_FORBIDDEN.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url
