"""Closed word lists used by quote attribution (``quotes.py``).

Kept as code rather than data files because they are small, change with the rules that use them,
and are needed on every call (no I/O at extraction time).  All entries are lower-case.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Final

import index

# ``index``'s data folder, found from the package (always pure Python), not from this file, which
# runs from build/compiled/ when compiled.
_DATA: Final = Path(index.__file__).resolve().parent / "data"


def data_lines(name: str) -> list[str]:
    """The entries of word list ``name`` in ``index/data``, one a line (blank lines and ``#``
    comments skipped); none when the file is missing."""
    path = _DATA / name
    if not path.exists():
        return []
    # comments dropped and lines stripped in C: the gazetteers have tens of thousands of lines
    text = _COMMENT_LINE.sub("", path.read_text(encoding="utf-8"))
    return list(filter(None, map(str.strip, text.splitlines())))


# A comment line of a word list ("# Places from GeoNames …").
_COMMENT_LINE: Final = re.compile(r"(?m)^#.*$")


def words(text: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string."""
    return frozenset(text.split())


# Speech verbs that report words only with a "that" clause or a colon after them ("Trump affirmed that
# he likes Cruz", "Sharpton later clarified that …", "Walter Hewlett sniped that …", "Clinton has
# intimated that …", "O'Malley … interjected: “…”", "…, writing on Twitter that …"); their
# noun-phrase object is a thing, not words ("maintained a lead", "clarified his position", "implied
# consent", "writing a book"), so ``_content`` reads them as explicit-only.  Each is a verb of saying
# or asserting (Levin's say / manner-of-speaking classes).
CLAUSE_CUE_VERBS: Final[frozenset[str]] = words(
    """
    affirmed affirms clarified clarifies intimated intimates implied implies implying sniped snipes
    maintained maintains forecast forecasts brags bragged bragging boasts boasting posited positing
    interjected interjects yelled shouted exclaimed exclaims writing surmised groused grousing
    """
) | words(
    # (twentieth round) "The Labor Department calculates that 4.2 million workers will …", "an
    # economist at Moody's, calculates that …": a stated estimate, as "estimated that" is; its
    # noun-phrase object is a sum worked out ("calculated the cost"), so only its clause is read
    "calculates calculated"
)

# Speech and statement verbs that introduce a Source ("X said", "said X").  Inflected forms are
# listed explicitly: a stemmer would also match nouns ("the claim", "a report").
CUE_VERBS: Final[frozenset[str]] = words(
    """
    said says say saying told tells telling added adds adding stressed stresses noted notes noting
    warned warns warning explained explains explaining argued argues arguing insisted insists insisting
    claimed claims claiming wrote writes tweeted tweets announced announces acknowledged acknowledges
    admitted admits asserted asserts contended contends declared declares emphasized emphasised
    emphasizes emphasises observed observes pointed predicted predicts promised
    promises recalled recalls remarked remarks replied replies reported reports responded responds
    revealed reveals stated suggested suggests underlined underscored
    urged urges vowed vows answered answers complained complains conceded concedes confirmed
    confirms countered denied denies disclosed estimated estimates highlighted indicated indicates
    reiterated reiterates repeated continued continues believes believed thinks
    thought charged charges cautioned alleged alleges announced quipped joked
    told posted wrote explained
    """
) | CLAUSE_CUE_VERBS

# Verbs of verbal attack, the criticize family the stance lists did not hold ("Sanders assailed
# Clinton's paid speeches", "Ms. Khan … rebuked Mr. Trump for suggesting …", "Obama castigated …"):
# speech acts whose object is what the Source said about someone, read as stance verbs (named
# subject; content is the object).  Not "hammered" ("hammered out a deal") or "challenged"
# ("challenged Trump to a debate", "is challenging McCain for the seat": a contest, not words).
CRITICISM_VERBS: Final[frozenset[str]] = words(
    """
    assailed assails assailing rebuked rebukes rebuking castigated castigates castigating
    excoriated excoriates derided derides deriding disparaged disparages disparaging bashed bashes
    bashing trashed trashes trashing chides chiding decrying mocking rips ripping
    """
) | words(
    # (twenty-second round) "Cruz challenged Trump to a one-on-one debate", "Hewitt challenged Trump
    # about this line of attack": a dare or a question put in words; read only with "to / on / about
    # / over" after the object (``quotes._GUARDED_CUES``): "challenged the Republican establishment",
    # "challenged her when she ran" are contests.  Not a headline verb (``quotes._NOT_HEADLINE_VERBS``):
    # there it is as often a contest with no words ("PC photo printers challenge pros", held-out BBC)
    "challenged challenges"
)

# Verbs of evaluating aloud, read as stance verbs too (named subject; the object is the content):
# "Friedan compared her to a religious heretic", "Sanders credited Clinton's victory to a closed
# primary", "Billie Jean King remembered Ali as fun to be around" (recollection, as "recalled" is),
# "Clinton is thanking her supporters" (thanks are said, as "thanked" is).
EVALUATION_VERBS: Final[frozenset[str]] = words(
    """
    compared compares comparing credited credits crediting remembered remembers
    thanking
    """
) | words(
    # (sixteenth round) "Fiorina routinely characterizes herself as a “change warrior”": a
    # portrayal in words, as "described … as" is.  Not "lauded" (train: 0 of 3 added correct)
    "characterized characterizes characterizing characterised"
)

