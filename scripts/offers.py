"""The directory of offers for pårørende ("Hjelp i nærheten"): check and render.

    python -m scripts.offers                  # check data/offers.yml and friends
    python -m scripts.offers --today 2027-12-01  # as if it were that day

Data (all under data/, documented in data/README.md):

* ``offers.yml``: one entry per offer;
* ``places.yml``: the counties and the municipalities in each, so an offer
  names municipalities and its county is looked up, never typed twice;
* ``offers-strings.yml``: every word the directory shows, per site language;
  its keys under ``kinds``, ``audiences`` and ``language_names`` are also the
  allowed values in offers.yml.

On every build ``check(cfg)`` reports problems (file, line, offer id), and the
page line ``<!-- offers-directory -->`` is replaced by ``render(...)``: the list
grouped by county with national offers first (complete without JavaScript),
the filter form (hidden until offers-filter.js shows it), and one schema.org
JSON-LD block.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import html
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import phonenumbers  # noqa: E402
import yaml  # noqa: E402
from phonenumbers import shortnumberinfo  # noqa: E402

from scripts import page_notices  # noqa: E402
from scripts.site_config import Problem, SiteConfig, load_config, print_problems  # noqa: E402

MARKER = "<!-- offers-directory -->"
OFFERS_FILE = "data/offers.yml"
PLACES_FILE = "data/places.yml"
STRINGS_FILE = "data/offers-strings.yml"

# How old a verification may get: older than WARN_MONTHS is a warning (check
# it soon), older than ERROR_MONTHS fails the build.
WARN_MONTHS = 12
ERROR_MONTHS = 18

REQUIRED = ("id", "name", "organisation", "kind", "audience", "area", "languages",
            "free", "referral", "description", "sources", "verified")
OPTIONAL = ("contact", "interpreter", "description_status", "review_notes")
CONTACT_FIELDS = ("phone", "web", "email", "address")
STATUSES = ("machine", "reviewed")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
PLACEHOLDER_RE = re.compile(r"\{[a-z_]+\}")


# --- YAML with line numbers ---------------------------------------------------

class _Map(dict):
    """A YAML mapping that remembers the line of itself and of each key."""

    line: int = 1
    lines: dict

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class _LineLoader(yaml.SafeLoader):
    duplicates: list


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> _Map:
    loader.flatten_mapping(node)
    result = _Map()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool, dt.date)) and key is not None:
            key = str(key)
        line = key_node.start_mark.line + 1
        if key in result:
            loader.duplicates.append((line, key))
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = line
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)


def _read_yaml(cfg: SiteConfig, rel: str, problems: list[Problem]):
    path = cfg.root / rel
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        problems.append(Problem(rel, 0, f"the file is missing. It must exist next to {OFFERS_FILE} (see data/README.md)."))
        return None
    loader = _LineLoader(text)
    loader.duplicates = []
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc)
        problems.append(Problem(rel, mark.line + 1 if mark else 1,
                                f"this is not valid YAML ({reason}). Check the indentation and the quotes on this line and the one above."))
        return None
    finally:
        loader.dispose()
    for line, key in loader.duplicates:
        problems.append(Problem(rel, line, f"'{key}' appears twice in the same block. Keep one of them."))
    return data


# --- The data, loaded and checked --------------------------------------------

@dataclass
class Place:
    counties: list[str] = field(default_factory=list)  # in display order
    county_of: dict[str, str] = field(default_factory=dict)  # municipality -> county
    municipalities: dict[str, list[str]] = field(default_factory=dict)  # county -> municipalities


@dataclass
class Offer:
    raw: _Map
    id: str
    ok: bool = True
    national: bool = False
    counties: list[str] = field(default_factory=list)  # served as a whole
    municipalities: list[str] = field(default_factory=list)
    phone: tuple[str, str, str] | None = None  # (display, tel: target, schema.org telephone)

    def served_counties(self, places: Place) -> list[str]:
        found = list(self.counties)
        for municipality in self.municipalities:
            county = places.county_of.get(municipality)
            if county and county not in found:
                found.append(county)
        return [county for county in places.counties if county in found]


@dataclass
class Directory:
    offers: list[Offer]
    places: Place
    strings: dict  # locale -> block
    default_locale: str
    problems: list[Problem]

    def words(self, locale: str) -> dict:
        """The strings for a language, with the default language for any gap."""
        base = self.strings.get(self.default_locale) or {}
        own = self.strings.get(locale) or {}
        merged = dict(base)
        for key, value in own.items():
            if isinstance(value, dict) and isinstance(base.get(key), dict):
                merged[key] = {**base[key], **value}
            elif value:
                merged[key] = value
        return merged


def _check_places(cfg: SiteConfig, problems: list[Problem]) -> Place:
    places = Place()
    data = _read_yaml(cfg, PLACES_FILE, problems)
    if data is None:
        return places
    counties = data.get("counties") if isinstance(data, dict) else None
    if not isinstance(counties, dict):
        problems.append(Problem(PLACES_FILE, 1, "the file must start with 'counties:' followed by one line per county (see data/README.md)."))
        return places
    for county, municipalities in counties.items():
        line = counties.line_of(county)
        places.counties.append(str(county))
        if municipalities is None:
            municipalities = []
        if not isinstance(municipalities, list):
            problems.append(Problem(PLACES_FILE, line, f"the municipalities of {county} must be a list ('- Name' lines, or [] for none)."))
            continue
        places.municipalities[str(county)] = []
        for municipality in municipalities:
            name = str(municipality)
            if name in places.county_of:
                problems.append(Problem(PLACES_FILE, line, f"the municipality '{name}' is listed under both {places.county_of[name]} and {county}. "
                                        "If two municipalities share a name, write the county in brackets, e.g. 'Herøy (Nordland)'."))
                continue
            places.county_of[name] = str(county)
            places.municipalities[str(county)].append(name)
    return places


def _check_strings(cfg: SiteConfig, problems: list[Problem]) -> dict:
    data = _read_yaml(cfg, STRINGS_FILE, problems)
    if not isinstance(data, dict):
        if data is not None:
            problems.append(Problem(STRINGS_FILE, 1, "the file must have one block per language code (nb:, en:, ...)."))
        return {}
    default = cfg.default_locale
    reference = data.get(default)
    if not isinstance(reference, dict):
        problems.append(Problem(STRINGS_FILE, 1, f"there is no '{default}' block. It is the source every other language is compared with."))
        return data
    names = {lang.locale: lang.name for lang in cfg.languages}
    for locale, name in names.items():
        block = data.get(locale)
        if not isinstance(block, dict):
            problems.append(Problem(STRINGS_FILE, 1, f"there is no block for '{locale}' ({name}), a language in mkdocs.yml. "
                                    f"Copy the '{default}' block, rename it '{locale}:' and translate every line."))
            continue
        _compare_strings(reference, block, data.line_of(locale), locale, name, "", problems)
    for locale in data:
        if locale not in names:
            problems.append(Problem(STRINGS_FILE, data.line_of(locale),
                                    f"the block '{locale}' is not a language in mkdocs.yml, so it is never shown.",
                                    severity="warning"))
    return data


def _compare_strings(reference: dict, block: _Map, header: int, locale: str, name: str, prefix: str, problems: list[Problem]) -> None:
    """Report keys of the reference block missing from a language's block, at
    the line of the block's name ('so:' or '  kinds:'), where they belong."""
    for key, source in reference.items():
        label = f"{prefix}{key}"
        value = block.get(key)
        if isinstance(source, dict):
            if not isinstance(value, dict):
                problems.append(Problem(STRINGS_FILE, block.line_of(key) if key in block else header,
                                        f"the '{locale}' block ({name}) has no '{label}' list. Copy it from the 'nb' block and translate it."))
                continue
            _compare_strings(source, value, block.line_of(key), locale, name, f"{label}.", problems)
            continue
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(STRINGS_FILE, block.line_of(key) if key in block else header,
                                    f"the '{locale}' block ({name}) has no text for '{label}'. Add it, translated into {name}."))
            continue
        wanted = set(PLACEHOLDER_RE.findall(str(source)))
        if wanted != set(PLACEHOLDER_RE.findall(value)):
            problems.append(Problem(STRINGS_FILE, block.line_of(key),
                                    f"the '{locale}' text for '{label}' must contain {' and '.join(sorted(wanted)) or 'no {...} placeholders'} "
                                    "exactly as in the 'nb' block; the site fills them in."))


