"""Translation coverage: which pages are translated, missing, outdated or orphaned.

    python -m scripts.translation_coverage                  # summary + problems
    python -m scripts.translation_coverage --markdown       # tables (CI job summary)
    python -m scripts.translation_coverage --json           # the same, as JSON
    python -m scripts.translation_coverage --fail-under 80  # exit 1 below 80 % in any language
    python -m scripts.translation_coverage --stamp docs/en/rettigheter/index.md

For every Norwegian page and every other language a page is

* translated: the translation records (``translation.source_hash``) the
  current content hash of the Norwegian page;
* outdated:   it records another hash (the Norwegian text changed since);
* missing:    there is no translation (readers get the Norwegian text and a notice);
* orphan:     a translation whose Norwegian page does not exist (an error).

Coverage = translated / Norwegian pages. Outdated pages do not count.
Pages for editors (front matter ``audience: editors``) are left out.

Interface strings: every key of overrides/partials/languages/<default>.html
and of Material's own en.html must be in every language's file there.

Exit status 1 on orphans, malformed translation metadata, missing interface
strings or coverage below --fail-under. Missing and outdated pages are not
errors: in a build they are printed as warnings.

--stamp FILE... records the current hash of the Norwegian page in each
translation's front matter (after you have brought the translation up to
date). Only that one line changes; the rest of the file stays byte for byte.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import page_notices
from scripts.site_config import FRONT_MATTER, INTERFACE_KEY, MarkdownPage, Problem, SiteConfig, load_config, print_problems, read_page, source_hash

STATUSES = ("translated", "outdated", "missing")
TRANSLATION_STATUSES = ("machine", "reviewed")
HASH = re.compile(r"^[0-9a-f]{12}$")
STAMP_COMMAND = "python -m scripts.translation_coverage --stamp"


_PAGES: dict[tuple[Path, int, int], MarkdownPage] = {}


def cached_page(path: Path) -> MarkdownPage:
    """read_page, once per file version: the content and coverage checks both
    read every page in the same build (the key has the file's time and size,
    so an edited file is read again under `mkdocs serve`)."""
    stat = path.stat()
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _PAGES:
        _PAGES[key] = read_page(path)
    return _PAGES[key]


def is_editor_page(page: MarkdownPage) -> bool:
    """Editor-only pages (audience: editors) are not translated and not counted."""
    return page.meta.get("audience") == "editors"


# --- translation metadata ---------------------------------------------------


def meta_problems(cfg: SiteConfig, page: MarkdownPage) -> list[Problem]:
    """Problems with a translation's `translation:` block (status, source_hash)."""
    path = cfg.rel(page.path)
    if page.meta_error:
        return []  # check_content reports unreadable front matter
    how = f"Run: {STAMP_COMMAND} {path} (it adds 'translation:' with 'status: machine' and the code of the Norwegian page)"
    if "translation" not in page.meta:
        return [Problem(path, 1, f"the front matter has no 'translation' field. {how}", check="translation")]
    line = page.line_of("translation")
    tr = page.meta["translation"]
    if not isinstance(tr, dict):
        return [Problem(path, line, f"'translation' must have the fields 'status' and 'source_hash' on their own lines. {how}", check="translation")]
    problems = []
    status = tr.get("status")
    if status not in TRANSLATION_STATUSES:
        problems.append(Problem(path, line, f"translation status is {status!r}; it must be 'machine' (not yet checked by a qualified person) or 'reviewed'. Fix the 'status:' line under 'translation:'.", check="translation"))
    value = recorded_hash(page)
    if value is None or not HASH.match(value):
        shown = repr(value) if value is not None else "missing"
        problems.append(Problem(path, line, f"translation source_hash is {shown}; it must be the 12-character code of the Norwegian page. Run: {STAMP_COMMAND} {path}", check="translation"))
    return problems


_WRITTEN_HASH = re.compile(r"""(?m)^[ \t]+source_hash[ \t]*:[ \t]*["']?([^"'\s#]*)""")


