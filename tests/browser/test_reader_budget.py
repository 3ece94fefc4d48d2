"""Light and fast for a reader on a cheap phone: what the first view of each
page downloads (headless Chromium, empty cache), and Lighthouse's
deterministic categories. Speed itself is measured by
scripts/benchmark_reader.py, not here: timings on a shared CI machine vary."""

from __future__ import annotations

import pytest

from scripts.tools.benchmark_reader import BUDGET_BYTES, lighthouse
from scripts.tools.browser import first_views, sitemap_paths

ROOT_ARTIFACTS = "test-artifacts/lighthouse"


def test_first_view_of_every_page_fits_the_budget(browser, built_site, served_site):
    over, elsewhere, search = [], [], []
    paths = sitemap_paths(built_site)
    for path, view in zip(paths, first_views(browser, [served_site + p for p in paths])):
        if view.gzip_bytes > BUDGET_BYTES:
            biggest = sorted(view.requests, key=lambda r: -r[2])[:3]
            over.append(
                f"/{path}: {view.gzip_bytes / 1024:.1f} KB "
                f"(largest: {[(u.rsplit('/', 1)[-1], g) for u, _, g in biggest]})"
            )
        elsewhere += [f"/{path}: {u}" for u in view.other_hosts]
        search += [f"/{path}: {u}" for u, _, _ in view.requests if "/pagefind/" in u]
    assert not elsewhere, "requests to other hosts:\n" + "\n".join(elsewhere)
    assert not search, "the search index loaded before the reader searched:\n" + "\n".join(search)
    advice = (
        "A page's weight is mostly its own text: split a page that grew into two, or shorten it; "
        "if its text did not grow, ask a developer (BENCHMARKS.md, 'Reader experience')."
    )
    assert not over, f"over the {BUDGET_BYTES // 1024} KB budget:\n" + "\n".join(over) + "\n" + advice


@pytest.mark.parametrize("path", ["", "ar/arbeid-og-penger/"])
def test_lighthouse_accessibility_best_practices_and_seo_are_100(served_site, path, tmp_path):
    """Performance (>= 95) depends on the machine's speed, so it is reported by
    the benchmark; the other three categories do not, and must be 100."""
    categories = ("accessibility", "best-practices", "seo")
    # Only these three are run: the performance audits are most of Lighthouse's time.
    scores = lighthouse(served_site + path, tmp_path, categories)
    for category in categories:
        assert scores.get(category) == 100, f"/{path}: {scores}"
