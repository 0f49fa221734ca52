"""MkDocs adapter: check the content, add pages made from data, and place them in the site.

Security: the hook is the only thing that renders a page's macros (mkdocs-macros is set not
to render), and it renders only the text the checks read (macros/docpages.py), through
macros/sandbox.py, with the macros named in MACRO_SIGNATURES and nothing else.
"""

from __future__ import annotations

import logging
import os
import posixpath
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import CountHandler

from macros import watchdog
from macros.docfiles import docs_files
from macros.docpages import MACRO_SIGNATURES, DocPage
from macros.downloads import offered_on, read_manifest
from macros.examples_index import CONTROLS_SLOT, EXAMPLE_ID
from macros.feedback import feedback_links
from macros.fragment_cache import FragmentCache
from macros.headers import UnreviewedScriptError, with_page_policy
from macros.links import section_index
from macros.output_limits import content_bytes, page_problem, site_bytes, site_problems
from macros.problem_page import problem_page
from macros.problems import ContentError, printable
from macros.review import build_date, review_status
from macros.sandbox import render
from macros.sanitise import allowed_id, sanitise
from macros.search import (
    SearchDocument,
    everyday_words,
    examples_in_first_search,
    search_boost,
    search_document,
    search_tags,
    write_search_index,
)
from macros.site import Site, load_site
from macros.stages import SEARCH, stage

SITE_KEY = "kindness_site"
DOWNLOADS_KEY = "kindness_downloads"
PROBLEMS_KEY = "kindness_problems"
SEARCH_KEY = "kindness_search"
SIZES_KEY = "kindness_sizes"
CONTROLS_KEY = "kindness_controls"
OFFLINE_SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"
log = logging.getLogger("mkdocs.plugins.kindness")
SERVING = False


def on_startup(command: str, **_: Any) -> None:
    """Remember whether this is `mkdocs serve`, which shows problems in the browser as well."""
    global SERVING  # noqa: PLW0603 (MkDocs calls hooks as module functions)
    SERVING = command == "serve"


@event_priority(100)  # before mkdocs-macros, so the macros can use the loaded site
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check every data file and page; stop the build with one report if any fail."""
    plugin: Any = config.plugins["macros"]  # mkdocs-macros' plugin, which is not typed
    if plugin.config["render_by_default"] is not False:
        raise PluginError("mkdocs.yml: mkdocs-macros must not render pages (render_by_default).")
    # The offline copy runs search in a worker, which browsers refuse to start from disk unless
    # a shim stands in for it. Material would fetch the shim from a CDN: use our own copy.
    offline = config.plugins.get("material/offline")
    if offline is not None and offline.config.enabled:
        config.extra["polyfills"] = [OFFLINE_SHIM]
    # A publishing build (scripts/build.py) names the PDFs and offline copy it made.
    manifest = os.environ.get("KIP_DOWNLOADS")
    config[DOWNLOADS_KEY] = read_manifest(Path(manifest)) if manifest else []
    config[PROBLEMS_KEY] = ""
    config[SIZES_KEY] = {}  # hand-written pages' HTML sizes, to name the largest if need be
    config[SEARCH_KEY] = None  # no search index for a build that only shows problems
    try:
        site = load_site(Path(config.docs_dir), Path(config.config_file_path).parent / "data")
    except ContentError as error:
        if not SERVING:
            raise PluginError(str(error)) from None
        # `make serve` keeps running, and shows the report on every page until it is fixed:
        # strict mode, which would stop it, is set aside for this preview build.
        logger = logging.getLogger("mkdocs")
        for handler in [h for h in logger.handlers if isinstance(h, CountHandler)]:
            logger.removeHandler(handler)
        log.error(str(error))  # noqa: TRY400 (a contributor's mistake, not a crash)
        config[PROBLEMS_KEY] = str(error)
        return config
    config[SITE_KEY] = site
    # Glossary terms get their definition wherever they appear, through Markdown's abbr extension.
    config.mdx_configs.setdefault("abbr", {})["glossary"] = site.abbreviations
    # The published site is searched with Pagefind, indexed after the build; the offline copy
    # keeps Material's own search (macros/search.py says why).
    config[SEARCH_KEY] = None if offline is not None and offline.config.enabled else []
    config.extra["search_examples_first"] = examples_in_first_search(
        len(site.catalogue.data.examples), int(config.extra["examples_in_first_search"])
    )
    return config


def site_of(config: MkDocsConfig) -> Site:
    """Return the site loaded for this build."""
    site: Site = config[SITE_KEY]
    return site


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Check MkDocs publishes only what the checks allowed, then add the pages made from data."""
    refused = _refused_files(files, config)
    if config[PROBLEMS_KEY]:
        # The preview publishes exactly what the build would: the report names the rest.
        for file, _ in refused:
            files.remove(file)
        # A refused file may have stood in for one of the theme's: put the theme's back.
        files.add_files_from_theme(config.theme.get_env(), config)
        return _report_pages(files, config)
    if refused:
        file, reason = refused[0]
        raise PluginError(f"docs/{printable(file.src_uri)}: {reason}")
    config[CONTROLS_KEY] = {}
    for page in site_of(config).generated:
        if page.controls:
            config[CONTROLS_KEY][page.src_uri] = page.controls
        file = File.generated(config, page.src_uri, content=page.markdown)
        # edit_uri is relative to the docs folder in the repository; data files sit beside it.
        file.edit_uri = f"../{page.edit_path}" if page.edit_path else None
        files.append(file)
    for download in config[DOWNLOADS_KEY]:
        files.append(File.generated(config, download.uri, abs_src_path=download.file))
    return files


