"""The extraction speed task (``scripts/eval/speed.py``) on the five sample articles."""

from pathlib import Path

from scripts.eval import speed

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "archive"


def test_speed_task_times_every_article_in_fresh_processes_and_says_what_ran():
    result = speed.evaluate(EXAMPLES, n=5, repeats=2)
    assert result["articles"] == 5
    assert len(result["runs"]) == 2 and result["cpu_seconds"] == min(result["runs"])
    assert result["articles_per_second"] == 5 / result["cpu_seconds"]
    assert result["implementation"].startswith(("compiled (mypyc", "pure Python ("))


def test_speed_task_skips_without_a_corpus(tmp_path):
    assert speed.evaluate(tmp_path / "absent") == {"skipped": f"no corpus at {tmp_path / 'absent'}"}
