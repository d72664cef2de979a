"""Convert an annotator's compact notes to the annotation file of the place gold.

The compact notation is quicker to write by hand than JSON; this script only changes the
format (it decides nothing). One sentence id on a line of its own (``p001``; ``p007 -``
asserts the sentence has no place mention), then one mention a line, indented:

    text[#occurrence] | type | role | country | admin1 | geonameid | claimants | note

``country`` is an ISO3 code, or ``multinational`` / ``undecidable`` (country null);
``claimants`` are ISO3 codes separated by commas; trailing fields may be left out. Lines
starting with ``#`` are comments.

    .venv/bin/python scripts/gold/places_compact.py gold/places/work/A.txt \\
        gold/places/annotations/A.jsonl
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

_SENTENCE = re.compile(r"^(p\d{3,})(\s+-)?\s*$")  # p001 ... p999, p1000 ...
_NO_COUNTRY = ("multinational", "undecidable")


class CompactError(Exception):
    pass


def parse_mention(line: str) -> dict:
    fields = [field.strip() for field in line.split("|")]
    if len(fields) < 4 or len(fields) > 8:
        raise CompactError("a mention needs 4 to 8 fields separated by '|'")
    fields += [""] * (8 - len(fields))
    text, kind, role, country, admin1, geonameid, claimants, note = fields
    text, _, occurrence = text.partition("#")
    if occurrence and not occurrence.isdigit():
        raise CompactError(f"occurrence {occurrence!r} is not a number")
    if geonameid and not geonameid.isdigit():
        raise CompactError(f"geonameid {geonameid!r} is not a number")
    return {
        "text": text.strip(),
        "occurrence": int(occurrence or 1),
        "type": kind,
        "role": role,
        "country": None if country in _NO_COUNTRY else country,
        "admin1": admin1 or None,
        "geonameid": int(geonameid) if geonameid else None,
        "claimants": [c.strip() for c in claimants.split(",") if c.strip()],
        "no_country": country if country in _NO_COUNTRY else None,
        "note": note,
    }


def convert(lines: list[str]) -> list[dict]:
    sentences: list[dict] = []
    empty: set[str] = set()
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            if match := _SENTENCE.match(stripped):
                if any(s["id"] == match.group(1) for s in sentences):
                    raise CompactError(f"sentence {match.group(1)} appears twice")
                sentences.append({"id": match.group(1), "mentions": []})
                if match.group(2):
                    empty.add(match.group(1))
            elif not line[:1].isspace() or not sentences:
                raise CompactError("a mention line must be indented under a sentence id")
            elif sentences[-1]["id"] in empty:
                raise CompactError(f"sentence {sentences[-1]['id']} is marked empty ('-')")
            else:
                sentences[-1]["mentions"].append(parse_mention(stripped))
        except CompactError as e:
            raise CompactError(f"line {number}: {e}") from e
    for sentence in sentences:
        if not sentence["mentions"] and sentence["id"] not in empty:
            raise CompactError(f"sentence {sentence['id']} has no mention and no '-' mark")
    return sentences


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    source, target = map(Path, argv)
    try:
        sentences = convert(source.read_text(encoding="utf-8").splitlines())
    except CompactError as e:
        print(f"{source}: {e}", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as handle:
        for sentence in sentences:
            handle.write(json.dumps(sentence, ensure_ascii=False) + "\n")
    print(f"wrote {target} ({len(sentences)} sentences)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
