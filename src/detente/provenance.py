"""What coded the data: détente's version, the spaCy model, the knowledge and dictionaries.

Recorded with every run (``runs`` table) and carried into every export, so a number in a
paper can be traced to the exact coder that produced it. Computed without loading the model
(a run whose inputs are all stored already never pays for it).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import detente

DATA_DIR = Path(__file__).resolve().parent / "data"
_HASH_CHARS = 16


@dataclass(frozen=True, slots=True)
class Provenance:
    detente_version: str
    model: str
    model_version: str | None
    knowledge_hash: str  # every file shipped under detente/data
    dictionaries_hash: str | None  # the user's --actors/--verbs files, None without any

    def as_dict(self) -> dict[str, str | None]:
        return asdict(self)

    def coder(self) -> str:
        """One line naming the coder, e.g. ``detente 0.2.0 (en_core_web_md 3.7.1)``."""
        model = f"{self.model} {self.model_version}" if self.model_version else self.model
        return f"detente {self.detente_version} ({model})"


def _digest(chunks: Iterable[bytes]) -> str:
    sha = hashlib.sha256()
    for chunk in chunks:
        sha.update(len(chunk).to_bytes(8, "little"))  # no ambiguity between name and content
        sha.update(chunk)
    return sha.hexdigest()[:_HASH_CHARS]


def _file_chunks(files: Iterable[tuple[str, Path]]) -> Iterable[bytes]:
    for name, path in files:
        yield name.encode("utf-8")
        yield path.read_bytes()


@functools.cache
def knowledge_hash(data_dir: Path = DATA_DIR) -> str:
    """SHA-256 (16 hex digits) over every knowledge file's relative path and bytes."""
    files = sorted(
        (path.relative_to(data_dir).as_posix(), path)
        for path in data_dir.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )
    return _digest(_file_chunks(files))


def dictionaries_hash(paths: Sequence[str | os.PathLike[str]]) -> str | None:
    """The same over user dictionary files, in the order given (it matters: later ones win)."""
    if not paths:
        return None
    return _digest(_file_chunks((Path(p).name, Path(p)) for p in paths))


def model_version(model: str) -> str | None:
    """The installed version of a spaCy pipeline given by package name or path, if known."""
    from detente.nlp import MODEL_PACKAGES

    path = Path(model)
    if path.is_dir():
        import json

        meta = path / "meta.json"
        try:
            return str(json.loads(meta.read_text(encoding="utf-8")).get("version")) or None
        except (OSError, ValueError):
            return None
    for package in (model, MODEL_PACKAGES.get(model)):
        if not package:
            continue
        try:
            return importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            continue
    return None


def provenance(
    model: str | None = None,
    *,
    actor_files: Sequence[str] = (),
    verb_files: Sequence[str] = (),
) -> Provenance:
    """The provenance of coding with these options (the defaults: the shipped pipeline)."""
    from detente.nlp import model_name

    name = model_name(model)
    return Provenance(
        detente_version=detente.__version__,
        model=name,
        model_version=model_version(name),
        knowledge_hash=knowledge_hash(),
        dictionaries_hash=dictionaries_hash([*actor_files, *verb_files]),
    )
