# Sourced by scripts/demo and scripts/test: create .venv if missing and install the project into it.
# Usage: ensure_venv [EXTRA]   (EXTRA is an optional-dependency group, e.g. "dev")
ensure_venv() {
  local extra="${1:-}"
  if [ ! -x .venv/bin/python ]; then
    echo "creating .venv" >&2
    python3 -m venv .venv
    .venv/bin/python -m pip install --quiet --upgrade pip
  fi
  local target="."
  [ -n "$extra" ] && target=".[$extra]"
  echo "installing dateline${extra:+ with $extra extras} into .venv" >&2
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$target"
}
