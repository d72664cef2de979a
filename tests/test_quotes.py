"""Quotes: extraction, attribution and the PolNeAR scorer (issue 3)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.eval.quotes import (
    GoldAttribution,
    GoldDocument,
    as_predicted,
    gold_kind,
    is_clause,
    load_gold,
    parse_attributions,
    part_kind,
    score_predictions,
    source_head_word,
)
from detente.knowledge import load_knowledge
from detente.knowledge.words import load_speech_verbs
from detente.quotes.marks import find_all_passages, find_quoted_passages


def quotes_of(doc):
    return list(doc._.quotes or [])


def only(doc, kind=None):
    found = [q for q in quotes_of(doc) if kind is None or q.kind == kind]
    assert len(found) == 1, [(q.kind, q.text, q.speaker) for q in quotes_of(doc)]
    return found[0]


def check_offsets(doc):
    for quote in quotes_of(doc):
        assert doc.text[quote.start : quote.end] == quote.text
        if quote.speaker is not None:
            assert doc.text[quote.speaker_start : quote.speaker_end] == quote.speaker
        if quote.cue is not None:
            assert doc.text[quote.cue_start : quote.cue_end] == quote.cue


# --- direct quotes ------------------------------------------------------------------------


def test_speaker_after_the_quote(code):
    doc = code("“We will build the bridge next year,” Mayor Anna Petrov said on Monday.")
    quote = only(doc)
    assert quote.kind == "direct"
    assert quote.text == "We will build the bridge next year"
    assert quote.speaker == "Mayor Anna Petrov"
    assert quote.cue == "said"
    check_offsets(doc)


def test_a_quote_ending_on_a_nested_quote_still_takes_the_tag_after_it(code):
    # the outer passage ends "…,’”": its last word before the nested closing mark is a comma
    doc = code(
        "“In my first meeting with him in 2011, he said, ‘Our approach has not worked; we "
        "want to work with you,’” Mitchell recalled in an interview."
    )
    outer = next(q for q in quotes_of(doc) if q.text.startswith("In my first meeting"))
    assert (outer.cue, outer.speaker) == ("recalled", "Mitchell")
    check_offsets(doc)


def test_a_quoted_sentence_after_a_mixed_quotes_tag_goes_on_that_quote(code):
    doc = code(
        "The plan was published on Monday. “I have admiration for the mechanics” of the plan, "
        "Mr. Holtz said. “They are more detailed than the others. But I have concerns.”"
    )
    quote = only(doc)
    assert (quote.kind, quote.speaker) == ("mixed", "Mr. Holtz")
    assert [doc.text[a:b] for a, b in quote.parts] == [
        "I have admiration for the mechanics” of the plan",
        "They are more detailed than the others. But I have concerns.",
    ]
    check_offsets(doc)


def test_an_inverted_tag_opening_the_sentence_gives_the_speaker(code):
    doc = code(
        "Experts say the plans would make the code more complicated. Said Ellis: “I don’t "
        "get the sense she’s the least bit interested in tax reform.”"
    )
    quote = next(q for q in quotes_of(doc) if q.kind == "direct")
    assert (quote.cue, quote.speaker) == ("Said", "Ellis")
    check_offsets(doc)


def test_speaker_before_with_colon(code):
    doc = code("The minister said: “Our farmers cannot wait any longer for the rain.”")
    quote = only(doc)
    assert quote.kind == "direct"
    assert quote.text.startswith("Our farmers cannot wait")
    assert quote.speaker == "The minister"
    check_offsets(doc)


def test_speaker_in_the_middle_is_one_quote(code):
    doc = code("“The talks went well,” she said, “and we will meet again in May.”")
    quote = only(doc)
    assert quote.speaker == "she"
    assert quote.text.startswith("The talks went well")
    assert quote.text.endswith("we will meet again in May.")
    check_offsets(doc)


def test_a_subject_found_inside_the_marks_does_not_hide_the_speaker_after_them(code):
    # the parser makes "mode" (inside the marks) a subject of "said" next to Leslie Wimes
    doc = code(
        "Some believe the campaign is worried.\n\n"
        "\u201cHillary Clinton\u2019s campaign is in panic mode. Full panic mode,\u201d said "
        "Leslie Wimes, a South Florida-based president of the Democratic Women Caucus.\n\n"
        "Wimes believes that the campaign took voters for granted."
    )
    quote = next(q for q in quotes_of(doc) if q.kind == "direct")
    assert quote.text.endswith("Full panic mode")
    assert quote.speaker == "Leslie Wimes"


def test_relative_pronoun_speaker_names_its_antecedent_with_its_of_phrase(code):
    doc = code(
        "Parliament passed the Act of Settlement, which said that only Protestants "
        "could inherit the throne."
    )
    quote = only(doc)
    assert quote.speaker == "which"
    assert quote.speaker_name == "the Act of Settlement"


def test_question_ending_its_sentence_is_not_tagged_by_the_next_sentence(code):
    doc = code(
        '"The government had to publish a commentary of 500 pages to explain this '
        'constitution to the British people," he said. "Who are they trying to kid?" The '
        'proposed question for the referendum is: "Should the United Kingdom approve the '
        'Treaty?" The Electoral Commission on Thursday said it was satisfied.'
    )
    quote = next(q for q in quotes_of(doc) if "kid" in q.text)
    assert quote.speaker == "he"


def test_inverted_speaker_with_relative_clause_description(code):
    doc = code(
        "“Nobody expected the vote to pass,” said Maria Gonzalez, who is a professor of law "
        "at the University of Lima."
    )
    quote = only(doc)
    assert quote.speaker == "Maria Gonzalez"
    assert quote.speaker_description == "a professor of law at the University of Lima"


def test_appositive_description(code):
    doc = code(
        "“The border will stay open,” said Omar Haddad, a senior adviser to the foreign minister."
    )
    quote = only(doc)
    assert quote.speaker == "Omar Haddad"
    assert quote.speaker_description == "a senior adviser to the foreign minister"


def test_according_to_a_quote(code):
    doc = code("According to the spokesman, “the ceasefire is holding in every district.”")
    quote = only(doc)
    assert quote.kind == "direct"
    assert quote.cue == "According to"
    assert quote.speaker == "the spokesman"


def test_multi_sentence_quote(code):
    doc = code(
        "“We are ready. The troops are in place. Nothing will stop us,” the general told reporters."
    )
    quote = only(doc)
    assert quote.text.count(".") == 2 and quote.text.endswith("Nothing will stop us")
    assert quote.speaker == "the general"


def test_multi_paragraph_reopened_quote(code):
    text = (
        "“The first year was hard. We lost many friends.\n\n"
        "“But the second year was better, and now we are home,” said Lena Novak."
    )
    doc = code(text)
    quote = only(doc)
    assert quote.start == text.index("The first year")
    assert quote.text.endswith("now we are home")
    assert quote.speaker == "Lena Novak"
    assert not doc._.problems


def test_cueless_sentence_continues_the_previous_speaker(code):
    doc = code(
        "“We will not sign this treaty,” the prime minister said.\n\n"
        "“It is unfair to our fishermen and to our farmers.”"
    )
    # one statement told in two passages is one quote (as PolNeAR annotates it)
    quote = only(doc)
    assert quote.rule.endswith("+continued")
    assert quote.text.startswith("We will not sign")
    assert quote.text.endswith("to our farmers.")
    assert quote.speaker == "the prime minister"


def test_cueless_quotes_after_narrative_are_a_new_quote(code):
    doc = code(
        "“We will not sign this treaty,” the prime minister said.\n\n"
        "The talks began in 2015. They stalled twice. Ministers met again in Oslo in June.\n\n"
        "Separately, the fishermen’s union blocked the harbour.\n\n"
        "“It is unfair to our fishermen and to our farmers.”"
    )
    quotes = quotes_of(doc)
    assert len(quotes) == 2
    assert quotes[1].text == "It is unfair to our fishermen and to our farmers."


def test_continuation_in_the_same_paragraph_joins_the_quote(code):
    doc = code("“We will win,” Ortiz said. “The people are with us. They know it.”")
    quote = only(doc)
    assert quote.text.endswith("They know it.")
    assert quote.speaker == "Ortiz"


def test_speaker_named_in_the_previous_sentence(code):
    doc = code(
        "Senator Ruth Adler was blunt about the budget.\n\n"
        "“This plan will cut hospitals and schools across the state.”"
    )
    quote = only(doc)
    assert quote.speaker == "Senator Ruth Adler"
    assert quote.rule == "direct:previous-sentence"


def test_nested_quote_with_its_own_cue_is_a_quote_of_its_own(code):
    """Issue 15: somebody quoted inside a quote, with a cue, is their own quote; a nested
    phrase without one ('called it “a bluff”') stays part of the outer quote."""
    doc = code(
        "“When the general said ‘never,’ and when the press called it “a bluff,” "
        "we believed him,” Kowalski said."
    )
    outer = quotes_of(doc)[0]
    assert outer.speaker == "Kowalski"
    assert "a bluff" in outer.text
    assert [(q.text, q.speaker, q.rule) for q in quotes_of(doc)[1:]] == [
        ("never,", "the general", "direct:nested")
    ]
    check_offsets(doc)


def test_scare_quote_inside_a_quote_is_not_a_quote_of_its_own(code):
    doc = code(
        "Mr Jack said the bill “had the feel of a ‘work in progress’, and the minister "
        "should explain this ‘easy and simple’ plan,” he added."
    )
    assert [q.rule for q in quotes_of(doc) if q.rule == "direct:nested"] == []
    doc = code("“They wiggle them and say ‘melons’ as we speak,” the MP said.")
    nested = [(q.text, q.speaker) for q in quotes_of(doc) if q.rule == "direct:nested"]
    assert nested == [("melons", "They")]


def test_speech_verb_inside_a_quote_is_not_a_new_quote(code):
    doc = code(
        "“It sounds different now, and when the president said it, it got attention,” Ito said."
    )
    assert [q.speaker for q in quotes_of(doc)] == ["Ito"]


def test_scare_quotes_and_titles_are_ignored(code):
    doc = code(
        "The so-called “peace dividend” never arrived. She watched “The Crown” on Sunday "
        "while the “experts” argued."
    )
    assert quotes_of(doc) == []


def test_scare_quote_inside_the_subject_is_not_a_quote(code):
    doc = code("The company’s “green” bonds rose sharply on Tuesday in London.")
    assert quotes_of(doc) == []


def test_apostrophes_are_not_quote_marks(code):
    doc = code("The country’s leaders didn’t meet. It's the farmers' market that matters.")
    assert quotes_of(doc) == []
    assert not doc._.problems


def test_straight_quote_marks(code):
    doc = code('"We need more doctors," the health minister said.')
    quote = only(doc)
    assert quote.text == "We need more doctors"
    assert quote.speaker == "the health minister"


def test_unbalanced_marks_warn_and_do_not_crash(code):
    doc = code("“We will never give up, the rebel leader said.\n\nThe army denied it.")
    problems = doc._.problems or []
    assert [p.reason for p in problems] == ["unbalanced-quotes"]
    assert problems[0].severity == "warning"
    check_offsets(doc)


def test_stray_closing_mark_warns(code):
    doc = code("The deal” was signed by both sides on Tuesday.")
    assert [p.reason for p in doc._.problems] == ["unbalanced-quotes"]


@pytest.mark.parametrize(
    "text",
    ["", "“", "”", '"', "“”", "Hello “ there", "“\n\n“\n\n”", '""""', "“a” ” “ b"],
)
def test_odd_input_never_raises(code, text):
    doc = code(text)
    check_offsets(doc)


