"""Issue 12, ninth round: where reported content starts and ends (each rule on a hand-written
sentence, the exact quotes of every speaker asserted)."""

from __future__ import annotations

from index.extract.quotes import extract_speakers


def _quotes(body: str, title: str = "") -> dict[str, list[str]]:
    return {s.name: [q.text for q in s.quotes] for s in extract_speakers(body, title)}


# -- assurance verbs: a listener, then the clause ----------------------------------------------


def test_assured_takes_the_clause_after_its_listener():
    body = "Trump was asked about the wall. Later, Donald Trump assured voters he'd make Mexico pay for it."
    assert _quotes(body) == {"Donald Trump": ["he'd make Mexico pay for it."]}


def test_assured_listener_then_that():
    body = "Joe Biden spoke in Scranton. Mr. Biden assured his town's residents that Mrs. Clinton was tough."
    assert _quotes(body) == {"Joe Biden": ["Mrs. Clinton was tough."]}


def test_reminded_a_named_listener_of_a_clause():
    body = "Glenn Beck hosted the show. Beck reminded Thor he'd have to earn 15 percent in the polls."
    assert _quotes(body) == {"Glenn Beck": ["he'd have to earn 15 percent in the polls."]}


def test_reminded_without_a_clause_reports_nothing():
    body = "Noah Oppenheim runs the show. In a memo, Oppenheim reminded his staff about Mr. Bush's work."
    assert _quotes(body) == {"Noah Oppenheim": []}


# -- a dash aside closed by a second dash stays inside the content -----------------------------


def test_paired_dashes_do_not_end_the_content():
    body = (
        "Donald Trump spoke on Monday. Trump acknowledged that a rift exists between communities of "
        "color -- mainly Blacks and Latinos -- and the police."
    )
    content = "a rift exists between communities of color -- mainly Blacks and Latinos -- and the police."
    assert _quotes(body) == {"Donald Trump": [content]}


def test_single_dash_still_ends_the_content():
    body = "Felipe Calderon spoke. Calderon noted that migration is in decline — a decline since 2006."
    assert _quotes(body) == {"Felipe Calderon": ["migration is in decline"]}


def test_a_clause_between_dashes_ends_the_content():
    body = (
        "Murray Clark spoke on Friday. Clark said Brooks had begun making calls to members - there are "
        "two from each district - and the outcome was open."
    )
    assert _quotes(body) == {"Murray Clark": ["Brooks had begun making calls to members"]}


def test_but_after_the_closing_dash_ends_the_content():
    body = (
        "Ted Cruz spoke in Texas. Cruz said he has nothing to apologize for — not now — but his team "
        "will campaign for them."
    )
    assert _quotes(body) == {"Ted Cruz": ["he has nothing to apologize for"]}


# -- the clause before a trailing attribution ----------------------------------------------------


def test_gerund_subject_with_a_finite_verb_is_a_clause_before_the_attribution():
    body = (
        "Barack Obama spoke. Shifting monsoon patterns in South Asia could affect a billion people, "
        "Mr. Obama said in his interview."
    )
    content = "Shifting monsoon patterns in South Asia could affect a billion people"
    assert _quotes(body) == {"Barack Obama": [content]}


def test_participle_opener_without_a_clause_is_no_content():
    body = "Barack Obama spoke. Speaking to students at Drexel, Mr. Obama said in his interview."
    assert _quotes(body) == {"Barack Obama": []}


# -- a coordinated verb ends the content only when it is the Source's --------------------------


def test_present_verb_after_a_past_cue_belongs_to_the_content():
    body = "Luis Osuna spoke. Osuna said the group is not a lobby and supports both parties."
    assert _quotes(body) == {"Luis Osuna": ["the group is not a lobby and supports both parties."]}


def test_past_verb_after_a_past_cue_is_the_sources_second_statement():
    body = "Donald Trump spoke. Trump said he would win and vowed to build the wall."
    assert _quotes(body) == {"Donald Trump": ["he would win", "to build the wall."]}


# -- "according to" vouches for the closest claim ----------------------------------------------


def test_according_to_after_a_relative_clause_takes_the_clause():
    body = (
        "The race goes on. The candidate can still close the gap in pledged delegates, which stood at "
        "263 entering Tuesday's primary, according to the Associated Press."
    )
    assert _quotes(body) == {"Associated Press": ["which stood at 263 entering Tuesday's primary"]}


def test_according_to_after_a_with_phrase_takes_the_phrase():
    body = (
        "Bill Clinton is popular. Voters like Mr. Clinton, with 56 percent of voters viewing him "
        "positively, according to a CNN poll in February."
    )
    assert _quotes(body)["CNN"] == ["with 56 percent of voters viewing him positively"]


def test_according_to_after_a_plain_clause_takes_the_clause():
    body = "Hillary Clinton won. Clinton leads Sanders by 271 delegates, according to the Associated Press."
    assert _quotes(body)["Associated Press"] == ["Clinton leads Sanders by 271 delegates"]


# -- ", which" + a passive: the writer's gloss, not what was said -------------------------------


def test_passive_relative_clause_after_the_content_is_the_writers_gloss():
    body = (
        "Scott Szlachta spoke in Iowa. Szlachta said he drove from Chicago to ask about H-1B visas, "
        "which are issued to skilled foreign workers."
    )
    assert _quotes(body) == {"Scott Szlachta": ["he drove from Chicago to ask about H-1B visas"]}


def test_identifying_relative_clause_stays_in_the_content():
    body = "Marco Rubio spoke. Rubio said the plan has one step, which is patrolling the zone."
    assert _quotes(body) == {"Marco Rubio": ["the plan has one step, which is patrolling the zone."]}


