"""Recommended response headers for hosting the site, with a strict Content Security Policy."""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from collections.abc import Iterable
from pathlib import Path

# An inline <script> that runs: no src, and no data-only type such as application/json.
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:json|ld\+json)\")[^>]*>(.*?)</script>",
    re.DOTALL,
)


# The inline scripts the theme and plugins write, reviewed by hand: Material's storage helpers
# (its one varying part is the path to the site's root), its colour-scheme restorer and its
# tab opener, and mkdocs-redirects' forwarding script (its varying part is the new address).
# An inline script that matches none of these is refused: the policy never allows it.
PATH = r"[A-Za-z0-9./_-]*"
REVIEWED_SCRIPTS = tuple(
    re.compile(re.escape(script).replace("PATH", PATH))
    for script in (
        (
            '__md_scope=new URL("PATH",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.'
            "charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t."
            'pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname'
            '+"."+e,JSON.stringify(_))}catch(e){}}'
        ),
        (
            'var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-'
            'scheme)"===palette.color.media){var media=matchMedia("(prefers-color-scheme: light)"'
            "),input=document.querySelector(media.matches?\"[data-md-color-media='(prefers-color-"
            "scheme: light)']\":\"[data-md-color-media='(prefers-color-scheme: dark)']\");palette"
            '.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.'
            'getAttribute("data-md-color-scheme"),palette.color.primary=input.getAttribute("data-'
            'md-color-primary"),palette.color.accent=input.getAttribute("data-md-color-accent")}'
            "for(var[key,value]of Object.entries(palette.color))document.body.setAttribute"
            '("data-md-color-"+key,value)}'
        ),
        (
            "var target=document.getElementById(location.hash.slice(1));target&&target.name&&"
            '(target.checked=target.name.startsWith("__tabbed_"))'
        ),
        'var anchor=window.location.hash.substr(1);location.href="PATH"+(anchor?"#"+anchor:"")',
    )
)


class UnreviewedScriptError(ValueError):
    """An inline script in the built site that is not on the reviewed list."""


def inline_script_hashes(pages: Iterable[tuple[str, str]]) -> list[str]:
    """Return the CSP hash source of every distinct reviewed inline script in (name, HTML) pages.

    Raise UnreviewedScriptError, naming the page, for any inline script not on the reviewed list.
    """
    hashes = set()
    for name, html in pages:
        for script in INLINE_SCRIPT.findall(html):
            if not any(pattern.fullmatch(script) for pattern in REVIEWED_SCRIPTS):
                shown = " ".join(script.split())[:60]
                msg = f"{name}: an inline script that is not on the reviewed list: {shown!r}"
                raise UnreviewedScriptError(msg)
            digest = hashlib.sha256(script.encode("utf-8")).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(hashes)


def content_security_policy(script_hashes: Iterable[str]) -> str:
    """Return a policy that allows only the site's own files, and the inline scripts it lists."""
    directives = [
        "default-src 'none'",
        # Site search (Pagefind) runs WebAssembly, which browsers start only with this source.
        "script-src 'self' 'wasm-unsafe-eval' " + " ".join(script_hashes),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
    ]
    return "; ".join(directives)


# Directives a policy in a <meta> element cannot carry: browsers ignore them there.
HEADER_ONLY = ("frame-ancestors", "report-uri", "report-to", "sandbox")
# What the page template writes as its policy's content, for the build hook to fill in.
META_PLACEHOLDER = "KIP-CONTENT-SECURITY-POLICY"


def meta_policy(policy: str) -> str:
    """Return the policy without the directives a <meta> policy cannot carry."""
    kept = [d for d in policy.split("; ") if not d.startswith(HEADER_ONLY)]
    return "; ".join(kept)


def page_policy(name: str, html: str) -> str:
    """Return the <meta> policy for one page: its own reviewed inline scripts, nothing else.

    Raise UnreviewedScriptError, naming the page, for an inline script not on the reviewed list.
    """
    return meta_policy(content_security_policy(inline_script_hashes([(name, html)])))


def with_page_policy(name: str, html: str) -> str:
    """Return a built page with its policy in the place the template left for it."""
    if META_PLACEHOLDER not in html:
        return html
    return html.replace(META_PLACEHOLDER, page_policy(name, html), 1)


def response_headers(policy: str) -> dict[str, str]:
    """Return every header we recommend, by name."""
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
        "Cross-Origin-Opener-Policy": "same-origin",
        "X-Frame-Options": "DENY",
    }


def headers_file(headers: dict[str, str]) -> str:
    """Return the headers in the `_headers` format that several static hosts read."""
    lines = [
        "# Response headers for every page of Kindness in Practice (generated: `make headers`).",
        "# The script hashes allow Material's small inline scripts and nothing else.",
        "/*",
        *(f"  {name}: {value}" for name, value in headers.items()),
    ]
    return "\n".join(lines) + "\n"


def headers_for_site(site_dir: Path) -> str:
    """Return the `_headers` file for a built site."""
    pages = (
        (path.relative_to(site_dir).as_posix(), path.read_text(encoding="utf-8"))
        for path in sorted(site_dir.rglob("*.html"))
    )
    return headers_file(response_headers(content_security_policy(inline_script_hashes(pages))))


if __name__ == "__main__":
    sys.stdout.write(headers_for_site(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