def test_naming_verb_fragment_is_attributed(code):
    doc = code("Former governor Jeb Bush called the proposal “unhinged” on Monday.")
    quote = only(doc)
    assert quote.speaker == "Former governor Jeb Bush"
    assert "unhinged" in quote.text


# --- reported speech ----------------------------------------------------------------------


def test_reported_clausal_complement(code):
    doc = code("The president said their relationship was so strong that he hugged the leader.")
    quote = only(doc)
    assert quote.kind == "indirect"
    assert quote.text == "their relationship was so strong that he hugged the leader"
    assert quote.speaker == "The president"


def test_told_reporters_that(code):
    doc = code("The foreign minister told reporters that the embassy would reopen in March.")
    quote = only(doc)
    assert quote.kind == "indirect"
    assert quote.text == "the embassy would reopen in March"
    assert quote.speaker == "The foreign minister"


def test_paraphrase_tail(code):
    doc = code(
        "Russia has teamed up with China on several projects, but it wants more partners, Jannuzi said."
    )
    quote = only(doc)
    assert quote.kind == "indirect"
    assert quote.text.startswith("Russia has teamed up")
    assert quote.text.endswith("more partners")
    assert quote.speaker == "Jannuzi"


def test_a_naming_verbs_fragment_runs_over_what_follows_it_in_the_verb_phrase(code):
    doc = code("Trump likened the refugees to a “vicious snake” in a song about a farmer.")
    quote = only(doc)
    assert quote.kind == "mixed"
    assert quote.text.startswith("the refugees to a “vicious snake”")
    assert quote.text.rstrip(".").endswith("in a song about a farmer")


def test_words_pointing_back_are_what_a_speech_verb_reports(code):
    """Issue 15: noun objects of say ("said as much", "has said the same thing")."""
    doc = code(
        "The mayor wants a new bridge. Her deputy said as much on Sunday.\n\n"
        "The governor has said the same thing for years."
    )
    found = [(q.kind, q.text, q.speaker) for q in quotes_of(doc)]
    assert ("indirect", "as much", "Her deputy") in found
    assert ("indirect", "the same thing", "The governor") in found
    doc = code("The senator echoed the statements of the president last week.")
    assert only(doc).text.startswith("the statements of the president")


def test_a_speech_verbs_noun_object_is_what_it_reports_unless_it_is_the_addressee(code):
    """Issue 15 (noun objects of speech verbs, PolNeAR's reported speech): "declared
    bankruptcy", "has not mentioned Okafor", "lamented the delays" report what was said,
    one word or more; "told reporters", "urged parliament", "maintains a fund" do not."""
    doc = code(
        "The shipping firm declared bankruptcy in March.\n\n"
        "The governor has not mentioned Okafor since the vote.\n\n"
        "The mayor lamented the delays at the northern harbour."
    )
    found = [(q.kind, q.text, q.speaker) for q in quotes_of(doc)]
    assert ("indirect", "bankruptcy", "The shipping firm") in found
    assert ("indirect", "Okafor", "The governor") in found
    assert ("indirect", "the delays at the northern harbour", "The mayor") in found
    doc = code(
        "The minister told reporters in Lagos on Monday.\n\n"
        "The opposition urged parliament again.\n\n"
        "The foundation maintains a fund for young farmers."
    )
    assert quotes_of(doc) == []


