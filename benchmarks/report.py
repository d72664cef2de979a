"""Writing one marked section of BENCHMARKS.md (shared by the benchmark scripts)."""

from __future__ import annotations

import platform
import re
from pathlib import Path


def markers(name: str) -> tuple[str, str]:
    return f"<!-- {name}:begin -->", f"<!-- {name}:end -->"


def write_section(path: Path, text: str, *, name: str, heading: str) -> None:
    """Replace the ``name`` section (between its markers) of ``path``, or append it under
    ``heading``. ``text`` holds the markers."""
    begin, end = markers(name)
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    if pattern.search(old):
        new = pattern.sub(lambda _: text, old)
    else:
        new = old.rstrip() + f"\n\n## {heading}\n" + text + "\n"
    path.write_text(new, encoding="utf-8")


def machine() -> str:
    import os

    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
