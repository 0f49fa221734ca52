"""The last line of defence before a page is published: only known-safe HTML gets through."""

from __future__ import annotations

import nh3

# Everything the handbook's Markdown, macros and templates produce, and nothing that can run.
TAGS = {
    "a", "abbr", "blockquote", "br", "button", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "img", "input", "ins", "kbd", "label", "legend", "li", "mark", "ol", "p", "pre", "s", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "time", "tr", "ul",
}  # fmt: skip
ATTRIBUTES = {
    "*": {"class", "id", "title", "role", "hidden", "lang"},
    "a": {"href", "download"},
    "img": {"src", "alt", "width", "height"},
    "input": {"type", "name", "value", "checked"},
    "button": {"type"},
    "details": {"open"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "time": {"datetime"},
}
# ARIA attributes and the data attributes the example filters read.
ATTRIBUTE_PREFIXES = {"aria-", "data-"}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitise(html: str) -> str:
    """Remove any element, attribute or address that is not on the handbook's safe lists."""
    return nh3.clean(
        html,
        attribute_filter=_text_only_title,
        tags=TAGS,
        attributes=ATTRIBUTES,
        generic_attribute_prefixes=ATTRIBUTE_PREFIXES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def _text_only_title(_element: str, attribute: str, value: str) -> str:
    """Escape markup characters in `title` attributes, so a tooltip can only ever show text.

    Material's tooltips copy a title into the page as HTML (innerHTML). nh3 hands over the
    value with entities decoded, so '&lt;' written in a page arrives here as '<'; escaping it
    again makes the tooltip show it literally instead of building an element from it.
    """
    if attribute != "title" or "<" not in value:
        return value  # without '<', HTML inserted from the title can make no element
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
