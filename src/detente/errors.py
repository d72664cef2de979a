"""One catalogue of the library's errors. The library raises; only the CLI prints."""

from __future__ import annotations


class DetenteError(Exception):
    """Base of every error détente raises on purpose."""


class InputError(DetenteError):
    """An input file or record cannot be read. Carries where and why."""

    def __init__(self, ref: str, reason: str, detail: str, *, record: str | None = None):
        self.ref = ref
        self.reason = reason
        self.detail = detail
        self.record = record
        where = f"{ref}" + (f" (record {record})" if record is not None else "")
        super().__init__(f"{where}: {detail}")

    def __reduce__(self):
        # picklable, so an error raised in a worker process reaches the parent intact
        return (_input_error, (self.ref, self.reason, self.detail, self.record))


class UsageError(DetenteError):
    """A flag or argument is wrong (exit code 2)."""


class GoldDataError(UsageError):
    """The evaluation's gold data is not where it looks (exit code 2)."""


class ModelError(DetenteError):
    """The spaCy pipeline cannot be loaded."""


class DictionaryError(DetenteError):
    """A knowledge file or user dictionary is malformed."""

    def __init__(self, path: str, line: int | None, detail: str):
        self.path = path
        self.line = line
        self.detail = detail
        where = f"{path}" + (f":{line}" if line is not None else "")
        super().__init__(f"{where}: {detail}")

    def __reduce__(self):
        return (DictionaryError, (self.path, self.line, self.detail))


class WorkerError(DetenteError):
    """Worker processes cannot do their work (they die while loading, or raise)."""


class StoreError(DetenteError):
    """The store cannot be opened or written."""


class NotFoundError(DetenteError):
    """What a query asks for is not in the store (an unknown actor, document or run)."""


class ClusterError(DetenteError):
    """The Dask cluster cannot be started or reached, or a partition cannot be coded or written."""


class SchemaVersionError(StoreError):
    """The store was written by another schema version."""


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread so a run stops as it does on Ctrl-C: the run is
    marked interrupted, workers are stopped and the store is closed (its lock freed)."""


def require(name: str, value: object, expected: type | tuple[type, ...], what: str) -> None:
    """Library arguments of the wrong type are a UsageError naming the argument, not an
    AttributeError from deep inside (``what`` says what was expected: "a string")."""
    wrong_bool = isinstance(value, bool) and bool not in (
        expected if isinstance(expected, tuple) else (expected,)
    )
    if wrong_bool or not isinstance(value, expected):
        raise UsageError(f"{name} must be {what}, not {type(value).__name__} {value!r:.60}")


def _input_error(ref: str, reason: str, detail: str, record: str | None) -> InputError:
    return InputError(ref, reason, detail, record=record)
