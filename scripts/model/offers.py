"""The directory of offers ("Hjelp i nærheten"): data/offers.yml, places.yml
and offers-strings.yml, read once into records.

Reading is lenient: an entry that is incomplete still becomes an `Offer`
with what could be read. scripts/checks/offers.py judges the entries; the
renderer shows only the offers the check passes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import phonenumbers
from phonenumbers import shortnumberinfo

from scripts.model import yamlfile
from scripts.model.config import SiteConfig
from scripts.model.problem import Problem
from scripts.model.yamlfile import DataFile

OFFERS_FILE = "data/offers.yml"
PLACES_FILE = "data/places.yml"
STRINGS_FILE = "data/offers-strings.yml"


@dataclass
class Places:
    counties: list[str] = field(default_factory=list)  # in display order
    county_of: dict[str, str] = field(default_factory=dict)  # municipality -> county (first listing wins)
    municipalities: dict[str, list[str]] = field(default_factory=dict)  # county -> municipalities


@dataclass
class Offer:
    raw: yamlfile.LineMap
    number: int  # 1-based position in offers.yml
    id: str
    national: bool = False
    counties: list[str] = field(default_factory=list)  # served as a whole
    municipalities: list[str] = field(default_factory=list)
    phone: tuple[str, str, str] | None = None  # (display, tel: target, schema.org telephone)

    def served_counties(self, places: Places) -> list[str]:
        found = list(self.counties)
        for municipality in self.municipalities:
            county = places.county_of.get(municipality)
            if county and county not in found:
                found.append(county)
        return [county for county in places.counties if county in found]


@dataclass
class OffersData:
    offers_file: DataFile
    places_file: DataFile
    strings_file: DataFile
    places: Places
    offers: list[Offer]
    default_locale: str

    @property
    def strings(self) -> dict:
        return self.strings_file.data if isinstance(self.strings_file.data, dict) else {}

    def words(self, locale: str) -> dict:
        """The strings for a language, with the default language's for any gap."""
        base = self.strings.get(self.default_locale) or {}
        own = self.strings.get(locale) or {}
        merged = dict(base) if isinstance(base, dict) else {}
        for key, value in own.items() if isinstance(own, dict) else ():
            if isinstance(value, dict) and isinstance(merged.get(key), dict):
                merged[key] = {**merged[key], **value}
            elif value:
                merged[key] = value
        return merged


def parse_phone(value) -> tuple[str, str, str] | None:
    """(how to show it, tel: target, schema.org telephone), or None if it is not a number.

    Norwegian numbers are shown as the `phonenumbers` library formats them
    (22 46 19 22, 800 40 567); national short numbers (116 123, 113) are valid
    too and shown in groups of three."""
    text = str(value).strip()
    try:
        number = phonenumbers.parse(text, "NO")
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_valid_number(number):
        fmt = (
            phonenumbers.PhoneNumberFormat.NATIONAL
            if number.country_code == 47
            else phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return phonenumbers.format_number(number, fmt), e164, e164
    if (
        number.country_code == 47
        and not text.startswith("+")
        and shortnumberinfo.is_valid_short_number_for_region(number, "NO")
    ):
        digits = str(number.national_number)
        shown = f"{digits[:3]} {digits[3:]}" if len(digits) == 6 else digits
        return shown, digits, shown
    return None


def _read(cfg: SiteConfig, shown: str) -> DataFile:
    path = cfg.root / shown
    if not path.exists():
        missing = f"the file is missing. It must exist next to {OFFERS_FILE} (see data/README.md)."
        return DataFile(shown, read_problems=[Problem(shown, 0, missing)])
    return yamlfile.read_file(path, shown)


def _places(file: DataFile) -> Places:
    places = Places()
    counties = file.data.get("counties") if isinstance(file.data, dict) else None
    for county, municipalities in counties.items() if isinstance(counties, dict) else ():
        places.counties.append(str(county))
        places.municipalities[str(county)] = []
        for municipality in municipalities if isinstance(municipalities, list) else ():
            name = str(municipality)
            if name not in places.county_of:
                places.county_of[name] = str(county)
                places.municipalities[str(county)].append(name)
    return places


def _offer(entry, number: int, places: Places) -> Offer:
    if not isinstance(entry, dict):
        return Offer(yamlfile.LineMap(), number, f"offer-{number}")
    offer_id = entry.get("id")
    offer = Offer(entry, number, str(offer_id) if offer_id not in (None, "") else f"offer-{number}")
    area = entry.get("area")
    if area == "national":
        offer.national = True
    elif isinstance(area, dict):
        for county in area.get("counties") or [] if isinstance(area.get("counties"), list) else []:
            if str(county) in places.counties:
                offer.counties.append(str(county))
        for municipality in area.get("municipalities") or [] if isinstance(area.get("municipalities"), list) else []:
            county = places.county_of.get(str(municipality))
            if county and county not in offer.counties:
                offer.municipalities.append(str(municipality))
    contact = entry.get("contact")
    if isinstance(contact, dict) and contact.get("phone") not in (None, ""):
        offer.phone = parse_phone(contact["phone"])
    return offer


def read_offers(cfg: SiteConfig) -> OffersData | None:
    """The directory's data; None when the site has no offers file."""
    if not (cfg.root / OFFERS_FILE).exists():
        return None
    places_file = _read(cfg, PLACES_FILE)
    strings_file = _read(cfg, STRINGS_FILE)
    offers_file = _read(cfg, OFFERS_FILE)
    places = _places(places_file)
    entries = offers_file.data.get("offers") if isinstance(offers_file.data, dict) else None
    offers = [
        _offer(entry, number, places)
        for number, entry in enumerate(entries if isinstance(entries, list) else [], start=1)
    ]
    return OffersData(offers_file, places_file, strings_file, places, offers, cfg.default_locale)
