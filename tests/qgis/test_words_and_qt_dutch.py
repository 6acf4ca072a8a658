"""Words and icons of the English UI, and Qt's own Dutch buttons when QGIS runs in Dutch."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from qgis.PyQt.QtCore import QLibraryInfo
from qgis.PyQt.QtWidgets import QAction, QToolBar

from gebiedsplugin.core import schema

ACTIONS = ("new", "open", "open_postgis", "sample", "import", "check_out")


def test_english_ui_names_the_menu_in_english_and_each_action_has_its_own_icon(plugin, qgis_iface):
    main = qgis_iface.mainWindow()
    assert plugin.menu.title() == "&Area programme"
    assert main.findChild(QToolBar, "gebiedspluginToolbar").windowTitle() == "Area programme"
    images = {}
    for key in ACTIONS:
        action = main.findChild(QAction, "gebiedsplugin_" + key)
        assert action is not None and not action.icon().isNull(), key
        images[key] = action.icon().pixmap(24, 24).toImage()
    keys = list(images)
    same = [(a, b) for i, a in enumerate(keys) for b in keys[i + 1:] if images[a] == images[b]]
    assert same == []


def test_draw_buttons_use_the_layers_words(plugin):
    dock = next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_interventions_dock")
    texts = {kind: dock.findChild(QAction, "interventions_draw_" + kind).text() for kind in schema.GEOMETRY_KINDS}
    assert texts == {"point": "Point", "line": "Line", "polygon": "Area"}
    table = {t.name: t for t in schema.TABLES}
    for kind, text in texts.items():
        alias = table[schema.intervention_table(kind)].alias_en
        assert (text.lower() + "s") in alias.lower(), (text, alias)  # "Area" for "Interventions (areas)"
    tip = dock.findChild(QAction, "interventions_draw_polygon").toolTip()
    assert "polygon" not in tip.lower()


def test_qgis_in_dutch_loads_qts_own_dutch(qgis_app):
    """QGIS itself loads qt_<lang>.qm (QgsApplication.setTranslation); the setup installs it."""
    qm = QLibraryInfo.location(QLibraryInfo.TranslationsPath) + "/qt_nl.qm"
    if os.environ.get("GEBIED_QGIS_LANE") and not os.path.exists(qm):
        pytest.skip("the QGIS LTR root has no Qt translations; the host lane checks what make setup installs")
    script = (
        "from qgis.core import QgsApplication\n"
        "from qgis.PyQt.QtCore import QCoreApplication as C\n"
        "QgsApplication.setTranslation('nl')\n"
        "app = QgsApplication([], True)\n"
        "print(C.translate('QPlatformTheme', 'Cancel'), C.translate('QPlatformTheme', '&Yes'),"
        " C.translate('QPlatformTheme', 'Close'), C.translate('QFileDialog', 'Look in:'), sep='|')\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": "/tmp"})
    assert out.stdout.strip().splitlines()[-1:] == ["Annuleren|&Ja|Sluiten|Zoeken in:"], (qm, out.stderr[-500:])


def test_dutch_area_of_a_geometry_is_vlak_and_of_a_region_gebied(qgis_app):
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QCoreApplication

    from gebiedsplugin.toolbelt.i18n import install_translator, tr

    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "nl_NL")
    translator = install_translator(QCoreApplication.instance())
    try:
        assert (tr("Area", "geometry"), tr("Area"), tr("&Area programme")) == ("Vlak", "Gebied", "&Gebiedsprogramma")
    finally:
        if translator is not None:
            QCoreApplication.instance().removeTranslator(translator)
        settings.setValue("locale/userLocale", "en_US")
