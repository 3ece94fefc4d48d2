"""Right-to-left isolation (scripts/bidi_isolate.py) on small pages: what an
Arabic reader sees in the right order, and what must never change."""

import re

from scripts.render.bidi import isolate


def _page(body: str, direction: str = "rtl") -> str:
    return (
        f'<!doctype html><html lang="ar" dir="{direction}"><head><title>NAV 22 46 '
        f'19 22</title></head><body dir="{direction}">{body}</body></html>'
    )


def test_numbers_provisions_urls_and_names_are_isolated():
    out = isolate(_page("<p>اتصل بـ NAV على 55 55 33 33 (§ 12-10) أو https://www.nav.no/pleiepenger.</p>"))
    assert '<bdi dir="ltr">NAV</bdi>' in out
    assert re.search(r'<bdi dir="ltr">[^<]*55 55 33 33[^<]*</bdi>', out)
    assert re.search(r'<bdi dir="ltr">[^<]*§ 12-10[^<]*</bdi>', out)
    # The sentence's full stop stays Arabic punctuation, outside the URL.
    assert '<bdi dir="ltr">https://www.nav.no/pleiepenger</bdi>.' in out


def test_lone_numbers_and_dates_are_left_alone():
    body = "<p>لك الحق في 10 أيام منذ 2026-11-22.</p>"
    assert isolate(_page(body)) == _page(body)


def test_attributes_scripts_code_and_ltr_blocks_never_change():
    body = (
        '<a href="https://lovdata.no/§12-10" title="NAV 116 117">قانون</a>'
        '<script>var x = "NAV 116 117";</script><pre>NAV 116 117</pre><code>§ 1-3</code>'
        '<div lang="nb" dir="ltr"><p>Ring NAV på 55 55 33 33.</p></div>'
    )
    assert isolate(_page(body)) == _page(body)


def test_the_title_in_head_and_ltr_pages_are_untouched():
    body = "<p>Ring NAV på 55 55 33 33.</p>"
    assert isolate(_page(body, "ltr")) == _page(body, "ltr")
    assert "<title>NAV 22 46 19 22</title>" in isolate(_page("<p>NAV</p>"))


def test_escaped_text_stays_escaped():
    out = isolate(_page("<p>ابحث عن Helse &amp; omsorg &lt;2025&gt;</p>"))
    assert '<bdi dir="ltr">Helse &amp; omsorg</bdi>' in out
    assert "&lt;" in out and "<2025>" not in out


def test_headings_isolate_with_a_span_that_search_keeps():
    """Pagefind drops <bdi> from the heading titles it shows; <span dir> isolates the same way."""
    out = isolate(_page('<h3 id="avlastning">الإغاثة المؤقتة (<em lang="nb">avlastning</em>)</h3><p>NAV</p>'))
    assert '<em lang="nb"><span dir="ltr">avlastning</span></em>' in out
    assert '<p><bdi dir="ltr">NAV</bdi></p>' in out
    assert isolate(out) == out  # isolated runs are not wrapped again