def recorded_hash(page: MarkdownPage) -> str | None:
    """The source_hash as written: YAML would read 000000000000 as the number 0."""
    tr = page.meta.get("translation")
    if not isinstance(tr, dict) or tr.get("source_hash") is None:
        return None
    written = _WRITTEN_HASH.search(page.text[: page.text.find("\n---", 3)])
    return written.group(1) if written else str(tr["source_hash"])


# --- coverage ---------------------------------------------------------------


def coverage(cfg: SiteConfig) -> dict:
    """{'source': 'nb', 'pages': [...], 'languages': {locale: {...}}} for reports."""
    default = cfg.default_locale
    sources = {}
    for rel in cfg.pages(default):
        page = cached_page(cfg.lang_dir(default) / rel)
        if not is_editor_page(page):
            sources[rel.as_posix()] = source_hash(page.path)
    result = {"source": default, "pages": sorted(sources), "languages": {}}
    for locale in cfg.translation_locales:
        pages: dict[str, str] = {}
        orphans: list[str] = []
        malformed: list[str] = []
        for rel in cfg.pages(locale):
            key = rel.as_posix()
            page = cached_page(cfg.lang_dir(locale) / rel)
            if key not in sources:
                if not is_editor_page(page) and not (cfg.lang_dir(default) / rel).exists():
                    orphans.append(key)
                continue
            if meta_problems(cfg, page):
                malformed.append(key)
            pages[key] = "translated" if recorded_hash(page) == sources[key] else "outdated"
        for key in sources:
            pages.setdefault(key, "missing")
        counts = {status: sum(1 for s in pages.values() if s == status) for status in STATUSES}
        total = len(sources)
        result["languages"][locale] = {
            **counts,
            "orphan": len(orphans),
            "total": total,
            "percent": round(100 * counts["translated"] / total, 1) if total else 100.0,
            "pages": dict(sorted(pages.items())),
            "orphans": sorted(orphans),
            "malformed": sorted(malformed),
        }
    return result


# --- interface strings --------------------------------------------------------

def interface_keys(path: Path) -> dict[str, int]:
    """Keys of a Material language partial, with their line numbers."""
    text = path.read_text(encoding="utf-8")
    return {m.group(1): text.count("\n", 0, m.start()) + 1 for m in INTERFACE_KEY.finditer(text)}


def material_languages_dir() -> Path:
    import material

    return Path(material.__file__).parent / "templates" / "partials" / "languages"


def interface_problems(cfg: SiteConfig) -> list[Problem]:
    if not (cfg.raw.get("theme") or {}).get("custom_dir"):
        return []
    ours = cfg.interface_dir
    default_file = ours / f"{cfg.default_locale}.html"
    wanted: dict[str, str] = {}  # key -> file it comes from
    for source in (material_languages_dir() / "en.html", default_file):
        if source.exists():
            for key in interface_keys(source):
                wanted.setdefault(key, cfg.rel(source) if source == default_file else "Material's en.html")
    problems = []
    for lang in cfg.languages:
        path = ours / f"{lang.locale}.html"
        if not path.exists():
            if (material_languages_dir() / f"{lang.locale}.html").exists() and not any(k.startswith("site.") for k in wanted):
                continue
            problems.append(Problem(cfg.rel(path), 0, f"the interface texts for '{lang.locale}' are missing. Copy {cfg.rel(default_file)} to this name and translate the texts.", check="interface"))
            continue
        have = interface_keys(path)
        end = path.read_text(encoding="utf-8").count("\n")  # the closing line of the list
        for key in wanted:
            if key not in have:
                problems.append(Problem(cfg.rel(path), end, f'the interface text "{key}" is missing. Copy its line from {wanted[key]} into this file and translate the text.', check="interface"))
    return problems


# --- the per-build check -------------------------------------------------------


