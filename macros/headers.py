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


def inline_script_hashes(pages: Iterable[str]) -> list[str]:
    """Return the CSP hash source of every distinct inline script in the given HTML pages."""
    hashes = set()
    for html in pages:
        for script in INLINE_SCRIPT.findall(html):
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
    pages = (path.read_text(encoding="utf-8") for path in sorted(site_dir.rglob("*.html")))
    return headers_file(response_headers(content_security_policy(inline_script_hashes(pages))))


if __name__ == "__main__":
    sys.stdout.write(headers_for_site(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
