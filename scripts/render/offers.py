"""The directory of offers as HTML, for one language (templates/offers.html).

The list is grouped by county with national offers first and is complete
without JavaScript; the filter form is hidden until offers-filter.js shows
it; one schema.org JSON-LD block describes every offer.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from scripts.model.offers import Offer, OffersData
from scripts.model.slugs import ascii_slug

MARKER = "<!-- offers-directory -->"


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        keep_trailing_newline=False,
        undefined=jinja2.StrictUndefined,
    )
    return env.get_template("offers.html")


def _host(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host


def _answer(words: dict, key: str, value) -> str:
    return words[f"{key}_{ {True: 'yes', False: 'no'}.get(value, 'unknown') }"]


def _where(offer: Offer, data: OffersData, words: dict) -> str:
    if offer.national:
        return words["national"]
    parts = list(offer.counties)
    parts += [f"{m} ({data.places.county_of[m]})" for m in offer.municipalities]
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


def _card(
    offer: Offer, data: OffersData, locale: str, words: dict, anchor: str, shared_notice: str | None, stale: bool
) -> dict:
    raw = offer.raw
    contact = raw.get("contact") or {}
    text, text_lang, notice = _description(offer, locale, data.default_locale, words)
    languages = ", ".join(words["language_names"][code] for code in raw["languages"])
    if raw.get("interpreter"):
        languages += f"; {words['interpreter']}"
    return {
        "data": [
            ("data-offer", raw["id"]),
            ("data-national", "true" if offer.national else "false"),
            ("data-counties", json.dumps(offer.counties, ensure_ascii=False)),
            ("data-municipalities", json.dumps(offer.municipalities, ensure_ascii=False)),
            ("data-audience", json.dumps(list(raw.get("audience") or []))),
            ("data-languages", json.dumps(list(raw.get("languages") or []))),
            ("data-interpreter", "true" if raw.get("interpreter") else "false"),
        ],
        "anchor": anchor,
        "name": raw["name"],
        "kind": words["kinds"][raw["kind"]],
        "organisation": raw["organisation"],
        "text": text,
        "text_lang": text_lang,
        "notice": notice if notice and notice != shared_notice else None,
        "stale": words["not_recently_checked"] if stale else None,
        "phone": offer.phone,
        "web": contact.get("web"),
        "web_host": _host(contact["web"]) if contact.get("web") else "",
        "email": str(contact["email"]).strip() if contact.get("email") else "",
        "address": contact.get("address"),
        "audience": ", ".join(words["audiences"][a] for a in raw["audience"]),
        "where": _where(offer, data, words),
        "languages": languages,
        "price": _answer(words, "free", raw["free"]),
        "referral": _answer(words, "referral", raw["referral"]),
        "verified": raw["verified"].isoformat(),
        "sources": raw["sources"],
    }


def _groups(data: OffersData, offers: list[Offer]) -> list[tuple[str, str, list[Offer]]]:
    """(group key, county name or '' for national, offers): national first,
    then the counties in the order of places.yml; each sorted by name."""

    def by_name(offer: Offer) -> str:
        return str(offer.raw["name"]).casefold()

    groups = [("national", "", sorted((o for o in offers if o.national), key=by_name))]
    for county in data.places.counties:
        members = [o for o in offers if county in o.served_counties(data.places)]
        groups.append((county, county, sorted(members, key=by_name)))
    return [g for g in groups if g[2]]


def json_ld(data: OffersData, offers: list[Offer], locale: str, words: dict, page_url: str | None) -> str:
    items = []
    for offer in offers:
        raw = offer.raw
        contact = raw.get("contact") or {}
        text, _, _ = _description(offer, locale, data.default_locale, words)
        item = {
            "@type": "Service",
            "name": raw["name"],
            "serviceType": words["kinds"][raw["kind"]],
            "description": text,
        }
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
                {
                    "@type": "AdministrativeArea",
                    "name": m,
                    "containedInPlace": {"@type": "AdministrativeArea", "name": data.places.county_of[m]},
                }
                for m in offer.municipalities
            ]
        item["audience"] = {
            "@type": "Audience",
            "audienceType": ", ".join(words["audiences"][a] for a in raw["audience"]),
        }
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
    document = {"@context": "https://schema.org", "@graph": items}
    # "</" would end the <script> element early; JSON allows "<\/".
    return json.dumps(document, ensure_ascii=False, default=str).replace("</", "<\\/").replace("<!--", "<\\!--")


def render(
    data: OffersData | None,
    offers: list[Offer],
    locale: str,
    direction: str,
    *,
    stale=lambda offer: False,
    page_url: str | None = None,
) -> str:
    """The directory for one language: `offers` are those the check passed;
    `stale(offer)` says which have not been verified recently."""
    if data is None:
        return ""
    words = data.words(locale)
    notices = {_description(o, locale, data.default_locale, words)[2] for o in offers}
    # When every description carries the same notice (all machine-translated),
    # say it once above the list instead of after each offer.
    shared_notice = notices.pop() if len(notices) == 1 else None
    seen: set[str] = set()
    groups = []
    for key, county, members in _groups(data, offers):
        cards = []
        for offer in members:
            # An offer serving two counties is listed in both; the first
            # listing keeps the plain anchor so links to it stay stable.
            anchor = (
                f"tilbud-{offer.raw['id']}"
                if offer.id not in seen
                else f"tilbud-{offer.raw['id']}-{ascii_slug(county)}"
            )
            seen.add(offer.id)
            cards.append(_card(offer, data, locale, words, anchor, shared_notice, stale(offer)))
        groups.append(
            {
                "county": county,
                "heading_id": "hele-landet" if key == "national" else f"fylke-{ascii_slug(county)}",
                "title": words["national"] if key == "national" else county,
                "cards": cards,
            }
        )
    used_audiences = {a for o in offers for a in o.raw["audience"]}
    used_languages = {code for o in offers for code in o.raw["languages"]}
    html = _template().render(
        locale=locale,
        direction=direction,
        words=words,
        json_ld=json_ld(data, offers, locale, words, page_url),
        places=data.places,
        audiences=[(k, v) for k, v in words["audiences"].items() if k in used_audiences and k != "everyone"],
        languages=[(k, v) for k, v in words["language_names"].items() if k in used_languages],
        interpreter=any(o.raw.get("interpreter") for o in offers),
        shared_notice=shared_notice,
        groups=groups,
    )
    # Blank lines around it so Markdown treats it as one raw HTML block.
    return "\n\n" + html + "\n\n"
