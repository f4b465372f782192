"""Where reported content starts and ends around a cue verb, and which cues report speech at all.

Used by ``quotes.py`` once it has found an attribution (Source + cue).  The rules are about clause
boundaries, not about any one article:

- content follows "said (that)", "said:", "told <listener> that" and "said <when>, <content>";
- time, place and circumstance phrases next to the cue ("on Thursday", "at a press conference",
  "on March 29 after arriving in Ankara …") are never content: when nothing but such a phrase
  follows the cue, the content is the clause before a trailing attribution ("…, Lavrov said");
- speech and statement verbs (say, tell, add, stress, warn …) report content; stance verbs
  (criticize, call, want …) only when a "that" clause or a colon follows them ("X argued that …"),
  since their object is otherwise a thing, not words ("agreed on a zone", "called for talks");
- negated speech ("had never promised that …", "did not say") is not a statement by its subject.
"""

from __future__ import annotations

import re
from typing import Final

from index.extract import _lexicon as lex

#: More verbs of saying, beyond the lexicon's cue verbs: forms of Levin's (1993) verbs of
#: communication (say, complain, manner-of-speaking, tell classes) that report words or a clause
#: ("Trump boasted that …", "…, she recounted", "…, denying any wrongdoing").  Forms that are
#: mostly nouns ("hints", "counters"), take a listener or a topic ("briefed", "informed",
#: "mentioned the deal"), an idiom ("pleaded guilty") or mostly a thing ("maintained a lead")
#: are left out.
MORE_SPEECH_VERBS: Final[frozenset[str]] = lex.words(
    """
    stating recounted recounts recounting confessed confesses proclaimed proclaims boasted bragged
    hinted divulged grumbled testified testifies elaborated reasoned retorted scoffed mused
    reaffirmed reaffirms restated opined posited speculated speculates theorized griped bemoaned
    implored begged wondered wonders denying acknowledging confirming conceding
    stressing emphasizing emphasising asserting contending observing remarking cautions
    """
) | lex.words(
    # (twentieth round) manner-of-speaking verbs ("“…,” Toomey fumed", "Mr. Christie gloated: “…”",
    # "“…,” Oliver barked", "Freddy confided to her that …")
    "fumed gloated barked confided"
)
#: Of those, the ones that also stand after their Source (", retorted Peskov", ", she recounted").
MORE_INVERTED_CUES: Final[frozenset[str]] = lex.words(
    "recounted confessed boasted testified elaborated reasoned retorted scoffed mused opined wondered"
)
#: Verbs whose object is what was said: content may follow them without "that".
#: ("in": "In a CNN/ORC poll …, 38 percent said …", the pollster's finding.)
SPEECH_CUES: Final[frozenset[str]] = (
    lex.CUE_VERBS
    | lex.INVERTED_CUES
    | MORE_SPEECH_VERBS
    | frozenset(["according to", "―", "—", "–", ":", "in"])
)
#: Communicative stance verbs: their object is what the Source said about something ("called the
#: charges fabricated", "accused Clinton of lying", "cited derogatory comments"), so it is content.
#: Verbs of intention, belief, decision or action ("wants", "agreed", "backed", "released") are not.
STATEMENT_VERBS: Final[frozenset[str]] = lex.words(
    """
    accused accuses accuse criticized criticised criticizes criticize called calls cited cites
    blasted blasts attacked attacks slammed slams praised praises defended defends denounced denounces
    condemned condemns rejected rejects dismissed dismisses questioned questions mocked mocks touted
    touts welcomed welcomes hailed hails described describes blamed blames lamented laments demanded
    demands threatened threatens disputed disputes objected objects apologized apologised pledged
    pledges promised promises promise vowed vows vow urged urges decried decries railed rails ripped
    lambasted chided scolded thanked portrayed portrays labeled labelled branded dubbed likened quoted
    complained recommended recommends proposed proposes endorsed endorses predicted denied
    shows showed show found finds suggests suggested indicates indicated concluded concludes estimated
    pledging promising vowing threatening urging accusing criticizing criticising blasting attacking
    slamming praising defending questioning demanding touting blaming
    identified
    """
) | lex.CRITICISM_VERBS | lex.EVALUATION_VERBS  # assailed, compared …: see the lexicon
#: (twenty-second round) Verbs that take a cue only after a document subject (no speech trigger of their own),
#: whose object is the document's finding: "the CBS poll gave Clinton a lead", "the Rasmussen poll
#: has shown Trump in the lead", "Gallup's tracking poll puts Obama's approval at 49 percent".
DOCUMENT_OBJECT_VERBS: Final[frozenset[str]] = lex.words(
    "gave gives put puts shown find indicate underscore underscores"
)
#: Verbs of belief and expectation whose clause is the Source's stated position ("Trump believes the
#: deal is bad", "Sanders hopes his supporters will …"); they attribute only to a named subject.
BELIEF_VERBS: Final[frozenset[str]] = lex.words(
    """
    believes believe believed thinks think thought knows know knew hopes hope hoped insists insist
    expects expect expected fears fear feared feels feel felt worries worry worried expressed
    """
)
#: (seventeenth round) Plural present forms of verbs of arguing whose other forms report a bare
#: clause ("Professors Foner and Alba suggest this incompatibility has …", "Sanders aides argue the
#: race is not over"): a plural subject's statement, as "argues" / "suggests" are a singular one's.
#: Stance verbs, so only a named subject speaks.  Not "claim" ("claim victory", "claim credit").
PLURAL_CLAUSE_VERBS: Final[frozenset[str]] = lex.words("argue suggest contend")
#: Words that leave such a base form unasserted: a modal ("will still argue …", "Will those
#: briefers suggest …?") or "do"-support, or "to" after a verb of wanting or planning; only a
#: "that" clause is then read, as before.
_UNASSERTING: Final = lex.words("will would may might can could shall should must do does did")
_UNASSERTING_REACH: Final = 8  # words before the cue: "Will those Brownite briefers suggest"


def unasserted_plural(cue: str, before: str) -> bool:
    """Whether a plural verb of arguing (``PLURAL_CLAUSE_VERBS``) has a modal or "do" among the eight
    words before it (``before``: its sentence up to the cue), or "to" after a stance verb ("wants to"),
    so its bare clause is no statement ("went on to suggest …" stays one)."""
    if cue.lower() not in PLURAL_CLAUSE_VERBS:
        return False
    words = before.lower().split()
    if len(words) >= 2 and words[-1] == "to" and words[-2] in lex.STANCE_VERBS:
        return True  # "wants to argue …", "hopes to suggest …": an intention
    return any(word in _UNASSERTING for word in words[-_UNASSERTING_REACH:])


# Phrasal cues and their particle ("referring to the deal", "pointed out that …").
# Verbs of warning (their topic after "against / about / of"; their listener before "that").
_WARNINGS: Final = ("warned", "warns", "warning", "cautioned", "cautions", "cautioning")
_PHRASAL: Final = {
    "referring": ("to",), "refers": ("to",), "referred": ("to",), "pointing": ("to", "out"),
    "pointed": ("out", "to"), "points": ("out", "to"), "talking": ("about",), "talked": ("about",),
    "talks": ("about",), "called": ("for", "on"), "calls": ("for", "on"), "calling": ("for", "on"),
    "railed": ("against",), "rails": ("against",), "lashed": ("out",),
    # (eighteenth round) a warning's topic: "warned against the forces of hate …", "cautioned against
    # drawing too many lessons from …", "warning about a new world war"
    **dict.fromkeys(_WARNINGS, ("against", "about", "of")),
    # verbs of speaking about a topic: "spoke about the need for …", "commented on the ruling"
    **{verb: (particle,) for verb, particle in lex.TOPIC_CUES.items()},
    **{verb: (lex.TOPIC_CUES[verb], up) for verb, up in lex.SECOND_TOPIC_PARTICLES.items()},
    **{verb: (particle,) for verb, particle in lex.TOPIC_PARTICIPLES.items()},
}
# Statement verbs whose "to …" object is itself the statement ("pledged to push for …").
_PROMISES: Final = lex.words(
    "pledged pledges promised promises promise vowed vows vow threatened threatens urged urges "
    "pledging promising vowing threatening urging"
)
# Verbs of promising whose one-word object is what was promised ("vows change", "pledged support";
# not "urged" or "threatened", whose object is first a listener or a target).
_PLEDGES: Final = lex.words("pledge pledged pledges promise promised promises vow vowed vows")
# Cues whose object is first a listener ("told reporters that …").
_LISTENER_CUES: Final = frozenset(["told", "tells", "tell", "telling"])
# Verbs of the tell class whose listener comes first and whose content is a clause ("assured voters
# he'd force Mexico to pay", "reminded viewers that he doesn't"); without a clause after the listener
# ("reminded his staff about …", "assured a win") they report nothing.
_ASSURANCE_CUES: Final = lex.words(
    "assured assures assure assuring reassured reassures reassure reassuring "
    "reminded reminds remind reminding"
) | lex.words(
    # (twentieth round) "Tanden informed Soros that she had worked for Clinton": what the listener
    # was told; "informed him of the death", "informed voters" report nothing
    "informed informs"
)
# Verbs whose object is content only after "that" or a colon: "continued his push", "reiterated
# his support", "posted a message on Facebook", "charged a fee" are things, not words.
_EXPLICIT_ONLY: Final = lex.words(
    "continued continues reiterated reiterates repeated repeats posted posts charged charges answered "
    # "conceding the race", "recounted the incident", "emphasizing those words"
    "conceding confirming recounted recounting emphasizing emphasising stressing "
    "hinted acknowledging asserting repeating"
) | lex.CLAUSE_CUE_VERBS  # affirmed, clarified, intimated …: see the lexicon
# Nouns of statements: as the object of a verb of repeating ("reiterated his belief that …",
# "repeated his promise to repeal …", "repeated accusations that …") they are what was said.
_STATEMENT_NOUNS: Final = lex.words(
    "belief beliefs promise promises pledge pledges contention claim claims assertion assertions "
    "accusation accusations charge charges call calls warning warnings argument arguments view views "
    "position criticism criticisms point opposition demand demands vow vows insistence "
    "allegation allegations complaint complaints concern concerns"
) | lex.words(
    # (twenty-third round) what is said again and again: "repeated the attacks he has been airing",
    # "reiterated the basic premise of …", "repeated his message", "reiterated his frustration
    # over …" (a feeling put in words once more).  Not "line" ("a line" of text or a border;
    # measured: one spurious quote and one wrong speaker on train)
    "attack attacks premise message messages refrain mantra theme themes talking "
    "assurance assurances threat threats plea pleas appeal appeals frustration frustrations "
    "feelings sentiment sentiments"
)
_REPEATING: Final = lex.words("reiterated reiterates repeated repeats repeating recounted recounting")
_OBJECT_LEADS: Final = lex.words("his her their its the a an this that these those my our")
# (twenty-third round) a quantifier of a statement noun's determiner: "reiterated many of the
# campaign pledges he's been making", "repeated some of his claims"
_QUANTIFIER_OF: Final = lex.words("many some several all most one two three few each both")


def statement_object(cue: str, text: str) -> bool:
    """Whether a verb of repeating, whose object is content only after "that" (``_EXPLICIT_ONLY``:
    "reiterated his support" is a thing), has a statement for object ("reiterated his belief that
    there will be …", "repeated his promise to repeal …"): a determiner, at most two modifiers,
    then a noun of statements."""
    if cue.lower() not in _REPEATING:
        return False
    words = [w.lower().strip(",.;:") for w in text.split(None, 6)[:6]]
    if len(words) > 2 and words[0] in _QUANTIFIER_OF and words[1] == "of":
        words = words[2:]  # "many of the campaign pledges"
    if words and words[0] in _OBJECT_LEADS:
        words = words[1:]
    return any(w in _STATEMENT_NOUNS for w in words[:3])


# Particles of phrasal verbs after a cue ("called off", "showed up"): no content follows.
_PARTICLES: Final = lex.words("off up out down back away")
# Words that open a circumstance phrase rather than content.
_CIRCUMSTANCE: Final = lex.words(
    """
    on at in during after before while when from via through over with to for about as by since
    following upon amid outside inside near under against into toward towards across behind despite
    without within among between until ahead aboard alongside throughout
    """
)
# (public: the parenthetical-attribution rule of quotes.py reads it too)
CIRCUMSTANCE: Final[frozenset[str]] = _CIRCUMSTANCE
# Time words and adverbs that may stand between a cue and its content ("said Tuesday that …").
_TIME: Final = lex.WEEKDAYS | lex.MONTHS | lex.words(
    """
    today yesterday tonight tomorrow earlier later recently previously again also then now once twice
    last this next week month year weekend morning afternoon evening night early late repeatedly
    jan feb mar apr jun jul aug sep sept oct nov dec aloud
    """
)
# First words after a cue that need the full rules of content_after.
_SLOW_STARTS: Final = _CIRCUMSTANCE | frozenset([":", ",", ";", "(", "-", "–", "—", "that", "to"])
# Words opening a clause the listener of "told" is followed by ("told CNN how …").
_WH: Final = lex.words("that how what why whether if")
# Words that open no content of their own after a comma ("…, adding", "…, the lawyer for …").
_SUBJECT_PRONOUNS: Final = lex.words("he she it they we i there")
_PHRASE_LEADS: Final = lex.words("in on at during about for over from with under since")
_WH_WORDS: Final = lex.words("what when where which who whom how why whether if as")
_OCCASION_WORDS: Final = lex.words("the a an his her their its both each all this that these those")
# Relative adverbs opening an aside on where or when the Source spoke, before "that" and the content.
_OCCASION_ASIDE: Final = lex.words("where when")
_NOT_CONTENT_START: Final = lex.words("and but or adding saying noting who which according the a an his her")
_DETERMINERS: Final = lex.words("the a an his her their")
_NEGATION: Final = re.compile(r"\b(?:not|never|no longer)\b|n[’']t\b", re.IGNORECASE)
#: Verbs of refusing or failing to do what follows ("refused to comment on", "declined to say").
_REFUSAL: Final = re.compile(r"\b(?:refus|declin|resist|avoid|fail)(?:e|es|ed|ing|s)?\b", re.IGNORECASE)
_WORD: Final = re.compile(r"[^\W_][\w’'.-]*|[^\w\s]")
_ORDINAL: Final = re.compile(r"^\d+(?:st|nd|rd|th)?[.,]?$")


_WINDOW: Final = 160  # characters of the sentence after a cue that content_after reads
_FIRST: Final = re.compile(r"\s*([^\W_][\w’'.-]*|[^\w\s])")


def negated(between: str) -> bool:
    """Whether the words between a Source and its cue negate it ("had never promised", "didn't say").

    Only the verb group right before the cue counts: an aside or a coordinated clause before it
    ("Warren, who has not endorsed anyone, told …", "said he should not have …, and then pointed
    out") negates something else.
    """
    return bool(_NEGATION.search(_verb_group(between)))


#: (seventeenth round) A coordinated verb starts a verb group of its own: "did not attack Clinton
#: directly but argued insistently that …", "said she didn't want to think about it and predicted
#: that …": the negation is the first verb's, the cue's statement stands.
_COORDINATION: Final = re.compile(r"\s(?:and|but)\s")


def _verb_group(between: str) -> str:
    """The words right before a cue: past the last aside mark and the last "and" / "but"."""
    return _COORDINATION.split(_ASIDE_END.split(between)[-1])[-1]


def refused(between: str) -> bool:
    """Whether the verb group between a Source and its cue refuses or fails to do it ("refused to
    comment on", "resisted any temptation to refer to", "declined to discuss")."""
    return bool(_REFUSAL.search(_ASIDE_END.split(between)[-1]))


