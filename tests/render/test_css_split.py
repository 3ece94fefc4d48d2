"""The bundle's parts (scripts/render/css_split.py): a page without a table or
an admonition does not load their rules, and no page renders differently.
The real build is compared pixel for pixel in tests/browser/test_css_unchanged.py;
the real site's weights are in tests/browser/test_reader_budget.py."""

from __future__ import annotations

import pytest

from scripts.checks import stylesheets
from scripts.model.stylesheet_parts import PARTS, needed, needed_in
from scripts.render.css_split import link_parts, split
from tests.helpers import model

BY_NAME = {part.name: part for part in PARTS}
HEAD = '<head><link rel="stylesheet" href="../assets/stylesheets/bundle.min.css"></head>'


def parts_of(css: str, **kwargs) -> dict[str, str]:
    done = split(css, **kwargs)
    return {"bundle": done.bundle, **{part.name: text for part, text in done.parts.items() if text}}


def test_a_table_rule_leaves_the_bundle_and_the_rest_stays_in_order():
    css = "body{margin:0}.md-typeset table:not([class]) td{padding:1em}p{color:red}"
    moved = ".md-typeset table:not([class]) td{padding:1em}"
    assert parts_of(css) == {"bundle": "body{margin:0}p{color:red}", "tables": moved}


def test_a_list_of_selectors_is_divided():
    css = ".md-typeset table,.md-typeset .admonition,.md-typeset details{display:flow-root}"
    assert parts_of(css) == {
        "bundle": ".md-typeset details{display:flow-root}",
        "admonitions": ".md-typeset .admonition{display:flow-root}",
        "tables": ".md-typeset table{display:flow-root}",
    }


@pytest.mark.parametrize(
    "selector",
    [
        "p:not(table)",  # matches on a page without a table
        ".md-typeset :is(table,ul)",  # an alternative is not needed
        ".admonition-list",  # another class that only starts the same
        "table::-webkit-scrollbar",  # cssselect2 cannot read it: it stays
    ],
)
def test_a_selector_that_does_not_need_the_part_stays(selector):
    assert parts_of(selector + "{color:red}") == {"bundle": selector + "{color:red}"}


def test_a_rule_inside_at_rules_keeps_them_in_the_part():
    css = (
        "@media print{body{color:#000}.md-typeset table{display:none}}"
        "@media screen{@supports (display:grid){.grid{display:grid}}}"
    )
    assert parts_of(css) == {
        "bundle": "@media print{body{color:#000}}",
        "tables": "@media print{.md-typeset table{display:none}}",
        "cards": "@media screen{@supports (display:grid){.grid{display:grid}}}",
    }


# The admonition rule comes first; a later rule of the same specificity sets
# a margin of the same element only if one element has both classes.
CONFLICT = ".md-typeset .admonition{margin:1em 0}.md-typeset .site-box{margin-top:0}"


def test_a_rule_that_could_lose_its_place_in_the_cascade_stays():
    together = {("div", "admonition site-box"), ("p", "")}
    assert parts_of(CONFLICT, shapes=together) == {"bundle": CONFLICT}
    # Without knowing the site's elements, any two may be one.
    assert parts_of(CONFLICT) == {"bundle": CONFLICT}
    # A script could add the class to any element.
    apart = {("div", "admonition"), ("div", "site-box")}
    assert parts_of(CONFLICT, shapes=apart, script_words={"site-box"}) == {"bundle": CONFLICT}


def test_a_rule_before_one_whose_specificity_is_unknown_stays():
    css = ".md-typeset table::-webkit-scrollbar{width:1px}.md-typeset ::-webkit-scrollbar{width:0}"
    assert parts_of(css) == {"bundle": css}
    # Unless that one is for a pseudo-element the moved rule is not for.
    css = ".md-typeset table{width:1px}.md-typeset :hover::-webkit-scrollbar-thumb:hover{width:0}"
    assert parts_of(css)["bundle"] == ".md-typeset :hover::-webkit-scrollbar-thumb:hover{width:0}"
    # Or the two set different properties.
    css = ".md-typeset table{color:red}.md-typeset >> p{width:0}"
    assert parts_of(css)["bundle"] == ".md-typeset >> p{width:0}"
    assert parts_of(css.replace("width:0", "color:blue")) == {"bundle": css.replace("width:0", "color:blue")}


def test_a_rule_moves_when_no_element_could_match_both():
    apart = {("div", "admonition"), ("div", "site-box")}
    assert parts_of(CONFLICT, shapes=apart) == {
        "bundle": ".md-typeset .site-box{margin-top:0}",
        "admonitions": ".md-typeset .admonition{margin:1em 0}",
    }
    # A tag part's rule and a later rule for another tag: no element is both.
    tags = ".md-typeset table{margin:0}.md-typeset td{margin:1px}"
    assert parts_of(tags) == {"bundle": ".md-typeset td{margin:1px}", "tables": ".md-typeset table{margin:0}"}
    # Other properties, another specificity or another tag cannot conflict.
    for later in (".md-typeset .site-box{color:red}", "p.site-box.x{margin:0}", ".md-typeset p{margin:0}"):
        moved = parts_of(".md-typeset .admonition{margin:1em 0}" + later)
        assert moved == {"bundle": later, "admonitions": ".md-typeset .admonition{margin:1em 0}"}, later