def test_the_object_of_urge_or_ask_decides_whether_it_is_the_addressee(code):
    """Issue 15 (PolNeAR's reported speech): after "urge", "ask", "warn", "advise" an
    object naming someone, or followed by the verb's own content, is the addressee ("urged
    the Kenyan delegation", "urged voters to stay home"); any other is what is said ("urges
    restraint")."""
    doc = code(
        "The senator urges restraint on the border.\n\n"
        "The mayor urged voters to stay home on Sunday."
    )
    found = [(q.kind, q.text, q.speaker) for q in quotes_of(doc)]
    assert ("indirect", "restraint on the border", "The senator") in found
    # the addressee of an object-controlled infinitive is part of what is reported, as
    # both golds mark it (docs/gold/quotes-guideline.md: 'urged members to reject the offer')
    assert ("indirect", "voters to stay home on Sunday", "The mayor") in found
    assert not any(text == "voters" for _, text, _ in found)
    doc = code("The bishop urged the Kenyan delegation again.")
    assert quotes_of(doc) == []


def test_charge_with_and_ask_for_report_the_prepositions_object(code):
    """Issue 15: "prosecutors charged two developers with fraud", "ask the clinic for
    help" report what the preposition introduces; the person charged or asked is not it."""
    doc = code(
        "Federal prosecutors charged two developers with defrauding investors.\n\n"
        "The veterans can ask the clinic for help at any time."
    )
    found = [(q.kind, q.text, q.speaker) for q in quotes_of(doc)]
    assert ("indirect", "defrauding investors", "Federal prosecutors") in found
    assert any(text.startswith("help") for _, text, _ in found)


def test_a_speech_verbs_prepositional_object_is_what_it_reports(code):
    """Issue 15 (PolNeAR's reported speech): "has also commented on X", "called for X",
    "called for X to …" report the preposition's object; a passive "was called a … for …"
    (naming, not speech) report nothing."""
    doc = code(
        "The governor has also commented on the death of the farmer.\n\n"
        "The protesters continued to call for more information about the shooting.\n\n"
        "The union called for drivers to refuse overtime."
    )
    found = [(q.kind, q.text, q.speaker) for q in quotes_of(doc)]
    assert ("indirect", "the death of the farmer", "The governor") in found
    assert ("indirect", "more information about the shooting", "The protesters") in found
    assert ("indirect", "drivers to refuse overtime", "The union") in found
    doc = code("The doctor was called a fraud by his colleagues for selling miracle cures.")
    assert quotes_of(doc) == []


def test_a_reported_noun_phrase_stops_before_a_comment_set_off_by_a_comma(code):
    """'has acknowledged the reality of climate change, which makes him an outlier': the
    relative clause after the comma is the writer's remark, not what was acknowledged."""
    doc = code(
        "The senator has acknowledged the reality of climate change, which makes him "
        "something of an outlier among his colleagues."
    )
    assert only(doc).text == "the reality of climate change"


def test_a_clause_reported_around_a_middle_tag_stops_before_a_concession(code):
    """'The latest test, North Korea said, was its biggest yet, although it may take days
    to …': the concession after the tag is the writer's hedge, not what was said."""
    doc = code(
        "The latest test, the agency said, was its biggest yet, although it may take "
        "several days to measure how powerful it was."
    )
    quote = only(doc)
    assert quote.kind == "indirect"
    assert quote.text.startswith("The latest test")
    assert quote.text.endswith("was its biggest yet")


def test_a_reported_infinitive_stops_before_the_reporters_next_speech_act(code):
    """'urges X to step away … and repeatedly says, “…”': the parser may hang the second
    speech verb on the infinitive; it is the reporter's next act, not what was urged."""
    doc = code(
        "The woman urges her brother to step away from the truck and repeatedly says, "
        "“Please stop.”"
    )
    found = [(q.kind, q.text, q.speaker) for q in quotes_of(doc)]
    assert ("indirect", "her brother to step away from the truck", "The woman") in found
    assert ("direct", "Please stop.", "The woman") in found


def test_passive_reports_name_their_reporter_after_by(code):
    doc = code("The registration issue was first reported by The Washington Post.")
    quote = only(doc)
    assert (quote.kind, quote.text, quote.speaker) == (
        "indirect",
        "The registration issue",
        "The Washington Post",
    )
    # an expletive "it" is nobody; a cause after "by" is no reporter
    doc = code("It was announced on Tuesday that the factory would close in March.")
    quote = only(doc)
    assert quote.text == "the factory would close in March" and quote.speaker is None
    doc = code("The discrepancy can be explained by a rise in the working population.")
    assert quotes_of(doc) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "WASHINGTON -- President Obama, opening the museum, said it would tell a story.",
            "President Obama",
        ),
        (
            "MOSCOW (Reuters) - Foreign Minister Sergei Lavrov said the sanctions would fail.",
            "Foreign Minister Sergei Lavrov",
        ),
        ("Moscow\n\nRussian President Vladimir Putin said the sanctions would fail.", None),
    ],
)
def test_speaker_span_never_swallows_a_dateline(code, text, speaker):
    quote = only(code(text))
    assert quote.speaker == (speaker or "Russian President Vladimir Putin")


def test_same_speech_verb_coordinated_in_another_tense_shares_its_subject(code):
    doc = code(
        "Mr Livingstone has said the remarks may have been offensive but were not racist, "
        "and said he would not apologise even if the prime minister asked."
    )
    assert {q.speaker for q in quotes_of(doc)} == {"Mr Livingstone"}


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The minister admitted breaking the rules.", "breaking the rules"),
        (
            "The candidate proposes allowing parents to deduct the cost of care.",
            "allowing parents to deduct the cost of care",
        ),
    ],
)
def test_gerund_object_of_a_speech_verb_is_reported(code, text, content):
    quote = only(code(text))
    assert quote.kind == "indirect"
    assert quote.text == content


def test_gerund_after_a_verb_that_reports_no_object_is_not_speech(code):
    assert quotes_of(code("He continued pushing for a vote.")) == []


def test_report_stops_before_someone_elses_coordinated_speech_act(code):
    doc = code(
        "Republicans said they are convinced the department mishandled the investigation "
        "and Democrats accused the GOP of stoking the issue."
    )
    said = [q for q in quotes_of(doc) if q.cue == "said"]
    assert len(said) == 1
    assert said[0].text == "they are convinced the department mishandled the investigation"
    assert said[0].speaker == "Republicans"


def test_report_stops_before_the_reporters_own_next_act(code):
    doc = code(
        "He claimed that paying no income taxes was smart, although he again refused "
        "to release his tax returns."
    )
    claimed = [q for q in quotes_of(doc) if q.cue == "claimed"]
    assert len(claimed) == 1
    assert claimed[0].text == "paying no income taxes was smart"


def test_speech_noun_reports_its_that_clause_with_its_possessor_as_speaker(code):
    doc = code("Mrs Dunmore’s pledge that fares would be frozen was broken.")
    quote = only(doc)
    assert quote.kind == "indirect"
    assert quote.text == "fares would be frozen"
    assert quote.cue == "pledge"
    assert quote.speaker.startswith("Mrs Dunmore")


def test_speech_noun_speaker_after_from(code):
    doc = code("The talks went ahead despite warnings from his attorney that they were futile.")
    quote = only(doc)
    assert quote.text == "they were futile"
    assert quote.speaker == "his attorney"


def test_relative_clause_of_a_speech_noun_is_not_a_report(code):
    assert quotes_of(code("The claim that he made was false.")) == []


def test_report_going_on_in_a_quoted_sentence_keeps_its_parts_apart(code):
    text = (
        'Lord Condon said the two year penalty was "derisory". "You could get a bigger '
        'sentence for failing to pay your hotel bill than for corruption in sport."'
    )
    quote = only(code(text))
    assert quote.kind == "mixed"
    assert [text[a:b] for a, b in quote.parts] == [
        'the two year penalty was "derisory',
        "You could get a bigger sentence for failing to pay your hotel bill than for "
        "corruption in sport.",
    ]


def test_according_to_reported(code):
    doc = code("According to the ministry, the talks collapsed after midnight.")
    quote = only(doc)
    assert quote.kind == "indirect"
    assert quote.text == "the talks collapsed after midnight"
    assert quote.speaker == "the ministry"