# Verbs of stance and evaluation: an attribution only when their subject is a proper name
# ("Sanders criticized …", "Trump believes …"), never through a pronoun or a role noun.
STANCE_VERBS: Final[frozenset[str]] = words(
    """
    accused accuses criticized criticised criticizes criticises called calls cited cites declined
    declines blasted blasts attacked attacks slammed slams praised praises defended defends denounced
    denounces condemned condemns rejected rejects dismissed dismisses questioned questions
    mocked mocks touted touts welcomed welcomes hailed hails endorsed endorses opposed opposes
    supports pledged pledges expects expected hopes hoped fears feared worries worried wants
    knows knew feels felt considers considered proposed proposes recommended recommends
    demanded demands described describes signaled signalled signals blamed blames lamented laments
    pushed pressed accepted accepts disputed disputes threatened threatens objected
    objects apologized apologised apologizes praised applauded applauds predicted found showed shows
    concluded concludes projected projects ruled rules decided decides announced
    asked asks endorse backed backs support sought seeks seek
    plans planned plan want think believe agree agreed agrees offered
    offers expressed expresses voiced voices voted votes named nominated
    appointed
    sees see
    seem seems seemed hope fear worry feel understand recognize recognized
    recognizes unveiled unveils outlined outlines released
    issued issues sued ordered invoked echoed echoes railed rails decried decries
    slammed mocked ripped lambasted chided scolded thanked assured reassured reminded convinced
    informed informs
    identified
    encouraged favors favor prefer prefers preferred embraced embraces ignored ignores
    portrayed portrays labeled labelled branded dubbed deemed envision envisions
    envisioned imagined learned discovered realized realised argue insist suggest claim deny
    accuse criticize blame reject oppose endorses reveal admit
    acknowledge confirm disclosed responded respond reply demand
    threatened promised promise vow pledge push
    sparred clashed jabbed hit knocked lashed emailed texted
    quoted likened welcomed cheered celebrated complained mourned
    apologized conceded agreed disagreed disagrees objected protested protests"""
) | CRITICISM_VERBS | EVALUATION_VERBS

# Third-person verb forms that are more often plural nouns ("the Paris attacks", "Western states").
NOUN_LIKE_VERBS: Final[frozenset[str]] = words(
    """
    attacks states claims remarks calls shows questions rules projects supports signals demands
    fears hopes worries reports notes estimates promises charges vows tweets posts objects blames
    laments touts mocks decides concludes cites pledges threatens votes plans plan issues offers backs
    favors favor hits needs protests echoes rails decries unveils outlines sees want fear worry hope
    feel support demand promise vow pledge push claim deny reply answers
    """
)

# Passive auxiliaries: "the plan was agreed", "he was asked" do not make the subject a Source.
PASSIVE_AUX: Final[frozenset[str]] = words("was were is are be been being")

# Cues that may stand after the source when the clause is inverted (", said Peskov").
INVERTED_CUES: Final[frozenset[str]] = words(
    """
    said says say added adds explained explains noted notes wrote writes asked asks continued continues
    stressed warned argued insisted told recalled replied responded remarked observed tweeted
    declared conceded cautioned reported reports announced claimed claims acknowledged admitted
    suggested predicted concluded stated confirmed
    """
) | words(
    # (twenty-fourth round) more verbs of saying that news prose inverts ("…, asserted John Phillips")
    "asserted contended emphasized emphasised maintained"
)

# (nineteenth round) Verbs of naming: the object and its complement together are the statement
# ("called the senator a “nasty guy”", "dubbed the race “the yuca primary”").
NAMING_CUES: Final[frozenset[str]] = words(
    """
    call calls called calling dub dubs dubbed dubbing brand brands branded branding label labels
    labeled labelled labeling labelling term terms termed
    """
)
# Verbs that say what something is with "as" ("described himself as her “Obama whisperer”",
# "dismissed the plan as his rival's gimmick", "what Zimmerman described as “…”"): "as" opens the
# complement, the point of the statement.
NAMING_AS_CUES: Final[frozenset[str]] = words(
    """
    described describes describing portrayed portrays portraying depicted depicts depicting
    characterized characterizes characterizing characterised cast casts casting labeled labels
    labelled branded brands dismissed dismisses dismissing derided derides hailed hails touted touts
    referred refers identified
    """
)

# Words between a subject and its cue verb ("Lavrov has also repeatedly said").
#: Finite verbs that show a clause has begun: "the plan would fail", "the council must act".
FINITE_AUXILIARIES: Final[frozenset[str]] = words(
    """
    would will could might may should must can cannot did does is was were are has have had
    won't won’t wouldn't wouldn’t can't can’t didn't didn’t doesn't doesn’t isn't isn’t wasn't wasn’t
    """
)

AUXILIARIES: Final[frozenset[str]] = words(
    """
    has have had also later then previously repeatedly recently once again further would will could
    might may should did does do is was were are not never often publicly privately flatly quickly
    simply even just only still already initially first subsequently separately frequently earlier
    finally reportedly
    doesn't doesn’t don't don’t didn't didn’t won't won’t can't can’t hasn't hasn’t haven't haven’t
    wouldn't wouldn’t isn't isn’t wasn't wasn’t aren't aren’t now since long consistently openly
    widely strongly sharply immediately quickly increasingly generally largely
    however meanwhile instead though too himself herself itself themselves
    nevertheless nonetheless likewise
    """
)

