"""A Content-Security-Policy on every page, as a <meta> first in <head>.

Scripts run only from the site itself, plus the theme's few inline scripts,
each allowed by its SHA-256 hash. Inline scripts inside the page's own
content (<article>) get no hash, so a script an editor sneaks into a page
does not run even if it passed every other check. No
'unsafe-inline' for scripts; 'wasm-unsafe-eval' lets Pagefind's WebAssembly
search run; objects, other base URLs and forms to other sites are refused.
Styles may be inline (the theme sets style attributes); that cannot run code.

GitHub Pages cannot send headers, so the policy is a <meta http-equiv>; it
comes right after <meta charset> and before any title, style or script.
"""

from __future__ import annotations

import re

from scripts.model.built import script_hash

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc\s*=)([^>]*)>(.*?)</script\s*>", re.S | re.I)
NOT_EXECUTED = re.compile(r"""\btype\s*=\s*["']?application/(ld\+)?json""", re.I)
ARTICLE = re.compile(r"<article\b.*?</article\s*>", re.S | re.I)
HEAD = re.compile(r"<head\b[^>]*>(\s*<meta\s+charset=[^>]*>)?", re.I)

POLICY = (
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'{hashes}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def script_hashes(html: str) -> list[str]:
    """'sha256-...' for each inline script outside the content that the browser would run, once each."""
    content = [m.span() for m in ARTICLE.finditer(html)]
    found: list[str] = []
    for match in INLINE_SCRIPT.finditer(html):
        if NOT_EXECUTED.search(match.group(1)) or any(a <= match.start() < b for a, b in content):
            continue
        token = f"'{script_hash(match.group(2))}'"
        if token not in found:
            found.append(token)
    return found


def policy(html: str) -> str:
    hashes = "".join(f" {token}" for token in script_hashes(html))
    return "; ".join(POLICY).replace("{hashes}", hashes)


def add_policy(html: str) -> str:
    """The page with its policy as the first element of <head> (after <meta charset>)."""
    if 'http-equiv="Content-Security-Policy"' in html:
        return html
    match = HEAD.search(html)
    if not match:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html[: match.end()] + meta + html[match.end() :]
