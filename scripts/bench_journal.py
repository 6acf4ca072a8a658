"""What the edit journal costs the main thread: a snapshot of 10,000 changed rows.

Voorbeeldstad with 12,000 interventions in a GeoPackage, loaded as the plugin loads it (EditSession
attached); 10,000 interventions changed in the edit buffers (title and budget; every fifth also moved).
Timed in this run, medians of RUNS:

- buffer copy: QGIS's own copies of the buffers (changedAttributeValues, changedGeometries,
  addedFeatures, deletedFeatureIds) and nothing else: the floor;
- the save's read: EditSession.changes(), what the plugin's save reads from the same buffers;
- main thread, whole copy: the journal's first copy (BufferMirror.copy(), all 10,000 rows);
- main thread, N rows edited since: a later copy, with N more rows of the point layer edited after a
  whole one (the debounced copy while the planner goes on editing; the mirror reads those rows, or
  copies whole when that is cheaper);
- worker, first / again: BufferCopy.plain() (keys of rows not seen before looked up over its own
  connection), JSON text and the atomic write, off the main thread in the plugin.

Target: the main-thread part well under 100 ms.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import qgis_headless  # noqa: E402

CHANGED = 10_000
RUNS = 5


def _median(work) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    qgis_headless.start()
    from qgis.core import QgsGeometry, QgsProject

    from gebiedsplugin.core import schema
    from gebiedsplugin.core.journal_format import to_text
    from gebiedsplugin.core.sample import generate_sample
    from gebiedsplugin.qgis_io.buffer_mirror import BufferMirror
    from gebiedsplugin.qgis_io.edit_session import session_of
    from gebiedsplugin.qgis_io.loader import load_programme
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
    from gebiedsplugin.toolbelt import recovery_files

    folder = Path(tempfile.mkdtemp(prefix="bench_journal_"))
    programme, _ = generate_sample(seed=42, interventions=12_000)
    store = GpkgStore.create(folder / "bench.gpkg", programme.crs, programme)
    project = QgsProject()
    layers = load_programme(store, project)
    tables = [t for t in schema.INTERVENTION_TABLES]
    left = CHANGED
    for table in tables:
        layer = layers[table]
        layer.startEditing()
        title, budget = layer.fields().indexFromName("title"), layer.fields().indexFromName("budget")
        for n, feature in enumerate(layer.getFeatures()):
            if left == 0:
                break
            layer.changeAttributeValues(feature.id(), {title: "changed {}".format(n), budget: 1000.0 + n})
            if n % 5 == 0:
                moved = QgsGeometry(feature.geometry())
                moved.translate(1.0, 1.0)
                layer.changeGeometry(feature.id(), moved)
            left -= 1
    session = session_of(layers[tables[0]])
    session.versions(tables[0])  # the versions read as editing started: done before timing

    def buffer_copy():
        for table in tables:
            buffer = layers[table].editBuffer()
            buffer.changedAttributeValues(), buffer.changedGeometries()
            buffer.addedFeatures(), buffer.deletedFeatureIds()

    mirrors = {t: BufferMirror(t, layers[t]) for t in tables}
    target = folder / "journal.json"

    def whole():
        for mirror in mirrors.values():
            mirror.whole = True
        return {t: m.copy() for t, m in mirrors.items()}

    def rows(count: int):
        """*count* more rows of the point layer changed (marked as the layer's signals mark them), then copied."""
        layer, mirror = layers[tables[0]], mirrors[tables[0]]
        title = layer.fields().indexFromName("title")
        fids = sorted(mirror.attrs)[:count]
        for fid in fids:
            layer.changeAttributeValues(fid, {title: "again {}".format(time.perf_counter())})
        mirror.mark(fids)
        start = time.perf_counter()
        copies = {t: m.copy() for t, m in mirrors.items()}
        return copies, (time.perf_counter() - start) * 1000, mirror.last_copy

    def worker(copies, cold: bool):
        if cold:
            for mirror in mirrors.values():
                mirror.known.clear()
        journal = {"source": store.path, "name": store.name, "planner": "bench",
                   "tables": {t: c.plain() for t, c in copies.items()}}
        recovery_files.write(target, to_text(journal))
        return journal

    floor = _median(buffer_copy)
    saves = _median(session.changes)
    whole_ms = _median(whole)
    copies = whole()
    cold = _median(lambda: worker(copies, True))
    warm = _median(lambda: worker(copies, False))
    few = [rows(10)[1:] for _ in range(RUNS)]
    more = [rows(200)[1:] for _ in range(RUNS)]
    rows_in_points = len(mirrors[tables[0]].attrs)
    edits = sum(len(e["changed"]) for e in worker(copies, False)["tables"].values())
    print("edit journal, {:,} changed rows ({:,} bytes on disk), medians of {} in ms:".format(
        edits, target.stat().st_size, RUNS))
    print("  buffer copy by QGIS (floor)        {:8.1f}".format(floor))
    print("  the save's read (for scale)        {:8.1f}".format(saves))
    print("  main thread, whole copy            {:8.1f}  ({:.2f}x the floor)".format(whole_ms, whole_ms / floor))
    for count, runs in ((10, few), (200, more)):
        print("  main thread, {:>3} rows edited since {:8.1f}  (copied: {}; {:,} rows pending in that layer)".format(
            count, statistics.median(ms for ms, _ in runs), "/".join(sorted({kind for _, kind in runs})),
            rows_in_points))
    print("  worker, first (keys read)          {:8.1f}".format(cold))
    print("  worker, again (keys known)         {:8.1f}".format(warm))
    for layer in layers.values():
        if layer.isEditable():
            layer.rollBack()
    project.clear()


if __name__ == "__main__":
    main()