def parse_phone(value) -> tuple[str, str, str] | None:
    """(how to show it, tel: target, schema.org telephone) or None if invalid.

    Norwegian numbers are written the way the `phonenumbers` library formats
    them (22 46 19 22, 800 40 567); the national short numbers (116 123,
    116 111, 113) are valid too and are written in groups of three."""
    text = str(value).strip()
    try:
        number = phonenumbers.parse(text, "NO")
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_valid_number(number):
        fmt = phonenumbers.PhoneNumberFormat.NATIONAL if number.country_code == 47 else phonenumbers.PhoneNumberFormat.INTERNATIONAL
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return phonenumbers.format_number(number, fmt), e164, e164
    if number.country_code == 47 and not text.startswith("+") and shortnumberinfo.is_valid_short_number_for_region(number, "NO"):
        digits = str(number.national_number)
        shown = f"{digits[:3]} {digits[3:]}" if len(digits) == 6 else digits
        return shown, digits, shown
    return None


def _url_problem(url) -> str | None:
    text = str(url).strip()
    parts = urlsplit(text)
    if parts.scheme != "https":
        return f"the web address '{text}' must start with https:// . Open the page in a browser and copy the https address."
    if not parts.hostname or "." not in parts.hostname or any(c.isspace() for c in text):
        return f"'{text}' is not a complete web address. Copy it from the browser's address bar."
    return None