def test_mixed_quote(code):
    doc = code("The senator said the deal was “a disaster for working families.”")
    quote = only(doc)
    assert quote.kind == "mixed"
    assert quote.text.startswith("the deal was “a disaster")
    assert quote.speaker == "The senator"


def test_report_inside_a_report_is_not_a_new_quote(code):
    doc = code(
        "The governor said the new rules would not have stopped the attacks that the "
        "mayor announced last week."
    )
    quote = only(doc)
    assert quote.speaker == "The governor"


def test_continuation_does_not_swallow_reported_speech_between(code):
    doc = code(
        "“We will not sign,” the minister said.\n\n"
        "The opposition leader said the treaty would hurt fishermen.\n\n"
        "“It is unfair to our farmers.”"
    )
    speakers = [q.speaker for q in quotes_of(doc)]
    assert "The opposition leader" in speakers
    assert quotes_of(doc)[0].text == "We will not sign"


def test_coordinated_bare_verb_stays_in_the_report(code):
    # 'make' cannot be the reporter's own next act: it goes with 'would have to keep'
    doc = code(
        "The mayor said that the next council would have to fix the roads, "
        "build “decent housing” for families and cut the waiting lists."
    )
    quote = only(doc)
    assert quote.kind == "mixed"
    assert quote.text.startswith("the next council would have to fix the roads")
    assert "“decent housing”" in quote.text
    assert quote.speaker == "The mayor"


def test_reporter_next_act_is_not_in_the_report(code):
    doc = code("The mayor says she respects the council and calls the budget fair.")
    quote = only(doc)
    assert quote.text == "she respects the council"


def test_fragment_clause_ends_before_the_reporter_adds_more(code):
    doc = code(
        "The senator said that there was “only one candidate able to win this race,” "
        "adding that the others had no money."
    )
    texts = [q.text for q in quotes_of(doc)]
    outer = [q for q in quotes_of(doc) if "only one candidate" in q.text]
    assert len(outer) == 1, texts
    assert outer[0].kind == "mixed"
    assert "adding" not in outer[0].text
    assert outer[0].speaker == "The senator"


def test_tag_with_its_own_question_does_not_break_a_continuation(code):
    doc = code(
        "“It was a good meeting,” the banker told reporters when asked if he had met "
        "the minister. “He was very polite.”"
    )
    direct = [q for q in quotes_of(doc) if q.kind == "direct"]
    assert len(direct) == 1, [(q.kind, q.text) for q in quotes_of(doc)]
    assert direct[0].text.endswith("He was very polite.")
    assert direct[0].speaker == "the banker"


def test_as_if_is_not_a_question(code):
    doc = code("“It happens,” the coach went on, as if he had not heard her. “We move on.”")
    assert all(q.kind == "direct" for q in quotes_of(doc)), [
        (q.kind, q.text) for q in quotes_of(doc)
    ]
    assert quotes_of(doc)[0].text.endswith("We move on.")


def test_quoted_sentence_ending_in_a_nested_quotation(code):
    doc = code("“They feel justified,” she said. “It is like a party, ‘We are all friends here.’”")
    quote = only(doc)
    assert quote.text.endswith("‘We are all friends here.’")
    assert quote.speaker == "she"


def test_titles_are_not_quotes_even_with_a_verb_after_them(code):
    doc = code("The “Never Again” movement keeps growing, and the senator said nothing about it.")
    assert all("Never Again" not in q.text for q in quotes_of(doc))


def test_fragments_under_one_verb_are_one_mixed_quote(code):
    doc = code('Trump called the senator a "nasty guy," an "anchor baby," "unstable" and "sick."')
    quote = only(doc)
    assert quote.kind == "mixed"
    assert quote.text.startswith('the senator a "nasty guy,"')
    assert quote.text.rstrip(".").endswith('"sick')
    assert quote.speaker == "Trump"


@pytest.mark.parametrize(
    "text",
    [
        'The developer has bought a "philanthropub" in Roanoke.',
        'The senator wondered whether the moderators will be "fair" to him.',
    ],
)
def test_short_quoted_words_under_a_verb_neither_speaking_nor_naming_are_scare_quotes(code, text):
    assert quotes_of(code(text)) == []


def test_quoted_words_under_a_judging_verb_are_the_judges(code):
    doc = code('Mayor Ruth Olsen blamed the shootings on "implicit bias" against minorities.')
    quote = only(doc)
    assert quote.kind == "mixed"
    assert "implicit bias" in quote.text
    assert quote.speaker == "Mayor Ruth Olsen"


def test_title_with_the_full_stop_inside_its_marks_is_not_a_quote(code):
    doc = code('"We will not stop," Pence said on CNN\'s "State of the Union."')
    quote = only(doc)
    assert quote.text == "We will not stop"
    assert quote.speaker == "Pence"


def test_subheading_in_marks_on_its_own_line_is_not_a_quote(code):
    text = (
        "He was skeptical.\n\n\u2018Legend in the Coal Fields.\u2019\n\nBankruptcy is a chess game."
    )
    assert quotes_of(code(text)) == []


def test_fragment_is_not_cued_by_a_verb_after_it(code):
    # no tag follows the fragment: 'admitted' reports its own clause, not the fragment
    doc = code(
        "The governor called the protesters “vandals” and later admitted that some were peaceful."
    )
    fragment = [q for q in quotes_of(doc) if "vandals" in q.text]
    assert len(fragment) == 1
    assert fragment[0].speaker == "The governor"
    assert fragment[0].text.startswith("the protesters")


def test_tag_in_the_middle_reports_the_clause_holding_the_fragment(code):
    doc = code("But, the mayor added, she would not close the schools “without a good reason.”")
    quote = only(doc)
    assert quote.kind == "mixed"
    assert quote.text.startswith("she would not close the schools")
    assert quote.speaker == "the mayor"


def test_report_ending_on_quoted_words_goes_on_in_the_next_quoted_sentence(code):
    doc = code(
        "The investor said he had “made a lot of money in bad markets.” "
        "“Frankly, that is what the country needs.”"
    )
    quote = only(doc)
    assert quote.kind == "mixed"
    assert quote.text.endswith("that is what the country needs.")
    assert quote.speaker == "The investor"


def test_a_report_goes_on_in_the_quoted_sentence_right_after_it(code):
    # PolNeAR annotates the report and the quoted sentence after it as one attribution
    text = "Senator Jones said he would not vote for the bill. “It is a bad law for farmers.”"
    doc = code(text)
    quote = only(doc)
    assert quote.kind == "mixed"
    assert quote.rule.endswith("+continued")
    assert quote.speaker == "Senator Jones"
    assert [text[a:b] for a, b in quote.parts] == [
        "he would not vote for the bill",
        "It is a bad law for farmers.",
    ]
    check_offsets(doc)
    # scored by part (our BBC gold), the report is reported speech and the quote direct
    kinds = [p[2] for p in as_predicted([quote], by_part=True, part_text=text)]
    assert kinds == ["indirect", "mixed"]


@pytest.mark.parametrize(
    "text",
    [
        # a question: the quoted words after it answer it
        "Reporters asked whether the mayor would run again. “It is too early to say.”",
        # what someone did not say
        "The mayor did not say he would resign. “I love this job.”",
    ],
)
def test_a_question_or_an_unsaid_report_does_not_go_on_in_quoted_words(code, text):
    quotes = quotes_of(code(text))
    assert [q.kind for q in quotes] == ["indirect", "direct"], [(q.kind, q.text) for q in quotes]


def test_a_condition_inside_a_report_does_not_make_it_a_question(code):
    doc = code("The mayor said if the bill passes, taxes would rise. “It is the only way.”")
    quote = only(doc)
    assert quote.kind == "mixed"
    assert quote.speaker == "The mayor"


