"""Arrays built once per run and shared by all rules.

Interventions and programme projects are turned into numpy columns and cleaned shapely geometry
arrays (``make_valid`` applied to invalid ones) so the rules can use vectorised shapely 2 and numpy
operations instead of per-feature Python loops. Everything is computed lazily and cached, so running
a subset of the rules only pays for what those rules use.
"""

from __future__ import annotations

from functools import cached_property
from itertools import repeat
from typing import Any, Callable, Dict, Optional, Sequence, Tuple

import numpy as np

from ..records import Programme
from . import spatial
from .areas import Areas
from .arrays import FeatureArrays
from .util import clean_text, extract, first_seen, floats, obj_array, texts

# Intervention and project attributes the rules read: extracted together in one pass.
INTERVENTION_COLUMNS = (
    "uid", "title", "domain", "kind", "theme", "district_id", "neighbourhood_id", "city_wide",
    "start_year", "end_year", "status", "budget", "funder", "programme_code",
    "start_quarter", "end_quarter", "indicative",
)
PROJECT_COLUMNS = ("programme_code", "title", "district_id", "start_year", "end_year", "status", "budget", "theme")
FUNDING_COLUMNS = ("intervention_uid", "year", "funder", "amount")
# What a store's read keeps as columns beside the rows, per part (records.Programme.taken_columns),
# and which of them it keeps cleaned as FeatureArrays.text() has them (util.texts, applied to each
# batch while its values are fresh: at a million rows a cleaning pass afterwards visits every value
# again, far apart in a heap of gigabytes).
READ_COLUMNS = {"interventions": INTERVENTION_COLUMNS + ("lead_party",), "projects": PROJECT_COLUMNS,
                "funding": FUNDING_COLUMNS}
READ_TEXTS = {
    "interventions": ("uid", "title", "domain", "kind", "theme", "district_id", "neighbourhood_id", "status",
                      "funder", "programme_code", "lead_party"),
    "projects": ("programme_code", "title", "district_id", "status", "theme"),
}


# What only some rules share, and the rules that use it: dropped once none of them is left to run
# (Context.release), so a check of a million items does not carry every rule's arrays to its end.
_USED_BY = {
    "proj": frozenset(("data_quality", "not_in_programme", "unknown_programme_code", "outside_programme_period")),
    "programme_codes": frozenset(("unknown_programme_code", "outside_programme_period")),
    "district_overlaps": frozenset(("district_mismatch",)),
    "city_cover|": frozenset(("data_quality",)),
    "funder_sets": frozenset(("duplicate_funding",)),
    "funding_pairs|": frozenset(("duplicate_funding",)),
    "funding": frozenset(("duplicate_funding", "budget_exceeded")),
    "neighbourhoods": frozenset(("stacking",)),
    "neighbourhood_codes": frozenset(("stacking",)),
}


def intervention_label(uid: str, title: Optional[str]) -> str:
    """How messages name an intervention: its title in quotes, else its uid."""
    return "'" + title + "'" if title else uid


