# Sourced by scripts/demo and scripts/test: create .venv if missing, install the project into it and
# compile its extraction modules (scripts/compile_extraction.py).
# Usage: ensure_venv [EXTRA]   (EXTRA is an optional-dependency group, e.g. "dev")
ensure_venv() {
  local extra="${1:-}"
  if [ ! -x .venv/bin/python ]; then
    # The fastest suitable CPython here, measured (scripts/pick_python.py): a statically linked,
    # profile-optimised build runs extraction ~27 % faster than pyenv's shared-library one.
    # DATELINE_PYTHON=/path/to/python chooses it yourself.
    local python
    python="$(python3 scripts/pick_python.py)" || python=python3
    echo "creating .venv with $python" >&2
    "$python" -m venv .venv
    .venv/bin/python -m pip install --quiet --upgrade pip
  fi
  # The "compile" extra is mypy, whose mypyc compiles extraction below.
  echo "installing dateline${extra:+ with $extra extras} into .venv" >&2
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[compile${extra:+,$extra}]"
  # Extraction compiled by mypyc into build/compiled/ (about a quarter less CPU, the same output); "up to
  # date" when nothing changed.  Without a C compiler it says so once and extraction runs in pure
  # Python, so a failure here does not fail the install.
  .venv/bin/python scripts/compile_extraction.py || true
}