def test_a_report_in_a_quotes_tag_leaves_the_next_quoted_sentence_to_the_quote(code):
    doc = code("“We will see,” she said when asked whether she would run. “It is too early.”")
    direct = only(doc, "direct")
    assert direct.text.endswith("It is too early.")
    assert direct.speaker == "she"


def test_a_part_of_a_mixed_quote_without_marks_is_scored_as_reported():
    text = "He said taxes would rise. “It is the only way.”"
    assert part_kind("mixed", 8, 24, text) == "indirect"
    assert part_kind("mixed", 27, 46, text) == "mixed"
    assert part_kind("direct", 8, 24, text) == "direct"  # only a mixed quote's parts
    assert part_kind("mixed", 8, 24, None) == "mixed"  # no text, no change
    # an apostrophe inside a word is no quotation mark; a single mark around words is
    text = "He said Trump\u2019s taxes would rise. \u201cIt is the only way.\u201d"
    assert part_kind("mixed", 8, 32, text) == "indirect"
    text = "He said taxes would \u2018rise\u2019. \u201cIt is the only way.\u201d"
    assert part_kind("mixed", 8, 26, text) == "mixed"


def test_sentence_about_someone_else_hands_over_the_next_quote(code):
    doc = code(
        "“It goes in one ear and out the other,” Tom Baker said. "
        "Mary Baker shook her head. “He listens better than I do.”"
    )
    quotes = quotes_of(doc)
    assert len(quotes) == 2, [(q.text, q.speaker) for q in quotes]
    assert quotes[0].speaker == "Tom Baker"
    assert quotes[1].text == "He listens better than I do."
    assert quotes[1].speaker == "Mary Baker"


def test_quoted_words_whose_tag_sits_in_a_paraphrase_are_kept(code):
    # a tag in the middle of the clause: the quoted words stay hers, whatever the parser
    # makes of the clause around the tag (a paraphrase there does not swallow them)
    doc = code("Building costs, she added, were “far below the first estimate.”")
    quoted = [q for q in quotes_of(doc) if "far below the first estimate" in q.text]
    assert len(quoted) == 1, [(q.kind, q.text, q.speaker) for q in quotes_of(doc)]
    assert quoted[0].kind in ("direct", "mixed")
    assert quoted[0].speaker == "she"


def test_belief_verbs_are_not_speech(code):
    doc = code("The farmers hope the rain will come soon, and they believe prices will rise.")
    assert quotes_of(doc) == []


# --- the user's example -------------------------------------------------------------------


def test_seed_direct_quotes_and_speakers(seed_doc):
    direct = [q for q in quotes_of(seed_doc) if q.kind == "direct"]
    assert len(direct) == 6
    speakers = [q.speaker for q in direct]
    assert speakers == ["Frank Jannuzi", "Trump", "Abe", "the official", "Jannuzi", "Rumer"]
    jannuzi = direct[0]
    assert jannuzi.speaker_description == (
        "former Asia adviser to former Secretary of State John Kerry and now head of the "
        "Mike and Maureen Mansfield Foundation"
    )
    assert direct[3].speaker_description.startswith("had knowledge of the situation")
    assert direct[5].speaker_description.startswith("a senior fellow and the director")
    # "when Obama said it" is inside Jannuzi's words, not a quote of Obama
    assert not any("Obama" in (q.speaker or "") for q in quotes_of(seed_doc))
    check_offsets(seed_doc)


def test_seed_reported_statements(seed_doc):
    reported = {q.speaker: q.text for q in quotes_of(seed_doc) if q.kind == "indirect"}
    assert any(
        q.speaker == "Trump"
        and q.kind == "indirect"
        and q.text.startswith("their relationship was so strong")
        for q in quotes_of(seed_doc)
    )
    assert reported["A senior administration official"].startswith("it was understandable")
    assert reported["Jannuzi"]  # "…, Jannuzi said." and "Jannuzi said Abe would want …"
    assert reported["Eugene Rumer"].startswith("the United States and Japan appeared")


def test_seed_keeps_every_statement_with_its_speaker(seed_doc):
    """Issue 15: the user's example keeps its statements, in order, each with the speaker a
    reader names (pronouns and "the official" resolved through the actor layer)."""
    if not seed_doc._.mentions:
        pytest.skip("the actors stage is not in the pipeline yet")
    found = [(q.kind, q.speaker_name or q.speaker) for q in quotes_of(seed_doc)]
    official = "senior administration official in the Trump"
    assert found == [
        ("direct", "Frank Jannuzi"),
        ("indirect", "Donald Trump"),
        ("direct", "Donald Trump"),
        # "Trump emphasized the U.S. commitment to the security of Japan": a speech verb's
        # noun object, reported speech by PolNeAR's definition (issue 15)
        ("indirect", "Donald Trump"),
        ("indirect", "Shinzo Abe"),
        ("direct", "Shinzo Abe"),
        ("indirect", official),
        ("direct", official),
        ("indirect", "Frank Jannuzi"),
        ("indirect", "The joint statement"),
        ("direct", "Frank Jannuzi"),
        ("indirect", "Frank Jannuzi"),
        ("indirect", "Eugene Rumer"),
        ("direct", "Eugene Rumer"),
    ]
    # the official keeps the country and sector of the administration
    codes = {q.speaker_actor for q in quotes_of(seed_doc) if q.speaker_name == official}
    assert codes == {"USAGOV"}


def test_seed_canonical_speakers_from_the_actor_layer(seed_doc):
    assert seed_doc._.mentions  # the actors stage runs before the quotes stage
    by_speaker = {q.speaker: q for q in quotes_of(seed_doc) if q.kind == "direct"}
    assert "Jannuzi" in (by_speaker["Jannuzi"].speaker_name or "")
    assert "Trump" in (by_speaker["Trump"].speaker_name or "")
    assert "Abe" in (by_speaker["Abe"].speaker_name or "")
    official = by_speaker["the official"].speaker_name or ""
    assert "official" in official.lower()


def test_pronoun_speaker_resolved_through_mentions(code):
    doc = code(
        "Prime Minister Shinzo Abe arrived in Washington on Friday.\n\n"
        "“We strongly demand an end to the missile programs,” he said.",
        date="2017-02-10",
    )
    assert doc._.mentions  # the actors stage runs before the quotes stage
    quote = only(doc)
    assert quote.speaker == "he"
    assert "Abe" in (quote.speaker_name or "")


# --- marks scanner and lexicon (no model) --------------------------------------------------


def test_mark_scanner_pairs_and_paragraphs():
    lexicon = load_knowledge().quote_lexicon
    text = "“One.”\n\n“Two\n\n“three.”"
    passages, warnings = find_quoted_passages(text, lexicon)
    assert [text[p.start : p.end] for p in passages] == ["One.", "Two\n\n“three."]
    assert len(passages[1].pieces) == 2
    assert warnings == []


def test_speech_verbs_are_data(tmp_path):
    (tmp_path / "speech_verbs.tsv").write_text("# c\nlemma\tforms\nsay\tsays said\n")
    verbs = load_speech_verbs(tmp_path)
    assert verbs.lemmas == {"say"} and verbs.forms == {"say", "says", "said"}
    lexicon = load_knowledge().quote_lexicon
    assert {"say", "tell", "add", "according"} & lexicon.speech_lemmas == {"say", "tell", "add"}
    assert "hope" not in lexicon.speech_lemmas and "think" not in lexicon.speech_lemmas


# --- scorer -------------------------------------------------------------------------------