# -- tenth round: where content ends --------------------------------------------------------------


def test_object_ends_before_the_channel_of_the_act():
    body = "Roger Ailes said the story was false. Ailes attacked the report through his lawyer."
    assert _quotes(body) == {"Roger Ailes": ["the story was false.", "the report"]}


def test_object_ends_before_a_gerund_of_the_source():
    body = (
        "Bernie Sanders spoke on Tuesday. "
        "Sanders dismissed Clinton's charges by pointing out that she had changed too."
    )
    assert _quotes(body) == {"Bernie Sanders": ["Clinton's charges", "she had changed too."]}


def test_object_keeps_a_for_gerund():
    body = "Bernie Sanders spoke on Tuesday. Sanders praised the union for standing with him."
    assert _quotes(body) == {"Bernie Sanders": ["the union for standing with him."]}


def test_object_ends_before_a_second_past_verb():
    body = (
        "Ted Cruz spoke in Houston. "
        "Cruz railed against the Washington cartel and cast himself as an outsider."
    )
    assert _quotes(body) == {"Ted Cruz": ["the Washington cartel"]}


def test_contrast_clause_without_a_comma_ends_the_content():
    body = "Jeb Bush spoke in Iowa. Bush said the debate was useful although he expects a long race."
    assert _quotes(body) == {"Jeb Bush": ["the debate was useful"]}


def test_others_who_did_the_same_are_not_content():
    body = (
        "Rick Scott spoke in Miami. "
        "Scott said they will not back Mr. Trump, as has Carlos Gimenez, the mayor."
    )
    assert _quotes(body) == {"Rick Scott": ["they will not back Mr. Trump"]}


def test_participle_content_ends_before_a_second_participle():
    body = (
        "Hillary Clinton spoke in Albany. "
        "Clinton was in New York, touting her Senate record and pounding him on guns."
    )
    assert _quotes(body) == {"Hillary Clinton": ["her Senate record"]}


def test_subordinate_clause_after_an_opening_phrase_ends_at_its_comma():
    body = "In June 2001, after Carly Fiorina said the company would cut pay, 80,000 employees volunteered."
    assert _quotes(body) == {"Carly Fiorina": ["the company would cut pay"]}


def test_double_apostrophe_quotation_closes_before_a_participle():
    body = "George Bruno spoke. Bruno criticized the plan as ''reckless,'' adding that it would fail."
    assert _quotes(body) == {"George Bruno": ["the plan as ''reckless,''"]}


# Eleventh round: attributions that open the sentence (the content is the main clause or the
# opener's own clause).


def test_as_clause_attributes_the_main_clause_after_its_comma():
    body = "Jane Miller spoke in Ohio. As Miller has pointed out, the plan costs more than it saves."
    assert _quotes(body) == {"Jane Miller": ["the plan costs more than it saves."]}


def test_as_clause_content_runs_past_a_cue_of_the_main_clause():
    body = "The council met. As the Gazette revealed, Mayor Tom Hale agreed to sell the park in May."
    assert _quotes(body) == {"Gazette": ["Mayor Tom Hale agreed to sell the park in May."], "Tom Hale": []}


def test_passive_as_clause_attributes_the_main_clause():
    body = "The council met. As reported by the Gazette, the mayor was told about the sale in March."
    assert _quotes(body) == {"Gazette": ["the mayor was told about the sale in March."]}


def test_as_clause_with_puts_it_attributes_the_main_clause():
    body = "Ruth Kane wrote again. As The Herald's Ruth Kane puts it, the mayor is out of time."
    assert _quotes(body) == {"Ruth Kane": ["the mayor is out of time."]}


def test_as_clause_content_stops_at_a_trailing_attribution():
    body = "Paul Reed spoke. As Reed said, the rates will rise in June, Tom Hale said."
    assert _quotes(body)["Paul Reed"] == ["the rates will rise in June"]


def test_as_clause_of_an_event_with_a_companion_is_no_statement():
    body = "Fred Lane sat down. As Fred joked with his friend at the table, his brother grew impatient."
    assert _quotes(body).get("Fred Lane", []) == []


def test_as_clause_with_a_clause_of_its_own_is_not_the_opener_rule():
    body = "Tom Hale spoke. As Hale said he would, the senator voted against the bill."
    assert "the senator voted against the bill." not in _quotes(body).get("Tom Hale", [])


def test_opening_participle_content_ends_at_the_main_clause_subject():
    body = (
        "Ann Tester spoke. Noting that the bill had little support in the House, Tester added that "
        "the votes were not there."
    )
    assert _quotes(body) == {
        "Ann Tester": ["the bill had little support in the House", "the votes were not there."]
    }


def test_opening_participle_leaves_the_main_clauses_quotation_to_its_cue():
    body = (
        "Ann Tester spoke. Noting that the bill had little support, Tester added: "
        "“That’s where the problem is.”"
    )
    assert _quotes(body) == {"Ann Tester": ["the bill had little support", "That’s where the problem is."]}


def test_asked_by_question_ends_at_its_comma():
    body = "Glenn Thrush asked. Asked by Thrush if the mayor gets it, Sharpton avoided an answer."
    assert _quotes(body) == {"Glenn Thrush": ["if the mayor gets it"]}


def test_to_a_name_opening_the_sentence_gives_the_main_clause_as_a_view():
    body = "Dan Sexton came. To Sexton, who has studied the rallies, Tuesday marked a turning point."
    assert _quotes(body) == {"Dan Sexton": ["Tuesday marked a turning point."]}


def test_to_a_place_opening_the_sentence_is_no_view():
    body = "The party met on Monday. To Washington, the move looked like a provocation."
    assert _quotes(body) == {}