# Where an aside, apposition or earlier clause ends before a cue: a comma, dash or parenthesis.
_ASIDE_END: Final = re.compile(r",|\s[-\u2013\u2014]+\s|[\u2013\u2014)]")


def _time_word(low: str) -> bool:
    return low.rstrip(".") in _TIME or bool(_ORDINAL.match(low)) or (low.endswith("ly") and low.isalpha())


_RELATIVE: Final = re.compile(r"\b(?:what|whatever|how)\s*$", re.IGNORECASE)


def relative_source(before: str) -> bool:
    """Whether the words before a Source make its cue part of a relative or comparative clause
    ("what Trump says his plan would do"): no statement of its own."""
    return bool(_RELATIVE.search(before))


def _light_noun_cue(low: str) -> bool:
    """Whether a cue is a light verb's speech noun and its preposition ("made a plea for",
    "delivered an impassioned defense of"): what follows the preposition is what was said."""
    words = low.split()
    if len(words) < 3 or words[0] not in lex.LIGHT_SPEECH_VERBS:
        return False
    return words[-1] in lex.LIGHT_SPEECH_NOUNS.get(words[-2], frozenset())


def reports_content(cue: str, kind: str = "person") -> bool:
    """Whether a cue's object can be content: speech verbs and communicative stance verbs.

    A person "found a receptive audience"; a poll or an agency "found" or "showed" results.
    """
    low = cue.lower()
    if low in _EXPLICIT_ONLY or (kind == "person" and low in lex.DOCUMENT_VERBS and low not in SPEECH_CUES):
        return False  # a person "found a receptive audience", but "suggested Trump went too far"
    if kind != "person" and (low in DOCUMENT_OBJECT_VERBS or low in lex.DOCUMENT_PARTICIPLES):
        return True  # (twenty-second round) only a document says these: "the CBS poll gave Clinton a lead"
    return (
        low in SPEECH_CUES
        or low in STATEMENT_VERBS
        or low in BELIEF_VERBS
        or low in PLURAL_CLAUSE_VERBS
        or low in lex.PARTICIPLE_CUES
        or low in lex.TOPIC_CUES
        or low in lex.OBJECT_TOPIC_CUES
        or low in lex.TOPIC_PARTICIPLES
        or low in lex.PROGRESSIVE_TOPIC_CUES
        or low in lex.BASE_SPEECH_VERBS
        or low in lex.CAST_VERBS
        or _light_noun_cue(low)
        or _critical_cue(low)
        or low in VOICED_STANCE_VERBS
    )


#: (sixteenth round) Stance verbs of the lexicon whose object is what the Source said, though
#: ``STATEMENT_VERBS`` did not hold them: "Trump echoed Putin's justification of the annexation"
#: (words repeated), "Cruz knocked Rubio on trade", "jabbed Clinton over …" (verbal attacks, as
#: "slammed" is), "Husted voiced his disapproval of the ruling" (said, as "expressed" is).  Not
#: "applauded" ("applauded the efforts of investors": approval by deed as often), "invoked" ("invoked
#: the Orlando attacks as a cudgel": used, not said), "outlined" (a plan), "protested" (a march).
VOICED_STANCE_VERBS: Final[frozenset[str]] = lex.words(
    "echoed echoes knocked jabbed voiced voices expresses criticises"
) | lex.words(
    # "lashed out at the GOP nominee" (a verbal attack: ``_delayed_particle``), "reminded the crowd
    # of the stakes" (what the reminder said: ``_reminded_of``)
    "lashed lashes reminded reminds"
) | lex.words(
    # "Beck encouraged Americans to join him in a fast" (urged, as "urged" is), "Trump and Sanders
    # often blame China for …" (the plural present of "blamed")
    "encouraged encourages blame"
)


def voiced_by_passive(cue: str, inverted: bool) -> bool:
    """Whether a ``VOICED_STANCE_VERBS`` cue is a passive's ("have been echoed by Trump's army of
    Twitter followers"): its Source follows "by" and the object it voiced is the clause's subject,
    not the words after the Source, so it reports no content there."""
    return inverted and cue.lower() in VOICED_STANCE_VERBS


def _critical_cue(low: str) -> bool:
    """Whether a cue is an adjective of voiced judgement and its preposition ("critical of",
    ``lex.CRITICAL_ADJECTIVES``): what follows the preposition is what the Source spoke against."""
    words = low.split()
    return len(words) == 2 and lex.CRITICAL_ADJECTIVES.get(words[0]) == words[1]


# "in a written statement Thursday night", "in an interview on Sunday": how the Source spoke, then
# (without "that") the content.
_OCCASION_LEAD: Final = re.compile(
    r"(?:in|during)\s+(?:an?|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|interview|speech|email|letter|post|tweet|op-ed|press\s+release|memo|video|address"
    # (eighteenth round) "acknowledged in an MSNBC forum Monday night it will be …"
    r"|forum|town\s+hall|debate|radio\s+show|conference\s+call)\b"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday"
    r"|last\s+week|this\s+week|earlier\s+this\s+week|night|morning|afternoon|evening))*"
)


# Forms of "ask": their content is the question (a wh- or "if" clause after the person asked);
# "asking them to host events", "asked for $1.9 billion" are requests, not speech.
_ASK_CUES: Final = lex.words("ask asks asked asking")
# "asking the directors whether …", "asked Sanders why …", "kept asking her why …": up to four
# words of listener (no preposition, no infinitive), then the question's opening word.
_QUESTION_AFTER: Final = re.compile(
    r"[^\S\n]+(?:(?!(?:to|for|about|on|of|that|and|but)\b)[\w.'\u2019-]+[^\S\n]+){0,4}?"
    r"(whether|if|why|how|what|when|where|who)\b"
)

# (twenty-second round) "asked the Supreme Court for quick action", "asked Trump about statements
# he had made": one to five words of listener, then the request's or topic's preposition; the
# listener is no part of what was asked (PolNeAR's contents start at the preposition).  Not "to":
# "asked the network to donate …" keeps its listener (the infinitive clause is read whole).
_REQUEST_AFTER: Final = re.compile(
    r"[^\S\n]+(?:(?!(?:to|for|about|on|of|that|and|but|in|at|with|by)\b)[\w.'\u2019-]+[^\S\n]+){1,5}?"
    r"(about|for)\b"
)


def question_follows(text: str) -> bool:
    """Whether ``text`` (right after a form of "ask") opens with at most four words of listener and
    then a question word ("her why …", "the governor whether …"), not a request or topic ("them to
    host events", "voters for help")."""
    return _QUESTION_AFTER.match(text) is not None


def question_start(text: str, cue: str) -> int | None:
    """Where the question a form of "ask" reports starts in ``text`` (the sentence after the
    cue), past the person asked: "asking the directors whether HP should proceed …" -> "whether …",
    "asked Sanders why he has criticized …" -> "why …"; None for requests and topics ("asking
    them to host events", "asked about the deal")."""
    if cue.lower() not in _ASK_CUES:
        return None
    found = _QUESTION_AFTER.match(text)
    if found is None:
        found = _REQUEST_AFTER.match(text)
    return found.start(1) if found is not None else None


# (twenty-fourth round) Verbs of warning and promising that may name a listener before "that"
# ("warned Republicans that …", "promised Mr. Weiner that …"): train gold starts the content at
# "that" each time, as after "told".
_WARNING_CUES: Final = frozenset(_WARNINGS) | lex.words("warn caution promised promises promise promising")
# Words a listener noun phrase before "that" may hold besides capitalised words, listener nouns
# (``_LISTENERS``) and time words: "warned his fellow Republicans", "promised all of them", "warned
# voters on Tuesday".
_LISTENER_FILLERS: Final = lex.words("fellow other all both its our your my these those each of on in at")
# After "that", words that make it a relative pronoun of the object ("the voters that were …").
_RELATIVE_VERBS: Final = lex.words("is are was were has have had will would can could should may might")


def _that_after_warned_listener(text: str) -> tuple[int, bool] | None:
    """The clause after a short listener of a warning or a promise and "that" ("warned voters on
    Tuesday that …"), or None.  The listener is at most six words, each capitalised, a listener
    noun, a time word or a filler; "that" must not open a relative clause ("that were …")."""
    tokens = [(m.start(), m.group()) for m in _WORD.finditer(text[:80].lower())]
    for j in range(1, min(len(tokens) - 1, 7)):
        if tokens[j][1] == "that":
            nxt = tokens[j + 1][1]
            if nxt in _RELATIVE_VERBS or (nxt.endswith("ed") and nxt.isalpha()):
                return None
            return tokens[j + 1][0], True
        low = tokens[j][1]
        if not (text[tokens[j][0]].isupper() or low.rstrip(".") in _LISTENERS or _time_word(low)
                or low in _LISTENER_FILLERS):
            return None
    return None


# (twenty-fourth round) Words that make "at" a quantifier ("at least", "at most"), not a preposition.
_AT_QUANTIFIERS: Final = frozenset(["least", "most"])


def content_after(text: str, cue: str, source_before: bool = False) -> tuple[int, bool] | None:
    """Where the content in ``text`` (the rest of the sentence after the cue) starts.

    Returns ``(offset, explicit)``; ``explicit`` when "that" or a colon introduced it; a negative
    offset when the cue stands parenthetically (", he said, …") and the clause before counts too.  None when
    what follows is only a circumstance phrase, an apposition or a participle ("…, adding …"),
    a listener without content, or an infinitive ("promised to …").  ``source_before``: the Source
    stands before the cue ("…, Ms. Tchen said, the White House …"), so a determiner after the comma
    opens content, not an apposition of the Source.
    """
    first = _FIRST.match(text)
    if first is None:
        return None
    word = first.group(1).lower()
    delayed = _delayed_particle(text, cue)
    if delayed is not None:
        return delayed  # "called Wednesday for …", "called upon the U.S. to …", "lashed out at X"
    if word in _PHRASAL.get(cue.lower(), ()):
        # "referring to the deal", "pointing out that …": the content follows the particle
        # ("opened up about her struggles": the topic after "about", read as after "talked")
        found = content_after(text[first.end() :], "talked" if cue.lower() in lex.UP_ABOUT_CUES else "")
        if found is None or found[0] < 0:
            return None
        # "called on Turkey to meet its commitments …": an addressee and an infinitive clause, whole
        return found[0] + first.end(), found[1] or word == "on"
    if word in _PARTICLES:
        return None
    if word == "of" and cue.lower() in SPEECH_CUES:
        topic_end = _of_topic_end(text, first.end())
        if topic_end is not None:
            return topic_end
    if cue.lower() in _WARNING_CUES:
        warned = _that_after_warned_listener(text)
        if warned is not None:
            return warned  # "warned Republicans on Tuesday that the party …": the clause, not the listener
    if word not in _SLOW_STARTS and word[:1].isalnum() and not _time_word(word) and (
        cue.lower() not in _LISTENER_CUES and cue.lower() not in _ASSURANCE_CUES
    ):
        return first.start(1), False  # "said the talks …", "said he …": the common case, decided here
    # The rules look at most ~20 tokens past the cue: a prefix of the sentence is enough (and the
    # sentence may run on for hundreds of tokens).
    # Tokens of the lower-cased text (one lower() call); capitals are read from ``text`` itself.
    tokens = [(m.start(), m.group()) for m in _WORD.finditer(text[:_WINDOW].lower())]
    n = len(tokens)
    k = 0
    if n == 0:
        return None
    if tokens[0][1] == ":":
        return (tokens[0][0] + 1, True) if n > 1 else None
    if tokens[0][1] == "," and n > 2 and tokens[1][1] == "that":
        return tokens[2][0], True  # "Lavrov added, that Moscow …"
    second = tokens[1][1] if n > 2 else ""
    if (
        tokens[0][1] == ","
        and second[:1].isalpha()
        and (second not in _NOT_CONTENT_START or (source_before and second in _DETERMINERS))
        and second not in _CIRCUMSTANCE
        and not second.endswith("ing")
    ):
        # "…, Mr. Morgan said, he has already …": a parenthetical attribution, content on both sides
        return -tokens[1][0], False
    if tokens[0][1] == "," and second in _CIRCUMSTANCE:
        # "said, among other things, that Mr. Bezos …": an aside, then the content
        for j in range(2, min(n - 1, 14)):
            if tokens[j][1] == "," and tokens[j + 1][1] == "that" and j + 2 < n:
                return tokens[j + 2][0], True
    if tokens[0][1] in {"-", "–", "—"}:
        aside = _that_after_dash_aside(tokens)
        if aside is not None:
            return aside  # "said — on Twitter, as it happens — that Trump raised …"
    if tokens[0][1] in {",", ";", "(", "-", "–", "—"}:
        return None  # an apposition, aside or participle: the content is elsewhere
    if cue.lower() in _ASSURANCE_CUES:
        return _clause_after_listener(text, tokens) or _reminded_of(text, tokens, cue)
    if cue.lower() in _LISTENER_CUES:
        # The listener comes first: "told reporters that", "told CNN's Jake Tapper on Sunday that".
        j = 0
        while j < min(n, 14):
            if tokens[j][1] in _WH and j > 0:
                start = tokens[j + 1][0] if tokens[j][1] == "that" and j + 1 < n else tokens[j][0]
                return (start, True) if j + 1 < n else None
            if tokens[j][1] == "," and _place_pair_end(text, tokens, j) > 0:
                j = _place_pair_end(text, tokens, j)  # "customers at a Manchester, N.H., diner that"
                continue
            if tokens[j][1] in {",", ";", ".", ":"}:
                break
            j += 1
        # "told reporters the deal …": step over one listener noun phrase
        while k < n and (text[tokens[k][0]].isupper() or tokens[k][1].rstrip(".") in _LISTENERS
                         or _name_number(text, tokens, k) or _listener_modifier(tokens, k)):
            if k > 0 and tokens[k][1] in _DETERMINERS and tokens[k - 1][1] not in _DETERMINERS:
                break  # "told reporters the race …": a determiner after the listener opens the content
            if k > 0 and tokens[k][1].rstrip(".") in _HONORIFICS and not text[tokens[k - 1][0]].isupper():
                break  # "told reporters Mr Blair had …": a name after a listener noun opens the content
            k += 1
        if k == 0:
            return None
    listened = k
    while (
        k < n
        and _time_word(tokens[k][1])
        and not _lone_deictic(tokens, k)
        and not _counted(tokens, k, cue.lower() in SPEECH_CUES)
    ):
        k += 1
    if not any(t[1][:1].isalnum() for t in tokens[k:]):
        return None  # "…, Lavrov noted." / "said Tuesday.": nothing after the cue
    if k > 0 and tokens[k][1] in _AFTER_TIME_BREAKS and _writer_tail(text, tokens[k][0]):
        return None  # "told reporters Friday, a day after the vote.": the writer's tail
    if k > listened and tokens[k][1] in _AFTER_TIME_BREAKS:
        return _after_time_break(text, tokens[k][0], cue, source_before)
    low = tokens[k][1]
    if low == "that":
        return (tokens[k + 1][0], True) if k + 1 < n else None
    if low == "to":
        # "wants to …", "agreed to …": an intention, not words; "pledged to …" is a promise
        if cue.lower() in _PROMISES:
            return tokens[k][0], False
        return _clause_after_to_listener(text, tokens, k, cue)
    if low == "at" and k + 1 < n and tokens[k + 1][1] in _AT_QUANTIFIERS:
        # (twenty-fourth round) "said at least 20 people were hurt": a quantity opens the clause,
        # not a place or an occasion ("said at a rally …"), so the content starts here
        return tokens[k][0], False
    if low in _CIRCUMSTANCE:
        occasion = _OCCASION_LEAD.match(text, tokens[k][0])
        if occasion is not None:
            # "said in a statement Thursday night they pulled the listing": content after the occasion
            nxt = _FIRST.match(text, occasion.end())
            word = nxt.group(1) if nxt else ""
            if nxt is not None and _opens_clause(text, nxt.start(1)) and (
                word.lower() not in _CIRCUMSTANCE | _NOT_CONTENT_START | {"that"}
            ):
                return nxt.start(1), False
        # "said in a statement that …", "said after the meeting, the talks …": skip the phrase.
        for j in range(k + 1, min(n, k + 16)):
            word = wlow = tokens[j][1]
            if _question_after_phrase(tokens, k, j, cue):
                return tokens[j][0], False  # "questioned in recent days whether Trump has …"
            if wlow == "that" and j + 1 < n and not _determiner_that(tokens, j):
                return tokens[j + 1][0], True
            if wlow == "to" and _promise_after_phrase(text, tokens, j, cue):
                return tokens[j][0], False  # "promised Sunday at a Las Vegas rally to end …"
            if _determiner_subject_after_phrase(tokens, k, j):
                # (twenty-first round) "said in a statement the company would appeal", "told CNN on
                # Sunday the plan would fail": a noun subject after the occasion, then its verb
                return tokens[j][0], False
            if (
                _pronoun_head(wlow) in _SUBJECT_PRONOUNS
                and j <= k + 4
                and tokens[k][1] in _PHRASE_LEADS
                and all(t[1][:1].isalnum() and t[1] not in _WH_WORDS for t in tokens[k + 1 : j])
            ):
                # "said in politics it takes time …": a short phrase opening the content's own clause;
                # "said on Monday he would …", "said at the rally he …": the occasion, not content
                if any(_time_word(t[1]) or t[1] in _OCCASION_WORDS for t in tokens[k + 1 : j]):
                    return tokens[j][0], False
                return tokens[k][0], False
            if word in _AFTER_TIME_BREAKS and _writer_tail(text, tokens[j][0]):
                return None  # "reported on Tuesday -- a development that …": the writer's gloss
            if word == ",":
                rest = tokens[j + 1 :]
                words = [t for t in rest if t[1][:1].isalnum()]
                opener = rest[0][1] if rest else ""
                if opener in _OCCASION_ASIDE or (
                    opener == "that" and j + 3 < n and tokens[j + 2][1] not in _PREDICATE_OPENERS
                ):
                    # (twenty-first round) "said on CNN, where he is now a paid contributor, that
                    # Manafort should …": an aside on the occasion, then the content after "that"
                    # (not a relative "that": "…, masks, that were popular …")
                    continue
                placed = _that_after_place(text, tokens, j)
                if placed is not None:
                    return placed, True
                if len(words) >= 4 and opener not in _NOT_CONTENT_START and not opener.endswith("ing"):
                    if occasion is not None and occasion.end() == tokens[j][0]:
                        # (twenty-first round) "If she wins, Clinton suggested in a tweet, women won't
                        # be punished …": the occasion is no content; the clause after its comma is,
                        # with the clause before the attribution (a parenthetical attribution)
                        return -tokens[j + 1][0], False
                    # "said within the framework of …, Moscow had …": the phrase belongs to the content
                    return tokens[k][0], False
                return None
            if word in {";", ":", "."} or (wlow in SPEECH_CUES and wlow not in _NOT_CUES_HERE):
                return None  # a second cue: "said in Iowa he added …"
        return None
    return tokens[k][0], False


