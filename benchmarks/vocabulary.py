"""Words and names for the synthetic newsroom, with Zipf-like frequencies; no Django.

The common words and their order come from real news copy (the seed and the Wikinews corpus), so
the words a reader searches for are as common, or as rare, as in real articles. A long tail of
places and surnames from several languages (Gdańsk, Erdoğan, Łódź) follows, so searches for rare
and accented words have something realistic to find.
"""

import csv
import importlib
import random
import re
from collections import Counter
from itertools import accumulate
from operator import itemgetter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews-2019-h1.csv"

# Scraping artefacts of the corpus, not words a newsroom writes.
ARTEFACTS = {"image", "wikinews", "wn", "s", "t", "u", "co", "non"}
# Words a reader would not search for: a search term is a content word.
STOP = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further",
    "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
    "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself",
    "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out",
    "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
    "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
    "whom", "why", "will", "with", "would", "you", "your", "said", "says", "say", "told", "one", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "last", "new", "year",
    "years", "according", "since", "however", "many", "much", "well", "still", "may", "might", "must",
    "shall", "us",
}  # fmt: skip
# Languages whose people the archive writes about, with how often; their places and surnames, and
# those of a few more languages, make the vocabulary's tail.
LOCALES = {
    "en_US": 30,
    "en_GB": 15,
    "pl_PL": 8,
    "tr_TR": 8,
    "de_DE": 8,
    "fr_FR": 8,
    "es_ES": 8,
    "it_IT": 5,
    "cs_CZ": 4,
    "hu_HU": 4,
    "pt_BR": 4,
}
TAIL_LOCALES = [
    "nl_NL",
    "sv_SE",
    "ro_RO",
    "hr_HR",
    "sk_SK",
    "fi_FI",
    "da_DK",
    "pt_PT",
    "es_MX",
    "sl_SI",
    "id_ID",
]
PLACE_LISTS = ("cities", "real_city_names", "city_names", "states", "regions", "departments", "provinces")
SURNAME_LISTS = ("last_names", "male_last_names", "unisex_last_names")
FIRST_NAME_LISTS = ("first_names", "first_names_male", "first_names_female")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Places and surnames after the corpus's own words: about 8% of the words in the copy.
TAIL = 8000
# Words are drawn from a pool of this many, itself drawn by weight: a pool per batch of articles
# keeps each word's frequency over the archive (rare words come in bursts, like a story that runs
# for a few days) and costs one random index per word instead of a binary search.
POOL = 1 << 16


def corpus_texts():
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    if CORPUS.exists():
        with CORPUS.open(encoding="utf-8", newline="") as file:
            texts.extend(row["title"] + "\n" + row["text"] for row in csv.DictReader(file))
    return texts


def _strings(provider, *names):
    """A Faker provider's word list, whichever shape it keeps it in (tuple, or dict of weights)."""
    found = []
    for name in names:
        value = getattr(provider, name, ())
        found.extend(value.keys() if isinstance(value, dict) else value)
    # Sorted: some providers keep sets, whose order changes from one process to the next.
    return sorted({s for s in found if isinstance(s, str) and s.isalpha() and latin(s)})


def latin(word):
    return all(c < "\u0250" for c in word)


def _provider(kind, locale):
    try:
        return importlib.import_module(f"faker.providers.{kind}.{locale}").Provider
    except ImportError:
        return None


class Vocabulary:
    """Surface forms in order of frequency, and cumulative Zipf weights to draw them with."""

    def __init__(self, seed=8):
        rng = random.Random(seed)
        counts, surface = Counter(), Counter()
        for text in corpus_texts():
            for token in WORD.findall(text):
                token = token.replace("’", "'")
                key = token.lower()
                if key in ARTEFACTS or len(key) > 20 or not latin(key):
                    continue
                counts[key] += 1
                surface[key, token] += 1
        # Each word as it is mostly written: lower case, or capitalized for a name or a month.
        forms = {}
        for (key, token), n in sorted(surface.items()):
            if key not in forms or n > surface[key, forms[key]]:
                forms[key] = token
        common = sorted(counts, key=lambda k: (-counts[k], k))
        self.places, self.surnames, self.first_names = {}, {}, {}
        tail = []
        for locale in [*LOCALES, *TAIL_LOCALES]:
            address, person = _provider("address", locale), _provider("person", locale)
            places = _strings(address, *PLACE_LISTS) if address else []
            surnames = _strings(person, *SURNAME_LISTS) if person else []
            if locale in LOCALES:
                self.places[locale], self.surnames[locale] = places, surnames
                self.first_names[locale] = _strings(person, *FIRST_NAME_LISTS) if person else []
            tail.extend(places + surnames)
        names = [w for w in dict.fromkeys(tail) if w.lower() not in counts]
        rng.shuffle(names)
        lorem = _provider("lorem", "en_US")
        plain = [w for w in (lorem.word_list if lorem else ()) if w.lower() not in counts]
        self.words = [forms[k] for k in common] + [*plain, *names][:TAIL]
        # Zipf over ranks: the word at rank r is drawn with weight 1 / r.
        self.weights = [1 / rank for rank in range(1, len(self.words) + 1)]
        self.total = sum(self.weights)
        self.cum_weights = list(accumulate(self.weights))
        self.all_places = sorted({p for places in self.places.values() for p in places})

    def pool(self, rng):
        return rng.choices(self.words, cum_weights=self.cum_weights, k=POOL)

    @staticmethod
    def draw(pool, rng, k):
        """k words from a pool (of POOL words): two random bytes are one index."""
        if k == 1:
            return [pool[rng.getrandbits(16)]]
        return list(itemgetter(*memoryview(rng.randbytes(2 * k)).cast("H"))(pool))

    def token_share(self, rank):
        return self.weights[rank] / self.total

    def search_words(self, tokens_per_document, share, count=2, skip=0):
        """Content words a reader might type, each found in about `share` of the documents.

        With words drawn independently, a word of token probability p is in a document of n tokens
        with probability 1 - (1 - p)**n; the first `count` words (after `skip`) nearest the share are taken.
        """
        found = []
        for rank, word in enumerate(self.words):
            if word.lower() in STOP or len(word) < 5 or not word.islower():
                continue
            in_documents = 1 - (1 - self.token_share(rank)) ** tokens_per_document
            if in_documents <= share:
                found.append(word)
                if len(found) == count + skip:
                    return found[skip:]
        return found[skip:]
