"""What a document has said so far about its actors: the antecedents of later references.

Surnames and acronyms point back to the full names that introduced them; role
descriptions ("the Japanese leader") and pronouns ("he said") point back to the most
recent person that fits. Everything is a dictionary or a short list walked backwards,
so one document costs time linear in its references.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from detente.actors.coding import Resolution


@dataclass(slots=True)
class PersonEntry:
    resolution: Resolution
    titles: set[str] = field(default_factory=set)  # lowercase title words: {"president", ...}
    said: set[str] = field(default_factory=set)  # ... of those, the ones the text gave them
    last_token: int = -1  # token index of the latest mention
    tokens: list[int] = field(default_factory=list)  # token index of every mention, in order
    last_subject_token: int = -1  # token index of the latest mention as a clause subject


@dataclass(frozen=True, slots=True)
class BodyEntry:
    """A mention of a group, an organization or a state: what "they" and "it" point to."""

    resolution: Resolution
    token: int  # the mention's head token
    subject: bool  # a clause subject
    plural: bool  # "officials", "Palestinians" (plural head); "the government" is not


@dataclass(slots=True)
class DocMemory:
    surnames: dict[str, str] = field(default_factory=dict)  # lowercase surname -> person key
    acronyms: dict[str, Resolution] = field(default_factory=dict)  # "RUF" -> organization
    persons: dict[str, PersonEntry] = field(default_factory=dict)  # person key -> entry
    unnamed: dict[str, Resolution] = field(default_factory=dict)  # role head lemma -> latest
    unnamed_count: int = 0
    bodies: list[BodyEntry] = field(default_factory=list)  # in text order

    @staticmethod
    def key(resolution: Resolution) -> str:
        return resolution.actor_id or f"name:{resolution.name}"

    def remember_person(
        self,
        resolution: Resolution,
        *,
        token: int,
        subject: bool,
        surname: str | tuple[str, ...] | None = None,
        titles: tuple[str, ...] = (),
        said: tuple[str, ...] = (),
    ) -> None:
        """``surname``: the word, or the words, a later bare mention of the person may be;
        ``titles``: the person's titles, ``said``: those of them the text used."""
        key = self.key(resolution)
        entry = self.persons.get(key)
        if entry is None:
            entry = self.persons[key] = PersonEntry(resolution)
        elif resolution.resolved_by in ("kb", "user-dictionary", "title", "ner"):
            entry.resolution = resolution
        for title in titles:
            entry.titles.add(title.lower())
            entry.titles.update(title.lower().split())
        for title in said:
            entry.said.add(title.lower())
            entry.said.update(title.lower().split())
        entry.last_token = max(entry.last_token, token)
        entry.tokens.append(token)
        if subject:
            entry.last_subject_token = max(entry.last_subject_token, token)
        for word in (surname,) if isinstance(surname, str) else surname or ():
            if len(word) < 2:
                continue
            # the first full name keeps its surname ("Abe ... his wife, Akie Abe ... Abe
            # said" is still Shinzo Abe); a coded person takes it from an uncoded namesake
            holder = self.surnames.get(word.lower())
            if (
                holder is None
                or holder == key
                or (self.persons[holder].resolution.code is None and resolution.code is not None)
            ):
                self.surnames[word.lower()] = key

    def person_for_surname(self, word: str) -> Resolution | None:
        key = self.surnames.get(word.lower())
        return self.persons[key].resolution if key is not None else None

    def person_for_role(
        self,
        head: str,
        country: str | None,
        words: set[str],
        *,
        generic: bool,
        leader: bool = False,
        leader_words: frozenset[str] = frozenset(),
    ) -> Resolution | None:
        """The latest person a role description fits: "the Japanese leader" -> Abe.

        Candidates must share the description's country when it gives one. Among them,
        one whose known titles include the head noun ("president") comes first, and of
        those one the text itself gave that title ("President Obama ... Assad ... the
        president" is Obama, though the KB knows Assad as a president too); for a
        ``generic`` head ("leader") one who currently holds a government role comes first.
        A specific office with no titled antecedent ("the Japanese envoy") falls back to
        the governing person only when its words name a head of government (``leader``:
        "the Japanese premier"); otherwise it is someone not named yet.
        """
        candidates = sorted(self.persons.values(), key=lambda e: e.last_token, reverse=True)
        if country is not None:
            candidates = [e for e in candidates if e.resolution.country == country]
        if not candidates:
            return None
        governing = [e for e in candidates if e.resolution.sector == "GOV"]
        if not generic:
            titled = [e for e in candidates if head in e.titles or words & e.titles]
            said = [e for e in titled if head in e.said or words & e.said]
            for pool in (
                [e for e in said if e in governing],
                said,
                [e for e in titled if e in governing],
                titled,
            ):
                if pool:
                    return _salient(pool).resolution
            if country is None or not leader:
                return None  # "the minister", "the envoy" with no titled antecedent: do not guess
        # a head of government before a named official, before an unnamed "envoy"
        heads = [e for e in governing if e.titles & leader_words]
        named = [e for e in governing if not (e.resolution.actor_id or "").startswith("unnamed:")]
        for pool in (heads, named, governing):
            if pool:
                return pool[0].resolution
        return candidates[0].resolution if country is not None else None

    def person_for_pronoun(
        self, token: int, window_start: int, *, exclude: str | None = None
    ) -> Resolution | None:
        """The latest person that was a clause subject between ``window_start`` (the start
        of the previous sentence) and ``token``, else the latest person mentioned there;
        ``exclude`` (the clause's own subject, for object pronouns) never qualifies."""
        recent = [
            e
            for e in self.persons.values()
            if window_start <= e.last_token < token and self.key(e.resolution) != exclude
        ]
        subjects = [e for e in recent if window_start <= e.last_subject_token < token]
        if subjects:
            return max(subjects, key=lambda e: e.last_subject_token).resolution
        if recent:
            # no subject to go by: the person met first in the window is its topic
            first = lambda e: next(t for t in e.tokens if t >= window_start)  # noqa: E731
            return min(recent, key=first).resolution
        return None

    def body_for_pronoun(
        self, token: int, window_start: int, *, plural: bool, exclude: str | None = None
    ) -> Resolution | None:
        """The body a "they" (``plural``) or an "it" at ``token`` points to: among the
        groups, organizations and states mentioned between ``window_start`` and ``token``,
        the latest clause subject, else the latest one. "They" takes a plural group, an
        organization or a state; "it" anything but a plural group. ``exclude``: the
        clause's own subject, for object pronouns."""
        found = [
            body
            for body in self.bodies
            if window_start <= body.token < token
            and (plural or not body.plural)
            and self.key(body.resolution) != exclude
        ]
        subjects = [body for body in found if body.subject]
        pool = subjects or found
        return pool[-1].resolution if pool else None

    def new_unnamed(self, resolution: Resolution, head: str) -> Resolution:
        """A person known only by a description ("a senior administration official")."""
        self.unnamed_count += 1
        named = Resolution(
            resolution.kind,
            f"unnamed:{head}-{self.unnamed_count}",
            resolution.name,
            resolution.code,
            resolution.country,
            resolution.sector,
            resolution.resolved_by,
            resolution.undated,
        )
        self.unnamed[head] = named
        return named


def _salient(candidates: list[PersonEntry]) -> PersonEntry:
    """Of persons who fit a role description equally well (latest first), the one the
    text has named most often, the latest on a tie: "President Trump ... President
    Erdogan ... the president's support" in a story about Trump is Trump. Only persons
    with a country compete so: a namesake the text never placed is no office holder."""
    placed = [e for e in candidates if e.resolution.country is not None]
    return max(placed, key=lambda e: len(e.tokens)) if placed else candidates[0]
