"""Wrong data from good text (issue 14, findings 21, 25 and 26): quotes and HTML."""

from __future__ import annotations

import json

import spacy
from hostile import ROOT, invoke, nonblank, query
from spacy.tokens import Doc

from detente.knowledge import load_knowledge
from detente.quotes.marks import find_quoted_passages
from detente.quotes.speakers import speaker_noun_phrase

# --- 21. one quote, one row ---------------------------------------------------------------


def test_two_fragments_of_one_clause_give_one_quote(tmp_path, pipeline):
    """Finding 21: each quoted fragment led to the same mixed quote (5 duplicate rows in
    300 AllSides articles)."""
    path = tmp_path / "fragments.txt"
    path.write_text(
        "A French official described the speech as a \u201crant\u201d full of "
        "\u201crecriminations\u201d against U.S. trading partners.\n",
        encoding="utf-8",
    )
    result = invoke(["quotes", path])
    assert result.exit_code == 0, result.output
    lines = nonblank(result.stdout)
    assert lines, "the mixed quote is found"
    assert len(lines) == len(set(lines)), lines


# --- 25. German marks and marks in speaker names --------------------------------------------


def test_german_low_high_marks_close_their_quote():
    """Finding 25: „…“ was reported as never closed."""
    text = "Merkel sagte: \u201eWir schaffen das.\u201c Dann ging sie nach Hause."
    passages, warnings = find_quoted_passages(text, load_knowledge().quote_lexicon)
    assert warnings == []
    ((start, end),) = passages[0].pieces
    assert text[start:end] == "Wir schaffen das."
    # English nesting is unchanged: an opening mark after a space opens an inner quote
    english = "\u201cHe told me \u201cno\u201d twice,\u201d she said."
    passages, warnings = find_quoted_passages(english, load_knowledge().quote_lexicon)
    assert warnings == [] and len(passages) == 1
    assert english[passages[0].start : passages[0].end] == "He told me \u201cno\u201d twice,"


def test_german_quote_through_the_cli(tmp_path, pipeline):
    path = tmp_path / "merkel.txt"
    path.write_text(
        "Merkel said: \u201eWe will manage this together.\u201c She spoke in Berlin.\n\n"
        "\u201eWe will not give in,\u201c said Chancellor Angela Merkel.\n",
        encoding="utf-8",
    )
    result = invoke(["quotes", path])
    assert result.exit_code == 0, result.output
    quotes = [json.loads(line) for line in nonblank(result.stdout)]
    assert [q["text"] for q in quotes] == ["We will manage this together.", "We will not give in"]
    assert "never closed" not in result.stderr and "not closed" not in result.stderr


def test_quote_marks_stay_out_of_speaker_names():
    """Finding 25: '"Mad Dog" Mattis said ...' gave the speaker 'Mad Dog" Mattis'."""
    words = ['"', "Mad", "Dog", '"', "Mattis", "said", "the", "alliance", "was", "strong", "."]
    vocab = spacy.blank("en").vocab  # English lexeme attributes: is_quote
    doc = Doc(
        vocab,
        words=words,
        spaces=[False, True, False, True, True, True, True, True, True, False, False],
        heads=[2, 2, 4, 2, 5, 5, 7, 8, 5, 8, 5],
        deps=[
            "punct",
            "compound",
            "compound",
            "punct",
            "nsubj",
            "ROOT",
            "det",
            "nsubj",
            "ccomp",
            "acomp",
            "punct",
        ],  # fmt: skip
        pos=[
            "PUNCT",
            "PROPN",
            "PROPN",
            "PUNCT",
            "PROPN",
            "VERB",
            "DET",
            "NOUN",
            "AUX",
            "ADJ",
            "PUNCT",
        ],  # fmt: skip
    )
    assert speaker_noun_phrase(doc[4]).text == "Mattis"
    # no marks: the whole noun phrase, as before
    plain = Doc(
        vocab,
        words=["Defense", "Secretary", "Mattis", "said"],
        heads=[2, 2, 3, 3],
        deps=["compound", "compound", "nsubj", "ROOT"],
        pos=["PROPN", "PROPN", "PROPN", "VERB"],
    )
    assert speaker_noun_phrase(plain[2]).text == "Defense Secretary Mattis"


# --- 26. repeated HTML paragraphs ----------------------------------------------------------


def test_repeated_html_paragraphs_are_kept_once_and_documented(tmp_path, pipeline):
    """Finding 26: trafilatura collapses a paragraph repeated word for word. It cannot be
    told not to (its extractor and fallbacks both drop repeats), so the output contract
    says so; this test notices if trafilatura changes and the sentence must go."""
    repeated = (
        "The two leaders discussed trade, security and the situation on the Korean "
        "peninsula for more than an hour on Friday afternoon."
    )
    paragraphs = [
        "Japanese Prime Minister Shinzo Abe met President Donald Trump in Washington.",
        repeated,
        repeated,
        "Abe said the alliance was strong and would remain so for many years to come.",
    ]
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>"
        "</body></html>",
        encoding="utf-8",
    )
    db = tmp_path / "html.duckdb"
    result = invoke(["run", page, "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    ((text,),) = query(db, "SELECT text FROM documents")
    assert text.count(repeated) == 1
    output_doc = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    assert "one copy of a paragraph that repeats word for word" in " ".join(output_doc.split())