def add_months(day: dt.date, months: int) -> dt.date:
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    return dt.date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def _check_offer(entry, number: int, ids: dict, directory: Directory, cfg: SiteConfig, today: dt.date) -> Offer | None:
    problems = directory.problems
    if not isinstance(entry, _Map):
        problems.append(Problem(OFFERS_FILE, 0, f"offer number {number} is not a block of 'field: value' lines. Start it with '- id: ...'."))
        return None
    offer_id = entry.get("id")
    label = f"offer '{offer_id}'" if isinstance(offer_id, str) and offer_id else f"offer number {number}"
    offer = Offer(raw=entry, id=str(offer_id or f"offer-{number}"))

    def fail(key: str | None, message: str, severity: str = "error") -> None:
        if severity == "error":
            offer.ok = False
        line = entry.line_of(key) if key else entry.line
        problems.append(Problem(OFFERS_FILE, line, f"{label}: {message}", severity=severity))

    words = directory.strings.get(directory.default_locale) or {}
    kinds = words.get("kinds") or {}
    audiences = words.get("audiences") or {}
    language_names = words.get("language_names") or {}

    for key in REQUIRED:
        if entry.get(key) in (None, "", [], {}):
            fail(None, f"'{key}' is missing. Add it (data/README.md says what it means).")
    for key in entry:
        if key not in REQUIRED and key not in OPTIONAL:
            fail(key, f"unknown field '{key}'. Check the spelling; the fields are: {', '.join(REQUIRED + OPTIONAL)}.")

    if offer_id not in (None, ""):
        if not isinstance(offer_id, str) or not ID_RE.match(offer_id):
            fail("id", f"the id '{offer_id}' may only use small letters a-z, digits and hyphens, e.g. 'klover-kafe-time'.")
        elif offer_id in ids:
            fail("id", f"the id is already used by the offer on line {ids[offer_id]}. Give each offer its own id.")
        else:
            ids[offer_id] = entry.line_of("id")

    for key in ("name", "organisation"):
        if entry.get(key) not in (None, "") and not isinstance(entry.get(key), str):
            fail(key, f"'{key}' must be plain text.")

    kind = entry.get("kind")
    if kind not in (None, "") and kind not in kinds:
        fail("kind", f"unknown kind '{kind}'. Use one of: {', '.join(kinds)}.")

    audience = entry.get("audience")
    if audience not in (None, "", []):
        if not isinstance(audience, list):
            fail("audience", "'audience' must be a list in square brackets, e.g. [dementia, older_people].")
        else:
            for item in audience:
                if item not in audiences:
                    fail("audience", f"unknown audience '{item}'. Use one or more of: {', '.join(audiences)}.")

    _check_area(entry, offer, directory.places, fail)

    contact = entry.get("contact")
    if contact is not None:
        if not isinstance(contact, _Map):
            fail("contact", "'contact' must be a block with phone:, web:, email: or address: lines.")
        else:
            for key in contact:
                if key not in CONTACT_FIELDS:
                    problems.append(Problem(OFFERS_FILE, contact.line_of(key), f"{label}: unknown contact field '{key}'. Use phone, web, email or address."))
                    offer.ok = False
            if contact.get("phone") not in (None, ""):
                offer.phone = parse_phone(contact["phone"])
                if offer.phone is None:
                    problems.append(Problem(OFFERS_FILE, contact.line_of("phone"),
                                            f"{label}: '{contact['phone']}' is not a valid Norwegian phone number. "
                                            "Check the digits against the source page (8 digits, e.g. 22 46 19 22, or a short number like 116 123)."))
                    offer.ok = False
            if contact.get("web") not in (None, ""):
                message = _url_problem(contact["web"])
                if message:
                    problems.append(Problem(OFFERS_FILE, contact.line_of("web"), f"{label}: {message}"))
                    offer.ok = False
            if contact.get("email") not in (None, "") and not EMAIL_RE.match(str(contact["email"]).strip()):
                problems.append(Problem(OFFERS_FILE, contact.line_of("email"), f"{label}: '{contact['email']}' is not an e-mail address."))
                offer.ok = False

    languages = entry.get("languages")
    if languages not in (None, "", []):
        if not isinstance(languages, list):
            fail("languages", "'languages' must be a list in square brackets, e.g. [nb, en].")
        else:
            for item in languages:
                if item not in language_names:
                    fail("languages", f"unknown language code '{item}'. Use one of: {', '.join(language_names)} "
                                      f"(add a new one under language_names in {STRINGS_FILE}, in every language).")
    if "interpreter" in entry and not isinstance(entry["interpreter"], bool):
        fail("interpreter", "'interpreter' must be true or false.")

    for key in ("free", "referral"):
        if key in entry and entry[key] not in (True, False, "unknown"):
            fail(key, f"'{key}' must be true, false or unknown (write unknown when the source does not say).")

    _check_description(entry, cfg, fail)

    sources = entry.get("sources")
    if sources not in (None, "", []):
        if not isinstance(sources, list):
            fail("sources", "'sources' must be a list of '- title: ...' and 'url: ...' pairs.")
        else:
            for source in sources:
                line_owner = source if isinstance(source, _Map) else entry
                if not isinstance(source, _Map) or not source.get("title") or not source.get("url"):
                    problems.append(Problem(OFFERS_FILE, line_owner.line, f"{label}: each source needs a 'title' and a 'url'."))
                    offer.ok = False
                    continue
                message = _url_problem(source["url"])
                if message:
                    problems.append(Problem(OFFERS_FILE, source.line_of("url"), f"{label}: {message}"))
                    offer.ok = False

    _check_verified(entry, today, fail)

    notes = entry.get("review_notes")
    if notes is not None and not (isinstance(notes, list) and all(isinstance(n, str) for n in notes)):
        fail("review_notes", "'review_notes' must be a list of '- \"note\"' lines.")
    return offer


