"""The funding rows of a PostGIS programme matched to the kept interventions, kept for the in-database check
(``check_funding``; part of the kept tables of store/pg_check_tables.py, current on every write).

budget_exceeded and duplicate_funding read the funding rows by intervention (the row key n of
``check_interventions``, through the cleaned uid: a uid used twice gives its rows to each). Joined per
run, that was a hash join of every funding row with every intervention on a text key (at a million
interventions and 1.45 million funding rows about 4 s of server CPU, the largest step before the rules).

A row per funding row and intervention it names, or one with n NULL when it names none (so the
funding rows of a uid are found again when an intervention gets or loses it):
``f`` (the funding row's fid), ``uid`` (its cleaned intervention_uid), ``n``, ``year``, ``amount`` and
``funder`` (cleaned). Statement-level triggers keep it equal to a fresh ``fresh()``:

- on ``funding`` (any client's write): the written rows' pairs are replaced;
- the interventions' own sync functions (store/pg_check_tables.py), after they replaced the kept rows:
  the pairs of the funding rows that name a uid that came, went or changed are derived again, so a new,
  renamed or removed intervention gets or loses its funding rows (``on_interventions``).

A TRUNCATE of the funding table empties it; ``pg_check_tables.fill`` fills it after the kept interventions.
"""

from __future__ import annotations

from psycopg2 import sql

from gebiedsplugin.qgis_io.store.pg_check_sql import INTERVENTIONS, SYNC_TRIGGERS, clean, intervention_uids
from gebiedsplugin.qgis_io.store.pg_ddl import KEY

FUNDING = "check_funding"
SOURCE = "funding"


def pairs(schema_name: str, source: sql.Composable, where: sql.Composable = sql.SQL("true")) -> sql.Composed:
    """The pairs of the funding rows of *source* (the table or a transition table of it) that meet *where*."""
    return sql.SQL(
        "SELECT fu.f, fu.uid, i.n, fu.year, fu.amount, fu.funder FROM (SELECT {key} AS f, {uid} AS uid, year, "
        "amount, {funder} AS funder FROM {source} WHERE {where}) fu LEFT JOIN {kept} i ON i.uid = fu.uid").format(
        key=sql.Identifier(KEY), uid=clean("intervention_uid"), funder=clean("funder"), source=source, where=where,
        kept=sql.Identifier(schema_name, INTERVENTIONS))


def fresh(schema_name: str) -> sql.Composed:
    """Every pair, computed anew from the programme's funding rows and kept interventions."""
    return pairs(schema_name, sql.Identifier(schema_name, SOURCE))


# The funding rows written: their pairs replaced.
_ON_FUNDING = """CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $body$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE {kept};
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM {kept} WHERE f IN (SELECT {key} FROM gp_old);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO {kept} {rows};
    END IF;
    RETURN NULL;
END
$body$"""

# The funding rows of the uids in *uids* (a query) derived again, after the kept interventions changed
# (all pairs of a funding row share its uid; its fid finds it in the funding table).
_AGAIN = "WITH gone AS (DELETE FROM {kept} WHERE uid IN ({uids}) RETURNING f) INSERT INTO {kept} {again};"


def on_interventions(schema_name: str, number: int, table: str, also=lambda _uids: sql.SQL("")) -> dict:
    """What the kept interventions' sync function of intervention table *table* (the *number*-th) runs for
    check_funding (store/pg_check_tables.py): the pairs of the uids that came or went derived again; on an
    update only of the rows whose key or uid changed (a save that keeps the uid costs nothing here).
    *also(uids)*: what else follows those uids (a query of them; store/pg_check_quality.on_uids)."""
    kept = sql.Identifier(schema_name, FUNDING)
    again = pairs(schema_name, sql.Identifier(schema_name, SOURCE), sql.SQL("{} IN (SELECT f FROM gone)").format(
        sql.Identifier(KEY)))

    def rederive(uids: sql.Composable) -> sql.Composed:
        return sql.SQL(_AGAIN).format(kept=kept, uids=uids, again=again) + also(uids)

    def keyed(source: str) -> sql.Composed:
        return intervention_uids(number, table, sql.Identifier(source))

    changed = sql.SQL("SELECT uid FROM (({old} EXCEPT {new}) UNION ALL ({new} EXCEPT {old})) c").format(
        old=keyed("gp_old"), new=keyed("gp_new"))
    after = sql.SQL("IF TG_OP = 'INSERT' THEN {} ELSIF TG_OP = 'DELETE' THEN {} ELSE {} END IF;").format(
        rederive(sql.SQL("SELECT uid FROM ({}) c").format(keyed("gp_new"))),
        rederive(sql.SQL("SELECT uid FROM ({}) c").format(keyed("gp_old"))), rederive(changed))
    return {"before_truncate": sql.SQL("gone := ARRAY(SELECT uid FROM {} WHERE t = {});").format(
                sql.Identifier(schema_name, INTERVENTIONS), sql.Literal(number)),
            "after_truncate": rederive(sql.SQL("SELECT unnest(gone)")), "after": after}


def statements(schema_name: str) -> list:
    """Every statement that (re)creates check_funding, its indexes, functions and triggers (after the
    kept interventions); safe to run again. The rows come from the triggers (a new programme) or ``fill``."""
    kept = sql.Identifier(schema_name, FUNDING)
    interventions = sql.Identifier(schema_name, INTERVENTIONS)
    funding = sql.Identifier(schema_name, SOURCE)
    out = [sql.SQL("CREATE TABLE IF NOT EXISTS {} AS {} WITH NO DATA").format(kept, fresh(schema_name)),
           sql.SQL("CREATE INDEX IF NOT EXISTS {} ON {} (f)").format(sql.Identifier("ix_{}_f".format(FUNDING)), kept),
           sql.SQL("CREATE INDEX IF NOT EXISTS {} ON {} (uid)").format(
               sql.Identifier("ix_{}_uid".format(FUNDING)), kept),
           # the uid of a funding row written finds its interventions
           sql.SQL("CREATE INDEX IF NOT EXISTS {} ON {} (uid)").format(
               sql.Identifier("ix_{}_uid".format(INTERVENTIONS)), interventions)]
    on_funding = sql.Identifier(schema_name, "gebied_check_" + SOURCE)
    out.append(sql.SQL(_ON_FUNDING).format(function=on_funding, kept=kept, key=sql.Identifier(KEY),
                                           rows=pairs(schema_name, sql.Identifier("gp_new"))))
    for name, event, referencing in SYNC_TRIGGERS:
        out.append(sql.SQL("DROP TRIGGER IF EXISTS {} ON {}").format(sql.Identifier(name), funding))
        out.append(sql.SQL("CREATE TRIGGER {} AFTER {} ON {} {} EXECUTE FUNCTION {}()").format(
            sql.Identifier(name), sql.SQL(event), funding, sql.SQL(referencing), on_funding))
    return out


def fill(schema_name: str) -> list:
    """Statements that fill check_funding anew (after the kept interventions are filled)."""
    kept = sql.Identifier(schema_name, FUNDING)
    return [sql.SQL("TRUNCATE {}").format(kept), sql.SQL("INSERT INTO {} {}").format(kept, fresh(schema_name))]


def view(schema_name: str) -> sql.Composed:
    """gp_fu as the check's funding rules read it (store/pg_check_sql.funding builds it without the kept tables)."""
    return sql.SQL("CREATE TEMP VIEW gp_fu AS SELECT n, year, amount, funder FROM {} WHERE n IS NOT NULL").format(
        sql.Identifier(schema_name, FUNDING))
