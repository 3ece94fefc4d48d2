"""One small stylesheet for every page: Material's CSS pruned to the rules the built site uses.

Material's stylesheet (main.*.min.css, 137 KB, 23 KB gzip) styles every
feature of the theme; this site uses a small part of it. After every language
is built, PurgeCSS (npm, run by css_prune.cjs next to this file) keeps only
the rules whose classes, ids, tags and attributes occur in a built page or in
a string of one of the site's own scripts (which add classes and attributes
at run time, always written as strings: className = "x", classList.add("x"),
querySelector(".x")), plus the custom properties and animations those rules
still use. The result, followed by the site's own stylesheets (mkdocs.yml
extra_css), is one file, BUNDLE, the only stylesheet overrides/main.html
links on every page; css_split.py then moves the rules for admonitions,
tables, cards and buttons into files that only pages with such elements
link (offers.css and guide.css also load only where they are used).

A class an editor uses later (a new admonition type, a table, tabs) is kept
automatically the next time the site is built, because the pruning reads the
built pages. A build whose pages, scripts and theme give PurgeCSS exactly the
same input as an earlier build's takes the earlier result from the cache
(css/ in the hooks' build cache), as PurgeCSS would give the same output.
`mkdocs serve` skips all this and links Material's own files.

Without node or PurgeCSS the build goes on with the whole theme stylesheet
(a bigger first view, nothing missing) and the hooks print a warning; the
tests fail then (tests/render/test_css_prune.py).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from scripts.model.built import BuiltSite, Selectors
from scripts.render import build_cache, css_split

STYLESHEETS = "assets/stylesheets"
BUNDLE = f"{STYLESHEETS}/bundle.min.css"
# Material's files, in the order its template links them.
THEME_CSS = ("main.*.min.css", "palette.*.min.css")
NODE_SCRIPT = Path(__file__).with_name("css_prune.cjs")
PURGECSS_PACKAGE = Path(__file__).resolve().parent.parent.parent / "node_modules" / "purgecss" / "package.json"
# Set only by a script from text it gets at run time, so neither the pages
# nor the scripts' strings spell it: Pagefind marks the matched words of a
# search result with <mark>.
SAFELIST = ["mark"]

_VAR = re.compile(r"var\(\s*(--[\w-]+)")
# A script's strings, where it writes any class, tag or attribute it sets or looks for.
_STRING = re.compile(r""""(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|`(?:\\.|[^`\\])*`""")
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")


class PruneError(Exception):
    """PurgeCSS could not run: the message says why and what to do."""


@dataclass
class Bundle:
    pruned: bool
    theme_bytes: int  # Material's CSS before pruning
    message: str = ""


def theme_files(site_dir: Path) -> list[Path]:
    """Material's stylesheets in the built site, in the order the theme links them."""
    return [path for pattern in THEME_CSS for path in sorted((site_dir / STYLESHEETS).glob(pattern))]


def used_variables(texts: list[str]) -> list[str]:
    """Custom properties (--md-...) that the site's own CSS or style attributes use."""
    return sorted({name for text in texts for name in _VAR.findall(text)})


def script_words(scripts: list[Path]) -> set[str]:
    """The words in the scripts' strings: every class, tag or attribute a script
    may add or look for (for PurgeCSS, and for css_split.py's conflicts)."""
    return {
        word
        for path in scripts
        for string in _STRING.findall(path.read_text(encoding="utf-8"))
        for word in re.findall(r"[A-Za-z0-9_-]+", string)
    }


def _cache_file(cache_dir: Path | None, job: dict) -> Path | None:
    """Where the result of `job` is kept: named by everything PurgeCSS would
    read (the job, with the scripts' words; PurgeCSS's version; css_prune.cjs)."""
    if cache_dir is None or "selectors" not in job:
        return None
    return cache_dir / (
        build_cache.name(
            json.dumps(job, sort_keys=True),
            PURGECSS_PACKAGE.read_text(encoding="utf-8") if PURGECSS_PACKAGE.exists() else "",
            NODE_SCRIPT.read_text(encoding="utf-8"),
        )
        + ".css"
    )


