"""Template helpers shared by every reader page."""

import datetime as dt
import json
import re
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from newsroom import images, querysets
from newsroom.search import MARK_END, MARK_START

register = template.Library()

# The escapes of django.utils.html.json_script: nothing in the data can close the <script> element.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """<script type="application/ld+json">: data for search engines, which browsers never run (so the
    CSP needs no nonce for it, and a cached page carries none)."""
    text = mark_safe(json.dumps(data, cls=DjangoJSONEncoder).translate(JSON_ESCAPES))
    return format_html('<script type="application/ld+json">{}</script>', text)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's absolute address without its filters, keeping only a page number past the first."""
    request = context.get("request")
    if request is None:
        return ""
    page = request.GET.get("page", "")
    query = f"?page={page}" if re.fullmatch(r"[0-9]{1,6}", page) and int(page) > 1 else ""
    return request.build_absolute_uri(request.path + query)


@register.simple_tag
def site_name():
    return settings.SITE_NAME


@register.filter
def rendition(image, size):
    return images.rendition_url(image, size)


@register.filter
def srcset(image):
    return images.srcset(image)


@register.filter
def web_url(url):
    """The address if it is an http(s) link, else "": stored data never becomes a javascript: link."""
    return url if re.match(r"https?://", url or "", re.IGNORECASE) else ""


@register.filter
def host(url):
    """The host of a web address, without "www.": "en.wikinews.org"."""
    try:
        name = urlsplit(url or "").hostname or ""
    except ValueError:
        return ""
    return name.removeprefix("www.")


# A sentence ends at ".", "!" or "?" (and any closing marks) before a capital, a digit or an opening
# mark; not after an initial, "U.S." or a short title.
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
NOT_AN_END = re.compile(
    r"(?:\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Gov|Sen|Rep|No|Inc|Ltd|Co|vs|Lt|Col|Capt|Sgt|Rev|Hon))$"
)
SUMMARY_LENGTH = 240
# Fewer words than this before a full stop are a dateline ("MADISON, Wis. (AP) —"), not a sentence.
SENTENCE_WORDS = 4


@register.filter
def first_sentence(text):
    """The first sentence of the text's first paragraph, for a list row whose article has no standfirst."""
    paragraph = (text or "").strip().split("\n\n", 1)[0][: SUMMARY_LENGTH * 2]
    for end in SENTENCE_END.finditer(paragraph):
        if len(paragraph[: end.start()].split()) >= SENTENCE_WORDS and not NOT_AN_END.search(
            paragraph, 0, end.start()
        ):
            paragraph = paragraph[: end.end()]
            break
    paragraph = " ".join(paragraph.split())
    if len(paragraph) <= SUMMARY_LENGTH:
        return paragraph
    return paragraph[:SUMMARY_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + "…"


@register.filter
def summary(article):
    """What a list says of an article: its standfirst, else the first sentence of its story."""
    return article.standfirst or first_sentence(article.body)


@register.filter
def is_date(value):
    """Whether a filter's typed value is a date a date input can show (else it is shown as typed)."""
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


@register.simple_tag
def chosen_filters(form):
    """How many of the form's fields the address fills in."""
    chosen = 0
    for field in form:
        value = field.field.widget.value_from_datadict(form.data, form.files, field.html_name)
        values = value if isinstance(value, (list, tuple)) else [value]
        chosen += any(str(v or "").strip() for v in values)
    return chosen


@register.filter
def marked(text):
    """Text from the search index with its matched words in <mark>, everything else escaped."""
    return mark_safe(escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


@register.filter
def has_match(text):
    return MARK_START in (text or "")


@register.simple_tag
def found(paginator, singular, plural=""):
    """ "1 article", "12,345 articles", or "More than 5,000 articles" past what the pages offer."""
    plural = plural or f"{singular}s"
    if getattr(paginator, "capped", False):
        return f"More than {paginator.limit:,} {plural}"
    return f"{paginator.count:,} {singular if paginator.count == 1 else plural}"


@register.simple_tag
def tally(number, singular, plural=""):
    """A count from a list's row: "1 quote", "12 quotes", "1,000+ quotes" where counting stopped."""
    plural = plural or f"{singular}s"
    if number > querysets.COUNT_CAP:
        return f"{querysets.COUNT_CAP:,}+ {plural}"
    return f"{number:,} {singular if number == 1 else plural}"
