"""A QGIS user-interface locale for a test, set as QGIS sets it at start-up: the settings that
``QgsApplication.locale()`` reads, the default QLocale (group separators off, as QGIS's default) and,
for Dutch, the plugin's translation."""

from __future__ import annotations

import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

LOCALES = {"en": "en_US", "nl": "nl_NL"}


@pytest.fixture(params=["en", "nl"])
def ui_locale(request, qgis_app):
    """'en' or 'nl': QGIS's UI locale and number locale for the test, restored after it."""
    from gebiedsplugin.toolbelt.resources import i18n_path

    lang = request.param
    translator = QTranslator()
    if lang == "nl":  # before any setting changes: a missing .qm must not leave QGIS's settings Dutch
        assert translator.load(str(i18n_path("gebiedsplugin_nl.qm"))), "no compiled Dutch .qm: make translations"
    settings = QgsSettings()
    before = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale", "locale/globalLocale")}
    default = QLocale()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", LOCALES[lang])
    settings.setValue("locale/globalLocale", LOCALES[lang])
    locale = QLocale(LOCALES[lang])
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)  # QGIS's default ("show group separator" off)
    QLocale.setDefault(locale)
    if lang == "nl":
        QCoreApplication.instance().installTranslator(translator)
    yield lang
    QCoreApplication.instance().removeTranslator(translator)
    QLocale.setDefault(default)
    for key, value in before.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)
