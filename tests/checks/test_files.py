"""Pages outside a language folder, unknown language folders, and names that
cannot be part of an address."""

from __future__ import annotations

from tests.checks.test_urls import make_site
from tests.helpers import problems


def test_stray_pages_and_bad_names_are_errors_with_the_fix(tmp_path):
    site = make_site(tmp_path)
    page = (site / "docs/nb/side/index.md").read_text(encoding="utf-8")
    for path in ("docs/sv/side/index.md", "docs/loose.md", "docs/nb/Min Side/index.md"):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(page, encoding="utf-8")
    found = {p.path: p.message for p in problems(site, "files")}
    assert "'sv' is not a language of the site (mkdocs.yml lists nb, en, ar, so)" in found["docs/sv/side/index.md"]
    assert "directly in docs/, outside a language folder" in found["docs/loose.md"]
    assert "Rename the file to docs/nb/min-side/index.md" in found["docs/nb/Min Side/index.md"]
    assert len(found) == 3
