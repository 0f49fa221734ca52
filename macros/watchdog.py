"""A time limit on one step of the build, so a page that makes Markdown crawl stops the build."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from types import FrameType

# Seconds one page may take to turn from Markdown into HTML. The slowest real page takes well
# under a second on a shared CI runner (BENCHMARKS.md); the limit leaves room for slow machines.
PAGE_SECONDS = 20.0


def start(seconds: float, error: Callable[[], Exception]) -> bool:
    """Raise `error()` in the main thread if `stop` is not called within `seconds`.

    Returns False, and sets no limit, where signals cannot be used (outside the main thread).
    """
    if threading.current_thread() is not threading.main_thread():
        return False

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise error()

    signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    return True


def stop() -> None:
    """Cancel the time limit, if one is set."""
    if threading.current_thread() is threading.main_thread():
        signal.setitimer(signal.ITIMER_REAL, 0)