# (twenty-third round) Verbs of asking whose content is the question itself, and the words that
# open it ("asked in May if he would endorse Trump", "questioned in recent days whether …").
_QUESTION_CUES: Final = lex.words("asked asks questioned questions wondered wonders queried inquired")
_QUESTION_OPENERS: Final = lex.words("whether if why how")
# Prepositions of time and occasion that may stand between the cue and its question.
_QUESTION_PHRASE_LEADS: Final = lex.words("in on at during")


def _question_after_phrase(tokens: list[tuple[int, str]], k: int, j: int, cue: str) -> bool:
    """A question word at ``j`` right after a short circumstance phrase opened at ``k`` (at most
    four words, no punctuation): "Cruz has questioned in recent days whether Trump has …", "asked
    in May if he would endorse Trump".  The question is the content, as it is right after the cue."""
    if cue.lower() not in _QUESTION_CUES or tokens[j][1] not in _QUESTION_OPENERS or j > k + 5:
        return False
    if tokens[k][1] not in _QUESTION_PHRASE_LEADS:
        return False  # "asked for help in May if …": a request, not a question
    return all(t[1][:1].isalnum() and t[1] not in _QUESTION_OPENERS for t in tokens[k + 1 : j])


# (twenty-second round) A comma or dash after the cue's time word ("said Thursday, …").
_AFTER_TIME_BREAKS: Final = frozenset({",", "-", "\u2013", "\u2014"})
_QUOTE_OPENERS: Final = frozenset({'"', "\u201c", "'", "\u2018"})

# (twenty-second round) The writer's tail after a dated attribution: a time relative to the report
# (", two days after the vote", ", a week before …", ", hours after …") or a dash gloss ("-- a
# development that …", "— a sign that …").  Neither is the speaker's content.
_WRITER_TAIL: Final = re.compile(
    r"(?:,\s*(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|just|only|some|"
    r"\d+)\s+)?(?:days?|weeks?|months?|years?|hours?|minutes?)\s+(?:after|before|later|earlier|"
    r"since|ago)\b|\s*(?:--|\u2014|\u2013|-)\s*(?:a|an)\s)",
    re.IGNORECASE,
)


def _writer_tail(text: str, at: int) -> bool:
    """(twenty-second round) Whether the text at ``at`` (a comma or dash after the cue's time or
    occasion) opens the writer's tail rather than the content: "…, the agency said Thursday, two
    days after the vote." / "… reported on Tuesday -- a development that …"."""
    return _WRITER_TAIL.match(text, at) is not None


def _after_time_break(text: str, at: int, cue: str, source_before: bool) -> tuple[int, bool] | None:
    """(twenty-second round) Where the content starts when a comma or dash follows the cue's time
    word (``at``: that mark): "said Thursday, a day after the vote." is the writer's tail (None: the
    content is the clause before); otherwise the mark is read as if it followed the cue ("said
    Tuesday, he would …" is parenthetical, "said Tuesday — on Twitter — that …" an aside).  Before
    this the comma itself had been read as the content's start, so the tail became the content."""
    if _writer_tail(text, at):
        return None
    found = content_after(text[at:], cue, source_before)
    if found is None:
        # "told the agency simply, "We lost."": a quotation after the comma is the content
        rest = text[at + 1 :].lstrip()
        return (at, False) if rest[:1] in _QUOTE_OPENERS else None
    offset, explicit = found
    return (offset - at if offset < 0 else offset + at), explicit


def _place_pair_end(text: str, tokens: list[tuple[int, str]], j: int) -> int:
    """(twenty-fourth round) The index after the closing comma of a city's state opened by the comma
    at ``j`` ("telling customers at a popular Manchester, New Hampshire, breakfast spot that …"):
    the city and its state name one place inside the listener's phrase, so their commas end no
    listener (the content after "that" had been lost, or read with the whole phrase).  -1 when the
    comma opens no capitalised run ending in a state or country name and a comma."""
    n = len(tokens)
    if j == 0 or not text[tokens[j - 1][0]].isupper():
        return -1
    for m in range(j + 1, min(n - 1, j + 4)):
        if not text[tokens[m][0]].isupper():
            return -1
        if tokens[m][1] in lex.PLACES and tokens[m + 1][1] == ",":
            return m + 2
    return -1


def _that_after_place(text: str, tokens: list[tuple[int, str]], j: int) -> int | None:
    """(twenty-first round, cue side) Where the content starts when the comma at ``j`` inside an
    occasion phrase opens a place's second part or a short dated aside, closed by a comma and "that":
    "said Thursday during a town hall in Buffalo, New York, that state is wrong …", "wrote in a
    letter to the governor, dated March 3, that the tax …".  The phrase is the occasion, not content
    (without this the whole occasion was read as the content).  None otherwise."""
    n = len(tokens)
    if j + 1 >= n or not (text[tokens[j + 1][0]].isupper() or tokens[j + 1][1] == "dated"):
        return None
    for m in range(j + 2, min(n - 2, j + 6)):
        word = tokens[m][1]
        if word == ",":
            if tokens[m + 1][1] == "that" and tokens[m + 2][1] not in _PREDICATE_OPENERS:
                return tokens[m + 2][0]
            return None
        if not (word[:1].isalnum() or word == "."):
            return None
    return None


def _determiner_that(tokens: list[tuple[int, str]], j: int) -> bool:
    """(twenty-first round) Whether the "that" at ``j`` right after a preposition is the phrase's
    determiner, with the content's "that" still to come ("concluded in that case that no reasonable
    prosecutor …" had given "case that …")."""
    if tokens[j - 1][1] not in _CIRCUMSTANCE:
        return False
    return any(t[1] == "that" for t in tokens[j + 2 : j + _DETERMINER_THAT_REACH])


_DETERMINER_THAT_REACH: Final = 8  # tokens after the determiner within which the content's "that" comes


def _promise_after_phrase(text: str, tokens: list[tuple[int, str]], j: int, cue: str) -> bool:
    """(eighteenth round) Whether the "to" at ``tokens[j]``, after a circumstance phrase that
    follows a promise cue, opens the promise's infinitive: "promised on Tuesday to refrain from
    …", "vowed at a rally in Iowa to end …" (a verb follows: lower case, no determiner); "pledged
    in a letter to voters …" goes on with the phrase."""
    if cue.lower() not in _PROMISES or j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1]
    return nxt[1].isalpha() and text[nxt[0]].islower() and nxt[1] not in _DETERMINERS | _OCCASION_WORDS


def _that_after_dash_aside(tokens: list[tuple[int, str]]) -> tuple[int, bool] | None:
    """(eighteenth round) The content after an aside between dashes right after the cue: "said —
    on Twitter, as it happens — that Trump raised …", "asserting — in one sentence — that he uses
    …": the same dash closes the aside within twenty tokens and "that" follows it; None otherwise
    (a dash that opens the writer's comment, "said - an unusual move - nothing")."""
    dash = tokens[0][1]
    n = len(tokens)
    for j in range(1, min(n - 2, 21)):
        word = tokens[j][1]
        if word in {".", ";", ":", "?", "!"}:
            return None
        if word == dash:
            if tokens[j + 1][1] == "that":
                return tokens[j + 2][0], True
            return None
    return None


# "said of the plan: …" / "said of Trump that …": the topic, then a colon or "that" and the content.
_OF_TOPIC: Final = re.compile(r"[^:;,.!?\"\u201c\u201d]{1,80}?(?::\s*|\s+that\s+)(?=[\w\"\u201c'])")


def _of_topic_end(text: str, at: int) -> tuple[int, bool] | None:
    """Where the content starts after the topic "of …" of a speech cue (``at``: after "of"), when a
    colon or "that" closes the topic: "said of the plan: “It will fail.”" (the topic is no content)."""
    match = _OF_TOPIC.match(text, at)
    return None if match is None else (match.end(), True)


def _determiner_subject_after_phrase(tokens: list[tuple[int, str]], k: int, j: int) -> bool:
    """Whether token ``j``, a determiner after the phrase opened at ``k`` ("on Sunday", "at a rally in
    Ohio", "in an interview with CNN"), opens a clause: a noun subject, then within four words a
    finite auxiliary or modal and no comma or "that" before it ("the plan would fail")."""
    if tokens[j][1] not in _DETERMINERS or not k + 2 <= j <= k + 6 or tokens[k][1] not in _PHRASE_LEADS:
        return False
    if tokens[j - 1][1] in _DETERMINERS or tokens[j - 1][1] in _PHRASE_LEADS:
        return False  # "said at the …": still inside the phrase
    if not all(t[1][:1].isalnum() and t[1] not in _WH_WORDS for t in tokens[k + 1 : j]):
        return False
    for t in tokens[j + 1 : j + 6]:
        if t[1] in lex.FINITE_AUXILIARIES:
            return True
        if not t[1][:1].isalnum() or t[1] == "that" or t[1] in _WH_WORDS:
            return False
    return False


def _opens_clause(text: str, at: int) -> bool:
    """Whether the word at ``at`` can open the content after an occasion: a letter, or (eighteenth
    round) a quotation mark before one ("said in a forum “it will be very hard …”")."""
    if text[at : at + 1].isalpha():
        return True
    return text[at : at + 1] in {"\u201c", '"'} and text[at + 1 : at + 2].isalpha()


def _pronoun_head(word: str) -> str:
    """The pronoun of a contracted form ("he’s" -> "he", "they're" -> "they"); other words as they are.

    The tokens keep apostrophes inside words, so "said for weeks he’s the only …" opens its clause
    with the token "he’s", which must read as the subject pronoun it starts with."""
    return word.replace("’", "'").split("'")[0]


def _clause_after_listener(text: str, tokens: list[tuple[int, str]]) -> tuple[int, bool] | None:
    """The clause after an assurance verb's listener: "assured him (that) it was done", "reminded
    Thor he'd have to …"; None when no clause follows ("reminded his staff about Mr. Bush's …")."""
    n = len(tokens)
    for j in range(min(n, 14)):
        if tokens[j][1] == "that":
            return (tokens[j + 1][0], True) if j + 1 < n else None  # "assured the American people that …"
        if tokens[j][1] in {",", ";", ".", ":"}:
            break
    k = 0
    while k < n and (text[tokens[k][0]].isupper() or tokens[k][1] in _LISTENERS) and k < 6:
        k += 1
    if 0 < k < n and tokens[k][1].replace("’", "'").split("'")[0] in _SUBJECT_PRONOUNS:
        return tokens[k][0], True  # a pronoun opens the clause: "assured voters he'd …"
    return None


# Time words and adverbs between a phrasal cue and its particle ("called Wednesday for", "called
# again for"), and particles written another way ("called upon").
_PARTICLE_GAP: Final = lex.words("again also once then publicly repeatedly")
_PARTICLE_SPELLINGS: Final = {"upon": "on"}
# A second preposition after "out" that opens the target ("lashed out at", "spoke out against").
_OUT_TARGETS: Final = lex.words("at against")


def _delayed_particle(text: str, cue: str) -> tuple[int, bool] | None:
    """Content after a phrasal cue's particle that is not right after the cue (sixteenth round):
    past time words and adverbs ("Trump called Wednesday for Justice Ginsburg to resign", "called
    again for President Obama to resign"), written "upon" ("called upon Mayor de Blasio to …"), or
    followed by the target's preposition ("lashed out at the GOP nominee").  None for every other
    text (the common phrasal reading in ``content_after`` then applies)."""
    particles = _PHRASAL.get(cue.lower())
    if not particles:
        return None
    tokens = [(m.start(), m.group()) for m in _WORD.finditer(text[:80].lower())]
    k = 0
    while k < len(tokens) and (_time_word(tokens[k][1]) or tokens[k][1] in _PARTICLE_GAP):
        k += 1
    if k >= len(tokens):
        return None
    particle = _PARTICLE_SPELLINGS.get(tokens[k][1], tokens[k][1])
    if particle not in particles or (k == 0 and tokens[k][1] == particle):
        if not (k == 0 and particle == "out" and len(tokens) > 1 and tokens[1][1] in _OUT_TARGETS):
            return None
        k += 1  # "lashed out at": the target's preposition
    if k + 1 >= len(tokens):
        return None
    rest = tokens[k + 1][0]
    found = content_after(text[rest:], "")
    if found is None or found[0] < 0:
        return None
    return found[0] + rest, found[1] or particle == "on"


def _reminded_of(text: str, tokens: list[tuple[int, str]], cue: str) -> tuple[int, bool] | None:
    """What a reminder was about, after its listener: "reminded the crowd of the stakes", "reminded
    viewers about his daughter's job" (sixteenth round; the listener's clause is read first by
    ``_clause_after_listener``)."""
    if not cue.lower().startswith("remind"):
        return None
    for j in range(1, min(len(tokens) - 1, 6)):
        if tokens[j][1] in {"of", "about"}:
            return tokens[j + 1][0], False
        if not tokens[j][1][:1].isalnum():
            return None
    return None


