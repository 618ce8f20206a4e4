"""Word lists that the readers of dates, names, speakers and attributions share.

Each list is written here once; regular expressions elsewhere are built from them with alternation().
"""

from enum import StrEnum


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def alternation(words) -> str:
    """ "Monday|Tuesday|...": the words capitalised, for a regular expression."""
    return "|".join(w.capitalize() for w in words)


WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# As date lines abbreviate them ("Tue", "Sept."), in the same order; "May" has none.
WEEKDAY_ABBREVIATIONS = (
    ("mon",),
    ("tue", "tues"),
    ("wed",),
    ("thu", "thur", "thurs"),
    ("fri",),
    ("sat",),
    ("sun",),
)
MONTH_ABBREVIATIONS = (
    ("jan",),
    ("feb",),
    ("mar",),
    ("apr",),
    (),
    ("jun",),
    ("jul",),
    ("aug",),
    ("sep", "sept"),
    ("oct",),
    ("nov",),
    ("dec",),
)
# Words for a day relative to the one an article was published on, and for parts of a day.
RELATIVE_DAYS = ("yesterday", "today", "tonight")
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")

ABBREVIATION_LIST = (
    "mr mrs ms dr prof sen rep gov gen lt col capt sgt maj adm cmdr cpl det insp supt rev fr st jr sr hon "
    "mt ft no inc ltd co corp vs"
)
ABBREVIATION_SET = word_set(ABBREVIATION_LIST)
# For regular expressions: "Dr|Mr|..." (a period after one of these ends no sentence).
ABBREVIATIONS = alternation(ABBREVIATION_LIST.split())
# Words that stand before a name as a title or a role: "Foreign Minister", "Dr.", "spokesman", "wife".
ROLES = word_set(
    """
    mr mrs ms miss mx madam mdm dr prof professor sir dame lord lady cllr sen senator rep representative
    congressman congresswoman congressmember gov governor lt lieutenant gen general col colonel capt
    captain sgt sergeant maj major adm admiral cmdr commander commandant cpl corporal officer detective
    det inspector insp superintendent supt constable chief deputy assistant associate acting interim
    former ex vice president premier prime minister taoiseach tanaiste secretary chancellor mayor judge
    justice magistrate attorney prosecutor solicitor barrister counsel king queen prince princess emperor
    empress duke duchess sheikh sheik emir sultan crown pope cardinal archbishop bishop reverend rev
    father fr pastor rabbi imam ayatollah chairman chairwoman chairperson chair director ceo cfo coo cto
    founder co-founder executive commissioner ambassador envoy consul spokesman spokeswoman spokesperson
    speaker leader whip treasurer councillor councilor councilman councilwoman alderman assemblyman
    assemblywoman assemblymember legislator lawmaker mp mep mla msp delegate marshal fellow head dean
    provost rector principal coach manager skipper co-author author researcher scientist scholar lecturer
    economist analyst expert official officials adviser advisor aide agent editor reporter correspondent
    journalist photographer producer actor actress singer musician artist designer writer novelist poet
    architect engineer doctor surgeon physician nurse lawyer activist campaigner organiser organizer
    volunteer student teacher biologist ecologist physicist chemist geologist oceanographer astronomer
    historian archaeologist sociologist psychologist epidemiologist virologist co-chairman co-chair
    resident eyewitness witness survivor victim owner driver pilot wife husband son daughter mother
    brother sister aunt uncle grandson granddaughter grandmother grandfather widow widower partner friend
    neighbour neighbor colleague candidate nominee challenger incumbent republican democrat democratic
    labour conservative liberal independent senior junior
    """
)
SUFFIXES = word_set("jr jr. sr sr. ii iii iv qc kc mp mep phd md")
PARTICLES = word_set("de da di del della van von der den la le du dos das bin binti ibn dela ter ten")
# Prefixes joined to a name by a hyphen or an apostrophe: "al-Assad", "bin-Salman".
NAME_PREFIXES = ("al", "el", "bin", "ibn", "abu")
# ... and the particles that may be joined the same way: "d’Alembert", "van-Gaal".
JOINED_PARTICLES = ("de", "di", "da", "van", "von", "d")
# Capitalised words that begin sentences but never names.
NOT_NAMES = word_set(
    """
    the a an this that these those his her its their our my your it he she they we i you in on at for from
    with by as after before when while since although though but and or so yet if because however
    meanwhile also then still speaking according earlier later last next today yesterday tomorrow one two
    three some many most several other another both each every all asked among during despite under over
    following unlike like apart even only such why what how where who which there here now thus namely
    calling not no yes please thank image photo video more less much further instead once again
    """
) | frozenset(MONTH_NAMES)
NEVER_NAMES = frozenset(WEEKDAY_NAMES)
ORGANIZATION_WORDS = word_set(
    """
    ministry department office agency council committee commission party police army navy force forces guard
    service services board bureau authority administration government court parliament congress senate
    assembly university college school institute institution center centre foundation society association
    union league federation organisation organization company corporation corp inc ltd llc plc group bank
    fund trust network news times post herald journal gazette tribune reporter bulletin telegraph guardian
    daily press media radio television tv channel magazine review monitor observer express mail mirror
    airlines airways motors industries team club church diocese coalition alliance front movement campaign
    project programme program initiative conference museum hospital clinic laboratory observatory station
    airport port street avenue road square park city county province region district republic kingdom
    nations embassy secretariat cabinet palace command brigade battalion regiment unit fleet
    reuters agence wikinews twitter facebook instagram youtube google amazon microsoft apple
    caucus house pentagon legislature ledger chronicle inquirer examiner courier
    dispatch register globe sentinel digest weekly partners holdings pharmaceuticals pharma therapeutics
    biotech technologies systems solutions enterprises ventures capital energy communications entertainment
    studios brands foods labs laboratories insurance financial bancorp securities investments railways
    automotive broadcasting pac
    """
)
# Words of institutions and places that no person's name holds: "Capitol Hill", "Senate Democrats".
INSTITUTION_WORDS = word_set("capitol statehouse pentagon kremlin congress senate parliament legislature")
# Nouns that introduce or refer back to an organization: "the media conglomerate Stratton Warner",
# "the company said". Each maps to the words that make a name one of its kind ("the newspaper" is the
# last organization with a publication word; "the union" one with a union word); an empty set: any.
_PUBLICATIONS = word_set(
    "times post journal news tribune herald gazette telegraph guardian daily press media magazine review "
    "monitor observer express mail mirror ledger chronicle inquirer examiner courier dispatch register globe "
    "sentinel bulletin digest weekly radio television tv channel network"
)
_COMPANIES = word_set(
    "company corporation corp inc ltd llc plc co group partners holdings pharmaceuticals pharma therapeutics "
    "biotech technologies systems solutions enterprises ventures capital energy communications entertainment "
    "studios brands foods labs laboratories insurance financial bancorp securities investments airlines "
    "airways motors industries bank automotive broadcasting"
)
_UNIONS = word_set("union federation association brotherhood guild teamsters")
ORGANIZATION_NOUNS = {
    **dict.fromkeys(
        word_set(
            "company firm corporation conglomerate business giant maker drugmaker automaker carmaker "
            "retailer chain airline carrier bank lender insurer startup manufacturer supplier utility "
            "operator developer contractor distributor producer publisher studio brand"
        ),
        _COMPANIES,
    ),
    **dict.fromkeys(
        word_set("newspaper paper magazine publication outlet broadcaster network website site station"),
        _PUBLICATIONS,
    ),
    **dict.fromkeys(word_set("union federation association"), _UNIONS),
    **dict.fromkeys(
        word_set(
            "group organization organisation nonprofit charity foundation coalition alliance institute "
            "campaign party agency department ministry office board council commission committee caucus "
            "administration government court bureau service authority"
        ),
        frozenset(),
    ),
}
# A document speaks for whoever wrote it: "the report said", "the letter reads", "the filing says".
DOCUMENT_NOUNS = word_set(
    """
    report study analysis memo memorandum letter filing lawsuit suit complaint indictment motion petition
    statement release email tweet post ad advertisement commercial editorial endorsement column ruling
    decision
    opinion order brief transcript document documents records resolution draft proposal notice guidance
    survey poll testimony affidavit warrant subpoena summary assessment audit review readout
    """
)
# Party words, as the article writes them and as they are compared ("the Idaho Republican", "R-Idaho").
PARTIES = {
    "democrat": "democrat",
    "democrats": "democrat",
    "democratic": "democrat",
    "d": "democrat",
    "republican": "republican",
    "republicans": "republican",
    "gop": "republican",
    "r": "republican",
    "independent": "independent",
    "i": "independent",
    "libertarian": "libertarian",
}
# US states, as copy abbreviates them in "(D-N.Y.)" or "R-Ky." (AP and postal forms) and spells them.
US_STATES = {
    "alabama": "ala al",
    "alaska": "ak",
    "arizona": "ariz az",
    "arkansas": "ark ar",
    "california": "calif cal ca",
    "colorado": "colo co",
    "connecticut": "conn ct",
    "delaware": "del de",
    "florida": "fla fl",
    "georgia": "ga",
    "hawaii": "hi",
    "idaho": "id",
    "illinois": "ill il",
    "indiana": "ind in",
    "iowa": "ia",
    "kansas": "kan ks",
    "kentucky": "ky",
    "louisiana": "la",
    "maine": "me",
    "maryland": "md",
    "massachusetts": "mass ma",
    "michigan": "mich mi",
    "minnesota": "minn mn",
    "mississippi": "miss ms",
    "missouri": "mo",
    "montana": "mont mt",
    "nebraska": "neb ne",
    "nevada": "nev nv",
    "new hampshire": "n.h. nh",
    "new jersey": "n.j. nj",
    "new mexico": "n.m. nm",
    "new york": "n.y. ny",
    "north carolina": "n.c. nc",
    "north dakota": "n.d. nd",
    "ohio": "oh",
    "oklahoma": "okla ok",
    "oregon": "ore or",
    "pennsylvania": "pa",
    "rhode island": "r.i. ri",
    "south carolina": "s.c. sc",
    "south dakota": "s.d. sd",
    "tennessee": "tenn tn",
    "texas": "tex tx",
    "utah": "ut",
    "vermont": "vt",
    "virginia": "va",
    "washington": "wash wa",
    "west virginia": "w.va. wv",
    "wisconsin": "wis wi",
    "wyoming": "wyo wy",
}
PRONOUNS = frozenset({"he", "she"})

