"""webui/cli.py: the ``dateline`` commands take the same alias file (issue 11.6)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from webui.cli import main

RECORDS = [
    {"id": "nf", "title": "Front statement", "body": "The Northern Front said the road is open.",
     "organizations": ["Northern Front"]},
    {"id": "other", "title": "Weather", "body": "Rain is expected on Tuesday."},
]


def _ids(output: str) -> list[str]:
    return [hit["id"] for hit in json.loads(output)["hits"]]


def test_search_uses_the_alias_file_given_by_flag_or_environment(make_index, tmp_path):
    index_dir = make_index(RECORDS)
    aliases = tmp_path / "aliases.txt"
    aliases.write_text("[organizations]\nNorthern Front = NF\n", encoding="utf-8")
    runner = CliRunner()
    base = ["search", "organization:NF", "--index", str(index_dir), "--json"]

    without = runner.invoke(main, base, env={"DATELINE_ALIASES": ""})
    assert without.exit_code == 0, without.output
    assert _ids(without.output) == []  # nothing but the alias file knows that NF is the Northern Front

    by_flag = runner.invoke(main, [*base, "--aliases", str(aliases)])
    assert by_flag.exit_code == 0, by_flag.output
    assert _ids(by_flag.output) == ["nf"]

    by_env = runner.invoke(main, base, env={"DATELINE_ALIASES": str(aliases)})
    assert _ids(by_env.output) == ["nf"]

    filtered = runner.invoke(main, ["search", "--organization", "NF", "--index", str(index_dir), "--json",
                                    "--aliases", str(aliases)])
    assert _ids(filtered.output) == ["nf"]


def test_a_missing_alias_file_is_a_clear_error(make_index, tmp_path):
    result = CliRunner().invoke(main, ["search", "x", "--index", str(make_index(RECORDS)),
                                       "--aliases", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "nope.txt" in result.output and "does not exist" in result.output


def test_index_says_which_extraction_runs_unless_quiet(tmp_path):
    from index.extract import implementation

    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.txt").write_text("Headline\nThe minister said the road is open.\n", encoding="utf-8")
    runner = CliRunner()
    shown = runner.invoke(main, ["index", str(archive), "--index", str(tmp_path / "i"), "--jobs", "1"])
    assert shown.exit_code == 0, shown.output
    assert f"extraction: {implementation()}\n" in shown.output
    assert implementation().startswith(("compiled (mypyc ", "pure Python ("))
    quiet = runner.invoke(main, ["index", str(archive), "--index", str(tmp_path / "j"), "--jobs", "1", "-q"])
    assert quiet.exit_code == 0, quiet.output
    assert "extraction:" not in quiet.output