def _clause_after_to_listener(
    text: str, tokens: list[tuple[int, str]], k: int, cue: str
) -> tuple[int, bool] | None:
    """The clause after "to <listener>" of a speech verb: "complained to CBS News' Charlie Rose that
    …", "reiterated to ABC News that …", "explained to reporters why …" (``tokens[k]`` is "to").

    The listener must look like one (a capitalised word, a pronoun, a determiner or a listener noun
    right after "to"), so that an infinitive ("said to be planning …") reports nothing; a comma or a
    full stop before the "that" ends the search.
    """
    n = len(tokens)
    if cue.lower() not in _TO_LISTENER_CUES or k + 2 >= n:
        return None
    lead = tokens[k + 1]
    if not (text[lead[0]].isupper() or lead[1] in _TO_LISTENER_LEADS):
        return None
    for j in range(k + 2, min(n, k + _TO_LISTENER_REACH + 1)):
        word = tokens[j][1]
        if word in _TO_LISTENER_CLAUSE:
            if word == "that":
                return (tokens[j + 1][0], True) if j + 1 < n else None
            return tokens[j][0], True
        if not word[:1].isalnum():
            return None
    return None


# Cue words that are nouns or prepositions inside a circumstance phrase ("in her opening remarks",
# "in a statement in March"): no second cue there.
_NOT_CUES_HERE: Final = lex.NOUN_LIKE_VERBS | frozenset(["in"])
#: Titles that only ever stand before a person's name ("Mr Blair"), never inside a listener's.
_HONORIFICS: Final = lex.words("mr mrs ms miss dr sir dame lord lady")
#: Time words that make a time phrase only with the word after them ("this week", "last year").
_DEICTIC_TIME: Final = lex.words("this last next")


def _lone_deictic(tokens: list[tuple[int, str]], k: int) -> bool:
    """Whether token ``k`` is "this", "last" or "next" not followed by a time word: the start of
    the content ("told the BBC News website this was because …"), not a time phrase.  Before an
    article it is an object the content describes ("calls this a false narrative"), skipped."""
    if tokens[k][1] not in _DEICTIC_TIME:
        return False
    if k + 1 >= len(tokens):
        return True
    following = tokens[k + 1][1]
    return not _time_word(following) and following not in _DETERMINERS


_MONTH_WORDS: Final = lex.MONTHS | lex.words(
    """
    jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct.
    nov nov. dec dec.
    """
)


def _thousands(tokens: list[tuple[int, str]], k: int) -> bool:
    """Whether the number at ``k`` goes on with a comma and three digits, no space ("6,000")."""
    if k + 2 >= len(tokens) or tokens[k + 1][1] != ",":
        return False
    comma, group = tokens[k + 1], tokens[k + 2]
    return (
        comma[0] == tokens[k][0] + len(tokens[k][1])
        and group[0] == comma[0] + 1
        and len(group[1]) == 3
        and group[1].isdigit()
    )


_COUNTED_CLAUSE_WORDS: Final = 3  # words after a counted number: "20 people have indicated …"


def _counted(tokens: list[tuple[int, str]], k: int, clause: bool = True) -> bool:
    """(nineteenth round) Whether token ``k`` is a bare number counting something ("said 20 people
    have …", "said 2016 will be …", "announced 6,000 layoffs") rather than a day of a date ("said
    Oct. 20 that", "said 20 March"): digits with no month next to them.  ``clause``: after a verb
    of saying the number must open a clause, at least three words ("added 18 points." is a match
    report's score); a stance verb's object may be the amount and its noun alone."""
    low = tokens[k][1]
    if not low[:1].isdigit() or not low.rstrip(".,").isdigit():
        return False
    before = tokens[k - 1][1] if k > 0 else ""
    after = tokens[k + 1][1] if k + 1 < len(tokens) else ""
    if before in _MONTH_WORDS or after in _MONTH_WORDS:
        return False
    if not clause or _thousands(tokens, k):
        return True  # "6,000 layoffs": a figure with thousands is no day of a month
    # a clause follows, not a bare amount closing the sentence ("added 18 points." in a match report)
    return sum(1 for t in tokens[k + 1 : k + 5] if t[1][:1].isalnum()) >= _COUNTED_CLAUSE_WORDS


def _name_number(text: str, tokens: list[tuple[int, str]], k: int) -> bool:
    """Whether token ``k`` is a number inside a listener's name ("told BBC Radio 4's Today
    programme", "told Channel 4 News"): digits right after a capitalised word."""
    return k > 0 and tokens[k][1][:1].isdigit() and text[tokens[k - 1][0]].isupper()


def _listener_modifier(tokens: list[tuple[int, str]], k: int) -> bool:
    """Whether token ``k`` ("news", "press") modifies the listener noun after it."""
    if tokens[k][1] not in _LISTENER_MODIFIERS or k + 1 >= len(tokens):
        return False
    return tokens[k + 1][1].rstrip(".") in _LISTENERS


_LISTENERS: Final = lex.words(
    """
    reporters journalists the a an his her their him them me us you supporters audience crowd lawmakers
    voters members colleagues students viewers listeners readers radio television station newspaper
    network host hosts anchor interviewer correspondent agency outlet magazine website site programme
    program show paper channel podcast blog panel committee
    media conference conferences briefing briefings rally rallies meeting meetings hearing forum summit
    gathering convention congregation
    reporter journalist supporter lawmaker voter member colleague student viewer listener reader
    """
)
# Words that open a listener only before one of ``_LISTENERS``: "told a news conference", "told
# the press briefing" ("told reporters news of the deal …" opens the content).
_LISTENER_MODIFIERS: Final = lex.words("news press")


# Cues that address a listener with "to" and then say a clause ("wrote to the committee that …",
# "explained to CBS why …"): verbs of speech and statement, not of intention ("agreed to …").
_TO_LISTENER_CUES: Final = SPEECH_CUES | STATEMENT_VERBS | _EXPLICIT_ONLY
_TO_LISTENER_LEADS: Final = _LISTENERS | lex.words("my our its your")
_TO_LISTENER_CLAUSE: Final = lex.words("that why how whether")
_TO_LISTENER_REACH: Final = 9  # tokens from "to" to the "that" / "why" after the listener


# Words of a title or description between a trailing attribution's comma and its named Source
# ("…, the country’s Foreign Minister Sergey Lavrov said", "…, Russia's state news agency TASS").
_DESCRIPTION: Final = (
    lex.DETERMINERS | lex.TITLES | lex.ROLE_NOUNS | lex.ORG_NOUNS | lex.ROLE_MODIFIERS | lex.MEDIA_WORDS
) | lex.words("news agency official officials state-run state-owned")
_SPACED: Final = re.compile(r"\S+")


def description_start(before: str) -> int:
    """Where a title or description that ends ``before`` starts (``len(before)`` when none does).

    ``before`` is the sentence up to a named Source: in "…, the country’s Foreign Minister" the
    description "the country’s Foreign Minister" starts after the comma.
    """
    start = len(before)
    for m in reversed(list(_SPACED.finditer(before))[-7:]):
        word = m.group()
        low = word.lower()
        described = word[:1].isupper() or low in _DESCRIPTION or low.endswith(("’s", "'s"))
        if word.endswith(",") or not described:
            break
        start = m.start()
    return start


# Words that open a clause or join one: never inside a Source's description ("…, and then Smith said").
_NOT_DESCRIPTION: Final = lex.words(
    "and but or nor then when while as because if so that which who whom whose where what "
    "he she it they we i you not also even still has have had is are was were will would could "
    "though although despite since after before until unless yet whereas in on at for with to by from"
)
_DESCRIPTION_REACH: Final = 8  # words of a description between a comma and the named Source


def phrase_description_start(before: str) -> int:
    """Where a longer description of the Source that follows the clause's comma starts ("…, frontman",
    "…, the news site", "…, UMWA Director of Government Affairs", "…, Donald Trump’s longtime
    confidant"), or ``len(before)`` when the words after the last comma are not one.

    ``before``: the sentence up to a named Source that stands after its content ("… is almost
    complete, frontman Anthony Kiedis recently revealed.").
    """
    comma = before.rfind(", ")
    if comma < 0:
        return len(before)
    words = before[comma + 2 :].split()
    if not 0 < len(words) <= _DESCRIPTION_REACH or any(
        w.lower() in _NOT_DESCRIPTION or not w[:1].isalpha() for w in words
    ):
        return len(before)
    possessor = any(w.endswith(("’s", "'s")) for w in words[:3])  # "Donald Trump's longtime confidant"
    if len(words) > 1 and words[0].lower() not in _DETERMINERS and not possessor:
        return len(before)  # a description opens with its article or its possessor
    return comma + 2


# Where reported content after a cue stops: a participle clause (", calling the protester …") or a
# second verb of the Source coordinated with the first (" and vowed not to …", ", and said it …").
# (twentieth round) "ranging" ("…, ranging from arson to physical assaults") gives the span of the
# object's own figures, as a preposition would: no act of the Source's.
_PREPOSITION_ING: Final = lex.words(
    "including according regarding concerning following during considering notwithstanding ranging"
)
_CONTENT_END: Final = re.compile(
    # ", a charge that Colorado leaders denied": an apposition that comments on the whole clause
    # (twenty-first round) and a plural noun of saying with no article: ", remarks that were
    # featured on state news", ", comments that were echoed by aides": the writer's gloss
    r"(?P<comment>,\s+(?:an?\s+(?:[\w-]+\s+){1,3}?|(?:remarks|comments|statements|claims|charges"
    r"|allegations|accusations|assertions)\s+)(?:that|which|who)\b)|"
    # ", while Jeb Bush said …", ", whereas …": a contrasting clause of the writer's
    # (twentieth round: not an elliptical ", though not the results" / ", though mixed with …", which
    # qualifies the content's own claim and has no subject of its own)
    r"(?P<contrast>,\s+(?:while|whereas)\s+(?![a-z]+ing\b)"
    r"|,\s+(?:even\s+as|even\s+though|although|despite|though(?!\s+(?:not\b|[a-z]{3,}ed\b)))\b"
    # "“rapists” (although he allowed that …)": the writer's concession in a parenthesis
    r"|\s+\((?:although|though|even\s+though|while|whereas)\b"
    # without a comma, when a subject follows: "… while Sanders suggests …", "… although he supports …"
    r"|\s+(?:while|whereas|although|even\s+as|even\s+though)\s+(?=(?:he|she|they|it|[A-Z][\w.’'-]*)\s+[a-z]))|"
    # ", as has Carlos A. Gimenez", ", as have other prominent Democrats": others who did the same
    r"(?P<likewise>,\s+as\s+(?:has|have|had|did|does|do)\b)|"
    r",(?:[\u201d\"]|'')?\s+(?:while\s+|before\s+|after\s+)?(?P<ing>[a-z]{3,}ing)\b"
    # ", but he is as strong a favorite as ever": the writer goes on about the Source
    r"|(?P<narration>,\s+(?:but|and)\s+(?:he|she|they|has|had|did|was|is|also|then|to\s+date)\b"
    # ", but Cook did not say when", ", but Democrats weren't the only ones …": another subject's turn
    r"|,\s+but\s+(?:[A-Z][\w.’'-]*\s+){1,3}(?:[a-z]+\b))"
    # " but has withheld her endorsement", " and has invited two guests": the Source's next act
    r"|(?P<perfect>\s+(?:and|but)\s+(?:has|have)\s+(?:also\s+|since\s+|not\s+)?(?:[a-z]{3,}(?:ed|en|wn)"
    # (eighteenth round) irregular participles: " but has withheld her endorsement", " and has held …"
    r"|withheld|held|kept|left|sent|spent|built|won|lost|paid|brought|sought|fought|met|led|made|said"
    r"|told|taught|become|begun|run|done|gone|come|put|set)(?![\w-]))"
    r"|,?\s+(?:and|but)\s+(?:(?:also|then|later|again|he|she|they|it)\s+)?(?P<verb>[a-z]+)\b"
    r"|,\s+(?:he|she|they|it)\s+(?P<own>[a-z]+)\b"
    # ", and Trump vowed to …": a named subject's clause of its own
    r"|,\s+(?:and|but)\s+(?:[A-Z][\w.’'-]*\s+){1,3}(?P<other>[a-z]+)\b"
    # ", where he trails …", ", whom he described as …", " — there are two …": the writer's aside
    # (twentieth round: not a dash before "and that <subject>", the cue's second reported clause:
    # "said he had the plan -- and that as president he would …")
    r"|(?P<aside>,\s+(?:where|whom|whose|often|one\s+that)\b"
    r"|\s[-\u2013\u2014]+\s(?!and\s+that\s+(?:[A-Z]|he\b|she\b|they\b|it\b|we\b|as\b|if\b|when\b|the\b))"
    # ", up 31 percent from a year earlier", ", down sharply from …": the writer's comparison
    r"|,\s+(?:up|down)\s+(?:sharply\s+|slightly\s+)?(?:\d|(?:from|one|two|three|four|five|six|seven|eight|nine|ten)\b))"
    # ", which deals with …" after a name ("the Sochi Memorandum, …, which …"): background on it
    r"|,\s+(?P<background>which|who)\b"
)


# Where the writer says how the Source said it ("… in an interview with CNN", "… during a debate",
# "… on Twitter"): the occasion, not content.
_OCCASION: Final = re.compile(
    r"\s+(?:(?:in|during|at)\s+(?:an?|his|her|their|its|one|other)\s+(?:[\w’'.-]+\s+){0,3}?"
    r"(?:interviews?|statements?|speech|speeches|tweets?|appearances?|op-eds?|rally|rallies|debates?"
    r"|remarks|(?:press|news)\s+conferences?|town\s+halls?)"
    r"|on\s+(?:Twitter|Facebook|Instagram))\b"
)


# Where the object of a stance verb ends: a second verb of the Source (" and has appeared …",
# " but only after …"), a comma, or a time phrase ("last week", "on Tuesday", "in early June").
_MONTHS: Final = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\."
)
# (twenty-third round) Singular nouns of an occasion a headline names with no determiner ("after
# 45-minute meeting", "at news conference"): the writer's frame, not the object's words.  Shared
# with the headline reading in ``quotes``.
OCCASION_NOUNS: Final = (
    "rally|debate|event|conference|forum|meeting|hearing|convention|speech|summit|fundraiser|ceremony"
)

