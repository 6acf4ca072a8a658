"""In the QGIS 3.44 LTR lane a DeprecationWarning raised from plugin code is an error (tests/conftest.py),
and that covers the warnings QGIS's bindings raise for deprecated API, not only Python's own."""

from __future__ import annotations

import os
import warnings

import pytest
from qgis.core import Qgis

pytestmark = pytest.mark.skipif(os.environ.get("GEBIED_DEPRECATIONS_AS_ERRORS") != "1",
                                reason="the QGIS LTR lane's setting (scripts/ltr_root.sh)")


def _run_as_plugin_code(source: str, **names) -> None:
    """Run *source* as if it were a module of the plugin: warnings name their module by __name__."""
    exec(compile(source, "gebiedsplugin/example.py", "exec"), {"__name__": "gebiedsplugin.example", **names})


def test_a_deprecation_from_plugin_code_fails_the_lane():
    with pytest.raises(DeprecationWarning):
        _run_as_plugin_code("warnings.warn('old API', DeprecationWarning)", warnings=warnings)


def test_a_deprecation_from_elsewhere_stays_a_warning():
    with pytest.warns(DeprecationWarning):
        exec(compile("warnings.warn('old API', DeprecationWarning)", "other.py", "exec"),
             {"__name__": "other", "warnings": warnings})


@pytest.mark.skipif(Qgis.QGIS_VERSION_INT < 33800, reason="QgsField(name, QVariant.Type) is deprecated from 3.38")
def test_a_deprecated_qgis_call_in_plugin_code_fails_the_lane():
    from qgis.core import QgsField
    from qgis.PyQt.QtCore import QVariant

    with pytest.raises(DeprecationWarning):
        _run_as_plugin_code("QgsField('name', QVariant.String)", QgsField=QgsField, QVariant=QVariant)
