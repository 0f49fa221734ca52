"""MkDocs adapter: check the content, add pages made from data, and place them in the site."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from macros.docpages import MACRO_SIGNATURES
from macros.downloads import offered_on, read_manifest
from macros.feedback import feedback_links
from macros.links import section_index
from macros.problems import ContentError
from macros.review import build_date, review_status
from macros.sandbox import sandboxed_environment
from macros.sanitise import sanitise
from macros.search import (
    SearchDocument,
    search_boost,
    search_document,
    search_tags,
    write_search_index,
)
from macros.site import Site, load_site

SITE_KEY = "kindness_site"
DOWNLOADS_KEY = "kindness_downloads"
SEARCH_KEY = "kindness_search"
OFFLINE_SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


@event_priority(100)  # before mkdocs-macros, so the macros can use the loaded site
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check every data file and page; stop the build with one report if any fail."""
    root = Path(config.config_file_path).parent
    try:
        site = load_site(Path(config.docs_dir), root / "data")
    except ContentError as error:
        raise PluginError(str(error)) from None
    config[SITE_KEY] = site
    # The offline copy runs search in a worker, which browsers refuse to start from disk unless
    # a shim stands in for it. Material would fetch the shim from a CDN: use our own copy.
    offline = config.plugins.get("material/offline")
    if offline is not None and offline.config.enabled:
        config.extra["polyfills"] = [OFFLINE_SHIM]
    # A publishing build (scripts/build.py) names the PDFs and offline copy it made.
    manifest = os.environ.get("KIP_DOWNLOADS")
    config[DOWNLOADS_KEY] = read_manifest(Path(manifest)) if manifest else []
    # Glossary terms get their definition wherever they appear, through Markdown's abbr extension.
    config.mdx_configs.setdefault("abbr", {})["glossary"] = site.abbreviations
    # The published site is searched with Pagefind, indexed after the build; the offline copy
    # keeps Material's own search (macros/search.py says why).
    config[SEARCH_KEY] = None if offline is not None and offline.config.enabled else []
    return config


def site_of(config: MkDocsConfig) -> Site:
    """Return the site loaded for this build."""
    site: Site = config[SITE_KEY]
    return site


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the pages made from data; their edit link opens the data file behind them."""
    for page in site_of(config).generated:
        file = File.generated(config, page.src_uri, content=page.markdown)
        # edit_uri is relative to the docs folder in the repository; data files sit beside it.
        file.edit_uri = f"../{page.edit_path}" if page.edit_path else None
        files.append(file)
    for download in config[DOWNLOADS_KEY]:
        files.append(File.generated(config, download.uri, abs_src_path=download.file))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    """Index the page for search under its themes and the everyday words for them."""
    catalogue = site_of(config).catalogue
    tags = search_tags(catalogue, page.meta.get("themes") or [])
    if tags:
        page.meta["tags"] = tags
    boost = search_boost(catalogue, page.file.src_uri)
    if boost:
        page.meta["search"] = {**page.meta.get("search", {}), "boost": boost}
    return markdown


def on_pre_build(config: MkDocsConfig) -> None:
    """Render every page in a Jinja sandbox that offers the handbook's macros and nothing else.

    mkdocs-macros renders with a plain Jinja environment, from which a page could reach Python
    internals. The pages are checked before rendering (macros/docpages.py); the sandbox makes
    sure that even a page that slipped through could run nothing.
    """
    plugin: Any = config.plugins["macros"]  # mkdocs-macros' plugin, which is not typed
    macros = {name: plugin.env.globals[name] for name in MACRO_SIGNATURES}
    # mkdocs-macros keeps its environment here and offers no setter.
    plugin._env = sandboxed_environment(macros, plugin.env.undefined)  # noqa: SLF001


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Let only known-safe HTML into the published page."""
    return sanitise(html)


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    """Give the page its trust signals, and mark the section a record page belongs to."""
    context["review"] = review_status(page.meta, build_date())
    context["downloads"] = offered_on(page.file.src_uri, config[DOWNLOADS_KEY])
    context["feedback"] = feedback_links(
        page.title or config.site_name,
        page.canonical_url or page.abs_url or "",
        config.repo_url or "",
        config.extra["feedback_email"],
    )
    section = section_index(page.file.src_uri)
    for item in nav.pages:
        # Clear the mark left by the previous record page, then set this page's own.
        item.active = False
    page.active = True
    for item in nav.pages:
        if item.file.src_uri == section:
            item.active = True
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Keep what the search index needs from each built page."""
    documents: list[SearchDocument] | None = config[SEARCH_KEY]
    if documents is not None:
        document = search_document(
            page.file.src_uri, page.url, page.title or "", page.meta, page.content or ""
        )
        if document:
            documents.append(document)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    """Write the search index of the published site."""
    documents: list[SearchDocument] | None = config[SEARCH_KEY]
    if documents is not None:
        write_search_index(Path(config.site_dir), documents)
