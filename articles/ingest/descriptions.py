"""Who "the CNN host", "the Idaho Republican" or "the former secretary of state" is: the person named
last before whose description holds every word of it. A person's description is what the article says of
them (the title before the name, an appositive after it: "Jake Tapper, the CNN host,", the party and state
of "(D-N.Y.)" or ", R-Ky.,", "of Maine") and what the newsroom knows (an Entity's descriptions)."""

import re

from articles.ingest.lexicon import word_set
from articles.ingest.lexicon.people import ROLE_NAMES
from articles.ingest.lexicon.politics import PARTIES, US_STATES
from articles.ingest.typography import straighten

_STATE_FORMS = {
    form.replace(".", ""): state for state, forms in US_STATES.items() for form in (state, *forms.split())
}
# "D-N.Y.", "R-Ky.", "I-Vt.": a party letter and a state.
_PARTY_STATE = re.compile(r"\b(?P<party>[DRI])-(?P<state>[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)")
# Words a description is compared by: "lawmaker" is any legislator's title; "gop" a Republican.
_KINDS = {
    **dict.fromkeys(
        word_set(
            "senator representative congressman congresswoman congressmember rep sen assemblyman "
            "assemblywoman assemblymember legislator delegate"
        ),
        ("lawmaker",),
    ),
    "anchor": ("host",),
    "chairman": ("chair",),
    "chairwoman": ("chair",),
    "chairperson": ("chair",),
    "governor": ("gov",),
}
_IGNORED = word_set("the a an of for from in on at to and who is was has been its his her their")
_WORD = re.compile(r"[A-Za-z][A-Za-z'.-]*")


def description_words(text: str) -> set[str]:
    """The words a description is matched by: "R-Idaho" gives "republican" and "idaho"."""
    found: set[str] = set()
    text = straighten(text)
    for m in _PARTY_STATE.finditer(text):
        found.add(PARTIES[m["party"].lower()])
        if state := _STATE_FORMS.get(m["state"].lower().replace(".", "").strip()):
            found.add(state)
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    tokens = [t.lower().strip(".").removesuffix("'s") for t in _WORD.findall(text)]
    for i, token in enumerate(tokens):
        if token in _IGNORED:
            continue
        token = ROLE_NAMES.get(token, token)
        found.add(PARTIES.get(token, token))
        found.update(_KINDS.get(token, ()))
        pair = f"{token} {tokens[i + 1]}" if i + 1 < len(tokens) else ""
        state = _STATE_FORMS.get(pair) or (
            _STATE_FORMS.get(token) if len(token) > 3 or token in US_STATES else None
        )
        if state:
            found.add(state)
    return found


def required_words(role: str) -> set[str]:
    """The words a person's description must hold for "the <role>" to be them."""
    found: set[str] = set()
    tokens = [t.lower().strip(".") for t in _WORD.findall(straighten(role))]
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if i + 1 < len(tokens) and (state := _STATE_FORMS.get(f"{token} {tokens[i + 1]}")) and " " in state:
            found.add(state)
            i += 2
            continue
        if token not in _IGNORED:
            token = ROLE_NAMES.get(token, token)
            found.add(_STATE_FORMS.get(token, PARTIES.get(token, token)) if len(token) > 3 else token)
        i += 1
    return found