def _check_area(entry: _Map, offer: Offer, places: Place, fail) -> None:
    area = entry.get("area")
    if area in (None, ""):
        return
    if area == "national":
        offer.national = True
        return
    if not isinstance(area, _Map) or not (area.get("counties") or area.get("municipalities")) or set(area) - {"counties", "municipalities"}:
        fail("area", "'area' must be 'national', or a block with 'counties: [...]' and/or 'municipalities: [...]'.")
        return
    for key in ("counties", "municipalities"):
        if area.get(key) is not None and not isinstance(area.get(key), list):
            fail("area", f"'{key}' must be a list in square brackets, e.g. [Time].")
            return
    for county in area.get("counties") or []:
        if str(county) not in places.counties:
            fail("area", f"unknown county '{county}'. Use the name exactly as in {PLACES_FILE} (the counties from 2024).")
        else:
            offer.counties.append(str(county))
    for municipality in area.get("municipalities") or []:
        county = places.county_of.get(str(municipality))
        if county is None:
            fail("area", f"unknown municipality '{municipality}'. Check the spelling against {PLACES_FILE}, "
                         "or add the municipality there under its county.")
        elif county in offer.counties:
            fail("area", f"{municipality} is in {county}, which is already listed under counties. Remove one of them.", "warning")
        else:
            offer.municipalities.append(str(municipality))


