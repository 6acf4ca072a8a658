"""Choose a PostGIS programme: a saved QGIS PostGIS connection and a schema; open it or create it.

The connection and schema are picked with QGIS's own widgets. Only QGIS connection names are
shown and returned (``postgres:<connection>/<schema>``); the credentials stay with QGIS (its
connection settings, auth manager and credential prompt, see ``store.pg_connection``). A server
that cannot be reached, or a login that is cancelled, is said inside the dialog, once.
"""

from __future__ import annotations

from qgis.core import QgsException, QgsProviderRegistry
from qgis.gui import QgsDatabaseSchemaComboBox, QgsProviderConnectionComboBox
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.qgis_io.store import postgis
from gebiedsplugin.qgis_io.store.open import PREFIX
from gebiedsplugin.qgis_io.store.pg_ddl import valid_schema_name
from gebiedsplugin.toolbelt.i18n import tr

OPEN, CREATE = "open", "create"
PROVIDER = "postgres"


def connection_names() -> list:
    """The names of QGIS's saved PostGIS connections, sorted."""
    metadata = QgsProviderRegistry.instance().providerMetadata(PROVIDER)
    return sorted(metadata.connections().keys()) if metadata is not None else []


def programme_schemas(connection: str) -> list:
    """Schemas of *connection* that hold a programme; ProgrammeError when it cannot be reached."""
    return postgis.programme_schemas(connection)


class PostgisDialog(QDialog):
    """Pick connection and schema; ``source()`` and ``mode`` tell what to do after accept."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("gebiedsplugin_postgis_dialog")
        self.setWindowTitle(tr("PostGIS programme"))
        self.setMinimumWidth(520)
        self.mode = OPEN
        self.reachable = False
        self.programmes: list = []
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.connection = QgsProviderConnectionComboBox(PROVIDER, self)
        self.connection.setObjectName("postgis_connection")
        form.addRow(tr("Connection"), self.connection)
        self.schema = QgsDatabaseSchemaComboBox(PROVIDER, "", self)
        self.schema.setObjectName("postgis_schema")
        self.schema.comboBox().setEditable(True)
        self.schema.setToolTip(tr("An existing programme schema, or a new name (lower-case letters, digits, _) "
                                  "to create one."))
        form.addRow(tr("Schema"), self.schema)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setObjectName("postgis_message")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.open_button = QPushButton(tr("Open"), self)
        self.create_button = QPushButton(tr("Create new"), self)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(lambda: self.choose(OPEN))
        self.create_button.clicked.connect(lambda: self.choose(CREATE))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.connection.connectionChanged.connect(self.load_schemas)
        self.schema.comboBox().currentTextChanged.connect(self.update_state)
        self.load_schemas()

    def connection_name(self) -> str:
        """The chosen saved connection ('' when QGIS has none)."""
        return self.connection.currentConnection() or ""

    def schema_name(self) -> str:
        """The chosen or typed schema name."""
        return self.schema.comboBox().currentText().strip()

    def schemas(self) -> list:
        """Every schema the schema list shows (programmes or not)."""
        box = self.schema.comboBox()
        return [box.itemText(i) for i in range(box.count()) if box.itemText(i)]

    def load_schemas(self, *_args) -> None:
        """Connect once (QGIS's login), then list the connection's schemas; a failure is said here."""
        self.reachable, self.programmes, failure = False, [], ""
        name = self.connection_name()
        if name:
            try:
                self.programmes = programme_schemas(name)
                self.reachable = True
            except ProgrammeError as e:
                failure = str(e)
        if self.reachable:
            try:
                self.schema.setConnectionName(name, PROVIDER)  # the login is in QGIS's cache now: no prompt
            except QgsException as e:
                self.reachable, failure = False, tr("Cannot list the schemas of {}: {}").format(name, e)
        else:
            self.schema.setConnectionName("", PROVIDER)
        self.schema.setEnabled(self.reachable)
        if self.programmes:
            self.schema.setSchema(self.programmes[0])
        self.update_state(failure=failure)

    def update_state(self, *_args, failure: str = "") -> None:
        """Enable Open for a programme schema and Create for a new valid name; say what either does."""
        schema_name = self.schema_name()
        can_open = self.reachable and schema_name in self.programmes
        can_create = self.reachable and valid_schema_name(schema_name) and schema_name not in self.schemas()
        self.open_button.setEnabled(can_open)
        self.create_button.setEnabled(can_create)
        self.message.setText(failure or self.explain(schema_name, can_open, can_create))
        lines = self.fontMetrics().lineSpacing()  # room for the whole text (a server error is long)
        self.message.setMinimumHeight(max(lines * 3, self.message.heightForWidth(max(self.message.width(), 480))))

    def explain(self, schema_name: str, can_open: bool, can_create: bool) -> str:
        """What the current choice does, or why it cannot be used."""
        if not self.connection_name():
            return tr("There are no PostGIS connections in QGIS yet: add one in the Browser (PostGIS > "
                      "New Connection…), then choose it here.")
        if can_open:
            return tr("Open the programme in schema {}.").format(schema_name)
        if can_create:
            return tr("Create a new, empty programme in schema {}.").format(schema_name)
        if not schema_name:
            return tr("Choose a programme schema, or type a new name to create one.")
        if schema_name in self.schemas():
            return tr("Schema {} holds no programme: choose another, or type a new name to create one.").format(
                schema_name)
        return self.problem()

    def source(self) -> str:
        """``postgres:<connection>/<schema>`` of the current choice."""
        return "{}{}/{}".format(PREFIX, self.connection_name(), self.schema_name())

    def problem(self) -> str:
        """Why the current choice cannot be used ('' when it can)."""
        if not self.connection_name():
            return tr("Choose a PostGIS connection.")
        if not valid_schema_name(self.schema_name()):
            return tr("A programme schema name must be lower-case letters, digits and underscores, not {}.").format(
                self.schema_name())
        return ""

    def choose(self, mode: str) -> bool:
        """Accept with *mode* (open or create) when that button is enabled; else say why."""
        button = self.open_button if mode == OPEN else self.create_button
        if not button.isEnabled():
            self.update_state()
            return False
        self.mode = mode
        self.accept()
        return True