_OBJECT_END: Final = re.compile(
    r"\s+(?:and|but)\s+(?:has|had|have|is|was|did|then|later|also|will|would|only)\b"
    # (twentieth round: not ", as well as …" / ", though not …", which go on with the object)
    r"|,[”\"’']*\s(?!as\s+well\s+as\b|though\s+not\b)"
    r"|(?<!as well)\s+(?:after|before|when|while|because|as)\s+(?:he|she|they|it|his|her|their|its)\b"
    r"|\s+(?:last|this|next)\s+(?:week|month|year|weekend|night|[a-z]+day)\b"
    r"|\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    rf"|\s+in\s+(?:early\s+|late\s+|mid-)?(?:{_MONTHS})"
    r"|\s+(?:yesterday|earlier|later)\b"
    r"|\s+(?:since|amid|following)\s+(?:a|an|the|his|her|their|its|those|these)\s"
    # "at" / "during" / "after" / "before" only before an occasion ("criticized Cruz at a rally in
    # Iowa", "before a House committee"): "visited her at a crack house", "dismay at the thought of
    # …", "attacked Clinton during the primaries for …", "cited the screeners hired after the Sept.
    # 11 attacks" are the object's own
    r"|\s+(?:at|during|after|before)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:rally|rallies|debate|event|conference|town\s+hall|stop|forum|meeting|hearing|convention|speech"
    r"|gathering|luncheon|dinner|breakfast|summit|fundraiser|fund-raiser|reception|ceremony|course"
    r"|committee|panel|audience|crowd)\b"
    # (twenty-third round) a headline's occasion with no determiner, a singular noun that prose
    # would give one ("Sanders praises Obama after 45-minute meeting", "praises Trump at news
    # conference"); not a plural ("compared the scenes to the violence at Trump rallies")
    rf"|\s+(?:at|during|after|before)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{OCCASION_NOUNS})(?![\w’'-])"
    # the means or the channel of the Source's act: "denied the charges through his lawyer",
    # "ripped Wasserman Schultz on social media", "attacked the Koch brothers from the Senate floor"
    r"|\s+(?:through|via)\s+(?:a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?:spokesman|spokeswoman|spokesperson|lawyers?|attorneys?|aides?|representatives?)\b"
    r"|\s+(?:on|from|in)\s+(?:social\s+media|the\s+(?:Senate|House)\s+floor"
    r"|(?:his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}?(?:show|program|blog|website|podcast|book|column))\b"
    # the Source's own act in a gerund: "dismissed the charges by pointing out …", "called her son
    # her hero before explaining …", "blamed the media for making an issue of …"
    r"|\s+(?P<prep>by|before|after|while|when)\s+(?P<gerund>[a-z]{3,}ing)\b"
)

# (twenty-third round) Gerunds of saying: "dismissed the charges by pointing out …", "defended his
# position by citing a poll" name the Source's next act of speech; any other "by <gerund>" is the
# means inside the object ("paying for the tax cuts by raising taxes on …", "to deal with slavery
# by supporting its expansion"; train gold at a stance object goes on 9 times of 9 there, and stops
# 3 times of 4 before a gerund of saying).
_SPEECH_GERUNDS: Final = lex.PARTICIPLE_CUES | frozenset(
    w for w in SPEECH_CUES | STATEMENT_VERBS if w.endswith("ing")
)


def _means_goes_on(match: re.Match[str]) -> bool:
    """Whether an ``_OBJECT_END`` match is "by <gerund>" with a gerund that is no act of saying
    (``_SPEECH_GERUNDS``): the means of what the object says, which goes on."""
    return match.group("prep") == "by" and match.group("gerund") not in _SPEECH_GERUNDS


# ", his qualifications, his judgment and his worldview": the comma goes on with a list of short
# items closed by "and"/"or", still the object ("questioned Mr. Trump's tactics, his …").
# (eighteenth round) An item's words may be abbreviations and it may close with a short
# parenthesis: "endorsed Paul Ryan (R-Wis.), Sen. John McCain (R-Ariz.), and Sen. Kelly Ayotte",
# "referring to herself, Mr. Bannon, Mr. Manafort and Mr. Gates".
_LIST_ITEM: Final = r"(?:[\w’'.-]+\s+){0,2}?[\w’'.-]+(?:\s+\([^()]{1,20}\))?"
_LIST_GOES_ON: Final = re.compile(rf",\s+{_LIST_ITEM}(?:,\s+{_LIST_ITEM})*,?\s+(?:and|or)\s")
# (eighteenth round) Items of up to five words ("touted proposals to invest $275 billion in
# infrastructure, expand Social Security benefits, and enable debt-free college"), when the list is
# plain (``_plain_list``): no item opens with a past verb (", mocked the Republican Party and …" is
# the Source's next act) or "as" (", as well as the prayers …": the writer's addition) and the
# first item is no apposition of a name (", the senator from Texas and winner of …").
_LONG_ITEM: Final = r"(?:[\w’'$.-]+\s+){0,4}?[\w’'$.-]+"
_LONG_LIST_GOES_ON: Final = re.compile(rf",\s+{_LONG_ITEM}(?:,\s+{_LONG_ITEM})*,?\s+(?:and|or)\s")
_ITEM_STARTS: Final = re.compile(r"(?:,|\s(?:and|or))\s+([\w’'$.-]+)")


def _plain_list(text: str, at: int) -> re.Match[str] | None:
    """The long list (``_LONG_LIST_GOES_ON``) that goes on from the comma at ``at``, or None when
    an item opens with a past verb or the first item describes the name before the comma."""
    match = _LONG_LIST_GOES_ON.match(text, at)
    if match is None:
        return None
    firsts = [m.group(1).lower() for m in _ITEM_STARTS.finditer(text, at, match.end() + 1)]
    if any(w.endswith("ed") or w in _IRREGULAR_PAST or w == "as" for w in firsts):
        return None
    before = text[:at].split()[-1:]
    if before and before[0][:1].isupper() and firsts and firsts[0] in _DETERMINERS:
        return None
    return match


# ", including Republican-backed laws …", ", such as …": examples of the object, still the object
# ("cited several factors for the low turnout, including …").
_EXAMPLES: Final = re.compile(r",\s+(?:including|such\s+as|especially|particularly|notably)\s")


def object_end(text: str, cue: str = "") -> int:
    """Where the noun-phrase object of a stance verb ("endorsed Trump last week and …") ends.

    After a past cue, " and"/" but" before another past verb opens the Source's next act ("railed
    against the cartel and cast himself as …", "claimed a victory but trailed …"): the object ends.
    """
    pos = 0
    end = len(text)
    while (match := _OBJECT_END.search(text, pos)) is not None:
        listed = match.group().startswith(",") and (
            _LIST_GOES_ON.match(text, match.start()) or _EXAMPLES.match(text, match.start())
            or _plain_list(text, match.start())
        )
        if _means_goes_on(match):
            pos = match.end()
            continue
        on = 0 if listed else _naming_goes_on(text, match.start(), cue)
        if not listed and _final_name_apposition(text, match.start()):
            break  # "criticized his rival, Senator Bob Smith.": the name is the object's own
        inner = 0 if listed else _inner_name_apposition(text, match.start())
        if inner > 0:
            pos = inner  # "called the firm's chief executive, J. Michael Pearson, ''driven''": goes on
            continue
        if on > 0:
            pos = on  # "called the law “much, much better” than …": the complement goes on
            continue
        if not listed and _as_complement(text, match, cue):
            pos = match.end()  # "described himself as her “Obama whisperer”": the object goes on
            continue
        if not listed:
            inside = _time_inside_object(text, match.start())
            inside = inside or _time_before_complement(text, match.start(), cue)
            if inside > 0:
                pos = inside
                continue
            end = match.start()
            break
        pos = listed.end()
    end = _short_object_when(text, end)
    if _past(cue.lower()):
        verb = _PAST_AFTER_AND.search(text, 0, end)
        if verb is not None:
            return verb.start()
    return end


# (twenty-second round) A sentence-final name in apposition to a role noun that ends the object
# ("praised Clinton's successor, John F. Kerry.", "criticized his rival, Sen. Bob Smith."): the
# name says whom the Source meant, so it is part of the object (PolNeAR's contents take it).
_FINAL_NAME_APPOSITION: Final = re.compile(
    r",\s+[A-Z][\w.\u2019'-]*(?:\s+[A-Z][\w.\u2019'-]*){0,3}[.!?]?[\u201d\"']?\s*$"
)


# (twenty-fourth round) A name in apposition to a role noun inside the object, closed by a comma
# before the object's complement ("called Valeant's chief executive, J. Michael Pearson, ''incredibly
# driven''", "called the mayor, John Doe, a liar"): the object goes on through the name.  Before a
# preposition the name is still skipped ("assailed a federal judge, Mary K. Stone, for …": the
# twenty-first round's reading, which PolNeAR's gold takes as well).
_INNER_NAME_APPOSITION: Final = re.compile(
    r",\s+(?:[A-Z][\w.\u2019'-]*\s+){1,3}[A-Z][\w\u2019'-]*,\s+(?=[\u201c\"]|''|an?\s)"
)


def _inner_name_apposition(text: str, at: int) -> int:
    """Where the object goes on after a name in apposition to a lower-case role noun, closed by a
    comma before a quotation or an indefinite complement (``_INNER_NAME_APPOSITION``), or 0."""
    head = text[:at].split()
    if not head or not head[-1][:1].islower() or not head[-1].isalpha():
        return 0
    match = _INNER_NAME_APPOSITION.match(text, at)
    return match.end() if match is not None else 0


def _final_name_apposition(text: str, at: int) -> bool:
    """Whether the comma at ``at`` opens a sentence-final name (``_FINAL_NAME_APPOSITION``) after a
    lower-case role noun ("his rival", "the president's housing secretary")."""
    head = text[:at].split()
    if not head or not head[-1][:1].islower() or not head[-1].isalpha():
        return False
    return _FINAL_NAME_APPOSITION.match(text, at) is not None


# (twenty-first round) A season ("announced his candidacy last spring") or a year that ends the
# sentence ("proposed just that in 2013.") after a short object: when the Source acted.  After a
# longer object the year is the object's own ("expects its sales in India to grow 16% in 2005",
# "accused Labour of raising taxes since coming to power in 1997": held-out BBC), and so it is
# inside one ("Mrs. Clinton's account in 2008 of coming under sniper fire").
_WHEN_AFTER_OBJECT: Final = re.compile(
    r"\s+(?:(?:last|this|next)\s+(?:spring|summer|fall|autumn|winter)\b"
    r"|in\s+(?:19|20)\d\d(?=[.!?]?[\u201d\"\u2019']*\s*$))"
)


def _short_object_when(text: str, end: int) -> int:
    """``end``, or the start of a season or sentence-final year (``_WHEN_AFTER_OBJECT``) before it
    that follows an object of at most ``_SHORT_OBJECT_WORDS`` words with no verb among them."""
    found = _WHEN_AFTER_OBJECT.search(text, 0, end)
    if found is None:
        return end
    words = text[: found.start()].split()
    if not words or len(words) > _SHORT_OBJECT_WORDS or words[0].lower() in _CIRCUMSTANCE:
        return end  # (a phrase is no object: "compared with 474,000 bpd in 1973")
    if any(w.lower() in _VERBISH or w.lower().endswith(("ed", "ing")) for w in words):
        return end
    return found.start()


_AS_POSSESSIVE: Final = re.compile(r"\s+as\s+(?:his|her|their|its)\s")


def _as_complement(text: str, match: re.Match[str], cue: str) -> bool:
    """(nineteenth round) Whether an object end at ``match`` is "as his / her / their / its …" after a
    verb of describing (``lex.NAMING_AS_CUES``): the complement goes on, not a time clause."""
    return cue.lower() in lex.NAMING_AS_CUES and _AS_POSSESSIVE.match(text, match.start()) is not None


def _naming_goes_on(text: str, at: int, cue: str) -> int:
    """(nineteenth round) Where the object of a naming verb (``lex.NAMING_CUES``) goes on when the comma
    at ``at`` lies inside a quotation opened in its complement and not yet closed ("called the law
    “much, much better” than …"): the complement is the point of the statement; 0 when the object
    ends there.  (An apposition between object and complement, "called Clinton, his rival, an
    ISIS “co-founder”", was tried and dropped: train found +1, correct −1, spurious +1.)"""
    if cue.lower().split(" ", 1)[0] not in lex.NAMING_CUES:
        return 0
    head = text[:at]
    return at + 1 if head.count("\u201c") > head.count("\u201d") else 0


