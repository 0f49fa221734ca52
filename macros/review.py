"""Whether a page's content is due for review, and the build date that decides it."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

DUE_SOON_DAYS = 60


@dataclass(frozen=True)
class Change:
    """One line of a page's history: when, and what changed or was checked."""

    date: dt.date
    note: str


@dataclass(frozen=True)
class ReviewStatus:
    """Who looks after a page, when it was checked, and whether a review is due."""

    owner: str
    last_reviewed: dt.date
    review_due: dt.date
    state: Literal["current", "due-soon", "overdue"]
    history: tuple[Change, ...] = ()

    @property
    def overdue(self) -> bool:
        """Return True when the review date has passed."""
        return self.state == "overdue"


def build_date(environ: Mapping[str, str] = os.environ) -> dt.date:
    """Return the date the build counts as today: SOURCE_DATE_EPOCH when set, so builds repeat."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.datetime.now(tz=dt.UTC).date()


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def review_status(meta: Mapping[str, object], today: dt.date) -> ReviewStatus | None:
    """Return a page's review status from its front matter, or None if it has no review dates."""
    last_reviewed = _as_date(meta.get("last_reviewed"))
    review_due = _as_date(meta.get("review_due"))
    owner = meta.get("owner")
    if last_reviewed is None or review_due is None or not isinstance(owner, str):
        return None
    if review_due < today:
        state: Literal["current", "due-soon", "overdue"] = "overdue"
    elif review_due <= today + dt.timedelta(days=DUE_SOON_DAYS):
        state = "due-soon"
    else:
        state = "current"
    return ReviewStatus(owner, last_reviewed, review_due, state, page_history(meta))


def page_history(meta: Mapping[str, object]) -> tuple[Change, ...]:
    """Return the page's history from its front matter (already checked by the models)."""
    entries = meta.get("history")
    if not isinstance(entries, list):
        return ()
    changes = []
    for entry in entries:
        if isinstance(entry, Mapping):
            date = _as_date(entry.get("date"))
            note = entry.get("note")
            if date is not None and isinstance(note, str):
                changes.append(Change(date, note))
    return tuple(changes)
