"""Template helpers shared by every reader page."""

import json
import re

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