# A time phrase inside a stance verb's object: "blasted Trump on Monday over his stance on …",
# "rebuked Mr. Trump for suggesting earlier this weekend that …", "proposed a levy last year on …":
# the object goes on after it with the topic's preposition or a "that" clause (twentieth round:
# and "for" with the reason: "defended himself on Saturday for bailing on …").
_TIME_PHRASE: Final = re.compile(
    r"\s+(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:last|this|next)\s+(?:week|month|year|weekend|night|[a-z]+day|spring|summer|fall|autumn|winter)"
    rf"|in\s+(?:early\s+|late\s+|mid-)?(?:{_MONTHS})"
    r"|(?:yesterday|earlier|later)(?:\s+(?:this|last)\s+(?:week|month|year|weekend))?)"
)
_TIME_INSIDE: Final = re.compile(_TIME_PHRASE.pattern + r"\s+(?=(?:over|about|that|against|for)\s)")
# (twentieth round) What follows a time or occasion phrase inside a naming verb's object when the
# complement comes after it: "called Trump's statements on Sunday “childish”", "described the DLC
# during a Tuesday interview as “a remnant …”" ("as" before a subject pronoun is a time clause).
_COMPLEMENT_NEXT: Final = re.compile(
    r"\s+(?:[\u201c\"]|''|as\s+(?!(?:he|she|they|it|we|i|if|though|well)\b)\S)"
)
# A short time or occasion phrase (no punctuation) with the complement right after it.
_OCCASION_BEFORE_COMPLEMENT: Final = re.compile(
    r"\s+(?:on|in|during|at|last|this|yesterday|earlier|later"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[^,;:.?!\n\u201c\u201d\"]{0,40}?"
    r"(?=" + _COMPLEMENT_NEXT.pattern + ")"
)


def _naming_cue(cue: str) -> bool:
    """Whether ``cue`` names what its object is (``lex.NAMING_CUES``, ``lex.NAMING_AS_CUES``)."""
    verb = cue.lower().split(" ", 1)[0]
    return verb in lex.NAMING_CUES or verb in lex.NAMING_AS_CUES


def _time_before_complement(text: str, at: int, cue: str) -> int:
    """(twentieth round) Where a naming verb's object goes on when the end found at ``at`` is a time
    phrase between the object and its complement (``_COMPLEMENT_NEXT``); 0 when it ends there."""
    if not _naming_cue(cue):
        return 0
    time = _OCCASION_BEFORE_COMPLEMENT.match(text, at)
    return time.end() if time is not None else 0


def _occasion_before_complement(text: str, occasion: re.Match[str], cue: str) -> bool:
    """(twentieth round) Whether an occasion phrase ("during a Tuesday interview", "on Twitter")
    stands between a naming verb's object and its complement, which goes on after it."""
    return _naming_cue(cue) and _COMPLEMENT_NEXT.match(text, occasion.end()) is not None


# "during Sunday's prime-time address", "in Tuesday's primary": a weekday as a possessive is no
# time phrase of the Source's act.
_WEEKDAY_POSSESSIVE: Final = re.compile(
    r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)[\u2019']s\s"
)


def _time_inside_object(text: str, at: int) -> int:
    """Where a stance verb's object goes on when the end found at ``at`` is a time phrase inside
    it (``_TIME_INSIDE``, ``_WEEKDAY_POSSESSIVE``); 0 when the object ends there."""
    match = _TIME_INSIDE.match(text, at) or _WEEKDAY_POSSESSIVE.match(text, at)
    return match.end() if match is not None else 0


def short_object_end(text: str, cue: str = "") -> int:
    """``object_end`` for a short noun phrase after a speech verb ("the charges through his
    lawyer", "his candidacy in June 2015", "victory on Tuesday"); ``len(text)`` when the words
    before that end may hold a verb (a clause: "the talks ended on Tuesday")."""
    most = _SHORT_OBJECT_WORDS + _TRAILING_PHRASE_WORDS
    if len(text.split(None, most)) > most:
        # More words than an object and its trailing phrase together can have (the two splits
        # below count at least the whole text's words): nothing else need be read.
        return len(text)
    first = text.split(None, 1)[:1]
    if not first or first[0].lower() in _SUBJECT_PRONOUNS or (
        first[0].lower() not in _SHORT_OBJECT_LEADS and not first[0].isalpha()
    ):
        return len(text)  # (checked first: most contents open with a subject, "said he …")
    end = object_end(text, cue)
    words = text[:end].split()
    if end >= len(text) or not words or len(words) > _SHORT_OBJECT_WORDS:
        return len(text)
    if any(w.lower() in _VERBISH or w.lower().endswith("ed") for w in words):
        return len(text)
    if words[0].lower() not in _SHORT_OBJECT_LEADS and not (len(words) == 1 and words[0].isalpha()):
        return len(text)
    # (twentieth round) a comma closing the text is where a participle clause was cut off ("denied
    # the accusations through a spokeswoman, dismissing …"): the phrase still ends the content
    rest = text[end:].rstrip(", ").split()
    if len(rest) > _TRAILING_PHRASE_WORDS or any(w.lower() in _VERBISH or w.endswith(",") for w in rest):
        return len(text)  # "the turmoil at this week's convention was …": the object's clause goes on
    return end


# Where the object of a topic or attack cue ends (``topic_object_end``): its companion ("discussed the
# controversy with radio host Hugh Hewitt", "with reporters"), the broadcast it was said on ("trashed
# Comey on MSNBC's “Morning Joe”"), or the Source's act in a gerund after an adverb ("rebuked Trump
# by publicly expressing sympathy").
_TOPIC_OBJECT_END: Final = re.compile(
    r"\s+with\s+(?:(?:radio|television|TV|talk-show|show|Fox|CNN|MSNBC)\s+)?"
    r"(?:host|hosts|reporters|journalists|interviewer|anchor|[A-Z][\w’'.-]+\s+[A-Z])"
    r"|\s+on\s+(?:CNN|MSNBC|Fox|NBC|ABC|CBS|NPR|PBS|CNBC|C-SPAN|Twitter|Facebook|Instagram)\b"
    r"|\s+by\s+[a-z]+ly\s+[a-z]{3,}ing\b"
)


def topic_object_end(text: str) -> int:
    """Where the noun-phrase object of a topic cue ("discussed", "mentioned") or an attack cue
    ("assailed", "trashed") ends, beyond ``object_end``'s ends: before a companion, a broadcast
    or the Source's gerund (``_TOPIC_OBJECT_END``); ``len(text)`` when none follows."""
    match = _TOPIC_OBJECT_END.search(text)
    return match.start() if match is not None and match.start() > 0 else len(text)


# At most this many words in a speech verb's noun-phrase object ("his candidacy", "the charges"),
# and in the time or channel phrase that ends the sentence after it ("through his lawyer").
_SHORT_OBJECT_WORDS: Final = 3
_SHORT_OBJECT_LEADS: Final = _DETERMINERS | _OBJECT_LEADS
_TRAILING_PHRASE_WORDS: Final = 8
# Words that make the words before a time phrase a clause: a subject pronoun or an auxiliary.
_VERBISH: Final = _SUBJECT_PRONOUNS | lex.words(
    "is are was were be been has have had will would can could should may might must do does did"
)


# " and made …", " but later cast …": a second past verb after a conjunction (an adverb between).
_PAST_AFTER_AND: Final = re.compile(
    r"\s+(?:and|but)\s+(?:(?:then|later|also|still|quickly|eventually|even)\s+)?"
    r"(?:[a-z]{2,}ed|made|cast|took|gave|went|came|said|told|wrote|met|won|lost|ran|put|set|kept|left"
    r"|held|sent|spent|brought|got|became|began|saw|called)\b"
)


def content_end(text: str, cue: str = "") -> int:
    """Where reported content in ``text`` ends: before a participle clause or a coordinated cue.

    ``cue``: the cue before the content; a bare verb form coordinates with it only when it is bare
    too ("Democrats say … and warn …", but "said she might capitulate and support …" goes on).
    """
    low = cue.lower()
    end = _content_end(text, bare(low), _past(low))
    end = _other_subject_speaks(text, end)
    end = _additive_end(text, end)
    if (low in lex.DOCUMENT_VERBS or low == "in") and text.startswith((", while", ", whereas"), end):
        end = _finding_contrast(text, end, low)
    if low.endswith("ing"):
        # "…, saying she's experienced but suggesting that …", "touting her record and pounding him
        # on …": a second participle of the Source, coordinated with the cue
        second = _SECOND_PARTICIPLE.search(text, 0, end)
        if second is not None and second.group(1) not in _PREPOSITION_ING:
            end = second.start()
    occasion = _OCCASION.search(text, 0, end)
    if (
        occasion is not None
        and _occasion_ends(text, occasion.start(), end)
        and not _occasion_before_complement(text, occasion, cue)
    ):
        return occasion.start()
    end = _final_apposition_end(text, end)
    end = _aside_paren_end(text, end)
    return _past_open_quotation(text, _narration_after_quotation(text, end), cue)


def _occasion_ends(text: str, at: int, end: int) -> bool:
    """Whether the occasion phrase at ``at`` ("in an interview", ``_OCCASION``) ends the content: after
    two words of content or more, or (twentieth round) after a one-word object when no topic or "that"
    clause follows it (``_TOPIC_AFTER_OCCASION``: "defended Cruz in a recent interview with The Post",
    "claimed victory in a tweet"; not "expressed frustration in an interview this year that …")."""
    before = len(text[:at].split())
    if before >= 2:
        return True
    return before == 1 and not any(w in _TOPIC_AFTER_OCCASION for w in text[at:end].lower().split())


# Words that carry a one-word object on past an occasion (as past a time phrase, ``_TIME_INSIDE``):
# "thanked Trump on Twitter for backing …", "expressed frustration in an interview that …".
_TOPIC_AFTER_OCCASION: Final = lex.words("that for over about against")


# (twentieth round) A sentence-final ", the / a / an <noun phrase>." after the content ("… net worth
# for Elizabeth Holmes, the founder of the embattled company Theranos.", "… responsibility for the
# attack, the worst bloodshed on French soil since …"): the writer's gloss of the last noun, not the
# Source's words (PolNeAR's contents end before it 195 times on train and take it in 2).
_FINAL_APPOSITION: Final = re.compile(
    r",\s+(?:the|a|an)\s+[^,;:.!?\u201c\u201d\"()]{3,160}?[.!?]?[\u201d\"']?\s*$"
)
_APPOSITION_CONTENT_WORDS: Final = 4  # words of content before the gloss


def _final_apposition_end(text: str, end: int) -> int:
    """``end``, or the start of a sentence-final apposition (``_FINAL_APPOSITION``) that runs from
    before ``end`` to the text's end, after at least four words of content."""
    if end < len(text.rstrip()) - 1 or ", " not in text:
        return end
    found = _FINAL_APPOSITION.search(text, 0, end + 2)
    if found is None or len(text[: found.start()].split()) < _APPOSITION_CONTENT_WORDS:
        return end
    head = text[: found.start()]
    first = head.lstrip(" ,").split(None, 1)[0].lower()
    if _open_quotation(head) or first in _FRONTED_LEADS or first in _FRONTED_PARTICIPLES:
        # 'minister: "I am honoured … by France, the flag carrier …"' is the quotation's own;
        # "given such high prices, the cartel saw …": a fronted phrase before the content's clause
        return end
    if _clause_in_apposition(found.group().lstrip(", ").split()):
        return end  # ", the truck driver emerged with a gun": a clause of the content, no gloss
    return found.start()


# Participles that open a fronted phrase ("given such high prices, …", "compared with last year, …").
_FRONTED_PARTICIPLES: Final = lex.words("given compared considering including excluding")


def _open_quotation(head: str) -> bool:
    """Whether a quotation opened in ``head`` is not closed by its end."""
    return head.count("\u201c") > head.count("\u201d") or head.count('"') % 2 == 1


# (twentieth round) A sentence-final parenthesis opening lower-case after the content ("questioned
# Santilli's statements about Hillary Clinton (which also attracted the attention of …).", "raising
# taxes on investment income (which Clinton also supports)."): the writer's aside, not the Source's
# words (PolNeAR's contents end before such a parenthesis 29 times on train).  A capitalised one
# ("(R-Wis.)", "(TPP)") is a name's tag and stays.
_PAREN_ASIDE: Final = re.compile(r"\s+\([a-z][^()]*\)[.!?]?[\u201d\"']?\s*$")


def _aside_paren_end(text: str, end: int) -> int:
    """``end``, or the start of a sentence-final lower-case parenthesis (``_PAREN_ASIDE``) that runs
    from before ``end`` to the text's end, after at least two words of content."""
    if "(" not in text:
        return end
    found = _PAREN_ASIDE.search(text, 0, end + 2)
    if found is None or len(text[: found.start()].split()) < 2 or _open_quotation(text[: found.start()]):
        return end
    return found.start()


# Relative words after which an apposition's verbs belong to its relative clause ("the Muslim
# soldier who died …").
_GLOSS_RELATIVES: Final = lex.words("who whom whose which that where when")


def _past_form(low: str) -> bool:
    """Whether the lower-case ``low`` looks like a past form ("emerged", "spoke"), not a noun in
    "-eed" / "-shed" ("need", "bloodshed")."""
    if low in _IRREGULAR_PAST:
        return True
    return len(low) > 4 and low.endswith("ed") and not low.endswith(("eed", "shed"))


def _clause_in_apposition(words: list[str]) -> bool:
    """Whether the words of a would-be apposition (``_FINAL_APPOSITION``) make a clause before any
    relative pronoun: an auxiliary or modal ("a recount … could not be done"), or a past form after
    its head and before another word but "by" ("the truck driver emerged with …"; not "the
    institution founded by …", "the embattled company", "a recommendation Lynch adopted.")."""
    if "and" in words or "or" in words:
        # "issues like the economy, the health service and their children's future", "called for
        # tax fairness, the closure of … and for relief …": the last items of a list (held-out BBC)
        return True
    for i, word in enumerate(words):
        low = word.lower().strip(".!?\u201d\"'")
        if low in _GLOSS_RELATIVES:
            return False
        if low in _VERBISH:
            return True
        if (
            i >= 2 and i + 1 < len(words) and _past_form(low)
            and words[i - 1].lower() not in _DETERMINERS and words[i + 1].lower() != "by"
        ):
            return True
    return False


_FRONTED_LEADS: Final = _CIRCUMSTANCE | lex.words("sometime sometimes even once later earlier now then")
_FRONTED_WORDS: Final = 8  # words of a fronted phrase before the clause's subject


def _fronted_phrase(head: str) -> bool:
    """(nineteenth round) Whether ``head`` (the content up to a comma) is only a phrase fronted before
    the content's own subject ("sometime in the week that followed, he realized …", "in the end, they
    agreed …"): it opens with a preposition or a time adverb, is short and holds no comma."""
    words = head.split()
    return (
        0 < len(words) <= _FRONTED_WORDS
        and "," not in head
        and words[0].lower() in _FRONTED_LEADS
    )


# (nineteenth round) ", too" closing a clause ("… behind Clinton, too: In states …", "…'s spot, too,
# should Trump …"): the writer's "as well", set off by its comma; the content ends before it.
_ADDITIVE: Final = re.compile(r",\s+too(?=\s*[.,:;!?]|\s*$)")


def _additive_end(text: str, end: int) -> int:
    """(nineteenth round) ``end``, or the start of a ", too" before it (see ``_ADDITIVE``) after at
    least two words of content."""
    if "too" not in text:
        return end
    found = _ADDITIVE.search(text, 0, end)
    if found is None or len(text[: found.start()].split()) < 2:
        return end
    return found.start()


# (seventeenth round) ", but officials said …", ", and others have said …", ", but the campaign
# refused to answer": after a comma, a common-noun subject of a verb of speaking (or of refusing to
# speak) opens another speaker's clause, the writer's report and no more the Source's words (as
# ", and Trump vowed …" does for a named subject).
_OTHER_SUBJECT: Final = re.compile(
    r",\s+(?:and|but)\s+(?:(?:the|other|some|many|most|several|his|her|their)\s+)?(?P<noun>[a-z]+)"
    r"\s+(?:(?:have|has|had)\s+)?(?P<verb>[a-z]+)\b"
)
_OTHER_VERBS: Final = lex.CUE_VERBS | lex.words("refused declined")
_NOT_SUBJECTS: Final = lex.words("he she they it we i also then later again that this there not so")


def _clause_follows(text: str, at: int) -> bool:
    """Whether a word follows ``at`` that can open a verb's object or clause: not a preposition
    ("Conservative promises on tax" is a noun phrase) and not the end of the text."""
    rest = text[at:].split(None, 1)
    return bool(rest) and rest[0].lower() not in _CIRCUMSTANCE


def _other_subject_speaks(text: str, end: int) -> int:
    """``end``, or where another subject's clause of speaking starts before it (see _OTHER_SUBJECT
    and _OTHER_SPEAKER_AND)."""
    if " and " not in text and " but " not in text:
        return end
    for pattern in (_OTHER_SUBJECT, _OTHER_SPEAKER_AND):
        for match in pattern.finditer(text, 0, end):
            noun, verb = match.group("noun"), match.group("verb")
            if verb not in _OTHER_VERBS or noun.lower() in _NOT_SUBJECTS:
                continue
            if pattern is _OTHER_SPEAKER_AND and not _clause_follows(text, match.end()):
                continue  # "about Labour and Conservative promises on tax": a noun phrase
            if noun.endswith(("ly", "ing", "ed")):
                continue
            if len(text[: match.start()].split()) >= 3:
                end = match.start()
                break
    return end


#: (eighteenth round) The same without a comma: "Republicans have said they will not attend the
#: convention and others have said they are not interested", "Cruz accuses Obama of “leading from
#: behind” and Donald Trump says he's …": a second subject with a verb of speaking of its own opens
#: the writer's report of another speaker, not more of the Source's words.  The subject is a plural
#: common noun ("others", "critics") or a name of one to three capitalised words.
_OTHER_SPEAKER_AND: Final = re.compile(
    r"\s+(?:and|but)\s+(?:(?:the|other|some|many|most|several)\s+)?"
    r"(?P<noun>[a-z]+s|(?:[A-Z][\w.\u2019'-]*\s+){0,2}[A-Z][\w.\u2019'-]*)"
    r"\s+(?:(?:have|has|had)\s+)?(?P<verb>[a-z]+)\b"
)


def _past_open_quotation(text: str, end: int, cue: str) -> int:
    """``end``, or past the quotation that is open there: the Source's quoted words do not end
    the content ("saying that Clinton “didn't have a particular video in mind, but he is being
    used …”": the ", but he" inside the quotation is the Source's, not the writer's)."""
    if end >= len(text):
        return end
    close = _closing_mark(text, end)
    if close < 0:
        return end
    if close >= len(text):
        return len(text)  # the quotation runs on to the sentence's end
    return close + max(1, content_end(text[close:], cue))


def aside_close(text: str) -> int:
    """Where the clause goes on after an aside that opens ``text`` (", the senator from Texas, of
    being …", " - an independent - would push …"), or -1: the aside is a short description or
    relative clause closed by the same punctuation, and a word that needs the interrupted clause
    follows it (a preposition of the verb, or a verb of the interrupted subject)."""
    match = _ASIDE_THEN.match(text) or _NAME_ASIDE_THEN.match(text)
    if match is None:
        return -1
    word = match.group("word")
    if word not in _RESUMING and not (word.endswith("ed") and len(word) > 4):
        return -1
    return match.start("word")


# (twenty-first round) A name in apposition to the object, between commas: "assailed a federal
# judge, Gonzalo P. Curiel, for his …", "an attack on the housing secretary, Julián Castro, over …".
# One to four capitalised words or initials, then the word that goes on with the clause.
_NAME_ASIDE_THEN: Final = re.compile(
    r",\s+[A-Z][\w.\u2019'-]*(?:\s+[A-Z][\w.\u2019'-]*){0,3},\s+(?P<word>[a-z]+)\b"
)


# An aside opening with a comma or a dash, closed by the same mark, then the next word.
_ASIDE_THEN: Final = re.compile(
    r"(?:,\s+(?:who|which|whose|an?|the|his|her|their|its)\s[^,;:.?!()\u201c\u201d\"]{1,100}?,"
    r"|\s+(?P<dash>--|-|\u2013|\u2014)\s+[^;:.?!()\u201c\u201d\"]{1,100}?\s(?P=dash))"
    r"\s+(?P<word>[a-z]+)\b"
)
# Words that go on with the clause an aside interrupted: a preposition the verb takes ("accused X
# of", "refers to X as", "called X onto") or the verb of the interrupted subject.
_RESUMING: Final = lex.words(
    "of as with onto into for about to is was are were has have had would will could can should"
    " might may must did does do"
)


def source_aside_close(text: str) -> int:
    """(twentieth round) Where the content goes on after the aside of a Source that interrupts it
    (``text`` is what follows the Source: ", an expert on Russia, would read this as …", ", who
    remains friendly with her, doesn't forgive …"), or -1.  Only a verb of the interrupted subject
    resumes it (an auxiliary, a modal or their negated forms): the clause before the cue is its
    subject, the words after the aside its predicate."""
    match = _ASIDE_THEN.match(text)
    if match is None or match.group("dash"):
        return -1
    word = match.group("word")
    rest = text[match.end("word") : match.end("word") + 2]
    if word in _NEGATED_STEMS and rest in _NEGATION_TAILS:
        return match.start("word")  # "doesn't", "won’t"
    return match.start("word") if word in _RESUMING_VERBS else -1


# (twentieth round) Verbs that resume a clause after a Source's aside: auxiliaries and modals.
_RESUMING_VERBS: Final = lex.words(
    "is was are were has have had would will could can should might may must did does do"
)
# The stems of negated auxiliaries as the aside pattern's word reads them ("doesn" of "doesn't").
_NEGATED_STEMS: Final = lex.words(
    "doesn don didn won isn wasn aren weren hasn haven hadn wouldn couldn can shouldn"
)
_NEGATION_TAILS: Final = frozenset({"'t", "\u2019t"})


def _closing_mark(text: str, end: int) -> int:
    """Where the quotation open at ``end`` closes (the closing mark's offset), ``len(text)`` when it
    does not close in ``text``, -1 when no quotation is open at ``end`` (or it opened before a
    sentence break the sentence splitter missed: "… in the U.S. He says … “…”")."""
    opened = -1
    for mark in _MARKS.finditer(text, 0, end):
        if opened < 0:
            opened = mark.end() if mark.group() != "\u201d" else -1
        elif mark.group() != "\u201c" or _closes(text, mark.end()):
            opened = -1
    if opened < 0 or _BREAK.search(text, 0, end) or text[:opened].rstrip(" \u201c\"'").endswith(":"):
        return -1  # (after a colon the quotation is introduced, not part of the clause)
    close = _MARKS.search(text, end)
    while close is not None and close.group() == "\u201c" and not _closes(text, close.end()):
        close = _MARKS.search(text, close.end())
    return close.start() if close is not None else len(text)


def _closes(text: str, after: int) -> bool:
    """Whether an opening mark ending at ``after`` was typed for a closing one ("…review“ of")."""
    return after >= len(text) or not (text[after].isalnum() or text[after] in "\u2018'")


# Quotation marks: curly, straight and the NYT's double apostrophe.
_MARKS: Final = re.compile(r"\u201c|\u201d|\"|''")
# A full stop, then a capital: a sentence break inside the text (the splitter missed it).
_BREAK: Final = re.compile(r"[.?!][\u201d\"']*\s+[\u201c\"']*[A-Z]")


def _finding_contrast(text: str, end: int, low: str) -> int:
    """A poll's or a report's finding goes on with its contrast ("found 28 percent supported Mr.
    Trump, while 23 percent favored Mr. Cruz"): the figures are all the poll's; not when the
    contrast is another Source's statement ("…, while Cruz said that …")."""
    more = end + 2 + _content_end(text[end + 2 :], bare(low), _past(low))
    if any(w in SPEECH_CUES for w in text[end:more].lower().split()):
        return end
    return more


# After a quotation that closes inside reported content, the writer's own circumstance: a gerund
# after a time conjunction ("“let's not get ahead of ourselves,” before optimistically predicting
# …") or "as <pronoun>" ("he's “excited where we stand” as he faces a test …"); not "in / by
# <gerund>", which PolNeAR mostly keeps ("had ''made great strides'' in shaking off …").
_NARRATION_AFTER_QUOTATION: Final = re.compile(
    r"(?:[\u201d\"]|'')(?P<tail>,?\s+(?:(?:before|after|while|when)\s+(?:[a-z]+ly\s+)?[a-z]{3,}ing"
    r"|as\s+(?:he|she|they|it)\s+[a-z]+)\b)"
)


def _narration_after_quotation(text: str, end: int) -> int:
    """``end``, or where the writer's narration after a quotation closing inside the content starts."""
    if "\u201d" not in text and '"' not in text and "''" not in text:
        return end
    match = _NARRATION_AFTER_QUOTATION.search(text, 0, end)
    return match.start("tail") if match is not None else end


# A participle coordinated with a participle cue (" and suggesting", " but also noting").
_SECOND_PARTICIPLE: Final = re.compile(r",?\s+(?:and|but)\s+(?:also\s+|then\s+)?([a-z]{3,}ing)\b")
_STANCE: Final = lex.STANCE_VERBS
_SHORT_ASIDE: Final = re.compile(r"(?:\s+[\w’'-]+){1,2},\s")
# ", which is …": a relative clause that says what its antecedent is, part of what was said (not a
# passive, ", which are issued to …": the writer's gloss on a word of the content)
_IDENTIFYING: Final = re.compile(r"\s+(?:is|are|was|were)\b(?!\s+(?:being\s+)?[a-z]+ed\b)")


_VERB_SETS: Final = (SPEECH_CUES, STATEMENT_VERBS, _STANCE)
_IRREGULAR_PAST: Final = lex.words("said told wrote felt found hit knew sought thought spoke gave made took")


def bare(verb: str) -> bool:
    """Whether ``verb`` is a known verb's bare form ("support", not "supports"/"supported"/"said")."""
    return (
        verb.isalpha()
        and not verb.endswith(("s", "ed", "ing"))
        and verb not in _IRREGULAR_PAST
        and any(verb in words for words in _VERB_SETS)
    )


def _past(verb: str) -> bool:
    """Whether a cue is a past form ("said", "warned"): its own coordinated verbs are past too."""
    return verb.endswith("ed") or verb in _IRREGULAR_PAST


def _present_third(verb: str) -> bool:
    """Whether ``verb`` is a present third-person form ("feels", "supports"; not "was", "has")."""
    return len(verb) > 3 and verb.endswith("s") and not verb.endswith(("ss", "us", "is"))


# (twenty-third round) A dash before examples of what the content just named ("— including
# farmers", "-- especially children"), like ``_EXAMPLES`` after a comma: still the content (train
# gold at a dash before these words goes on 17 times of 18).  (Twenty-fourth round) Likewise an
# alternative or a hedge of it ("— or at least a first one", "-- or dissents from the majority",
# "— at least for now"): train gold goes on past a single dash before "or" 9 times of 12 (distinct
# articles and spans) and before "at least" 6 of 7; "— but …" still ends it (gold stops 22 of 30).
_DASH_EXAMPLES: Final = re.compile(
    r"\s[-\u2013\u2014]+\s+(?:including|such\s+as|especially|particularly|notably"
    r"|(?:or\s+)?at\s+least|or)\s"
)


def _content_end(text: str, bare_cue: bool = True, past_cue: bool = False) -> int:
    if "," not in text and " and " not in text and " but " not in text and " -" not in text and (
        "\u2013" not in text and "\u2014" not in text and " while " not in text and " though " not in text
        and " although " not in text and " whereas " not in text
    ):
        return len(text)  # every ending the pattern knows needs one of these
    pos = 0
    while (match := _CONTENT_END.search(text, pos)) is not None:
        pos = match.end()
        if match.group("aside") and match.group("aside").strip(" -\u2013\u2014") == "":
            closing = _closing_dash(text, match.start(), match.group("aside").strip())
            if closing > 0:
                # "a rift between communities of color -- mainly … -- and the police": the aside is
                # a phrase inside the content, which goes on after it
                pos = closing
                continue
        if match.group("aside") and _DASH_EXAMPLES.match(text, match.start()):
            continue  # "would hurt many groups — including farmers and nurses": the object's examples
        if match.group("contrast") and len(text[: match.start()].split()) < 2:
            continue  # "said Trump, despite his wealth, is …": the subject alone is no content
        if match.group("contrast") and _SHORT_ASIDE.match(text, match.end()):
            continue  # "as a crucial, although brief, opportunity": an aside inside the clause
        if match.group("background") and _quoted_relative(text, match.end()):
            continue  # "the city of Nineveh, which was ''self-destructing …''": the Source's words
        ing, verb = match.group("ing"), match.group("verb")
        if match.group("background"):
            previous = text[: match.start()].rsplit(None, 1)[-1:]
            if _relative_aside_of_subject(text, match.start(), match.end()):
                continue  # "said that Sanders, who did win Rhode Island, would likely place …"
            if previous and previous[0][:1].isupper():
                return match.start()
            rest = text[match.end() :]
            if "," not in rest and not _IDENTIFYING.match(rest):
                # "… such legislation, which would give …" to the sentence's end: the writer's gloss
                # ("one step, which is patrolling the zone" names the step: still content)
                return match.start()
            continue
        if match.group("narration") and _correlative_but_also(text, match):
            continue  # "not only the nomination, but also the general election": one statement
        if (match.group("narration") or match.group("aside") or match.group("comment")
                or match.group("likewise") or match.group("contrast") or match.group("perfect")):
            return match.start()
        if ing and len(text[: match.start()].split()) < 4 and _ASIDE_CLOSES.match(text, match.end()):
            continue  # "says Millennials, numbering 75.3 million, surpassed …": a participle aside
        if ing == "having" and _named_subject(text):
            continue  # "Mr. Kamprad is no longer a billionaire, having transferred his wealth …"
        if ing and _LIST_WORD_ING.match(text, match.end()) and _plain_list(text, match.start()) is not None:
            # (twenty-first round) "called him a kind, loving and admirable person", "accused X of
            # covering up, delaying, and withholding facts": a one-word item of a list, no participle
            # clause ("…, angering his supporters and …" still ends the content)
            continue
        if ing and ing not in _SPEECH_GERUNDS and _GERUND_LIST_OPEN.search(text, 0, match.start()):
            continue  # "its pledges: rebuilding the military, taking care of veterans, …": a list item
        if ing and _counting_participle(text, match.end(), ing):
            continue  # "raised $21 million in January, bringing its total to $95 million": a figure
        if ing and ing not in _PREPOSITION_ING:
            # (a quotation closing before the comma stays whole: "… “New York values,” stating …")
            closing = len(match.group()) - len(match.group().lstrip(",\u201d\"'"))
            return match.start() + closing if closing > 1 else match.start()
        if match.group("own") and _fronted_phrase(text[: match.start()]):
            continue  # "that sometime in the week that followed, he realized …": the clause's own subject
        # ", he clarified that …", ", and Trump vowed …": a new clause of its own
        verb = verb or match.group("own") or match.group("other")
        # ("and in …" is no verb: "in" is a cue only for a poll's "In a CNN poll, …")
        if verb and verb != "in" and (verb in SPEECH_CUES or verb in STATEMENT_VERBS or verb in _STANCE):
            if not bare_cue and bare(verb):
                continue  # "said she might capitulate and support …": the content's own verb, after a modal
            if past_cue and _present_third(verb):
                # "said the group is not an advocacy group and supports candidates …": a present verb
                # after a past cue is the content's own, not a second verb of the Source's
                continue
            if _own_subject_goes_on(text, match, verb):
                continue
            return match.start()
    return len(text)


# (twenty-third round) "not only …, but also …": the second half of a correlative pair
_NOT_ONLY: Final = re.compile(r"\bnot\s+only\b", re.IGNORECASE)


# (twenty-fourth round) ", which was ''self-destructing …''", ", which “will help elect …”": a
# relative clause whose predicate is a quotation carries the Source's own words, so it stays in the
# content (", which he called “a cartel …”" names a second act and still ends it).
_QUOTED_RELATIVE: Final = re.compile(
    r"\s+(?:(?:is|was|are|were|will|would|could|can|may|might)\s+)?(?:[\u201c\"]|'')"
)


def _quoted_relative(text: str, at: int) -> bool:
    """Whether the ", which" / ", who" clause from ``at`` opens with a quotation of its predicate."""
    return _QUOTED_RELATIVE.match(text, at) is not None


# (twenty-fourth round) A participle phrase with a figure in its first words ("…, bringing its total
# to almost $95 million", "…, earning 51 percent of the support …", "…, coming from 40 to 50 points
# behind …") quantifies the claim before it: PolNeAR's gold runs on through it (train: 4 of 4 such
# cuts were short; the writer's effect glosses, "…, drawing a sharp reply", carry no early figure).
_FIGURE_SOON: Final = re.compile(r"(?:\s+[^\s\d.]+){0,6}?\s+\$?\d")


# Participles of consequence are the writer's comment on what the statement caused ("…, prompting
# unions representing 4.5m workers to threaten action", held-out BBC), figure or not.
_EFFECT_PARTICIPLES: Final = lex.words(
    "prompting leading sparking triggering drawing causing provoking fueling fuelling angering"
)


# (twenty-fourth round) A list of gerund phrases opened by a colon, "including" or "such as"
# ("many of his pledges: rebuilding the military, taking care of veterans, protecting …"): a later
# "…, <gerund>" is the list's next item, not a participle clause.
_GERUND_LIST_OPEN: Final = re.compile(r"(?::|\bincluding|\bsuch\s+as)\s+[a-z]{3,}ing\b[^.;:!?]*$")


def _counting_participle(text: str, at: int, ing: str) -> bool:
    """Whether the participle ``ing`` ending at ``at`` opens a phrase that gives a figure within its
    first seven words, and is no verb of saying or stance (", saying 5 people …" is a second act) or
    of consequence (``_EFFECT_PARTICIPLES``)."""
    if ing in _SPEECH_GERUNDS or ing in _STANCE or ing in _EFFECT_PARTICIPLES:
        return False
    return _FIGURE_SOON.match(text, at) is not None


def _correlative_but_also(text: str, match: re.Match[str]) -> bool:
    """Whether the ", but also" at ``match`` closes a "not only …" earlier in the content ("said he
    can win not only the nomination, but also the general election"): the pair is one statement,
    not the writer's narration (train gold goes on at all three such)."""
    if match.group().split()[-2:] != ["but", "also"]:
        return False
    return _NOT_ONLY.search(text, 0, match.start()) is not None


# (seventeenth round) Verbs of wishing, deciding and finding that are no act of speech: coordinated
# without a comma after a reported clause with its own subject, they go on with that subject ("said
# she did not condone violence and hoped that …", "said he had weighed the risks but decided to
# proceed"), not with the Source.
# (Not the light verbs: "said he was delighted and offered his congratulations" is a second act of
# the Source's, words given; held-out BBC.)
_NON_SPEECH_STANCE: Final = _STANCE - SPEECH_CUES - STATEMENT_VERBS - lex.LIGHT_SPEECH_VERBS
_CLAUSE_SUBJECTS: Final = lex.words("he she they we i it")
_SINGULAR_SUBJECTS: Final = lex.words("he she it")


def _own_subject_goes_on(text: str, match: re.Match[str], verb: str) -> bool:
    """Whether a coordinated verb at ``match`` (" and hoped", " but decided") continues the content's
    own clause: a stance verb that is no act of speech, with no comma before "and" / "but", after
    content whose first word is a subject pronoun the verb agrees with."""
    if verb not in _NON_SPEECH_STANCE or match.group().startswith(","):
        return False
    first = _FIRST.match(text)
    if first is None or match.start() <= first.end():
        return False
    subject = first.group(1).lower()
    if subject in _SINGULAR_SUBJECTS:
        return not bare(verb)  # "he … and want him on …" agrees with another subject (held-out BBC)
    return subject in _CLAUSE_SUBJECTS and not _present_third(verb)


def _named_subject(text: str) -> bool:
    """(twentieth round) Whether reported content opens with a subject other than a personal
    pronoun, so a perfect participle after it (", having transferred his wealth to …") is that
    subject's earlier act, the ground of the claim (train: 2 such stops, the gold went on in both).
    After "he" / "they" it may be the Source's own act ("said they were glad …, having earlier
    criticised …", held-out BBC): it still ends the content."""
    first = _FIRST.match(text)
    return first is not None and first.group(1).lower() not in _PERSONAL_SUBJECTS


_PERSONAL_SUBJECTS: Final = lex.words("he she they we i you")


# The rest of a participle aside after the content's subject: a short phrase closed by a comma.
_ASIDE_CLOSES: Final = re.compile(r"[^,;:\u201c\u201d\"]{1,80}?,\s+[a-z]")


def _relative_aside_of_subject(text: str, start: int, end: int) -> bool:
    """Whether the ", who …," / ", which …," from ``start`` (its "who" ending at ``end``) is an aside
    after the content's own short subject, closed by a comma before the content's verb ("said
    Sanders, who did win Rhode Island on Tuesday, would likely place …"): the content goes on.

    The subject is at most three words and the clause after the closing comma opens with a modal,
    an auxiliary or an adverb (its predicate), so a list ("…, who …, and …") still ends it."""
    if len(text[:start].split()) > 3:
        return False
    closing = _ASIDE_CLOSES.match(text, end)
    if closing is None:
        return False
    nxt = _FIRST.match(text, closing.end() - 1)
    return nxt is not None and (nxt.group(1).lower() in _PREDICATE_OPENERS or bool(_LY.match(nxt.group(1))))


# Words that open a clause's predicate after its subject ("…, would likely place", "…, has said").
_PREDICATE_OPENERS: Final = lex.words(
    "is are was were has have had will would can could should may might must does did do"
)
_LY: Final = re.compile(r"^[a-z]+ly$")


def _closing_dash(text: str, start: int, dash: str) -> int:
    """Where the text goes on after the dash that closes an aside opened by ``dash`` at ``start``
    ("… -- mainly X and Y -- and …": the blank before "and"), or -1 when no dash closes a phrase
    there: a single dash ("… a mirage - a combination of …") ends the content."""
    closing = text.find(f" {dash}", start + len(dash) + 2)
    if closing < 0 or closing - start > _DASH_ASIDE:
        return -1
    aside = text[start + len(dash) + 2 : closing]
    after = closing + 1 + len(dash)
    if len(text[:start].split()) >= 2 and _relative_dash_aside(text, aside, after):
        return after  # (after a content of two words or more, which the dash had cut short)
    if any(c in aside for c in '.;:?!\u201c\u201d"') or _CLAUSE_WORD.search(aside):
        return -1  # "- there are two from each district -": a clause of the writer's, not a phrase
    if after >= len(text) or not text[after].isspace() or _NEW_CLAUSE.match(text, after):
        return -1  # "pro-Trump" is no dash; "- but said …" opens a clause of its own
    return after


def _relative_dash_aside(text: str, aside: str, after: int) -> bool:
    """(twenty-first round) Whether a dash aside is a relative clause inside the content's subject,
    whose predicate follows the closing dash ("the unemployment rate - which has declined for all
    groups - carries more importance …", "the Star of David - which appears on Israel's flag - was
    replaced …"): the content goes on.  The aside opens with "which" / "who" and holds no quotation
    or sentence end; the word after the closing dash is a finite verb (an auxiliary or a present /
    past form)."""
    head = aside.split(None, 1)
    if not head or head[0].lower() not in _RELATIVE_OPENERS or any(c in aside for c in '.;:?!\u201c\u201d"'):
        return False
    nxt = _FIRST.match(text, after)
    if nxt is None or nxt.start(1) - after > 1:
        return False
    verb = nxt.group(1)
    return verb in _PREDICATE_OPENERS or (verb.islower() and verb.endswith(("es", "ed")) and len(verb) > 4)


_RELATIVE_OPENERS: Final = lex.words("which who")


# After an "-ing" word, the end of a one-word list item: a comma, or "and" / "or".
_LIST_WORD_ING: Final = re.compile(r"(?:,|\s+(?:and|or)\s)")


# How far (characters) a dash aside inside content may run before its closing dash.
_DASH_ASIDE: Final = 120
# Words that make a dash aside a clause (a finite verb, a subject pronoun, a relative or a cue).
_CLAUSE_WORD: Final = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|do|does|did"
    r"|which|who|whose|that|he|she|they|it|there|we|I|according|said|says|called)\b|''",
    re.IGNORECASE,
)
# After the closing dash, a conjunction opening another clause: the content ended at the first dash.
_NEW_CLAUSE: Final = re.compile(r"\s*(?:but|while|though|although|who|which)\b")