class Context:
    """Everything the rules share during one run over one programme."""

    def __init__(self, programme: Programme) -> None:
        self.programme = programme
        self.inter = FeatureArrays(programme.interventions, INTERVENTION_COLUMNS,
                                   programme.taken_columns("interventions"), READ_TEXTS["interventions"])
        self.proj = FeatureArrays(programme.projects, PROJECT_COLUMNS, programme.taken_columns("projects"),
                                  READ_TEXTS["projects"])
        self.areas = Areas(programme.districts, programme.neighbourhoods)
        self._pairs: Dict[float, Tuple[np.ndarray, np.ndarray]] = {}
        self._memo: Dict[str, object] = {}
        self._proj_released = False

    def memo(self, key: str, build: Callable[[], Any]) -> Any:
        """Compute something once per run under *key* and share it between rules."""
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]

    def release(self, remaining: Sequence[str]) -> None:
        """Drop what none of the *remaining* rules uses (_USED_BY): the programme projects' arrays,
        shared look-ups, the funding arrays and their uid index, the neighbourhoods. Asked again, each
        is computed again, so this saves memory (at a million items the last rules ran 0.3 GB
        lighter) and changes no finding."""
        left = set(remaining)
        unused = {key for key, users in _USED_BY.items() if not users & left}
        if "proj" in unused and not self._proj_released:
            self.proj = FeatureArrays(self.programme.projects, PROJECT_COLUMNS)
            self._proj_released = True
        for key in [k for k in self._memo if k in unused or k.partition("|")[0] + "|" in unused]:
            del self._memo[key]
        if "funding" in unused:
            vars(self).pop("funding", None)
            vars(self).pop("uid_index", None)
        if "neighbourhoods" in unused:
            vars(self.areas).pop("neighbourhoods", None)

    @cached_property
    def uids(self) -> np.ndarray:
        """Intervention uids; features without one get 'table#fid' so findings can still name them."""
        uids = self.inter.text("uid").copy()
        for i in np.flatnonzero(uids == None):  # noqa: E711 (elementwise on an object array)
            f = self.inter.features[i]
            uids[i] = "{}#{}".format(f.table or "feature", f.fid if f.fid is not None else i)
        return uids

    @cached_property
    def active(self) -> np.ndarray:
        """Not cancelled."""
        return self.inter.text("status") != "cancelled"

    @cached_property
    def city_wide(self) -> np.ndarray:
        """Marked city-wide, or assigned to the `city` area instead of a district."""
        return self.inter.flag("city_wide") | (self.inter.text("district_id") == self.areas.city_id)

    @cached_property
    def works(self) -> np.ndarray:
        """Physical, not cancelled, with a usable geometry and a valid period."""
        inter = self.inter
        return (inter.text("domain") == "physical") & self.active & inter.usable & inter.years_ok

    def work_candidates(self, distance: float) -> Tuple[np.ndarray, np.ndarray]:
        """Pairs (i, j), i < j, of works whose envelopes lie within *distance* (shared by conflict
        and rest_period; each rule filters on years first, then tests the exact distance)."""
        if distance not in self._pairs:
            self._pairs[distance] = spatial.self_candidates(self.inter, np.flatnonzero(self.works), distance)
        return self._pairs[distance]

    def within(self, i: np.ndarray, j: np.ndarray, distance: float) -> np.ndarray:
        """Interventions i and j lie within *distance* of each other (element-wise)."""
        return spatial.within(self.inter.fixed[i], self.inter.fixed[j], distance)

    def ordered(self, i: np.ndarray, j: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        """The pairs with the smaller uid first, so messages read the same whatever the input order."""
        swap = self.uids[i] > self.uids[j]
        return np.where(swap, j, i), np.where(swap, i, j)

    def pair_boxes(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Polygons marking pair findings."""
        return spatial.pair_boxes(self.inter.fixed, i, j)

    @cached_property
    def linked_pairs(self) -> set:
        """Pairs of uids linked with relation 'combines_with': already combined, not a conflict."""
        out = set()
        for row in self.programme.links:
            if clean_text(row.get("relation")) == "combines_with":
                a, b = clean_text(row.get("from_uid")), clean_text(row.get("to_uid"))
                if a and b:
                    out.add((a, b) if a < b else (b, a))
        return out

    def drop_linked(self, i: np.ndarray, j: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        """Remove pairs that are linked as combined works."""
        linked = self.linked_pairs
        if not linked or i.size == 0:
            return i, j
        u = self.uids
        keep = np.array([((a, b) if a < b else (b, a)) not in linked for a, b in zip(u[i], u[j])], dtype=bool)
        return i[keep], j[keep]

    @cached_property
    def uid_index(self) -> Dict[str, int]:
        """Position of each uid (the last one when a uid is used twice), blanks named as in uids."""
        return dict(zip(self.uids.tolist(), range(self.inter.n)))

    @property
    def neighbourhood_codes(self) -> Tuple[Dict[str, int], np.ndarray]:
        """({neighbourhood id as text() cleans it: code}, each intervention's code, -1 when blank), the
        codes in first-seen order (util.first_seen): stacking counts by these ints."""
        return self.memo("neighbourhood_codes", self._neighbourhood_codes)

    def _neighbourhood_codes(self) -> Tuple[Dict[str, int], np.ndarray]:
        lookup: Dict[str, int] = {}
        return lookup, first_seen(lookup, self.inter.text("neighbourhood_id").tolist())

    @cached_property
    def funding(self) -> Tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Funding rows as arrays: intervention index (-1 when the uid is unknown), year, funder
        (text or None) and amount (NaN when missing). A funding row belongs to the intervention its uid
        names; a uid used twice (a data_quality error) gives it to each of them, once per intervention,
        as the overview, the funding gaps and the in-database check (store/pg_check_funding.py) read it."""
        cols = self.programme.taken_columns("funding") or extract(self.programme.funding, FUNDING_COLUMNS)
        n = len(self.programme.funding)
        uids = cols["intervention_uid"]
        try:
            idx = np.fromiter(map(self.uid_index.get, uids, repeat(-1)), dtype=np.intp, count=n)
        except TypeError:  # an unhashable value somewhere: go the slow way below
            idx = np.full(n, -1, dtype=np.intp)
        for k in np.flatnonzero(idx < 0):  # rare: a uid with stray whitespace or of another type
            idx[k] = self.uid_index.get(clean_text(uids[k]), -1)
        rows = (idx, floats(cols["year"]), obj_array(texts(cols["funder"])), floats(cols["amount"]))
        return self._for_each_twin(rows) if len(self.uid_index) < self.inter.n else rows

    def _for_each_twin(self, rows: tuple) -> tuple:
        """*rows* (the funding arrays, each row with the last intervention of its uid, uid_index) with a
        copy of each row of a uid used twice for every other intervention that bears it."""
        n, index = self.inter.n, self.uid_index
        other = np.ones(n, dtype=bool)
        other[np.fromiter(index.values(), dtype=np.intp, count=len(index))] = False  # no uid looked up
        others: Dict[int, list] = {}
        for i in np.flatnonzero(other).tolist():  # the other bearers: few
            others.setdefault(index[self.uid_list[i]], []).append(i)
        idx = rows[0]
        named = np.zeros(n, dtype=bool)
        named[list(others)] = True
        take = [(k, i) for k in np.flatnonzero(named[idx] & (idx >= 0)).tolist() for i in others[int(idx[k])]]
        if not take:
            return rows
        copy = np.array([k for k, _ in take], dtype=np.intp)
        return (np.concatenate([idx, np.array([i for _, i in take], dtype=np.intp)]),
                *(np.concatenate([column, column[copy]]) for column in rows[1:]))

    @cached_property
    def uid_list(self) -> list:
        """The uids as a Python list: indexing it with ints is much faster than a numpy array."""
        return self.uids.tolist()

    @cached_property
    def district_list(self) -> list:
        """Stored district of each intervention, as a Python list."""
        return self.inter.text("district_id").tolist()

    @cached_property
    def _titles(self) -> list:
        return self.inter.text("title").tolist()

    def label(self, i: int) -> str:
        """How messages name intervention *i* (a Python int): its title in quotes, else its uid."""
        return intervention_label(self.uid_list[i], self._titles[i])

    def district_for(self, idx: Sequence[int]) -> Optional[str]:
        """District of a finding about interventions *idx*: stored district of the smallest uid."""
        return self.district_list[min((int(k) for k in idx), key=self.uid_list.__getitem__)]
