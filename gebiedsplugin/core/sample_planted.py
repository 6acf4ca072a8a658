"""Planted cases of the Voorbeeldstad sample: known problems the programme check must find.

Each case sits in its own neighbourhood (the largest ones of a district, so it reads well on a map)
and is otherwise clean: valid programme codes, consistent districts, distinct themes, so a finding
on it points at exactly the planted problem.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon

from gebiedsplugin.core import sample_geo as geo
from gebiedsplugin.core import sample_names as names
from gebiedsplugin.core.records import Feature
from gebiedsplugin.core.sample_city import City
from gebiedsplugin.core.sample_items import Projects, intervention_feature, new_uid
from gebiedsplugin.core.schema import project_table

PLANTED_INTERVENTIONS = 23
PLANTED_PROJECTS = 6
BUDGET_CASE = ("centrum", 2027)
UNKNOWN_CODE = "MJP-2019-999"  # background codes start in 2024: this one never exists
FREE_YEARS = (2031, 2032)  # years of the not-in-programme case


@dataclass
class Planted:
    """Planted interventions and projects plus their manifest entries."""

    interventions: list = field(default_factory=list)
    projects: list = field(default_factory=list)
    cases: list = field(default_factory=list)


class _Planter:
    def __init__(self, rng: np.random.Generator, ids: random.Random, city: City, projects: Projects) -> None:
        self.rng, self.ids, self.city = rng, ids, city
        # Projects the not-in-programme case must keep away from: those running in its years.
        running = (projects.start <= FREE_YEARS[1]) & (projects.end >= FREE_YEARS[0])
        self.project_tree = shapely.STRtree(projects.geoms[running])
        self.code_counts = dict(Counter(projects.start.tolist()))  # planted codes continue the series
        self.out = Planted()
        self.streets = iter(names.street_names(rng, 64))

    def nb(self, district: str, rank: int) -> int:
        """The *rank*-th largest neighbourhood of *district* (wrapping round in tiny cities)."""
        d = self.city.district_ids.index(district)
        cands = np.flatnonzero(self.city.nb_district == d)
        cands = cands[np.argsort(-shapely.area(self.city.nb_geoms[cands]), kind="stable")]
        return int(cands[rank % len(cands)])

    def centre(self, k: int) -> Point:
        g = self.city.nb_main[k]
        c = g.centroid
        return c if g.contains(c) else g.point_on_surface()

    def fit(self, k: int, build, size: float):
        """``build(size)``, shrunk until it lies inside neighbourhood *k*."""
        for _ in range(25):
            g = build(size)
            if all(self.city.nb_geoms[k].contains(x) for x in shapely.get_parts(g)):
                return g
            size *= 0.8
        return g

    def line(self, k: int, length: float, angle: float, offsets=(0.0,)) -> list:
        """Parallel straight lines (a street and works in it) through the centre of neighbourhood *k*."""
        c = self.centre(k)
        dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))

        def build(size):
            hx, hy = dx * size / 2, dy * size / 2
            return shapely.multilinestrings([LineString([(c.x - hx - dy * o, c.y - hy + dx * o),
                                                         (c.x + hx - dy * o, c.y + hy + dx * o)])
                                             for o in offsets])
        return list(shapely.get_parts(self.fit(k, build, length)))

    def code(self, year: int) -> str:
        self.code_counts[year] = self.code_counts.get(year, 0) + 1
        return "MJP-{}-{:03d}".format(year, self.code_counts[year])

    def project(self, geom, title: str, theme: str, district: str, years: tuple, budget: float) -> str:
        """A planted programme project; returns its code."""
        code = self.code(years[0])
        kind = {"Point": "point", "LineString": "line"}.get(geom.geom_type, "polygon")
        self.out.projects.append(Feature({
            "programme_code": code, "title": title, "theme": theme, "district_id": district,
            "start_year": years[0], "end_year": years[1], "budget": budget,
            "status": "in_progress" if years[0] <= 2025 else "planned",
        }, geom, project_table(kind)))
        return code

    def add(self, k: int, geom, title: str, what: str, years: tuple, budget: float, **attrs) -> str:
        """A planted intervention in neighbourhood *k*; *what* is "domain/kind/theme". Attributes are
        consistent (district, neighbourhood, municipal funding) unless overridden; returns its uid."""
        domain, kind, theme = what.split("/")
        values = {
            "title": title, "description": names.DESCRIPTIONS[theme], "domain": domain, "kind": kind,
            "theme": theme, "district_id": self.city.district_ids[int(self.city.nb_district[k])],
            "neighbourhood_id": self.city.nb_ids[k], "start_year": years[0], "end_year": years[1],
            "status": "planned", "priority": 1, "budget": budget, "funder": "municipality",
            "initiator": "residents" if kind == "initiative" else "municipality",
            "lead_party": names.LEAD_PARTIES["municipality"],
        }
        if kind == "initiative":
            values["lead_party"] = "Bewonersgroep " + self.city.nb_names[k]
        values.update(attrs)
        uid = new_uid(self.ids)
        self.out.interventions.append(intervention_feature(uid, geom, values))
        return uid

    def case(self, rule: str, uids: list, description: str, **extra) -> None:
        entry = {"rule": rule, "uids": uids, "description": description}
        entry.update(extra)
        self.out.cases.append(entry)

    def free_spot(self, district: str, first_rank: int, build, distance: float) -> tuple:
        """A neighbourhood of *district* (from the *first_rank*-th largest on) and ``build(point)`` for a
        point in it, such that the shape lies inside the neighbourhood and no running programme
        project comes within *distance* metres."""
        for rank in range(first_rank, first_rank + 20):
            k = self.nb(district, rank)
            for _ in range(50):
                xy = geo.sample_points_in(self.rng, self.city.nb_geoms, self.city.nb_bounds, np.array([k]))[0]
                shape = build(Point(xy))
                if self.city.nb_geoms[k].contains(shape) and not len(
                        self.project_tree.query(shape, predicate="dwithin", distance=distance)):
                    return k, shape
        return k, shape  # only when projects are packed far denser than any real programme

    def spread_points(self, k: int, count: int, spacing: float) -> list:
        """*count* points in neighbourhood *k*, at least *spacing* apart where the area allows."""
        pts = []
        while len(pts) < count:
            for _ in range(400):
                xy = geo.sample_points_in(self.rng, self.city.nb_geoms, self.city.nb_bounds, np.array([k]))[0]
                if all(math.hypot(xy[0] - q.x, xy[1] - q.y) >= spacing for q in pts):
                    break
            pts.append(Point(np.round(xy, 2)))
        return pts


def plant_cases(rng: np.random.Generator, ids: random.Random, city: City, projects: Projects) -> Planted:
    """The planted interventions and projects, with one manifest entry per case.

    *projects* are the background projects: planted codes continue their series, and the
    not-in-programme case keeps clear of them.
    """
    p = _Planter(rng, ids, city, projects)
    _conflict_and_rest_period(p)
    _stacking(p)
    _duplicate_funding(p)
    _budget_exceeded(p)
    _data_errors(p)
    _programme_cases(p)
    return p.out


def _conflict_and_rest_period(p: _Planter) -> None:
    # conflict: street redesign and sewer replacement 4 m apart, both running in 2027.
    k, street = p.nb("oost", 0), next(p.streets)
    a, b = p.line(k, 180.0, 20.0, (0.0, 4.0))
    code_a = p.project(a, "Herinrichting " + street, "public_space", "oost", (2026, 2028), 1.5e6)
    code_b = p.project(b, "Rioolvervanging " + street, "sewer", "oost", (2026, 2029), 2.0e6)
    uids = [p.add(k, a, "Herinrichting " + street, "physical/intervention/public_space", (2026, 2027), 850e3,
                  programme_code=code_a),
            p.add(k, b, "Vervanging riolering " + street, "physical/maintenance/sewer", (2027, 2028), 1.2e6,
                  programme_code=code_b)]
    p.case("conflict", uids, "Herinrichting en rioolvervanging {} liggen 4 m uit elkaar en overlappen "
           "in 2027: werk met werk maken.".format(street))

    # rest_period: new paving three years after the street was redone.
    k, street = p.nb("oost", 1), next(p.streets)
    a, b = p.line(k, 150.0, 110.0, (0.0, 3.0))
    code = p.project(a, "Herinrichting " + street, "public_space", "oost", (2024, 2028), 1.8e6)
    uids = [p.add(k, a, "Herinrichting " + street, "physical/intervention/public_space", (2024, 2024), 900e3,
                  status="done", programme_code=code),
            p.add(k, b, "Vervanging bestrating " + street, "physical/maintenance/public_space", (2027, 2027),
                  300e3, programme_code=code)]
    p.case("rest_period", uids, "{} gaat in 2027 opnieuw open, drie jaar na de herinrichting van 2024."
           .format(street))


_STACKED = (
    ("Herinrichting {s}", "physical/intervention/public_space"),
    ("Geveltuinen {s}", "physical/initiative/green"),
    ("Veilige oversteek {s}", "physical/intervention/mobility"),
    ("Renovatie gemaal {s}", "physical/maintenance/sewer"),
    ("Renovatie 48 woningen {s}", "physical/intervention/housing"),
    ("Laadpleinen {s}", "physical/intervention/energy"),
    ("Buurtnetwerk {n}", "social/intervention/care"),
    ("Werkcafé {n}", "social/intervention/work_income"),
    ("Huiswerkbegeleiding {n}", "social/intervention/education"),
    ("Buurtpreventie {n}", "social/intervention/safety"),
)


def _stacking(p: _Planter) -> None:
    # Ten interventions on ten themes in one neighbourhood in one year (the limit is 8).
    k = p.nb("noord", 0)
    name = p.city.nb_names[k]
    code = p.project(p.centre(k), "Wijkaanpak " + name, "public_space", "noord", (2028, 2030), 2.5e6)
    uids = []
    for pt, (title, what) in zip(p.spread_points(k, len(_STACKED), 60.0), _STACKED):
        physical = what.startswith("physical")
        uids.append(p.add(k, pt, title.format(s=next(p.streets), n=name), what, (2029, 2029), 60e3,
                          programme_code=code if physical else None))
    p.case("stacking", uids, "Tien interventies in {} in 2029 (grens 8): stapelen is geen integreren."
           .format(name), neighbourhood_id=p.city.nb_ids[k], year=2029)


def _duplicate_funding(p: _Planter) -> None:
    # Two fall-prevention programmes in one community centre, paid by different funders.
    k = p.nb("schalkwijk", 0)
    name, c = p.city.nb_names[k], p.centre(k)
    centre = p.fit(k, lambda s: shapely.box(c.x - s / 2, c.y - s / 3, c.x + s / 2, c.y + s / 3), 45.0)
    care = "social/intervention/care"
    insurer = {"funder": "health_insurer", "initiator": "partner",
               "lead_party": names.LEAD_PARTIES["health_insurer"]}
    uids = [p.add(k, centre, "Valpreventie ouderen " + name, care, (2026, 2028), 180e3, **insurer),
            p.add(k, centre, "Beweegprogramma 65-plus " + name, care, (2027, 2029), 150e3)]
    p.case("duplicate_funding", uids, "Zorgverzekeraar en gemeente betalen in het wijkcentrum van {} allebei "
           "een valpreventieprogramma voor ouderen (2027-2028): het grote geld in de wijken.".format(name))


def _budget_exceeded(p: _Planter) -> None:
    # A large square redesign in the centre; sample.area_budgets sets that year's budget below the plan.
    district, year = BUDGET_CASE
    k = p.nb(district, 0)
    c = p.centre(k)
    square = p.fit(k, lambda s: shapely.box(c.x - s / 2, c.y - s / 3, c.x + s / 2, c.y + s / 3), 150.0)
    code = p.project(square, "Herinrichting Grote Markt", "public_space", district, (2026, 2028), 8e6)
    big = p.add(k, square, "Herinrichting Grote Markt", "physical/intervention/public_space", (year, year),
                7.5e6, programme_code=code)
    p.case("budget_exceeded", [], "Het geplande geld in {} in {} (onder meer Herinrichting Grote Markt, "
           "uid {}) is meer dan het gebiedsbudget.".format(names.DISTRICTS[district], year, big),
           district_id=district, year=year)


def _data_errors(p: _Planter) -> None:
    # district_mismatch: a neighbourhood network in Zuid-West entered under Centrum.
    k = p.nb("zuid_west", 0)
    uid = p.add(k, p.centre(k), "Buurtnetwerk " + p.city.nb_names[k], "social/intervention/care",
                (2026, 2027), 40e3, district_id="centrum")
    p.case("district_mismatch", [uid], "Ligt in Zuid-West ({}) maar is ingevoerd onder Centrum."
           .format(p.city.nb_names[k]))

    # data_quality: a self-intersecting (bow-tie) polygon, and an end year before the start year.
    k = p.nb("noord", 1)
    c = p.centre(k)
    bowtie = Polygon([(c.x - 30, c.y - 30), (c.x + 30, c.y + 30), (c.x + 30, c.y - 30), (c.x - 30, c.y + 30)])
    uid = p.add(k, bowtie, "Buurttuin " + next(p.streets), "social/initiative/care", (2026, 2026), 8e3)
    p.case("data_quality", [uid], "Ongeldige geometrie: een zelfdoorsnijdend vlak (vlinderdas).")
    k = p.nb("zuid_west", 1)
    uid = p.add(k, p.centre(k), "Repair café " + p.city.nb_names[k], "social/initiative/care", (2028, 2026),
                5e3)
    p.case("data_quality", [uid], "Eindjaar (2026) ligt voor het startjaar (2028).")


def _programme_cases(p: _Planter) -> None:
    # unknown_programme_code: refers to a project that is not in the programme.
    k, street = p.nb("schalkwijk", 1), next(p.streets)
    (line,) = p.line(k, 220.0, 70.0)
    uid = p.add(k, line, "Fietsstraat " + street, "physical/intervention/mobility", (2027, 2028), 650e3,
                programme_code=UNKNOWN_CODE)
    p.case("unknown_programme_code", [uid], "Verwijst naar programmacode {}, die niet bestaat."
           .format(UNKNOWN_CODE))

    # outside_programme_period: the work runs years after its programme project ends.
    k, street = p.nb("centrum", 1), next(p.streets)
    (line,) = p.line(k, 200.0, 150.0)
    code = p.project(line, "Fietsroute " + street, "mobility", "centrum", (2025, 2027), 1.2e6)
    uid = p.add(k, line, "Fietsstraat " + street, "physical/intervention/mobility", (2030, 2031), 500e3,
                programme_code=code)
    p.case("outside_programme_period", [uid], "Loopt 2030-2031, buiten de looptijd van {} (2025-2027)."
           .format(code))

    # not_in_programme: a physical work with no code and no programme project nearby.
    street = next(p.streets)
    k, line = p.free_spot("zuid_west", 2, lambda c: LineString([(c.x - 60, c.y), (c.x + 60, c.y)]),
                          75.0)  # the programme tolerance (25 m) with a wide margin
    uid = p.add(k, line, "Veilige oversteek " + street, "physical/intervention/mobility", FREE_YEARS, 90e3)
    p.case("not_in_programme", [uid], "Fysiek werk zonder programmacode en zonder programmaproject in de "
           "buurt.")