def _refused_files(files: Files, config: MkDocsConfig) -> list[tuple[File, str]]:
    """Return each file from docs/ that the checks did not allow, with the reason."""
    docs_dir = Path(config.docs_dir)
    allowed = set(docs_files(docs_dir)[0])
    theme_files = set(config.theme.get_env().list_templates())
    refused = []
    for file in files:
        if file.generated_by is not None or not file.abs_src_path:
            continue
        if not Path(file.abs_src_path).is_relative_to(docs_dir):
            continue  # the theme's own files
        if file.src_uri not in allowed:
            refused.append((file, "this file did not pass the checks."))
        elif file.src_uri in theme_files:
            refused.append((file, "this file would replace the theme's own."))
    return refused


def _report_pages(files: Files, config: MkDocsConfig) -> Files:
    """Replace every page with the problem report, so `make serve` shows it in the browser."""
    text = problem_page(config[PROBLEMS_KEY])
    for file in files.documentation_pages():
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=text))
    if files.get_file_from_path("index.md") is None:
        files.append(File.generated(config, "index.md", content=text))
    return files


def _checked_page(page: Page, config: MkDocsConfig) -> DocPage | None:
    """Return what the checks read for a hand-written page, or None for a page made from data."""
    if page.file.generated_by is not None:
        return None
    checked = site_of(config).catalogue.pages.get(page.file.src_uri)
    if checked is None:
        raise PluginError(f"docs/{page.file.src_uri}: MkDocs found a page the checks did not read.")
    return checked


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """Give MkDocs the very text the checks read, so both see the same page."""
    if config[PROBLEMS_KEY]:
        return None
    checked = _checked_page(page, config)
    return checked.text if checked else None


@event_priority(-100)  # after mkdocs-macros, which is set to leave pages alone
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    """Render the page's macros from what the checks read; index it for search; time it."""
    if config[PROBLEMS_KEY]:
        return markdown
    checked = _checked_page(page, config)
    if checked is not None:
        if markdown != checked.body or page.meta != checked.front:
            message = "MkDocs read this page differently from the checks."
            raise PluginError(f"{checked.label}: {message}")
        plugin: Any = config.plugins["macros"]
        macros = {name: plugin.macros[name] for name in MACRO_SIGNATURES}
        try:
            markdown = render(checked.parts, macros, checked.label)
        except ContentError as error:
            raise PluginError(str(error)) from None
    # Material writes the description into a <meta> attribute without escaping it.
    if isinstance(page.meta.get("description"), str):
        page.meta["description"] = Markup(escape(page.meta["description"]))  # noqa: S704
    catalogue = site_of(config).catalogue
    tags = search_tags(catalogue, page.meta.get("themes") or [])
    if tags:
        page.meta["tags"] = tags
    words = everyday_words(catalogue).get(page.file.src_uri)
    if words:
        page.meta["search_words"] = words
    boost = search_boost(catalogue, page.file.src_uri)
    if boost:
        page.meta["search"] = {**page.meta.get("search", {}), "boost": boost}
    label = checked.label if checked else (page.file.edit_uri or page.file.src_uri)
    watchdog.start(watchdog.PAGE_SECONDS, lambda: _too_slow(label))
    return markdown


