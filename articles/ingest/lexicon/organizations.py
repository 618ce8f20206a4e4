"""Words of organizations' names, the nouns that refer to organizations, and documents that speak for them."""

from articles.ingest.lexicon import word_set

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
# What someone wrote or said, whose owner is its speaker: "Judge Miller's statement said".
WRITINGS = word_set(
    "statement tweet post letter message note email speech remarks comments decree ruling order blog report "
    "memo filing lawsuit complaint motion endorsement editorial ad release decision opinion"
)