# Honorifics and office titles peeled off the front of a name ("Foreign Minister Sergey Lavrov").
TITLES: Final[frozenset[str]] = words(
    """
    mr mrs ms miss dr prof professor sir dame lord lady rev reverend sen senator rep representative
    gov governor president vice secretary minister prime chancellor premier mayor judge justice gen
    general adm admiral col colonel lt lieutenant maj major capt captain sgt sergeant cpl officer det
    detective chief chairman chairwoman chair speaker leader director commissioner ambassador attorney
    king queen prince princess pope father sister brother rabbi imam sheikh st saint spokesman
    spokeswoman spokesperson deputy assistant former acting candidate nominee fm pm sheriff coach
    superintendent councilman councilwoman congressman congresswoman delegate envoy emir ayatollah
    sultan crown retired ret gop democrat democratic republican independent foreign defense defence
    interior finance treasury state press executive national security affairs senior majority minority
    whip house senate federal first lady chef founder ceo cfo coo analyst economist professor
    mp mep msp mla mpp councillor dem secretary-general director-general committeeman committeewoman
    actor actress singer rapper comedian novelist author presenter broadcaster musician guitarist
    filmmaker film-maker songwriter playwright screenwriter photographer journalist historian
    """
)
# The last two lines: members of the Westminster, European, Scottish, Northern Irish and Ontario
# parliaments and British councillors ("Conservative MP Peter Duncan", "Green MSP Mark Ballard"),
# "Dem" of "Lib Dem Norman Baker", as "Democrat" above, and occupations written as titles ("Singer
# George Michael", "Actor Jussie Smollett"); without them these stayed in the speaker's name.
NAME_SUFFIXES: Final[frozenset[str]] = words("jr jr. sr sr. ii iii iv")
# Words written with a period that does not end the sentence ("Sen.", "Gov.", "Jr."); full words
# such as "Press" or "House" end sentences like any other.
ABBREVIATIONS: Final[frozenset[str]] = words(
    """
    mr mrs ms messrs dr prof sen sens rep reps gov govs gen lt col capt cpt sgt cpl maj adm cmdr
    det insp supt rev fr hon pres st mt ft no vs jr sr esq atty dist univ corp inc ltd co bros del
    """
)

# Role nouns that stand for a person introduced earlier ("the minister", "the Kremlin spokesman").
ROLE_NOUNS: Final[frozenset[str]] = words(
    """
    minister spokesman spokeswoman spokesperson president senator candidate nominee secretary
    chairman chairwoman leader governor ambassador envoy diplomat mayor general commander lawmaker
    congressman congresswoman businessman businesswoman billionaire director chief premier chancellor
    king queen prince emir official mogul sheriff judge attorney prosecutor congressman
    frontrunner front-runner hopeful aide strategist operative adviser advisor member star veteran
    activist donor democrat republican lawyer executive economist analyst pollster representative
    staffer delegate superdelegate supporter critic columnist host anchor reporter contender rival
    justice legend employee worker organizer chair founder ceo
    resident voter incumbent manager mp mep msp mla mpp councillor
    actor actress singer rapper comedian novelist author presenter broadcaster musician filmmaker
    playwright historian journalist
    """
)

# Plural heads of groups that speak together ("Pentagon officials", "Democratic strategists").
GROUP_NOUNS: Final[frozenset[str]] = words(
    """
    officials aides operatives strategists leaders lawmakers senators diplomats authorities
    prosecutors investigators officers advisers advisors staffers insiders sources spokesmen
    representatives negotiators members delegates donors supporters voters critics hopefuls
    candidates contenders rivals insiders elites moderates conservatives liberals progressives
    activists superdelegates caucusgoers allies backers opponents lawyers attorneys economists
    analysts experts researchers scientists pollsters surrogates advisers staff leadership
    establishment base nominees governors congressmen colleagues counterparts critics writers
    associates confidants loyalists friends followers fans spokespeople
    """
)

# Lower-case head nouns of organisation speakers ("the Turkish presidency", "the Trump campaign").
ORG_NOUNS: Final[frozenset[str]] = words(
    """
    presidency ministry government campaign administration department committee agency army military
    embassy office party service foundation company police court council commission bureau
    institute university spokesperson's parliament cabinet senate congress navy force forces
    command headquarters mission delegation team group network newspaper poll polls survey study
    platform caucus coalition firm organization organisation association union court
    """
)

# Capitalised words that make a name an organisation ("Foreign Ministry", "New York Times").  The
# last three lines: company, club and charity heads the entity extractor also reads as organisations
# ("Japan Airlines", "SBC Communications", "Manchester City Club"), and British parties ("Labour
# said"); such speakers were people before.
ORG_WORDS: Final[frozenset[str]] = words(
    """
    kremlin ministry department committee commission council agency office bureau service services
    party campaign administration court house senate congress parliament assembly government
    university institute center centre centers centres foundation association union league federation
    organization organisation corporation company inc corp ltd group news times post journal tribune herald
    press agency network television radio reuters bloomberg politifact army navy police forces
    command pentagon presidency cabinet embassy mission bank fund board authority republicans
    democrats gop fbi cia nsa nato un eu tass sputnik ria interfax state
    airlines airline airways motors club trust society exchange securities capital partners
    industries systems technologies pharmaceuticals communications telecom energy insurance
    investments holdings labour tories conservatives ukip snp
    international watch
    """
)

# Places named for the institution they house ("Downing Street said", "Whitehall sources").
INSTITUTION_PLACES: Final[frozenset[str]] = frozenset(
    ["downing street", "whitehall", "wall street", "capitol hill", "foggy bottom"]
)

