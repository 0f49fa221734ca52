"""Every built page passes axe-core's WCAG 2.0 to 2.2 A and AA rules and its best practices.

Both colour schemes, at two widths. The best practices include the rules Lighthouse's
accessibility score adds to WCAG's, such as unique landmark names and roles a tag allows.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, expect

from browser import AXE_SOURCE, WCAG_TAGS, OffNetwork, describe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCHEMES = {"light": "default", "dark": "slate"}
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(scope="module")
def every_page(html: dict[str, BeautifulSoup], site_url: str) -> list[str]:
    """The address of every built HTML page, as served (pages that only redirect left out)."""
    return [f"{site_url}/{path.removesuffix('index.html')}" for path in html]


# Start axe-core and return at once; the page keeps the result for `FINISH_AXE`. Only
# violations are reported in full, which makes each run several times quicker on large pages.
START_AXE = """tags => {
  window.kipAxe = axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
  }).then(result => result.violations);
}"""
FINISH_AXE = "() => window.kipAxe"
# WCAG's rules, and axe's best practices (Lighthouse scores some of them).
TAGS = [*WCAG_TAGS, "best-practice"]
TABS = 2  # one tab loads its page while the other runs axe-core, so both cores have work


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_passes_axe(
    browser: Browser,
    every_page: list[str],
    off_network: OffNetwork,
    scheme: str,
    width: str,
) -> None:
    assert len(every_page) > 50, "the sweep found too few pages to be the whole site"
    # Tabs for each scheme and width, reused page after page, keep the sweep quick enough for CI.
    context = browser.new_context(
        viewport={"width": WIDTHS[width], "height": 844}, color_scheme=scheme
    )
    context.route("**/*", off_network)
    context.add_init_script(AXE_SOURCE)  # axe-core arrives with every page a tab opens
    tabs = [context.new_page() for _ in range(TABS)]
    failures = []
    try:
        for first in range(0, len(every_page), TABS):
            batch = list(zip(tabs, every_page[first : first + TABS], strict=False))
            for tab, url in batch:
                tab.goto(url, wait_until="load")
                expect(tab.locator("body")).to_have_attribute(
                    "data-md-color-scheme", SCHEMES[scheme]
                )
                tab.evaluate(START_AXE, TAGS)
            for tab, url in batch:
                violations = tab.evaluate(FINISH_AXE)
                if violations:
                    failures.append(f"{url}\n{describe(violations)}")
    finally:
        context.close()
    summary = f"{len(failures)} of {len(every_page)} pages fail axe ({scheme}, {width}):"
    assert failures == [], "\n\n".join([summary, *failures])
    assert off_network.blocked == []
