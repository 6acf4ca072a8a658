"""A large import in the background: pure run() in the worker, finished() on the main thread."""

from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsTask, QgsVectorLayer
from qgis.PyQt.QtCore import pyqtSignal

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.qgis_io.importer import run_import
from gebiedsplugin.toolbelt.i18n import tr


class ImportTask(QgsTask):
    """Imports a source (by URI, opened in the worker) into a programme; emits done(result) or failed(text)."""

    done = pyqtSignal(object)
    failed = pyqtSignal(str)

    def __init__(self, programme: str, uri: str, provider: str, target: str, mapping: dict,
                 valid_only: bool = False, context: QgsCoordinateTransformContext | None = None,
                 source_crs: QgsCoordinateReferenceSystem | None = None):
        super().__init__(tr("Importing into the programme"), QgsTask.Flag.CanCancel)
        self.programme, self.uri, self.provider = programme, uri, provider
        self.target, self.mapping, self.valid_only = target, mapping, valid_only
        self.context = context or QgsCoordinateTransformContext()
        self.source_crs = QgsCoordinateReferenceSystem(source_crs) if source_crs is not None else None
        self.result = None
        self.error = ""

    def run(self) -> bool:
        layer = QgsVectorLayer(self.uri, "import", self.provider)
        try:
            self.result = run_import(self.programme, layer, self.target, self.mapping,
                                     valid_only=self.valid_only, context=self.context, feedback=_Feedback(self),
                                     source_crs=self.source_crs)
        except ProgrammeError as e:
            self.error = str(e)
            return False
        except Exception as e:  # noqa: BLE001 - reported to the user, never raised in the worker thread
            self.error = tr("The import failed: {}").format(e)
            return False
        return True

    def finished(self, ok: bool) -> None:
        if ok and self.result is not None:
            self.done.emit(self.result)
        else:
            self.failed.emit(self.error or tr("The import was cancelled; nothing was written."))


class _Feedback:
    """The little of QgsFeedback the importer uses, backed by the task."""

    def __init__(self, task: QgsTask):
        self.task = task

    def isCanceled(self) -> bool:  # noqa: N802
        return self.task.isCanceled()

    def setProgress(self, value: float) -> None:  # noqa: N802
        self.task.setProgress(value)