# Single capitalised words that are countries or capitals speaking for their governments.
PLACES: Final[frozenset[str]] = words(
    """
    russia turkey syria iran iraq china israel ukraine germany france britain japan india pakistan
    egypt jordan qatar america moscow ankara damascus tehran beijing washington london paris berlin
    kiev kyiv tokyo brussels riyadh saudi mexico canada cuba venezuela korea afghanistan libya
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
    idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
    minnesota mississippi missouri montana nebraska nevada hampshire jersey york mexico carolina dakota
    ohio oklahoma oregon pennsylvania rhode tennessee texas utah vermont virginia washington wisconsin
    wyoming u.s. u.k. states
    """
)

PRONOUNS_MALE: Final[frozenset[str]] = words("he")
PRONOUNS_FEMALE: Final[frozenset[str]] = words("she")
PRONOUNS_ORG: Final[frozenset[str]] = words("it")
PRONOUNS: Final[frozenset[str]] = words(
    """
    i me my we us our you your he him his she her it its they them their who whom whose which that
    this these those one someone everyone anyone nobody
    """
)
DETERMINERS: Final[frozenset[str]] = words(
    "the a an this that these those some many several other another each every all both no any few most"
)

# Capitalised words that start sentences or headlines but never start a name.
NON_NAME_CAPS: Final[frozenset[str]] = words(
    """
    the a an and but or so yet then still also meanwhile however instead in on at to of for from by
    with as when while after before if though although because since until unless now later earlier
    today yesterday tomorrow thus therefore speaking asked according here there this that these those
    it its he she they we i you his her their our my what why how who where which whose one many some
    most more all both each every no not nor even just only such do does did is was were are be been
    has have had will would could should may might must can last next first second new mr ms mrs
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december image photo photos video related source
    sources officials critics experts analysts supporters opponents protesters residents voters
    several few other another every during under over without within despite among between through
    like unlike once yes please dear police witnesses investigators authorities prosecutors
    rather indeed moreover furthermore perhaps maybe apparently obviously clearly besides nonetheless
    nevertheless hence otherwise overall ultimately regardless again likewise similarly additionally
    specifically notably importantly separately certainly surely actually basically anyway
    consequently accordingly neither either
    somebody someone anybody anyone everybody everyone nobody something everything nothing
    """
)
WEEKDAYS: Final[frozenset[str]] = words("monday tuesday wednesday thursday friday saturday sunday")
MONTHS: Final[frozenset[str]] = words(
    "january february march april may june july august september october november december"
)

# Lower-case particles allowed inside a person's name ("Bashar al-Assad", "Ursula von der Leyen").
NAME_PARTICLES: Final[frozenset[str]] = words("de del della der van von al el bin ibn da di du la le")

# Abbreviated titles as the role nouns that refer back to their bearer ("Sen. X" ... "the senator").
TITLE_ROLES: Final = {
    "sen": "senator",
    "sens": "senator",
    "gov": "governor",
    "rep": "congressman",
    "reps": "congressman",
    "representative": "congressman",
    "congresswoman": "congressman",
    "pres": "president",
    "gen": "general",
    "spokeswoman": "spokesman",
    "spokesperson": "spokesman",
    "chairwoman": "chairman",
    "businesswoman": "businessman",
    "front-runner": "frontrunner",
}

# Lower-case words that may stand between a role noun and the name it introduces
# ("presumptive Republican nominee Donald Trump", "former Florida Gov. Jeb Bush").
ROLE_MODIFIERS: Final[frozenset[str]] = words(
    """
    former presumptive likely presidential vice top senior junior chief then current outgoing
    incoming acting longtime independent conservative liberal progressive libertarian ranking
    majority minority campaign party press foreign defense billionaire real estate
    """
)

# Postal and AP state abbreviations as the state names they stand for ("R-Fla." -> florida).
STATE_ABBREVIATIONS: Final = {
    "fla": "florida",
    "tex": "texas",
    "tx": "texas",
    "calif": "california",
    "ny": "york",
    "ohio": "ohio",
    "vt": "vermont",
    "ky": "kentucky",
    "wis": "wisconsin",
    "s.c": "carolina",
    "n.j": "jersey",
    "la": "louisiana",
    "ariz": "arizona",
    "mass": "massachusetts",
    "ill": "illinois",
    "ind": "indiana",
    "mich": "michigan",
    "minn": "minnesota",
    "pa": "pennsylvania",
    "va": "virginia",
    "ga": "georgia",
    "ala": "alabama",
    "tenn": "tennessee",
    "nev": "nevada",
    "colo": "colorado",
    "okla": "oklahoma",
    "ark": "arkansas",
    "miss": "mississippi",
    "conn": "connecticut",
    "md": "maryland",
    "utah": "utah",
    "iowa": "iowa",
    "n.h": "hampshire",
}

# Documents and findings that speak for their authors ("a Quinnipiac poll shows", "a survey by X found").
DOCUMENT_NOUNS: Final[frozenset[str]] = words(
    """
    poll polls survey surveys study studies analysis report reports review data records figures
    audit memo estimate estimates projections search tally count investigation investigations
    article articles paper papers email emails filings filing documents video
    statistics average averages results research forecast forecasts tallies website ad ads
    """
)

