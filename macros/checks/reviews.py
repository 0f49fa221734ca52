"""Report of pages and records whose review is overdue or due within 60 days."""

from __future__ import annotations

from pathlib import Path

from macros.review import DUE_SOON_DAYS, ReviewStatus, build_date, review_status
from macros.site import load_site


def due(root: Path) -> list[tuple[str, ReviewStatus]]:
    """Return every page and record that is overdue or due soon, soonest first."""
    site = load_site(root / "docs", root / "data")
    today = build_date()
    found: list[tuple[str, ReviewStatus]] = []
    for page in site.catalogue.pages.values():
        status = review_status(page.meta.model_dump(), today)
        if status and status.state != "current":
            found.append((page.label, status))
    data = site.catalogue.data
    for collection, records in (("examples", data.examples), ("reports", data.reports)):
        for key, record in records.items():
            status = review_status(record.model_dump(), today)
            if status and status.state != "current":
                found.append((data.label(collection, key), status))
    return sorted(found, key=lambda item: (item[1].review_due, item[0]))


def report(items: list[tuple[str, ReviewStatus]]) -> str:
    """Return the review report, grouped into overdue and due soon."""
    if not items:
        return f"Reviews: nothing is overdue or due in the next {DUE_SOON_DAYS} days."
    lines = [f"Reviews overdue or due in the next {DUE_SOON_DAYS} days:"]
    for label, status in items:
        when = "OVERDUE since" if status.overdue else "due"
        lines.append(f"  {when} {status.review_due.isoformat()}  {label}  (owner: {status.owner})")
    return "\n".join(lines)
