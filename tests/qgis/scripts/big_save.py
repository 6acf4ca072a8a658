"""A planner's big save, run as its own process so a test can kill -9 it mid-transaction.

usage: big_save.py PROGRAMME COUNT [in-cache]  -- renames every point intervention and adds COUNT funding rows
in one save; prints "writing" once half of the funding rows are written (then goes on).
"""

import sys

from gebiedsplugin.core.row_changes import INSERT, UPDATE, RowChange
from gebiedsplugin.qgis_io.store import gpkg_writer
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.save import apply_changes


def main(path: str, count: int, in_cache: bool = False) -> int:
    # A save bigger than the writer's page cache, as an import beyond it is: it spills to the file before
    # the commit, so the kill leaves a hot journal that the next open must roll back. (A save within the
    # cache has written nothing to the file when killed; its journal, never synced, is not hot.)
    if not in_cache:
        gpkg_writer.CACHE_KIB = 1024
    store = GpkgStore.open(path)
    rows, _, fids = store.read_table("interventions_point")
    changes = [RowChange("interventions_point", UPDATE, fid, row["row_version"], {"title": "renamed"})
               for row, fid in zip(rows, fids)]
    changes += [RowChange("funding", INSERT, values={"intervention_uid": rows[0]["uid"], "year": 2030,
                                                       "funder": "province", "amount": float(n)})
                for n in range(count)]
    with store.writer("crasher") as writer:

        class Telling:
            """The writer, saying when half the rows are in (the moment to be killed)."""

            inserted = 0

            def __getattr__(self, name):
                return getattr(writer, name)

            def insert(self, *args):
                Telling.inserted += 1
                if Telling.inserted == count // 2:
                    print("writing", flush=True)
                return writer.insert(*args)

            def insert_rows(self, table, rows):  # a writer that takes a table's rows as one set
                half = len(rows) // 2
                fids = writer.insert_rows(table, rows[:half])
                print("writing", flush=True)
                return fids + writer.insert_rows(table, rows[half:])

        apply_changes(Telling(), changes, "crasher")
    print("saved", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), sys.argv[3:] == ["in-cache"]))
