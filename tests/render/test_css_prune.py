"""The theme's stylesheet pruned to what the site uses (scripts/render/css_prune.py).

PurgeCSS is run for real (node and the pinned npm package): if it is
missing, these tests fail, because a build without it ships the whole
stylesheet. The look itself is compared in tests/browser/test_css_unchanged.py."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import material
import pytest

from scripts.model import built
from scripts.model.stylesheet_parts import PARTS
from scripts.render import css_prune

MATERIAL = Path(material.__file__).parent / "templates"

# Features of the theme no page uses today, written the way Markdown renders
# them: an editor may add any of them tomorrow.
NEW_FEATURES = """<!doctype html><html lang="nb" dir="ltr"><body>
<article class="md-content__inner md-typeset">
<div class="admonition example"><p class="admonition-title">Eksempel</p><p>Tekst.</p></div>
<details class="bug"><summary>Feil</summary><p>Tekst.</p></details>
<div class="tabbed-set tabbed-alternate" data-tabs="1:2">
<input checked="checked" id="__tabbed_1_1" name="__tabbed_1" type="radio">
<div class="tabbed-labels"><label for="__tabbed_1_1">En</label></div>
<div class="tabbed-content"><div class="tabbed-block"><p>En.</p></div></div></div>
<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>
</article></body></html>
"""


def theme_css() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in css_prune.theme_files(MATERIAL))


def selectors(css: str) -> set[str]:
    """Every single selector of every rule (split at commas)."""
    found = set()
    for group in re.findall(r"([^{};]+)\{", re.sub(r"url\([^)]*\)", "url()", css)):
        found.update(s.strip() for s in group.split(","))
    return found


@pytest.fixture(scope="module")
def pruned(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("prune")
    page = folder / "index.html"
    page.write_text(NEW_FEATURES, encoding="utf-8")
    script = folder / "wrap.js"
    script.write_text('table.parentNode.className = "md-typeset__table";\n', encoding="utf-8")
    return css_prune.prune(theme_css(), [page], css_prune.script_words([script]), ["--md-code-hl-string-color"])


@pytest.mark.parametrize(
    "selector",
    [
        ".md-typeset .example>.admonition-title",  # a new admonition type: its colour and icon
        ".md-typeset .example>.admonition-title:before",
        ".md-typeset .admonition.example",
        ".md-typeset details.bug",  # a collapsible block of another type
        ".md-typeset .bug>summary:before",
        ".md-typeset .tabbed-set",  # content tabs
        ".md-typeset .tabbed-labels>label",
        ".md-typeset table:not([class])",  # a table
        ".md-typeset table:not([class]) th",
        ".md-typeset__table",  # a class only a script sets
    ],
)
def test_rules_of_a_feature_used_later_are_kept(pruned, selector):
    assert selector in selectors(theme_css()), f"Material no longer has {selector}: pick another example"
    assert selector in selectors(pruned)


# Markup where an HTML reader could go wrong: SVG (whose tag and attribute
# names keep their capitals), a table, a comment, a doctype, an attribute
# without a value and class lists with doubled spaces.
TRICKY = """<!doctype html><html lang="nb"><head><title>t</title><!-- a comment --></head><body>
<svg viewBox="0 0 24 24"><clipPath id="c"><path d="M0 0"/></clipPath><foreignObject></foreignObject></svg>
<table class="md-typeset__table  wide"><tr><td hidden>1</td></tr></table>
<input type="checkbox" data-md-toggle="drawer" checked><p class=" md-ellipsis">x</p>
</body></html>
"""


def test_the_models_selectors_prune_as_purgecss_reading_the_pages(tmp_path):
    """The build gives PurgeCSS the selectors from its own one parse of each page
    (scripts/model/built.py) instead of the pages: the result must not change."""
    pages = []
    for name, text in (("features.html", NEW_FEATURES), ("tricky.html", TRICKY)):
        pages.append(tmp_path / name)
        pages[-1].write_text(text, encoding="utf-8")
    site = built.scan(tmp_path)
    selectors = site.selectors()
    assert {"svg", "path", "table", "td", "input"} <= selectors.tags
    assert "drawer" in selectors.attribute_values and "checked" in selectors.attribute_names
    css = theme_css()
    assert css_prune.prune(css, selectors, set(), []) == css_prune.prune(css, pages, set(), [])


def test_the_same_input_again_takes_the_kept_result_and_other_input_runs_purgecss(tmp_path, monkeypatch):
    css = ".used{color:red}.unused{color:blue}"
    cache = tmp_path / "cache"
    first = css_prune.prune(css, built.Selectors(classes={"used"}), set(), [], cache)
    assert first.strip() == ".used{color:red}"
    assert len(list(cache.glob("*.css"))) == 1

    def no_purgecss(*args, **kwargs):
        raise AssertionError("PurgeCSS ran again for the same input")

    monkeypatch.setattr(css_prune.subprocess, "run", no_purgecss)
    assert css_prune.prune(css, built.Selectors(classes={"used"}), set(), [], cache) == first
    monkeypatch.undo()
    # A page that now uses the other class is new input: PurgeCSS runs and keeps it.
    both = css_prune.prune(css, built.Selectors(classes={"used", "unused"}), set(), [], cache)
    assert ".unused{color:blue}" in both
    assert len(list(cache.glob("*.css"))) == 2
    # So is a script that now names the other class.
    scripted = css_prune.prune(css, built.Selectors(classes={"used"}), {"unused"}, [], cache)
    assert ".unused{color:blue}" in scripted
    assert len(list(cache.glob("*.css"))) == 3


def test_what_nothing_uses_goes(pruned):
    assert ".md-search__input" in selectors(theme_css())
    assert ".md-search__input" not in selectors(pruned)
    assert len(pruned) < len(theme_css()) / 3


def test_custom_properties_the_sites_own_css_uses_are_kept(pruned):
    # Used only by rules for code, which the small page has not got.
    assert "--md-code-hl-string-color:" in pruned
    assert "--md-code-hl-number-color:" not in pruned
    # The new admonition's icon, used by a kept rule.
    assert "--md-admonition-icon--example:" in pruned


def test_used_variables_are_read_from_css_and_style_attributes():
    found = css_prune.used_variables(["a{color:var(--md-primary-fg-color, red)}", "color: var( --x-y )"])
    assert found == ["--md-primary-fg-color", "--x-y"]


def test_without_node_it_says_what_to_do(monkeypatch):
    monkeypatch.setattr(css_prune.shutil, "which", lambda name: None)
    with pytest.raises(css_prune.PruneError, match="node is not installed.*docs.py setup"):
        css_prune.prune("a{}", [], set(), [])


def test_without_node_the_bundle_has_the_whole_theme_stylesheet(tmp_path, monkeypatch):
    styles = tmp_path / css_prune.STYLESHEETS
    styles.mkdir(parents=True)
    (styles / "main.1.min.css").write_text(".md-a{color:red}\n/*# sourceMappingURL=main.1.min.css.map */")
    (styles / "main.1.min.css.map").write_text("{}")
    (styles / "palette.2.min.css").write_text(".md-b{color:blue}")
    (styles / "site.css").write_text(".site-c{color:green}")
    (tmp_path / "index.html").write_text('<p class="site-c">x</p>')
    monkeypatch.setattr(css_prune.shutil, "which", lambda name: None)
    bundle = css_prune.write_bundle(tmp_path, [styles / "site.css"], [], built.scan(tmp_path))
    assert not bundle.pruned and "node is not installed" in bundle.message
    text = (tmp_path / css_prune.BUNDLE).read_text()
    # Material's rules first, in the theme's order, then the site's own; no stale source map.
    assert text.index(".md-a") < text.index(".md-b") < text.index(".site-c")
    assert "sourceMappingURL" not in text
    parts = [part.file.rsplit("/", 1)[1] for part in PARTS]
    assert sorted(p.name for p in styles.iterdir()) == sorted([*parts, "bundle.min.css", "site.css"])


@pytest.mark.parametrize("offers_uses_it", [False, True])
def test_a_custom_property_a_page_only_stylesheet_uses_stays_in_the_bundle(tmp_path, offers_uses_it):
    """The table rule's colour moves to bundle-tables.min.css with it, unless
    offers.css (loaded without the parts) uses the colour too."""
    styles = tmp_path / css_prune.STYLESHEETS
    styles.mkdir(parents=True)
    (styles / "main.1.min.css").write_text(":root{--line:red}.md-typeset table{border-color:var(--line)}p{margin:0}")
    (styles / "site.css").write_text(".site-c{color:green}")
    (styles / "offers.css").write_text(".offer{border-color:var(--line)}" if offers_uses_it else ".offer{}")
    (tmp_path / "index.html").write_text('<div class="md-typeset"><table><tr><td>1</td></tr></table><p>x</p></div>')
    css_prune.write_bundle(tmp_path, [styles / "site.css"], [], built.scan(tmp_path))
    bundle = (styles / "bundle.min.css").read_text()
    tables = (styles / "bundle-tables.min.css").read_text()
    assert ".md-typeset table{" in tables and ".md-typeset table" not in bundle
    assert ("--line:red" in bundle) is offers_uses_it and ("--line:red" in tables) is not offers_uses_it


# The built site.


def built_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def test_the_build_pruned_the_theme_stylesheet(built_site, build_log):
    assert "not pruned" not in build_log, build_log
    bundle = (built_site / css_prune.BUNDLE).read_bytes()
    theme = theme_css().encode()
    # Material's CSS alone is 23 KB gzip; the whole bundle (with the site's own) is well under half.
    assert len(gzip.compress(bundle)) < len(gzip.compress(theme)) / 2
    assert not list((built_site / css_prune.STYLESHEETS).glob("main.*")), "Material's unpruned file is published"


def test_every_page_links_the_bundle_and_no_theme_stylesheet(built_site):
    wrong = []
    for page in built_pages(built_site):
        html = page.read_text(encoding="utf-8")
        if "<link" not in html or 'rel="stylesheet"' not in html:
            continue  # redirect pages have no style
        sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        names = [s.rsplit("/", 1)[-1] for s in sheets]
        if names[:1] != ["bundle.min.css"] or any(n.startswith(("main.", "palette.", "site.css")) for n in names):
            wrong.append(f"{page.relative_to(built_site)}: {names}")
    assert not wrong, "\n".join(wrong)


def test_every_class_a_page_uses_keeps_the_themes_rules(built_site):
    """A class in a built page that Material styles is still styled by the
    stylesheets that page loads (the bundle and its parts, css_split.py)."""
    class_name = r"\.(-?[A-Za-z_][\w-]*)"
    themed = set(re.findall(class_name, re.sub(r"url\([^)]*\)", "", theme_css())))
    sheets_read: dict[str, set[str]] = {}

    def classes_in(name: str) -> set[str]:
        if name not in sheets_read:
            css = (built_site / css_prune.STYLESHEETS / name).read_text(encoding="utf-8")
            sheets_read[name] = set(re.findall(class_name, re.sub(r"url\([^)]*\)", "", css)))
        return sheets_read[name]

    lost, checked = set(), set()
    for page in built_pages(built_site):
        html = page.read_text(encoding="utf-8")
        used = {c for value in re.findall(r'\bclass="([^"]*)"', html) for c in value.split()} & themed
        sheets = [s.rsplit("/", 1)[-1] for s in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)]
        styled = set().union(*(classes_in(name) for name in sheets))
        lost |= {f"{c} ({page.relative_to(built_site)})" for c in used - styled} if sheets else set()
        checked |= used
    assert len(checked) > 50, sorted(checked)
    assert not lost, f"classes used on a page whose rules it does not load: {sorted(lost)[:20]}"
