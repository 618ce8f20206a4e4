"""Raw copies written in tests, as outlets send them."""

from zoneinfo import ZoneInfo

HONG_KONG = ZoneInfo("Asia/Hong_Kong")
PUBLISHED = "PUBLISHED : Tuesday, 27 March, 2018, 5:55pm"


def raw_copy(*paragraphs: str, published: str = PUBLISHED, headline: str = "A headline") -> str:
    """Headline, date line, then paragraphs between blank lines."""
    return f"{headline}\n\n{published}\n\n" + "\n\n".join(paragraphs) + "\n"
