"""Run every per-build check over the sources (and, with --site, a built site).

    python -m scripts.check_all            # sources only: fast, no build needed
    python -m scripts.check_all --site site  # also the built HTML in ./site

The MkDocs hooks call the same two functions on every `mkdocs build`.
Exit status 1 when there is at least one error; warnings never fail.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import check_content, check_links, check_urls, offers, third_party, translation_coverage
from scripts.site_config import Problem, SiteConfig, load_config, report


def source_problems(cfg: SiteConfig) -> list[Problem]:
    problems: list[Problem] = []
    problems += check_content.check(cfg)
    problems += translation_coverage.check(cfg)
    problems += check_urls.check_redirects(cfg)
    problems += offers.check(cfg)
    return problems


def built_site_problems(cfg: SiteConfig, site_dir: Path) -> list[Problem]:
    problems = check_links.check_site(cfg, site_dir)
    problems += third_party.find_external_resources(cfg, site_dir)
    problems += check_urls.check(cfg, site_dir)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=None, help="repository root (default: this repository)")
    parser.add_argument("--site", type=Path, default=None, help="also check the internal links of this built site folder")
    args = parser.parse_args(argv)
    cfg = load_config(args.root)
    problems = source_problems(cfg)
    if args.site:
        problems += built_site_problems(cfg, args.site)
    return report(problems)


if __name__ == "__main__":
    sys.exit(main())
