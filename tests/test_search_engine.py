"""Engine behaviour on a five-article in-memory-sized index, with exact expectations."""

import json
from datetime import date

import numpy as np
import pytest

from index.storage import open_index
from search import schema as S
from search.engine import get_article, search
from search.facets import FacetCache
from search.request import QueryError, SearchRequest
from search.stored_record import record_text

RECORDS = [
    {
        "id": "a",
        "title": "Idlib talks in Sochi",
        "body": "Lavrov said the Idlib memorandum holds.",
        "outlet": "Al Jazeera",
        "published": date(2020, 3, 5),
        "speakers": {"Sergey Lavrov": ["The Idlib memorandum holds."]},
        "places": ["Idlib", "Sochi"],
    },
    {
        "id": "b",
        "title": "Kremlin on Idlib",
        "body": "Peskov said terrorists must stop shelling Idlib.",
        "outlet": "TASS",
        "published": date(2020, 3, 20),
        "speakers": {"Dmitry Peskov": ["Terrorists must stop shelling."]},
        "places": ["Idlib"],
    },
    {
        "id": "c",
        "title": "Ankara responds",
        "body": "Erdoğan said Turkey will defend its posts in Idlib.",
        "outlet": "Al Jazeera",
        "published": date(2020, 4, 2),
        "speakers": {"Recep Tayyip Erdoğan": ["Turkey will defend its posts."]},
        "persons": ["Recep Tayyip Erdoğan"],
    },
    {
        "id": "d",
        "title": "Markets",
        "body": "Stocks rose on Monday.",
        "outlet": "Reuters",
        "published": date(2019, 1, 7),
    },
    {
        "id": "e",
        "title": "Undated <script>alert(1)</script> note",
        "body": "Idlib <b>bold</b> claim.",
        "outlet": None,
        "published": None,
    },
]


@pytest.fixture
def run(make_index):
    ix = open_index(make_index(RECORDS))
    cache = FacetCache()

    def _run(**args):
        with ix.searcher() as searcher:
            return search(searcher, SearchRequest.from_args(args), facet_cache=cache)

    return _run


def counts(result, kind):
    return {v.value: v.count for v in result.facets[kind]}


def test_total_hits_and_relevance(run):
    result = run(q="idlib")
    assert result.total == 4
    assert {h.id for h in result.hits} == {"a", "b", "c", "e"}
    assert result.hits[0].id in {"a", "b"}  # title + body matches outrank body-only ones


def test_facet_counts_over_all_matches(run):
    result = run(q="idlib")
    assert counts(result, "outlet") == {"Al Jazeera": 2, "TASS": 1}
    assert counts(result, "speaker") == {"Sergey Lavrov": 1, "Dmitry Peskov": 1, "Recep Tayyip Erdoğan": 1}
    assert counts(result, "place") == {"Idlib": 2, "Sochi": 1}
    assert [(m.value, m.count) for m in result.facets["month"]] == [("2020-03", 2), ("2020-04", 1)]


def test_filters_or_within_and_across_facets_disjunctive_counts(run):
    result = run(q="idlib", outlet=["Al Jazeera", "TASS"], speaker="Dmitry Peskov")
    assert [h.id for h in result.hits] == ["b"]
    # The speaker facet ignores its own selection: other speakers stay visible with counts.
    assert counts(result, "speaker") == {"Sergey Lavrov": 1, "Dmitry Peskov": 1, "Recep Tayyip Erdoğan": 1}
    # Selected values stay listed (to be removable) even when other filters leave them at zero.
    assert counts(result, "outlet") == {"TASS": 1, "Al Jazeera": 0}
    assert {v.value for v in result.facets["outlet"] if v.selected} == {"Al Jazeera", "TASS"}


def test_filter_values_fold_accents(run):
    result = run(speaker="Recep Tayyip Erdogan")
    assert [h.id for h in result.hits] == ["c"]


def test_query_language_name_fields(run):
    assert [h.id for h in run(q="speaker:erdogan").hits] == ["c"]
    assert [h.id for h in run(q="outlet:jazeera", sort="oldest").hits] == ["a", "c"]


