"""Area programme > Generate sample city…: Processing's dialog with a file of its own proposed, and the
sample opened as the programme when it has been written.

Processing proposed "[Save to temporary file]" and opened nothing: a new user's first try ended in a
file under /tmp that was gone after QGIS closed, to be found by hand for Open programme…
"""

from __future__ import annotations

from pathlib import Path

from gebiedsplugin.gui.programme_actions import use_programme
from gebiedsplugin.toolbelt.settings import PluginSettings

SAMPLE_NAME = "voorbeeldstad"
ALGORITHM = "gebiedsplugin:generate_sample"


def sample_path() -> str:
    """A new file for the sample: beside the last programme opened from a file, else in the home
    folder; voorbeeldstad.gpkg, or the first voorbeeldstad_N.gpkg that does not exist yet."""
    last = PluginSettings.load().last_programme
    folder = Path(last).parent if last and not last.startswith("postgres:") and Path(last).parent.is_dir() \
        else Path.home()
    candidate, n = folder / (SAMPLE_NAME + ".gpkg"), 1
    while candidate.exists():
        n += 1
        candidate = folder / "{}_{}.gpkg".format(SAMPLE_NAME, n)
    return str(candidate)


def generate_sample(iface, controller, prompts) -> str:
    """Show the algorithm's dialog with sample_path() proposed; when the planner ran it, open what it
    wrote (unsaved edits of the open programme are asked about first). The path opened, else ''."""
    from qgis import processing

    results = processing.execAlgorithmDialog(ALGORITHM, {"OUTPUT": sample_path()}) or {}
    path = results.get("OUTPUT")
    if not path or not Path(path).is_file():
        return ""
    return path if use_programme(iface, controller.open, path, prompts) else ""
