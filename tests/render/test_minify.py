"""Smaller built files that render and run the same (scripts/render/minify.py)."""

from __future__ import annotations

import subprocess

import pytest

from scripts.render import csp, minify
from tests.helpers import ROOT

PAGE = """<!doctype html>
<html lang="nb">
  <head>
    <script>
      var a = 1;
    </script>
  </head>
  <body>
    <ul>
      <li><a href="#x">En</a></li>
      <li>To
        og tre</li>
    </ul>
    <pre><code>  kode
      med innrykk
</code></pre>
    <p>Trykk <kbd>Ctrl</kbd>
      <kbd>C</kbd> og <code>a
      b</code></p>
    <textarea>
      tekst
    </textarea>
  </body>
</html>
"""


def test_indentation_between_tags_goes():
    small = minify.html(PAGE)
    assert "<ul>\n<li>" in small and "</li>\n<li>" in small and "</ul>\n<pre>" in small
    assert len(small) < len(PAGE)


def test_whitespace_in_text_is_one_line_break():
    small = minify.html(PAGE)
    # A run with a line break shows as one space, before and after.
    assert "<li>To\nog tre</li>" in small
    assert "<p>Trykk <kbd>Ctrl</kbd>\n<kbd>C</kbd> og" in small
    # A no-break space is text, not whitespace to collapse.
    assert minify.html("<p>\n \u00a0§ 12</p>") == "<p>\n\u00a0§ 12</p>"


def test_attribute_values_and_what_only_materials_script_reads():
    tag = '<div class="a" data-md-component="header"\n     title="to\n   linjer" data-md-scrollfix>x</div>'
    small = minify.html(tag)
    # The line break between two attributes is one too; the value is as written.
    assert small == '<div class="a"\ntitle="to\n   linjer">x</div>'
    # Attributes the theme's stylesheets select stay.
    kept = '<input data-md-toggle="drawer"><nav data-md-level="1">'
    assert minify.html(kept) == kept
    # Text about the attribute is text.
    text = '<p>Skriv data-md-component="x" og data-md-scrollfix i en tag.</p>'
    assert minify.html(text) == text


def test_text_and_whitespace_that_shows_are_kept():
    small = minify.html(PAGE)
    for kept in (
        "<pre><code>  kode\n      med innrykk\n</code></pre>",
        "<code>a\n      b</code>",
        "<textarea>\n      tekst\n    </textarea>",
    ):
        assert kept in small


def test_inline_scripts_keep_their_csp_hash():
    assert csp.script_hashes(minify.html(PAGE)) == csp.script_hashes(PAGE)


def test_own_css_and_js_lose_comments_only(tmp_path):
    css = tmp_path / "a.css"
    css.write_text('/* why */\n.a {\n  color: red;\n}\n.b::after { content: "/* not a comment */"; }\n')
    js = tmp_path / "a.js"
    js.write_text('// why\n(function () {\n  var s = "// not a comment";\n  window.x = s;\n})();\n')
    minify.files_in_place([css, js])
    assert css.read_text() == '.a{color:red}.b::after{content:"/* not a comment */"}\n'
    assert "why" not in js.read_text() and '"// not a comment"' in js.read_text()


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "overrides" / "assets" / "javascripts").glob("*.js")))
def test_the_sites_scripts_still_parse_after_minifying(tmp_path, name):
    source = ROOT / "overrides" / "assets" / "javascripts" / name
    copy = tmp_path / (name.removesuffix(".js") + (".mjs" if "import" in source.read_text() else ".js"))
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    minify.files_in_place([copy])
    result = subprocess.run(["node", "--check", str(copy)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
