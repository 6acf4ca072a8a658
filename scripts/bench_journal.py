"""What the edit journal costs the main thread: a snapshot of 10,000 changed rows.

Voorbeeldstad with 12,000 interventions in a GeoPackage, loaded as the plugin loads it (EditSession
attached); 10,000 interventions changed in the edit buffers (title and budget; every fifth also moved).
Timed in this run, medians of RUNS:

- buffer copy: QGIS's own copies of the buffers (changedAttributeValues, changedGeometries,
  addedFeatures, deletedFeatureIds) and nothing else: the floor;
- the save's read: EditSession.changes(), what the plugin's save reads from the same buffers;
- snapshot, main thread: what the journal does on the main thread (edit_journal.snapshot);
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
    from gebiedsplugin.qgis_io.edit_journal import snapshot
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

    known: dict = {}
    target = folder / "journal.json"

    def main_thread():
        return {t: snapshot(layers[t], t, known.setdefault(t, {})) for t in tables}

    def worker(cold: bool):
        if cold:
            known.clear()
        copies = main_thread()
        journal = {"source": store.path, "name": store.name, "planner": "bench",
                   "tables": {t: c.plain() for t, c in copies.items()}}
        recovery_files.write(target, to_text(journal))
        return journal

    floor = _median(buffer_copy)
    saves = _median(session.changes)
    main_ms = _median(main_thread)
    cold = _median(lambda: worker(True)) - main_ms
    warm = _median(lambda: worker(False)) - main_ms
    rows = sum(len(e["changed"]) for e in worker(False)["tables"].values())
    print("edit journal, {:,} changed rows ({:,} bytes on disk), medians of {} in ms:".format(
        rows, target.stat().st_size, RUNS))
    print("  buffer copy (floor)            {:8.1f}".format(floor))
    print("  the save's read (for scale)    {:8.1f}".format(saves))
    print("  snapshot, main thread          {:8.1f}  ({:.1f}x the floor)".format(main_ms, main_ms / floor))
    print("  worker, first (keys read)      {:8.1f}".format(cold))
    print("  worker, again (keys known)     {:8.1f}".format(warm))
    for layer in layers.values():
        if layer.isEditable():
            layer.rollBack()
    project.clear()


if __name__ == "__main__":
    main()
