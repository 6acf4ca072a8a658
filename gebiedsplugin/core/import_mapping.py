"""Which source field feeds which programme field, and which source value means which code.

Pure Python: the import dialog, the Processing algorithm and the tests share these proposals.
Names are compared normalised (case, accents and separators ignored), against the field's name,
its English and Dutch aliases and a few common Dutch synonyms.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

from gebiedsplugin.core import schema

TARGETS = ("districts", "neighbourhoods", "interventions", "programme_projects", "area_goals", "area_budgets")

# The external key a re-import matches on, per target.
TARGET_KEYS = {
    "districts": ("district_id",),
    "neighbourhoods": ("neighbourhood_id",),
    "interventions": ("uid",),
    "programme_projects": ("programme_code",),
    "area_goals": ("district_id", "theme"),
    "area_budgets": ("district_id", "year"),
}

# Fields the import never takes from a source (derived or kept by the programme itself).
_NOT_IMPORTED = {"needs_review", "created_at", "created_by", "modified_at", "modified_by", schema.ROW_VERSION}

# normalised source name -> target field names it may mean (the first present in the target wins).
SYNONYMS = {
    "naam": ("name", "title"),
    "stadsdeel": ("district_id",),
    "stadsdeelid": ("district_id",),
    "wijk": ("district_id",),
    "buurt": ("neighbourhood_id",),
    "begin": ("start_year",),
    "startjaar": ("start_year",),
    "start": ("start_year",),
    "eind": ("end_year",),
    "einde": ("end_year",),
    "eindjaar": ("end_year",),
    "bedrag": ("amount", "budget"),
    "kosten": ("budget", "amount"),
    "budget": ("budget", "amount"),
    "projectcode": ("programme_code",),
    "mjpcode": ("programme_code",),
    "projectnaam": ("title",),
    "project": ("title",),
    "jaar": ("year",),
    "prio": ("priority",),
    "doel": ("goal",),
    "trekker": ("lead_party",),
    "financier": ("funder",),
    "omschrijving": ("description",),
    "beschrijving": ("description",),
}
_KEY_SYNONYMS = ("code", "id")  # -> the target's single key, when that key is a code (not a UUID)
_SHAPEFILE_NAME_LENGTH = 10


def normalise(text: str) -> str:
    """'Start-jaar (EUR)' -> 'startjaareur': lower case, no accents, letters and digits only."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "", ascii_text.lower())


def _without_brackets(text: str) -> str:
    return re.sub(r"\(.*?\)", "", text)


def table_for(target: str, geometry_kind: str = "point") -> schema.Table:
    """The schema table a target writes to (interventions and projects: per geometry kind)."""
    if target == "interventions":
        return schema.table(schema.intervention_table(geometry_kind))
    if target == "programme_projects":
        return schema.table(schema.project_table(geometry_kind))
    return schema.table(target)


def check_target(target: str) -> str:
    """*target* when it is one of TARGETS, else ValueError."""
    if target not in TARGETS:
        raise ValueError(target)
    return target


def is_spatial(target: str) -> bool:
    """Whether rows of *target* carry a geometry."""
    return table_for(target).geometry is not None


def target_fields(target: str) -> list:
    """The schema fields an import can fill, in schema order."""
    return [f for f in table_for(target).fields if f.name not in _NOT_IMPORTED]


def is_mandatory(target: str, f: schema.Field) -> bool:
    """Mandatory in the source: mandatory in the schema and not filled by the programme (uid)."""
    return f.mandatory and f.default is None


def _candidates(target: str, f: schema.Field) -> list:
    """Normalised names meaning *f*, strongest first."""
    names = [normalise(f.name), normalise(f.alias_en), normalise(f.alias_nl),
             normalise(_without_brackets(f.alias_en)), normalise(_without_brackets(f.alias_nl))]
    names += [syn for syn, fields in SYNONYMS.items() if _first_present(target, fields) == f.name]
    keys = TARGET_KEYS[target]
    if len(keys) == 1 and keys[0] == f.name and f.default is None:
        names += list(_KEY_SYNONYMS)
    out = []
    for n in names:
        if n and n not in out:
            out.append(n)
    return out


def _first_present(target: str, fields) -> Optional[str]:
    present = {f.name for f in target_fields(target)}
    return next((name for name in fields if name in present), None)


