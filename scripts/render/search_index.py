"""Build the site's search index with Pagefind, one index per language.

    python -m scripts search-index --site site     # index a built site again

Run by the MkDocs hooks once, after every language is built (on_post_build).
Pagefind reads each page's `<html lang>` and writes a separate index per
language into `<site>/pagefind/`, so a reader on /ar/ downloads and searches
only Arabic pages. It stems Norwegian ("pleiepengene" finds "pleiepenger")
and Arabic, and indexes Somali word by word (it has no Somali stemmer).

Which text is indexed is decided by the templates, not here: overrides/main.html
puts `data-pagefind-body` only on text written in the page's own language, so
Norwegian fallback pages under /en/, /ar/, /so/ are left out of those indexes
(Pagefind skips every page without `data-pagefind-body` once any page has it).
The reader's side is overrides/assets/javascripts/site-search.js.

Pagefind's word-index chunks are then cut smaller (scripts/render/pagefind_chunks.py),
so a one-word search downloads a few KB of index instead of 30-50 KB.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from scripts.render import pagefind_chunks

BUNDLE_DIR = "pagefind"

# Pagefind's ready-made interfaces. The site has its own small search panel
# (labels in the page's language, right-to-left on Arabic pages), so these are
# never requested; removing them keeps the published site smaller.
_UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
# Bytes of CBOR (before gzip) per word-index chunk: about 2-3 KB downloaded
# per chunk. Smaller chunks add entries to the language's pf_meta, which every
# search loads; this keeps that under 1 KB on this site.
CHUNK_BYTES = 4000


@dataclass
class IndexResult:
    ok: bool
    pages: dict[str, int] = field(default_factory=dict)  # language -> pages indexed
    output: str = ""
    warning: str = ""  # the index works, but not as small as it should be


def pages_per_language(site_dir: Path) -> dict[str, int]:
    """{'nb': 12, 'ar': 3, ...} from the index Pagefind wrote."""
    entry = json.loads((site_dir / BUNDLE_DIR / "pagefind-entry.json").read_text(encoding="utf-8"))
    return {lang: info["page_count"] for lang, info in entry["languages"].items()}


def command() -> list[str]:
    """Pagefind's binary itself (pagefind-bin-extended, pinned in requirements.txt):
    `python -m pagefind` would start one more Python only to find it."""
    if not os.environ.get("PAGEFIND_BINARY_PATH"):  # `python -m pagefind` honours it
        try:
            from pagefind_bin_extended import get_executable

            return [str(get_executable().absolute())]
        except (ImportError, OSError):
            pass
    return [sys.executable, "-m", "pagefind"]


def build(site_dir: Path) -> IndexResult:
    """Index `site_dir` in place; the bundle goes to `site_dir/pagefind/`."""
    bundle = site_dir / BUNDLE_DIR
    if bundle.exists():  # a fresh index every build, never a stale language
        shutil.rmtree(bundle)
    proc = subprocess.run(
        [*command(), "--site", str(site_dir), "--output-subdir", BUNDLE_DIR],
        capture_output=True,
        text=True,
    )
    output = proc.stdout + proc.stderr
    if proc.returncode != 0 or not (bundle / "pagefind.js").exists():
        return IndexResult(False, output=output)
    for name in _UNUSED:
        (bundle / name).unlink(missing_ok=True)
    warning = ""
    try:
        pagefind_chunks.rechunk(bundle, CHUNK_BYTES)
    except pagefind_chunks.FormatError as error:
        warning = (
            f"scripts/render/pagefind_chunks.py:1: Pagefind's index chunks were left as built ({error}), "
            "so a search downloads 30-50 KB more. Check the new index layout and update KNOWN_VERSIONS."
        )
    return IndexResult(True, pages_per_language(site_dir), output, warning)
