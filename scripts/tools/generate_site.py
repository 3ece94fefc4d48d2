"""Make a synthetic copy of the site with N times the real pages per language.

    python -m scripts.tools.generate_site /tmp/big --copies 4
    (cd /tmp/big && mkdocs build)

Copy 1 is the real site; copies 2..N put every real page of every language
again under kopi-<k>/ and add them to the navigation (so the navigation grows
as it would on a bigger site). Links between pages stay inside their copy.
The generated mkdocs.yml uses this repository's overrides and hooks, so the
copy builds with every check. Editors' pages (audience: editors) are not copied.
Used by scripts/benchmark.py.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

import yaml

from scripts.model.config import ROOT, load_config
from scripts.model.pages import read_site


def _nav_pages(nav) -> list[str]:
    pages = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            pages += _nav_pages(value)
        elif isinstance(value, str) and value.endswith(".md"):
            pages.append(value)
    return pages


def generate(out: Path, copies: int, root: Path = ROOT) -> Path:
    cfg = load_config(root)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for folder in ("docs", "data"):
        if (root / folder).is_dir():
            shutil.copytree(root / folder, out / folder)
    real_pages = _nav_pages(cfg.raw.get("nav") or [])
    nav = list(cfg.raw.get("nav") or [])
    site = read_site(cfg)
    for k in range(2, copies + 1):
        for page in site.all_pages():
            if page.for_editors:
                continue
            target = out / "docs" / page.locale / f"kopi-{k}" / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(page.file, target)
        nav.append({f"Kopi {k}": [f"kopi-{k}/{page}" for page in real_pages]})
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^(\s*custom_dir:\s*)(\S+)\s*$", lambda m: f"{m.group(1)}{(root / m.group(2)).as_posix()}", text)
    text = re.sub(
        r"(?m)^(\s*-\s*)(scripts/mkdocs_hooks\.py)\s*$", lambda m: f"{m.group(1)}{(root / m.group(2)).as_posix()}", text
    )
    nav_yaml = yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False)
    text = re.sub(r"(?ms)^nav:\n.*?(?=^\S)", lambda m: nav_yaml + "\n", text, count=1)
    (out / "mkdocs.yml").write_text(text, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="folder to create (replaced if it exists)")
    parser.add_argument("--copies", type=int, default=2, help="how many times the real pages (default 2)")
    args = parser.parse_args(argv)
    out = generate(args.out, args.copies)
    pages = sum(1 for _ in (out / "docs").rglob("*.md"))
    print(f"{out}: {pages} Markdown files; build with: cd {out} && mkdocs build")
    return 0


if __name__ == "__main__":
    sys.exit(main())