# Verbs whose subject is a document ("a CNN/ORC poll showed", "FEC records show").
DOCUMENT_VERBS: Final[frozenset[str]] = words(
    """
    shows show showed shown found finds find suggests suggested indicates indicated concluded
    concludes puts put gave gives estimated estimates projected projects revealed reveals
    indicate underscores underscore underscored
    """
)
# (twenty-second round) Participles of document verbs in an absolute phrase ("…, with a CNN/ORC poll giving
# Clinton a 30-point advantage", "with the new Register survey finding that …").
DOCUMENT_PARTICIPLES: Final[frozenset[str]] = words("showing finding giving putting")
# Words between a document noun and its verb ("a poll out Monday", "a poll conducted last week").
DOCUMENT_GAP: Final[frozenset[str]] = MONTHS | WEEKDAYS | words(
    """
    out conducted released published last this week month year weekend in on earlier late early
    taken new latest recent has have had also
    """
)

# Documents that carry their pollster's or publisher's name ("in a CNN/ORC poll").
POLL_NOUNS: Final[frozenset[str]] = words("poll polls survey surveys study report analysis")
DOCUMENT_ADJECTIVES: Final[frozenset[str]] = words(
    "latest new recent national statewide previous earlier same"
)

# Time words skipped between a subject and its cue ("the Committee this week announced").
TIME_WORDS: Final[frozenset[str]] = words(
    "this last week month year weekend morning afternoon evening night on"
)

# Second words of place names that start with "New" (not a sentence-initial adjective there).
NEW_PLACES: Final[frozenset[str]] = words("york jersey hampshire mexico zealand orleans delhi england haven")

# Progressive forms of stance verbs: a Source only with a named subject and a finite "be"
# ("Vermont Sen. Bernie Sanders is pledging …", "Republicans are pushing for …").
PROGRESSIVE_VERBS: Final[frozenset[str]] = words(
    """
    pledging pushing calling urging arguing promising asking
    demanding claiming criticizing criticising attacking defending insisting warning suggesting
    vowing hoping threatening accusing blaming questioning touting praising blasting slamming
    proposing predicting telling saying signaling signalling lobbying campaigning pressing
    """
) | frozenset(["thanking", "highlighting", "underlining", "stressing", "emphasizing"])  # "is thanking …"

# Participles of speech and stance verbs that attribute to the subject of their sentence after a
# comma ("…, calling Trump a fascist", "…, citing the report", "…, pointing to the deal").
# Not "referring to": after a quotation it is the writer's gloss ("…,” he said, referring to Obama).
PARTICIPLE_CUES: Final[frozenset[str]] = words(
    """
    calling accusing blaming praising criticizing criticising suggesting insisting claiming
    promising vowing questioning demanding arguing warning describing citing pointing declaring
    announcing recalling tweeting mentioning referencing quoting boasting lamenting complaining
    admitting dismissing denouncing touting blasting slamming defending labeling branding
    """
) | frozenset(w for w in CRITICISM_VERBS | EVALUATION_VERBS if w.endswith("ing")) | {
    "repeating",
    # (fifteenth round) "…, highlighting the disconnect between …": pointing out in words, as the
    # finite "highlighted" (a cue verb) and the progressive "is highlighting" already are; "…,
    # reminding voters that the merger …": telling a listener something (the tell class, as
    # "reminded" is); "…, congratulating the Republicans who …": a compliment said, as
    # "congratulated" is (each measured alone on train, the others left out: below 0.65)
    "highlighting", "reminding", "congratulating",
}

# Verbs of speaking whose content is the topic, the object of a particle ("Rubio talked about
# embedding troops", "Obama spoke about the need …", "Christie refers to the candidate as …"): a cue
# only with that particle right after it ("talking points", "spoke to reporters" are not), and only
# as a finite verb of a named subject.  Participles are left out: after a quotation, "…,” he said,
# referring to / talking about X" is as often the writer's gloss (PolNeAR train: about 0.7 of such
# quotes correct, below the quote metric's precision).
TOPIC_CUES: Final[dict[str, str]] = {
    **dict.fromkeys(("refer", "refers", "referred"), "to"),
    # (and the progressive: "Trump is talking about deporting millions of undocumented immigrants")
    **dict.fromkeys(("talk", "talks", "talked", "talking"), "about"),
    **dict.fromkeys(("spoke", "speaks"), "about"),
    **dict.fromkeys(("comment", "comments", "commented"), "on"),
    # "alluded to the importance of …": a veiled reference is a reference, the same speech act
    **dict.fromkeys(("allude", "alludes", "alluded"), "to"),
    # (fourteenth round) "Trump laid out his concerns that …", "Obama lays out stakes for …": what
    # a speaker set out in a speech; "Clinton hints at her husband's job": a veiled statement;
    # "Sanders went after Clinton's environmental record": a verbal attack
    **dict.fromkeys(("laid", "lays"), "out"),
    "hints": "at",
    "went": "after",
    # (sixteenth round) verbs of speaking at length or in a manner about a topic, with their
    # particle: "reflected on her years in the Senate", "lectured on foreign policy", "expanded on
    # his plan", "riffed on the debate", "ranted about the media", "fretted about turnout",
    # "reminisced about Iowa"; and phrasal speech acts: "walked back his comments" (a statement
    # retracted), "ticked off a list of …" (listed aloud), "summed up the race" ("fired back" is a
    # speech cue of its own: ``quotes._PHRASAL_CUES``)
    **dict.fromkeys(("reflected", "reflects"), "on"),
    **dict.fromkeys(("lectured", "lectures"), "on"),
    **dict.fromkeys(("expanded", "expands"), "on"),
    **dict.fromkeys(("dwelled", "dwelt", "dwells", "riffed", "riffs", "harped", "harps"), "on"),
    **dict.fromkeys(("ranted", "rants", "raved", "raves", "fretted", "frets"), "about"),
    **dict.fromkeys(("reminisced", "reminisces"), "about"),
    **dict.fromkeys(("walked", "walks"), "back"),
    **dict.fromkeys(("ticked", "ticks"), "off"),
    **dict.fromkeys(("summed", "sums"), "up"),
    # (twenty-fourth round) "opened up about her struggles", "opens up about his decision": to speak
    # candidly about a topic (a cue only with "about" after "up": "opened up the race" is no speech;
    # ``quotes._Attributor`` checks it, ``_content`` reads the topic after "about")
    **dict.fromkeys(("opened", "opens"), "up"),
}

