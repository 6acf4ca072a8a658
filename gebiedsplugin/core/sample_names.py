"""Names and catalogues for the Voorbeeldstad sample: Dutch place names, titles, funders, goals.

Pure data plus two small name generators; the generator in ``sample.py`` draws from these.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

CITY_NAME = "Gemeente Voorbeeldstad"

# District code -> display name (ordered as sample_geo.DISTRICT_ORDER).
DISTRICTS = {
    "centrum": "Centrum",
    "noord": "Noord",
    "oost": "Oost",
    "schalkwijk": "Schalkwijk",
    "zuid_west": "Zuid-West",
}

_NB_ROOTS = (
    "Klever", "Linden", "Vonder", "Ripper", "Garen", "Zijl", "Spaarn", "Bloemen", "Molen", "Dreven",
    "Waarder", "Schoter", "Kleef", "Eiken", "Beuken", "Wilgen", "Essen", "Iepen", "Populieren", "Berken",
    "Duin", "Heem", "Kennemer", "Rozen", "Tulpen", "Narcissen", "Vijver", "Delft", "Burgwal", "Sterren",
    "Zonne", "Pijl", "Slaper", "Bakenes", "Transvaal", "Vogel", "Dichter", "Schilders", "Zuider", "Noorder",
    "Ooster", "Wester", "Polder", "Kooi", "Ring", "Kloos", "Haven", "Zeeheld", "Boerhaave", "Oranje",
)
_NB_SUFFIXES = (
    "wijk", "park", "kwartier", "buurt", "hof", "dorp", "veld", "oord", "rijk", "hout", "meer", "dijk",
)
_NB_QUALIFIERS = ("", " Noord", " Zuid", " Oost", " West", " Midden")

_STREET_ROOTS = (
    "Kerk", "Molen", "School", "Linden", "Eiken", "Beuken", "Spaarne", "Zijl", "Kruis", "Gier", "Klok",
    "Tulp", "Rozen", "Vonder", "Ripper", "Dorps", "Markt", "Haven", "Brug", "Sluis", "Dijk", "Bakkers",
    "Smede", "Koning", "Prinsen", "Oranje", "Wilhelmina", "Juliana", "Zonne", "Maan", "Ster", "Vaart",
    "Frans Hals", "Jan Steen", "Rembrandt", "Vermeer", "Lorentz", "Kenau", "Coster", "Ruysdael",
    "Anthony Fokker", "Pieter Kies", "Floris", "Lieven de Key", "Brouwers", "Gasthuis", "Nassau",
)
_STREET_SUFFIXES = ("straat", "weg", "laan", "plein", "kade", "singel", "dreef", "pad", "gracht", "park")

FUNDERS = ("municipality", "housing_corporation", "health_insurer", "province", "water_board", "national")
LEAD_PARTIES = {
    "municipality": "Gemeente Voorbeeldstad",
    "housing_corporation": "Woonstichting Spaarnestad",
    "health_insurer": "Zorgverzekeraar Kennemerland",
    "province": "Provincie Noord-Holland",
    "water_board": "Hoogheemraadschap van Rijnland",
    "national": "Rijksoverheid",
}
THEMES = (
    "public_space", "green", "mobility", "sewer", "housing", "education", "care", "safety", "work_income",
    "energy",
)


class Entry(NamedTuple):
    """One kind of intervention in the catalogue the background is drawn from."""

    domain: str
    kind: str
    theme: str
    initiator: str
    weight: float
    shapes: tuple  # probability of point, line, polygon
    funders: dict  # funder -> probability (first one is the usual funder)
    budget: tuple  # low, high (EUR), drawn log-uniformly
    titles: tuple


_M = "municipality"
CATALOGUE = (
    Entry("physical", "intervention", "public_space", _M, 8, (0.1, 0.6, 0.3),
          {_M: 0.9, "province": 0.05, "national": 0.05}, (100e3, 3e6),
          ("Herinrichting {street}", "Opknappen {street}", "Vergroenen en herinrichten {street}")),
    Entry("physical", "maintenance", "public_space", _M, 8, (0.2, 0.6, 0.2), {_M: 1.0}, (20e3, 800e3),
          ("Groot onderhoud {street}", "Vervanging bestrating {street}", "Onderhoud kademuur {street}",
           "Vervanging lichtmasten {street}", "Herstel trottoirs {street}")),
    Entry("physical", "intervention", "green", _M, 5, (0.15, 0.25, 0.6),
          {_M: 0.85, "water_board": 0.1, "province": 0.05}, (30e3, 1.5e6),
          ("Aanleg wadi {street}", "Vergroening schoolplein {nbh}", "Nieuw buurtpark {nbh}",
           "Bomenrij {street}", "Natuurvriendelijke oever {street}")),
    Entry("physical", "maintenance", "green", _M, 4, (0.2, 0.3, 0.5), {_M: 1.0}, (10e3, 300e3),
          ("Onderhoud groen {nbh}", "Baggeren {street}", "Vervanging bomen {street}",
           "Nieuwe beschoeiing {street}")),
    Entry("physical", "maintenance", "sewer", _M, 6, (0.1, 0.85, 0.05), {_M: 0.9, "water_board": 0.1},
          (100e3, 2.5e6),
          ("Vervanging riolering {street}", "Relining riool {street}", "Renovatie gemaal {street}")),
    Entry("physical", "intervention", "sewer", _M, 3, (0.1, 0.6, 0.3), {_M: 0.8, "water_board": 0.2},
          (100e3, 2e6),
          ("Afkoppelen hemelwater {street}", "Waterberging {street}", "Klimaatadaptatie {nbh}")),
    Entry("physical", "intervention", "mobility", _M, 5, (0.15, 0.75, 0.1),
          {_M: 0.85, "province": 0.1, "national": 0.05}, (50e3, 4e6),
          ("Fietsstraat {street}", "Herinrichting kruispunt {street}", "Veilige oversteek {street}",
           "Snelfietsroute {street}", "30 km-zone {nbh}")),
    Entry("physical", "intervention", "housing", "partner", 4, (0.2, 0.0, 0.8),
          {"housing_corporation": 0.9, _M: 0.1}, (500e3, 15e6),
          ("Renovatie {count} woningen {street}", "Nieuwbouw {nbh} fase {phase}",
           "Transformatie kantoorpand {street}", "Sloop-nieuwbouw {street}", "Verduurzaming flats {street}")),
    Entry("physical", "statutory", "education", _M, 3, (0.3, 0.0, 0.7), {_M: 0.9, "national": 0.1},
          (300e3, 8e6),
          ("Nieuwbouw basisschool {nbh}", "Uitbreiding school {street}", "Renovatie gymzaal {street}",
           "Tijdelijke huisvesting school {nbh}", "Integraal kindcentrum {nbh}")),
    Entry("physical", "intervention", "energy", _M, 3, (0.3, 0.4, 0.3), {_M: 0.8, "national": 0.2},
          (50e3, 5e6),
          ("Warmtenet {nbh}", "Laadpleinen {street}", "Aardgasvrij {nbh}", "Zonnepanelen op daken {nbh}")),
    Entry("physical", "intervention", "safety", _M, 2, (0.4, 0.5, 0.1), {_M: 1.0}, (10e3, 300e3),
          ("Betere verlichting {street}", "Veilige schoolroute {street}", "Cameratoezicht {street}")),
    Entry("physical", "initiative", "green", "residents", 3, (0.5, 0.1, 0.4), {_M: 0.9, "province": 0.1},
          (1e3, 40e3),
          ("Geveltuinen {street}", "Buurtmoestuin {nbh}", "Adopteer een boom {street}", "Tiny forest {nbh}")),
    Entry("physical", "initiative", "energy", "partner", 2, (0.6, 0.0, 0.4), {_M: 0.85, "national": 0.15},
          (5e3, 200e3), ("Zonnedak buurthuis {nbh}", "Energiecoöperatie {nbh}", "Buurtbatterij {street}")),
    Entry("physical", "initiative", "public_space", "residents", 2, (0.7, 0.1, 0.2), {_M: 1.0}, (1e3, 50e3),
          ("Speelplek {street}", "Bankjes en ontmoetingsplek {street}", "Opknapactie {street}")),
    Entry("social", "intervention", "care", _M, 6, (0.75, 0.0, 0.25), {_M: 0.95, "health_insurer": 0.05},
          (20e3, 600e3),
          ("Buurtnetwerk {nbh}", "Ontmoetingsplek {nbh}", "Mantelzorgondersteuning {nbh}",
           "Eenzaamheidsaanpak {nbh}", "Buurtsportcoach {nbh}")),
    Entry("social", "statutory", "care", _M, 3, (0.7, 0.0, 0.3), {_M: 0.95, "national": 0.05}, (100e3, 1.5e6),
          ("Sociaal wijkteam {district}", "Wmo-loket {district}", "Jeugdhulp {nbh}")),
    Entry("social", "intervention", "work_income", _M, 3, (0.8, 0.0, 0.2), {_M: 0.95, "national": 0.05},
          (30e3, 800e3),
          ("Taalhuis {district}", "Schuldhulpverlening {nbh}", "Leerwerkplekken {district}",
           "Werkcafé {nbh}")),
    Entry("social", "intervention", "safety", _M, 2, (0.8, 0.0, 0.2), {_M: 1.0}, (10e3, 300e3),
          ("Buurtpreventie {nbh}", "Jongerenwerk {nbh}", "Aanpak overlast {street}")),
    Entry("social", "intervention", "education", _M, 2, (0.85, 0.0, 0.15), {_M: 0.95, "national": 0.05},
          (20e3, 400e3), ("Brede school {nbh}", "Huiswerkbegeleiding {nbh}", "Voorschoolse educatie {nbh}")),
    Entry("social", "statutory", "education", _M, 1, (0.8, 0.0, 0.2), {_M: 1.0}, (20e3, 300e3),
          ("Leerplicht en verzuimaanpak {district}", "Leerlingenvervoer {district}")),
    Entry("social", "initiative", "care", "residents", 3, (0.9, 0.0, 0.1), {_M: 1.0}, (1e3, 50e3),
          ("Buurtkamer {street}", "Repair café {nbh}", "Buurtmaaltijd {nbh}", "Burenhulp {nbh}")),
    Entry("social", "initiative", "work_income", "partner", 1.5, (0.9, 0.0, 0.1),
          {_M: 0.95, "province": 0.05}, (5e3, 150e3),
          ("Stadsgarage {nbh}", "Kringloopwerkplaats {street}", "Maatjesproject werk {nbh}")),
    Entry("social", "initiative", "energy", "partner", 1, (0.9, 0.0, 0.1), {_M: 1.0}, (2e3, 60e3),
          ("Energiecoaches {nbh}", "Stichting Zon op {nbh}")),
)

# City-wide tasks (stedelijke opgave): stored with district `city` and the city outline.
CITY_WIDE = (
    ("Uitvoering Participatiewet", "work_income", "statutory"),
    ("Armoederegeling en minimabeleid", "work_income", "statutory"),
    ("Stedelijk programma eenzaamheid", "care", "intervention"),
    ("Werkgelegenheidsoffensief", "work_income", "intervention"),
)

DESCRIPTIONS = {
    "public_space": "Openbare ruimte opnieuw ingericht: meer verblijfskwaliteit, minder verharding.",
    "green": "Meer groen en water in de wijk, beter bestand tegen hitte en hoosbuien.",
    "mobility": "Veiliger en prettiger voor voetgangers en fietsers.",
    "sewer": "Riolering vervangen of afgekoppeld volgens het gemeentelijk rioleringsplan.",
    "housing": "Woningen verbeterd of toegevoegd, samen met de corporatie.",
    "education": "Passende onderwijshuisvesting en kansen voor kinderen.",
    "care": "Ondersteuning dichtbij, samen met bewoners en zorgpartners.",
    "safety": "Een veiligere buurt, samen met politie en bewoners.",
    "work_income": "Meer mensen aan het werk en minder schulden.",
    "energy": "Stap naar een aardgasvrije en energiezuinige wijk.",
}

GOALS = {
    "public_space": "Aantrekkelijke en toegankelijke openbare ruimte",
    "green": "Meer groen, minder verharding, klimaatbestendig",
    "mobility": "Veilige routes voor fiets en voetganger",
    "sewer": "Betrouwbare riolering en afkoppelen van hemelwater",
    "housing": "Meer betaalbare en duurzame woningen",
    "education": "Goede scholen en sterke kindvoorzieningen",
    "care": "Zorg en ondersteuning dichtbij, minder eenzaamheid",
    "safety": "Een veilige en leefbare buurt",
    "work_income": "Meer mensen aan het werk, minder armoede",
    "energy": "Op weg naar aardgasvrije wijken",
}

# Theme -> (indicator, baseline, target) for effect monitoring.
INDICATORS = {
    "public_space": ("Tevredenheid openbare ruimte (rapportcijfer)", 6.4, 7.2),
    "green": ("Verhard oppervlak (%)", 68.0, 60.0),
    "mobility": ("Verkeersongevallen per jaar", 24.0, 15.0),
    "housing": ("Sociale huurwoningen met label A", 120.0, 400.0),
    "education": ("Vroegtijdig schoolverlaters", 25.0, 18.0),
    "care": ("Ervaren eenzaamheid (%)", 45.0, 38.0),
    "safety": ("Veiligheidsgevoel (rapportcijfer)", 6.3, 7.0),
    "work_income": ("Huishoudens met problematische schulden", 320.0, 250.0),
    "energy": ("Aardgasvrije woningen", 0.0, 400.0),
    "sewer": ("Meldingen wateroverlast per jaar", 40.0, 20.0),
}

# Area-goal priorities per district (1 high ... 3 low, 0 not a priority); Haarlem-flavoured defaults.
PRIORITIES = {
    "centrum": {"public_space": 1, "mobility": 1, "safety": 2, "green": 2, "housing": 3, "energy": 2,
                "sewer": 2, "care": 3, "education": 0, "work_income": 0},
    "noord": {"green": 1, "housing": 2, "mobility": 2, "energy": 1, "care": 2, "education": 2,
              "public_space": 3, "sewer": 2, "safety": 3, "work_income": 3},
    "oost": {"housing": 1, "care": 1, "work_income": 2, "safety": 2, "public_space": 2, "green": 2,
             "sewer": 3, "mobility": 3, "education": 2, "energy": 3},
    "schalkwijk": {"care": 1, "work_income": 1, "housing": 1, "education": 1, "safety": 2,
                   "public_space": 2, "green": 3, "energy": 2, "sewer": 3, "mobility": 3},
    "zuid_west": {"green": 1, "sewer": 1, "mobility": 2, "energy": 2, "public_space": 2, "education": 3,
                  "care": 3, "housing": 3, "safety": 0, "work_income": 0},
    "city": {"work_income": 1, "care": 1, "energy": 2, "housing": 2, "education": 2, "mobility": 3,
             "green": 3, "public_space": 3, "safety": 3, "sewer": 3},
}
PRIORITY_WEIGHT = {1: 3.0, 2: 2.0, 3: 1.0, 0: 0.3}  # how often a theme turns up in a district

PROJECT_TITLES = {
    "public_space": ("Herinrichting {street}", "Gebiedsontwikkeling {nbh}",
                     "Opwaardering winkelgebied {nbh}"),
    "green": ("Groene long {nbh}", "Klimaatadaptatie {nbh}", "Parkvernieuwing {nbh}"),
    "sewer": ("Rioolvervanging {nbh}", "Afkoppelprogramma {nbh}", "Rioolvervanging {street}"),
    "mobility": ("Fietsroute {street}", "Mobiliteitsplan {nbh}", "Herinrichting {street}"),
    "housing": ("Wijkvernieuwing {nbh}", "Herstructurering {nbh}", "Woningbouw {street}"),
    "education": ("Onderwijshuisvesting {nbh}", "Schoolgebouw {nbh}"),
    "energy": ("Warmtetransitie {nbh}", "Wijkuitvoeringsplan aardgasvrij {nbh}"),
    "safety": ("Veilige wijk {nbh}", "Veilig verkeer {street}"),
}
PROJECT_SHAPES = {  # theme -> probability of point, line, polygon
    "public_space": (0.2, 0.4, 0.4), "green": (0.1, 0.2, 0.7), "sewer": (0.05, 0.8, 0.15),
    "mobility": (0.1, 0.8, 0.1), "housing": (0.2, 0.0, 0.8), "education": (0.5, 0.0, 0.5),
    "energy": (0.2, 0.2, 0.6), "safety": (0.4, 0.4, 0.2),
}


def neighbourhood_names(rng: np.random.Generator, count: int) -> list:
    """*count* unique Dutch-sounding neighbourhood names.

    Every root is used once before any is used twice (no town full of "Burgwal..."), then compass
    words and numbers are added once the stock of root + suffix runs out.
    """
    roots = rng.permutation(len(_NB_ROOTS))
    offset = rng.integers(0, len(_NB_SUFFIXES), len(_NB_ROOTS))
    base = []
    for q in range(len(_NB_SUFFIXES)):
        for r in roots.tolist():
            suffix = _NB_SUFFIXES[(offset[r] + q) % len(_NB_SUFFIXES)]
            if suffix not in _NB_ROOTS[r].lower():
                base.append(_NB_ROOTS[r] + suffix)
    names = []
    for i in range(count):
        q, j = divmod(i, len(base))
        extra = q - len(_NB_QUALIFIERS) + 2
        qualifier = _NB_QUALIFIERS[q] if q < len(_NB_QUALIFIERS) else " {}".format(extra)
        names.append(base[j] + qualifier)
    return names


def street_names(rng: np.random.Generator, count: int) -> list:
    """*count* street names (not unique: streets recur, as they do in titles)."""
    roots = rng.integers(0, len(_STREET_ROOTS), count)
    suffixes = rng.integers(0, len(_STREET_SUFFIXES), count)
    return [_STREET_ROOTS[r] + _STREET_SUFFIXES[s] for r, s in zip(roots.tolist(), suffixes.tolist())]
