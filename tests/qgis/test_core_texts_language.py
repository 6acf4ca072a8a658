"""A third language is one .ts: core's texts (value-list labels, aliases, the web page, rule arguments)
read German from a German catalogue made here with lrelease, and English where it has no translation."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from qgis.PyQt.QtCore import QTranslator

from gebiedsplugin.core import dossier_texts, funding_gap, periods, schema
from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.core.rules.texts import Joined, message
from gebiedsplugin.core.texts import QT_TRANSLATE_NOOP
from gebiedsplugin.core.value_lists import label, label_text, stored_label
from gebiedsplugin.core.web_texts import page_texts
from gebiedsplugin.toolbelt.catalogue import Catalogue, use_catalogue
from gebiedsplugin.toolbelt.numbers import money_short
from gebiedsplugin.toolbelt.rule_texts import rule_texts

TS_DE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context><name>values</name>
    <message><source>Green and water</source><translation>Grün und Wasser</translation></message>
    <message><source>Municipality</source><translation>Gemeinde</translation></message>
</context>
<context><name>web</name>
    <message><source>Legend</source><translation>Legende</translation></message>
    <message><source>… and {} more</source><translation>… und {} weitere</translation></message>
</context>
<context><name>export_schema</name>
    <message><source>Start year</source><translation>Startjahr</translation></message>
</context>
<context><name>schema</name>
    <message><source>Theme</source><translation>Themenfeld</translation></message>
</context>
<context><name>periods</name>
    <message><source>indicative</source><translation>vorläufig</translation></message>
</context>
<context><name>dossier</name>
    <message><source>District dossier</source><translation>Bezirksdossier</translation></message>
</context>
<context><name>numbers</name>
    <message><source>€ {}M</source><translation>{} Mio. €</translation></message>
</context>
<context><name>test</name>
    <message><source>{theme}: {who}</source><translation>{theme} – {who}</translation></message>
</context>
</TS>
"""


@pytest.fixture()
def german(tmp_path):
    if shutil.which("lrelease") is None:
        pytest.skip("needs Qt's lrelease (qttools5-dev-tools)")
    ts, qm = tmp_path / "gebiedsplugin_de.ts", tmp_path / "gebiedsplugin_de.qm"
    ts.write_text(TS_DE, encoding="utf-8")
    subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    use_catalogue("de", Catalogue("de", translator))
    yield
    use_catalogue("de", None)


def test_a_german_ts_turns_labels_aliases_and_the_web_page_german(german):
    assert label("theme", "green", "de") == "Grün und Wasser"
    assert label("theme", "housing", "de") == "Housing"  # not in the German: English, not Dutch
    assert schema.table("interventions_point").field("theme").alias_in("de") == "Themenfeld"
    assert schema.table("interventions_point").field("title").alias_in("de") == "Title"
    page = page_texts("de")
    assert page["lang"] == "de"
    assert page["texts"]["legend"] == "Legende"
    assert page["texts"]["more"] == "… und {} weitere"  # a non-ASCII source found in the .qm
    assert page["texts"]["title"] == "Programme map"
    assert page["labels"]["theme"]["green"] == "Grün und Wasser"
    assert page["labels"]["funder"]["municipality"] == "Gemeinde"
    assert page["labels"]["funder"]["province"] == "Province"
    assert page["fields"]["start_year"] == "Startjahr" and page["fields"]["end_year"] == "End year"
    assert periods.Period(2029, 2031, indicative=True).text("de") == "2029-2031 (vorläufig)"
    assert dossier_texts.text("title", "de") == "Bezirksdossier"
    assert funding_gap.label("unfunded", "de") == "Unfunded"
    assert ExportRequest("p.gpkg", "out", lang="de").word("city") == "city"
    assert money_short(2_500_000, "de") == "2,5 Mio. €"  # German words, German decimal comma
    # a programme's stored labels: German for a default label, the programme's own name kept
    assert stored_label("theme", "green", ("Green and water", "Groen en water"), "de") == "Grün und Wasser"
    assert stored_label("theme", "green", ("Parks", "Parken"), "de") == "Parks"
    assert stored_label("theme", "green", ("Parks", "Parken"), "nl") == "Parken"


def test_a_rule_message_names_themes_and_funders_in_the_language_asked_for(german):
    msg = message(QT_TRANSLATE_NOOP("test", "{theme}: {who}"), theme=label_text("theme", "green"),
                  who=Joined((label_text("funder", "municipality"), label_text("funder", "province"),
                              "Woonstad"), ", ", periods.AND_WORDS))
    assert rule_texts("de").render(msg) == "Grün und Wasser – Gemeinde, Province and Woonstad"
    assert rule_texts("nl").render(msg) == "Groen en water: Gemeente, Provincie en Woonstad"
    assert rule_texts("en").render(msg) == "Green and water: Municipality, Province and Woonstad"


def test_english_and_dutch_need_no_german():
    assert label("theme", "green", "en") == "Green and water"
    assert label("theme", "green", "nl") == "Groen en water"
    assert label("theme", "green", "de") == "Green and water"  # no German catalogue in i18n/
    assert page_texts("nl")["texts"]["legend"] == "Legenda"
    assert money_short(2_500_000, "nl") == "€ 2,5 mln" and money_short(2_500_000, "en") == "€ 2.5M"


def test_numbers_in_a_third_language_follow_its_locale_english_and_dutch_as_always():
    """German writes 1.234.567,5 (its convention, not English's, which a language without catalogue got);
    English and Dutch read as the exports always wrote them."""
    import gebiedsplugin.toolbelt.catalogue  # noqa: F401 - hands core the locale's separators
    from gebiedsplugin.core.rules.util import fmt_num
    from gebiedsplugin.core.texts import number_in
    from gebiedsplugin.qgis_io.layout_text import short_amount_samples

    assert number_in("de", 1234567.5, 1) == "1.234.567,5"
    assert fmt_num(2500000, "de") == "2.500.000"
    assert dossier_texts.number_text(1234.25, "de", 2) == "1.234,25"
    # no German catalogue in this test: the English suffixes
    assert short_amount_samples("de") == ["99,9M", "999M", "99,9B", "999B"]
    assert number_in("en", -1234567.5, 1) == "-1,234,567.5"
    assert number_in("nl", -1234567.5, 1) == "-1.234.567,5"
    assert fmt_num(1250000, "nl") == "1.250.000" and fmt_num(1250000, "en") == "1,250,000"
    assert number_in("xx", 1234.5, 1) == "1,234.5"  # a code Qt does not know: English