def check(cfg: SiteConfig) -> list[Problem]:
    """Build-time problems: orphans and missing interface strings are errors;
    outdated pages and each language's missing pages are warnings. (Malformed
    translation metadata is reported by check_content, which checks all front matter.)"""
    problems = interface_problems(cfg)
    report = coverage(cfg)
    default = cfg.default_locale
    for locale, data in report["languages"].items():
        for key in data["orphans"]:
            problems.append(Problem(cfg.rel(cfg.lang_dir(locale) / key), 1, f"this translation has no Norwegian page ({cfg.rel(cfg.lang_dir(default) / key)} does not exist). Move it to the same path as its Norwegian page, or delete it.", check="coverage"))
        for key, status in data["pages"].items():
            if status == "outdated" and key not in data["malformed"]:
                problems.append(Problem(cfg.rel(cfg.lang_dir(locale) / key), 1, f"the Norwegian page {cfg.rel(cfg.lang_dir(default) / key)} has changed since this translation was made; readers see an 'outdated' notice. Update the translation, then run: {STAMP_COMMAND} {cfg.rel(cfg.lang_dir(locale) / key)}", severity="warning", check="coverage"))
        if data["missing"]:
            problems.append(Problem(cfg.rel(cfg.lang_dir(locale)), 0, f"{data['missing']} of {data['total']} pages are not translated yet (readers get the Norwegian text with a notice). See: python -m scripts.translation_coverage", severity="warning", check="coverage"))
    return problems


def all_problems(cfg: SiteConfig) -> list[Problem]:
    """Everything the standalone script reports: the build check plus malformed metadata."""
    problems = check(cfg)
    for locale in cfg.translation_locales:
        for rel in cfg.pages(locale):
            page = cached_page(cfg.lang_dir(locale) / rel)
            if not is_editor_page(page):
                problems += meta_problems(cfg, page)
    return problems


# --- reports ---------------------------------------------------------------------

LABELS_NB = {"translated": "oversatt", "outdated": "utdatert", "missing": "mangler", "orphan": "foreldreløs"}


