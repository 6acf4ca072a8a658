"""`make desktop`: the real QGIS desktop with the plugin enabled and Voorbeeldstad open.

    make desktop                      # needs a display; on a machine without one: xvfb-run -a make desktop
    make desktop SCREENSHOT=shot.png  # take a screenshot of the window with the docks open, then quit

QGIS runs with its own profiles folder (build/desktop/, so your own profile is left alone) holding
the staged plugin (build/gebiedsplugin, `make stage`), enabled, and opens the sample programme
(OUT/voorbeeldstad.gpkg, written here first when missing). Where the system Python has no shapely 2
(Debian 12) the desktop borrows the project venv's, as the e2e tests do.
"""

from __future__ import annotations

import argparse
import os
import subprocess  # nosec B404  # starts the qgis binary with arguments we build
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

STARTUP = '''
import os
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface, plugins

PROGRAMME, SCREENSHOT = {programme!r}, {screenshot!r}


def _open():
    plugin = plugins.get("gebiedsplugin")
    if plugin is None or not hasattr(plugin, "controller"):
        print("desktop: the plugin did not load (see the message bar)")
        return
    main = iface.mainWindow()
    main.resize(1600, 1000)
    plugin.controller.open(PROGRAMME)
    for name in ("overview", "check", "export", "interventions"):
        dock = main.findChild(QDockWidget, "gebiedsplugin_" + name + "_dock")
        if dock is not None:
            dock.show()
            dock.raise_()
    iface.mapCanvas().zoomToFullExtent()
    if SCREENSHOT:
        QTimer.singleShot(4000, _shoot)


def _shoot():
    QgsApplication.processEvents()
    iface.mapCanvas().waitWhileRendering()
    iface.mainWindow().grab().save(SCREENSHOT)
    print("desktop: screenshot " + SCREENSHOT)
    # Close the project first: QGIS 3.44.16 (Debian trixie-backports) segfaults when it quits with
    # GeoPackage layers loaded by a --code script, plugin or not.
    QgsProject.instance().clear()
    QTimer.singleShot(500, QgsApplication.instance().quit)


QTimer.singleShot(1500, _open)
'''


def has_shapely2(python: str) -> bool:
    """Whether *python* imports shapely >= 2."""
    probe = "import shapely, sys; sys.exit(0 if int(shapely.__version__.split('.')[0]) >= 2 else 1)"
    return subprocess.run([python, "-c", probe], capture_output=True, check=False).returncode == 0  # nosec B603


def make_sample(path: Path) -> None:
    """Voorbeeldstad (seed 42) as a programme GeoPackage at *path*."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import qgis_headless

    qgis_headless.start()
    from gebiedsplugin.core.sample import generate_sample
    from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

    programme, _ = generate_sample(seed=42)
    path.parent.mkdir(parents=True, exist_ok=True)
    GpkgStore.create(path, programme.crs, programme)


def make_profiles(base: Path, locale: str) -> Path:
    """A profiles folder with the staged plugin linked in and enabled."""
    profile = base / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    link = plugins / "gebiedsplugin"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(ROOT / "build" / "gebiedsplugin")
    ini = profile / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    lines = ["[PythonPlugins]", "gebiedsplugin=true", "[qgis]", "showTips=false", "checkVersion=false"]
    if locale:
        lines += ["[locale]", "overrideFlag=true", "userLocale=" + locale, "globalLocale=" + locale]
    ini.write_text("\n".join(lines) + "\n")
    return base


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="demo", help="folder of the sample programme")
    parser.add_argument("--screenshot", default="", help="save a screenshot here and quit")
    parser.add_argument("--locale", default="", help="e.g. nl_NL (default: QGIS's own choice)")
    args = parser.parse_args(argv)
    if not (ROOT / "build" / "gebiedsplugin" / "metadata.txt").exists():
        print("desktop: no staged plugin: run `make stage` first")
        return 2
    programme = (ROOT / args.out / "voorbeeldstad.gpkg").resolve()
    if not programme.exists():
        print("desktop: writing the sample programme to {}".format(programme))
        make_sample(programme)
    base = make_profiles(ROOT / "build" / "desktop", args.locale)
    startup = base / "open_programme.py"
    screenshot = str(Path(args.screenshot).resolve()) if args.screenshot else ""
    startup.write_text(textwrap.dedent(STARTUP).format(programme=str(programme), screenshot=screenshot))
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the Makefile's offscreen default is for the headless lanes
    if not has_shapely2("/usr/bin/python3"):
        site = next((ROOT / ".venv" / "lib").glob("python3*/site-packages"), None)
        if site is None:
            print("desktop: QGIS's Python has no shapely >= 2 and there is no .venv to borrow it from "
                  "(README, 'Install on Linux')")
            return 2
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), env.get("PYTHONPATH", "")]))
    cmd = ["qgis", "--nologo", "--noversioncheck", "--profiles-path", str(base), "--code", str(startup)]
    print("desktop: " + " ".join(cmd))
    return subprocess.run(cmd, env=env, check=False).returncode  # nosec B603


if __name__ == "__main__":
    sys.exit(main())