def test_a_custom_property_only_a_part_uses_goes_with_it():
    css = (
        ":root{--icon:url(a.svg);--colour:red}"
        ".md-typeset .admonition:before{mask-image:var(--icon)}p{color:var(--colour)}"
    )
    assert parts_of(css) == {
        "bundle": ":root{--colour:red}p{color:var(--colour)}",
        "admonitions": ":root{--icon:url(a.svg)}.md-typeset .admonition:before{mask-image:var(--icon)}",
    }
    # Used in the bundle too, declared twice, or in a page's style attribute: it stays.
    for stays in ("summary:before{mask-image:var(--icon)}", "[data-md-color-scheme=slate]{--icon:none}"):
        assert "--icon:url(a.svg)" in parts_of(css + stays)["bundle"], stays
    assert "--icon:url(a.svg)" in split(css, keep_variables={"--icon"}).bundle
    assert "--icon:url(a.svg)" in split(css, script_words={"getPropertyValue", "--icon"}).bundle


def test_important_and_opaque_rules_are_written_back_as_they_were():
    css = "@font-face{font-family:x;src:url(x.woff2)}.md-typeset table{color:red!important}@keyframes a{0%{opacity:0}}"
    assert parts_of(css) == {
        "bundle": "@font-face{font-family:x;src:url(x.woff2)}@keyframes a{0%{opacity:0}}",
        "tables": ".md-typeset table{color:red!important}",
    }
    # Nested rules and layers stay whole in the bundle.
    for kept in (".md-typeset table{color:red;&:hover{color:blue}}", "@layer site{.md-typeset table{color:red}}"):
        assert parts_of(kept) == {"bundle": kept}, kept


@pytest.mark.parametrize(
    ("body", "linked"),
    [
        ("<p>A table, a note and a warning in words only.</p>", []),
        ('<div class="admonition warning"><p class="admonition-title">Obs</p></div>', ["admonitions"]),
        ("<div class='grid cards'></div><TABLE><tr><td>1</td></tr></TABLE>", ["tables", "cards"]),
        ('<a class=md-button href="x">Go</a><details class="info"></details>', ["admonitions", "buttons"]),
    ],
)
def test_a_page_links_the_parts_of_its_elements_after_the_bundle(body, linked):
    page = link_parts(f"<html>{HEAD}<body>{body}</body></html>")
    found = [part.name for part in PARTS if part.file.rsplit("/", 1)[1] in page]
    assert found == linked
    if linked:
        assert page.index("bundle.min.css") < page.index(f"bundle-{linked[0]}.min.css")
        assert f'href="../assets/stylesheets/bundle-{linked[0]}.min.css"' in page


def test_linking_again_replaces_the_links():
    """A guide step is the start page with another guide in it."""
    start = link_parts(f"<html>{HEAD}<body><table></table></body></html>")
    step = link_parts(start.replace("<table></table>", '<div class="admonition"></div>'))
    assert "bundle-tables" not in step and step.count("bundle-admonitions") == 1


def test_a_page_without_the_bundle_is_left_as_it_is():
    page = "<html><head></head><body><table></table></body></html>"
    assert link_parts(page) == page


def test_classes_are_read_however_the_attribute_is_written():
    page = "<P CLASS=\"grid x\"><span class='md-button'><i class=note>x</i></span></P><TABLE></TABLE>"
    assert [part.name for part in needed_in(page)] == ["admonitions", "tables", "cards", "buttons"]
    # Only more, never less: a class in a comment counts; a word in the text does not.
    assert needed_in("<!-- class=warning --><p>grid, note, table</p>") == (BY_NAME["admonitions"],)
    assert needed({"warning"}, set()) == (BY_NAME["admonitions"],)


def test_the_check_names_a_page_that_lacks_a_part(tmp_path):
    (tmp_path / "assets/stylesheets").mkdir(parents=True)
    (tmp_path / "assets/stylesheets/bundle-tables.min.css").write_text("table{}", encoding="utf-8")
    good = link_parts(f"<html>{HEAD}<body><table></table></body></html>")
    (tmp_path / "good.html").write_text(good, encoding="utf-8")
    (tmp_path / "bad.html").write_text(f"<html>{HEAD}<body><table></table></body></html>", encoding="utf-8")
    found = [str(p) for p in stylesheets.check(model(site=tmp_path))]
    assert len(found) == 1 and found[0].startswith("site/bad.html: the page has tables (table) but does not load")