def test_date_range_and_sorting(run):
    assert [h.id for h in run(**{"from": "2020-03-10", "to": "2020-12-31"}, sort="newest").hits] == ["c", "b"]
    assert [h.id for h in run(sort="oldest").hits] == ["d", "a", "b", "c", "e"]
    assert [h.id for h in run(sort="newest").hits] == ["c", "b", "a", "d", "e"]


@pytest.mark.parametrize("q, ids", [
    ("date:[2020-03-01 TO 2020-03-15]", ["a"]),
    ("date:[2020-03-06 TO 2020-04-02]", ["b", "c"]),
    ("date:[2019-01-01 TO 2019-06-30]", ["d"]),
    ("date:2020-03", ["a", "b"]),
    ("idlib date:[2020-03-15 TO]", ["b", "c"]),
])
def test_date_queries_return_exactly_the_days_asked_for(run, q, ids):
    """Issue 11.6: with Whoosh's DateParserPlugin a range returned its whole first year."""
    assert sorted(h.id for h in run(q=q).hits) == ids


def test_fuzzy_and_prefix_terms_match_and_highlight_their_words(run):
    result = run(q="lavrof~")
    assert [h.id for h in result.hits] == ["a"]
    assert "<mark>Lavrov</mark>" in result.hits[0].snippet
    assert sorted(h.id for h in run(q="termin* OR terror*").hits) == ["b"]


def test_paging(run):
    first = run(sort="oldest", per_page="2")
    second = run(sort="oldest", per_page="2", page="2")
    assert (first.total, first.pages) == (5, 3)
    assert [h.id for h in first.hits] == ["d", "a"]
    assert [h.id for h in second.hits] == ["b", "c"]


def test_snippets_mark_matches_and_escape_html(run):
    result = run(q="claim")
    assert result.hits[0].snippet == "Idlib &lt;b&gt;bold&lt;/b&gt; <mark>claim</mark>."
    assert result.hits[0].title == "Undated <script>alert(1)</script> note"  # escaped by templates


def test_speaker_filter_snippet_shows_their_quote(run):
    result = run(q="terrorists", speaker="Dmitry Peskov")
    assert result.hits[0].snippet == "<mark>Terrorists</mark> must stop shelling."


def test_bad_query_raises_query_error(run):
    with pytest.raises(QueryError):
        run(q="*")


def test_get_article(make_index):
    ix = open_index(make_index(RECORDS))
    with ix.searcher() as searcher:
        article = get_article(searcher, "a")
        assert article["speakers"][0]["name"] == "Sergey Lavrov"
        assert article["body"] == "Lavrov said the Idlib memorandum holds."
        assert get_article(searcher, "../../etc/passwd") is None


def test_totals_and_facets_equal_brute_force(make_index):
    """Random articles and filters: engine counts equal a direct count over the records."""
    rng = np.random.default_rng(7)
    outlets = ["CNN", "Fox", "BBC", "NPR"]
    words = ["idlib", "turkey", "russia", "market", "vote"]
    speakers = ["Ann Lee", "Bo Chan", "Cy Diaz"]
    records = []
    for i in range(120):
        text = " ".join(rng.choice(words, 4))
        records.append(
            {
                "id": f"r{i}",
                "title": f"Story {i}",
                "body": text,
                "outlet": outlets[i % 4],
                "published": date(2020, 1 + i % 12, 1 + i % 27),
                "speakers": {s: [text] for s in speakers if rng.random() < 0.4},
            }
        )
    ix = open_index(make_index(records))
    cache = FacetCache()
    with ix.searcher() as searcher:
        for word in words:
            for outlet_filter in ([], ["CNN", "BBC"]):
                args = {"q": word, "outlet": outlet_filter}
                result = search(searcher, SearchRequest.from_args(args), facet_cache=cache)
                matching = [r for r in records if word in r["body"].split()]
                final = [r for r in matching if not outlet_filter or r["outlet"] in outlet_filter]
                assert result.total == len(final)
                assert counts(result, "outlet") == _count(r["outlet"] for r in matching)
                assert counts(result, "speaker") == _count(s for r in final for s in r["speakers"])


