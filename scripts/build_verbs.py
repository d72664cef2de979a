"""Build the events knowledge shipped in ``src/detente/data/events/``.

Reads (never at run time, only here):
  ../shared/data/dictionaries/petrarch2/CAMEO.2.0.txt   CAMEO verb dictionary (MIT, OEDA)
  ../shared/data/ontology/cameo_codes.csv                CAMEO names + Goldstein (ICEWS table)
  ../shared/data/ontology/cameo_to_plover.txt            CAMEO -> PLOVER category/mode/context
and our hand-written ``src/detente/data/events/plover_additions.tsv``.
Writes:
  src/detente/data/events/verbs.json   the verb lexicon in our format (detente-verbs/1)
  src/detente/data/events/cameo.tsv    code, root, name, goldstein, quad_class, plover, mode, context

Run: ``.venv/bin/python scripts/build_verbs.py [--shared PATH]``
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from detente.events.lexicon import parse_petrarch_verbs  # noqa: E402
from detente.knowledge import files  # noqa: E402
from detente.knowledge.tables import read_values  # noqa: E402

OUT = ROOT / "src" / "detente" / "data" / "events"


def quad_class(code: str) -> int:
    """CAMEO root -> quad class (GDELT/ICEWS convention)."""
    root = int(code[:2])
    if root <= 5:
        return 1  # verbal cooperation (statements, appeals, intents, consultations, support)
    if root <= 8:  # cooperation, aid, yielding
        return 2  # material cooperation
    if root <= 13:
        return 3  # verbal conflict
    return 4  # material conflict


def read_plover(path: Path) -> dict[str, tuple[str, str, str]]:
    table: dict[str, tuple[str, str, str]] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or ":" not in line or not line[0].isdigit():
            continue
        code, _, rest = line.partition(":")
        fields = [f.strip() for f in rest.split(",")]
        fields += [""] * (3 - len(fields))
        table.setdefault(code.strip(), (fields[0], fields[1], fields[2]))
    return table


def build_cameo(shared: Path) -> list[list[str]]:
    plover = read_plover(shared / "data" / "ontology" / "cameo_to_plover.txt")
    plover.update(
        (code, (plover, mode, context))
        for code, plover, mode, context in read_values(files.PLOVER_ADDITIONS)
    )
    rows = []
    with (shared / "data" / "ontology" / "cameo_codes.csv").open(
        encoding="utf-8", errors="replace"
    ) as f:
        for rec in csv.DictReader(f):
            code = rec["code"].strip()
            # The most specific PLOVER entry: the code itself, else its 3-digit parent, else its root.
            category = (
                plover.get(code) or plover.get(code[:3]) or plover.get(code[:2]) or ("", "", "")
            )
            goldstein = rec["goldstein"].strip()
            rows.append(
                [
                    code,
                    code[:2],
                    rec["name"].strip(),
                    goldstein if goldstein not in ("", "NA") else "",
                    str(quad_class(code)),
                    *category,
                ]
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    source = args.shared / "data" / "dictionaries" / "petrarch2" / "CAMEO.2.0.txt"
    lexicon = parse_petrarch_verbs(source)
    lexicon.sources = [
        "CAMEO.2.0.txt (PETRARCH-2 CAMEO verb dictionary, MIT, Open Event Data Alliance)"
    ]
    data = lexicon.to_json()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "verbs.json").write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    rows = build_cameo(args.shared)
    with (OUT / "cameo.tsv").open("w", encoding="utf-8", newline="") as f:
        f.write("code\troot\tname\tgoldstein\tquad_class\tplover\tplover_mode\tplover_context\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    verbs = sum(len(v) for v in lexicon.verbs.values())
    patterns = sum(len(b.patterns) for b in lexicon.blocks.values())
    print(f"verbs.json: {len(lexicon.blocks)} blocks, {verbs} verb forms, {patterns} patterns")
    print(f"cameo.tsv: {len(rows)} codes")


if __name__ == "__main__":
    main()