def markdown_table(cfg: SiteConfig, report: dict | None = None, heading_level: int = 2) -> str:
    """The coverage as Markdown (Norwegian labels, for editors and CI summaries)."""
    report = report or coverage(cfg)
    h = "#" * heading_level
    names = {lang.locale: lang.name for lang in cfg.languages}
    locales = list(report["languages"])
    lines = [
        f"{h} Oppsummering {{#oppsummering}}",
        "",
        "| Språk | Oversatt | Utdatert | Mangler | Foreldreløse | Dekning |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for locale in locales:
        d = report["languages"][locale]
        lines.append(f"| {names.get(locale, locale)} (`{locale}`) | {d['translated']} av {d['total']} | {d['outdated']} | {d['missing']} | {d['orphan']} | {d['percent']:.0f} % |")
    lines += ["", f"{h} Side for side {{#side-for-side}}", "", "| Side | " + " | ".join(f"`{l}`" for l in locales) + " |", "|---|" + "---|" * len(locales)]
    for key in report["pages"]:
        cells = [LABELS_NB[report["languages"][l]["pages"][key]] for l in locales]
        lines.append(f"| `{key}` | " + " | ".join(cells) + " |")
    for locale in locales:
        for key in report["languages"][locale]["orphans"]:
            lines.append(f"| `{key}` ({locale}) | " + " | ".join(LABELS_NB["orphan"] if l == locale else "–" for l in locales) + " |")
    return "\n".join(lines) + "\n"


def render_marker(cfg: SiteConfig, locale: str, page) -> str:
    return markdown_table(cfg)


page_notices.register_marker("<!-- translation-coverage -->", render_marker)


# --- --stamp ---------------------------------------------------------------------


def stamp(cfg: SiteConfig, path: Path) -> str:
    """Write the Norwegian page's current hash into this translation. Returns the hash."""
    path = path.resolve()
    try:
        locale, rel = page_notices.split_locale(cfg, str(path))
    except ValueError:
        raise SystemExit(f"{path}: not a page under {cfg.rel(cfg.docs_dir)}/")
    if locale == cfg.default_locale:
        raise SystemExit(f"{cfg.rel(path)}: this is a Norwegian page; stamp its translations instead (docs/<language>/{rel.as_posix()}).")
    source = cfg.lang_dir(cfg.default_locale) / rel
    if not source.exists():
        raise SystemExit(f"{cfg.rel(path)}: there is no Norwegian page {cfg.rel(source)} to record.")
    value = source_hash(source)
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    new = _with_hash(text, value)
    if new is None:
        raise SystemExit(f"{cfg.rel(path)}: could not find where to write source_hash (the front matter must start and end with '---' lines; 'translation:' must be a block, not {{...}}).")
    path.write_bytes(new.encode("utf-8"))
    if recorded_hash(read_page(path)) != value:  # never leave a file we broke
        path.write_bytes(raw)
        raise SystemExit(f"{cfg.rel(path)}: stamping did not give valid front matter; the file is unchanged.")
    return value


def _with_hash(text: str, value: str) -> str | None:
    match = FRONT_MATTER.match(text)
    if not match:
        return None
    nl = "\r\n" if "\r\n" in match.group(0) else "\n"
    shown = f'"{value}"' if value.isdigit() else value  # all digits would read as a number
    lines = match.group(0).splitlines(keepends=True)
    for i, line in enumerate(lines):
        if re.match(r"translation\s*:\s*(#.*)?$", line.rstrip("\r\n")):
            # the indented block under `translation:`
            j = i + 1
            indent = None
            while j < len(lines) - 1 and (lines[j].strip() == "" or lines[j][0] in " \t"):
                child = re.match(r"([ \t]+)source_hash\s*:[^\r\n#]*?(\s*#[^\r\n]*)?(\r?\n)$", lines[j])
                if child:
                    lines[j] = f"{child.group(1)}source_hash: {shown}{child.group(2) or ''}{child.group(3)}"
                    return "".join(lines) + text[match.end():]
                if indent is None and lines[j].strip():
                    indent = re.match(r"[ \t]*", lines[j]).group(0)
                j += 1
            lines.insert(j, f"{indent or '  '}source_hash: {shown}{nl}")
            return "".join(lines) + text[match.end():]
        if re.match(r"translation\s*:\s*\S", line):
            return None  # flow style or a scalar: leave it to a human
    # no translation block yet: add one before the closing '---'
    lines.insert(len(lines) - 1, f"translation:{nl}  status: machine{nl}  source_hash: {shown}{nl}")
    return "".join(lines) + text[match.end():]


# --- command line -------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=None, help="repository root (default: this repository)")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the coverage report as JSON")
    out.add_argument("--markdown", action="store_true", help="print the coverage report as Markdown tables")
    parser.add_argument("--fail-under", type=float, default=None, metavar="PERCENT", help="exit 1 if any language has fewer than PERCENT %% of pages translated (up to date)")
    parser.add_argument("--stamp", nargs="+", type=Path, metavar="FILE", help="record the current hash of the Norwegian page in these translations' front matter")
    args = parser.parse_args(argv)
    cfg = load_config(args.root)

    if args.stamp:
        for path in args.stamp:
            value = stamp(cfg, path)
            print(f"{cfg.rel(path.resolve())}: source_hash: {value}")
        return 0

    report = coverage(cfg)
    problems = all_problems(cfg)
    if args.json:
        report["problems"] = [{"path": p.path, "line": p.line, "severity": p.severity, "message": p.message} for p in sorted(problems)]
        print(json.dumps(report, ensure_ascii=False, indent=2))
    elif args.markdown:
        print("# Oversettelser\n")
        print(markdown_table(cfg, report))
        errors = [p for p in sorted(problems) if p.severity == "error"]
        if errors:
            print("## Feil {#feil}\n")
            print("\n".join(f"- `{p}`" for p in errors))
    else:
        for locale, d in report["languages"].items():
            print(f"{locale}: {d['translated']}/{d['total']} translated ({d['percent']:.0f} %), {d['outdated']} outdated, {d['missing']} missing, {d['orphan']} orphan")
    print_problems(problems)
    failed = any(p.severity == "error" for p in problems)
    if args.fail_under is not None:
        low = {l: d["percent"] for l, d in report["languages"].items() if d["percent"] < args.fail_under}
        for locale, percent in low.items():
            print(f"{locale}: coverage {percent:.0f} % is below --fail-under {args.fail_under:g} %", file=sys.stderr)
        failed = failed or bool(low)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
