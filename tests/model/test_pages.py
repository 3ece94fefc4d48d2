"""The one place that decides whether a translation is translated, outdated, missing or an orphan."""

from __future__ import annotations

from tests.helpers import memory_model

NB = "---\ntitle: T\n---\n# Tittel\n\nTekst med 60 dager.\n"


def translation(source_hash: str) -> str:
    return (
        f"---\ntitle: T\ntranslation:\n  status: machine\n  source_hash: {source_hash}\n---\n# "
        "Title\n\nText with 60 days.\n"
    )


def test_states():
    site = memory_model({("nb", "a/index.md"): NB}).pages
    current = site.page("nb", "a/index.md").content_hash
    model = memory_model(
        {
            ("nb", "a/index.md"): NB,
            ("nb", "b/index.md"): NB + "Mer.\n",
            ("en", "a/index.md"): translation(current),
            ("en", "b/index.md"): translation("000000000000"),
            ("en", "c/index.md"): translation(current),
        }
    )
    states = {path: model.pages.state("en", path) for path in ("a/index.md", "b/index.md", "c/index.md")}
    assert states == {"a/index.md": "translated", "b/index.md": "outdated", "c/index.md": "orphan"}
    assert model.pages.state("ar", "a/index.md") == "missing"
    assert model.pages.state("nb", "a/index.md") == "source"


def test_front_matter_and_whitespace_do_not_change_the_content_hash():
    base = memory_model({("nb", "a/index.md"): NB}).pages.page("nb", "a/index.md").content_hash
    edited = "---\ntitle: Ny tittel\nlast_reviewed: 2027-01-01\n---\n# Tittel\n\n\nTekst   med\n60 dager.  \n"
    assert memory_model({("nb", "a/index.md"): edited}).pages.page("nb", "a/index.md").content_hash == base
    changed = NB.replace("60", "30")
    assert memory_model({("nb", "a/index.md"): changed}).pages.page("nb", "a/index.md").content_hash != base


def test_a_hash_of_digits_is_read_as_written():
    page = memory_model({("en", "a/index.md"): translation("000000000000")}).pages.page("en", "a/index.md")
    assert page.recorded_hash == "000000000000"  # YAML alone would read the number 0