def prune(
    css: str,
    pages: Selectors | list[Path],
    words: set[str],
    keep_variables: list[str],
    cache_dir: Path | None = None,
) -> str:
    """`css` with only the rules the pages and the site's scripts use (PurgeCSS).

    `pages`: what the built pages' tags, classes, ids and attributes are, as
    the site model read them (one parse per page for everything), or HTML
    files for PurgeCSS to read itself (the same result: tests/render/test_css_prune.py).
    `words`: the words in the scripts' strings (`script_words`).
    `cache_dir`: where a result is kept for the next build with exactly the
    same input (css/ in the hooks' build cache); without it PurgeCSS runs every time."""
    node = shutil.which("node")
    if node is None:
        raise PruneError("node is not installed. Run `python3 scripts/docs.py setup` (it installs nodejs and npm).")
    job = {
        "css": css,
        "script_words": sorted(words),
        "safelist": {"standard": SAFELIST, "variables": keep_variables},
    }
    if isinstance(pages, Selectors):
        job["selectors"] = pages.as_purgecss()
    else:
        job["html"] = [str(p) for p in pages]
    cached = _cache_file(cache_dir, job)
    if cached is not None and cached.is_file():
        try:
            return cached.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            pass  # unreadable: PurgeCSS runs, and the file is written anew
    proc = subprocess.run(
        [node, str(NODE_SCRIPT)], input=json.dumps(job), capture_output=True, text=True, encoding="utf-8"
    )
    if proc.returncode != 0:
        missing = [line.strip() for line in proc.stderr.splitlines() if "Cannot find module" in line]
        if missing:
            raise PruneError(f"PurgeCSS is not installed ({missing[0]}). Run `npm ci --ignore-scripts`.")
        raise PruneError(f"PurgeCSS failed: {proc.stderr.strip()}")
    if cached is not None:
        build_cache.keep(cached, proc.stdout.encode("utf-8"))
    return proc.stdout


def write_bundle(
    site_dir: Path, own_css: list[Path], own_scripts: list[Path], built: BuiltSite, cache_dir: Path | None = None
) -> Bundle:
    """Write BUNDLE (pruned theme CSS + `own_css`) and the files of its parts
    (css_split.py), and remove Material's now unused files.

    `built`: the built site as scanned once (scripts/model/built.py): its
    pages' selectors and style attributes. `cache_dir`: see prune()."""
    themes = theme_files(site_dir)
    theme_css = "\n".join(_SOURCE_MAP.sub("", p.read_text(encoding="utf-8")).strip() for p in themes)
    own = [p.read_text(encoding="utf-8") for p in own_css]
    words = script_words(own_scripts)
    message = ""
    try:
        styles = [style for page in built.pages.values() for style in page.styles]
        kept = prune(theme_css, built.selectors(), words, used_variables(own + styles), cache_dir)
    except PruneError as error:
        kept, message = theme_css, str(error)
    whole = "\n".join([kept.strip(), *(css.strip() for css in own)])
    # Custom properties that something outside the bundle uses stay in it:
    # style attributes, and the stylesheets only some pages load (offers.css, guide.css).
    outside = [p for p in (site_dir / STYLESHEETS).glob("*.css") if p not in themes and p not in own_css]
    keep = set(used_variables(styles + [p.read_text(encoding="utf-8") for p in outside]))
    split = css_split.split(whole, built.shapes(), words, keep)
    (site_dir / BUNDLE).write_text(split.bundle + "\n", encoding="utf-8")
    for part, text in split.parts.items():
        # Written even when empty: the pages that have the part's elements link it.
        (site_dir / part.file).write_text(text + "\n", encoding="utf-8")
    for path in themes:
        path.unlink()
        path.with_name(path.name + ".map").unlink(missing_ok=True)
    return Bundle(not message, len(theme_css.encode()), message)