def _count(values):
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return out


SCOPE_RECORDS = [
    {
        "id": "s1",
        "title": "Lavrov on Idlib",
        "body": "Lavrov spoke. Peskov said terrorists attacked.",
        "speakers": {
            "Sergey Lavrov": ["We will move forward step by step."],
            "Dmitry Peskov": ["Terrorists attacked our positions."],
        },
    },
    {
        "id": "s2",
        "title": "Lavrov warns",
        "body": "Lavrov said terrorists must leave Idlib.",
        "speakers": {"Sergey Lavrov": ["Terrorists must leave Idlib."]},
    },
    {
        "id": "s3",
        "title": "Zakharova on terror",
        "body": "Zakharova spoke.",
        "speakers": {"Maria Zakharova": ["Terror has no place in Idlib."]},
    },
]


@pytest.mark.parametrize(
    "args",
    [{"q": "speaker:lavrov quote:terrorists"}, {"q": "quote:terrorists", "speaker": "Sergei Lavrov"},
     # An expanded term needs one of its words, not all of them (terror*: terrorist, terrorists).
     {"q": "speaker:lavrov quote:terror*"}, {"q": "speaker:lavrov quote:terrorsts~"},
     {"q": "speaker:lavrov (quote:terrorists OR quote:jihadists)"}],
)
def test_quote_search_is_scoped_to_the_speaker(make_index, args):
    ix = open_index(make_index(SCOPE_RECORDS))
    with ix.searcher() as searcher:
        result = search(searcher, SearchRequest.from_args(args), facet_cache=FacetCache())
    assert [h.id for h in result.hits] == ["s2"]
    assert result.total == 1
    assert result.hits[0].snippet == "<mark>Terrorists</mark> must leave Idlib."


def test_quote_search_without_speaker_is_article_level(make_index):
    ix = open_index(make_index(SCOPE_RECORDS))
    with ix.searcher() as searcher:
        result = search(
            searcher, SearchRequest.from_args({"q": "quote:terrorists"}), facet_cache=FacetCache()
        )
    assert sorted(h.id for h in result.hits) == ["s1", "s2"]


@pytest.mark.parametrize(
    "phrase",
    ['"talks continue"', '"the talks"', '"talks of peace"', '"peace peace"', '"continue talks"',
     '"talks continue today"', '"absent words"', 'title:"idlib talks"', '"idlib talks" NOT "talks continue"'],
)
def test_phrase_matches_are_whooshs_and_ranked_pages_hold_only_them(tmp_path, phrase):
    from whoosh import query as Q

    from index.storage import create_index
    from search.budget import Deadline
    from search.engine import _matched_docs
    from search.postings import PostingsCache
    from search.query import parse_query
    from search.ranking import for_ranking

    bodies = ["Talks continue today.", "The talks of peace continue.", "Peace peace talks continue now.",
              "Continue talks, talks continue.", "Talks, and then continue.", "Idlib talks continue."]
    ix = create_index(tmp_path / "ix")
    with ix.writer() as writer:
        for i, body in enumerate(bodies):
            writer.add_document(**{S.ID: f"d{i}", S.TITLE: "Idlib talks" if i % 2 else "News", S.BODY: body})
    with ix.writer() as writer:  # a second segment, with a deletion in the first
        writer.delete_by_term(S.ID, "d3")
        writer.add_document(**{S.ID: "d9", S.TITLE: "Idlib talks", S.BODY: "Talks continue in Idlib."})
    with ix.searcher() as searcher:
        parsed = parse_query(phrase, searcher.schema)
        ours = _matched_docs(searcher, parsed, PostingsCache(searcher), Deadline(None)).tolist()
        assert ours == sorted(searcher.docs_for_query(parsed))
        if ours:  # (Whoosh reads an empty filter as none)
            ranked = searcher.search(for_ranking(parsed), limit=None, filter=set(ours))
            assert sorted(hit.docnum for hit in ranked) == ours
    assert isinstance(for_ranking(Q.Phrase(S.BODY, ["a", "b"])), Q.And)