def _check_description(entry: _Map, cfg: SiteConfig, fail) -> None:
    description = entry.get("description")
    if description in (None, ""):
        return
    if not isinstance(description, _Map):
        fail("description", "'description' must be a block with one line per language (nb:, en:, ar:, so:).")
        return
    locales = {lang.locale: lang.name for lang in cfg.languages}
    default = cfg.default_locale
    for key in description:
        if key not in locales:
            fail("description", f"there is a description in '{key}', which is not a language in mkdocs.yml. Use: {', '.join(locales)}.")
    if not str(description.get(default) or "").strip():
        fail("description", f"the Norwegian description ('{default}:') is missing. Write one to three short, plain sentences.")
    translated = False
    for locale, name in locales.items():
        if locale == default:
            continue
        if str(description.get(locale) or "").strip():
            translated = True
        else:
            fail("description", f"there is no description in {name} ('{locale}:'). The page shows the Norwegian text with a notice "
                                "until you add a translation.", "warning")
    status = entry.get("description_status")
    if translated and status not in STATUSES:
        fail("description_status" if "description_status" in entry else "description",
             "'description_status' must be 'machine' (translated by a machine, the page says so) or 'reviewed' "
             "(read and approved by a qualified translator).")


def _check_verified(entry: _Map, today: dt.date, fail) -> None:
    value = entry.get("verified")
    if value in (None, ""):
        return
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        fail("verified", f"'verified: {value}' must be a date written as YYYY-MM-DD, e.g. 2026-11-22, without quotes.")
        return
    if value > today:
        fail("verified", f"the date {value.isoformat()} is in the future. Write the day you checked the source page.")
    elif today > add_months(value, ERROR_MONTHS):
        fail("verified", f"last verified {value.isoformat()}, more than {ERROR_MONTHS} months ago. Check the offer against its "
                         "source page now and update 'verified', or remove the offer.")
    elif today > add_months(value, WARN_MONTHS):
        fail("verified", f"last verified {value.isoformat()}, more than {WARN_MONTHS} months ago. Check the offer against its "
                         "source page and update 'verified'.", "warning")


def load(cfg: SiteConfig, today: dt.date | None = None) -> Directory | None:
    """Read and check the data. None when the site has no offers file."""
    if not (cfg.root / OFFERS_FILE).exists():
        return None
    today = today or dt.date.today()
    problems: list[Problem] = []
    places = _check_places(cfg, problems)
    strings = _check_strings(cfg, problems)
    directory = Directory([], places, strings, cfg.default_locale, problems)
    data = _read_yaml(cfg, OFFERS_FILE, problems)
    if data is None:
        return directory
    entries = data.get("offers") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        problems.append(Problem(OFFERS_FILE, 1, "the file must start with 'offers:' followed by the offers, each starting with '- id: ...'."))
        return directory
    ids: dict[str, int] = {}
    for number, entry in enumerate(entries, start=1):
        offer = _check_offer(entry, number, ids, directory, cfg, today)
        if offer is not None:
            directory.offers.append(offer)
    return directory


def check(cfg: SiteConfig, today: dt.date | None = None) -> list[Problem]:
    directory = load(cfg, today)
    if directory is None:
        return []
    for problem in directory.problems:
        problem.check = "offers"
    return directory.problems


# --- Rendering ------------------------------------------------------------------