def test_gold_kinds():
    forms = load_knowledge().quote_lexicon.speech_forms
    assert gold_kind("“We will win,”", "said", forms) == "direct"
    assert gold_kind("the talks failed", "told", forms) == "reported"
    assert gold_kind("the talks failed", "according to", forms) == "reported"
    assert gold_kind("the rain will come", "hoping", forms) == "excluded"


def test_quotes_in_single_marks_only_are_scored_as_reported_on_polnear():
    # PolNeAR's gold is direct when its content holds a double mark; a predicted quote is
    # scored by the same rule, so a headline's single-marked fragment is reported there
    from detente.eval.quotes import as_predicted
    from detente.records import Quote

    def quote(text: str, part: str, kind: str) -> Quote:
        start = text.index(part)
        return Quote(
            doc_id="d",
            start=start,
            end=start + len(part),
            text=part,
            kind=kind,
            cue=None,
            cue_start=None,
            cue_end=None,
            speaker=None,
            speaker_start=None,
            speaker_end=None,
            speaker_name=None,
            speaker_actor=None,
        )

    headline = "Trump 'absolutely right' on generals, says Flynn"
    mixed = quote(headline, "Trump 'absolutely right' on generals", "mixed")
    body = 'Flynn said Trump was "absolutely right" on generals.'
    double = quote(body, 'Trump was "absolutely right" on generals', "mixed")
    direct = quote("“We will win,” she said.", "We will win", "direct")
    assert [p[2] for p in as_predicted([mixed], text=headline)] == ["indirect"]
    assert [p[2] for p in as_predicted([double], text=body)] == ["mixed"]
    assert [p[2] for p in as_predicted([direct], text="“We will win,” she said.")] == ["direct"]
    # our own gold counts single marks as quotation marks: kinds stay as they are
    assert [p[2] for p in as_predicted([mixed])] == ["mixed"]


def test_a_quote_inside_a_direct_quote_is_not_scored_on_polnear():
    # PolNeAR annotates nothing inside a direct quote; our BBC gold marks nested quotes
    from detente.eval.quotes import as_predicted
    from detente.records import Quote

    text = "“His people said, ‘There are many issues.’ We worked,” she said. ‘Yes,’ he said."

    def quote(part: str, kind: str) -> Quote:
        start = text.index(part)
        return Quote("d", start, start + len(part), part, kind, *([None] * 8))

    outer = quote("His people said, ‘There are many issues.’ We worked,", "direct")
    nested = quote("There are many issues.", "direct")
    alone = quote("Yes,", "direct")  # single marks, not nested: scored (as reported)
    scored = as_predicted([outer, nested, alone], text=text)
    assert [(p[0], p[2]) for p in scored] == [(outer.start, "direct"), (alone.start, "indirect")]
    assert len(as_predicted([outer, nested, alone])) == 3  # our own gold scores all three


def test_a_report_in_the_tag_between_a_quotes_pieces_is_scored_on_polnear():
    # '“A,” she said, adding that … “B.”': the direct quote holds its two pieces only
    from detente.eval.quotes import as_predicted
    from detente.records import Quote

    text = "“It speaks volumes,” she said, adding that the campaign will work. “They wait.”"

    def at(part: str) -> tuple[int, int]:
        return text.index(part), text.index(part) + len(part)

    pieces = (at("It speaks volumes,"), at("They wait."))
    outer = Quote("d", pieces[0][0], pieces[1][1], text[pieces[0][0] : pieces[1][1]], "direct",
                  *([None] * 8), parts=pieces)  # fmt: skip
    start, end = at("the campaign will work")
    report = Quote("d", start, end, text[start:end], "indirect", *([None] * 8))
    scored = as_predicted([outer, report], text=text)
    assert [p[2] for p in scored] == ["direct", "indirect"]


def test_a_report_in_the_tag_between_a_quotes_pieces_is_kept(code):
    doc = code(
        "“I think that speaks volumes,” she said, adding that the campaign will work hard "
        "to win over those voters in November. “I think they are waiting to be courted.”"
    )
    kinds = sorted((q.kind, q.text[:30], q.cue) for q in quotes_of(doc))
    assert [k for k, _, _ in kinds] == ["direct", "indirect"], kinds
    report = only(doc, "indirect")
    assert report.text.startswith("the campaign will work hard")
    assert report.speaker == "she"
    assert report.cue == "adding"


def test_the_tags_own_verb_reports_nothing_between_the_pieces(code):
    # the parser reads 'said after X failed' as what was said; the quote has its cue
    doc = code(
        "“Subpoenas are not optional,” panel Chairman Rep. Tom Miller (R-Ohio) said after Smith "
        "failed to show up at the second committee hearing he was formally called to in the "
        "past two weeks. “Mr. Smith is a crucial fact witness.”"
    )
    assert [q.kind for q in quotes_of(doc)] == ["direct"], [
        (q.kind, q.text) for q in quotes_of(doc)
    ]


def test_prediction_parts_and_polnear_kinds_are_chosen_separately(code):
    # PolNeAR's double-mark kind rule is its own keyword, not implied by scoring by part
    from detente.eval.quotes import doc_predictions

    doc = code("‘We will win,’ she said, ‘and we will win soon.’")
    kinds = {
        (by_part, polnear): [
            p[2] for p in doc_predictions(doc, by_part=by_part, polnear_kinds=polnear)
        ]
        for by_part in (False, True)
        for polnear in (False, True)
    }
    assert kinds[(False, False)] == ["direct"] and kinds[(False, True)] == ["indirect"]
    assert kinds[(True, False)] == ["direct", "direct"]
    assert kinds[(True, True)] == ["indirect", "indirect"]


def test_parse_brat_discontinuous_content():
    text = "“A b,” he said, “c d.” Sources said the deal failed."
    ann = (
        "T1\tSource 7 9\the\n"
        "T2\tCue 10 14\tsaid\n"
        "T3\tContent 0 6;16 22\t“A b,” “c d.”\n"
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
        "T4\tSource 23 30\tSources\n"
        "T5\tCue 31 35\tsaid\n"
        "T6\tContent 36 51\tthe deal failed\n"
        "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n"
    )
    gold = parse_attributions(ann, text, load_knowledge().quote_lexicon.speech_forms)
    assert [g.kind for g in gold] == ["direct", "reported"]
    assert gold[0].content == ((0, 6), (16, 22))
    assert source_head_word("Frank Jannuzi, former adviser") == "jannuzi"


def _hand_parse(words: str, heads: list[int], deps: str, pos: str):
    from spacy.lang.en import English
    from spacy.tokens import Doc

    return Doc(
        English().vocab, words=words.split(), heads=heads, deps=deps.split(), pos=pos.split()
    )


def _chars(doc, first: int, last: int) -> tuple[tuple[int, int], ...]:
    return ((doc[first].idx, doc[last].idx + len(doc[last])),)


def test_a_gold_content_is_reported_speech_only_when_it_is_a_clause():
    # She declared bankruptcy and said he had lied , accusing him of lying .
    doc = _hand_parse(
        "She declared bankruptcy and said he had lied , accusing him of lying .",
        [1, 1, 1, 1, 1, 7, 7, 4, 1, 1, 9, 9, 11, 1],
        "nsubj ROOT dobj cc conj nsubj aux ccomp punct advcl dobj prep pcomp punct",
        "PRON VERB NOUN CCONJ VERB PRON AUX VERB PUNCT VERB PRON ADP VERB PUNCT",
    )
    assert not is_clause(doc, _chars(doc, 2, 2))  # bankruptcy: a noun phrase
    assert is_clause(doc, _chars(doc, 5, 7))  # he had lied
    assert is_clause(doc, _chars(doc, 10, 12))  # him of lying: a gerund under 'of'
    # did not respond to requests ; demanded that the campaign stop (stop mis-tagged)
    doc = _hand_parse(
        "They did not respond to requests ; they demanded that the campaign stop",
        [3, 3, 3, 3, 3, 4, 3, 8, 3, 12, 11, 12, 8],
        "nsubj aux neg ROOT prep pobj punct nsubj conj mark det compound ccomp",
        "PRON AUX PART VERB ADP NOUN PUNCT PRON VERB SCONJ DET NOUN NOUN",
    )
    assert not is_clause(doc, _chars(doc, 4, 5))  # to requests
    assert is_clause(doc, _chars(doc, 9, 12))  # that … stop: a that-clause


