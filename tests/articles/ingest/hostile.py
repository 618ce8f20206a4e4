"""Copies shaped to make a careless reader slow: one quotation after another, or none at all."""

from tests.articles.ingest.copies import PUBLISHED

# A headline, a date line and a paragraph that names someone for "she" to refer to.
OPENING = f"A headline\n\n{PUBLISHED}\n\nJane Smith, the council leader, spoke on Monday.\n\n"


def repeated(unit: str, size: int, separator: str = "") -> str:
    """`unit` with {i} counted up, repeated to about `size` bytes of UTF-8."""
    count = max(1, size // len((unit.format(i=10**5) + separator).encode()))
    return separator.join(unit.format(i=i) for i in range(count))


SHAPES = {
    "quotes in one paragraph": lambda size: repeated("“Point {i} stands,” she said. ", size),
    "pull-quote blocks": lambda size: repeated(
        "“Point {i} stands, and the council will hear it again before the vote.”\nJane Smith", size, "\n\n"
    ),
    "short paragraphs with a quote each": lambda size: repeated(
        "“Point {i} stands, and the council will hear it again,” she said.", size, "\n\n"
    ),
    "one paragraph without quotes": lambda size: repeated(
        "The council met on Monday and agreed plan {i}. ", size
    ),
    "unbalanced quote marks": lambda size: repeated("“Point {i} ‘stands \" she ' said « „ ‹ ", size),
}


def copy(shape: str, size: int) -> str:
    return OPENING + SHAPES[shape](size) + "\n"
