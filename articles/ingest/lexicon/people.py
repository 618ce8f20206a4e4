"""Words of people's names and of what copy calls people: titles, roles, particles, nouns, genders."""

from articles.ingest.lexicon import alternation, word_set
from articles.ingest.lexicon.calendar import MONTH_NAMES, WEEKDAY_NAMES

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
HUMAN_NOUNS = word_set(
    """
    one man woman boy girl person someone source official spokesman spokeswoman spokesperson lawyer attorney
    prosecutor judge officer doctor nurse teacher student resident expert analyst head chief director
    minister president leader manager owner driver pilot passenger member witness eyewitness victim survivor
    father mother son daughter wife husband brother sister aunt uncle friend neighbour neighbor activist
    protester worker employee investigator researcher scientist professor author governor mayor king
    queen pope bishop priest aide adviser advisor staffer strategist lobbyist consultant
    operative pollster donor voter supporter critic opponent demonstrator constituent taxpayer
    parent veteran farmer shopper customer patient citizen immigrant administrator contractor narrator
    announcer host anchor commentator columnist insider ally colleague senator representative
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