def test_the_scorer_sets_aside_reported_gold_whose_content_is_no_clause():
    doc = _hand_parse(
        "She declared bankruptcy and said he had lied .",
        [1, 1, 1, 1, 1, 7, 7, 4, 1],
        "nsubj ROOT dobj cc conj nsubj aux ccomp punct",
        "PRON VERB NOUN CCONJ VERB PRON AUX VERB PUNCT",
    )
    noun, clause = _chars(doc, 2, 2), _chars(doc, 5, 7)
    gold = (
        GoldAttribution(noun, (), "declared", "She", "reported"),
        GoldAttribution(clause, (), "said", "She", "reported"),
    )
    documents = [GoldDocument("t", "a1", 1.0, doc.text, gold)]
    predicted = [
        [(*noun[0], "indirect", None, None, None), (*clause[0], "indirect", None, None, None)]
    ]
    without = score_predictions(documents, predicted).kinds["reported"]
    assert (without.tp, without.fp, without.fn) == (2, 0, 0)
    missed = score_predictions(documents, [predicted[0][1:]]).kinds["reported"]
    assert missed.fn == 1  # without the parse, the noun phrase is reported speech missed
    parsed = score_predictions(documents, [predicted[0][1:]], docs=[doc]).kinds["reported"]
    assert (parsed.tp, parsed.fp, parsed.fn) == (1, 0, 0)
    both = score_predictions(documents, predicted, docs=[doc]).kinds["reported"]
    assert (both.tp, both.fp, both.fn) == (1, 0, 0)  # a match with it is set aside


def test_scorer_overlap_kinds_speakers_and_annotator_weights():
    text = "x" * 200
    gold = (
        GoldAttribution(((0, 100),), ((150, 160),), "said", "Anna Petrov", "direct"),
        GoldAttribution(((100, 140),), (), "told", "", "reported"),
        GoldAttribution(((170, 200),), (), "hoping", "", "excluded"),
    )
    documents = [
        GoldDocument("t", "a1", 0.5, text, gold),
        GoldDocument("t", "a2", 0.5, text, gold[:1]),
    ]
    predictions = [
        [
            (10, 90, "direct", 150, 155, None),  # matches gold 1, speaker overlaps
            (100, 110, "indirect", None, None, None),  # 10/40 < 30 %: no match
            (170, 200, "indirect", None, None, None),  # matches an excluded: ignored
        ]
    ]
    scores = score_predictions(documents, predictions)
    direct = scores.kinds["direct"]
    assert direct.tp == pytest.approx(1.0) and direct.fp == 0 and direct.fn == 0
    reported = scores.kinds["reported"]
    assert reported.tp == 0 and reported.fn == pytest.approx(0.5)
    assert scores.speaker_accuracy == 1.0
    assert "| détente | direct |" in scores.to_markdown()


def test_polnear_gold_loads(shared_dir):
    documents = load_gold(shared_dir / "data" / "gold" / "polnear", "dev", limit=3)
    assert documents and all(d.attributions for d in documents)
    kinds = {a.kind for d in documents for a in d.attributions}
    assert {"direct", "reported"} <= kinds


def test_halves_split_texts_by_sorted_name_and_cover_the_split(shared_dir):
    from detente.errors import UsageError
    from detente.eval.common import halves

    assert halves(["c", "a", "d", "b"], "A") == ["a", "c"]
    assert halves(["c", "a", "d", "b"], "B") == ["b", "d"]
    with pytest.raises(UsageError, match="--half 'C' is not one of A, B"):
        load_gold(shared_dir / "none", "dev", half="C")  # before the gold is read
    gold = shared_dir / "data" / "gold" / "polnear"
    names = {half: {d.name for d in load_gold(gold, "dev", half=half)} for half in ("A", "B")}
    assert names["A"] and not names["A"] & names["B"]
    assert names["A"] | names["B"] == {d.name for d in load_gold(gold, "dev")}


# The quotes stage's share of the parse (< 5 %) is measured by benchmarks/timings.py.


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='ab .,:\n“”"‘’«»', max_size=60))
def test_mark_scanner_never_raises_and_keeps_offsets_in_order(text):
    passages, warnings = find_quoted_passages(text, load_knowledge().quote_lexicon)
    previous_end = -1
    for passage in passages:
        for start, end in passage.pieces:
            assert 0 <= start < end <= len(text)
            assert start > previous_end
            previous_end = end
    assert all(0 <= warning.offset <= len(text) for warning in warnings)


def test_quotes_signed_after_a_dash_take_the_name_as_speaker(code):
    text = (
        "Readers told us what they thought of the debate.\n"
        "“He never answered a question.” ― Ana Ruiz\n"
        "”Fear. I am truly afraid he will win.”―\u00a0Jorge L. Falcon.\n"
        "“Nobody asked us.”\u00a0― Rosa Diaz\u00a0\n"
        "“It was a long night,” she said — and then she left."
    )
    doc = code(text)
    signed = [(q.text, q.speaker, q.rule) for q in quotes_of(doc) if q.rule == "direct:sign-off"]
    assert signed == [
        ("He never answered a question.", "Ana Ruiz", "direct:sign-off"),
        ("Fear. I am truly afraid he will win.", "Jorge L. Falcon", "direct:sign-off"),
        ("Nobody asked us.", "Rosa Diaz", "direct:sign-off"),  # a signature ends a quote
    ]
    assert quotes_of(doc)[-1].speaker == "she"
    check_offsets(doc)


def test_closing_mark_starting_a_line_opens_a_quote():
    lexicon = load_knowledge().quote_lexicon
    text = "Intro.\n”Mistyped, but a quote.” Then text ” stray."
    passages, warnings = find_quoted_passages(text, lexicon)
    assert [text[p.start : p.end] for p in passages] == ["Mistyped, but a quote."]
    assert len(warnings) == 1  # the stray mark mid-line still warns


# --- single quotation marks (issue 15) -----------------------------------------------------

SINGLE_MARK_CASES = [
    # (text, the passages single marks delimit) — invented sentences and apostrophe traps
    ("Japan's prime minister said it was ‘a historic day’ for the country.", ["a historic day"]),
    (
        "The minister said the plan was 'unworkable' and 'deeply unfair'.",
        ["unworkable", "deeply unfair"],
    ),
    ("‘We don’t accept that,’ said Mr Adams, Sinn Féin's president.", ["We don’t accept that,"]),
    (
        "The Joneses' car was parked outside. 'It was there all night,' a neighbour said.",
        ["It was there all night,"],
    ),
    ("Music from the ’90s is back, and rock 'n' roll never died.", []),
    ("Fans of the '05 season don't agree, and they tell 'em so.", []),
    ("Brown attacks Tories' 'fantasy' tax plans", ["fantasy"]),
    ("The Greens' policy was called 'reckless' by the Conservatives' spokesman.", ["reckless"]),
    ("'I won't go,' he said. 'They can't make me.'", ["I won't go,", "They can't make me."]),
    ("Workers' rights groups said the 'reforms' were 'a disgrace'.", ["reforms", "a disgrace"]),
    ("The 'Blair's babes' tag stuck.", ["Blair's babes"]),
    ("It’s the farmers’ market, isn’t it? The Smiths’ dog didn’t bark.", []),
]


