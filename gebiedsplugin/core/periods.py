"""Coarse planning: the precision of an intervention's period (schema 3). Pure Python.

A period is ``start_year``..``end_year`` (inclusive, whole years as before), optionally narrowed to
quarters (``start_quarter``, ``end_quarter``: 1-4; "start 2027 Q3" is start_year 2027 and
start_quarter 3), and optionally marked ``indicative`` (years further ahead, not yet firm). Its
precision is

- ``indicative`` when marked so (whatever quarters it has),
- ``quarter`` when at least one of the two quarters is given,
- ``year`` otherwise (every programme of schema 2 and earlier).

On a time axis a period runs from the first quarter of its start to the last quarter of its end: a
missing start quarter means Q1, a missing end quarter Q4, so a period in whole years covers exactly
the years it did before. Quarters are counted as ``year * 4 + quarter - 1`` (``quarter_index``).

A finding about two periods of which at least one is indicative is only *possible*; otherwise it is
*certain* (``certainty``): the rules say so in the message and in the finding's ``certainty`` field.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from gebiedsplugin.core.texts import QT_TRANSLATE_NOOP, tr_in

YEAR, QUARTER, INDICATIVE = "year", "quarter", "indicative"
PRECISIONS = (YEAR, QUARTER, INDICATIVE)
CERTAIN, POSSIBLE = "certain", "possible"

_TRUE = frozenset(("true", "1", "yes", "y", "ja", "j", "t", "waar"))
INDICATIVE_WORD = QT_TRANSLATE_NOOP("periods", "indicative")  # after a period: 2029-2031 (indicative)
AND_WORDS = QT_TRANSLATE_NOOP("periods", "{} and {}")  # a list of names: 'a, b and c'



def quarter(value) -> Optional[int]:
    """A stored quarter as 1-4, or None when missing or outside 1-4."""
    try:
        q = int(float(value))
    except (TypeError, ValueError):
        return None
    return q if 1 <= q <= 4 and float(value) == q else None


def flag(value) -> bool:
    """A stored boolean: True for True, 1 and true-ish text ('true', 'ja'); NULL is False."""
    if isinstance(value, str):
        return value.strip().lower() in _TRUE
    return bool(value)


def quarter_index(year: int, q: int) -> int:
    """The position of quarter *q* of *year* on a time axis counted in quarters."""
    return int(year) * 4 + int(q) - 1


def quarter_text(index: int) -> str:
    """'2027 Q3' for a quarter index."""
    return "{} Q{}".format(index // 4, index % 4 + 1)


def span_text(first: int, last: int) -> str:
    """A span of quarter indices for messages: whole years as '2027' or '2027-2029', else quarters
    ('2027 Q3-2028 Q1', '2027 Q3')."""
    if first % 4 == 0 and last % 4 == 3:
        a, b = first // 4, last // 4
        return str(a) if a == b else "{}-{}".format(a, b)
    a, b = quarter_text(first), quarter_text(last)
    return a if first == last else "{}-{}".format(a, b)


@dataclass(frozen=True)
class Period:
    """An intervention's period with its precision."""

    start_year: int
    end_year: int
    start_quarter: Optional[int] = None
    end_quarter: Optional[int] = None
    indicative: bool = False

    @property
    def precision(self) -> str:
        if self.indicative:
            return INDICATIVE
        if self.start_quarter is not None or self.end_quarter is not None:
            return QUARTER
        return YEAR

    @property
    def first(self) -> int:
        """Quarter index of the period's first quarter (Q1 of the start year when not given)."""
        return quarter_index(self.start_year, self.start_quarter or 1)

    @property
    def last(self) -> int:
        """Quarter index of the period's last quarter (Q4 of the end year when not given)."""
        return quarter_index(self.end_year, self.end_quarter or 4)

    def overlaps(self, other: Period) -> bool:
        """The two periods share at least one quarter."""
        return self.first <= other.last and other.first <= self.last

    def text(self, lang: str = "en") -> str:
        """'2027 Q3-2028', '2029-2031 (indicative)' / '(indicatief)', '2026'."""
        out = span_text(self.first, self.last)
        return "{} ({})".format(out, tr_in(lang, INDICATIVE_WORD)) if self.indicative else out


def period_of(attrs) -> Optional[Period]:
    """The Period of a row (dict or records.Feature attributes); None when a year is missing or not a number."""
    return period_from(attrs.get("start_year"), attrs.get("end_year"), attrs.get("start_quarter"),
                       attrs.get("end_quarter"), attrs.get("indicative"))


def period_from(start_year, end_year, start_quarter=None, end_quarter=None, indicative=None) -> Optional[Period]:
    """period_of() from the stored values themselves (a caller reading the fields as columns)."""
    try:
        start, end = int(float(start_year)), int(float(end_year))
    except (TypeError, ValueError):
        return None
    return Period(start, end, quarter(start_quarter), quarter(end_quarter), flag(indicative))


def precision_of(attrs) -> str:
    """The precision of a row's period (``year`` when its years are missing)."""
    period = period_of(attrs)
    return period.precision if period is not None else (INDICATIVE if flag(attrs.get("indicative")) else YEAR)


def period_text(attrs, lang: str = "en") -> str:
    """How lists and exports show a row's period; '' when its years are missing."""
    period = period_of(attrs)
    return period.text(lang) if period is not None else ""


def certainty(*indicative: bool) -> str:
    """``possible`` when any of the periods involved is indicative, else ``certain``."""
    return POSSIBLE if any(indicative) else CERTAIN


def join_names(names: list, lang: str = "en") -> str:
    """'a' or 'a and b' / 'a en b' (the names of the indicative periods in a message)."""
    if len(names) < 2:
        return "".join(names)
    return tr_in(lang, AND_WORDS).format(", ".join(names[:-1]), names[-1])
