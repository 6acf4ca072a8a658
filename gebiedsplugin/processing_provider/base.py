"""Shared base of the plugin's Processing algorithms: naming, group, help, translation."""

from __future__ import annotations

from html import escape

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingParameterFile

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.toolbelt.i18n import tr


class BaseAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set NAME, and implement display(), help_text(), initAlgorithm(), execute().

    (Not run(): QgsProcessingAlgorithm.run() is what processing.run() calls.)
    """

    NAME = ""

    def name(self) -> str:
        return self.NAME

    def displayName(self) -> str:  # noqa: N802
        return self.display()

    def group(self) -> str:
        return tr("Area programme")

    def groupId(self) -> str:  # noqa: N802
        return "programme"

    def shortHelpString(self) -> str:  # noqa: N802
        return escape(self.help_text(), quote=False)  # shown as HTML: <schema> would vanish

    def createInstance(self):  # noqa: N802
        return type(self)()

    def tr(self, text: str) -> str:
        return tr(text)

    def display(self) -> str:
        raise NotImplementedError

    def help_text(self) -> str:
        return ""

    def add(self, parameter, help_text: str):
        """Add *parameter* with its help (shown in the dialog and in qgis_process help)."""
        if hasattr(parameter, "setHelp"):
            parameter.setHelp(escape(help_text, quote=False))  # part of the HTML tooltip
        if not self.addParameter(parameter):  # a name used twice or an invalid default: the algorithm's own bug
            raise ValueError("{}: parameter {} refused".format(self.name(), parameter.name()))
        return parameter

    def output(self, output) -> None:
        """Add *output* (refused when its name is taken: the algorithm's own bug)."""
        if not self.addOutput(output):
            raise ValueError("{}: output {} refused".format(self.name(), output.name()))

    def add_programme(self, name: str, label: str):
        """The PROGRAMME parameter: a GeoPackage file or ``postgres:<QGIS connection>/<schema>``."""
        return self.add(QgsProcessingParameterFile(name, label, fileFilter=tr("GeoPackage (*.gpkg);;All files (*)")),
                        tr("The programme: its GeoPackage, or postgres:<QGIS connection>/<schema> for a "
                           "PostGIS programme."))

    def optional_year(self, parameters, name: str, context):
        """The optional whole-number parameter *name* (a year), None when it is empty."""
        value = parameters.get(name)
        return None if value in (None, "") else self.parameterAsInt(parameters, name, context)

    def period(self, parameters, context, first: str, last: str) -> tuple:
        """(first year, last year) of the optional parameters *first* and *last*, None where empty;
        ProgrammeError when the period ends before it starts."""
        year_from, year_to = (self.optional_year(parameters, name, context) for name in (first, last))
        if year_from is not None and year_to is not None and year_to < year_from:
            raise ProgrammeError(tr("The period ends ({}) before it starts ({}).").format(year_to, year_from))
        return year_from, year_to

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        try:
            return self.execute(parameters, context, feedback)
        except ProgrammeError as e:
            message = str(e)
        # Raised outside the handler, the refusal carries no traceback: the frames of execute() and
        # the layers they opened are freed now, not when Python exits after QGIS (a crash there).
        raise QgsProcessingException(message)

    def execute(self, parameters, context, feedback) -> dict:
        raise NotImplementedError