# Roles are looked up by what "the senator" or "the governor" calls them later.
ROLE_NAMES = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "prof": "professor",
    "dr": "doctor",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
    "adm": "admiral",
    "rev": "reverend",
    "fr": "father",
    "cllr": "councillor",
    "mdm": "madam",
}


class VerbForm(StrEnum):
    BASE = "base"  # "say", after "to" or "would"
    FINITE = "finite"  # "says", "said"
    GERUND = "gerund"  # "saying"
    PASSIVE = "passive"  # "was told"


def _forms(text: str) -> dict[str, VerbForm]:
    """{form: verb form} from "say says said saying" lines: base, present, past, gerund."""
    forms = {}
    for line in text.strip().splitlines():
        base, *others = line.split()
        forms[base] = VerbForm.BASE
        for form in others:
            forms[form] = VerbForm.GERUND if form.endswith("ing") else VerbForm.FINITE
    return forms


SPEECH_VERBS = _forms(
    """
    say says said saying
    tell tells told telling
    add adds added adding
    explain explains explained explaining
    state states stated stating
    write writes wrote writing written
    ask asks asked asking
    note notes noted noting
    warn warns warned warning
    insist insists insisted insisting
    declare declares declared declaring
    announce announces announced announcing
    tweet tweets tweeted tweeting
    post posts posted posting
    remark remarks remarked remarking
    comment comments commented commenting
    recall recalls recalled recalling
    observe observes observed observing
    reply replies replied replying
    respond responds responded responding
    argue argues argued arguing
    claim claims claimed claiming
    allege alleges alleged alleging
    acknowledge acknowledges acknowledged acknowledging
    admit admits admitted admitting
    confirm confirms confirmed confirming
    suggest suggests suggested suggesting
    emphasise emphasises emphasised emphasising
    emphasize emphasizes emphasized emphasizing
    stress stresses stressed stressing
    urge urges urged urging
    caution cautions cautioned cautioning
    conclude concludes concluded concluding
    describe describes described describing
    call calls called calling
    praise praises praised praising
    criticise criticises criticised criticising
    criticize criticizes criticized criticizing
    concede concedes conceded conceding
    counter counters countered countering
    predict predicts predicted predicting
    promise promises promised promising
    pledge pledges pledged pledging
    vow vows vowed vowing
    reiterate reiterates reiterated reiterating
    recount recounts recounted recounting
    share shares shared sharing
    joke jokes joked joking
    quip quips quipped quipping
    exclaim exclaims exclaimed exclaiming
    shout shouts shouted shouting
    boast boasts boasted boasting
    complain complains complained complaining
    lament laments lamented lamenting
    muse muses mused musing
    testify testifies testified testifying
    plead pleads pleaded pleading
    mention mentions mentioned mentioning
    reveal reveals revealed revealing
    assert asserts asserted asserting
    contend contends contended contending
    maintain maintains maintained maintaining
    talk talks talked talking
    speak speaks spoke speaking
    inform informs informed informing
    read reads read
    report reports reported reporting
    characterise characterises characterised characterising
    characterize characterizes characterized characterizing
    continue continues continued continuing
    deny denies denied denying
    demand demands demanded demanding
    wonder wonders wondered wondering
    echo echoes echoed echoing
    agree agrees agreed agreeing
    yell yells yelled yelling
    scream screams screamed screaming
    cry cries cried crying
    sigh sighs sighed sighing
    laugh laughs laughed laughing
    mutter mutters muttered muttering
    whisper whispers whispered whispering
    retort retorts retorted retorting
    answer answers answered answering
    reply replies replied replying
    elaborate elaborates elaborated elaborating
    proclaim proclaims proclaimed proclaiming
    assure assures assured assuring
    confess confesses confessed confessing
    reflect reflects reflected reflecting
    dismiss dismisses dismissed dismissing
    denounce denounces denounced denouncing
    decry decries decried decrying
    condemn condemns condemned condemning
    slam slams slammed slamming
    blast blasts blasted blasting
    hail hails hailed hailing
    tout touts touted touting
    deride derides derided deriding
    brand brands branded branding
    label labels labeled labeling labelled labelling
    term terms termed terming
    """
)
ADVERBS = word_set(
    """
    also further then later once again previously earlier recently subsequently separately reportedly
    similarly too both has had have was is were would will did does do not never repeatedly publicly
    quickly simply just only even first finally initially originally often frequently since already
    still yet wryly angrily tearfully proudly bluntly flatly firmly immediately
    """
)
TIME_WORDS = frozenset(WEEKDAY_NAMES + RELATIVE_DAYS + PARTS_OF_DAY) | word_set(
    "week weekend month year last this next on early late earlier later"
)
HUMAN_NOUNS = word_set(
    """
    one man woman boy girl person someone source official spokesman spokeswoman spokesperson lawyer attorney
    prosecutor judge officer doctor nurse teacher student resident expert analyst head chief director
    minister president leader manager owner driver pilot passenger member witness eyewitness victim survivor
    father mother son daughter wife husband brother sister aunt uncle friend neighbour neighbor activist
    protester worker employee investigator researcher scientist professor author governor mayor king
    queen pope bishop priest aide adviser advisor spokesperson staffer strategist lobbyist consultant
    operative pollster donor voter supporter critic opponent protester demonstrator constituent taxpayer
    parent veteran farmer shopper customer patient citizen immigrant administrator contractor narrator
    announcer host anchor commentator columnist insider ally colleague official senator representative
    lawmaker legislator congressman congresswoman delegate economist historian scholar lecturer relative
    child people
    """
)
# People in the plural: "officials said", "one of the residents", "House Democrats".
PEOPLE_NOUNS = (
    HUMAN_NOUNS
    | frozenset(
        plural
        for word in HUMAN_NOUNS
        for plural in (word + "s", word + "es", word[:-1] + "ies" if word.endswith("y") else word + "s")
    )
    | word_set("men women children staff police democrats republicans")
)
CLAUSE_WORDS = word_set(
    "while whereas and but because although though when after before since so which that if"
)
CONJUNCTIONS = word_set("and but while as which who because so or whereas when if although though")
INTRO = word_set(
    """
    on in at during after before speaking asked when while namely however meanwhile earlier later last
    yesterday today following despite with without as since until upon by from to for under over once then
    separately similarly still instead writing addressing talking responding calling
    """
)

# After a name, words that show it is not the subject of a verb; before a name, words that show the same.
NOT_VERBS = word_set(
    "of from at with for in on to by and or but the a an as than into about against between including who "
    "whose which that is"
)
NOT_SUBJECT_AFTER = word_set(
    "of to by for from about at in on than into against toward towards under between among like including "
    "such as the a an his her its their our this that these those"
)


GENDERED = dict.fromkeys(
    word_set(
        "mr sir lord king prince father husband son brother uncle chairman spokesman congressman assemblyman "
        "councilman grandfather widower duke emperor"
    ),
    "he",
) | dict.fromkeys(
    word_set(
        "mrs ms miss madam mdm dame lady queen princess mother wife daughter sister aunt chairwoman "
        "spokeswoman congresswoman assemblywoman councilwoman grandmother widow duchess empress actress"
    ),
    "she",
)

# Speech verbs as a headline in title case prints them ("Hillary Clinton Said"): never a word of a name.
HEADLINE_VERBS = frozenset(
    form.capitalize()
    for form, kind in SPEECH_VERBS.items()
    if kind in (VerbForm.FINITE, VerbForm.GERUND) and form not in word_set("states read reads posts reports")
)
