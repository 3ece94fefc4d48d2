"""The project's one command line: python -m scripts <command> [options].

    python -m scripts check                 # every source check (what `docs.py check` runs)
    python -m scripts check content offers  # only these checks
    python -m scripts check --site site     # also the built-site checks on ./site
    python -m scripts coverage --markdown   # translation coverage as tables
    python -m scripts stamp docs/en/tolk/index.md
    python -m scripts changes               # what changed in Norwegian since each outdated translation
    python -m scripts changes --base origin/main --markdown   # the pages a pull request makes outdated
    python -m scripts review-view docs/en/tolk/index.md -o review.html
    python -m scripts review-view -o review  # every translation, one HTML file each, and index.html
    python -m scripts lix                   # readability of every Norwegian page
    python -m scripts urls --update         # rewrite data/published-urls.txt from ./site
    python -m scripts redirects             # list the redirects, per language
    python -m scripts links --external      # check external links with linkchecker (slow)
    python -m scripts bidi --site site      # right-to-left runs not isolated
    python -m scripts search-index --site site
    python -m scripts reviews --within 60  # pages due for review soon (the weekly issue job)
    python -m scripts languages             # what the checks read from mkdocs.yml

Every command takes --root (the repository, default: this one); those that
read a built site take --site; those that judge dates take --today
(YYYY-MM-DD, default: today). Exit status: 0 fine, 1 a problem was found,
2 the command could not run. Each command has --help.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from scripts import checks
from scripts.checks import content, links, readability, urls
from scripts.model.config import ConfigError, load_config
from scripts.model.pages import coverage
from scripts.model.problem import Problem
from scripts.model.site import SiteModel
from scripts.render import (
    bidi,
    changes,
    coverage_table,
    redirect_pages,
    review_issues,
    review_view,
    search_index,
)
from scripts.render.stamp import StampError, stamp


def print_problems(problems: list[Problem]) -> None:
    for problem in sorted(problems):
        print(problem, file=sys.stderr)


def report(problems: list[Problem]) -> int:
    """Print the problems and a count; 1 when there is an error (warnings never fail)."""
    print_problems(problems)
    errors = sum(p.is_error for p in problems)
    print(f"{errors} error(s), {len(problems) - errors} warning(s)", file=sys.stderr)
    return 1 if errors else 0


def _model(args, site_required: bool = False) -> SiteModel:
    cfg = load_config(args.root, site_dir=getattr(args, "site", None))
    site = getattr(args, "site", None)
    if site_required and site is None:
        site = cfg.site_dir
    if site is not None and not (Path(site) / "index.html").exists():
        raise ConfigError(f"{site}: no built site here (no index.html). Build it first: python3 scripts/docs.py build")
    today = getattr(args, "today", None) or dt.date.today()
    return SiteModel(cfg, today, site_dir=Path(site).resolve() if site is not None else None)


def cmd_check(args) -> int:
    model = _model(args)
    names = args.names or None
    if names:
        unknown = [n for n in names if n not in checks.ALL]
        if unknown:
            raise ConfigError(f"unknown check(s): {', '.join(unknown)}. The checks are: {', '.join(checks.ALL)}.")
        chosen = [checks.ALL[n] for n in names]
        if any(c in checks.BUILT_CHECKS for c in chosen) and model.site_dir is None:
            raise ConfigError(
                "the built-site checks need a built site: add --site site (after python3 scripts/docs.py build)."
            )
    else:
        chosen = list(checks.SOURCE_CHECKS) + (list(checks.BUILT_CHECKS) if model.site_dir else [])
    problems = []
    for check in chosen:
        if check.name == "published":
            problems += urls.check_built(model, require_listed=args.require_listed)
        else:
            problems += check.run(model)
    return report(sorted(set_unique(problems)))


def set_unique(problems: list[Problem]) -> list[Problem]:
    seen, found = set(), []
    for problem in problems:
        key = (problem.severity, str(problem))
        if key not in seen:
            seen.add(key)
            found.append(problem)
    return found


def cmd_coverage(args) -> int:
    model = _model(args)
    found = coverage(model.pages)
    priority = [path for path, _ in model.review_priority.pages]
    first = coverage_table.review_first(found, priority)
    problems = checks.ALL["translation"].run(model) + checks.ALL["interface"].run(model)
    if args.json:
        for locale, data in found["languages"].items():
            prefix = model.cfg.rel(model.cfg.lang_dir(locale)) + "/"
            data["review_first"] = first[locale]
            data["malformed"] = sorted(
                {p.path[len(prefix) :] for p in problems if p.check == "translation" and p.path.startswith(prefix)}
            )
        found["problems"] = [
            {"path": p.path, "line": p.line, "severity": p.severity, "message": p.message} for p in sorted(problems)
        ]
        print(json.dumps(found, ensure_ascii=False, indent=2))
    elif args.markdown:
        print("# Oversettelser\n")
        print(coverage_table.markdown_table(model.cfg, found, priority=priority))
        errors = [p for p in sorted(problems) if p.is_error]
        if errors:
            print("## Feil {#feil}\n")
            print("\n".join(f"- `{p}`" for p in errors))
    else:
        for locale, d in found["languages"].items():
            print(
                f"{locale}: {d['translated']}/{d['total']} translated ({d['percent']:.0f} "
                f"%; {d['reviewed']} reviewed, {d['machine']} machine), {d['outdated']} outdated, "
                f"{d['missing']} missing, {d['orphan']} orphan"
            )
            if first[locale]:
                print(f"  review first: {', '.join(first[locale])}")
    print_problems(problems)
    failed = any(p.is_error for p in problems)
    if args.fail_under is not None:
        low = {loc: d["percent"] for loc, d in found["languages"].items() if d["percent"] < args.fail_under}
        for locale, percent in low.items():
            print(f"{locale}: coverage {percent:.0f} % is below --fail-under {args.fail_under:g} %", file=sys.stderr)
        failed = failed or bool(low)
    return 1 if failed else 0


def cmd_stamp(args) -> int:
    cfg = load_config(args.root)
    status = 0
    for path in args.files:
        try:
            value = stamp(cfg, path)
        except StampError as exc:
            print(exc, file=sys.stderr)
            status = 1
            continue
        print(f"{cfg.rel(Path(path).resolve())}: source_hash: {value}")
    return status


def _translations(model: SiteModel, files: list[Path]) -> list:
    """The translations named on the command line (as SourcePages); ConfigError for anything else."""
    from scripts.model.urls import split_source

    found = []
    for file in files:
        file = Path(file)
        if not file.is_absolute() and not file.exists():  # relative to --root
            file = model.cfg.root / file
        where = split_source(model.cfg, file.resolve())
        page = model.pages.page(*where) if where else None
        if page is None or where[0] == model.cfg.default_locale:
            raise ConfigError(
                f"{file}: not a translation (a page under {model.cfg.rel(model.cfg.docs_dir)}/<language>/ "
                "other than Norwegian)."
            )
        found.append(page)
    return found


def cmd_changes(args) -> int:
    model = _model(args)
    if not model.history.is_repository():
        raise ConfigError(f"{model.cfg.root}: not a git repository; the earlier Norwegian texts come from git.")
    files = [p.shown for p in _translations(model, args.files)] if args.files else None
    try:
        found = changes.report(model.pages, model.history, files, base=args.base)
    except changes.GitError as exc:
        raise ConfigError(
            f"--base {args.base}: {exc}. Name a branch or commit git knows (in CI: fetch-depth: 0)."
        ) from None
    if args.markdown:
        print(changes.as_markdown(found, {lang.locale: lang.name for lang in model.cfg.languages}))
    else:
        print(changes.as_text(found))
    return 0


def cmd_review_view(args) -> int:
    model = _model(args)
    cfg, site = model.cfg, model.pages
    names = {lang.locale: lang.name for lang in cfg.languages}
    pages = (
        _translations(model, args.files)
        if args.files
        else [
            page
            for locale in cfg.translation_locales
            for path, page in sorted(site.pages.get(locale, {}).items())
            if not page.for_editors
        ]
    )
    written = []
    for page in pages:
        source = site.source_of(page)
        if source is None or not source.readable or not page.readable:
            print(f"{page.shown}: skipped (no readable Norwegian page, or unreadable front matter)", file=sys.stderr)
            continue
        state = site.state(page.locale, page.path)
        if state == "translated":
            state = str(page.translation_meta.get("status") or "translated")
        text = review_view.render(
            source, page, state=state, direction=model.interface.direction(page.locale), name=names[page.locale]
        )
        written.append((page, state, text))
    out = Path(args.output)
    if args.files and len(args.files) == 1 and out.suffix == ".html":
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(written[0][2] if written else "", encoding="utf-8")
        print(f"wrote {out}", file=sys.stderr)
        return 0 if written else 1
    out.mkdir(parents=True, exist_ok=True)
    entries = []
    for page, state, text in written:
        name = f"{page.locale}--{page.path.replace('/', '--').removesuffix('.md')}.html"
        (out / name).write_text(text, encoding="utf-8")
        entries.append((name, page.shown, state))
    (out / "index.html").write_text(review_view.index(entries), encoding="utf-8")
    print(f"wrote {len(entries)} review view(s) and {out / 'index.html'}", file=sys.stderr)
    return 0


def cmd_lix(args) -> int:
    model = _model(args)
    print(
        f"LIX per Norwegian page (warning above {readability.LIX_PAGE_WARNING}; site "
        f"goal {readability.LIX_SITE_WARNING}):"
    )
    for path, (score, words) in sorted(readability.scores(model).items(), key=lambda item: -item[1][0]):
        print(f"{score:6.1f}  {words:6d} words  {path or 'whole site'}")
    return 0


def cmd_urls(args) -> int:
    model = _model(args, site_required=True)
    if args.update:
        problems = [p for p in urls.redirect_problems(model) + urls.check_built(model) if p.is_error]
        absent = sorted(set(model.cfg.locales) - urls.built_locales(model))
        if absent:
            problems.append(
                Problem(
                    model.cfg.rel(model.site_dir),
                    0,
                    f"the build has no pages for {', '.join(absent)}. Build every language (python3 "
                    "scripts/docs.py build) before updating the list.",
                    check="urls",
                )
            )
        if problems:
            print_problems(problems)
            return 1
        path = model.cfg.root / urls.LIST_FILE
        path.write_text("".join(f"{url}\n" for url in sorted(model.built.page_urls)), encoding="utf-8")
        print(f"wrote {urls.LIST_FILE}", file=sys.stderr)
        return 0
    return report(urls.redirect_problems(model) + urls.check_built(model, require_listed=args.require_listed))


def cmd_redirects(args) -> int:
    model = _model(args)
    cfg = model.cfg
    problems = urls.redirect_problems(model)
    print_problems(problems)
    if args.site:
        usable = [r for r in model.redirects.entries if urls.usable(cfg, r)]
        site_url = os.environ.get("SITE_URL") or cfg.site_url
        written = redirect_pages.write(cfg, model.interface, usable, model.site_dir, site_url)
        print(f"wrote {len(written)} redirect page(s) into {cfg.rel(model.site_dir)}", file=sys.stderr)
        return 1 if problems else 0
    from scripts.model.urls import page_url, prefix

    for redirect in model.redirects.entries:
        state = "" if urls.usable(cfg, redirect) else "   (not written: see python -m scripts check urls)"
        for lang in cfg.languages:
            lang_prefix = prefix(cfg, lang.locale)
            new = redirect.target if redirect.external else f"/{lang_prefix}{page_url(redirect.target)}"
            print(
                f"data/redirects.yml:{redirect.line}: /{lang_prefix}{page_url(redirect.old)} "
                f"-> {new}{redirect.fragment}{state}"
            )
    return 1 if any(p.is_error for p in problems) else 0


def cmd_links(args) -> int:
    model = _model(args, site_required=True)
    if args.list_external:
        for url, pages in links.external_links(model).items():
            print(f"{url}\t{len(pages)} page(s)\t{pages[0]}")
        return 0
    if args.external:
        from scripts.tools import external_links

        found = external_links.check_external(
            links.external_links(model),
            args.cache,
            args.max_age,
            args.timeout,
            args.retries,
            args.slow,
            args.retry_wait,
        )
        for path in external_links.write_reports(found, args.report_dir):
            print(path)
        print((args.report_dir / "external-links.md").read_text(encoding="utf-8"))
        return 1 if args.fail_on_dead and any(r["state"] == "dead" for r in found["links"]) else 0
    problems = links.check(model)
    print_problems(problems)
    print(f"{len(problems)} broken internal link(s)", file=sys.stderr)
    return 1 if problems else 0


def cmd_bidi(args) -> int:
    model = _model(args, site_required=True)
    count = 0
    for rel in sorted(model.built.pages):
        for run in bidi.unisolated_runs(model.built.read_text(rel)):
            count += 1
            print(f"{model.cfg.rel(model.site_dir)}/{rel}: not isolated: {run!r}")
    return 1 if count else 0


def cmd_search_index(args) -> int:
    site = args.site or load_config(args.root).site_dir
    result = search_index.build(Path(site))
    if not result.ok:
        print(result.output, file=sys.stderr)
        print(f"error: Pagefind could not index {site}", file=sys.stderr)
        return 1
    if result.warning:
        print(f"warning: {result.warning}", file=sys.stderr)
    for lang, count in sorted(result.pages.items()):
        print(f"{lang}: {count} pages indexed")
    return 0


def cmd_reviews(args) -> int:
    model = _model(args)
    due = content.due_for_review(model, args.within)
    if args.write:
        index = review_issues.write(args.write, due, model.today)
        print(f"wrote {len(due)} issue text(s) and {index}", file=sys.stderr)
    elif args.json:
        rows = [
            {"page": p.shown, "title": p.meta.get("title"), "next_review": d.isoformat(), "overdue": d < model.today}
            for p, d in due
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for page, date in due:
            state = "overdue" if date < model.today else f"in {(date - model.today).days} days"
            print(f"{page.shown}: next review {date.isoformat()} ({state})")
    return 0


def cmd_languages(args) -> int:
    model = _model(args)
    for lang in model.cfg.languages:
        mark = " (default, source language)" if lang.default else ""
        print(f"{lang.locale}\t{lang.name}\t{len(model.pages.pages.get(lang.locale, {}))} pages{mark}")
    return 0


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date; write YYYY-MM-DD") from None


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="python -m scripts", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = main_parser.add_subparsers(dest="command", metavar="command")

    def add(name: str, func, help_text: str, *, site: bool = False, today: bool = False) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.add_argument("--root", type=Path, default=None, help="repository root (default: this repository)")
        if site:
            command.add_argument(
                "--site", type=Path, default=None, help="a built site folder (default: site_dir of mkdocs.yml, ./site)"
            )
        if today:
            command.add_argument(
                "--today", type=_date, default=None, help="judge dates as if today were this day (YYYY-MM-DD)"
            )
        command.set_defaults(func=func)
        return command

    names = "\n".join(f"  {c.name:12} {c.summary}" for c in checks.SOURCE_CHECKS + checks.BUILT_CHECKS)
    check = add(
        "check",
        cmd_check,
        "run the checks (all source checks by default; with --site also the built-site checks)",
        site=True,
        today=True,
    )
    check.formatter_class = argparse.RawDescriptionHelpFormatter
    check.epilog = "checks:\n" + names
    check.add_argument("names", nargs="*", metavar="CHECK", help="only these checks (see the list below)")
    check.add_argument(
        "--require-listed",
        action="store_true",
        help="new addresses missing from data/published-urls.txt are errors (CI)",
    )

    cov = add("coverage", cmd_coverage, "translation coverage per language, and its problems")
    out = cov.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the report as JSON")
    out.add_argument("--markdown", action="store_true", help="print the report as Markdown tables (CI job summary)")
    cov.add_argument(
        "--fail-under",
        type=float,
        default=None,
        metavar="PERCENT",
        help="exit 1 if a language has fewer than PERCENT %% of pages translated",
    )

    st = add("stamp", cmd_stamp, "record the Norwegian page's current hash in these translations (after updating them)")
    st.add_argument("files", nargs="+", type=Path, metavar="FILE", help="translations, e.g. docs/en/tolk/index.md")

    ch = add(
        "changes",
        cmd_changes,
        "word by word, what changed in the Norwegian page since each outdated translation was made (from git)",
    )
    ch.add_argument("files", nargs="*", type=Path, metavar="FILE", help="only these translations")
    ch.add_argument(
        "--base",
        default=None,
        metavar="REF",
        help="only the translations the changes since REF make outdated (a pull request: origin/main)",
    )
    ch.add_argument("--markdown", action="store_true", help="Markdown with each diff folded (CI job summary)")

    rvw = add(
        "review-view",
        cmd_review_view,
        "the Norwegian page and its translation side by side, as self-contained HTML for a reviewer",
    )
    rvw.add_argument("files", nargs="*", type=Path, metavar="FILE", help="translations (default: all)")
    rvw.add_argument(
        "-o",
        "--output",
        default="review-view",
        help="a .html file for one translation, else a folder (default: review-view/)",
    )

    add("lix", cmd_lix, "readability (LIX) of every Norwegian page and of the whole site")

    u = add("urls", cmd_urls, "check a built site against data/published-urls.txt", site=True)
    u.add_argument("--require-listed", action="store_true", help="new addresses missing from the list are errors (CI)")
    u.add_argument(
        "--update",
        action="store_true",
        help="rewrite the list from the built site (refused while an address would be lost)",
    )

    add(
        "redirects",
        cmd_redirects,
        "list the redirects of data/redirects.yml per language (with --site: write their pages into it)",
        site=True,
    )

    lk = add(
        "links",
        cmd_links,
        "internal links of a built site; --external checks external links with linkchecker",
        site=True,
    )
    lk.add_argument(
        "--list-external", action="store_true", help="list external addresses and where they are used; fetch nothing"
    )
    lk.add_argument(
        "--external",
        action="store_true",
        help="check external addresses with linkchecker and write a report (slow; never in a build)",
    )
    lk.add_argument("--timeout", type=int, default=20, help="seconds to wait for each external site (default 20)")
    lk.add_argument("--retries", type=int, default=2, help="re-checks of a failed address (default 2)")
    lk.add_argument(
        "--retry-wait",
        type=float,
        default=2.0,
        help="seconds before the first re-check, doubled for the next (default 2)",
    )
    lk.add_argument(
        "--slow", type=float, default=5.0, help="report addresses slower than this many seconds (default 5)"
    )
    lk.add_argument(
        "--max-age", type=float, default=24.0, help="reuse good results younger than this many hours (default 24)"
    )
    lk.add_argument(
        "--cache",
        type=Path,
        default=Path(".cache/external-links.json"),
        help="cache file (default .cache/external-links.json)",
    )
    lk.add_argument(
        "--report-dir",
        type=Path,
        default=Path(".cache/link-report"),
        help="where --external writes external-links.md/.csv/.json",
    )
    lk.add_argument(
        "--fail-on-dead",
        action="store_true",
        help="with --external: exit 1 if an address is dead (scheduled jobs only)",
    )

    add(
        "bidi",
        cmd_bidi,
        "list left-to-right runs on right-to-left pages of a built site that are not isolated",
        site=True,
    )
    add("search-index", cmd_search_index, "build the Pagefind search index of a built site again", site=True)
    rv = add("reviews", cmd_reviews, "pages whose review is due within --within days, or overdue", today=True)
    rv.add_argument("--within", type=int, default=60, help="days ahead (default 60)")
    rv.add_argument("--json", action="store_true", help="print the list as JSON")
    rv.add_argument(
        "--write", type=Path, default=None, metavar="DIR", help="write one issue text per page and DIR/index.tsv"
    )
    add("languages", cmd_languages, "the languages the checks read from mkdocs.yml, with their page counts")
    return main_parser


def main(argv: list[str] | None = None) -> int:
    main_parser = parser()
    args = main_parser.parse_args(argv)
    if not getattr(args, "func", None):
        main_parser.print_help()
        return 0
    try:
        return args.func(args)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