def _too_slow(label: str) -> PluginError:
    return PluginError(
        f"{label}: turning this page into HTML took more than {watchdog.PAGE_SECONDS:.0f} "
        "seconds, so the build stopped. Simplify its deepest lists, quotes or links."
    )


def on_build_error(error: Exception) -> None:
    """Stop a page's time limit when the build fails before the page was finished."""
    watchdog.stop()


@event_priority(100)  # first, to stop the page's time limit
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Let only known-safe HTML into the published page, then add the template's controls."""
    watchdog.stop()
    html = sanitise(html)
    if page.file.generated_by is None and not config[PROBLEMS_KEY]:
        label = f"docs/{page.file.src_uri}"
        problem = page_problem(label, len(html.encode()))
        if problem:
            raise PluginError(str(ContentError([problem])))
        config[SIZES_KEY][label] = len(html.encode())
    # A heading whose id the sanitiser removed leaves the table of contents too, so no link
    # points at nothing (and no id reaches the theme's href unchecked).
    page.toc.items = _kept_anchors(page.toc.items)
    controls = "" if config[PROBLEMS_KEY] else config[CONTROLS_KEY].get(page.file.src_uri, "")
    if controls:
        if CONTROLS_SLOT not in html:
            raise PluginError(f"{page.file.src_uri}: the page has no place for its filters.")
        # Links to examples, made as MkDocs makes them, for the published site and offline copy.
        example = File(f"examples/{EXAMPLE_ID}.md", "", "", config.use_directory_urls)
        link = escape(example.url_relative_to(page.file))
        controls = controls.replace(f'data-kip-link="{EXAMPLE_ID}"', f'data-kip-link="{link}"')
        html = html.replace(CONTROLS_SLOT, controls, 1)
    return html


def _kept_anchors(links: list[AnchorLink]) -> list[AnchorLink]:
    """Return the contents entries whose heading kept its id; a dropped one's children move up."""
    kept: list[AnchorLink] = []
    for link in links:
        link.children = _kept_anchors(link.children)
        if allowed_id(link.id):
            kept.append(link)
        else:
            kept.extend(link.children)
    return kept


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
    context["nav_key"] = _nav_key(page, nav)
    return context


def _nav_key(page: Page, nav: Navigation) -> tuple[object, ...] | None:
    """Return what a page's navigation depends on, or None for a page that renders its own.

    The navigation's links are relative, so they depend on the folder a page sits in (not its
    own name, unless the navigation links below it); the open sections are those marked active.
    A page in the navigation is marked there, with its own contents, so it renders its own.
    """
    if any(item is page or item.url.startswith(page.url) for item in nav.pages):
        return None
    folder = posixpath.dirname(page.url.rstrip("/"))
    return (folder, *(id(item) for item in _walk(nav.items) if item.active))


def _walk(items: list[Any]) -> list[Any]:
    """Return every section and page in the navigation, depth first."""
    found: list[Any] = []
    for item in items:
        found.append(item)
        found += _walk(item.children or [])
    return found


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Let the theme render a part once for all the pages that share a key (the navigation)."""
    env.add_extension(FragmentCache)
    return env


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Give a page made from a theme template alone (404.html) its security policy."""
    return _with_policy(template_name, output_content)


def _with_policy(name: str, html: str) -> str:
    try:
        return with_page_policy(name, html)
    except UnreviewedScriptError as error:
        raise PluginError(str(error)) from None


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Give each page its security policy; keep what the search index needs from it."""
    output = _with_policy(page.file.src_uri, output)
    documents: list[SearchDocument] | None = config[SEARCH_KEY]
    if documents is not None:
        with stage(SEARCH):
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
        apart = not config.extra["search_examples_first"]
        with stage(SEARCH):
            write_search_index(Path(config.site_dir), documents, examples_apart=apart)
    if config[PROBLEMS_KEY]:
        return
    root = Path(config.config_file_path).parent
    content = content_bytes([Path(config.docs_dir), root / "data"])
    problems = site_problems(site_bytes(Path(config.site_dir)), content, config[SIZES_KEY])
    if problems:
        raise PluginError(str(ContentError(problems)))