# (twenty-fourth round) "talked up" as a second particle of "talk": "Clinton talked up her
# “50-state strategy,”", "Cruz talked up his plans to …": promoting something in words (a topic cue
# like "talked about"; "talk up" has no sense other than speaking).
SECOND_TOPIC_PARTICLES: Final[dict[str, str]] = dict.fromkeys(("talked", "talks"), "up")

# Topic cues whose particle needs "about" after it ("opened up about …").
UP_ABOUT_CUES: Final[frozenset[str]] = words("opened opens")

# Participles of speaking about a topic, with their particle: "…, referring to the Khan family",
# "…, alluding to Mr. Trump's remarks", "…, commenting on the ruling".  Speech: each names what the
# Source spoke of (PolNeAR annotates the particle's object as content).  A cue only after a comma or
# a participle lead ("by", "while" …), with the particle right after it, for a person Source
# (``quotes._topic_participle``); like ``TOPIC_CUES``, they name no speaker of their own.
TOPIC_PARTICIPLES: Final[dict[str, str]] = {
    "referring": "to",
    "commenting": "on",
    "speaking": "about",
    "hinting": "at",
    # (sixteenth round) "…, alluding to the chair's rumored ambitions": a veiled reference is a
    # reference, as the finite "alluded to" (a topic cue) is; train +3 found at 0.75
    "alluding": "to",
    # (sixteenth round) "Kasich is reflecting on lessons from his parents' death", "…, laying out
    # an alternative agenda": speaking about a topic, as "reflected on" and "laid out" are
    "reflecting": "on",
    "laying": "out",
}

# Base forms of speech and statement verbs, read only right after "to" ("Pence went on to explain
# that …", "Clinton is continuing to warn that …", "Sanders took the stage to denounce …"): the
# subject of the verb phrase before "to" speaks (``quotes._infinitive_subject``), a named person
# only.  Each is a verb of saying, telling or verbal evaluation whose other forms the cue lists
# hold; alone (without "to") most are as often nouns or imperatives ("a state", "the attack",
# "Explain!").  Base forms the stance list already holds ("argue", "claim", "deny") keep their own
# reading.  Not "describe" ("to describe the scene"), "assail" or "brag" (train: no correct quote).
BASE_SPEECH_VERBS: Final[frozenset[str]] = words(
    """
    explain warn announce declare state tell note stress emphasize urge discuss predict
    threaten cite highlight repeat reiterate portray testify complain recall mention condemn
    denounce praise defend blast slam tout caution concede boast reaffirm proclaim assert
    remark observe answer question
    dismiss mock ridicule lament decry rebuke castigate deride chide scold thank
    congratulate apologize ask call attack joke tweet confess allege
    """
)

# "cast X as Y": to portray someone or something in words ("Cruz cast himself as a Washington
# outsider", "Sanders has cast Clinton as unqualified", "…, casting him as a false conservative"), a
# statement as "portrayed" is; read only with "as" after a short object (``quotes._cast_as``), so
# "cast his vote", "cast a shadow", "cast doubt" stay out.
CAST_VERBS: Final[frozenset[str]] = words("cast casts casting")