def test_a_filter_that_excludes_every_match_returns_no_hits(run):
    result = run(q="idlib", outlet="Reuters")  # Reuters has no Idlib story
    assert (result.total, result.hits) == (0, [])
    assert run(q='"idlib memorandum"', outlet="TASS").hits == []



# -- the fast paths of a 10-hit page give the reference paths' answers -------------------------
@pytest.fixture(scope="module")
def generated_index(tmp_path_factory):
    """An index of the generated archive (tests/archive_gen.py), through readers and extraction."""
    from archive_gen import write_archive

    from index.writer import index_paths

    where = tmp_path_factory.mktemp("querycost")
    archive = write_archive(where / "archive", count=240, seed=17, per_file=80)
    index_paths([archive], where / "ix", jobs=1, progress=False, clock=lambda: GENERATED_CLOCK)
    return open_index(where / "ix")


#: When the generated archive's articles entered the index (a fixed clock: builds compare equal).
GENERATED_CLOCK = 1_600_000_000.0


GENERATED_QUERIES = [
    {"q": "said"}, {"q": "memorandum"}, {"q": "sochi"}, {"q": "ceasefire idlib"},
    {"q": '"joint patrols"'}, {"q": "talks", "outlet": "TASS"}, {"q": "said", "outlet": ["RT", "TASS"]},
    {"q": "attacks", "from": "2019-03-01", "to": "2019-03-31"}, {"q": "civilians", "from": "2019-01-01",
                                                                 "to": "2019-12-31"},
    {"q": "Idlib", "speaker": "Sergey Lavrov"}, {"q": "said", "sort": "newest", "page": "2"},
    {"q": "idlib", "place": "Idlib", "per_page": "50"}, {"q": "quantum"}, {"q": ""},
]


def _answers(ix) -> list[str]:
    with ix.searcher() as searcher:
        cache = FacetCache()
        answers = []
        for args in GENERATED_QUERIES:
            result = search(searcher, SearchRequest.from_args(args), facet_cache=cache, time_budget=None)
            result.took_ms = 0.0
            answers.append(json.dumps(result.to_dict(), ensure_ascii=False))
        return answers


def _whole_record(stored):
    record = json.loads(record_text(stored))
    return record.get("speakers", []), record.get(S.INDEXED)


def test_generated_archive_answers_equal_the_reference_paths(generated_index, monkeypatch):
    """Totals, facet counts, order, snippets and the JSON bytes: the same with every fast path of
    the fixed per-query cost replaced by the code it replaced (the analyzer's token-by-token span
    scan, facet counts over the whole vocabulary and the previous choice of the top values,
    Whoosh's parser for plain words, ``dataclasses.asdict``, records decoded whole)."""
    import reference_facets
    from result_shapes import asdict_shape

    from search import engine, facets, highlight, query, results

    fast = _answers(generated_index)
    monkeypatch.setattr(highlight, "match_spans", highlight._FORMS.spans)
    monkeypatch.setattr(facets, "SPARSE_RATIO", 0)  # always the dense count
    monkeypatch.setattr(engine, "_facets", reference_facets.facets)
    monkeypatch.setattr(query, "plain_word", lambda text: None)  # every query through Whoosh's parser
    monkeypatch.setattr(engine, "hit_record", _whole_record)  # every record decoded whole
    monkeypatch.setattr(engine, "hit_names", lambda raw: (
        [s["name"] for s in _whole_record(raw)[0]], _whole_record(raw)[1]))
    monkeypatch.setattr(results.SearchResult, "to_dict", asdict_shape)
    reference = _answers(generated_index)
    assert fast == reference
    shapes = [json.loads(a) for a in fast]
    assert sum(bool(a["hits"]) for a in shapes) == len(GENERATED_QUERIES) - 1  # all but "quantum"
    snippets = [h["snippet"] for a in shapes[:13] for h in a["hits"]]
    assert sum("<mark>" in s for s in snippets) > len(snippets) // 2  # the snippets do highlight


