"""scripts/pick_python.py: which interpreter .venv is made from."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scripts import pick_python as P

REPO = Path(__file__).resolve().parents[1]


def _info(executable: str, seconds: float, *, version=(3, 11, 2), venv=True, headers=True,
          implementation="cpython") -> dict:
    return {"executable": executable, "version": list(version), "venv": venv, "headers": headers,
            "implementation": implementation, "seconds": seconds}


def test_python3_keeps_its_place_unless_another_is_clearly_faster():
    first = _info("/a/python3", 0.030)
    assert P.choose([first, _info("/b/python3.11", 0.028)]) is first  # 7 % faster: a near-tie
    faster = _info("/b/python3.11", 0.022)
    assert P.choose([first, faster]) is faster  # 36 % faster
    assert P.choose([first, faster, _info("/c/python3.12", 0.025)]) is faster


def test_interpreters_with_c_headers_come_first():
    with_headers = _info("/a/python3", 0.030)
    without = _info("/b/python3.11", 0.010, headers=False)
    assert P.choose([with_headers, without]) is with_headers
    assert P.choose([without]) is without  # better than none: extraction then runs pure Python
    assert P.choose([]) is None


def test_only_cpython_3_11_or_later_with_venv_is_suitable():
    assert P.suitable(_info("/a", 0.01))
    assert not P.suitable(_info("/a", 0.01, version=(3, 10, 13)))
    assert not P.suitable(_info("/a", 0.01, venv=False))
    assert not P.suitable(_info("/a", 0.01, implementation="pypy"))


def test_the_probe_reports_this_interpreter():
    info = P.probe(sys.executable)
    assert info is not None
    assert info["executable"] == str(Path(sys.executable).resolve())
    assert info["version"] == list(sys.version_info[:3]) and info["implementation"] == "cpython"
    assert info["venv"] is True and info["seconds"] > 0
    assert P.probe("/nonexistent/python3") is None


def test_dateline_python_overrides_the_search():
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "pick_python.py")], capture_output=True,
                          text=True, check=True, env={"DATELINE_PYTHON": "/opt/python/bin/python3.12",
                                                      "PATH": "/usr/bin:/bin"})
    assert done.stdout == "/opt/python/bin/python3.12\n"


def test_the_choice_is_a_suitable_interpreter_on_this_machine():
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "pick_python.py")], capture_output=True,
                          text=True, check=True)
    info = P.probe(done.stdout.strip())
    assert info is not None and P.suitable(info)


def test_the_minimum_is_pyprojects_requires_python():
    import tomllib

    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["requires-python"] == ">=" + ".".join(map(str, P.MINIMUM))