def propose_mapping(source_fields, target: str) -> dict:
    """{target field: source field} for every target field a source field plausibly feeds.

    Exact normalised matches first (name, then aliases, then synonyms); then, for shapefile names cut
    to 10 characters, a prefix match. Each source field is used at most once.
    """
    check_target(target)
    source = [(s, normalise(s)) for s in source_fields]
    used: set = set()
    proposal: dict = {}
    fields = target_fields(target)
    for rank in range(8):
        for f in fields:
            if f.name in proposal:
                continue
            cands = _candidates(target, f)
            if rank >= len(cands):
                continue
            match = next((s for s, n in source if s not in used and n == cands[rank]), None)
            if match is not None:
                proposal[f.name] = match
                used.add(match)
    for f in fields:
        if f.name in proposal:
            continue
        for s, n in source:
            if s in used or len(s) != _SHAPEFILE_NAME_LENGTH:
                continue
            if any(c.startswith(n) for c in _candidates(target, f)):
                proposal[f.name] = s
                used.add(s)
                break
    return {f.name: proposal[f.name] for f in fields if f.name in proposal}


def match_value(value, codes: dict) -> Optional[str]:
    """The code of value list *codes* ({code: (label_en, label_nl)}) that *value* names, or None."""
    if value is None:
        return None
    key = normalise(value)
    if not key:
        return None
    for code, labels in codes.items():
        if key == normalise(code) or any(key == normalise(lbl) for lbl in labels if lbl):
            return code
    return None


def propose_values(values, codes: dict) -> dict:
    """{source value: code or None} for the distinct non-empty *values* of a coded source field."""
    out: dict = {}
    for value in values:
        if value is None or str(value).strip() == "" or str(value) in out:
            continue
        out[str(value)] = match_value(value, codes)
    return out


@dataclass
class FieldSource:
    """Where one target field comes from: a source field and, for coded lists, a value mapping."""

    field: str
    values: dict = field(default_factory=dict)  # source value (as text) -> code


def parse_mapping(spec, source_fields, target: str) -> dict:
    """{target field: FieldSource} from a JSON text or dict; empty -> the automatic proposal.

    Raises ValueError with (problem, name) when the JSON is malformed, names an unknown target
    field or a source field that does not exist.
    """
    check_target(target)
    if isinstance(spec, str):
        spec = spec.strip()
        if not spec:
            spec = {}
        else:
            try:
                spec = json.loads(spec)
            except json.JSONDecodeError as e:
                raise ValueError("bad_json", str(e)) from None
    if not isinstance(spec, dict):
        raise ValueError("bad_json", type(spec).__name__)
    if not spec:
        spec = propose_mapping(source_fields, target)
    known = {f.name for f in target_fields(target)}
    sources = set(source_fields)
    out: dict = {}
    for name, entry in spec.items():
        if name not in known:
            raise ValueError("unknown_target_field", name)
        if isinstance(entry, dict):
            src, values = entry.get("field"), entry.get("values") or {}
        else:
            src, values = entry, {}
        if isinstance(src, (list, dict)) or not isinstance(values, dict):
            raise ValueError("bad_json", "{}: {}".format(name, json.dumps(entry, ensure_ascii=False)))
        if src in (None, ""):
            continue
        if src not in sources:
            raise ValueError("unknown_source_field", src)
        out[name] = FieldSource(str(src), {str(k): v for k, v in values.items()})
    return out


def mapping_to_json(mapping: dict) -> str:
    """The JSON form of a {target field: FieldSource} mapping (the algorithm's FIELD_MAPPING)."""
    out = {}
    for name, src in mapping.items():
        out[name] = {"field": src.field, "values": src.values} if src.values else src.field
    return json.dumps(out, ensure_ascii=False)


def unmapped_mandatory(target: str, mapping: dict) -> list:
    """Mandatory target fields that no source field feeds."""
    return [f.name for f in target_fields(target) if is_mandatory(target, f) and f.name not in mapping]


def _geometry_fits(target: str, geometry_kind: Optional[str]) -> bool:
    """False only where the source's geometry rules *target* out (points or lines are no districts)."""
    return not (table_for(target).geometry == "multipolygon" and geometry_kind in ("point", "line"))


def propose_target(source_fields, geometry_kind: Optional[str] = None) -> Optional[str]:
    """The target a source most plausibly holds, from its field names and its geometry kind; None
    when no field name means anything to any target (then there is nothing to guess from).

    *geometry_kind*: point, line, polygon or None (no geometry, or not known). Ranked by: the
    geometry fits; every mandatory field is fed; how many mandatory fields, then fields in all,
    the proposal feeds; ties go to the earlier target of TARGETS."""
    names = list(source_fields)

    def score(target: str) -> tuple:
        proposal = propose_mapping(names, target)
        mandatory = [f.name for f in target_fields(target) if is_mandatory(target, f)]
        fed = sum(1 for m in mandatory if m in proposal)
        return (_geometry_fits(target, geometry_kind), fed == len(mandatory), fed, len(proposal))

    best = max(TARGETS, key=lambda t: (score(t), -TARGETS.index(t)))
    return best if score(best)[3] else None