def test_an_index_of_json_text_records_answers_as_one_of_cards(generated_index, tmp_path, monkeypatch):
    """Indexes written before records were stored as cards (the record as JSON text) answer
    every query with the same JSON, byte for byte."""
    from archive_gen import write_archive

    from index.writer import index_paths
    from search import stored_record

    monkeypatch.setattr(stored_record, "pack", lambda text, names, indexed: text)  # the old form
    archive = write_archive(tmp_path / "archive", count=240, seed=17, per_file=80)
    index_paths([archive], tmp_path / "ix", jobs=1, progress=False, clock=lambda: GENERATED_CLOCK)
    older = open_index(tmp_path / "ix")
    for ix, form in ((older, str), (generated_index, tuple)):
        with ix.searcher() as searcher:
            assert {type(fields[S.RECORD]) for fields in searcher.all_stored_fields()} == {form}
    assert _answers(older) == _answers(generated_index)
    with older.searcher() as old, generated_index.searcher() as new:
        for article_id in ("archive/part-00.jsonl#7", "archive/part-01.jsonl#21"):
            assert get_article(old, article_id) == get_article(new, article_id)


def test_facet_counts_sparse_and_dense_agree(generated_index, monkeypatch):
    """Both branches of ``count_nonzero`` and the top values equal a count document by document."""
    import reference_facets

    from search import facets
    from search.engine import top_ordinals

    with generated_index.searcher() as searcher:
        arrays = FacetCache().arrays(searcher)
    rng = np.random.default_rng(3)
    for size in (0, 1, 5, 40, arrays.ndocs):
        docs = np.sort(rng.choice(arrays.ndocs, size=size, replace=False))
        for kind in S.FACET_KINDS:
            vocabulary = len(arrays.display[kind])
            dense = np.zeros(vocabulary, dtype=np.int64)
            indptr, ords = arrays.indptr[kind], arrays.ords[kind]
            for doc in docs.tolist():
                for ordinal in ords[indptr[doc]:indptr[doc + 1]].tolist():
                    if ordinal < vocabulary:
                        dense[ordinal] += 1
            for ratio in (0, 10**9):  # the dense branch, then the sorting branch
                monkeypatch.setattr(facets, "SPARSE_RATIO", ratio)
                ordinals, counts = arrays.count_nonzero(kind, docs)
                assert ordinals.tolist() == np.flatnonzero(dense).tolist()
                assert counts.tolist() == dense[ordinals].tolist()
                keys = arrays.vocab[kind].keys
                ranked = sorted(ordinals.tolist(), key=lambda o: (-dense[o], keys[o], o))
                for limit in (1, 3, 20):
                    top = top_ordinals(ordinals, counts, arrays.key_ranks(kind), limit)
                    assert set(top) == set(ranked[:limit])
                    # The same list, in the same order, as the previous implementation.
                    assert top == reference_facets.top_ordinals(ordinals, counts, keys, limit)


def test_arrays_are_warmed_once_per_set_of_segments(make_index, monkeypatch):
    """The warm-up (facet key ranks and totals, months, ranking lengths) runs for the first search
    on a FacetArrays only; later searches on the same arrays skip it and answer the same."""
    from search import engine

    warmed = []
    real_warm = engine._warm
    monkeypatch.setattr(engine, "_warm", lambda searcher, arrays: (warmed.append(id(arrays)),
                                                                     real_warm(searcher, arrays)))
    ix = open_index(make_index(RECORDS))
    cache = FacetCache()
    with ix.searcher() as searcher:
        first = search(searcher, SearchRequest(q="idlib"), facet_cache=cache)
        second = search(searcher, SearchRequest(q="idlib"), facet_cache=cache)
        assert len(warmed) == 1
        assert [h.id for h in second.hits] == [h.id for h in first.hits]
        assert counts(second, S.OUTLET) == counts(first, S.OUTLET) == {"Al Jazeera": 2, "TASS": 1}
        other = FacetCache()  # other arrays (as after a commit): warmed again
        search(searcher, SearchRequest(q="idlib"), facet_cache=other)
        assert len(warmed) == 2
        assert warmed[1] == id(other.arrays(searcher)) != warmed[0]
