"""Ways to report a problem with a page: a pre-filled issue, or an email without an account."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode


@dataclass(frozen=True)
class Feedback:
    """Where "Report a problem with this page" goes."""

    issue_url: str
    email_url: str
    email: str


def feedback_links(title: str, page_url: str, repo_url: str, email: str) -> Feedback:
    """Return a new-issue address and a mailto address, both naming the page and its address."""
    subject = f"Problem with the page: {title}"
    body = (
        f"Page: {title}\nAddress: {page_url}\n\n"
        "What is wrong, or what could be better?\n\n"
        "(Please do not include personal details about anyone you work with or support.)\n"
    )
    query = urlencode({"title": subject, "body": body, "labels": "page problem"}, quote_via=quote)
    mail = urlencode({"subject": subject, "body": body}, quote_via=quote)
    return Feedback(f"{repo_url.rstrip('/')}/issues/new?{query}", f"mailto:{email}?{mail}", email)


# Domains reserved for examples and tests (RFC 2606 and RFC 6761): an address there reaches no one.
PLACEHOLDER_DOMAINS = ("example.org", "example.com", "example.net")
PLACEHOLDER_SUFFIXES = (".example", ".invalid", ".test", ".localhost")
# Only the shape is checked (one @, a dot in the domain, no spaces); whether anyone reads the
# mailbox is for the editorial team to confirm, so a full address parser would add nothing here.
ADDRESS_SHAPE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")


def publishing_address_problem(address: str | None) -> str | None:
    """Return why an address cannot take readers' feedback on the published site, or None."""
    if not address:
        return (
            "FEEDBACK_EMAIL is not set. A publishing build needs the editorial team's shared "
            "mailbox for the 'email the editorial team' link: set FEEDBACK_EMAIL=<address>."
        )
    if not ADDRESS_SHAPE.fullmatch(address):
        return f"FEEDBACK_EMAIL is {address!r}, which is not an email address."
    domain = address.rsplit("@", 1)[1].lower()
    if domain in PLACEHOLDER_DOMAINS or domain.endswith(PLACEHOLDER_SUFFIXES):
        return (
            f"FEEDBACK_EMAIL is {address!r}, a placeholder that reaches no one. "
            "Set it to the editorial team's shared mailbox."
        )
    return None
