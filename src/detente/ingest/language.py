"""Fast language identification for deciding whether to code an article.

The pipeline only codes English, so the question is mostly "English or not?".
We classify the writing system of the words first (Cyrillic, Arabic, Han, ...)
and, for scripts shared by many languages, count hits against short lists of
each language's most frequent function words (data/ingest/languages.json).
Function words make up a large share of any prose, so a few hundred characters
are enough; short texts (headlines) lean to English unless another language
clearly wins, so a headline-only text is not flagged.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from detente.errors import DictionaryError
from detente.knowledge import files
from detente.knowledge.tables import read_json

UNDETERMINED = "und"
ENGLISH = "en"

# Only the start of a text is looked at: enough words to decide, bounded cost per article.
SAMPLE_CHARS = 2000
# Below this many words a text counts as short (a headline or a caption).
SHORT_TEXT_WORDS = 12
# A short text is another language only with at least this many of its function words ...
SHORT_TEXT_MIN_HITS = 3
# ... and a long one only if that language's function words are at least this share of its words.
MIN_HIT_SHARE = 0.05

_WORD = re.compile(r"[^\W\d_]+")
_LATIN_END = 0x024F  # Basic Latin to Latin Extended-B: the fast path of script lookup
_LETTER = re.compile(r"[^\W\d_]")
# Characters outside Latin script, other than spaces and general punctuation (’ “ — …).
_NON_LATIN = re.compile(r"[^\u0000-\u024f\u2000-\u206f\s]")
_PUNCTUATION = "\"'“”‘’«»„()[]{}.,;:!?—–-…/"
# A Latin-script text may quote a few words in another script.
MAX_FOREIGN_SCRIPT_SHARE = 0.2


@dataclass(frozen=True, slots=True)
class _LanguageData:
    # word -> languages whose function-word list holds it
    word_languages: dict[str, tuple[str, ...]]
    # sorted starts / ends / script names of the Unicode ranges
    range_starts: list[int]
    range_ends: list[int]
    range_scripts: list[str]
    # script -> one language, or a tuple of candidate languages to score
    script_languages: dict[str, str | tuple[str, ...]]


@cache
def _language_data() -> _LanguageData:
    path = files.LANGUAGES.path()
    raw = read_json(path)
    try:
        word_languages: dict[str, list[str]] = {}
        for lang, words in raw["function_words"].items():
            for word in words.split():
                word_languages.setdefault(word, []).append(lang)
        ranges = sorted((int(lo, 16), int(hi, 16), name) for lo, hi, name in raw["scripts"])
        script_languages: dict[str, str | tuple[str, ...]] = {
            script: value if isinstance(value, str) else tuple(value)
            for script, value in raw["script_languages"].items()
        }
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise DictionaryError(str(path), None, f"cannot load language data: {e}") from e
    return _LanguageData(
        word_languages={word: tuple(langs) for word, langs in word_languages.items()},
        range_starts=[lo for lo, _, _ in ranges],
        range_ends=[hi for _, hi, _ in ranges],
        range_scripts=[name for _, _, name in ranges],
        script_languages=script_languages,
    )


def _script_of(char: str, data: _LanguageData) -> str | None:
    code = ord(char)
    if code <= _LATIN_END:
        return "latin" if char.isalpha() else None
    i = bisect.bisect_right(data.range_starts, code) - 1
    if i >= 0 and code <= data.range_ends[i]:
        return data.range_scripts[i]
    return None


def detect_language(text: str) -> str:
    """Return the ISO 639-1 code of the language of ``text``, or ``"und"``.

    Looks at the first few thousand characters only. Texts too short to tell,
    and texts where no language clearly beats English, are ``"en"``; texts with
    no letters, or long Latin-script texts with too few function words of any
    known language, are ``"und"``.
    """
    data = _language_data()
    sample = text[:SAMPLE_CHARS].lower()
    if _LETTER.search(sample) is None:
        return UNDETERMINED

    if len(_NON_LATIN.findall(sample)) <= MAX_FOREIGN_SCRIPT_SHARE * len(sample):
        # The common case, decided by C-speed scans: whitespace tokens, punctuation
        # stripped only when a token is not a function word as it stands.
        script = "latin"
        script_words = sample.split()
    else:
        script, script_words = _main_script(sample, data)
        if script is None:
            return UNDETERMINED
    candidates = data.script_languages.get(script)
    if candidates is None:
        return UNDETERMINED
    if isinstance(candidates, str):
        return candidates

    hits = _function_word_hits(script_words, candidates, data)
    best = max(hits, key=hits.__getitem__)  # first listed wins ties: English for Latin
    best_hits = hits[best]
    english_hits = hits.get(ENGLISH)

    if len(script_words) < SHORT_TEXT_WORDS:
        if english_hits is None:
            return best if best_hits else candidates[0]
        # A headline: only call it foreign when it is clearly so.
        if best != ENGLISH and best_hits >= SHORT_TEXT_MIN_HITS and best_hits > 2 * english_hits:
            return best
        return ENGLISH
    if best_hits < MIN_HIT_SHARE * len(script_words):
        return UNDETERMINED
    return best


def _main_script(sample: str, data: _LanguageData) -> tuple[str | None, list[str]]:
    """The script with the most letters in ``sample`` (None if no letter has a known
    script), and the words written in it."""
    # Weigh scripts by letters, not words: Chinese and Japanese do not separate words.
    words = _WORD.findall(sample)
    word_scripts = [_script_of(word[0], data) for word in words]
    letters_by_script: dict[str, int] = {}
    for word, word_script in zip(words, word_scripts, strict=True):
        if word_script is not None:
            letters_by_script[word_script] = letters_by_script.get(word_script, 0) + len(word)
    if not letters_by_script:
        return None, []
    script = max(letters_by_script, key=letters_by_script.__getitem__)
    script_words = [w for w, ws in zip(words, word_scripts, strict=True) if ws == script]
    if script == "han" and "kana" in letters_by_script:
        script = "kana"  # kanji with kana is Japanese
    return script, script_words


def _function_word_hits(
    words: list[str], candidates: tuple[str, ...], data: _LanguageData
) -> dict[str, int]:
    """How many of ``words`` are function words of each candidate language."""
    hits = dict.fromkeys(candidates, 0)
    word_languages = data.word_languages
    for word in words:
        langs = word_languages.get(word)
        if langs is None:
            langs = word_languages.get(word.strip(_PUNCTUATION), ())
        for lang in langs:
            if lang in hits:
                hits[lang] += 1
    return hits
