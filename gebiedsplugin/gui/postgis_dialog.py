"""Choose a PostGIS programme: a QGIS PostgreSQL connection and a schema; open it or create it.

Only QGIS connection names are shown and returned (``postgres:<connection>/<schema>``); the
credentials stay in QGIS's connection settings and auth manager.
"""

from __future__ import annotations

from qgis.core import QgsProviderConnectionException, QgsProviderRegistry
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from gebiedsplugin.qgis_io.store.open import PREFIX
from gebiedsplugin.qgis_io.store.pg_ddl import valid_schema_name
from gebiedsplugin.toolbelt.i18n import tr

OPEN, CREATE = "open", "create"


def connection_names() -> list:
    """The names of QGIS's saved PostgreSQL connections, sorted."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    return sorted(metadata.connections().keys()) if metadata is not None else []


def programme_schemas(connection: str) -> list:
    """Schemas of *connection* that hold a programme (a schema_info table); [] when unreachable."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    try:
        conn = metadata.findConnection(connection)
        if conn is None:
            return []
        found = []
        for name in conn.schemas():
            if any(t.tableName() == "schema_info" for t in conn.tables(name)):
                found.append(name)
        return sorted(found)
    except QgsProviderConnectionException:
        return []


class PostgisDialog(QDialog):
    """Pick connection and schema; ``source()`` and ``mode`` tell what to do after accept."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("gebiedsplugin_postgis_dialog")
        self.setWindowTitle(tr("PostGIS programme"))
        self.mode = OPEN
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.connection = QComboBox(self)
        self.connection.setObjectName("postgis_connection")
        self.connection.addItems(connection_names())
        form.addRow(tr("Connection"), self.connection)
        self.schema = QComboBox(self)
        self.schema.setObjectName("postgis_schema")
        self.schema.setEditable(True)
        self.schema.setToolTip(tr("An existing programme schema, or a new name (lower-case letters, digits, _) "
                                  "to create one."))
        form.addRow(tr("Schema"), self.schema)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        if self.connection.count() == 0:
            self.message.setText(tr("There are no PostgreSQL connections in QGIS yet: add one in the Browser "
                                    "(PostgreSQL > New Connection), with an authentication configuration."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.open_button = QPushButton(tr("Open"), self)
        self.create_button = QPushButton(tr("Create new"), self)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(lambda: self.choose(OPEN))
        self.create_button.clicked.connect(lambda: self.choose(CREATE))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.connection.currentTextChanged.connect(self.load_schemas)
        self.load_schemas()

    def load_schemas(self, *_args) -> None:
        """List the programme schemas of the chosen connection."""
        self.schema.clear()
        if self.connection.currentText():
            self.schema.addItems(programme_schemas(self.connection.currentText()))

    def source(self) -> str:
        """``postgres:<connection>/<schema>`` of the current choice."""
        return "{}{}/{}".format(PREFIX, self.connection.currentText(), self.schema.currentText().strip())

    def problem(self) -> str:
        """Why the current choice cannot be used ('' when it can)."""
        if not self.connection.currentText():
            return tr("Choose a PostgreSQL connection.")
        if not valid_schema_name(self.schema.currentText().strip()):
            return tr("A programme schema name must be lower-case letters, digits and underscores, not {}.").format(
                self.schema.currentText().strip())
        return ""

    def choose(self, mode: str) -> bool:
        """Accept with *mode* (open or create) when the choice is usable; else say why."""
        problem = self.problem()
        if problem:
            self.message.setText(problem)
            return False
        self.mode = mode
        self.accept()
        return True