def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _slug(text: str) -> str:
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _host(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host


def _answer(words: dict, key: str, value) -> str:
    return words[f"{key}_{ {True: 'yes', False: 'no'}.get(value, 'unknown') }"]


def _where(offer: Offer, places: Place, words: dict) -> str:
    if offer.national:
        return _e(words["national"])
    parts = [_e(county) for county in offer.counties]
    parts += [f"{_e(m)} ({_e(places.county_of[m])})" for m in offer.municipalities]
    return ", ".join(parts)


def _description(offer: Offer, locale: str, default: str, words: dict) -> tuple[str, str, str | None]:
    """(text, its language, notice or None)."""
    description = offer.raw.get("description") or {}
    text = str(description.get(locale) or "").strip()
    if locale == default:
        return text, locale, None
    if not text:
        return str(description.get(default) or "").strip(), default, words["norwegian_only"]
    if offer.raw.get("description_status") != "reviewed":
        return text, locale, words["machine_translation"]
    return text, locale, None


def _article(offer: Offer, directory: Directory, locale: str, words: dict, anchor: str, rtl: bool, shared_notice: str | None) -> str:
    raw = offer.raw
    contact = raw.get("contact") or {}
    text, text_lang, notice = _description(offer, locale, directory.default_locale, words)
    lang_attr = f' lang="{text_lang}" dir="ltr"' if text_lang != locale and rtl else (f' lang="{text_lang}"' if text_lang != locale else "")
    data = {
        "data-offer": raw["id"],
        "data-national": "true" if offer.national else "false",
        "data-counties": json.dumps(offer.counties, ensure_ascii=False),
        "data-municipalities": json.dumps(offer.municipalities, ensure_ascii=False),
        "data-audience": json.dumps(raw.get("audience") or []),
        "data-languages": json.dumps(raw.get("languages") or []),
        "data-interpreter": "true" if raw.get("interpreter") else "false",
    }
    attrs = " ".join(f'{k}="{_e(v)}"' for k, v in data.items())
    out = [f'<article class="offer" {attrs}>',
           f'<h4 id="{anchor}" dir="auto">{_e(raw["name"])}</h4>',
           f'<p class="offer__kind">{_e(words["kinds"][raw["kind"]])} · <bdi>{_e(raw["organisation"])}</bdi></p>',
           f'<p class="offer__description"{lang_attr}>{_e(text)}</p>']
    if notice and notice != shared_notice:
        out.append(f'<p class="offer__notice">{_e(notice)}</p>')
    facts = []
    if offer.phone:
        shown, target, _ = offer.phone
        facts.append((words["phone"], f'<a href="tel:{_e(target)}" dir="ltr">{_e(shown)}</a>'))
    if contact.get("web"):
        facts.append((words["web"], f'<a href="{_e(contact["web"])}" dir="ltr">{_e(_host(contact["web"]))}</a>'))
    if contact.get("email"):
        email = str(contact["email"]).strip()
        facts.append((words["email"], f'<a href="mailto:{_e(email)}" dir="ltr">{_e(email)}</a>'))
    if contact.get("address"):
        facts.append((words["address"], f'<bdi>{_e(contact["address"])}</bdi>'))
    facts.append((words["audience_label"], _e(", ".join(words["audiences"][a] for a in raw["audience"]))))
    facts.append((words["where"], _where(offer, directory.places, words)))
    languages = ", ".join(words["language_names"][code] for code in raw["languages"])
    if raw.get("interpreter"):
        languages += f'; {words["interpreter"]}'
    facts.append((words["language_label"], _e(languages)))
    facts.append((words["price"], _e(_answer(words, "free", raw["free"]))))
    facts.append((words["referral"], _e(_answer(words, "referral", raw["referral"]))))
    verified = raw["verified"].isoformat()
    facts.append((words["last_verified"], f'<time datetime="{verified}">{verified}</time>'))
    links = "; ".join(f'<a href="{_e(s["url"])}" dir="auto">{_e(s["title"])}</a>' for s in raw["sources"])
    facts.append((words["source"], links))
    out.append('<dl class="offer__facts">' + "".join(f"<dt>{_e(t)}</dt><dd>{d}</dd>" for t, d in facts) + "</dl>")
    out.append("</article>")
    return "\n".join(out)


def _groups(directory: Directory, offers: list[Offer]) -> list[tuple[str, str, list[Offer]]]:
    """(group key, county name or '' for national, offers): national first,
    then the counties in the order of places.yml; each sorted by name."""
    def by_name(offer: Offer) -> str:
        return str(offer.raw["name"]).casefold()

    groups = [("national", "", sorted((o for o in offers if o.national), key=by_name))]
    for county in directory.places.counties:
        members = [o for o in offers if county in o.served_counties(directory.places)]
        groups.append((county, county, sorted(members, key=by_name)))
    return [g for g in groups if g[2]]


def _json_ld(directory: Directory, offers: list[Offer], locale: str, words: dict, page_url: str | None) -> str:
    items = []
    for offer in offers:
        raw = offer.raw
        contact = raw.get("contact") or {}
        text, _, _ = _description(offer, locale, directory.default_locale, words)
        item = {"@type": "Service", "name": raw["name"], "serviceType": words["kinds"][raw["kind"]], "description": text}
        if page_url:
            item["@id"] = f"{page_url}#tilbud-{raw['id']}"
        provider = {"@type": "Organization", "name": raw["organisation"]}
        if offer.phone:
            provider["telephone"] = offer.phone[2]
        if contact.get("email"):
            provider["email"] = str(contact["email"]).strip()
        if contact.get("address"):
            provider["address"] = str(contact["address"])
        item["provider"] = provider
        if offer.national:
            item["areaServed"] = {"@type": "Country", "name": "Norge"}
        else:
            item["areaServed"] = [{"@type": "AdministrativeArea", "name": c} for c in offer.counties] + [
                {"@type": "AdministrativeArea", "name": m,
                 "containedInPlace": {"@type": "AdministrativeArea", "name": directory.places.county_of[m]}}
                for m in offer.municipalities]
        item["audience"] = {"@type": "Audience", "audienceType": ", ".join(words["audiences"][a] for a in raw["audience"])}
        item["availableLanguage"] = list(raw["languages"])
        channel = {"@type": "ServiceChannel"}
        if offer.phone:
            channel["servicePhone"] = {"@type": "ContactPoint", "telephone": offer.phone[2]}
        if contact.get("web"):
            channel["serviceUrl"] = contact["web"]
            item["url"] = contact["web"]
        if len(channel) > 1:
            item["availableChannel"] = channel
        if raw["free"] is True:
            item["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "NOK"}
        item["isBasedOn"] = [s["url"] for s in raw["sources"]]
        items.append(item)
    data = {"@context": "https://schema.org", "@graph": items}
    # "</" would end the <script> element early; JSON allows "<\/".
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def _filter_form(directory: Directory, offers: list[Offer], words: dict) -> str:
    places = directory.places
    opts = [f'<option value="">{_e(words["place_all"])}</option>']
    for county in places.counties:
        opts.append(f'<optgroup label="{_e(county)}">'
                    f'<option value="county:{_e(county)}">{_e(words["county_whole"].replace("{county}", county))}</option>'
                    + "".join(f'<option value="municipality:{_e(m)}">{_e(m)}</option>' for m in places.municipalities.get(county, []))
                    + "</optgroup>")
    used_audiences = {a for o in offers for a in o.raw["audience"]}
    radios = [f'<label><input type="radio" name="audience" value="" checked> {_e(words["audience_all"])}</label>']
    radios += [f'<label><input type="radio" name="audience" value="{_e(key)}"> {_e(label)}</label>'
               for key, label in words["audiences"].items() if key in used_audiences and key != "everyone"]
    used_languages = {code for o in offers for code in o.raw["languages"]}
    langs = [f'<option value="">{_e(words["language_all"])}</option>']
    langs += [f'<option value="{_e(code)}">{_e(name)}</option>' for code, name in words["language_names"].items() if code in used_languages]
    if any(o.raw.get("interpreter") for o in offers):
        langs.append(f'<option value="interpreter">{_e(words["interpreter"])}</option>')
    return "\n".join([
        f'<form class="offers-filter" data-offers-filter hidden role="search" aria-label="{_e(words["filter_label"])}">',
        f'<div class="offers-filter__field"><label for="offers-place">{_e(words["place_label"])}</label>',
        f'<select id="offers-place" name="place">{"".join(opts)}</select></div>',
        f'<fieldset class="offers-filter__field"><legend>{_e(words["audience_label"])}</legend>{"".join(radios)}</fieldset>',
        f'<div class="offers-filter__field"><label for="offers-language">{_e(words["language_label"])}</label>',
        f'<select id="offers-language" name="language">{"".join(langs)}</select></div>',
        f'<button type="reset" class="md-button">{_e(words["show_all"])}</button>',
        "</form>",
        '<p class="offers-status" data-offers-status role="status" aria-live="polite" hidden></p>',
    ])


def render(cfg: SiteConfig, locale: str, page=None) -> str:
    """The directory as HTML for one language (replaces the marker line)."""
    directory = load(cfg)
    if directory is None:
        return ""
    words = directory.words(locale)
    # The direction comes from the language's interface strings, like the
    # theme's, so a new right-to-left language needs no change here.
    rtl = cfg.direction(locale) == "rtl"
    offers = [o for o in directory.offers if o.ok]  # the check reports the rest
    page_url = getattr(page, "canonical_url", None) if page is not None else None
    parts = [
        # lang and dir: on a page that is the Norwegian text shown as a
        # fallback, the list is still in the reader's language and direction.
        f'<div class="offers" lang="{_e(locale)}" dir="{"rtl" if rtl else "ltr"}" data-offers '
        f'data-count-template="{_e(words["result_count"])}" '
        f'data-no-results="{_e(words["no_results"])}" '
        # Issue 13: what to say when a place has no local offer (offers-filter.js).
        f'data-no-local="{_e(words["no_local"])}" data-no-local-national="{_e(words["no_local_national"])}" '
        f'data-no-local-municipality="{_e(words["no_local_municipality"])}" data-municipality-href="../hjelp-fra-kommunen/">',
        f'<script type="application/ld+json">{_json_ld(directory, offers, locale, words, page_url)}</script>',
        _filter_form(directory, offers, words),
    ]
    # When every description carries the same notice (all machine-translated),
    # say it once above the list instead of after each of the offers.
    notices = {_description(o, locale, directory.default_locale, words)[2] for o in offers}
    shared_notice = notices.pop() if len(notices) == 1 else None
    if shared_notice:
        parts.append(f'<p class="offers-notice">{_e(shared_notice)}</p>')
    seen: set[str] = set()
    for key, county, members in _groups(directory, offers):
        heading_id = "hele-landet" if key == "national" else f"fylke-{_slug(county)}"
        title = words["national"] if key == "national" else county
        parts.append(f'<section class="offers-group" data-offers-group="{_e(county)}" aria-labelledby="{heading_id}">')
        parts.append(f'<h3 id="{heading_id}">{_e(title)}</h3>')
        for offer in members:
            # An offer serving two counties is listed in both; the first
            # listing keeps the plain anchor so links to it stay stable.
            anchor = f"tilbud-{offer.raw['id']}" if offer.id not in seen else f"tilbud-{offer.raw['id']}-{_slug(county)}"
            seen.add(offer.id)
            parts.append(_article(offer, directory, locale, words, anchor, rtl, shared_notice))
        parts.append("</section>")
    parts.append("</div>")
    # Blank lines around it so Markdown treats it as one raw HTML block.
    return "\n\n" + "\n".join(parts) + "\n\n"


page_notices.register_marker(MARKER, render)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=None, help="repository root (default: this repository)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None,
                        help="check the verification dates as if today were this date (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    cfg = load_config(args.root)
    if load(cfg) is None:
        print(f"{OFFERS_FILE} does not exist: nothing to check.", file=sys.stderr)
        return 0
    problems = check(cfg, args.today)
    print_problems(problems)
    errors = sum(p.severity == "error" for p in problems)
    directory = load(cfg, args.today)
    print(f"{len(directory.offers)} offer(s): {errors} error(s), {len(problems) - errors} warning(s)", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