@pytest.mark.parametrize(("text", "expected"), SINGLE_MARK_CASES)
def test_single_marks_pair_by_position_and_not_at_apostrophes(text, expected):
    passages, nested, warnings = find_all_passages(text, load_knowledge().quote_lexicon)
    assert [text[p.start : p.end] for p in passages] == expected
    assert all(p.single for p in passages)
    assert nested == [] and warnings == []


def test_single_marks_nested_in_double_marks_are_nested_passages():
    lexicon = load_knowledge().quote_lexicon
    text = "“He told me ‘never again’ and I didn’t believe him,” she said."
    passages, nested, _warnings = find_all_passages(text, lexicon)
    assert [text[p.start : p.end] for p in passages] == [
        "He told me ‘never again’ and I didn’t believe him,"
    ]
    assert [text[p.start : p.end] for p in nested] == ["never again"]
    # British style: double marks inside single ones are the nested ones
    text = "‘They called it “a bluff”, and we believed them,’ she said."
    passages, nested, _warnings = find_all_passages(text, lexicon)
    assert [(text[p.start : p.end], p.single) for p in passages] == [
        ("They called it “a bluff”, and we believed them,", True)
    ]
    assert [text[p.start : p.end] for p in nested] == ["a bluff"]


def test_single_mark_quote_over_paragraphs_reopens_at_each():
    lexicon = load_knowledge().quote_lexicon
    text = "‘We lost the first year.\n\n‘But the second was better,’ said Lena Novak."
    passages, _nested, _warnings = find_all_passages(text, lexicon)
    assert len(passages) == 1 and len(passages[0].pieces) == 2
    # an opener never closed in its paragraph is an apostrophe after all
    text = "The ’Dons won.\n\nThey said so."
    assert find_all_passages(text, lexicon)[0] == []


def test_british_single_mark_quote_with_speaker(code):
    doc = code("'We will not raise taxes,' the Chancellor, Gordon Brown, told MPs on Tuesday.")
    quote = only(doc)
    assert quote.kind == "direct"
    assert quote.text == "We will not raise taxes"
    assert quote.speaker.endswith("Chancellor") or "Brown" in quote.speaker
    check_offsets(doc)


def test_single_mark_scare_quote_in_a_headline_is_not_a_quote(code):
    doc = code("Brown attacks Tories' 'fantasy' tax plans\n\nThe row went on all week.")
    assert [q for q in quotes_of(doc) if q.kind == "direct"] == []
    assert not doc._.problems


def test_possessive_after_s_does_not_close_a_single_mark_quote(code):
    doc = code("'The Greens' policy is reckless,' the Conservative spokesman said.")
    quote = only(doc)
    assert quote.text == "The Greens' policy is reckless"
    assert quote.speaker == "the Conservative spokesman"


def test_a_reported_infinitive_stops_before_a_trailing_circumstance():
    """'warned officials to boost their security after hackers targeted …': the
    after-clause the parser hangs on the infinitive is when the warning came."""
    from detente.quotes.extract import _verb_phrase_end

    doc = _hand_parse(
        "The FBI warned officials to boost security after hackers struck .",
        [1, 2, 2, 2, 5, 2, 5, 9, 9, 5, 2],
        "det nsubj ROOT dobj aux xcomp dobj mark nsubj advcl punct",
        "DET PROPN VERB NOUN PART VERB NOUN SCONJ NOUN VERB PUNCT",
    )
    lexicon = load_knowledge().quote_lexicon
    assert _verb_phrase_end(doc[5], lexicon) == 7  # "boost security", not "… struck"
    doc = _hand_parse(
        "The FBI warned officials to boost security because hackers struck .",
        [1, 2, 2, 2, 5, 2, 5, 9, 9, 5, 2],
        "det nsubj ROOT dobj aux xcomp dobj mark nsubj advcl punct",
        "DET PROPN VERB NOUN PART VERB NOUN SCONJ NOUN VERB PUNCT",
    )
    assert _verb_phrase_end(doc[5], lexicon) == 10  # a reason stays with what was urged


# --- review findings: no false quotes on ordinary news -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a verb that is speech only through its preposition reports nothing else
        "Trump called German Chancellor Angela Merkel for the first time on Monday.",
        "Netanyahu called early elections for March.",
        "The UN called an emergency meeting for Friday.",
        # a date, a time or a duration is not what was said
        "Xi agreed on Tuesday.",
        "Merkel commented on Friday.",
        "Xi agreed on Monday to hold new talks.",
        "The talks called for hours.",
        # refusing to comment reports nothing
        "The ministry declined to comment on the report.",
        "Putin refused to comment on the sanctions.",
    ],
)
def test_ordinary_news_sentence_has_no_reported_speech(code, text):
    doc = code(text)
    assert not quotes_of(doc), [(q.kind, q.text) for q in quotes_of(doc)]
    assert not [e for e in doc._.events or [] if e.cameo_root == "01"]  # no statement


@pytest.mark.parametrize(
    "text",
    [
        "Merkel wrote a letter to Putin.",
        "She wrote the book in 2010.",
        "The company reported a loss of $3 billion.",
        "Photographers snapped pictures of the president.",
        "Biden swore an oath of office.",
        "Washington cautioned Tehran.",
    ],
)
def test_a_speech_verb_object_outside_the_allow_list_is_not_reported(code, text):
    doc = code(text)
    assert not quotes_of(doc), [(q.kind, q.text) for q in quotes_of(doc)]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("The company declared bankruptcy.", "bankruptcy"),
        ("The envoy suggested a compromise.", "a compromise"),
    ],
)
def test_an_allow_listed_speech_verb_reports_its_object(code, text, said):
    assert only(code(text)).text == said


def test_according_to_after_a_report_attributes_the_whole_report(code):
    # the parser hangs the trailing phrase on the inner clause: each report held the
    # other's cue and both were lost; the outer one is kept, the inner stops before it
    doc = code(
        "About 40 rabbis have said that they plan to participate in the protest of the "
        "candidate's appearance Monday at the annual conference of the American Israel "
        "Public Affairs Committee, according to an organizer."
    )
    quote = only(doc)
    assert quote.cue == "according to"
    assert quote.text.startswith("About 40 rabbis have said that they plan")
    assert quote.text.endswith("Public Affairs Committee")
    assert quote.speaker == "an organizer"


def test_according_to_after_a_relative_clause_attributes_that_clause(code):
    doc = code(
        "His campaign manager, Jeff Weaver, says it's proof the candidate can still close the "
        "gap in pledged delegates, which stood at 263 entering Tuesday's primary, according "
        "to the Associated Press."
    )
    by_cue = {q.cue: q for q in quotes_of(doc)}
    assert by_cue["according to"].text == "which stood at 263 entering Tuesday's primary"
    assert by_cue["says"].text.startswith("it's proof the candidate")
    assert "according to" not in by_cue["says"].text


def test_according_to_in_mid_sentence_attributes_the_side_its_neighbours_tell(code):
    # a coordinator or a dash after the phrase: the clause before; a clause opener before
    # it: the clause after (the longer side otherwise)
    before = code(
        "The senator is trailing the governor by nine points, according to the polling "
        "average - despite winning the first-in-the-nation primary there in February."
    )
    assert only(before).text == "The senator is trailing the governor by nine points"
    after = code(
        "He went to that debate, and he will probably go to the next debate, because, "
        "according to Trump, the media would call him a chicken if he did not."
    )
    assert only(after).text == "the media would call him a chicken if he did not"


def test_a_tweets_noun_object_is_what_is_said(code):
    quote = only(code("Sexton tweeted his observations of the rally."))
    assert (quote.kind, quote.text, quote.speaker) == (
        "indirect",
        "his observations of the rally",
        "Sexton",
    )
