"""The Content-Security-Policy of a page: theme scripts by hash, content scripts never."""

from __future__ import annotations

from scripts.model.built import script_hash
from scripts.render.csp import add_policy

PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><title>t</title><script>theme()</script></head>'
    '<body><article><script>editor()</script><script type="application/ld+json">{}</script></article></body></html>'
)


def test_the_policy_comes_first_and_allows_only_the_theme_script():
    html = add_policy(PAGE)
    assert html.index('http-equiv="Content-Security-Policy"') < html.index("<title>")
    assert html.index('<meta charset="utf-8">') < html.index('http-equiv="Content-Security-Policy"')
    assert f"'{script_hash('theme()')}'" in html
    assert script_hash("editor()") not in html
    assert "'unsafe-inline'" not in html.split("script-src")[1].split(";")[0]
    assert add_policy(html) == html  # once only
