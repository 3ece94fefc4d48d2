"""Every address the site ever published keeps working.

data/published-urls.txt lists every published page address in every language
(`/`, `/rettigheter/`, `/en/rettigheter/`, ...), one a line, sorted. After a
build this check compares the list with the built site:

* an address in the list that the build no longer makes, and that no
  redirect in data/redirects.yml covers, is an error: old links, bookmarks
  and printed flyers would break. The message gives the exact line to add to
  data/redirects.yml;
* a redirect that points to a page that does not exist, or away from a page
  that still exists, is an error (a source check: it runs before the build);
* a new address that is not in the list yet is a warning (an error with
  --require-listed, as in CI), so it is protected from then on.

Redirects are written once per page path and work in every language: the
line `gammel/index.md: ny/index.md` makes /gammel/ lead to /ny/, /en/gammel/
to /en/ny/, and so on. scripts/redirects.py reads the file and writes the
redirect pages at the end of the build.

    python -m scripts.check_urls                 # check ./site against the list
    python -m scripts.check_urls --site DIR      # check another built site
    python -m scripts.check_urls --update        # rewrite the list from ./site
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import redirects
from scripts.site_config import Problem, SiteConfig, load_config, print_problems, report

LIST_FILE = Path("data") / "published-urls.txt"
CHECK = "urls"


# ---------------------------------------------------------------- addresses


def read_list(cfg: SiteConfig) -> list[str]:
    path = cfg.root / LIST_FILE
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


def built_urls(site_dir: Path) -> set[str]:
    """Every page address of a built site: each folder with an index.html."""
    urls = set()
    for index in site_dir.rglob("index.html"):
        rel = index.parent.relative_to(site_dir).as_posix()
        urls.add("/" if rel == "." else f"/{rel}/")
    return urls


def split_url(cfg: SiteConfig, url: str) -> tuple[str, str]:
    """('en', 'rettigheter/') for /en/rettigheter/; ('nb', '') for /."""
    parts = url.strip("/").split("/", 1)
    if parts[0] in cfg.translation_locales:
        return parts[0], (parts[1] + "/") if len(parts) > 1 and parts[1] else ""
    return cfg.default_locale, url.lstrip("/")


def page_path(rel_url: str) -> str:
    """rettigheter/ -> rettigheter/index.md (a path inside a language folder)."""
    return f"{rel_url}index.md" if rel_url else "index.md"


def lang_url(cfg: SiteConfig, locale: str, rel_url: str) -> str:
    return f"/{rel_url}" if locale == cfg.default_locale else f"/{locale}/{rel_url}"


def built_locales(cfg: SiteConfig, site_dir: Path) -> set[str]:
    """Languages present in the build (a preview may build only one)."""
    present = set()
    for lang in cfg.languages:
        home = site_dir / "index.html" if lang.default else site_dir / lang.locale / "index.html"
        if home.exists():
            present.add(lang.locale)
    return present


def check_redirects(cfg: SiteConfig) -> list[Problem]:
    """Redirects in data/redirects.yml that cannot work (a source check: it
    runs before the build; the build writes only the redirects that work)."""
    entries, problems = redirects.read(cfg)
    rel = redirects.FILE.as_posix()
    default_dir = cfg.lang_dir(cfg.default_locale)
    for r in entries:
        line = f"'{r.old}: {r.new}'"
        if not redirects.is_page_path(r.old) or redirects.page_url(r.old) == "":
            problems.append(Problem(rel, r.line, f"the redirect {line} starts with '{r.old}', which is not the path of an old page. Write the old page's path as it was in the nav list, e.g. 'gammel-side/index.md' for the address /gammel-side/.", check=CHECK))
            continue
        if not redirects.target_exists(cfg, r):
            problems.append(Problem(rel, r.line, f"the redirect {line} leads to '{r.target}', which is not a page in {cfg.rel(default_dir)}/. Write the path of the page that replaces the old one, as in the nav list, e.g. 'rettigheter/index.md'.", check=CHECK))
        if redirects.old_page_exists(cfg, r):
            problems.append(Problem(rel, r.line, f"the redirect {line} leads away from a page that still exists ({cfg.rel(default_dir / r.old)}), so readers could never open that page. Remove this line, or remove the page if it was renamed.", check=CHECK))
    return problems


def check(cfg: SiteConfig, site_dir: Path, require_listed: bool = False) -> list[Problem]:
    problems: list[Problem] = []
    list_rel = LIST_FILE.as_posix()
    redirects_rel = redirects.FILE.as_posix()
    redirected = {redirects.page_url(r.old): r.old for r in redirects.read(cfg)[0]}
    add_line, add_how = redirects.where_to_add(cfg)

    listed = read_list(cfg)
    built = built_urls(site_dir)
    present = built_locales(cfg, site_dir)
    missing = [url for url in listed if url not in built and split_url(cfg, url)[0] in present]
    new_urls = sorted(url for url in built if url not in set(listed))
    new_pages = sorted({split_url(cfg, url)[1] for url in new_urls})

    # Group by page path: one line in data/redirects.yml fixes every language.
    by_page: dict[str, list[str]] = {}
    for url in missing:
        by_page.setdefault(split_url(cfg, url)[1], []).append(url)
    for rel_url, urls in sorted(by_page.items()):
        old = page_path(rel_url)
        replacement = page_path(new_pages[0]) if len(new_pages) == 1 else "NY-SIDE/index.md"
        addresses = ", ".join(urls)
        how = {
            "replace": f"in {redirects_rel} replace '{{}}' on line {add_line} with this line",
            "append": f"add this line at the end of {redirects_rel}",
            "create": f"create the file {redirects_rel} with this line",
        }[add_how]
        if rel_url in redirected:
            why = f"The redirect for '{redirected[rel_url]}' in {redirects_rel} did not produce it: check the messages about that redirect."
        else:
            why = (
                f"To keep them working, {how}: \"{old}: {replacement}\""
                + ("" if len(new_pages) == 1 else " (replace NY-SIDE with the folder of the page that replaces it)")
                + ". One line covers every language."
            )
        problems.append(Problem(redirects_rel, add_line, f"the address {addresses} was published before, but this build has no page there any more, so old links, bookmarks and printed flyers would break. {why}", check=CHECK))

    if new_urls:
        severity = "error" if require_listed else "warning"
        lines = " ".join(new_urls)
        problems.append(Problem(list_rel, 1, f"{len(new_urls)} new address(es) are not in the list of published addresses yet: {lines}. Add each as its own line to {list_rel} (or run: python -m scripts.check_urls --update), so they keep working if the page is renamed later.", severity, check=CHECK))
    return problems


def update(cfg: SiteConfig, site_dir: Path) -> list[Problem]:
    """Rewrite the list from a full build; refuse while an address would be lost."""
    problems = [p for p in check_redirects(cfg) + check(cfg, site_dir) if p.severity == "error"]
    absent = sorted({lang.locale for lang in cfg.languages} - built_locales(cfg, site_dir))
    if absent:
        problems.append(Problem(cfg.rel(site_dir), 0, f"the build has no pages for {', '.join(absent)}. Build every language (python3 scripts/docs.py build) before updating the list.", check=CHECK))
    if problems:
        return problems
    path = cfg.root / LIST_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{url}\n" for url in sorted(built_urls(site_dir))), encoding="utf-8")
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=None, help="repository root (default: this repository)")
    parser.add_argument("--site", type=Path, default=None, help="built site folder (default: site_dir from mkdocs.yml, ./site)")
    parser.add_argument("--require-listed", action="store_true", help="treat new addresses missing from the list as errors (CI)")
    parser.add_argument("--update", action="store_true", help=f"rewrite {LIST_FILE.as_posix()} from the built site (refused while an address would be lost)")
    args = parser.parse_args(argv)
    cfg = load_config(args.root)
    site_dir = args.site or cfg.site_dir
    if not (site_dir / "index.html").exists():
        print(f"{cfg.rel(site_dir)}: no built site here. Build it first: python3 scripts/docs.py build", file=sys.stderr)
        return 2
    if args.update:
        problems = update(cfg, site_dir)
        print_problems(problems)
        if not problems:
            print(f"wrote {LIST_FILE.as_posix()}", file=sys.stderr)
        return 1 if problems else 0
    return report(check_redirects(cfg) + check(cfg, site_dir, require_listed=args.require_listed))


if __name__ == "__main__":
    sys.exit(main())