# Nouns of a speech act carried by a light verb, with the preposition that opens what the act is
# about: "delivered an impassioned defense of “New York values”", "made a plea for the GOP to
# unite", "made veiled references to Rubio's voting record", "took a swipe at Bush", "made
# conflicting statements about Social Security" (``quotes._Attributor._light_noun_cues``).  Each
# names words said (a defense, a plea, a remark); not plans, decisions, endorsements or support.
LIGHT_SPEECH_NOUNS: Final[dict[str, frozenset[str]]] = {
    **dict.fromkeys(
        ("defense", "defence", "critique", "criticism", "denunciation", "rebuke", "tirade"),
        words("of"),
    ),
    **dict.fromkeys(("attack", "attacks", "broadside", "broadsides"), words("on against")),
    **dict.fromkeys(("plea", "appeal", "call", "case", "cases", "pitch"), words("for against")),
    **dict.fromkeys(("argument", "arguments"), words("for against about")),
    **dict.fromkeys(("statement", "statements", "comments", "remarks"), words("about on")),
    **dict.fromkeys(("allegations", "accusations", "charges"), words("against")),
    **dict.fromkeys(("apology", "apologies"), words("for")),
    **dict.fromkeys(("reference", "references"), words("to")),
    **dict.fromkeys(("swipe", "swipes", "jab", "jabs"), words("at")),
    # "has made no secret of his frustration with …": said openly
    "secret": words("of"),
    # "took issue with the report", "took aim at the Republicans", "took some shots at Cruz",
    # "took credit for the deal": objections, attacks and claims voiced
    "issue": words("with"),
    "aim": words("at"),
    **dict.fromkeys(("shots", "potshots"), words("at")),
    "credit": words("for"),
    # (sixteenth round) "provided new details about the plan", "presented a very different view
    # of the race", "sent Trump a message about …", "took a whack / a direct swing at Cruz",
    # "delivered his tirade against the press", "gave an account of the meeting": words given
    **dict.fromkeys(("details", "detail"), words("about on of")),
    **dict.fromkeys(("view", "views", "vision"), words("of on about")),
    **dict.fromkeys(("message", "messages"), words("about on of")),
    **dict.fromkeys(("whack", "swing", "swings", "dig", "digs", "shot"), words("at")),
    **dict.fromkeys(("tirade", "tirades", "diatribe", "rant", "harangue"), words("of against about on")),
    **dict.fromkeys(("account", "assessment", "explanation", "rebuttal", "denial", "praise"), words("of")),
    **dict.fromkeys(("warning", "warnings"), words("about against")),
    **dict.fromkeys(("complaint", "complaints"), words("about against")),
    # "offered increasingly strident defenses of Lewandowski", "offered a Trump-style retort on …",
    # "offered a somewhat more reserved response about …", "offered the crowd an emotional
    # evaluation on …", "even offered some kind words about Mr. Bush"
    "defenses": words("of"),
    **dict.fromkeys(("retort", "retorts", "response", "responses"), words("on about")),
    **dict.fromkeys(("evaluation", "evaluations"), words("of on")),
    "words": words("about for"),
    # "offered his congratulations to rivals Marco Rubio and Ted Cruz", "offered his own
    # condolences for the attack", "gave thanks to …": said, as "congratulated" and "thanked" are
    "congratulations": words("to"),
    "condolences": words("for to"),
    "thanks": words("to for"),
}
# Verbs that carry such a noun ("made", "delivered", "offered", "issued", "launched", "took").
LIGHT_SPEECH_VERBS: Final[frozenset[str]] = words(
    """
    made makes making delivered delivers delivering offered offers offering gave gives giving
    issued issues issuing launched launches launching mounted mounting took takes taking lodged
    provided provides providing presented presents presenting sent sends sending
    """
) | words(
    # (seventeenth round) the perfect's participles ("has taken a swipe at Trump", "has given an
    # account of …") and "landed" ("landed a sharp dig at Cruz"): the same acts as "took", "gave"
    "taken given landed lands landing"
)

# Adjectives of voiced judgement after a form of "be", with the preposition that opens what was judged:
# "Perry was critical of Trump's plan", "Clinton has been dismissive of the charges" report what the
# Source said against something (criticism and dismissal are said, as "criticized" and "dismissed"
# are), and PolNeAR annotates the object as content.  Read only for a named person subject with the
# preposition right after (``quotes._Attributor._be_critical_of``); not attitudes held in silence
# ("skeptical of", "wary of", "supportive of": beliefs and support, not speech).
CRITICAL_ADJECTIVES: Final[dict[str, str]] = {
    "critical": "of",
    "dismissive": "of",
    # (sixteenth round) adjectives of speaking out, with the topic spoken of: "Clinton has been
    # vocal about her support", "was outspoken on immigration", "was candid / upfront / blunt
    # about her doubts", "was complimentary of Trump" (praise said, as "critical of" is criticism)
    "vocal": "about",
    "outspoken": "on",
    "candid": "about",
    "upfront": "about",
    "blunt": "about",
    "complimentary": "of",
}

# Verbs of speaking about a topic that take it as a direct object, no particle: "Gowdy referenced an
# inspector general's report", "Trump mentioned his personal connections to the faith", "Donald Trump
# discussed one of his signature proposals".  Speech: each names what the Source said (PolNeAR
# annotates the object as content), read like ``TOPIC_CUES`` (finite verb, named subject, quotes
# only for a speaker the article attributes otherwise).  Past forms only: "mentions", "references",
# "discusses" are as often plural nouns ("several mentions of"); "addressed" mostly takes a listener
# ("addressed the crowd").
OBJECT_TOPIC_CUES: Final[frozenset[str]] = words("discussed mentioned referenced") | words(
    # (fourteenth round) "Trump retweeted a quote …", "Mr. Cruz is trumpeting an anti-establishment
    # message": passing on or proclaiming words, the object what was said; "Grassley downplayed
    # Trump's attack", "Christie savaged Rubio", "Obama congratulated Trump": said of someone or
    # something (as topic cues they give quotes only to a speaker quoted otherwise)
    "retweeted trumpeted trumpeting congratulated downplayed downplays savaged"
) | words(
    # (sixteenth round) "McAuliffe also addressed the fact that …", "Obama also addressed Trump's
    # general concerns": spoke to a topic; only when its object is no listener ("addressed the
    # crowd", "addressed Congress": ``quotes._Attributor._addresses_listener``)
    "addressed"
)


# Progressives of verbs of speaking about a topic that take it as a direct object: "Cruz was
# discussing his immigration plan", "Sanders is outlining a litany of policy proposals", "the White
# House and congressional leaders have been discussing …": read like ``OBJECT_TOPIC_CUES`` after a
# form of "be" only (``quotes._Attributor._progressive_topic``); alone the -ing form is as often a
# gerund ("avoids discussing the election").
PROGRESSIVE_TOPIC_CUES: Final[frozenset[str]] = words("discussing detailing outlining")

# Topic cues whose verb has no sense but speaking (talk, speak, comment, refer, allude, mention,
# reference, discuss): as a person's finite verb they name a speaker of the article on their own
# (``quotes._topic_speaker``).  Not "laid out" ("laid out the chairs"), "went after" (a chase),
# "hints", "retweeted", "trumpeted", "congratulated", "downplayed", "savaged": other senses, or an act
# as often as words; those still add quotes only to a speaker quoted otherwise.
SPEAKING_TOPIC_VERBS: Final[frozenset[str]] = words(
    """
    talk talks talked talking spoke speaks comment comments commented refer refers referred
    allude alludes alluded discussed mentioned referenced
    """
) | UP_ABOUT_CUES  # "Leyva opened up about …": speaking candidly (read only before "up about")

