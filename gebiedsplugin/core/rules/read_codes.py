"""Integer codes of the check's look-ups, made while a store reads a programme, batch by batch.

At a million interventions the rules' look-ups by text (an intervention's position by uid, a
programme code's index, a neighbourhood's code) cost more per value than at 100k: made afterwards,
each visits a million str objects that lie cold, far apart in a heap of gigabytes. Made in the read,
each batch's values have just been decoded and are still in the cache. The codes are the same the
rules make without them (Context.uid_index, Context.funding, programme.programme_codes,
Context.neighbourhood_codes), through the same functions here; a read hands them to the programme
(records.Programme.codes) and the check takes them once.

The read must give the projects before the interventions (their programme codes are looked up
among the projects') and the funding after them (its uids among the interventions').
"""

from __future__ import annotations

from itertools import count, filterfalse, repeat
from typing import Dict, Sequence

import numpy as np

from .util import clean_text


def first_seen(lookup: Dict, values: Sequence) -> np.ndarray:
    """Code of each value: its index among the distinct non-None values in first-seen order, kept in
    *lookup* (value -> code, extended with the values new here); -1 for None."""
    distinct = dict.fromkeys(values)
    distinct.pop(None, None)
    # the new ones numbered on from len(lookup), in their order: C-level passes, no Python loop
    lookup.update(zip(filterfalse(lookup.__contains__, distinct), count(len(lookup))))
    return np.fromiter(map(lookup.get, values, repeat(-1)), dtype=np.intp, count=len(values))


def add_uids(index: Dict[str, int], start: int, uids: Sequence, table: str, fids: Sequence) -> None:
    """Put the positions start, start + 1, ... of interventions with cleaned *uids* into *index*, the
    later one when a uid is used twice; a blank uid named 'table#fid' as Context.uids names it."""
    if None in uids:
        uids = ["{}#{}".format(table or "feature", fid if fid is not None else start + k) if u is None else u
                for k, (u, fid) in enumerate(zip(uids, fids))]
    index.update(zip(uids, range(start, start + len(uids))))


def uid_positions(index: Dict[str, int], uids: Sequence) -> np.ndarray:
    """Position of the intervention each stored uid names (-1 when none): as stored, else cleaned."""
    n = len(uids)
    try:
        idx = np.fromiter(map(index.get, uids, repeat(-1)), dtype=np.intp, count=n)
    except TypeError:  # an unhashable value somewhere: go the slow way below
        idx = np.full(n, -1, dtype=np.intp)
    for k in np.flatnonzero(idx < 0).tolist():  # rare: a uid with stray whitespace or of another type
        idx[k] = index.get(clean_text(uids[k]), -1)
    return idx


class ReadCodes:
    """The codes of one read, fed a batch at a time (cleaned texts as util.texts makes them; the
    funding's intervention_uid as stored)."""

    def __init__(self) -> None:
        self.uid_index: Dict[str, int] = {}
        self._inter_n = 0
        self._code_lookup: Dict[str, int] = {}
        self._codes_first = True  # the projects came before any intervention
        self._parts: Dict[str, list] = {"project_codes": [], "inter_codes": [], "nbh_codes": [], "funding": []}
        self._nbh_lookup: Dict[str, int] = {}
        self._funding_first = True  # no intervention came after the funding

    def add(self, part: str, table: str, values: Dict[str, list], fids: Sequence) -> None:
        """A batch of *part* read from *table*: its kept columns *values* and feature ids *fids*."""
        if part == "projects":
            self._codes_first &= not self._inter_n
            self._parts["project_codes"].append(first_seen(self._code_lookup, values["programme_code"]))
        elif part == "interventions":
            self._funding_first &= not self._parts["funding"]
            add_uids(self.uid_index, self._inter_n, values["uid"], table, fids)
            self._inter_n += len(fids)
            self._parts["inter_codes"].append(
                np.fromiter(map(self._code_lookup.get, values["programme_code"], repeat(-1)), dtype=np.intp,
                            count=len(fids)))
            self._parts["nbh_codes"].append(first_seen(self._nbh_lookup, values["neighbourhood_id"]))
        elif part == "funding":
            self._parts["funding"].append(uid_positions(self.uid_index, values["intervention_uid"]))

    def register(self, programme) -> None:
        """Hand the codes to *programme* (records.Programme.codes), each tied to the lists it codes."""
        whole = {name: _joined(arrays) for name, arrays in self._parts.items()}
        programme.keep_codes("uid_index", ("interventions",), self.uid_index)
        programme.keep_codes("neighbourhood_codes", ("interventions",), (self._nbh_lookup, whole["nbh_codes"]))
        if self._codes_first:
            programme.keep_codes("programme_codes", ("projects", "interventions"),
                                 (self._code_lookup, whole["project_codes"], whole["inter_codes"]))
        if self._funding_first:
            programme.keep_codes("funding_positions", ("interventions", "funding"), whole["funding"])


def _joined(arrays: list) -> np.ndarray:
    return np.concatenate(arrays) if arrays else np.empty(0, dtype=np.intp)

