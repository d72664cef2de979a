"""Vendor the web app's scripts and map data from npm, and build the country centroid table.

The web app (``detente serve``) works offline: every script it loads is a file shipped in the
package under ``src/detente/web/static/vendor/``. This script fetches the pinned npm packages
with ``npm pack`` (the npm registry only; nothing else is downloaded), copies the built files and
each package's licence there, writes ``vendor/VERSIONS.tsv`` and the NOTICE section between its
markers, and computes ``src/detente/data/web/countries.tsv``:

    iso3  numeric  name  lat  lon  from

``lat``/``lon`` is the centroid of the country's largest polygon in world-atlas
``countries-50m`` (so France is placed in France, not between it and French Guiana), computed
with d3-geo in node; countries the atlas lacks take their capital from ``kb/states.tsv``
(``from`` says which). ``numeric`` is the ISO 3166-1 numeric code, the feature id in world-atlas.

Run: ``.venv/bin/python scripts/build_web_assets.py`` (needs ``node`` and ``npm``).
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "src" / "detente" / "web" / "static" / "vendor"
COUNTRIES = ROOT / "src" / "detente" / "data" / "web" / "countries.tsv"
STATES = ROOT / "src" / "detente" / "data" / "kb" / "states.tsv"
NOTICE = ROOT / "NOTICE"
NOTICE_BEGIN = "== Web app scripts and map data (vendored npm packages) =="
NOTICE_END = "== end of vendored npm packages =="


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    files: tuple[str, ...]  # paths inside the package, copied flat into vendor/<name>/
    licence: str
    used_for: str
    vendored: bool = True  # False: used by this script only (centroids), not shipped


PACKAGES = (
    Package(
        "vega",
        "6.4.0",
        ("build/vega.min.js",),
        "BSD-3-Clause",
        "chart rendering (dyad, overview, map)",
    ),
    Package(
        "vega-lite", "6.5.0", ("build/vega-lite.min.js",), "BSD-3-Clause", "chart specifications"
    ),
    Package(
        "vega-embed", "7.3.0", ("build/vega-embed.min.js",), "BSD-3-Clause", "embedding charts"
    ),
    Package("cytoscape", "3.34.4", ("dist/cytoscape.min.js",), "MIT", "the actor network"),
    Package(
        "world-atlas",
        "2.0.2",
        ("countries-110m.json",),
        "ISC (data from Natural Earth, public domain)",
        "country shapes of the map; countries-50m for the centroid table",
    ),
    Package("d3-geo", "3.1.2", (), "ISC", "centroids at build time", vendored=False),
    Package("d3-array", "3.2.5", (), "ISC", "d3-geo's dependency", vendored=False),
    Package("topojson-client", "3.1.0", (), "ISC", "centroids at build time", vendored=False),
)

# Centroid of each country's largest polygon, printed as JSON lines by node.
CENTROID_JS = r"""
// The packages' UMD builds set globals (d3, topojson) when run as plain scripts.
const fs = require("fs");
const vm = require("vm");
for (const file of [
  "node_modules/d3-array/dist/d3-array.min.js",
  "node_modules/d3-geo/dist/d3-geo.min.js",
  "node_modules/topojson-client/dist/topojson-client.min.js",
]) vm.runInThisContext(fs.readFileSync(file, "utf8"));
const topo = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const countries = topojson.feature(topo, topo.objects.countries).features;
for (const f of countries) {
  if (f.id === undefined) continue;
  const polys = f.geometry.type === "MultiPolygon"
    ? f.geometry.coordinates.map(c => ({type: "Polygon", coordinates: c}))
    : [f.geometry];
  let best = polys[0], bestArea = -1;
  for (const p of polys) { const a = d3.geoArea(p); if (a > bestArea) { best = p; bestArea = a; } }
  const [lon, lat] = d3.geoCentroid(best);
  console.log(JSON.stringify({id: f.id, name: f.properties.name, lat, lon}));
}
"""


def npm_pack(package: Package, workdir: Path) -> Path:
    """Download one package tarball with npm and unpack it; returns the package directory."""
    spec = f"{package.name}@{package.version}"
    result = subprocess.run(
        ["npm", "pack", spec, "--silent"], cwd=workdir, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"npm pack {spec} failed:\n{result.stderr}")
    tarball = workdir / result.stdout.strip().splitlines()[-1]
    target = workdir / "node_modules" / package.name
    target.mkdir(parents=True)
    with tarfile.open(tarball) as tar:
        tar.extractall(target, filter="data")
    unpacked = target / "package"
    for child in unpacked.iterdir():
        child.rename(target / child.name)
    unpacked.rmdir()
    return target


def licence_file(source: Path) -> Path:
    names = [p for p in source.iterdir() if p.stem.upper() in ("LICENSE", "LICENCE")]
    if not names:
        raise SystemExit(f"{source.name}: the package has no LICENSE file")
    return sorted(names)[0]


def vendor(package: Package, source: Path) -> None:
    target = VENDOR / package.name
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in package.files:
        shutil.copyfile(source / name, target / Path(name).name)
    shutil.copyfile(licence_file(source), target / "LICENSE")


def copyright_line(source: Path) -> str:
    for line in licence_file(source).read_text(encoding="utf-8").splitlines():
        if "copyright" in line.lower():
            return line.strip()
    return ""


def write_versions(rows: list[tuple[Package, str]]) -> None:
    with (VENDOR / "VERSIONS.tsv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(["package", "version", "licence", "files"])
        for package, _ in rows:
            if package.vendored:
                files = " ".join(Path(f).name for f in package.files)
                writer.writerow([package.name, package.version, package.licence, files])


def write_notice(rows: list[tuple[Package, str]]) -> None:
    lines = [
        NOTICE_BEGIN,
        "",
        "The web app (detente serve) ships these npm packages' built files unchanged under",
        "src/detente/web/static/vendor/<package>/, each with its LICENSE file beside it; they are",
        "fetched from the npm registry by scripts/build_web_assets.py, which also lists them in",
        "vendor/VERSIONS.tsv. Packages marked 'build only' are used by that script and not shipped.",
        "",
    ]
    for package, copyright_text in rows:
        shipped = "" if package.vendored else " (build only)"
        lines.append(f"- {package.name} {package.version}{shipped}: {package.licence}.")
        if copyright_text:
            lines.append(f"  {copyright_text}")
        lines.append(f"  Used for: {package.used_for}.")
    lines += [
        "",
        "src/detente/data/web/countries.tsv (country centroids) is computed from world-atlas",
        "countries-50m (Natural Earth, public domain) with d3-geo, and from the capitals in",
        "src/detente/data/kb/states.tsv for countries the atlas lacks.",
        "",
        NOTICE_END,
    ]
    text = NOTICE.read_text(encoding="utf-8")
    if NOTICE_BEGIN in text:
        head, rest = text.split(NOTICE_BEGIN, 1)
        tail = rest.split(NOTICE_END, 1)[1]
        text = head + "\n".join(lines) + tail
    else:
        text = text.rstrip("\n") + "\n\n\n" + "\n".join(lines) + "\n"
    NOTICE.write_text(text, encoding="utf-8")


def capitals() -> dict[str, tuple[float, float]]:
    with STATES.open(encoding="utf-8") as f:
        rows = csv.DictReader(f, delimiter="\t")
        return {r["iso3"]: (float(r["lat"]), float(r["lon"])) for r in rows if r["lat"]}


def write_countries(workdir: Path) -> int:
    atlas = workdir / "node_modules" / "world-atlas" / "countries-50m.json"
    # A script file, not `node -e`: there `exports` is global and the UMD builds would use it.
    script = workdir / "centroids.js"
    script.write_text(CENTROID_JS, encoding="utf-8")
    result = subprocess.run(
        ["node", str(script), str(atlas)],
        cwd=workdir,
        capture_output=True,
        text=True,
        check=True,
    )
    by_numeric = {}
    for line in result.stdout.splitlines():
        row = json.loads(line)
        by_numeric[row["id"]] = row
    capital = capitals()
    COUNTRIES.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with COUNTRIES.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(["iso3", "numeric", "name", "lat", "lon", "from"])
        for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
            name = getattr(country, "common_name", None) or country.name
            found = by_numeric.get(country.numeric)
            if found is not None:
                lat, lon, origin = found["lat"], found["lon"], "atlas"
            elif country.alpha_3 in capital:
                (lat, lon), origin = capital[country.alpha_3], "capital"
            else:
                continue
            writer.writerow(
                [country.alpha_3, country.numeric, name, f"{lat:.4f}", f"{lon:.4f}", origin]
            )
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    if shutil.which("npm") is None or shutil.which("node") is None:
        raise SystemExit("needs node and npm (apt-get install -y nodejs npm)")
    with tempfile.TemporaryDirectory(prefix="detente-web-") as tmp:
        workdir = Path(tmp)
        rows = []
        for package in PACKAGES:
            source = npm_pack(package, workdir)
            if package.vendored:
                vendor(package, source)
            rows.append((package, copyright_line(source)))
            print(f"{package.name} {package.version}", file=sys.stderr)
        write_versions(rows)
        write_notice(rows)
        count = write_countries(workdir)
    print(f"{COUNTRIES.relative_to(ROOT)}: {count} countries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