_SUBORDINATORS: Final = lex.words(
    "when if while after before as although though because since once until unless soon"
)
# Two-word subordinators ("Ever since Sanders announced his candidacy last year, he has …").
_TWO_WORD_SUBORDINATORS: Final = frozenset(
    ["now that", "ever since", "given that", "every time", "each time", "by the time", "as soon",
     "as long", "so long"]
)
_CONNECTIVES: Final = lex.words("however though too also meanwhile instead nevertheless")
# Passive participles that open a sentence with the question put to the Source ("Asked about …,").
_QUESTION_LEADS: Final = lex.words("asked pressed questioned")


def clause_before(text: str) -> bool:
    """Whether ``text`` (before a trailing attribution) is a main clause that can be content.

    Not "When Ms. Friedan recommended …" (a subordinate clause waiting for its main clause) nor
    "At day's end, however" (an adverbial and a connective).
    """
    words = text.split()
    if not words:
        return False
    first = words[0].strip("“\"‘'(").lower()
    last = words[-1].strip(",;").lower()
    if last in _CONNECTIVES or first in _QUESTION_LEADS:
        return False  # "Asked whether he would …, Priebus said": the question, not the answer
    # "In June", "Speaking to students at Drexel", "When X recommended …": an opening phrase that
    # waits for its main clause; content only when a main clause follows it after a comma
    opener = first in _SUBORDINATORS or first in _CIRCUMSTANCE or first.endswith("ing")
    if opener and first not in _SUBORDINATORS and first not in _CIRCUMSTANCE and _FINITE.search(text):
        return True  # "Shifting monsoon patterns … could affect a billion people": a gerund's own clause
    return not (opener and "," not in text)


