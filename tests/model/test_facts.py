"""The facts a translation must keep, read from one line (scripts/model/facts.py)."""

from __future__ import annotations

import pytest

from scripts.model.facts import facts


def keys(line: str) -> list[str]:
    return [key for key, _ in facts(line)]


@pytest.mark.parametrize(
    "line",
    [
        "Søk innen 1. januar 2027.",
        "Apply by 1 January 2027.",
        "Codsiga ka hor 1 Janaayo 2027.",
        "قدّم الطلب قبل ١ يناير ٢٠٢٧.",
        "By JANUARY 1, 2027 at the latest",
    ],
)
def test_a_date_agrees_in_every_language_and_digit_script(line):
    assert sorted(keys(line)) == ["number 1", "number 1", "number 2027"]


def test_a_month_name_counts_only_next_to_a_number():
    assert keys("You may apply in May.") == []
    assert keys("Ring 22 40 00 40 i mai") == ["number 22400040"]


def test_addresses_phone_numbers_and_provisions():
    line = "Skriv til post@parorendelinjen.no, ring [tel](tel:+47 800 40 567) eller les § 3-6 på https://lovdata.no/x."
    assert keys(line) == [
        "url https://lovdata.no/x",
        "phone 4780040567",
        "email post@parorendelinjen.no",
        "§ 3-6",
    ]
    assert keys("Arabic decimals: ٢٫٥ and thousands ١٠٬٠٠٠") == ["number 2", "number 5", "number 10000"]


@pytest.mark.parametrize("line", ["Frist 1. ſeptember 2026.", "Frist 17. MAİ 2026."])
def test_an_odd_spelling_of_a_month_is_read_not_a_crash(line):
    """Under re.I the pattern matches "ſ" as "s" and "İ" as "i"; str.lower() does not."""
    month = "number 9" if "ſ" in line else "number 5"
    assert (month, line.split()[2]) in facts(line)
