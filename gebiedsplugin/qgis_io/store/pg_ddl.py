"""DDL of a programme in a PostgreSQL/PostGIS schema, generated from the declarative schema.

Every identifier goes through ``psycopg2.sql.Identifier`` and every number through
``sql.Literal``: no text from a user is ever pasted into SQL. Besides the tables of ``core.schema``
a PostGIS programme has an ``audit_log`` table and the locking and audit triggers of
``store/pg_guards.py`` on every versioned table.
"""

from __future__ import annotations

import re

from psycopg2 import sql

from gebiedsplugin.core import schema
from gebiedsplugin.qgis_io.store import pg_guards

KEY = "fid"
GEOMETRY = "geom"

PG_TYPES = {
    schema.TEXT: "text",
    schema.INTEGER: "integer",
    schema.REAL: "double precision",
    schema.BOOLEAN: "boolean",
    schema.DATETIME: "timestamptz",
}
# Lines and polygons are stored as multi-geometries, as in the GeoPackage.
PG_GEOMETRY = {"point": "Point", "line": "MultiLineString", "polygon": "MultiPolygon",
               "multipolygon": "MultiPolygon"}

_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

UNIQUE = [
    ("findings", ("finding_id",)), ("settings", ("key",)), ("schema_info", ("key",)),
    ("districts", ("district_id",)), ("value_lists", ("list", "code"))]
LOOKUP = [(t, "programme_code") for t in schema.PROJECT_TABLES + schema.INTERVENTION_TABLES] + [
    ("funding", "intervention_uid"), ("effect_measurements", "intervention_uid"), ("links", "from_uid"),
    ("links", "to_uid")]


def valid_schema_name(name: str) -> bool:
    """Programme schemas are plain lower-case identifiers (they are quoted anyway)."""
    return bool(_SCHEMA_NAME.match(name or ""))


def _column(field: schema.Field) -> sql.Composed:
    parts = [sql.Identifier(field.name), sql.SQL(PG_TYPES[field.type])]
    if field.mandatory:
        parts.append(sql.SQL("NOT NULL"))
    if field.name == schema.ROW_VERSION:
        parts.append(sql.SQL("DEFAULT 1"))
    return sql.SQL(" ").join(parts)


def create_table(schema_name: str, table: schema.Table, srid: int) -> sql.Composed:
    """CREATE TABLE for one schema table (integer key ``fid``, geometry ``geom``)."""
    items = [sql.SQL("{} serial PRIMARY KEY").format(sql.Identifier(KEY))]
    items += [_column(f) for f in table.fields]
    if table.geometry:
        items.append(sql.SQL("{} geometry({}, {})").format(
            sql.Identifier(GEOMETRY), sql.SQL(PG_GEOMETRY[table.geometry]), sql.Literal(int(srid))))
    return sql.SQL("CREATE TABLE {} ({})").format(
        sql.Identifier(schema_name, table.name), sql.SQL(", ").join(items))


def create_checks(schema_name: str) -> list:
    """Range and year-order CHECK constraints, added NOT VALID after a programme's rows are in.

    Every new or changed row must satisfy them; rows brought in by a copy or import keep their
    values (a GeoPackage does not enforce these either), so the programme check can report them.
    """
    out = []
    for table in schema.TABLES:
        checks = []
        for f in table.fields:
            col = sql.Identifier(f.name)
            bounds = []
            if f.minimum is not None:
                bounds.append(sql.SQL("{} >= {}").format(col, sql.Literal(f.minimum)))
            if f.maximum is not None:
                bounds.append(sql.SQL("{} <= {}").format(col, sql.Literal(f.maximum)))
            if bounds:
                checks.append(("ck_{}_{}".format(table.name, f.name), sql.SQL(" AND ").join(bounds)))
        if {"start_year", "end_year"} <= set(table.field_names):
            checks.append(("ck_{}_years".format(table.name), sql.SQL("{} >= {}").format(
                sql.Identifier("end_year"), sql.Identifier("start_year"))))
        for name, condition in checks:
            out.append(sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} CHECK ({}) NOT VALID").format(
                sql.Identifier(schema_name, table.name), sql.Identifier(name), condition))
    return out


def create_indexes(schema_name: str) -> list:
    """GIST indexes on geometries, unique keys and lookup indexes."""
    out = []
    for table in schema.TABLES:
        if table.geometry:
            out.append(sql.SQL("CREATE INDEX {} ON {} USING GIST ({})").format(
                sql.Identifier("sx_" + table.name), sql.Identifier(schema_name, table.name),
                sql.Identifier(GEOMETRY)))
    out += [uid_constraint(schema_name, t) for t in schema.UID_TABLES]
    for table_name, columns in UNIQUE:
        out.append(sql.SQL("CREATE UNIQUE INDEX {} ON {} ({})").format(
            sql.Identifier("ux_{}_{}".format(table_name, "_".join(columns))),
            sql.Identifier(schema_name, table_name), sql.SQL(", ").join(map(sql.Identifier, columns))))
    for table_name, column in LOOKUP:
        out.append(sql.SQL("CREATE INDEX {} ON {} ({})").format(
            sql.Identifier("ix_{}_{}".format(table_name, column)),
            sql.Identifier(schema_name, table_name), sql.Identifier(column)))
    return out


def uid_constraint(schema_name: str, table_name: str) -> sql.Composed:
    """*table_name*'s uid kept unique by an exclusion constraint (uid WITH =): the same guarantee as a unique
    index, also between concurrent saves, and a btree for lookups, but QGIS does not read it as a unique
    field (it reads single-column unique indexes only). A unique field's new value is checked against every
    value of the layer (QgsVectorLayerUtils::createFeature, at each Add Feature: 100-380 ms at 100,000
    interventions); a new row's uid is a UUID."""
    return sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} EXCLUDE USING btree ({} WITH =)").format(
        sql.Identifier(schema_name, table_name), sql.Identifier("ux_{}_uid".format(table_name)),
        sql.Identifier("uid"))


def create_programme(schema_name: str, srid: int) -> list:
    """Every statement that creates an empty programme schema, in order."""
    out = [sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema_name))]
    out += [create_table(schema_name, t, srid) for t in schema.TABLES]
    out += create_indexes(schema_name)
    out += pg_guards.statements(schema_name)
    return out  # then the rows, then create_checks()
