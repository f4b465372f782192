"""The README as data: its code blocks and command lines, and running ``dateline`` as it shows."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def blocks(lang: str) -> list[str]:
    """The contents of the README's ``lang`` code blocks."""
    return re.findall(rf"^```{lang}\n(.*?)^```", README, flags=re.S | re.M)


def shell_lines(prefix: str) -> list[str]:
    """Lines of ``sh`` blocks starting with ``prefix``, without trailing comments."""
    lines = []
    for block in blocks("sh"):
        for line in block.splitlines():
            if line.startswith(prefix):
                lines.append(re.sub(r"\s+#.*$", "", line).strip())
    return lines


def run_dateline(args: list[str], env: dict) -> subprocess.CompletedProcess:
    """``dateline ARGS`` in the repository with this Python, output captured."""
    cmd = [sys.executable, "-c", "from webui.cli import main; main()", *args]
    return subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, env=env, timeout=600)
