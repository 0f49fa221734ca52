"""Ways to report a problem with a page: a pre-filled issue, or an email without an account."""

from __future__ import annotations

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
