"""Verbs of speech in all their forms, and the small words around them that attribution reads."""

from enum import StrEnum

from articles.ingest.lexicon import word_set


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
# Words after which a speech verb's form is a noun: "the claims", "his remarks", "a statement".
DETERMINERS = word_set("the a an his her its their our my your this these those")
NOT_SUBJECT_AFTER = DETERMINERS | word_set(
    "of to by for from about at in on than into against toward towards under between among like including "
    "such as that"
)

# The forms that report speech by themselves: "said", "says", "saying".
REPORTING_FORMS = frozenset(
    form for form, kind in SPEECH_VERBS.items() if kind in (VerbForm.FINITE, VerbForm.GERUND)
)
# Speech verbs as a headline in title case prints them ("Hillary Clinton Said"): never a word of a name.
HEADLINE_VERBS = frozenset(
    form.capitalize() for form in REPORTING_FORMS - word_set("states read reads posts reports")
)
