"""Unit tests of scripts/render/reader_html.py: tap-to-call links, runs that must not
break, dates in the reader's language, Norwegian terms, mailto: links."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from scripts.render import bidi as bidi_isolate
from scripts.render import reader_html
from scripts.render.reader_html import after_first_h1, finish, format_date, mailto_href, mark_text


def page(body: str, lang: str = "nb", rtl: bool = False) -> str:
    direction = "rtl" if rtl else "ltr"
    return (
        f'<!doctype html><html lang="{lang}" dir="{direction}"><head><title>x 22 40 00 40</title></head>'
        f'<body dir="{direction}"><article class="md-typeset">{body}</article></body></html>'
    )


@pytest.mark.parametrize(
    "text, target",
    [
        ("Ring 113 nå.", "113"),
        ("Ring legevakten på 116 117.", "116117"),
        ("Mental Helse: 116 123", "116123"),
        ("Alarmtelefonen 116 111", "116111"),
        ("Ring 22 40 00 40 i dag", "+4722400040"),
        ("Gratis: 800 40 567.", "+4780040567"),
        ("Tlf. +47 22 46 19 22", "+4722461922"),
        ("اتصل بالرقم 113", "113"),
        ("الطوارئ 116 117 و113", "116117"),
    ],
)
def test_phone_numbers_become_tel_links(text, target):
    assert f'href="tel:{target}"' in mark_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "pasient- og brukerrettighetsloven § 113",  # a provision
        "113 %",
        "i 2024 fikk 113 personer hjelp",  # a count
        "Regjeringen regner med 800 000 pårørende",  # an amount
        "136 000 årsverk",
        "2026-11-22",
        "1130 kroner",
        "28.08.2023",
        "kr 1 113",
        "12 34 56 78",  # not a valid Norwegian number (starts with 1)
    ],
)
def test_other_numbers_are_not_linked(text):
    assert "tel:" not in mark_text(text)


@pytest.mark.parametrize(
    "text, run",
    [
        ("etter § 10 a i loven", "§ 10 a"),
        ("arbeidsmiljøloven § 12-10", "§ 12-10"),
        ("folketrygdloven §§ 9-5 til 9-8", "§§ 9-5"),
        ("du får 20 % av lønnen", "20 %"),
        ("neste gang 2027-11-22", "2027-11-22"),
        ("fra 22. november 2026", "22. november 2026"),
        ("strategien (2021–2025)", "2021–2025"),
        ("om lag 800 000 mennesker", "800 000"),
        ("updated November 22, 2026 by", "November 22, 2026"),
        ("Published 3 May 2026, revised June 1, 2027", "June 1, 2027"),
    ],
)
def test_runs_that_must_not_break_are_wrapped(text, run):
    assert f'<span class="nowrap">{run}</span>' in mark_text(text)


def test_links_are_made_only_in_the_page_text_and_never_inside_a_link_or_heading():
    out = finish(page('<h2 id="x">Ring 113</h2><p><a href="https://x.no">116 117</a> og 22 40 00 40</p>'))
    assert out.count('href="tel:') == 1
    assert 'href="tel:+4722400040"' in out
    assert '<a href="https://x.no"><span class="nowrap">116 117</span></a>' in out
    assert "<title>x 22 40 00 40</title>" in out  # the head is never changed
    nav = finish(page("").replace("<article", "<nav>Ring 113</nav><article"))
    assert "tel:" not in nav


def test_text_in_scripts_and_code_is_left_alone():
    body = "<script>var a = '22 40 00 40';</script><code>§ 10 a</code><pre>20 %</pre>"
    assert finish(page(body)) == page(body)


def test_composes_with_bidi_isolation_on_arabic_pages():
    """reader_html runs after bidi_isolate: its spans and links sit inside the
    <bdi> runs, and running bidi_isolate again finds nothing left to isolate."""
    body = "<p>اتصل على 22 40 00 40 أو راجع pasient- og brukerrettighetsloven § 3-3 و20 %.</p>"
    out = finish(bidi_isolate.isolate(page(body, "ar", rtl=True)))
    assert '<bdi dir="ltr"><a href="tel:+4722400040" class="tel">22 40 00 40</a></bdi>' in out
    assert '<span class="nowrap">§ 3-3</span></bdi>' in out
    assert '<span class="nowrap">20 %</span>' in out
    assert bidi_isolate.unisolated_runs(out) == []


@pytest.mark.parametrize(
    "locale, expected",
    [
        ("nb", "22. november 2026"),
        ("en", "22 November 2026"),
        ("ar", "22 نوفمبر 2026"),
        ("so", "22 Noofeembar 2026"),
    ],
)
def test_dates_are_written_the_readers_way_with_western_digits(locale, expected):
    assert format_date("2026-11-22", locale) == expected
    assert format_date(dt.date(2026, 11, 22), locale) == expected
    out = finish(page('<p><time datetime="2026-11-22">2026-11-22</time></p>', locale))
    assert f'<time datetime="2026-11-22">{expected}</time>' in out


def test_babel_has_somali():
    from babel import Locale

    assert Locale.parse("so").months["format"]["wide"][11]


def test_norwegian_terms_in_translations_get_lang_nb():
    terms = reader_html.glossary_terms(["pleiepenger", "statsforvalteren", "journal, journalinnsyn", "part (i saken)"])
    assert {"journal", "journalinnsyn", "part"} <= terms
    body = (
        "<p>Care benefit (<em>pleiepenger</em>) and the <em>patient</em>. "
        "Complain to Statsforvalteren. A <em>journal</em> and (<em>samboer</em>) and <em>nærmeste pårørende</em>.</p>"
    )
    out = finish(page(body, "en"), terms)
    assert '<em lang="nb">pleiepenger</em>' in out
    assert "<em>patient</em>" in out
    assert '<span lang="nb">Statsforvalteren</span>' in out
    assert '<em lang="nb">journal</em>' in out
    assert '<em lang="nb">samboer</em>' in out  # in brackets after its translation
    assert '<em lang="nb">nærmeste pårørende</em>' in out
    # Norwegian pages are Norwegian already.
    assert 'lang="nb"' not in finish(page(body, "nb"), terms).split("<body", 1)[1]


def test_latin_italics_on_arabic_pages_are_norwegian():
    body = "<h2>مساعدة (<em>hjelpestønad</em>)</h2><p>رعاية (<em>omsorgslønn</em>) و<em>المريض</em></p>"
    out = finish(bidi_isolate.isolate(page(body, "ar", rtl=True)), frozenset())
    assert '<em lang="nb"><bdi dir="ltr">omsorgslønn</bdi></em>' in out
    # In headings the isolating element is a span (search titles keep it).
    assert '<em lang="nb"><span dir="ltr">hjelpestønad</span></em>' in out
    assert "<em>المريض</em>" in out


def test_mailto_is_percent_encoded():
    href = mailto_href(
        "post@example.org", "Feil på siden: Tolk & «rettigheter»", "Siden: https://x.no/a?b=c&d\n\nHva er feil?\n"
    )
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == "post@example.org"
    assert " " not in href and "\n" not in href and "&d" not in href
    query = parse_qs(parts.query)
    assert query["subject"] == ["Feil på siden: Tolk & «rettigheter»"]
    assert query["body"][0].replace("\r\n", "\n") == "Siden: https://x.no/a?b=c&d\n\nHva er feil?\n"
    assert "%0D%0A" in href and "%20" in href
    assert unquote(href).startswith("mailto:post@example.org?subject=")
    assert mailto_href("", "x", "y") == ""


def test_after_first_h1():
    assert after_first_h1("<h1>T</h1><p>x</p>", "<details></details>") == "<h1>T</h1><details></details><p>x</p>"
    assert after_first_h1("<p>x</p>", "") == "<p>x</p>"