# Last words of news-outlet names, whose "reports" is a verb ("the Associated Press reports").
MEDIA_WORDS: Final[frozenset[str]] = words(
    "press times post journal tribune herald caller examiner news today reuters bloomberg politico "
    "axios guardian telegraph independent observer standard beacon register globe sun star chronicle "
    "inquirer gazette courier review magazine"
)

# Common first names by gender, for he/she resolution (a small closed list; unknown names match both).
FEMALE_FIRST_NAMES: Final[frozenset[str]] = words(
    """
    hillary michelle nancy elizabeth sarah carly nikki maria mary patricia jennifer linda barbara
    susan jessica karen lisa betty margaret sandra ashley kimberly emily donna carol ruth sharon
    laura amy angela anna rebecca deborah rachel kathleen catherine christine diane janet julie
    heather melissa stephanie nicole helen samantha katherine kate kelly megyn huma melania ivanka
    chelsea debbie dianne elaine loretta hope kellyanne jill tulsi kamala kirsten amy claire
    theresa angela marine christine federica ursula condoleezza madeleine sonia ana maria sara
    ann anne jane joan judy alice grace julia olivia emma sophia victoria irene natalia yulia
    marie ruth jeanne susana gina zoe america tashfeen ghazala sheryl meghan cecelia dorothy
    jillian katie dena janet hope tina donna brenda lindsay
    """
)
MALE_FIRST_NAMES: Final[frozenset[str]] = words(
    """
    donald bernie barack bill ted marco jeb ben chris john paul mike mitch joe tim rand scott
    james robert michael william david richard charles thomas mark steven george kenneth edward
    brian ronald anthony kevin jason jeff gary eric stephen larry frank jonathan justin brandon
    peter harry jack henry walter patrick dennis jerry tyler aaron adam nathan douglas zachary
    vladimir sergey sergei dmitry recep mevlut bashar emmanuel francois angelo boris xi shinzo
    reince corey josh sean rudy newt ryan martin jim tom bob dan rick
    hugh josh andrew mitt dick al lyndon ronald jimmy franklin harold ali khizr
    """
)


@functools.cache
def first_names() -> frozenset[str]:
    """Lower-cased first names (the entity gazetteer's census list, plus the gendered lists above)."""
    listed = (line.lower() for line in data_lines("entities_first_names.txt"))
    return frozenset(FEMALE_FIRST_NAMES | MALE_FIRST_NAMES) | frozenset(listed)


@functools.cache
def place_names() -> frozenset[str]:
    """Lower-cased place names of the entity gazetteer (cities, countries: "hong kong", "los
    angeles"), read once: a run such as "Hong Kong May said" names a place, not a person's given
    names before a surname."""
    files = (
        "entities_places.txt",
        "entities_places_extra.txt",
        "entities_countries.txt",
        "entities_countries_extra.txt",
    )
    names: set[str] = set()
    for name in files:
        names.update(map(str.lower, data_lines(name)))
    return frozenset(names)


@functools.cache
def common_words() -> frozenset[str]:
    """Frequent lower-case English words (the entity gazetteer's list, shared with the entity
    extractor): capitalised before a name they are a description or a headline's words, not the
    name ("Billionaire Donald Trump", "Elections Supervisor Susan Bucher")."""
    return frozenset(line.lower() for line in data_lines("entities_common.txt"))

# Nouns of speech and statement that introduce what their possessor said ("Sanders's claim that …",
# "his warning that …", "Rubio's response was that …"). Only words for things said: plans,
# decisions, proposals, endorsements, hopes and fears are acts or states of mind, not statements.
STATEMENT_CUE_NOUNS: Final[frozenset[str]] = words(
    """
    claim claims assertion assertions statement statements argument arguments contention contentions
    warning warnings insistence suggestion suggestions charge charges accusation accusations
    allegation allegations denial denials admission remark remarks comment comments point response
    answer assurance assurances declaration declarations prediction predictions explanation
    complaint complaints conclusion message promise promises vow vows
    """
) | words(
    # (twentieth round) "made the case that Rubio is not ready", "Christie's case that …": an
    # argument put forward, as "made the argument that" is ("the case for the tax" is read by the
    # light-verb nouns; a "case that" with a relative clause is no complement)
    "case"
)


# Single capitalised words that never name a speaker: holidays (months and weekdays are in MONTHS
# and WEEKDAYS).  Number words are not here: "Five said it had received 100 complaints" is the
# British channel.
NOT_SPEAKER_WORDS: Final[frozenset[str]] = words(
    "thanksgiving christmas easter halloween hanukkah passover ramadan"
)
# Photo-credit words that end a caption glued before the next sentence's speaker
# ("AP Photo Jeb Bush", "REUTERS Rubio", "M.Scott Mahaskey/POLITICO Sebelius").
CREDIT_WORDS: Final[frozenset[str]] = words("photo photos images getty afp reuters politico ap")
# Agencies of those credits that are also speakers by their own name: alone before one more word
# they are the name ("Reuters Health"), not a credit.
CREDIT_MARKS: Final[frozenset[str]] = words("photo photos images getty")
CREDIT_AGENCIES: Final[frozenset[str]] = frozenset(("Reuters", "AP", "AFP", "Politico"))
