"""The plugin as QGIS loads it: menu, toolbar, provider; unload() removes everything again."""

from __future__ import annotations

from qgis.core import QgsApplication, QgsExpression
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QEvent
from qgis.PyQt.QtWidgets import QToolBar


def _menu_titles(iface) -> list:
    return [a.text() for a in iface.mainWindow().menuBar().actions() if a.isVisible()]


def test_init_gui_adds_menu_toolbar_provider(plugin, qgis_iface):
    assert "&Area programme" in _menu_titles(qgis_iface)  # English UI, English name
    bar = qgis_iface.mainWindow().findChild(QToolBar, "gebiedspluginToolbar")
    assert bar is not None and len(bar.actions()) >= 2
    provider = QgsApplication.processingRegistry().providerById("gebiedsplugin")
    assert provider is not None
    ids = {a.id() for a in provider.algorithms()}
    assert {"gebiedsplugin:create_programme", "gebiedsplugin:generate_sample"} <= ids
    assert QgsExpression.isFunctionName("gebied_largest_overlap")


def test_unload_removes_everything(qgis_iface, processing_ready):
    import gebiedsplugin

    main = qgis_iface.mainWindow()
    menus_before = _menu_titles(qgis_iface)
    instance = gebiedsplugin.classFactory(qgis_iface)
    instance.initProcessing()
    instance.initGui()
    docks = list(instance.docks)
    instance.unload()
    QgsApplication.processEvents()
    QgsApplication.sendPostedEvents(None, QEvent.DeferredDelete)  # run the deleteLater()s
    assert _menu_titles(qgis_iface) == menus_before
    live_toolbars = [t for t in main.findChildren(QToolBar) if t.objectName() == "gebiedspluginToolbar"]
    assert live_toolbars == []
    assert QgsApplication.processingRegistry().providerById("gebiedsplugin") is None
    assert not QgsExpression.isFunctionName("gebied_largest_overlap")
    assert instance.actions == [] and instance.docks == []
    assert all(sip.isdeleted(dock) for dock in docks)


def test_a_saved_project_brings_its_programme_back(plugin, sample_gpkg, tmp_path):
    from qgis.core import QgsProject

    path, _ = sample_gpkg
    plugin.controller.open(str(path))
    project_file = str(tmp_path / "gebiedsdag.qgs")
    assert QgsProject.instance().write(project_file)
    QgsProject.instance().clear()
    assert plugin.controller.store is None
    assert QgsProject.instance().read(project_file)
    assert plugin.controller.store is not None and plugin.controller.store.path == str(path)
    assert plugin.controller.layer("interventions_point") is not None


def test_import_refuses_while_edits_are_unsaved(plugin, qgis_iface, sample_gpkg):
    from qgis.core import Qgis

    plugin.controller.open(str(sample_gpkg[0]))
    layer = plugin.controller.layer("interventions_point")
    layer.startEditing()
    feature = next(layer.getFeatures())
    layer.changeAttributeValue(feature.id(), layer.fields().indexFromName("title"), "Nog niet bewaard")
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    plugin.import_data()  # would block in the dialog's exec() if it opened
    warnings = bar.get_messages(Qgis.Warning)
    assert any(layer.name() in text for text in warnings), warnings
    layer.rollBack()


def test_loading_the_plugin_does_not_load_matplotlib():
    """Charts load with the Overview's panels, not at QGIS start-up (about 0.3 s saved)."""
    import os
    import subprocess
    import sys

    code = ("import sys; from qgis.core import QgsApplication; app = QgsApplication([], False); app.initQgis(); "
            "import gebiedsplugin.plugin as p; p.dock_factories(); print('matplotlib' in sys.modules)")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.stdout.strip().splitlines()[-1] == "False", out.stdout + out.stderr


def test_without_shapely_the_plugin_says_what_to_install(qgis_iface):
    import subprocess
    import sys

    from qgis.core import Qgis

    from gebiedsplugin.dependencies import MissingDependencyPlugin

    code = ("import sys; sys.modules['shapely'] = None; "
            "from gebiedsplugin.dependencies import missing_dependencies; print(missing_dependencies())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "['shapely >= 2.0']", out.stderr
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    stand_in = MissingDependencyPlugin(qgis_iface, ["shapely >= 2.0"])
    stand_in.initGui()
    (text,) = bar.get_messages(Qgis.Critical)
    assert "shapely >= 2.0" in text and "--no-binary shapely" in text and "python3-shapely" in text
    assert "--target" in text and "/python" in text
    stand_in.unload()