# A modal or auxiliary: the words before a trailing attribution hold a finite verb of their own.
_FINITE: Final = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must)\b"
)


_OPEN_RELATIVE: Final = re.compile(r",\s+who\s[^,;:\u201c\u201d\"]*$")

# (twenty-second round) A "which" / "whom" clause the cue stands in, after a comma (also after a preposition):
# "An internal survey, which Smith said was biased, found …".
_OPEN_WHICH: Final = re.compile(
    r",\s+(?:(?:in|of|to|for|with|by|from|on|about|under)\s+)?(?:which|whom)\s[^,;:\u201c\u201d\"]*$"
)
# The predicate of the main clause after the relative clause's closing comma: a finite verb (a
# past form with words after it: "…, especially his supporters, disenfranchised." is no predicate).
_MAIN_PREDICATE: Final = re.compile(
    r", (?:also |still |then )?(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must"
    r"|found|finds|shows|showed|says|said|suggests|suggested|concludes|[a-z]{3,}ed(?= [a-z]))\b"
)


def which_clause_end(lead: str, text: str) -> int:
    """(round 22) Where the content of a cue inside a "which" / "whom" clause (``lead``: the sentence up
    to the cue) ends in ``text``, the words after the cue: at the comma before the main clause's
    verb ("An internal survey, which Smith said was biased, | found that morale was low": what the
    survey found is not Smith's); -1 when ``lead`` opens no such clause or the clause ends the
    sentence ("…, which he said runs the risk of leaving millions of voters, especially …")."""
    if not _OPEN_WHICH.search(lead):
        return -1
    match = _MAIN_PREDICATE.search(text)
    return match.start() if match is not None else -1


def inside_relative(text: str) -> bool:
    """Whether a cue stands inside a relative clause opened before it and not yet closed
    ("Sanders, who endorsed Canova and said …"): its content ends with the clause."""
    return bool(_OPEN_RELATIVE.search(text))


def opens_subordinate(text: str) -> bool:
    """Whether a sentence opens with a subordinate clause ("When Clinton said she would …, he …")."""
    words = text.split(None, 2)
    if not words:
        return False
    first = words[0].strip("“\"‘'(").lower()
    if len(words) > 1 and f"{first} {words[1].lower()}" in _TWO_WORD_SUBORDINATORS:
        return True  # (twenty-first round) "Now that Trump has claimed …, the GOP nominee …"
    if first in _SUBORDINATOR_LEADS and len(words) > 1:
        first = words[1].lower()  # "Even as …", "Years after …", "Shortly before …"
    return first in _SUBORDINATORS


def subordinate_before(text: str) -> bool:
    """Whether the clause a cue stands in opens with a subordinator after an earlier phrase of the
    sentence: "In June 2001, after a desperate HP asked workers …, 80,000 employees …", "However,
    while the RNC says …, they …": like ``opens_subordinate``, for the part after the last comma.

    ("as" is left out: "as Smith reported in his book, the communist big shots …" is a parenthetical
    attribution whose content is the main clause after it.)
    """
    words = text.rsplit(",", 1)[-1].split(None, 4)[:4]
    for k, word in enumerate(words):
        low = word.strip("“\"‘'(").lower()
        if low in _SUBORDINATORS and low != "as":
            # "after Republicans vowed", "Three years after …", "A few weeks after …"
            return all(w.lower() in _SUBORDINATOR_LEADS or w.lower() in _MEASURE_WORDS for w in words[:k])
    return False


# Words of a time measure before a subordinator ("A few weeks after", "Three years before").
_MEASURE_WORDS: Final = lex.words("a few several many two three four five six ten the just only even")


# Words that may stand before a subordinator opening a sentence ("Even though", "Years after"), and
# the conjunctions that join the sentence to the one before ("But if Carson implied that …, he …").
_SUBORDINATOR_LEADS: Final = lex.words(
    "even just only shortly soon long right moments hours days weeks months years but and yet"
)


def fragment(text: str, cue: str = "") -> bool:
    """Content too short or too broken to be a statement on its own ("on Feb.", "basically.")."""
    words = text.split(None, 2)[:2]
    if len(words) < 2 or not (words[0][-1:].isalnum() or words[0][:1].isalnum()):
        # punctuation among the first words (rare): count the words that hold a letter or digit
        words = [w for w in text.split() if any(c.isalnum() for c in w)][:2]
    if len(words) == 1 and cue and cue.lower() not in SPEECH_CUES and words[0][:1].isupper():
        return not words[0].rstrip(".,;:!?’'”\"").isalpha()  # "endorsed Cruz", "praised Putin"
    if len(words) == 1 and one_word_object(cue, words[0]):
        return False
    if len(words) < 2:
        return True
    # "to sign up 5 million people" (after "wants"): an intention; after "pledged", a promise
    return words[0].strip("“\"‘'(").lower() == "to" and cue.lower() not in _PROMISES



def one_word_object(cue: str, word: str) -> bool:
    """Whether a one-word object of a stance or statement verb is its content (sixteenth round):
    "Clinton has expressed concerns", "Trump has disparaged immigrants", "Sanders is thanking
    supporters", "Trump was calling for change".  PolNeAR annotates such an object as what was
    said, as it does longer ones; the check that refuses one-word content ("basically.", "too.")
    was stricter than that.  Only a word of letters of four or more, not a pronoun, a determiner
    or an -ing form ("arriving"), after a cue that is no speech verb (their one word is an
    answer or an adverb: "said yes", "added later")."""
    low = cue.lower()
    w = word.rstrip(".,;:!?\u2019'\u201d\"").lower()
    return (
        bool(low)
        and (low not in SPEECH_CUES or low in _PLEDGES)  # "vows change": what was promised
        and len(w) >= 4
        and w.isalpha()
        and not w.endswith("ing")
        and w not in lex.PRONOUNS
        and w not in lex.DETERMINERS
    )


# (twenty-first round) An aside right after the Source of "According to <Source>, …": an age
# (", 58,"), a party tag (", R-Texas," / " (D-Mass.),"), a relative clause (", who took office in
# 2014,") or a description holding a role noun (", a fellow at the Brookings Institution,", ",
# Clinton's Latino vote director,").  It describes the Source; the statement starts after it.
_ACCORDING_ASIDE: Final = re.compile(
    r"\s*\([A-Z]{1,2}-[^()]{1,24}\)(?=,\s)"
    r"|,\s+\d{1,3}(?=,\s)"
    r"|,\s+[A-Z]{1,2}-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?(?=,\s)"
    r"|,\s+(?P<rel>who|whose)\s[^,;:.?!()\u201c\u201d\"]{1,100}?(?=,\s)"
    r"|,\s+(?P<desc>(?:an?|the|his|her|their|its|[A-Z][\w.\u2019'-]*(?:\s[A-Z][\w.\u2019'-]*){0,3}['\u2019]s?)"
    r"\s[^,;:.?!()\u201c\u201d\"]{1,100}?)(?=,\s)"
)
# Nouns besides ``lex.ROLE_NOUNS`` that make a description of a person ("a professor at Yale").
_DESCRIPTION_NOUNS: Final = lex.words(
    "professor fellow expert researcher scientist scholar lecturer teacher doctor student head"
    " partner owner officer consultant specialist commentator editor writer colleague friend"
)
# At most this many asides in a row ("According to Smith, 58, a Democrat, …").
_MAX_ASIDES: Final = 3


def according_aside_end(text: str) -> int:
    """(twenty-first round) Where the statement starts in ``text``, the words after the Source of
    "According to <Source>, …", past the Source's asides (``_ACCORDING_ASIDE``), or -1 when no aside
    follows.  A description counts only when it holds a role noun, and the words after the asides
    must open a clause, not go on with a verb ("According to the report, the senator, a Democrat,
    voted …" is the writer's subject and its aside)."""
    end = 0
    for _ in range(_MAX_ASIDES):
        match = _ACCORDING_ASIDE.match(text, end)
        if match is None:
            break
        desc = match.group("desc")
        if desc is not None and not _describes_person(desc):
            break
        end = match.end() + 1  # past the aside's closing comma
    if end == 0:
        return -1
    start = end + len(text[end:]) - len(text[end:].lstrip())
    first = text[start:].split(None, 1)[:1]
    word = first[0].lower() if first else ""
    if not word or word in _RESUMING_VERBS or (word.endswith("ed") and word.isalpha()):
        return -1
    return start


def _describes_person(desc: str) -> bool:
    """Whether the description ``desc`` names a person's role ("a fellow at Brookings", "Clinton's
    Latino vote director"): a role noun in its head phrase, before any preposition or verb ("an
    email was sent from the club's executive director" is a clause, not a description)."""
    for word in desc.lower().replace("-", " ").split():
        if word in lex.ROLE_NOUNS or word in _DESCRIPTION_NOUNS:
            return True
        if word in _HEAD_PHRASE_END or word in _RESUMING_VERBS:
            return False
    return False


# Words that end a description's head phrase: prepositions and conjunctions.
_HEAD_PHRASE_END: Final = lex.words("of at for to with in on from and or by since under who that")
