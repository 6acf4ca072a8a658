"""The gebiedsplugin Processing provider."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.resources import icon_path


def algorithm_classes() -> list:
    """Every algorithm of the provider (one per module)."""
    from gebiedsplugin.processing_provider.check_in import CheckInAlgorithm
    from gebiedsplugin.processing_provider.check_out import CheckOutAlgorithm
    from gebiedsplugin.processing_provider.check_programme import CheckProgrammeAlgorithm
    from gebiedsplugin.processing_provider.copy_programme import CopyProgrammeAlgorithm
    from gebiedsplugin.processing_provider.create_programme import CreateProgrammeAlgorithm
    from gebiedsplugin.processing_provider.district_dossier import DistrictDossierAlgorithm
    from gebiedsplugin.processing_provider.district_report import DistrictReportAlgorithm
    from gebiedsplugin.processing_provider.export_programme_map import ExportProgrammeMapAlgorithm
    from gebiedsplugin.processing_provider.funding_backlog import FundingBacklogAlgorithm
    from gebiedsplugin.processing_provider.generate_sample import GenerateSampleAlgorithm
    from gebiedsplugin.processing_provider.import_layer import ImportLayerAlgorithm
    from gebiedsplugin.processing_provider.upgrade_programme import UpgradeProgrammeAlgorithm

    return [CreateProgrammeAlgorithm, GenerateSampleAlgorithm, ExportProgrammeMapAlgorithm, CheckProgrammeAlgorithm,
            DistrictReportAlgorithm, ImportLayerAlgorithm, CopyProgrammeAlgorithm, UpgradeProgrammeAlgorithm,
            CheckOutAlgorithm, CheckInAlgorithm, FundingBacklogAlgorithm, DistrictDossierAlgorithm]


class GebiedsProvider(QgsProcessingProvider):
    """Provider id `gebiedsplugin`; algorithm ids and parameter names are a public contract."""

    def id(self) -> str:
        return "gebiedsplugin"

    def name(self) -> str:
        return tr("Gebiedsplugin")

    def longName(self) -> str:  # noqa: N802
        return tr("Gebiedsplugin: area-based programme")

    def icon(self):
        return QIcon(icon_path("gebiedsplugin.svg"))

    def loadAlgorithms(self):  # noqa: N802
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
