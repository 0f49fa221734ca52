"""The last line of defence before a page is published: only known-safe HTML gets through."""

from __future__ import annotations

import re
from collections.abc import Callable

import nh3

# Everything the handbook's Markdown extensions and macros produce, and nothing that can run,
# submit or load: no form controls (the examples filters are written by a template instead).
TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "ins", "kbd", "li",
    "mark", "ol", "p", "pre", "s", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "time", "tr", "ul",
}  # fmt: skip
# Attributes per element. Never data-*, on*, style, download, autofocus, form, formaction,
# target, name or hidden: content gives no element behaviour, and no script reads content.
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "role", "aria-label", "aria-hidden"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "details": {"open"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "time": {"datetime"},
}
# Addresses: https and mailto, or relative (nh3 keeps relative ones). Plain http is refused too.
URL_SCHEMES = {"https", "mailto"}
# An address with a scheme, or one that starts with // (another host, this page's scheme).
ABSOLUTE = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:|//")
URL_IGNORED = re.compile(r"[\t\n\r]")
URL_LEADING = "".join(chr(code) for code in range(0x21))
# The classes the handbook's Markdown extensions and templates put in content, reviewed by
# hand from the built site (tests/test_sanitise.py checks the site uses no other): admonition
# and details types Material styles, the permalink, and the handbook's own content classes.
# No md-* class but md-button: Material's scripts find their parts by md-* classes.
ADMONITION_TYPES = {
    "note", "abstract", "info", "tip", "success", "question", "warning", "failure", "danger",
    "bug", "example", "quote",
}  # fmt: skip
CLASSES = ADMONITION_TYPES | {
    "admonition", "admonition-title", "headerlink", "md-button",
    "kip-applies", "kip-cards", "kip-controls", "kip-example", "kip-examples", "kip-facts",
    "kip-filter__count", "kip-notice", "kip-pages", "kip-questions",
}  # fmt: skip
CODE_CLASS = re.compile(r"language-[a-z0-9]{1,30}")
ROLES = {"note", "navigation", "status"}
# An id from content is a slug as the toc extension makes them: lower-case letters, digits,
# hyphens and underscores, starting with a letter or digit. So it can never equal an id the
# theme or a script looks up: Material's all start with "__" (__config, __search, __drawer,
# __tabbed_1_1) and the handbook's own with "kip-", which content may not use. Other ids are
# refused rather than given a prefix: a prefix would change every heading's address, and with
# it every link into the handbook; the ids the Markdown extensions make all pass unchanged.
# As long as a heading made from the longest text a field allows (300 characters) can make.
CONTENT_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,299}")
RESERVED_ID_PREFIX = "kip-"
# Names a script tests as a global (`typeof mermaid`): an id would make the name defined.
# (The handbook's own global, window.kipExamples, has a capital: no content id can take it.)
RESERVED_IDS = {"mermaid"}


def allowed_id(value: str) -> bool:
    """Return whether content may give an element this id."""
    return (
        CONTENT_ID.fullmatch(value) is not None
        and not value.startswith(RESERVED_ID_PREFIX)
        and value not in RESERVED_IDS
    )


def allowed_classes(value: str) -> str:
    """Return the reviewed classes among a class attribute's, in order."""
    return " ".join(name for name in value.split() if name in CLASSES or CODE_CLASS.fullmatch(name))


def sanitise(html: str) -> str:
    """Remove any element, attribute, id, class or address that is not on the safe lists."""
    return nh3.clean(
        html,
        attribute_filter=_filter,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def _filter(_element: str, attribute: str, value: str) -> str | None:
    """Keep an allowed attribute's value, narrowed to the reviewed lists; None drops it."""
    narrow = _NARROW.get(attribute)
    return value if narrow is None else narrow(value)


def _id(value: str) -> str | None:
    return value if allowed_id(value) else None


def _role(value: str) -> str | None:
    return value if value in ROLES else None


def _as_browsers_read(address: str) -> str:
    """Return an address as a browser's URL parser starts reading it.

    Tabs and line breaks go wherever they are, control characters and spaces at the start, and
    a backslash reads as a slash.
    """
    return URL_IGNORED.sub("", address).lstrip(URL_LEADING).replace("\\", "/")


def _src(value: str) -> str | None:
    # An image comes from the site itself, never from another host.
    return None if ABSOLUTE.match(_as_browsers_read(value)) else value


def _href(value: str) -> str | None:
    if _as_browsers_read(value).startswith("//"):
        return None  # "//host/": another host, though it names no scheme
    if value.startswith("#") and not allowed_id(value[1:]):
        return None  # a link within the page goes only to an id content may have
    return value


def _text_only(value: str) -> str | None:
    """Escape markup characters in a title, so a tooltip can only ever show text.

    Material's tooltips copy a title into the page as HTML (innerHTML). nh3 hands over the
    value with entities decoded, so '&lt;' written in a page arrives here as '<'; escaping it
    again makes the tooltip show it literally instead of building an element from it.
    """
    if "<" not in value:
        return value  # without '<', HTML inserted from the title can make no element
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_NARROW: dict[str, Callable[[str], str | None]] = {
    "id": _id,
    "class": lambda value: allowed_classes(value) or None,
    "role": _role,
    "src": _src,
    "href": _href,
    "title": _text_only,
}
