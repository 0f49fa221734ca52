"""Playwright driving the system's Chromium, kept off every network but this machine's."""

from __future__ import annotations

import importlib.resources
import re
import shutil
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Page, Route, expect

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_SOURCE = (importlib.resources.files("axe_playwright_python") / "axe.min.js").read_text(
    encoding="utf-8"
)


def chromium_path() -> str:
    """Return the system Chromium; `make test` installs it when it is missing."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    msg = "Chromium is not installed. Run `make test`, which installs it, or see README.md."
    raise RuntimeError(msg)


@dataclass
class OffNetwork:
    """Blocks, and remembers, every request a page makes to a host other than this machine."""

    blocked: list[str] = field(default_factory=list)

    def __call__(self, route: Route) -> None:
        url = route.request.url
        host = urlsplit(url).hostname
        if url.startswith(("data:", "blob:", "file:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


def axe_violations(page: Page, tags: list[str] | None = None) -> list[dict[str, Any]]:
    """Run axe-core on the page and return its violations for the WCAG 2.x A and AA rules."""
    # Evaluated, not added as an inline <script>: every page's own policy refuses those.
    page.evaluate(f"() => {{ {AXE_SOURCE}\n }}")
    result: dict[str, Any] = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags or WCAG_TAGS
    )
    return list(result["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    """Return axe violations in a form that says what to fix and where."""
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return "\n".join(lines)


def search(page: Page, words: str) -> None:
    """Type into the site search once its index is ready, as a reader would."""
    box = page.get_by_placeholder("Search the handbook")
    box.click()
    expect(page.locator(".md-search-result__meta")).to_have_text(
        "Type to search guidance, examples and reports"
    )
    box.press_sequentially(words, delay=20)


def rgba(text: str) -> tuple[float, float, float, float]:
    """Parse a computed CSS colour, rgb() or rgba()."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", text)]
    return (*numbers[:3], numbers[3] if len(numbers) > 3 else 1.0)  # type: ignore[return-value]


def behind(layers: list[str]) -> tuple[float, float, float]:
    """Composite the backgrounds from the page up to the element's parent, over white."""
    red, green, blue = 255.0, 255.0, 255.0
    for layer in reversed(layers):
        r, g, b, a = rgba(layer)
        red, green, blue = r * a + red * (1 - a), g * a + green * (1 - a), b * a + blue * (1 - a)
    return red, green, blue


def luminance(colour: tuple[float, ...]) -> float:
    """Relative luminance, as WCAG defines it."""
    channels = [c / 255 for c in colour[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: tuple[float, ...], two: tuple[float, ...]) -> float:
    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
