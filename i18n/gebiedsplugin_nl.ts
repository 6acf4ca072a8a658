<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
  <context>
    <name>@default</name>
    <message>
      <location filename="../gebiedsplugin/plugin.py" line="88" />
      <source>New programme…</source>
      <translation>Nieuw programma…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/plugin.py" line="89" />
      <source>Open programme…</source>
      <translation>Programma openen…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/plugin.py" line="91" />
      <source>Generate sample city…</source>
      <translation>Voorbeeldstad maken…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/copy_programme.py" line="50" />
      <source>New programme</source>
      <translation>Nieuw programma</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/generate_sample.py" line="36" />
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/prompts.py" line="75" />
      <source>Open programme</source>
      <translation>Programma openen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/upgrade_programme.py" line="31" />
      <source>Programme</source>
      <translation>Programma</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/programme_actions.py" line="126" />
      <source>Opened {}</source>
      <translation>{} geopend</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/base.py" line="28" />
      <source>Area programme</source>
      <translation>Gebiedsprogramma</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="38" />
      <source>Create programme</source>
      <translation>Programma aanmaken</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="41" />
      <source>Creates a new area programme (GeoPackage) with every table of the data model. Optionally fills the districts from a polygon layer; the whole-city area is their union.</source>
      <translation>Maakt een nieuw gebiedsprogramma (GeoPackage) met alle tabellen van het datamodel. Vult desgewenst de stadsdelen uit een vlakkenlaag; het gebied 'hele stad' is hun vereniging.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/generate_sample.py" line="36" />
      <source>Programme file</source>
      <translation>Programmabestand</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="45" />
      <source>The new programme's GeoPackage; it must not exist yet unless OVERWRITE is set.</source>
      <translation>De GeoPackage van het nieuwe programma; die mag nog niet bestaan, tenzij OVERWRITE aan staat.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/unified_layers.py" line="30" />
      <source>Districts</source>
      <translation>Stadsdelen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="48" />
      <source>Polygon layer with the districts (stadsdelen); optional.</source>
      <translation>Vlakkenlaag met de stadsdelen; optioneel.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="51" />
      <source>District name field</source>
      <translation>Veld met stadsdeelnaam</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="51" />
      <source>Field holding the district names; codes are derived from them.</source>
      <translation>Veld met de namen van de stadsdelen; de codes worden daaruit afgeleid.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="55" />
      <source>CRS</source>
      <translation>CRS</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="55" />
      <source>The programme's projected CRS; default RD New (EPSG:28992).</source>
      <translation>Het geprojecteerde CRS van het programma; standaard RD New (EPSG:28992).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/generate_sample.py" line="46" />
      <source>Overwrite an existing file</source>
      <translation>Bestaand bestand overschrijven</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/generate_sample.py" line="46" />
      <source>Replace OUTPUT if it exists.</source>
      <translation>OUTPUT vervangen als die al bestaat.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="66" />
      <source>The CRS is not valid.</source>
      <translation>Het CRS is ongeldig.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="78" />
      <source>Programme created: {}</source>
      <translation>Programma aangemaakt: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="88" />
      <source>Choose the field that holds the district names.</source>
      <translation>Kies het veld met de namen van de stadsdelen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="115" />
      <source>District {} had an invalid geometry; it was repaired.</source>
      <translation>Stadsdeel {} had een ongeldige geometrie; die is hersteld.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="65" />
      <source>Whole city</source>
      <translation>Hele stad</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/generate_sample.py" line="27" />
      <source>Generate sample city (Voorbeeldstad)</source>
      <translation>Voorbeeldstad maken</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/generate_sample.py" line="30" />
      <source>Writes Voorbeeldstad, a sample programme: five districts and the whole city, neighbourhoods, programme projects, interventions of every kind and domain, funding, area goals and budgets, with planted cases for the programme check listed in a manifest (JSON beside the GeoPackage). The same seed gives the same city.</source>
      <translation>Schrijft Voorbeeldstad, een voorbeeldprogramma: vijf stadsdelen en de hele stad, buurten, programmaprojecten, interventies van elke soort en elk domein, financiering, gebiedsopgaven en budgetten, met geplante gevallen voor de programmatoets in een manifest (JSON naast de GeoPackage). Dezelfde seed geeft dezelfde stad.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/generate_sample.py" line="36" />
      <source>Where to write the sample.</source>
      <translation>Waar het voorbeeld wordt geschreven.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/generate_sample.py" line="38" />
      <source>Seed</source>
      <translation>Seed</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/generate_sample.py" line="38" />
      <source>Random seed; the same seed gives the same city.</source>
      <translation>Toevalsgetal; dezelfde seed geeft dezelfde stad.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_fields.py" line="26" />
      <source>Interventions</source>
      <translation>Interventies</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/generate_sample.py" line="40" />
      <source>Number of interventions; the city grows with it at constant density.</source>
      <translation>Aantal interventies; de stad groeit mee bij gelijke dichtheid.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/generate_sample.py" line="43" />
      <source>Programme projects (0 = a quarter of the interventions)</source>
      <translation>Programmaprojecten (0 = een kwart van de interventies)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/generate_sample.py" line="43" />
      <source>Number of programme projects.</source>
      <translation>Aantal programmaprojecten.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/generate_sample.py" line="48" />
      <source>Manifest of planted cases</source>
      <translation>Manifest van geplante gevallen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/generate_sample.py" line="57" />
      <source>Generating {} interventions (seed {})…</source>
      <translation>{} interventies maken (seed {})…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/generate_sample.py" line="67" />
      <source>Sample written: {}</source>
      <translation>Voorbeeld geschreven: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/provider.py" line="39" />
      <source>Gebiedsplugin</source>
      <translation>Gebiedsplugin</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/provider.py" line="42" />
      <source>Gebiedsplugin: area-based programme</source>
      <translation>Gebiedsplugin: gebiedsgericht programma</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/forms.py" line="94" />
      <source>(none)</source>
      <translation>(geen)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/forms.py" line="153" />
      <source>The end year may not be before the start year.</source>
      <translation>Het eindjaar mag niet vóór het startjaar liggen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/forms.py" line="197" />
      <source>Must be at least {}.</source>
      <translation>Moet minstens {} zijn.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/forms.py" line="198" />
      <source>Must lie between {} and {}.</source>
      <translation>Moet tussen {} en {} liggen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/gpkg_create.py" line="39" />
      <source>A programme file must end in .gpkg: {}</source>
      <translation>Een programmabestand moet op .gpkg eindigen: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/gpkg_create.py" line="41" />
      <source>{} already exists; choose another name or allow overwriting.</source>
      <translation>{} bestaat al; kies een andere naam of sta overschrijven toe.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/gpkg_create.py" line="44" />
      <source>The folder {} does not exist.</source>
      <translation>De map {} bestaat niet.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/gpkg_create.py" line="46" />
      <source>The folder {} is not writable.</source>
      <translation>In de map {} kan niet worden geschreven.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/postgis.py" line="118" />
      <source>Unknown coordinate reference system: {}</source>
      <translation>Onbekend coördinaatreferentiesysteem: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/postgis.py" line="120" />
      <source>A programme needs a projected CRS in metres, not {}.</source>
      <translation>Een programma heeft een geprojecteerd CRS in meters nodig, niet {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/gpkg.py" line="64" />
      <source>File not found: {}</source>
      <translation>Bestand niet gevonden: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/gpkg.py" line="70" />
      <source>{} is not a GeoPackage.</source>
      <translation>{} is geen GeoPackage.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/gpkg.py" line="73" />
      <source>{} is a GeoPackage but not a programme (no schema_info table).</source>
      <translation>{} is een GeoPackage maar geen programma (geen tabel schema_info).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/schema_check.py" line="34" />
      <source>{} has no valid schema version.</source>
      <translation>{} heeft geen geldige schemaversie.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/schema_check.py" line="48" />
      <source>{} was made by a newer version of the plugin (schema {}; this version reads up to {}). Update the plugin to open it.</source>
      <translation>{} is gemaakt met een nieuwere versie van de plugin (schema {}; deze versie leest tot en met {}). Werk de plugin bij om het te openen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/schema_check.py" line="53" />
      <source>{} lacks the tables: {}</source>
      <translation>{} mist de tabellen: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/gpkg_sqlite.py" line="117" />
      <source>Cannot open {}: {}</source>
      <translation>Kan {} niet openen: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/unified_layers.py" line="45" />
      <source>Cannot load table {} of {}.</source>
      <translation>Kan tabel {} van {} niet laden.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/loader.py" line="126" />
      <source>Programme: {}</source>
      <translation>Programma: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/loader.py" line="180" />
      <source>Funding</source>
      <translation>Financiering</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/loader.py" line="182" />
      <source>Links</source>
      <translation>Koppelingen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/toolbelt/files.py" line="126" />
      <source>{} already exists.</source>
      <translation>{} bestaat al.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/toolbelt/files.py" line="128" />
      <source>The folder {} does not exist or is not writable.</source>
      <translation>De map {} bestaat niet of is niet beschrijfbaar.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="48" />
      <source>Export findings</source>
      <translation>Bevindingen exporteren</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/prompts.py" line="87" />
      <source>CSV (*.csv)</source>
      <translation>CSV (*.csv)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/check_task.py" line="292" />
      <source>Programme check</source>
      <translation>Programmatoets</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="87" />
      <source>Check the whole city or one district</source>
      <translation>De hele stad of één stadsdeel toetsen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="89" />
      <source>Run check</source>
      <translation>Toets uitvoeren</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/task_wait.py" line="20" />
      <source>Cancel</source>
      <translation>Annuleren</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="123" />
      <source>All severities</source>
      <translation>Alle ernstniveaus</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_filters.py" line="97" />
      <source>All statuses</source>
      <translation>Alle statussen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="133" />
      <source>Search findings…</source>
      <translation>Bevindingen zoeken…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="155" />
      <source>Note</source>
      <translation>Notitie</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="157" />
      <source>Set status</source>
      <translation>Status instellen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="164" />
      <source>Export CSV…</source>
      <translation>CSV exporteren…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_dock.py" line="275" />
      <source>No programme open.</source>
      <translation>Geen programma geopend.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_dock.py" line="275" />
      <source>Open a programme first.</source>
      <translation>Open eerst een programma.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="266" />
      <source>A check is running already.</source>
      <translation>Er loopt al een toets.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/recovery.py" line="128" />
      <source>Unsaved edits</source>
      <translation>Niet-opgeslagen bewerkingen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="269" />
      <source>Some layers have unsaved edits. The check reads the saved programme. Save the edits first?</source>
      <translation>Sommige lagen hebben niet-opgeslagen bewerkingen. De toets leest het opgeslagen programma. Eerst de bewerkingen opslaan?</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="271" />
      <source>The check did not run: save or discard the edits first.</source>
      <translation>De toets is niet uitgevoerd: sla de bewerkingen eerst op of verwerp ze.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="239" />
      <source>Saving {} failed: {}</source>
      <translation>Opslaan van {} mislukt: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="284" />
      <source>Checking the programme…</source>
      <translation>Programma toetsen…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="321" />
      <source>Select one or more findings first.</source>
      <translation>Selecteer eerst een of meer bevindingen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="345" />
      <source>No findings to export.</source>
      <translation>Geen bevindingen om te exporteren.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_files.py" line="32" />
      <source>Replace file?</source>
      <translation>Bestand vervangen?</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_files.py" line="31" />
      <source>{} exists already. Replace it?</source>
      <translation>{} bestaat al. Vervangen?</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="353" />
      <source>Nothing exported: the file exists already.</source>
      <translation>Niets geëxporteerd: het bestand bestaat al.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="374" />
      <source>Rule parameters saved; they apply from the next run.</source>
      <translation>Regelparameters opgeslagen; ze gelden vanaf de volgende toets.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_params.py" line="20" />
      <source>Conflict distance (m)</source>
      <translation>Conflictafstand (m)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_params.py" line="21" />
      <source>Rest period (years)</source>
      <translation>Rustperiode (jaren)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_params.py" line="23" />
      <source>Programme tolerance (m)</source>
      <translation>Programmatolerantie (m)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_params.py" line="24" />
      <source>Duplicate funding tolerance (m)</source>
      <translation>Tolerantie dubbele financiering (m)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_params.py" line="25" />
      <source>City boundary tolerance (m)</source>
      <translation>Tolerantie stadsgrens (m)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_params.py" line="56" />
      <source>Rule parameters</source>
      <translation>Regelparameters</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_params.py" line="80" />
      <source>Save parameters</source>
      <translation>Parameters opslaan</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_tree.py" line="75" />
      <source>Finding</source>
      <translation>Bevinding</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="77" />
      <source>District</source>
      <translation>Stadsdeel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_panels.py" line="234" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_tree.py" line="103" />
      <source>{} · {} ({}): {}</source>
      <translation>{} · {} ({}): {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/intervention_rows.py" line="319" />
      <source>Delete interventions</source>
      <translation>Interventies verwijderen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="65" />
      <source>Save</source>
      <translation>Opslaan</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/edit_actions.py" line="104" />
      <source>Changes saved.</source>
      <translation>Wijzigingen opgeslagen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/edit_actions.py" line="112" />
      <source>Discard changes</source>
      <translation>Wijzigingen verwerpen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/edit_actions.py" line="112" />
      <source>Discard all unsaved changes of the programme?</source>
      <translation>Alle niet-opgeslagen wijzigingen van het programma verwerpen?</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="337" />
      <source>Export</source>
      <translation>Exporteren</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="71" />
      <source>Districts:</source>
      <translation>Stadsdelen:</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="54" />
      <source>Scope</source>
      <translation>Bereik</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas.py" line="141" />
      <source>Period</source>
      <translation>Periode</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="60" />
      <source>Formats</source>
      <translation>Formaten</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="64" />
      <source>Also one page per year</source>
      <translation>Ook een pagina per jaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="62" />
      <source>Output folder</source>
      <translation>Uitvoermap</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="139" />
      <source>Layout template (*.qpt)</source>
      <translation>Lay-outsjabloon (*.qpt)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="141" />
      <source>Template</source>
      <translation>Sjabloon</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="244" />
      <source>Replace files?</source>
      <translation>Bestanden vervangen?</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="244" />
      <source>These files exist already:
{}

Replace them?</source>
      <translation>Deze bestanden bestaan al:
{}

Vervangen?</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="246" />
      <source>Nothing exported: the files exist already.</source>
      <translation>Niets geëxporteerd: de bestanden bestaan al.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="256" />
      <source>Preparing the data…</source>
      <translation>Gegevens voorbereiden…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="135" />
      <source>Choose the programme to export.</source>
      <translation>Kies het programma dat moet worden geëxporteerd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="288" />
      <source>Choose an output folder.</source>
      <translation>Kies een uitvoermap.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/export_task.py" line="82" />
      <source>Choose at least one export format.</source>
      <translation>Kies minstens één exportformaat.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="292" />
      <source>Tick at least one district, or choose the whole city.</source>
      <translation>Vink minstens één stadsdeel aan, of kies de hele stad.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_dock.py" line="279" />
      <source>The period ends before it starts.</source>
      <translation>De periode eindigt voordat die begint.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="273" />
      <source>Rendering the atlas…</source>
      <translation>Atlas renderen…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_progress.py" line="60" />
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas_item_table.py" line="43" />
      <source>Kind</source>
      <translation>Soort</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="73" />
      <source>Theme</source>
      <translation>Thema</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_panels.py" line="202" />
      <source>Years</source>
      <translation>Jaren</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/intervention_table_model.py" line="21" />
      <source>Budget (EUR)</source>
      <translation>Budget (EUR)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/intervention_table_model.py" line="22" />
      <source>Funding (EUR)</source>
      <translation>Financiering (EUR)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/intervention_table_model.py" line="250" />
      <source>needs review</source>
      <translation>te beoordelen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_dock.py" line="279" />
      <source>District: {}</source>
      <translation>Stadsdeel: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_dock.py" line="281" />
      <source>Neighbourhood: {}</source>
      <translation>Buurt: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_filters.py" line="30" />
      <source>any</source>
      <translation>alle</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_dock.py" line="88" />
      <source>to</source>
      <translation>t/m</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_filters.py" line="61" />
      <source>Domain, kind</source>
      <translation>Domein, soort</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_filters.py" line="62" />
      <source>Theme, status</source>
      <translation>Thema, status</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_filters.py" line="96" />
      <source>All domains</source>
      <translation>Alle domeinen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_filters.py" line="96" />
      <source>All kinds</source>
      <translation>Alle soorten</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_filters.py" line="96" />
      <source>All themes</source>
      <translation>Alle thema's</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="29" />
      <source>Open…</source>
      <translation>Openen…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="29" />
      <source>Open a programme</source>
      <translation>Een programma openen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="31" />
      <source>New…</source>
      <translation>Nieuw…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="31" />
      <source>Create a new programme</source>
      <translation>Een nieuw programma aanmaken</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="39" />
      <source>Point</source>
      <translation>Punt</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="39" />
      <source>Draw a point intervention</source>
      <translation>Een puntinterventie tekenen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="41" />
      <source>Line</source>
      <translation>Lijn</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="41" />
      <source>Draw a line intervention</source>
      <translation>Een lijninterventie tekenen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_dock.py" line="84" />
      <source>Area</source>
      <translation>Gebied</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="45" />
      <source>Whole area…</source>
      <translation>Heel gebied…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="45" />
      <source>Add an intervention for a whole district or neighbourhood (e.g. a social action)</source>
      <translation>Een interventie toevoegen voor een heel stadsdeel of een hele buurt (bijv. een sociale actie)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="49" />
      <source>Edit</source>
      <translation>Bewerken</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="49" />
      <source>Edit the selected intervention in its form</source>
      <translation>De geselecteerde interventie in het formulier bewerken</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="51" />
      <source>Edit shape</source>
      <translation>Vorm bewerken</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="51" />
      <source>Change the shape of the selected intervention (vertex tool)</source>
      <translation>De vorm van de geselecteerde interventie wijzigen (vertexgereedschap)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="53" />
      <source>Copy to period…</source>
      <translation>Naar periode kopiëren…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="53" />
      <source>Copy the selected interventions to another period</source>
      <translation>De geselecteerde interventies naar een andere periode kopiëren</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="55" />
      <source>Delete</source>
      <translation>Verwijderen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="55" />
      <source>Delete the selected interventions</source>
      <translation>De geselecteerde interventies verwijderen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="63" />
      <source>Undo</source>
      <translation>Ongedaan maken</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="63" />
      <source>Undo the last change</source>
      <translation>De laatste wijziging ongedaan maken</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="64" />
      <source>Redo</source>
      <translation>Opnieuw</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="65" />
      <source>Save all changes to the programme</source>
      <translation>Alle wijzigingen in het programma opslaan</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/prompts.py" line="37" />
      <source>Discard</source>
      <translation>Verwerpen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="67" />
      <source>Discard all unsaved changes</source>
      <translation>Alle niet-opgeslagen wijzigingen verwerpen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_panels.py" line="66" />
      <source>Per year against the area budget</source>
      <translation>Per jaar tegenover het gebiedsbudget</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_panels.py" line="66" />
      <source>Per theme</source>
      <translation>Per thema</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_panels.py" line="66" />
      <source>Per domain</source>
      <translation>Per domein</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_panels.py" line="66" />
      <source>Per funder</source>
      <translation>Per financier</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_charts.py" line="118" />
      <source>Share per funder across districts</source>
      <translation>Aandeel per financier over de stadsdelen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/summary_pages.py" line="141" />
      <source>Planned {} · area budget {}</source>
      <translation>Gepland {} · gebiedsbudget {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/summary_pages.py" line="245" />
      <source>Planned money per theme</source>
      <translation>Gepland geld per thema</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_render.py" line="88" />
      <source>Planned money per domain</source>
      <translation>Gepland geld per domein</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/summary_pages.py" line="243" />
      <source>Planned money per funder</source>
      <translation>Gepland geld per financier</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_panels.py" line="125" />
      <source>Over the stacking threshold</source>
      <translation>Boven de stapelingsdrempel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_panels.py" line="152" />
      <source>{} themes funded but not prioritised, {} prioritised but not funded.</source>
      <translation>{} thema's gefinancierd maar zonder prioriteit, {} met prioriteit maar niet gefinancierd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_panels.py" line="152" />
      <source>No area goals to compare with.</source>
      <translation>Geen gebiedsopgave om mee te vergelijken.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="73" />
      <source>Priority</source>
      <translation>Prioriteit</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="73" />
      <source>Planned</source>
      <translation>Gepland</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="73" />
      <source>State</source>
      <translation>Toestand</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_panels.py" line="188" />
      <source>Approved</source>
      <translation>Goedgekeurd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="77" />
      <source>Rejected</source>
      <translation>Afgewezen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_panels.py" line="188" />
      <source>Pending</source>
      <translation>In behandeling</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_charts.py" line="57" />
      <source>Unknown</source>
      <translation>Onbekend</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_panels.py" line="196" />
      <source>Select an intervention (in the timeline or on the map) to see comparable cases in other districts.</source>
      <translation>Selecteer een interventie (in de tijdlijn of op de kaart) om vergelijkbare gevallen in andere stadsdelen te zien.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_panels.py" line="199" />
      <source>{} cases of the same kind ({}) and theme ({}) in other districts as: {}</source>
      <translation>{} gevallen van dezelfde soort ({}) en hetzelfde thema ({}) in andere stadsdelen als: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_panels.py" line="202" />
      <source>Budget</source>
      <translation>Budget</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_panels.py" line="202" />
      <source>Decision</source>
      <translation>Besluit</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_panels.py" line="230" />
      <source>No effects to monitor.</source>
      <translation>Geen effecten om te monitoren.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_progress.py" line="60" />
      <source>Indicator</source>
      <translation>Indicator</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_panels.py" line="234" />
      <source>Baseline</source>
      <translation>Nulmeting</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="54" />
      <source>Target</source>
      <translation>Doel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/prompts.py" line="58" />
      <source>Copy to another period</source>
      <translation>Naar een andere periode kopiëren</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/prompts.py" line="58" />
      <source>Move the copy by this many years:</source>
      <translation>De kopie zoveel jaren verschuiven:</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/prompts.py" line="67" />
      <source>Intervention for a whole area</source>
      <translation>Interventie voor een heel gebied</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/prompts.py" line="67" />
      <source>District or neighbourhood:</source>
      <translation>Stadsdeel of buurt:</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/check_task.py" line="108" />
      <source>Unknown rules: {} (known: {}).</source>
      <translation>Onbekende regels: {} (bekend: {}).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_programme.py" line="55" />
      <source>Check programme</source>
      <translation>Programma toetsen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_programme.py" line="58" />
      <source>Runs the programme check (programmatoets): data quality, district mismatch, unknown programme codes, periods, not in programme, conflicting works, rest period, stacking, duplicate funding and area budgets. The findings go to the programme's findings register (decisions on earlier findings are kept; findings that no longer occur are closed, not deleted) and optionally to a layer. Returns the counts per rule and severity as JSON.</source>
      <translation>Voert de programmatoets uit: datakwaliteit, afwijkend stadsdeel, onbekende programmacodes, perioden, niet in programma, conflicterende werken, rustperiode, stapeling, dubbele financiering en gebiedsbudgetten. De bevindingen gaan naar het bevindingenregister van het programma (besluiten over eerdere bevindingen blijven behouden; bevindingen die niet meer voorkomen worden gesloten, niet verwijderd) en desgewenst naar een laag. Geeft de aantallen per regel en ernst terug als JSON.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_programme.py" line="66" />
      <source>Rules</source>
      <translation>Regels</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_programme.py" line="66" />
      <source>Rule ids separated by commas (empty: all): {}.</source>
      <translation>Regel-id's gescheiden door komma's (leeg: alle): {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_programme.py" line="68" />
      <source>A district id to check only that district (empty or 'city': the whole city).</source>
      <translation>Een stadsdeel-id om alleen dat stadsdeel te toetsen (leeg of 'city': de hele stad).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_programme.py" line="70" />
      <source>Update the findings register</source>
      <translation>Het bevindingenregister bijwerken</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_programme.py" line="70" />
      <source>Merge the findings into the programme's findings table.</source>
      <translation>De bevindingen samenvoegen in de bevindingentabel van het programma.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_programme.py" line="72" />
      <source>Findings</source>
      <translation>Bevindingen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_programme.py" line="72" />
      <source>Optional layer with the findings of this run.</source>
      <translation>Optionele laag met de bevindingen van deze toets.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_programme.py" line="76" />
      <source>Findings per rule and severity (JSON)</source>
      <translation>Bevindingen per regel en ernst (JSON)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_programme.py" line="77" />
      <source>Number of findings</source>
      <translation>Aantal bevindingen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_programme.py" line="78" />
      <source>New findings</source>
      <translation>Nieuwe bevindingen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_programme.py" line="79" />
      <source>Findings closed</source>
      <translation>Gesloten bevindingen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_programme.py" line="84" />
      <source>Choose the programme to check.</source>
      <translation>Kies het programma dat moet worden getoetst.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/check_task.py" line="318" />
      <source>The check was cancelled; the findings were not changed.</source>
      <translation>De toets is geannuleerd; de bevindingen zijn niet gewijzigd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_programme.py" line="99" />
      <source>{} findings; new {}, closed {}.</source>
      <translation>{} bevindingen; nieuw {}, gesloten {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_report.py" line="24" />
      <source>District report (PDF)</source>
      <translation>Stadsdeelrapport (PDF)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_report.py" line="27" />
      <source>Writes a PDF with one page for the whole city and one per district (or only the districts asked for): planned money per year against the area budget, per funder and per theme, the share per funder across districts, stacking per neighbourhood and year, and the themes funded against the priorities of the area goals. The same figures as the Overview dock.</source>
      <translation>Schrijft een PDF met één pagina voor de hele stad en één per stadsdeel (of alleen de gevraagde stadsdelen): gepland geld per jaar tegenover het gebiedsbudget, per financier en per thema, het aandeel per financier over de stadsdelen, stapeling per buurt en jaar, en de gefinancierde thema's tegenover de prioriteiten van de gebiedsopgave. Dezelfde cijfers als in het paneel Overzicht.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_report.py" line="34" />
      <source>Districts (empty: the city and every district)</source>
      <translation>Stadsdelen (leeg: de stad en elk stadsdeel)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_report.py" line="34" />
      <source>Comma-separated district ids; 'city' for the whole city.</source>
      <translation>Stadsdeel-id's gescheiden door komma's; 'city' voor de hele stad.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="56" />
      <source>From year</source>
      <translation>Vanaf jaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="56" />
      <source>To year</source>
      <translation>Tot en met jaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_report.py" line="38" />
      <source>Inclusive; empty for an open period.</source>
      <translation>Inclusief; leeg voor een open periode.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_report.py" line="41" />
      <source>Report</source>
      <translation>Rapport</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_report.py" line="41" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_report.py" line="41" />
      <source>Where to write the PDF.</source>
      <translation>Waar de PDF wordt geschreven.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_report.py" line="45" />
      <source>Pages</source>
      <translation>Pagina's</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/base.py" line="77" />
      <source>The period ends ({}) before it starts ({}).</source>
      <translation>De periode eindigt ({}) voordat die begint ({}).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_report.py" line="56" />
      <source>Written: {} ({} pages)</source>
      <translation>Geschreven: {} ({} pagina's)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="38" />
      <source>Export programme map (atlas and data)</source>
      <translation>Programmakaart exporteren (atlas en gegevens)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="54" />
      <source>'city' for the whole city, or district ids separated by commas (e.g. noord,oost).</source>
      <translation>'city' voor de hele stad, of stadsdeel-id's gescheiden door komma's (bijv. noord,oost).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="57" />
      <source>Only items whose years overlap the period; empty for no bound.</source>
      <translation>Alleen items waarvan de jaren de periode overlappen; leeg voor geen grens.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="60" />
      <source>Comma-separated, any of: {}.</source>
      <translation>Gescheiden door komma's, een of meer van: {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="62" />
      <source>Where the files go; names start with programme_map_ and the scope.</source>
      <translation>Waar de bestanden komen; de namen beginnen met programme_map_ en het bereik.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="64" />
      <source>Adds an overview page for every year of the period.</source>
      <translation>Voegt een overzichtspagina toe voor elk jaar van de periode.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="66" />
      <source>Layout template</source>
      <translation>Lay-outsjabloon</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="92" />
      <source>Overwrite existing files</source>
      <translation>Bestaande bestanden overschrijven</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="92" />
      <source>Replace files of an earlier export with the same names.</source>
      <translation>Bestanden van een eerdere export met dezelfde namen vervangen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="94" />
      <source>Table rows per page area</source>
      <translation>Tabelregels per paginagebied</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="98" />
      <source>Largest items listed per area; more rows continue on extra pages; 0 lists all.</source>
      <translation>Grootste items die per gebied worden vermeld; meer regels lopen door op extra pagina's; 0 vermeldt alle.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="99" />
      <source>Atlas PDF</source>
      <translation>Atlas-PDF</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="100" />
      <source>GeoPackage</source>
      <translation>GeoPackage</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="101" />
      <source>GeoJSON</source>
      <translation>GeoJSON</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/unified_layers.py" line="29" />
      <source>Atlas pages</source>
      <translation>Atlaspagina's</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="103" />
      <source>Files written</source>
      <translation>Geschreven bestanden</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="110" />
      <source>Unknown formats: {} (choose from {}).</source>
      <translation>Onbekende formaten: {} (kies uit {}).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="138" />
      <source>Written: {}</source>
      <translation>Geschreven: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="37" />
      <source>Import data into programme</source>
      <translation>Gegevens in programma importeren</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="51" />
      <source>Source layer</source>
      <translation>Bronlaag</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="51" />
      <source>The layer or file to import (GeoPackage, shapefile, GeoJSON, CSV, Excel).</source>
      <translation>De laag of het bestand om te importeren (GeoPackage, shapefile, GeoJSON, CSV, Excel).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="54" />
      <source>What the source holds: one of {} (index or name).</source>
      <translation>Wat de bron bevat: een van {} (index of naam).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="68" />
      <source>Dry run (write nothing)</source>
      <translation>Proefrun (niets schrijven)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="68" />
      <source>Only count what would be added, updated, left unchanged and rejected.</source>
      <translation>Alleen tellen wat zou worden toegevoegd, bijgewerkt, ongewijzigd gelaten en afgewezen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="70" />
      <source>Import the valid rows when some are rejected</source>
      <translation>De geldige rijen importeren als er rijen worden afgewezen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="70" />
      <source>Default off: any rejected row means nothing is written.</source>
      <translation>Standaard uit: bij elke afgewezen rij wordt er niets geschreven.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="77" />
      <source>Added</source>
      <translation>Toegevoegd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="77" />
      <source>Updated</source>
      <translation>Bijgewerkt</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="77" />
      <source>Unchanged</source>
      <translation>Ongewijzigd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="80" />
      <source>Report (JSON)</source>
      <translation>Rapport (JSON)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/importer.py" line="286" />
      <source>Unknown import target {}; choose one of: {}.</source>
      <translation>Onbekend importdoel {}; kies een van: {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/export_task.py" line="95" />
      <source>The layout template {} does not exist.</source>
      <translation>Het lay-outsjabloon {} bestaat niet.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas.py" line="112" />
      <source>The layout template {} is not a valid .qpt file.</source>
      <translation>Het lay-outsjabloon {} is geen geldig .qpt-bestand.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas.py" line="118" />
      <source>The layout template {} has no map item with id 'map'.</source>
      <translation>Het lay-outsjabloon {} heeft geen kaartitem met id 'map'.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas.py" line="141" />
      <source>Year</source>
      <translation>Jaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas.py" line="142" />
      <source>whole city</source>
      <translation>hele stad</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas.py" line="145" />
      <source>Area programme map</source>
      <translation>Gebiedsprogrammakaart</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas.py" line="146" />
      <source>District page</source>
      <translation>Stadsdeelpagina</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas.py" line="146" />
      <source>Scope: {}</source>
      <translation>Bereik: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas.py" line="148" />
      <source>Items: {}</source>
      <translation>Items: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas.py" line="148" />
      <source>Budget: € {}</source>
      <translation>Budget: € {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas.py" line="148" />
      <source>Table: the</source>
      <translation>Tabel: de</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas.py" line="148" />
      <source>largest items; all items in the CSV export.</source>
      <translation>grootste items; alle items in de CSV-export.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/summary_pages.py" line="143" />
      <source>Printed on {}</source>
      <translation>Afgedrukt op {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas.py" line="157" />
      <source>Source: programme {} (gebiedsplugin). Interventions, maintenance, initiatives, statutory tasks and the multi-year programme (MJP) on one map.</source>
      <translation>Bron: programma {} (gebiedsplugin). Interventies, onderhoud, initiatieven, wettelijke taken en het Meerjarengebiedsprogramma (MJP) op één kaart.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas.py" line="161" />
      <source>No interventions or programme projects in this area for this period.</source>
      <translation>Geen interventies of programmaprojecten in dit gebied voor deze periode.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas_legend.py" line="33" />
      <source>Legend: kind and domain</source>
      <translation>Legenda: soort en domein</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas_item_table.py" line="42" />
      <source>What</source>
      <translation>Wat</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas_item_table.py" line="44" />
      <source>Where</source>
      <translation>Waar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas_item_table.py" line="45" />
      <source>When</source>
      <translation>Wanneer</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas_item_table.py" line="47" />
      <source>Budget (€)</source>
      <translation>Budget (€)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas_item_table.py" line="91" />
      <source>Nothing planned here in this period.</source>
      <translation>Hier is in deze periode niets gepland.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas.py" line="283" />
      <source>Writing the PDF failed: {}</source>
      <translation>Schrijven van de PDF mislukt: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/pdf_pages.py" line="91" />
      <source>The export was cancelled.</source>
      <translation>De export is geannuleerd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/check_task.py" line="172" />
      <source>Table {} is stored in {}, not in the programme's {}; it was reprojected for the check.</source>
      <translation>Tabel {} is opgeslagen in {}, niet in {} van het programma; voor de toets is die opnieuw geprojecteerd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/funding_backlog.py" line="31" />
      <source>Unknown district: {} (known: {}).</source>
      <translation>Onbekend stadsdeel: {} (bekend: {}).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/check_task.py" line="312" />
      <source>The check failed: {}</source>
      <translation>De toets is mislukt: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/data_export.py" line="381" />
      <source>Unified programme map</source>
      <translation>Samengestelde programmakaart</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/data_export.py" line="383" />
      <source>Could not store the style of {} in {}: {}</source>
      <translation>Kon de stijl van {} niet opslaan in {}: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/district_report.py" line="38" />
      <source>Unknown districts: {}</source>
      <translation>Onbekende stadsdelen: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="37" />
      <source>all years</source>
      <translation>alle jaren</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/dossier_task.py" line="55" />
      <source>Cancelled.</source>
      <translation>Geannuleerd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/district_report.py" line="60" />
      <source>District report</source>
      <translation>Stadsdeelrapport</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/district_report.py" line="66" />
      <source>{} · {}</source>
      <translation>{} · {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/summary_pages.py" line="125" />
      <source>No data for this selection</source>
      <translation>Geen gegevens voor deze selectie</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="53" />
      <source>Funder</source>
      <translation>Financier</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="57" />
      <source>Total</source>
      <translation>Totaal</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="57" />
      <source>Area budget</source>
      <translation>Gebiedsbudget</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="58" />
      <source>Money against the area budget</source>
      <translation>Geld tegenover het gebiedsbudget</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="58" />
      <source>By</source>
      <translation>Per</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="58" />
      <source>Name</source>
      <translation>Naam</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="58" />
      <source>Of area budget</source>
      <translation>Deel van gebiedsbudget</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="79" />
      <source>{} of {} rows</source>
      <translation>{} van {} regels</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="80" />
      <source>Priority coverage</source>
      <translation>Dekking van prioriteiten</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="45" />
      <source>OK</source>
      <translation>OK</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="45" />
      <source>Not prioritised</source>
      <translation>Geen prioriteit</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="46" />
      <source>Not funded</source>
      <translation>Niet gefinancierd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="93" />
      <source>The {} busiest of {} neighbourhoods.</source>
      <translation>De {} drukste van {} buurten.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="94" />
      <source>Stacking: interventions per neighbourhood per year</source>
      <translation>Stapeling: interventies per buurt per jaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="94" />
      <source>Neighbourhood</source>
      <translation>Buurt</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/export_task.py" line="88" />
      <source>The output folder {} does not exist and cannot be created.</source>
      <translation>De uitvoermap {} bestaat niet en kan niet worden aangemaakt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/export_task.py" line="91" />
      <source>The output folder {} is not writable.</source>
      <translation>In de uitvoermap {} kan niet worden geschreven.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/toolbelt/files.py" line="200" />
      <source>These files exist already (allow overwriting to replace them): {}</source>
      <translation>Deze bestanden bestaan al (sta overschrijven toe om ze te vervangen): {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/export_task.py" line="154" />
      <source>Unknown district ids: {} (known: {}).</source>
      <translation>Onbekende stadsdeel-id's: {} (bekend: {}).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/export_task.py" line="160" />
      <source>Nothing to export: no interventions or programme projects in this scope and period.</source>
      <translation>Niets te exporteren: geen interventies of programmaprojecten in dit bereik en deze periode.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/exporter.py" line="201" />
      <source>The export failed: {}</source>
      <translation>De export is mislukt: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/exporter.py" line="84" />
      <source>Writing the GeoPackage…</source>
      <translation>GeoPackage schrijven…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/exporter.py" line="103" />
      <source>Rendering the atlas PDF ({} pages)…</source>
      <translation>Atlas-PDF renderen ({} pagina's)…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/exporter.py" line="116" />
      <source>Rendering the page images…</source>
      <translation>Paginaafbeeldingen renderen…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/exporter.py" line="129" />
      <source>Export complete: {} files.</source>
      <translation>Export voltooid: {} bestanden.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/findings.py" line="43" />
      <source>Unknown finding status: {}</source>
      <translation>Onbekende status van bevinding: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/postgis.py" line="330" />
      <source>The programme {} is read-only; nothing was imported.</source>
      <translation>Het programma {} is alleen-lezen; er is niets geïmporteerd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/gpkg.py" line="238" />
      <source>The folder of the programme {} is not writable; nothing was imported.</source>
      <translation>In de map van het programma {} kan niet worden geschreven; er is niets geïmporteerd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="129" />
      <source>added {added}, updated {updated}, unchanged {unchanged}, rejected {rejected}</source>
      <translation>toegevoegd {added}, bijgewerkt {updated}, ongewijzigd {unchanged}, afgewezen {rejected}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_source.py" line="46" />
      <source>The source file {} does not exist.</source>
      <translation>Het bronbestand {} bestaat niet.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_source.py" line="51" />
      <source>The source file {} cannot be read (no permission).</source>
      <translation>Het bronbestand {} kan niet worden gelezen (geen toestemming).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_source.py" line="56" />
      <source>The source file {} cannot be read: {}</source>
      <translation>Het bronbestand {} kan niet worden gelezen: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_source.py" line="101" />
      <source>The source file {} is locked by another program; close it there and try again.</source>
      <translation>Het bronbestand {} is vergrendeld door een ander programma; sluit het daar en probeer het opnieuw.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_source.py" line="157" />
      <source>{} is not a vector data source QGIS can read.</source>
      <translation>{} is geen vectorgegevensbron die QGIS kan lezen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_source.py" line="123" />
      <source>{} is not UTF-8 text (byte {} cannot be read); save it as UTF-8 and try again.</source>
      <translation>{} is geen UTF-8-tekst (byte {} kan niet worden gelezen); sla het op als UTF-8 en probeer het opnieuw.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_source.py" line="156" />
      <source>The source {} is empty.</source>
      <translation>De bron {} is leeg.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/importer.py" line="133" />
      <source>The source has no coordinate reference system; set one (e.g. a .prj file) and try again.</source>
      <translation>De bron heeft geen coördinaatreferentiesysteem; stel er een in (bijv. met een .prj-bestand) en probeer het opnieuw.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/importer.py" line="167" />
      <source>The import was cancelled; nothing was written.</source>
      <translation>De import is geannuleerd; er is niets geschreven.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/importer.py" line="208" />
      <source>The field mapping names {}, which is not a field of {}.</source>
      <translation>De veldkoppeling noemt {}, maar dat is geen veld van {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/importer.py" line="211" />
      <source>The field mapping uses the source field {}, which the source does not have.</source>
      <translation>De veldkoppeling gebruikt het bronveld {}, maar dat heeft de bron niet.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/importer.py" line="213" />
      <source>The field mapping is not valid JSON: {}</source>
      <translation>De veldkoppeling is geen geldige JSON: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/importer.py" line="223" />
      <source>No source field is mapped to the mandatory field(s): {}; nothing was imported.</source>
      <translation>Er is geen bronveld gekoppeld aan de verplichte veld(en): {}; er is niets geïmporteerd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/importer.py" line="295" />
      <source>The source {} has no rows; nothing was imported.</source>
      <translation>De bron {} heeft geen rijen; er is niets geïmporteerd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/importer.py" line="256" />
      <source>The whole-city area (city) was added as the union of the districts.</source>
      <translation>Het gebied hele stad (city) is toegevoegd als vereniging van de stadsdelen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/importer.py" line="293" />
      <source>The source layer is not valid.</source>
      <translation>De bronlaag is ongeldig.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_charts.py" line="81" />
      <source>Planned money per year against the area budget</source>
      <translation>Gepland geld per jaar tegenover het gebiedsbudget</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_charts.py" line="153" />
      <source>Timeline</source>
      <translation>Tijdlijn</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_task.py" line="83" />
      <source>Reading the programme for the overview</source>
      <translation>Programma lezen voor het overzicht</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/postgis.py" line="53" />
      <source>A programme schema name must be lower-case letters, digits and underscores, not {}.</source>
      <translation>Een schemanaam voor een programma moet bestaan uit kleine letters, cijfers en liggende streepjes, niet {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/pg_connection.py" line="58" />
      <source>A PostgreSQL connection string may not contain a password: it would be written into every layer source and saved project. Store the login in QGIS's authentication manager (Settings &gt; Options &gt; Authentication) and write authcfg=&lt;id&gt; instead of user and password, or save the connection in QGIS (Browser &gt; PostgreSQL &gt; New Connection) with an authentication configuration and use the connection's name.</source>
      <translation>Een PostgreSQL-verbindingstekst mag geen wachtwoord bevatten: het zou in elke laagbron en elk opgeslagen project terechtkomen. Sla de aanmelding op in de authenticatiebeheerder van QGIS (Instellingen &gt; Opties &gt; Authenticatie) en schrijf authcfg=&lt;id&gt; in plaats van gebruiker en wachtwoord, of sla de verbinding op in QGIS (Browser &gt; PostgreSQL &gt; Nieuwe verbinding) met een authenticatieconfiguratie en gebruik de naam van de verbinding.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/pg_connection.py" line="81" />
      <source>There is no PostgreSQL connection called {} in QGIS.</source>
      <translation>Er is in QGIS geen PostgreSQL-verbinding met de naam {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/pg_connection.py" line="168" />
      <source>The QGIS authentication configuration {} cannot be read (is the master password set?).</source>
      <translation>De QGIS-authenticatieconfiguratie {} kan niet worden gelezen (is het hoofdwachtwoord ingesteld?).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/postgis.py" line="127" />
      <source>The schema {} already exists; choose another name or allow overwriting.</source>
      <translation>Het schema {} bestaat al; kies een andere naam of sta overschrijven toe.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/postgis.py" line="141" />
      <source>Creating the programme {} failed: {}</source>
      <translation>Aanmaken van het programma {} mislukt: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/postgis.py" line="161" />
      <source>The schema {} does not exist.</source>
      <translation>Het schema {} bestaat niet.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/postgis.py" line="166" />
      <source>{} is not a programme (no schema_info table).</source>
      <translation>{} is geen programma (geen tabel schema_info).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/transfer.py" line="37" />
      <source>{}: {} rows in the source, {} in the copy</source>
      <translation>{}: {} rijen in de bron, {} in de kopie</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/transfer.py" line="41" />
      <source>{}: the ids differ</source>
      <translation>{}: de id's verschillen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/transfer.py" line="43" />
      <source>The copy of {} differs from its source: {}</source>
      <translation>De kopie van {} wijkt af van de bron: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/unified_layers.py" line="25" />
      <source>Points</source>
      <translation>Punten</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/unified_layers.py" line="26" />
      <source>Lines</source>
      <translation>Lijnen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/unified_layers.py" line="27" />
      <source>Areas</source>
      <translation>Vlakken</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/unified_layers.py" line="28" />
      <source>Items</source>
      <translation>Items</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_dock.py" line="317" />
      <source>Overview</source>
      <translation>Overzicht</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_dock.py" line="86" />
      <source>From</source>
      <translation>Van</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_dock.py" line="125" />
      <source>Money</source>
      <translation>Geld</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_dock.py" line="125" />
      <source>Stacking</source>
      <translation>Stapeling</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_dock.py" line="125" />
      <source>Priorities</source>
      <translation>Prioriteiten</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_dock.py" line="125" />
      <source>Comparable cases</source>
      <translation>Vergelijkbare gevallen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_dock.py" line="125" />
      <source>Effects</source>
      <translation>Effecten</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_dock.py" line="305" />
      <source>Reading the programme…</source>
      <translation>Programma lezen…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/copy_programme.py" line="29" />
      <source>Copy programme (GeoPackage / PostGIS)</source>
      <translation>Programma kopiëren (GeoPackage / PostGIS)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/copy_programme.py" line="32" />
      <source>Copies a programme into a new GeoPackage or PostGIS schema, for example an offline copy for an area day, and checks that counts and ids are equal afterwards. A PostGIS programme is written postgres:&lt;QGIS connection&gt;/&lt;schema&gt;.</source>
      <translation>Kopieert een programma naar een nieuwe GeoPackage of een nieuw PostGIS-schema, bijvoorbeeld een offline kopie voor een gebiedsdag, en controleert daarna of aantallen en id's gelijk zijn. Een PostGIS-programma wordt geschreven als postgres:&lt;QGIS connection&gt;/&lt;schema&gt;.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/copy_programme.py" line="37" />
      <source>Programme to copy</source>
      <translation>Te kopiëren programma</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/copy_programme.py" line="47" />
      <source>Replace an existing target</source>
      <translation>Een bestaand doel vervangen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/copy_programme.py" line="47" />
      <source>Replace the target when it already exists.</source>
      <translation>Het doel vervangen als het al bestaat.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/copy_programme.py" line="60" />
      <source>Copied {} interventions in {} s.</source>
      <translation>{} interventies gekopieerd in {} s.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/open.py" line="24" />
      <source>A PostGIS programme is written postgres:&lt;connection&gt;/&lt;schema&gt;, not {}.</source>
      <translation>Een PostGIS-programma wordt geschreven als postgres:&lt;connection&gt;/&lt;schema&gt;, niet {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_fields.py" line="26" />
      <source>Neighbourhoods</source>
      <translation>Buurten</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_fields.py" line="27" />
      <source>Programme projects (MJP)</source>
      <translation>Programmaprojecten (MJP)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_fields.py" line="27" />
      <source>Area goals</source>
      <translation>Gebiedsopgaven</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_fields.py" line="28" />
      <source>Area budgets</source>
      <translation>Gebiedsbudgetten</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_dialog.py" line="80" />
      <source>Import data</source>
      <translation>Gegevens importeren</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_dialog.py" line="83" />
      <source>Vector files (*.gpkg *.shp *.geojson *.json *.csv *.txt *.xlsx *.ods);;All files (*)</source>
      <translation>Vectorbestanden (*.gpkg *.shp *.geojson *.json *.csv *.txt *.xlsx *.ods);;Alle bestanden (*)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_dialog.py" line="118" />
      <source>Source file</source>
      <translation>Bronbestand</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_dialog.py" line="119" />
      <source>or project layer</source>
      <translation>of projectlaag</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_dialog.py" line="124" />
      <source>Import as</source>
      <translation>Importeren als</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_dialog.py" line="141" />
      <source>Dry run</source>
      <translation>Proefrun</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/plugin.py" line="230" />
      <source>Import</source>
      <translation>Importeren</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_dialog.py" line="138" />
      <source>Preview of the first rows</source>
      <translation>Voorbeeld van de eerste rijen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_dialog.py" line="295" />
      <source>Open or create a programme first.</source>
      <translation>Open of maak eerst een programma.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_dialog.py" line="297" />
      <source>Choose a source file or layer first.</source>
      <translation>Kies eerst een bronbestand of -laag.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_dialog.py" line="336" />
      <source>Importing in the background…</source>
      <translation>Bezig met importeren op de achtergrond…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/plugin.py" line="93" />
      <source>Import data…</source>
      <translation>Gegevens importeren…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_task.py" line="22" />
      <source>Importing into the programme</source>
      <translation>Importeren in het programma</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/audit_dialog.py" line="62" />
      <source>History of {}</source>
      <translation>Geschiedenis van {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/audit_dialog.py" line="89" />
      <source>Who</source>
      <translation>Wie</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/audit_dialog.py" line="89" />
      <source>Changes</source>
      <translation>Wijzigingen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_dock.py" line="156" />
      <source>Not saved: {}</source>
      <translation>Niet opgeslagen: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/programme_actions.py" line="214" />
      <source>Save refused</source>
      <translation>Opslaan geweigerd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/edit_actions.py" line="127" />
      <source>History</source>
      <translation>Geschiedenis</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/edit_actions.py" line="127" />
      <source>This intervention has not been saved yet.</source>
      <translation>Deze interventie is nog niet opgeslagen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="65" />
      <source>A GeoPackage, or postgres:&lt;connection&gt;/&lt;schema&gt; for a PostGIS programme.</source>
      <translation>Een GeoPackage, of postgres:&lt;verbinding&gt;/&lt;schema&gt; voor een PostGIS-programma.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="98" />
      <source>District summary pages (charts and tables)</source>
      <translation>Stadsdeelsamenvattingen (grafieken en tabellen)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="101" />
      <source>After the city's and each district's atlas page, a page with the Overview's money charts, stacking and priority tables.</source>
      <translation>Na de atlaspagina van de stad en van elk stadsdeel een pagina met de geldgrafieken en de tabellen voor stapeling en prioriteiten uit het Overzicht.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="57" />
      <source>History…</source>
      <translation>Geschiedenis…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/postgis_dialog.py" line="49" />
      <source>PostGIS programme</source>
      <translation>PostGIS-programma</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/postgis_dialog.py" line="58" />
      <source>Connection</source>
      <translation>Verbinding</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/postgis_dialog.py" line="62" />
      <source>An existing programme schema, or a new name (lower-case letters, digits, _) to create one.</source>
      <translation>Een bestaand programmaschema, of een nieuwe naam (kleine letters, cijfers, _) om er een aan te maken.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/postgis_dialog.py" line="64" />
      <source>Schema</source>
      <translation>Schema</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/postgis_dialog.py" line="72" />
      <source>Open</source>
      <translation>Openen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/postgis_dialog.py" line="73" />
      <source>Create new</source>
      <translation>Nieuw aanmaken</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/plugin.py" line="90" />
      <source>Open PostGIS programme…</source>
      <translation>PostGIS-programma openen…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/base.py" line="63" />
      <source>GeoPackage (*.gpkg);;All files (*)</source>
      <translation>GeoPackage (*.gpkg);;Alle bestanden (*)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/base.py" line="63" />
      <source>The programme: its GeoPackage, or postgres:&lt;QGIS connection&gt;/&lt;schema&gt; for a PostGIS programme.</source>
      <translation>Het programma: zijn GeoPackage, of postgres:&lt;QGIS-verbinding&gt;/&lt;schema&gt; voor een PostGIS-programma.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="41" />
      <source>Puts interventions, maintenance, initiatives, statutory tasks and the multi-year programme on one map and exports it: a print atlas (PDF, and a PNG per page) with a page for the whole city or the selection and one per district (optionally one per year), a GeoPackage with the styles embedded, GeoJSON (EPSG:4326) for the web map and CSV tables. After the city's and each district's atlas page comes a summary page with the Overview's charts and tables (SUMMARY_PAGES). Existing files are not replaced unless OVERWRITE is set.</source>
      <translation>Zet interventies, beheer en onderhoud, initiatieven, wettelijke taken en het meerjarenprogramma op één kaart en exporteert die: een printatlas (PDF, en een PNG per pagina) met een pagina voor de hele stad of de selectie en één per stadsdeel (desgewenst één per jaar), een GeoPackage met de stijlen erin, GeoJSON (EPSG:4326) voor de webkaart en CSV-tabellen. Na de atlaspagina van de stad en van elk stadsdeel volgt een samenvattingspagina met de grafieken en tabellen van het Overzicht (SUMMARY_PAGES). Bestaande bestanden worden niet vervangen, tenzij OVERWRITE is gezet.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="84" />
      <source>District summary pages</source>
      <translation>Stadsdeelsamenvattingen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="84" />
      <source>After the city's and each district's atlas page, a page with the Overview's charts and tables: money per year against the area budget, per funder and per theme, stacking and priority coverage.</source>
      <translation>Na de atlaspagina van de stad en van elk stadsdeel een pagina met de grafieken en tabellen van het Overzicht: geld per jaar tegenover het gebiedsbudget, per financier en per thema, stapeling en dekking van prioriteiten.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="88" />
      <source>Summary page template</source>
      <translation>Sjabloon voor de samenvattingspagina</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="91" />
      <source>A .qpt layout for the summary pages (default: the plugin's A3 summary template).</source>
      <translation>Een .qpt-lay-out voor de samenvattingspagina's (standaard: het A3-samenvattingssjabloon van de plugin).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="139" />
      <source>{} items on {} atlas pages and {} summary pages ({} printed pages).</source>
      <translation>{} items op {} atlaspagina's en {} samenvattingspagina's ({} afgedrukte pagina's).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/summary_pages.py" line="106" />
      <source>The summary page template {} does not exist.</source>
      <translation>Het sjabloon voor de samenvattingspagina {} bestaat niet.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/shared_editing.py" line="52" />
      <source>Created</source>
      <translation>Aangemaakt</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/shared_editing.py" line="52" />
      <source>Changed</source>
      <translation>Gewijzigd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/shared_editing.py" line="52" />
      <source>Deleted</source>
      <translation>Verwijderd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/shared_editing.py" line="63" />
      <source>shape changed</source>
      <translation>vorm gewijzigd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/summary_pages.py" line="110" />
      <source>The summary page template {} is not a valid .qpt file.</source>
      <translation>Het sjabloon voor de samenvattingspagina {} is geen geldig .qpt-bestand.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/summary_pages.py" line="114" />
      <source>District summary</source>
      <translation>Stadsdeelsamenvatting</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/summary_pages.py" line="139" />
      <source>City summary: {}</source>
      <translation>Stadssamenvatting: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/summary_pages.py" line="139" />
      <source>District summary: {}</source>
      <translation>Stadsdeelsamenvatting: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/summary_pages.py" line="141" />
      <source>Period {}</source>
      <translation>Periode {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/summary_pages.py" line="144" />
      <source>Source: programme {} (gebiedsplugin). The same figures as the Overview dock.</source>
      <translation>Bron: programma {} (gebiedsplugin). Dezelfde cijfers als in het paneel Overzicht.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_progress.py" line="61" />
      <source>Target value</source>
      <translation>Streefwaarde</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/copy_programme.py" line="51" />
      <source>Rows per table</source>
      <translation>Rijen per tabel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="234" />
      <source>Some layers have unsaved edits. The export reads the saved programme. Save the edits first?</source>
      <translation>Sommige lagen hebben niet-opgeslagen bewerkingen. De export leest het opgeslagen programma. Eerst de bewerkingen opslaan?</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="236" />
      <source>Nothing exported: save or discard the edits first.</source>
      <translation>Niets geëxporteerd: sla de bewerkingen eerst op of verwerp ze.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/plugin.py" line="230" />
      <source>Save or discard the unsaved edits in {} before importing.</source>
      <translation>Sla de niet-opgeslagen bewerkingen in {} op of verwerp ze voordat u importeert.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_task.py" line="40" />
      <source>The import failed: {}</source>
      <translation>Het importeren is mislukt: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas.py" line="148" />
      <source>Programme projects (MJP): € {}</source>
      <translation>Programmaprojecten (MJP): € {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/summary_pages.py" line="137" />
      <source>Summary of map page {} of {}</source>
      <translation>Samenvatting bij kaartpagina {} van {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/dependencies.py" line="44" />
      <source>Gebiedsplugin needs the Python package(s) {} in the Python that QGIS runs. Debian 13, and other Linux systems whose python3-shapely is 2.0 or newer: sudo apt install python3-shapely. Debian 12: build shapely against the system's GEOS into this QGIS profile (needs python3-pip, python3-dev, libgeos-dev and gcc): python3 -m pip install --no-deps --no-binary shapely --target '{}' 'shapely&gt;=2,&lt;2.2', then restart QGIS. On Windows and macOS QGIS ships it.</source>
      <translation>Gebiedsplugin heeft de Python-pakket(ten) {} nodig in de Python die QGIS gebruikt. Debian 13, en andere Linux-systemen waarvan python3-shapely 2.0 of nieuwer is: sudo apt install python3-shapely. Debian 12: bouw shapely tegen de GEOS van het systeem in dit QGIS-profiel (vereist python3-pip, python3-dev, libgeos-dev en gcc): python3 -m pip install --no-deps --no-binary shapely --target '{}' 'shapely&gt;=2,&lt;2.2' en start QGIS daarna opnieuw. Op Windows en macOS levert QGIS het mee.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/intervention_rows.py" line="306" />
      <source>Copy intervention</source>
      <translation>Interventie kopiëren</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_dialog.py" line="90" />
      <source>As the source says</source>
      <translation>Zoals de bron aangeeft</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="73" />
      <source>Source CRS</source>
      <translation>CRS van de bron</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="73" />
      <source>What the source's coordinates are, when the source does not say (a shapefile without .prj, CSV x/y or WKT columns) or says it wrongly; empty: the source's own CRS, or for CSV a guess (degrees: WGS84, else the programme's CRS).</source>
      <translation>Het CRS van de coördinaten van de bron, als de bron dat niet vermeldt (een shapefile zonder .prj, CSV-kolommen x/y of WKT) of verkeerd vermeldt; leeg: het eigen CRS van de bron, of voor CSV een schatting (graden: WGS84, anders het CRS van het programma).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="90" />
      <source>{} has no field {}; its fields are: {}.</source>
      <translation>{} heeft geen veld {}; de velden zijn: {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="99" />
      <source>{}: the district name field {} is empty; nothing was created.</source>
      <translation>{}: het naamveld {} van het stadsdeel is leeg; er is niets aangemaakt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="103" />
      <source>{}: the district has no geometry; nothing was created.</source>
      <translation>{}: het stadsdeel heeft geen geometrie; er is niets aangemaakt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="111" />
      <source>{}: the geometry cannot be transformed to {} ({}); nothing was created.</source>
      <translation>{}: de geometrie kan niet naar {} worden omgezet ({}); er is niets aangemaakt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="119" />
      <source>{}: the geometry is a {}, not an area; nothing was created.</source>
      <translation>{}: de geometrie is een {}, geen vlak; er is niets aangemaakt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="123" />
      <source>{}: the geometry lies {} km outside the area where {} applies (more than {} km): are the coordinates in another CRS than the layer says? Nothing was created.</source>
      <translation>{}: de geometrie ligt {} km buiten het gebied waar {} geldt (meer dan {} km): staan de coördinaten in een ander CRS dan de laag aangeeft? Er is niets aangemaakt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="130" />
      <source>The districts layer {} is empty.</source>
      <translation>De stadsdelenlaag {} is leeg.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="20" />
      <source>{where}: {field} is mandatory but empty.</source>
      <translation>{where}: {field} is verplicht maar leeg.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="21" />
      <source>{where}: {field} must be a number, not '{value}'.</source>
      <translation>{where}: {field} moet een getal zijn, niet '{value}'.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="22" />
      <source>{where}: {field} must be a whole number, not '{value}'.</source>
      <translation>{where}: {field} moet een geheel getal zijn, niet '{value}'.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="23" />
      <source>{where}: {field} = {value} is outside {extra}.</source>
      <translation>{where}: {field} = {value} ligt buiten {extra}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="24" />
      <source>{where}: {field} = {value} is below the minimum {extra}.</source>
      <translation>{where}: {field} = {value} ligt onder het minimum {extra}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="25" />
      <source>{where}: {field} = {value} is negative; it must be 0 or more.</source>
      <translation>{where}: {field} = {value} is negatief; het moet 0 of meer zijn.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="26" />
      <source>{where}: {field} = {value} is not a plausible year (not between {extra}); nothing outside it is accepted.</source>
      <translation>{where}: {field} = {value} is geen aannemelijk jaar (niet tussen {extra}); daarbuiten wordt niets aangenomen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="28" />
      <source>{where}: {field} = {value} is not a plausible amount (more than {extra} EUR); check the unit and the decimal separator.</source>
      <translation>{where}: {field} = {value} is geen aannemelijk bedrag (meer dan € {extra}); controleer de eenheid en het decimaalteken.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="30" />
      <source>{where}: {field} has an unknown value '{value}' (not in the list '{extra}').</source>
      <translation>{where}: {field} heeft een onbekende waarde '{value}' (niet in de lijst '{extra}').</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="31" />
      <source>{where}: {field} must be yes or no, not '{value}'.</source>
      <translation>{where}: {field} moet ja of nee zijn, niet '{value}'.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="32" />
      <source>{where}: {field} holds text that is not valid UTF-8 ('{value}'); set the source's encoding (for a shapefile: its .cpg file).</source>
      <translation>{where}: {field} bevat tekst die geen geldige UTF-8 is ('{value}'); stel de codering van de bron in (bij een shapefile: het .cpg-bestand).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="34" />
      <source>{where}: key {field} = '{value}' occurs more than once in the source (also at {extra}).</source>
      <translation>{where}: sleutel {field} = '{value}' komt meer dan eens voor in de bron (ook op {extra}).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="36" />
      <source>{where}: {field} = {value} is before {other} = {extra}.</source>
      <translation>{where}: {field} = {value} ligt vóór {other} = {extra}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="37" />
      <source>{where}: the geometry is missing.</source>
      <translation>{where}: de geometrie ontbreekt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="38" />
      <source>{where}: the geometry is a {value}, which does not fit this target.</source>
      <translation>{where}: de geometrie is een {value}, en die past niet bij dit doel.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="39" />
      <source>{where}: the geometry is invalid and cannot be repaired safely ({value}).</source>
      <translation>{where}: de geometrie is ongeldig en kan niet veilig worden hersteld ({value}).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="40" />
      <source>{where}: the geometry was invalid and has been repaired ({value}).</source>
      <translation>{where}: de geometrie was ongeldig en is hersteld ({value}).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="41" />
      <source>{where}: the geometry lies {value} km outside the programme's districts (more than {extra} km): are the coordinates in another CRS than the source says? Set the source CRS.</source>
      <translation>{where}: de geometrie ligt {value} km buiten de stadsdelen van het programma (meer dan {extra} km): staan de coördinaten in een ander CRS dan de bron aangeeft? Stel het CRS van de bron in.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="44" />
      <source>{where}: the geometry lies {value} km outside the area where the programme's CRS applies (more than {extra} km): are the coordinates in another CRS than the source says? Set the source CRS.</source>
      <translation>{where}: de geometrie ligt {value} km buiten het gebied waar het CRS van het programma geldt (meer dan {extra} km): staan de coördinaten in een ander CRS dan de bron aangeeft? Stel het CRS van de bron in.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="48" />
      <source>{where}: the geometry cannot be transformed to the programme's CRS ({value}).</source>
      <translation>{where}: de geometrie kan niet naar het CRS van het programma worden omgezet ({value}).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_where.py" line="114" />
      <source>feature {}</source>
      <translation>object {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_where.py" line="109" />
      <source>line {}</source>
      <translation>regel {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_where.py" line="111" />
      <source>row {} of the sheet</source>
      <translation>rij {} van het werkblad</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_where.py" line="113" />
      <source>fid {}</source>
      <translation>fid {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/plugin.py" line="243" />
      <source>Removed {} temporary files left by an interrupted write: {}</source>
      <translation>Instellingen van {}: {} = '{}' is geen getal van 0 of meer; de toets gebruikte de standaardwaarde {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/export_task.py" line="118" />
      <source>The disk is full: {} could not be written. The export was stopped: none of its files was written and existing files are unchanged.</source>
      <translation>De schijf is vol: {} kon niet worden geschreven. De export is gestopt: geen van de bestanden is geschreven en bestaande bestanden zijn ongewijzigd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/export_task.py" line="121" />
      <source>The disk is full: the export's working copy in {} could not be written. Nothing was exported; existing files are unchanged.</source>
      <translation>De schijf is vol: de werkkopie van de export in {} kon niet worden geschreven. Er is niets geëxporteerd; bestaande bestanden zijn ongewijzigd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/toolbelt/files.py" line="75" />
      <source>The disk is full: {} could not be written. The existing file is unchanged. Free some space and try again.</source>
      <translation>De schijf is vol: {} kon niet worden geschreven. Het bestaande bestand is ongewijzigd. Maak ruimte vrij en probeer het opnieuw.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/toolbelt/files.py" line="78" />
      <source>The disk is full: {} could not be written. Nothing was written. Free some space and try again.</source>
      <translation>De schijf is vol: {} kon niet worden geschreven. Er is niets geschreven. Maak ruimte vrij en probeer het opnieuw.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/toolbelt/files.py" line="94" />
      <source>{} could not be written completely; nothing was written.</source>
      <translation>{} kon niet volledig worden geschreven; er is niets geschreven.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/toolbelt/files.py" line="98" />
      <source>Writing {} failed: {}</source>
      <translation>Schrijven van {} mislukt: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/toolbelt/files.py" line="198" />
      <source>{} is in the way (not a file); nothing was written.</source>
      <translation>{} staat in de weg (geen bestand); er is niets geschreven.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/toolbelt/files.py" line="222" />
      <source>{} could not be replaced: {}; the earlier files are kept.</source>
      <translation>{} kon niet worden vervangen: {}; de eerdere bestanden zijn behouden.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/programme_actions.py" line="256" />
      <source>Upgrade programme</source>
      <translation>Programma bijwerken</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/programme_actions.py" line="257" />
      <source>{} was not upgraded and not opened.</source>
      <translation>{} is niet bijgewerkt en niet geopend.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/programme_actions.py" line="270" />
      <source>{} upgraded from schema {} to {} in {} s; backup: {}</source>
      <translation>{} bijgewerkt van schema {} naar {} in {} s; reservekopie: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/upgrade_programme.py" line="48" />
      <source>none</source>
      <translation>geen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/upgrade_programme.py" line="22" />
      <source>Upgrade programme to the current schema</source>
      <translation>Programma bijwerken naar het huidige schema</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/upgrade_programme.py" line="25" />
      <source>Upgrades a programme made by an older version of the plugin in place, in one transaction, after a backup copy: a GeoPackage next to it named with the old version and the time, or a PostGIS schema &lt;schema&gt;_v&lt;old&gt;_backup_&lt;time&gt;. A programme that is already current is left as it is. The other algorithms refuse an older programme until it is upgraded.</source>
      <translation>Werkt een programma dat met een oudere versie van de plugin is gemaakt ter plaatse bij, in één transactie, na een reservekopie: een GeoPackage ernaast met de oude versie en het tijdstip in de naam, of een PostGIS-schema &lt;schema&gt;_v&lt;oud&gt;_backup_&lt;tijd&gt;. Een programma dat al actueel is, blijft zoals het is. De andere algoritmen weigeren een ouder programma tot het is bijgewerkt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/upgrade_programme.py" line="32" />
      <source>Make a backup copy first</source>
      <translation>Eerst een reservekopie maken</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/upgrade_programme.py" line="32" />
      <source>Copy the programme before upgrading it (recommended).</source>
      <translation>Kopieer het programma voordat het wordt bijgewerkt (aanbevolen).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/upgrade_programme.py" line="34" />
      <source>Upgraded programme</source>
      <translation>Bijgewerkt programma</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/upgrade_programme.py" line="35" />
      <source>Backup copy</source>
      <translation>Reservekopie</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/upgrade_programme.py" line="46" />
      <source>{} already has schema version {}; nothing to do.</source>
      <translation>{} heeft al schemaversie {}; er is niets te doen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/upgrade_programme.py" line="48" />
      <source>Upgraded {} from schema {} to {} in {} s; backup: {}</source>
      <translation>{} bijgewerkt van schema {} naar {} in {} s; reservekopie: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/schema_check.py" line="23" />
      <source>{} has schema version {}; this version of the plugin uses schema {}. Open it in QGIS (Gebiedsprogramma &gt; Open programme…) to upgrade it after a backup copy, or run the Processing algorithm gebiedsplugin:upgrade_programme.</source>
      <translation>{} heeft schemaversie {}; deze versie van de plugin gebruikt schema {}. Open het in QGIS (Gebiedsprogramma &gt; Programma openen…) om het na een reservekopie bij te werken, of voer het Processing-algoritme gebiedsplugin:upgrade_programme uit.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/schema_check.py" line="57" />
      <source>{} has missing or mistyped columns (table.column: expected, found): {}</source>
      <translation>{} heeft ontbrekende kolommen of kolommen van het verkeerde type (tabel.kolom: verwacht, gevonden): {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/schema_check.py" line="72" />
      <source>{}.{}: expected {}, missing</source>
      <translation>{}.{}: verwacht {}, ontbreekt</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/schema_check.py" line="74" />
      <source>{}.{}: expected {}, found {}</source>
      <translation>{}.{}: verwacht {}, gevonden {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/gpkg_migrate.py" line="114" />
      <source>Unexpected definition of table {} in a new programme.</source>
      <translation>Onverwachte definitie van tabel {} in een nieuw programma.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/pg_migrate.py" line="136" />
      <source>The upgrade has no value for the new mandatory column {}.{}.</source>
      <translation>Het bijwerken heeft geen waarde voor de nieuwe verplichte kolom {}.{}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/gpkg_migrate.py" line="274" />
      <source>{} is in use by another session ({}); try the upgrade again later.</source>
      <translation>{} is in gebruik door een andere sessie ({}); probeer het bijwerken later opnieuw.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/gpkg_sqlite.py" line="155" />
      <source>The disk is full: {} could not be saved. Nothing was written; free some space and save again.</source>
      <translation>De schijf is vol: {} kon niet worden opgeslagen. Er is niets geschreven; maak ruimte vrij en sla opnieuw op.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/gpkg_sqlite.py" line="158" />
      <source>Another planner or program is saving {} right now. Nothing was written; save again in a moment.</source>
      <translation>Een andere planner of een ander programma slaat {} op dit moment op. Er is niets geschreven; sla zo meteen opnieuw op.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/gpkg_sqlite.py" line="161" />
      <source>{} is read-only. Nothing was written.</source>
      <translation>{} is alleen-lezen. Er is niets geschreven.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/pg_writer.py" line="81" />
      <source>Saving {} failed: {}. Nothing was written.</source>
      <translation>Opslaan van {} is mislukt: {}. Er is niets geschreven.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/migrate.py" line="86" />
      <source>There is no upgrade to schema version {}.</source>
      <translation>Er is geen upgrade naar schemaversie {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/migrate.py" line="116" />
      <source>{} has schema version {}; this version of the plugin uses version {}. Upgrade it in place now? Colleagues with an older plugin can no longer open it afterwards.</source>
      <translation>{} heeft schemaversie {}; deze versie van de plugin gebruikt versie {}. Nu ter plaatse bijwerken? Collega's met een oudere plugin kunnen het daarna niet meer openen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/migrate.py" line="120" />
      <source>A backup copy is made first: {}</source>
      <translation>Eerst wordt een reservekopie gemaakt: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/pg_migrate.py" line="301" />
      <source>{} is in use by another session; close it there and try the upgrade again.</source>
      <translation>{} is in gebruik door een andere sessie; sluit het daar en probeer het bijwerken opnieuw.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/upgrade_task.py" line="40" />
      <source>Upgrading {} failed, nothing was changed: {}</source>
      <translation>Bijwerken van {} is mislukt, er is niets gewijzigd: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/pg_writer.py" line="79" />
      <source>Another planner is saving the same rows of {} right now. Nothing was written; save again in a moment.</source>
      <translation>Een andere planner slaat op dit moment dezelfde rijen van {} op. Er is niets geschreven; sla zo meteen opnieuw op.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/save.py" line="58" />
      <source>“{}” was deleted by someone else after you read it.</source>
      <translation>“{}” is door iemand anders verwijderd nadat u het had gelezen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/save.py" line="60" />
      <source>“{}” was changed by {} at {} after you read it (you read version {}, it is now {}).</source>
      <translation>“{}” is gewijzigd door {} op {} nadat u het had gelezen (u las versie {}, nu is het versie {}).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/save.py" line="62" />
      <source>Your save was refused so that nothing is overwritten; nothing of it was written. Your edits are still in the edit buffer: note them, discard, and make your change again on the current version.</source>
      <translation>Uw opslag is geweigerd zodat niets wordt overschreven; er is niets van geschreven. Uw wijzigingen staan nog in de bewerkingsbuffer: noteer ze, verwerp ze en breng uw wijziging opnieuw aan op de huidige versie.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/check_task.py" line="178" />
      <source>Settings of {}: {} = '{}' is not a number of 0 or more; the check used the default {}.</source>
      <translation>Instellingen van {}: {} = '{}' is geen getal van 0 of meer; de toets gebruikte de standaardwaarde {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/audit_dialog.py" line="70" />
      <source>All planners</source>
      <translation>Alle planners</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/audit_dialog.py" line="82" />
      <source>Planner</source>
      <translation>Planner</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/audit_dialog.py" line="82" />
      <source>To</source>
      <translation>Tot en met</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="98" />
      <source>Row</source>
      <translation>Rij</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/audit_dialog.py" line="116" />
      <source>{} of {} recorded changes, oldest first.</source>
      <translation>{} van {} vastgelegde wijzigingen, oudste eerst.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/audit_dialog.py" line="116" />
      <source>No changes recorded.</source>
      <translation>Geen wijzigingen vastgelegd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="57" />
      <source>Show who changed the selected intervention and when</source>
      <translation>Toon wie de geselecteerde interventie wanneer heeft gewijzigd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="59" />
      <source>Programme history…</source>
      <translation>Geschiedenis van het programma…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="59" />
      <source>Every change to the programme: who, when, which row and field; filter by planner and date</source>
      <translation>Elke wijziging van het programma: wie, wanneer, welke rij en welk veld; filter op planner en datum</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/shared_editing.py" line="122" />
      <source>yes</source>
      <translation>ja</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/shared_editing.py" line="122" />
      <source>no</source>
      <translation>nee</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="51" />
      <source>changed offline and in the shared programme</source>
      <translation>offline en in het gedeelde programma gewijzigd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="52" />
      <source>deleted offline, changed in the shared programme</source>
      <translation>offline verwijderd, in het gedeelde programma gewijzigd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="53" />
      <source>changed offline, deleted in the shared programme</source>
      <translation>offline gewijzigd, in het gedeelde programma verwijderd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="54" />
      <source>made offline and in the shared programme</source>
      <translation>offline en in het gedeelde programma aangemaakt</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="354" />
      <source>Check in</source>
      <translation>Inchecken</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_out.py" line="50" />
      <source>Offline copy</source>
      <translation>Offline kopie</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="119" />
      <source>Keep mine (offline)</source>
      <translation>Mijn versie houden (offline)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="120" />
      <source>Keep theirs (shared)</source>
      <translation>Hun versie houden (gedeeld)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="241" />
      <source>mine</source>
      <translation>mijn versie</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="241" />
      <source>theirs</source>
      <translation>hun versie</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="241" />
      <source>undecided</source>
      <translation>nog niet beslist</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="282" />
      <source>Field</source>
      <translation>Veld</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="282" />
      <source>Base
(checked out)</source>
      <translation>Basis</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="260" />
      <source>Mine (offline)
{}
{}</source>
      <translation>Offline
{}
{}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="260" />
      <source>Mine (offline)
deleted</source>
      <translation>Offline
verwijderd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="260" />
      <source>Theirs (shared)
{}
{}</source>
      <translation>Gedeeld
{}
{}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="260" />
      <source>Theirs (shared)
deleted</source>
      <translation>Gedeeld
verwijderd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="271" />
      <source>Shape</source>
      <translation>Vorm</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_in.py" line="78" />
      <source>Not checked in: {} conflict(s) need a decision.</source>
      <translation>Niet ingecheckt: {} conflict(en) wachten op een beslissing.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="341" />
      <source>Checked in: {} new, {} changed, {} deleted rows.</source>
      <translation>Ingecheckt: {} nieuwe, {} gewijzigde, {} verwijderde rijen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="346" />
      <source>Checked in.</source>
      <translation>Ingecheckt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/plugin.py" line="94" />
      <source>Check out districts for offline work…</source>
      <translation>Stadsdelen uitchecken voor offline werk…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_in.py" line="37" />
      <source>Check in an offline copy</source>
      <translation>Een offline kopie inchecken</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_in.py" line="40" />
      <source>Merges a checked-out copy back into its shared programme by uid against the base it was checked out with: rows changed only offline or only in the shared programme are taken over; rows changed on both sides are conflicts, listed in CONFLICTS. Decide each in DECISIONS as JSON {"&lt;id&gt;": "mine" | "theirs"}; nothing is written while a conflict is undecided. The check-in is one transaction, audited as you, and a copy is checked in once.</source>
      <translation>Voegt een uitgecheckte kopie weer samen met het gedeelde programma, per uid ten opzichte van de basis waarmee ze werd uitgecheckt: rijen die alleen offline of alleen in het gedeelde programma zijn gewijzigd worden overgenomen; rijen die aan beide kanten zijn gewijzigd zijn conflicten, vermeld in CONFLICTS. Beslis elk in DECISIONS als JSON {"&lt;id&gt;": "mine" | "theirs"}; zolang een conflict niet beslist is, wordt niets geschreven. Het inchecken is één transactie, vastgelegd op uw naam, en een kopie wordt één keer ingecheckt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_in.py" line="47" />
      <source>The GeoPackage made by 'Check out districts for offline work'.</source>
      <translation>Het GeoPackage gemaakt door 'Stadsdelen uitchecken voor offline werk'.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_in.py" line="49" />
      <source>Shared programme (if moved)</source>
      <translation>Gedeeld programma (als het verplaatst is)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_in.py" line="49" />
      <source>Empty: the programme the copy was checked out from.</source>
      <translation>Leeg: het programma waaruit de kopie is uitgecheckt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_in.py" line="51" />
      <source>Decisions (JSON)</source>
      <translation>Beslissingen (JSON)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_in.py" line="51" />
      <source>{"&lt;conflict id&gt;": "mine" or "theirs"} for each conflict.</source>
      <translation>{"&lt;conflict-id&gt;": "mine" of "theirs"} voor elk conflict.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_in.py" line="53" />
      <source>Only show what would happen</source>
      <translation>Alleen tonen wat er zou gebeuren</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_in.py" line="53" />
      <source>Write nothing; report the counts and the conflicts.</source>
      <translation>Niets schrijven; de aantallen en de conflicten melden.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_in.py" line="55" />
      <source>Rows per operation</source>
      <translation>Rijen per bewerking</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_in.py" line="56" />
      <source>Conflicts (JSON)</source>
      <translation>Conflicten (JSON)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_in.py" line="57" />
      <source>Undecided conflicts</source>
      <translation>Onbesliste conflicten</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_in.py" line="64" />
      <source>DECISIONS is not valid JSON: {}</source>
      <translation>DECISIONS is geen geldige JSON: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_in.py" line="66" />
      <source>DECISIONS must map conflict ids to "mine" or "theirs".</source>
      <translation>DECISIONS moet conflict-id's koppelen aan "mine" of "theirs".</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_in.py" line="76" />
      <source>Checked in: {}.</source>
      <translation>Ingecheckt: {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_out.py" line="29" />
      <source>Check out districts for offline work</source>
      <translation>Stadsdelen uitchecken voor offline werk</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_out.py" line="32" />
      <source>Copies districts of a shared programme (PostGIS or a GeoPackage on a share) into a GeoPackage to work without a network on an area day: their interventions, programme projects, area goals and budgets with funding and links, all districts and neighbourhoods and the settings, so the check and the export work offline. The version of every row is recorded; check the copy back in with 'Check in an offline copy'.</source>
      <translation>Kopieert stadsdelen van een gedeeld programma (PostGIS of een GeoPackage op een netwerkschijf) naar een GeoPackage om op een gebiedsdag zonder netwerk te werken: hun interventies, programmaprojecten, gebiedsopgaven en -budgetten met financiering en koppelingen, alle stadsdelen en buurten en de instellingen, zodat de toets en de export offline werken. De versie van elke rij wordt vastgelegd; check de kopie weer in met 'Een offline kopie inchecken'.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_out.py" line="39" />
      <source>Shared programme</source>
      <translation>Gedeeld programma</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_out.py" line="47" />
      <source>Only interventions and programme projects active in this period (empty: all).</source>
      <translation>Alleen interventies en programmaprojecten die in deze periode lopen (leeg: alle).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_out.py" line="50" />
      <source>The new GeoPackage to take along.</source>
      <translation>Het nieuwe GeoPackage om mee te nemen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_out.py" line="53" />
      <source>Replace an existing file</source>
      <translation>Een bestaand bestand vervangen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_out.py" line="53" />
      <source>Replace the file when it already exists.</source>
      <translation>Het bestand vervangen als het al bestaat.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_out.py" line="69" />
      <source>Checked out {} rows into {}.</source>
      <translation>{} rijen uitgecheckt naar {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/offline.py" line="96" />
      <source>{} has no district {}; nothing was checked out.</source>
      <translation>{} heeft geen stadsdeel {}; er is niets uitgecheckt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/offline.py" line="162" />
      <source>Nothing was checked in.</source>
      <translation>Er is niets ingecheckt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/offline.py" line="209" />
      <source>{} is not a checked-out copy.</source>
      <translation>{} is geen uitgecheckte kopie.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/offline.py" line="211" />
      <source>{} was already checked in at {} by {}.</source>
      <translation>{} is al ingecheckt op {} door {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/offline.py" line="216" />
      <source>{} is a copy of another programme than {}.</source>
      <translation>{} is een kopie van een ander programma dan {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/offline.py" line="219" />
      <source>{} does not know the check-out of {}.</source>
      <translation>{} kent het uitchecken van {} niet.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/offline.py" line="221" />
      <source>{} was already checked in: {}.</source>
      <translation>{} is al ingecheckt: {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/offline.py" line="224" />
      <source>The base recorded in {} was changed after the check-out (it does not match its seal).</source>
      <translation>De basis die in {} is vastgelegd, is na het uitchecken gewijzigd (ze klopt niet met haar zegel).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/offline.py" line="235" />
      <source>{} has new or changed rows outside the checked-out districts {}: {}.</source>
      <translation>{} heeft nieuwe of gewijzigde rijen buiten de uitgecheckte stadsdelen {}: {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="90" />
      <source>Web map</source>
      <translation>Webkaart</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/web_map.py" line="128" />
      <source>The web map's library is missing from {} ({}): run make setup or reinstall the plugin.</source>
      <translation>De bibliotheek van de webkaart ontbreekt in {} ({}): voer make setup uit of installeer de plug-in opnieuw.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="33" />
      <source>CSV…</source>
      <translation>CSV…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="33" />
      <source>Export the list as shown (filter, columns, order) to a CSV file</source>
      <translation>De lijst zoals getoond (filter, kolommen, volgorde) exporteren naar een CSV-bestand</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/prompts.py" line="87" />
      <source>Export the list as CSV</source>
      <translation>De lijst als CSV exporteren</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_files.py" line="41" />
      <source>Nothing to export: the list is empty.</source>
      <translation>Niets te exporteren: de lijst is leeg.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_files.py" line="54" />
      <source>{} interventions written to {}.</source>
      <translation>{} interventies geschreven naar {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="110" />
      <source>Double-click a finding, or select it and press Zoom, to show it on the map.</source>
      <translation>Dubbelklik op een bevinding, of selecteer hem en klik op Zoomen, om hem op de kaart te tonen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="150" />
      <source>Decision…</source>
      <translation>Besluit…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="152" />
      <source>Choose a decision for the selected findings, then Set status.</source>
      <translation>Kies een besluit voor de geselecteerde bevindingen en klik dan op Status instellen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="160" />
      <source>Zoom</source>
      <translation>Zoomen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="162" />
      <source>Select the selected finding's interventions and zoom to it on the map</source>
      <translation>De interventies van de geselecteerde bevinding selecteren en erop inzoomen op de kaart</translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/gui/check_dock.py" line="258" />
      <source>{} of %n finding(s) shown.</source>
      <translation>
        <numerusform>{} van %n bevinding getoond.</numerusform>
        <numerusform>{} van %n bevindingen getoond.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="318" />
      <source>Choose a decision first.</source>
      <translation>Kies eerst een besluit.</translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/gui/check_dock.py" line="338" />
      <source>Status set on %n finding(s).</source>
      <translation>
        <numerusform>Status ingesteld op %n bevinding.</numerusform>
        <numerusform>Status ingesteld op %n bevindingen.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/gui/check_dock.py" line="361" />
      <source>%n finding(s) written to {}.</source>
      <translation>
        <numerusform>%n bevinding geschreven naar {}.</numerusform>
        <numerusform>%n bevindingen geschreven naar {}.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="380" />
      <source>Select one finding first.</source>
      <translation>Selecteer eerst een bevinding.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_params.py" line="22" />
      <source>Most interventions per neighbourhood and year (count)</source>
      <translation>Maximaal aantal interventies per buurt en jaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_params.py" line="26" />
      <source>Smallest share in a second district (fraction 0–1, 0.05 = 5 %)</source>
      <translation>Kleinste aandeel in een tweede stadsdeel (fractie 0–1, 0,05 = 5 %)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_params.py" line="77" />
      <source>Used by: {}</source>
      <translation>Gebruikt door: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_tree.py" line="39" />
      <source>{}
Note: {}</source>
      <translation>{}
Notitie: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="75" />
      <source>English</source>
      <translation>Engels</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="75" />
      <source>Dutch</source>
      <translation>Nederlands</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="111" />
      <source>The language of the atlas, legends and file contents.</source>
      <translation>De taal van de atlas, de legenda's en de inhoud van de bestanden.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="75" />
      <source>Language</source>
      <translation>Taal</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="132" />
      <source> dpi</source>
      <translation> dpi</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="133" />
      <source>PNG resolution</source>
      <translation>Resolutie PNG</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="154" />
      <source>Open output folder</source>
      <translation>Uitvoermap openen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_dialog.py" line="351" />
      <source>Cancelling…</source>
      <translation>Bezig met annuleren…</translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/gui/export_dock.py" line="309" />
      <source>%n file(s) written to {} ({} atlas pages, {} items).</source>
      <translation>
        <numerusform>%n bestand geschreven naar {} ({} atlaspagina's, {} items).</numerusform>
        <numerusform>%n bestanden geschreven naar {} ({} atlaspagina's, {} items).</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_dialog.py" line="143" />
      <source>Cancel import</source>
      <translation>Import annuleren</translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/gui/interventions_table.py" line="126" />
      <source>%n intervention(s) · budget € {} · funding € {}</source>
      <translation>
        <numerusform>%n interventie · budget € {} · financiering € {}</numerusform>
        <numerusform>%n interventies · budget € {} · financiering € {}</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="43" />
      <source>Draw an area intervention</source>
      <translation>Een vlakinterventie tekenen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/outcome.py" line="28" />
      <source>Open folder</source>
      <translation>Map openen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_dock.py" line="282" />
      <source>{} · no interventions yet</source>
      <translation>{} · nog geen interventies</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/postgis_dialog.py" line="111" />
      <source>Cannot list the schemas of {}: {}</source>
      <translation>De schema's van {} kunnen niet worden opgevraagd: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/postgis_dialog.py" line="133" />
      <source>There are no PostGIS connections in QGIS yet: add one in the Browser (PostGIS &gt; New Connection…), then choose it here.</source>
      <translation>Er zijn nog geen PostGIS-verbindingen in QGIS: maak er een in de Browser (PostGIS &gt; Nieuwe verbinding…) en kies die hier.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/postgis_dialog.py" line="136" />
      <source>Open the programme in schema {}.</source>
      <translation>Het programma in schema {} openen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/postgis_dialog.py" line="138" />
      <source>Create a new, empty programme in schema {}.</source>
      <translation>Een nieuw, leeg programma aanmaken in schema {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/postgis_dialog.py" line="140" />
      <source>Choose a programme schema, or type a new name to create one.</source>
      <translation>Kies een programmaschema, of typ een nieuwe naam om er een aan te maken.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/postgis_dialog.py" line="142" />
      <source>Schema {} holds no programme: choose another, or type a new name to create one.</source>
      <translation>Schema {} bevat geen programma: kies een ander, of typ een nieuwe naam om er een aan te maken.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/postgis_dialog.py" line="153" />
      <source>Choose a PostGIS connection.</source>
      <translation>Kies een PostGIS-verbinding.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/programme_actions.py" line="126" />
      <source>Created {}</source>
      <translation>{} aangemaakt</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/plugin.py" line="79" />
      <source>&amp;Area programme</source>
      <translation>&amp;Gebiedsprogramma</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/copy_programme.py" line="38" />
      <source>A new GeoPackage path or postgres:&lt;QGIS connection&gt;/&lt;schema&gt;; leave it empty to choose a PostGIS connection and schema below.</source>
      <translation>Een nieuw GeoPackage-pad of postgres:&lt;QGIS-verbinding&gt;/&lt;schema&gt;; laat leeg om hieronder een PostGIS-verbinding en schema te kiezen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/copy_programme.py" line="41" />
      <source>New programme: PostGIS connection</source>
      <translation>Nieuw programma: PostGIS-verbinding</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/copy_programme.py" line="41" />
      <source>A saved QGIS PostGIS connection for the new programme (when New programme is empty).</source>
      <translation>Een opgeslagen PostGIS-verbinding van QGIS voor het nieuwe programma (als Nieuw programma leeg is).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/copy_programme.py" line="44" />
      <source>New programme: schema</source>
      <translation>Nieuw programma: schema</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/copy_programme.py" line="44" />
      <source>The schema of the new programme (a new name: lower-case letters, digits and _).</source>
      <translation>Het schema van het nieuwe programma (een nieuwe naam: kleine letters, cijfers en _).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/copy_programme.py" line="72" />
      <source>Give the new programme: a GeoPackage path or postgres:&lt;QGIS connection&gt;/&lt;schema&gt; as New programme, or a PostGIS connection and a schema.</source>
      <translation>Geef het nieuwe programma op: een GeoPackage-pad of postgres:&lt;QGIS-verbinding&gt;/&lt;schema&gt; als Nieuw programma, of een PostGIS-verbinding en een schema.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas.py" line="99" />
      <source>Interventions and programme projects of {} ({}), {}: {} items.</source>
      <translation>Interventies en programmaprojecten van {} ({}), {}: {} items.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/pg_connection.py" line="217" />
      <source>Logging in to the database {} was cancelled.</source>
      <translation>Het inloggen op de database {} is geannuleerd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/pg_connection.py" line="247" />
      <source>The database {} refused the login: {}</source>
      <translation>De database {} weigerde de aanmelding: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/pg_connection.py" line="248" />
      <source>Cannot connect to the database {}: the server cannot be reached or refused the connection ({}).</source>
      <translation>Geen verbinding met de database {}: de server is niet bereikbaar of weigerde de verbinding ({}).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/transfer.py" line="58" />
      <source>The copy was cancelled; nothing was written.</source>
      <translation>Het kopiëren is geannuleerd; er is niets geschreven.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="43" />
      <source>Area</source>
      <comment>geometry</comment>
      <translation>Vlak</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="324" />
      <source>Combine and Do not combine are decisions on chances; Accepted and False positive on the other findings. Select findings of one sort.</source>
      <translation>Combineren en Niet combineren zijn besluiten over kansen; Geaccepteerd en Vals positief over de andere bevindingen. Selecteer bevindingen van één soort.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_params.py" line="27" />
      <source>Combination chance distance (m)</source>
      <translation>Afstand voor combinatiekansen (m)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_params.py" line="28" />
      <source>Combination chance: most years apart (years)</source>
      <translation>Combinatiekans: hoogstens jaren ertussen (jaren)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/intervention_table_model.py" line="22" />
      <source>Contact</source>
      <translation>Contactpersoon</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/intervention_table_model.py" line="43" />
      <source>{} (indicative)</source>
      <translation>{} (indicatief)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_files.py" line="81" />
      <source>Funding backlog</source>
      <translation>Financieringsachterstand</translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/gui/interventions_files.py" line="81" />
      <source>%n intervention(s) short of money written to {}.</source>
      <translation>
        <numerusform>%n interventie met een tekort geschreven naar {}.</numerusform>
        <numerusform>%n interventies met een tekort geschreven naar {}.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_files.py" line="85" />
      <source>Writing the funding backlog</source>
      <translation>De financieringsachterstand wordt geschreven</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_filters.py" line="64" />
      <source>Any planning</source>
      <translation>Elke planning</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_filters.py" line="64" />
      <source>Firm (years or quarters)</source>
      <translation>Vast (jaren of kwartalen)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_filters.py" line="64" />
      <source>To the quarter</source>
      <translation>Op het kwartaal</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_filters.py" line="64" />
      <source>Indicative</source>
      <translation>Indicatief</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_filters.py" line="115" />
      <source>Any funding</source>
      <translation>Alle financiering</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="35" />
      <source>Backlog…</source>
      <translation>Achterstand…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_toolbars.py" line="35" />
      <source>Write the interventions short of money, largest shortfall first (CSV or ODS), of the chosen district</source>
      <translation>Schrijf de interventies met een geldtekort, grootste tekort eerst (CSV of ODS), van het gekozen stadsdeel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_dock.py" line="125" />
      <source>Funding gap</source>
      <translation>Financieringsgat</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_progress.py" line="61" />
      <source>Progress</source>
      <translation>Voortgang</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_funding.py" line="47" />
      <source>Short</source>
      <translation>Tekort</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_funding.py" line="61" />
      <source>{} unfunded and {} partly funded interventions, {} short. Funded: the funding rows add up to the budget (within € 1).</source>
      <translation>{} niet en {} deels gefinancierde interventies, {} tekort. Gefinancierd: de financieringsregels tellen op tot het budget (op € 1 na).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_progress.py" line="75" />
      <source>{} of {} indicators have a measurement and a target; {} reached the target.</source>
      <translation>{} van {} indicatoren hebben een meting en een streefwaarde; {} haalden de streefwaarde.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_progress.py" line="75" />
      <source>No effect indicators in this scope.</source>
      <translation>Geen effectindicatoren in deze selectie.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_progress.py" line="60" />
      <source>Baseline (year)</source>
      <translation>Nulmeting (jaar)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_progress.py" line="60" />
      <source>Latest measured (year)</source>
      <translation>Laatste meting (jaar)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/prompts.py" line="94" />
      <source>Write the funding backlog</source>
      <translation>Financieringsachterstand schrijven</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/prompts.py" line="94" />
      <source>CSV (*.csv);;OpenDocument spreadsheet (*.ods)</source>
      <translation>CSV (*.csv);;OpenDocument-rekenblad (*.ods)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/funding_backlog.py" line="24" />
      <source>Funding backlog (CSV / ODS)</source>
      <translation>Financieringsachterstand (CSV / ODS)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/funding_backlog.py" line="27" />
      <source>Writes the interventions that are not (fully) funded, largest shortfall first: budget, the sum of the funding rows, the shortfall in total and per year, funding status and funders. Funded means the funding rows add up to the budget within 1 EUR; cancelled interventions are left out. The same rule as the Interventions dock's funding filter and the exports.</source>
      <translation>Schrijft de interventies die niet (helemaal) gefinancierd zijn, grootste tekort eerst: budget, de som van de financieringsregels, het tekort in totaal en per jaar, financieringsstatus en financiers. Gefinancierd betekent dat de financieringsregels op 1 EUR na optellen tot het budget; vervallen interventies blijven weg. Dezelfde regel als het financieringsfilter van het dock Interventies en de exports.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/funding_backlog.py" line="34" />
      <source>District (empty: the whole city)</source>
      <translation>Stadsdeel (leeg: de hele stad)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/funding_backlog.py" line="34" />
      <source>A district id; empty or 'city' for the whole city.</source>
      <translation>Een stadsdeelcode; leeg of 'city' voor de hele stad.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/funding_backlog.py" line="51" />
      <source>Backlog</source>
      <translation>Achterstand</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/funding_backlog.py" line="36" />
      <source>CSV files (*.csv);;OpenDocument spreadsheets (*.ods)</source>
      <translation>CSV-bestanden (*.csv);;OpenDocument-rekenbladen (*.ods)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/funding_backlog.py" line="36" />
      <source>Where to write the backlog: .csv or .ods.</source>
      <translation>Waar de achterstand komt: .csv of .ods.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/funding_backlog.py" line="41" />
      <source>Interventions in the backlog</source>
      <translation>Interventies in de achterstand</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/funding_backlog.py" line="42" />
      <source>Total shortfall (EUR)</source>
      <translation>Totaal tekort (EUR)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/funding_backlog.py" line="54" />
      <source>Written: {} ({} interventions)</source>
      <translation>Geschreven: {} ({} interventies)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/funding_backlog.py" line="40" />
      <source>{}: the backlog is written as .csv or .ods.</source>
      <translation>{}: de achterstand wordt geschreven als .csv of .ods.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/ods.py" line="31" />
      <source>{} could not be written.</source>
      <translation>{} kon niet worden geschreven.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/loader.py" line="181" />
      <source>Effect measurements</source>
      <translation>Effectmetingen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_charts.py" line="269" />
      <source>Indicative period</source>
      <translation>Indicatieve periode</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/gpkg_migrate.py" line="167" />
      <source>The upgrade cannot add the spatial table {}.</source>
      <translation>De upgrade kan de ruimtelijke tabel {} niet toevoegen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/web_map.py" line="91" />
      <source>Could not write {}: {}</source>
      <translation>Kon {} niet schrijven: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="72" />
      <source>Portrait</source>
      <translation>Staand</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="72" />
      <source>Landscape</source>
      <translation>Liggend</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="126" />
      <source>Paper</source>
      <translation>Papier</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="140" />
      <source>Empty: the plugin's atlas template for the paper size and orientation.</source>
      <translation>Leeg: het atlassjabloon van de plugin voor het papierformaat en de oriëntatie.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_values.py" line="21" />
      <source>Value in the source</source>
      <translation>Waarde in de bron</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_values.py" line="21" />
      <source>Value in the programme</source>
      <translation>Waarde in het programma</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_dialog.py" line="103" />
      <source>Import the valid rows only</source>
      <translation>Alleen de geldige rijen importeren</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_dialog.py" line="105" />
      <source>Rejected rows are skipped and listed in the report. Off: when any row is rejected, nothing is imported.</source>
      <translation>Afgewezen rijen worden overgeslagen en in het rapport genoemd. Uit: als er een rij wordt afgewezen, wordt er niets geïmporteerd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_dialog.py" line="132" />
      <source>Which source field fills each programme field (proposed from names and aliases; choose a field or write an expression)</source>
      <translation>Welk bronveld elk programmaveld vult (voorgesteld op basis van namen en aliassen; kies een veld of schrijf een expressie)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_dialog.py" line="137" />
      <source>Fields</source>
      <translation>Velden</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_dialog.py" line="197" />
      <source>guessed from the source's fields</source>
      <translation>afgeleid uit de velden van de bron</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_values.py" line="33" />
      <source>Select a programme field with a list of values to map its values.</source>
      <translation>Selecteer een programmaveld met een waardelijst om de waarden te koppelen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_values.py" line="39" />
      <source>Values of {}</source>
      <translation>Waarden van {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_values.py" line="39" />
      <source>{}: no values to map (no source field chosen).</source>
      <translation>{}: geen waarden te koppelen (geen bronveld gekozen).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/import_values.py" line="47" />
      <source>(unknown: reject the row)</source>
      <translation>(onbekend: rij afwijzen)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="67" />
      <source>A .qpt print layout (default: the plugin's atlas template for the paper size and orientation below).</source>
      <translation>Een .qpt-afdruklay-out (standaard: het atlassjabloon van de plugin voor het papierformaat en de oriëntatie hieronder).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="69" />
      <source>Paper size</source>
      <translation>Papierformaat</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="69" />
      <source>Of the plugin's atlas and summary templates; a template of one's own keeps its own size.</source>
      <translation>Van de atlas- en samenvattingssjablonen van de plugin; een eigen sjabloon houdt zijn eigen formaat.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="72" />
      <source>Orientation</source>
      <translation>Oriëntatie</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="72" />
      <source>Portrait: the map on top, legend and table under it; landscape: legend and table beside it.</source>
      <translation>Staand: de kaart boven, legenda en tabel eronder; liggend: legenda en tabel ernaast.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="75" />
      <source>The language of the atlas, legends, file names and file contents (default: QGIS's).</source>
      <translation>De taal van de atlas, legenda's, bestandsnamen en bestandsinhoud (standaard: die van QGIS).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="80" />
      <source>PNG resolution (dpi)</source>
      <translation>PNG-resolutie (dpi)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/export_programme_map.py" line="80" />
      <source>Resolution of the PNG page images.</source>
      <translation>Resolutie van de PNG-pagina's.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="40" />
      <source>Imports districts, neighbourhoods, interventions, programme projects (MJP), area goals or area budgets from any vector source QGIS reads (GeoPackage, shapefile, GeoJSON, CSV with WKT or x/y columns, Excel). Geometries are transformed to the programme's CRS. Rows are matched on their key (code, uid; district and theme for goals; district and year for budgets), so a re-import updates instead of duplicating. The import is one transaction: when any row is rejected nothing is written, unless VALID_ONLY is set. Rejected rows are named by the file's line (CSV, counting the header as line 1), the sheet's row, the GeoPackage fid or the feature number.</source>
      <translation>Importeert stadsdelen, buurten, interventies, programmaprojecten (MJP), gebiedsopgaven of gebiedsbudgetten uit elke vectorbron die QGIS kan lezen (GeoPackage, shapefile, GeoJSON, CSV met WKT- of x/y-kolommen, Excel). Geometrieën worden getransformeerd naar het CRS van het programma. Rijen worden gekoppeld op hun sleutel (code, uid; stadsdeel en thema voor opgaven; stadsdeel en jaar voor budgetten), zodat opnieuw importeren bijwerkt in plaats van dupliceert. De import is één transactie: als er een rij wordt afgewezen, wordt er niets geschreven, tenzij VALID_ONLY aan staat. Afgewezen rijen worden genoemd naar de regel van het bestand (CSV, de kopregel is regel 1), de rij van het werkblad, de fid van de GeoPackage of het objectnummer.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="57" />
      <source>Field mapping</source>
      <translation>Veldkoppeling</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="57" />
      <source>A list of {name: programme field, expression: source field or QGIS expression}, as native:refactorfields takes it, optionally with values: {source value: code}; an empty expression leaves the field out. Programme fields not listed, and an empty mapping, take the proposal from names and aliases; an entry mapping a source field onto itself (the form's default) is skipped.</source>
      <translation>Een lijst van {name: programmaveld, expression: bronveld of QGIS-expressie}, zoals native:refactorfields die aanneemt, eventueel met values: {bronwaarde: code}; een lege expressie laat het veld weg. Programmavelden die niet genoemd worden, en een lege koppeling, krijgen het voorstel op basis van namen en aliassen; een regel die een bronveld op zichzelf koppelt (de standaard van het formulier) wordt overgeslagen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="64" />
      <source>Field mapping (JSON, older form)</source>
      <translation>Veldkoppeling (JSON, oudere vorm)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="64" />
      <source>{"target_field": "source_field" or {"field": "source_field", "values": {"Fysiek": "physical"}}}; empty for the automatic proposal from names and aliases. Use FIELDS_MAPPING or this, not both.</source>
      <translation>{"target_field": "source_field" of {"field": "source_field", "values": {"Fysiek": "physical"}}}; leeg voor het automatische voorstel op basis van namen en aliassen. Gebruik FIELDS_MAPPING of dit, niet allebei.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="106" />
      <source>FIELDS_MAPPING must be a list of {name, expression} entries.</source>
      <translation>FIELDS_MAPPING moet een lijst van {name, expression}-regels zijn.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/import_layer.py" line="108" />
      <source>Give the field mapping once: FIELDS_MAPPING or FIELD_MAPPING, not both.</source>
      <translation>Geef de veldkoppeling één keer: FIELDS_MAPPING of FIELD_MAPPING, niet allebei.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/summary_pages.py" line="136" />
      <source>Page {} of {}</source>
      <translation>Pagina {} van {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_fields.py" line="46" />
      <source>{} (required)</source>
      <translation>{} (verplicht)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_fields.py" line="69" />
      <source>The expression for {} cannot be read: {}</source>
      <translation>De expressie voor {} is niet te lezen: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_fields.py" line="100" />
      <source>The field mapping names {}, which is not a field of {}; the fields are: {}.</source>
      <translation>De veldkoppeling noemt {}, maar dat is geen veld van {}; de velden zijn: {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_fields.py" line="107" />
      <source>The value mapping of {} must be an object of source value: code.</source>
      <translation>De waardekoppeling van {} moet een object van bronwaarde: code zijn.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="47" />
      <source>{where}: the expression for {field} fails ({value}).</source>
      <translation>{where}: de expressie voor {field} mislukt ({value}).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="133" />
      <source>would add {added}, update {updated}, leave {unchanged} unchanged, reject {rejected}</source>
      <translation>zou {added} toevoegen, {updated} bijwerken, {unchanged} ongewijzigd laten, {rejected} afwijzen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="140" />
      <source>the source</source>
      <translation>de bron</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="143" />
      <source>Dry run of {source} into {target} (nothing written): {counts}.</source>
      <translation>Proefrun van {source} naar {target} (niets geschreven): {counts}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="146" />
      <source>Imported the valid rows of {source} into {target}: {counts}; the rejected rows were skipped.</source>
      <translation>De geldige rijen van {source} geïmporteerd in {target}: {counts}; de afgewezen rijen zijn overgeslagen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="149" />
      <source>Imported {source} into {target}: {counts}.</source>
      <translation>{source} geïmporteerd in {target}: {counts}.</translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="152" />
      <source>Nothing imported from {source} into {target}: {rejected} of %n row(s) rejected.</source>
      <translation>
        <numerusform>Niets geïmporteerd uit {source} in {target}: {rejected} van %n rij afgewezen.</numerusform>
        <numerusform>Niets geïmporteerd uit {source} in {target}: {rejected} van %n rijen afgewezen.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="163" />
      <source>Correct the rejected rows and import again.</source>
      <translation>Corrigeer de afgewezen rijen en importeer opnieuw.</translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="164" />
      <source>Correct the rejected rows, or import the valid rows only (%n row(s)).</source>
      <translation>
        <numerusform>Corrigeer de afgewezen rijen, of importeer alleen de geldige rijen (%n rij).</numerusform>
        <numerusform>Corrigeer de afgewezen rijen, of importeer alleen de geldige rijen (%n rijen).</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_source.py" line="86" />
      <source>{}, feature {}: holds text that is not valid UTF-8, although the .cpg file says UTF-8; correct the .cpg (e.g. ISO-8859-1 or CP1252) and try again.</source>
      <translation>{}, object {}: bevat tekst die geen geldige UTF-8 is, hoewel het .cpg-bestand UTF-8 aangeeft; corrigeer de .cpg (bijv. ISO-8859-1 of CP1252) en probeer het opnieuw.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/dossier_action.py" line="41" />
      <source>Folder for the district dossiers</source>
      <translation>Map voor de gebiedsdossiers</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/dossier_action.py" line="54" />
      <source>Preparing the district dossiers</source>
      <translation>Gebiedsdossiers voorbereiden</translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/gui/dossier_action.py" line="68" />
      <source>%n dossier file(s) exist already in {}. Replace them?</source>
      <translation>
        <numerusform>%n dossierbestand bestaat al in {}. Vervangen?</numerusform>
        <numerusform>%n dossierbestanden bestaan al in {}. Vervangen?</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/dossier_action.py" line="89" />
      <source>District dossier</source>
      <translation>Gebiedsdossier</translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/gui/dossier_action.py" line="84" />
      <source>%n file(s) written to {}.</source>
      <translation>
        <numerusform>%n bestand geschreven naar {}.</numerusform>
        <numerusform>%n bestanden geschreven naar {}.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_dock.py" line="90" />
      <source>Dossier…</source>
      <translation>Dossier…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_dock.py" line="92" />
      <source>District dossier: a PDF and a spreadsheet for the chosen district, or for every district when the whole city is chosen.</source>
      <translation>Gebiedsdossier: een PDF en een rekenblad voor het gekozen stadsdeel, of voor elk stadsdeel als de hele stad gekozen is.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_dossier.py" line="44" />
      <source>District dossier (PDF and ODS / CSV)</source>
      <translation>Gebiedsdossier (PDF en ODS / CSV)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_dossier.py" line="47" />
      <source>Writes per district (or only the districts asked for) a PDF and a spreadsheet: a map of the district, every intervention (what, where, when, status, budget, funders, programme code, funding status and shortfall), counts and money per theme, domain and kind, the unfunded part, the findings of the programme check per rule with their decisions (chances included), the stacking per neighbourhood and year and comparable cases in other districts. Files are named dossier_&lt;district id&gt;.pdf / .ods / .csv.</source>
      <translation>Schrijft per stadsdeel (of alleen de gevraagde stadsdelen) een PDF en een rekenblad: een kaart van het stadsdeel, elke interventie (wat, waar, wanneer, status, budget, financiers, programmacode, financieringsstatus en tekort), aantallen en geld per thema, domein en soort, het niet gefinancierde deel, de bevindingen van de programmatoets per regel met hun besluiten (kansen inbegrepen), de stapeling per buurt en jaar en vergelijkbare gevallen in andere stadsdelen. De bestanden heten dossier_&lt;stadsdeel-id&gt;.pdf / .ods / .csv.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_dossier.py" line="60" />
      <source>Districts (empty: every district)</source>
      <translation>Stadsdelen (leeg: elk stadsdeel)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_dossier.py" line="60" />
      <source>Comma-separated district ids; empty for a dossier of every district.</source>
      <translation>Stadsdeel-id's gescheiden door komma's; leeg voor een dossier van elk stadsdeel.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_dossier.py" line="62" />
      <source>Where the files go: dossier_&lt;district id&gt;.pdf and .ods (or .csv).</source>
      <translation>Waar de bestanden komen: dossier_&lt;stadsdeel-id&gt;.pdf en .ods (of .csv).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_dossier.py" line="64" />
      <source>Language (en or nl; empty: QGIS's)</source>
      <translation>Taal (en of nl; leeg: die van QGIS)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_dossier.py" line="64" />
      <source>The dossier's language: texts, names of codes, numbers and dates.</source>
      <translation>De taal van het dossier: teksten, namen van codes, getallen en datums.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_dossier.py" line="66" />
      <source>Replace dossiers of an earlier run; otherwise nothing is written when one exists.</source>
      <translation>Dossiers van een eerdere run vervangen; anders wordt niets geschreven als er één bestaat.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_dossier.py" line="68" />
      <source>Spreadsheet format (ods or csv)</source>
      <translation>Rekenbladformaat (ods of csv)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_dossier.py" line="68" />
      <source>ods: a sheet per section; csv: the sections one after the other in one file.</source>
      <translation>ods: een blad per onderdeel; csv: de onderdelen na elkaar in één bestand.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_dossier.py" line="72" />
      <source>Dossiers</source>
      <translation>Dossiers</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_dossier.py" line="79" />
      <source>Unknown language: {} (choose from {}).</source>
      <translation>Onbekende taal: {} (kies uit {}).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/dossier.py" line="149" />
      <source>Unknown table format: {} (choose from {}).</source>
      <translation>Onbekend tabelformaat: {} (kies uit {}).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_dossier.py" line="86" />
      <source>Reading the programme</source>
      <translation>Programma lezen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_dossier.py" line="89" />
      <source>Writing the dossiers</source>
      <translation>Dossiers schrijven</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/dossier.py" line="65" />
      <source>Unknown districts: {} (known: {}).</source>
      <translation>Onbekende stadsdelen: {} (bekend: {}).</translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/gui/check_dock.py" line="306" />
      <source>%n finding(s) ({} new, {} closed) in {} s.</source>
      <translation>
        <numerusform>%n bevinding ({} nieuw, {} gesloten) in {} s.</numerusform>
        <numerusform>%n bevindingen ({} nieuw, {} gesloten) in {} s.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_filters.py" line="70" />
      <source>Funding, planning</source>
      <translation>Financiering, planning</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_panels.py" line="132" />
      <source>Interventions per neighbourhood per year. More than {} is stacking (red); {} cells over the threshold.</source>
      <translation>Interventies per buurt per jaar. Meer dan {} is stapeling (rood); {} cellen boven de drempel.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_panels.py" line="166" />
      <source>Similarity from 0 to 3: one point for the same domain, one for an overlapping period, and up to one for a budget alike (1 = the same budget).</source>
      <translation>Gelijkenis van 0 tot 3: één punt voor hetzelfde domein, één voor een overlappende periode, en tot één voor een vergelijkbaar budget (1 = hetzelfde budget).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_panels.py" line="172" />
      <source>Same domain {} + overlapping period {} + budget alike {} = {}</source>
      <translation>Zelfde domein {} + overlappende periode {} + vergelijkbaar budget {} = {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_panels.py" line="202" />
      <source>Similarity (0–3)</source>
      <translation>Gelijkenis (0–3)</translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/gui/overview_timeline.py" line="19" />
      <source>%n intervention(s) in this area and period, by start year; click a bar to select it on the map.</source>
      <translation>
        <numerusform>%n interventie in dit gebied en deze periode, op startjaar; klik op een balk om die op de kaart te selecteren.</numerusform>
        <numerusform>%n interventies in dit gebied en deze periode, op startjaar; klik op een balk om die op de kaart te selecteren.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/gui/overview_timeline.py" line="26" />
      <source>Not shown: %n intervention(s) without a valid period (a year missing, or the end before the start): {}</source>
      <translation>
        <numerusform>Niet getoond: %n interventie zonder geldige periode (een jaar ontbreekt, of het eind ligt voor het begin): {}</numerusform>
        <numerusform>Niet getoond: %n interventies zonder geldige periode (een jaar ontbreekt, of het eind ligt voor het begin): {}</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/check_task.py" line="76" />
      <source>The coordinate reference system {} is not known; the check did not run.</source>
      <translation>Het coördinatenreferentiesysteem {} is onbekend; de toets is niet uitgevoerd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/check_task.py" line="81" />
      <source>No transformation from {} to {}; the check did not run.</source>
      <translation>Geen transformatie van {} naar {}; de toets is niet uitgevoerd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/check_task.py" line="88" />
      <source>Coordinates in {} cannot be transformed to {}; the check did not run.</source>
      <translation>Coördinaten in {} kunnen niet naar {} worden getransformeerd; de toets is niet uitgevoerd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/exporter.py" line="177" />
      <source>Exporting the programme map</source>
      <translation>De programmakaart exporteren</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/forms.py" line="145" />
      <source>A title is required.</source>
      <translation>Een titel is verplicht.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/forms.py" line="215" />
      <source>Must meet: {}</source>
      <translation>Moet voldoen aan: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/forms.py" line="220" />
      <source>Required.</source>
      <translation>Verplicht.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/loader.py" line="150" />
      <source>The style {} could not be applied to the layer {}: {}</source>
      <translation>De stijl {} kon niet op de laag {} worden toegepast: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/overview_tables.py" line="90" />
      <source>More than {} interventions in a neighbourhood in a year is stacking (red).</source>
      <translation>Meer dan {} interventies in een buurt in een jaar is stapeling (rood).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/pdf_pages.py" line="88" />
      <source>Writing page images failed: {}</source>
      <translation>Schrijven van de paginaafbeeldingen mislukt: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/forms.py" line="94" />
      <source>(choose)</source>
      <translation>(kies)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas.py" line="115" />
      <source>The layout template {} could not be loaded.</source>
      <translation>De lay-outsjabloon {} kon niet worden geladen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/importer.py" line="160" />
      <source>the coordinates could not be transformed ({})</source>
      <translation>de coördinaten konden niet worden getransformeerd ({})</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/summary_pages.py" line="113" />
      <source>The summary page template {} could not be loaded.</source>
      <translation>Het sjabloon voor de samenvattingspagina {} kon niet worden geladen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/ods.py" line="26" />
      <source>This GDAL cannot write ODS; write the tables as .csv instead.</source>
      <translation>Deze GDAL kan geen ODS schrijven; schrijf de tabellen als .csv.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/intervention_rows.py" line="271" />
      <source>A {} geometry cannot be stored in the layer {}.</source>
      <translation>Een {}-geometrie kan niet in de laag {} worden opgeslagen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/project_layers.py" line="20" />
      <source>QGIS did not take the layer(s) {} into the project.</source>
      <translation>QGIS nam de laag/lagen {} niet op in het project.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas_item_table.py" line="52" />
      <source>Gap</source>
      <translation>Tekort</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/dossier_task.py" line="26" />
      <source>Writing the district dossiers</source>
      <translation>De gebiedsdossiers schrijven</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/dossier_task.py" line="48" />
      <source>The dossier could not be written: {}</source>
      <translation>Het dossier kon niet worden geschreven: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="49" />
      <source>{where}: {field} '{value}' is not a district of this programme (its districts: {extra}).</source>
      <translation>{where}: {field} '{value}' is geen stadsdeel van dit programma (de stadsdelen zijn: {extra}).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="51" />
      <source>{where}: {field} '{value}' is not a neighbourhood of this programme.</source>
      <translation>{where}: {field} '{value}' is geen buurt van dit programma.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="52" />
      <source>{where}: {field} '{value}' is not a neighbourhood of district '{extra}' but of district '{other}'.</source>
      <translation>{where}: {field} '{value}' is geen buurt van stadsdeel '{extra}' maar van stadsdeel '{other}'.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="112" />
      <source>{} was not checked: the programme has no districts yet. Import the districts, then run the check.</source>
      <translation>{} is niet gecontroleerd: het programma heeft nog geen stadsdelen. Importeer de stadsdelen en voer dan de controle uit.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/import_report.py" line="114" />
      <source>{} was not checked: the programme has no neighbourhoods yet. Import the neighbourhoods, then run the check.</source>
      <translation>{} is niet gecontroleerd: het programma heeft nog geen buurten. Importeer de buurten en voer dan de controle uit.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/overview_timeline.py" line="22" />
      <source>The first {} are drawn; choose a district or a shorter period to see the others.</source>
      <translation>De eerste {} zijn getekend; kies een stadsdeel of een kortere periode om de andere te zien.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/check_task.py" line="276" />
      <source>The check ran every rule in memory: {}</source>
      <translation>De toets heeft alle regels in het geheugen uitgevoerd: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/pg_check.py" line="68" />
      <source>PostGIS is not available in the database ({}).</source>
      <translation>PostGIS is niet beschikbaar in de database ({}).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/pg_check.py" line="74" />
      <source>PostGIS {} is older than {}.</source>
      <translation>PostGIS {} is ouder dan {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/atlas_item_table.py" line="245" />
      <source>(continued)</source>
      <translation>(vervolg)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_dock.py" line="200" />
      <source>Reading the interventions… {}</source>
      <translation>Interventies lezen… {}</translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/gui/edit_actions.py" line="53" />
      <source>Delete %n intervention(s)? You can undo this until you save.</source>
      <translation>
        <numerusform>%n interventie verwijderen? Dit kan ongedaan worden gemaakt tot het opslaan.</numerusform>
        <numerusform>%n interventies verwijderen? Dit kan ongedaan worden gemaakt tot het opslaan.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/gui/export_dock.py" line="312" />
      <source>%n file(s) written to {} ({} items).</source>
      <translation>
        <numerusform>%n bestand geschreven naar {} ({} items).</numerusform>
        <numerusform>%n bestanden geschreven naar {} ({} items).</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="146" />
      <source>A check-in is running; pick another copy when it has finished.</source>
      <translation>Er wordt ingecheckt; kies een andere kopie als dat klaar is.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="170" />
      <source>Reading {}…</source>
      <translation>{} lezen…</translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="235" />
      <source>{} new, {} changed, {} deleted rows to check in; %n conflict(s), {} undecided.</source>
      <translation>
        <numerusform>{} nieuwe, {} gewijzigde, {} verwijderde rijen in te checken; %n conflict, {} nog niet beslist.</numerusform>
        <numerusform>{} nieuwe, {} gewijzigde, {} verwijderde rijen in te checken; %n conflicten, {} nog niet beslist.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="282" />
      <source>Mine (offline)</source>
      <translation>Mijn versie (offline)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="282" />
      <source>Theirs (shared)</source>
      <translation>Hun versie (gedeeld)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="311" />
      <source>Pick an offline copy and wait until it has been read.</source>
      <translation>Kies een offline kopie en wacht tot die gelezen is.</translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="337" />
      <source>Not checked in: %n conflict(s) need a decision.</source>
      <translation>
        <numerusform>Niet ingecheckt: %n conflict heeft een besluit nodig.</numerusform>
        <numerusform>Niet ingecheckt: %n conflicten hebben een besluit nodig.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="320" />
      <source>Checking in {}…</source>
      <translation>{} inchecken…</translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/gui/programme_actions.py" line="194" />
      <source>Programme “{}” has unsaved edits in %n intervention(s).</source>
      <translation>
        <numerusform>Programma “{}” heeft niet-opgeslagen bewerkingen in %n interventie.</numerusform>
        <numerusform>Programma “{}” heeft niet-opgeslagen bewerkingen in %n interventies.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/programme_actions.py" line="194" />
      <source>Programme “{}” has unsaved edits.</source>
      <translation>Programma “{}” heeft niet-opgeslagen bewerkingen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/programme_actions.py" line="197" />
      <source>Save them before “{}” is opened?</source>
      <translation>Opslaan voordat “{}” wordt geopend?</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/programme_actions.py" line="212" />
      <source>{} was not opened: the edits of “{}” could not be saved. {}</source>
      <translation>{} is niet geopend: de bewerkingen van “{}” konden niet worden opgeslagen. {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_in.py" line="73" />
      <source>The check-in was cancelled; nothing was checked in.</source>
      <translation>Het inchecken is geannuleerd; er is niets ingecheckt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/check_in_task.py" line="29" />
      <source>Reading {}</source>
      <translation>{} lezen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/check_in_task.py" line="29" />
      <source>Checking in {}</source>
      <translation>{} inchecken</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/check_in_task.py" line="63" />
      <source>Reading {} was cancelled.</source>
      <translation>Het lezen van {} is geannuleerd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/check_in_task.py" line="64" />
      <source>The check-in of {} was cancelled; nothing was checked in.</source>
      <translation>Het inchecken van {} is geannuleerd; er is niets ingecheckt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/check_in_task.py" line="67" />
      <source>Reading {} failed: {}</source>
      <translation>Lezen van {} is mislukt: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/check_in_task.py" line="67" />
      <source>Checking in {} failed: {}</source>
      <translation>Inchecken van {} is mislukt: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/pg_check.py" line="316" />
      <source>The check read every row: {}</source>
      <translation>De controle las alle rijen: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/save.py" line="101" />
      <source>“{}” has no value for: {}.</source>
      <translation>“{}” heeft geen waarde voor: {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/save.py" line="102" />
      <source>These fields are required. Fill them in and save again; nothing was written, your edits are still in the edit buffer.</source>
      <translation>Deze velden zijn verplicht. Vul ze in en sla opnieuw op; er is niets geschreven, uw bewerkingen staan nog in de bewerkingsbuffer.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_out.py" line="44" />
      <source>District codes such as noord,oost (the dialog lists them by name to tick); empty or city: the whole city.</source>
      <translation>Stadsdeelcodes zoals noord,oost (het venster toont de stadsdelen met naam om aan te vinken); leeg of city: de hele stad.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_picker.py" line="93" />
      <source>None ticked: the whole city.</source>
      <translation>Niets aangevinkt: de hele stad.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_picker.py" line="93" />
      <source>Choose the programme to list its districts; none ticked: the whole city.</source>
      <translation>Kies het programma om de stadsdelen te zien; niets aangevinkt: de hele stad.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/edit_session.py" line="119" />
      <source>Reading the row versions of {} failed: {}</source>
      <translation>Het lezen van de rijversies van {} is mislukt: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/programme_actions.py" line="60" />
      <source>Opening {}…</source>
      <translation>{} wordt geopend…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/programme_actions.py" line="73" />
      <source>{} was not opened.</source>
      <translation>{} is niet geopend.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/prompts.py" line="36" />
      <source>Restore</source>
      <translation>Herstellen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/prompts.py" line="38" />
      <source>Later</source>
      <translation>Later</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/recovery.py" line="59" />
      <source>Unsaved edits of {} cannot be kept for recovery: {}</source>
      <translation>Niet-opgeslagen bewerkingen van {} kunnen niet voor herstel worden bewaard: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/recovery.py" line="80" />
      <source>The recovery file {} could not be read: {}</source>
      <translation>Het herstelbestand {} kon niet worden gelezen: {}</translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/gui/recovery.py" line="86" />
      <source>QGIS closed with %n unsaved edit(s) in programme “{}” ({}, {}). Restore them?</source>
      <translation>
        <numerusform>QGIS werd afgesloten met %n niet-opgeslagen bewerking in programma “{}” ({}, {}). Herstellen?</numerusform>
        <numerusform>QGIS werd afgesloten met %n niet-opgeslagen bewerkingen in programma “{}” ({}, {}). Herstellen?</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/recovery.py" line="95" />
      <source>The unsaved edits were discarded (a copy is kept for {} days in {}).</source>
      <translation>De niet-opgeslagen bewerkingen zijn verworpen (een kopie blijft {} dagen bewaard in {}).</translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/gui/recovery.py" line="118" />
      <source>Restored %n unsaved edit(s). Review them and save as usual.</source>
      <translation>
        <numerusform>%n niet-opgeslagen bewerking hersteld. Controleer ze en sla op zoals gewoonlijk.</numerusform>
        <numerusform>%n niet-opgeslagen bewerkingen hersteld. Controleer ze en sla op zoals gewoonlijk.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/gui/recovery.py" line="120" />
      <source>%n of these rows were changed by someone else since; saving will ask you to resolve.</source>
      <translation>
        <numerusform>%n van deze rijen is sindsdien door iemand anders gewijzigd; bij het opslaan wordt u gevraagd dit op te lossen.</numerusform>
        <numerusform>%n van deze rijen zijn sindsdien door iemand anders gewijzigd; bij het opslaan wordt u gevraagd dit op te lossen.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../gebiedsplugin/gui/recovery.py" line="123" />
      <source>%n of these rows were deleted by someone else since; their edits could not be restored.</source>
      <translation>
        <numerusform>%n van deze rijen is sindsdien door iemand anders verwijderd; de bewerkingen ervan konden niet worden hersteld.</numerusform>
        <numerusform>%n van deze rijen zijn sindsdien door iemand anders verwijderd; hun bewerkingen konden niet worden hersteld.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/edit_journal.py" line="174" />
      <source>{} cannot be edited.</source>
      <translation>{} kan niet worden bewerkt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/edit_journal.py" line="185" />
      <source>Restore unsaved edits</source>
      <translation>Niet-opgeslagen bewerkingen herstellen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/open_task.py" line="37" />
      <source>Opening programme {}</source>
      <translation>Programma {} openen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/open_task.py" line="68" />
      <source>Opening {} failed: {}</source>
      <translation>Openen van {} mislukt: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/gpkg_writer.py" line="226" />
      <source>{} of {} rows updated</source>
      <translation>{} van {} rijen bijgewerkt</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="216" />
      <source>Reading the findings…</source>
      <translation>Bevindingen lezen…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/check_dock.py" line="230" />
      <source>Reading the findings failed.</source>
      <translation>Het lezen van de bevindingen is mislukt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/export_dock.py" line="323" />
      <source>Open a programme, or choose one under Programme, to export it.</source>
      <translation>Open een programma, of kies er een bij Programma, om het te exporteren.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_dock.py" line="137" />
      <source>No programme open. Open or create one, or try the sample city: Area programme &gt; Generate sample city…</source>
      <translation>Geen programma geopend. Open of maak er een, of probeer de voorbeeldstad: Gebiedsprogramma &gt; Voorbeeldstad maken…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/interventions_table.py" line="105" />
      <source>Sorting the interventions…</source>
      <translation>Interventies sorteren…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="230" />
      <source>Nothing to check in: the copy has no changes since it was checked out. Check in only closes its check-out.</source>
      <translation>Niets om in te checken: de kopie is niet gewijzigd sinds het uitchecken. Inchecken sluit alleen het uitchecken af.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="315" />
      <source>Nothing to check in</source>
      <translation>Niets om in te checken</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="315" />
      <source>{} has no changes since it was checked out. Close its check-out anyway? The copy cannot be checked in after that.</source>
      <translation>{} is niet gewijzigd sinds het uitchecken. Het uitchecken toch afsluiten? De kopie kan daarna niet meer worden ingecheckt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/merge_dock.py" line="344" />
      <source>The check-out of {} is closed; it had no changes.</source>
      <translation>Het uitchecken van {} is afgesloten; er was niets gewijzigd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/programme_actions.py" line="133" />
      <source>No districts yet: import them first.</source>
      <translation>Nog geen stadsdelen: importeer die eerst.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/findings_read.py" line="28" />
      <source>Reading the findings of {}</source>
      <translation>Bevindingen van {} lezen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/findings_read.py" line="45" />
      <source>Reading the findings of {} failed: {}</source>
      <translation>Het lezen van de bevindingen van {} is mislukt: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/guard_texts.py" line="16" />
      <source>Programme rows are saved only through the gebiedsplugin, which checks that nobody else saved them after they were read. Open the programme with Area programme &gt; Open programme… and edit it in its layers there (a programme table opened as a plain QGIS layer cannot save). If the plugin has just refused your save, its own message says why.</source>
      <translation>Rijen van een programma worden alleen opgeslagen via de gebiedsplugin, die controleert dat niemand anders ze heeft opgeslagen nadat ze werden gelezen. Open het programma met Gebiedsprogramma &gt; Programma openen… en bewerk het daar in zijn lagen (een programmatabel die als gewone QGIS-laag is geopend, kan niet opslaan). Heeft de plugin het opslaan zojuist geweigerd, dan zegt haar eigen melding waarom.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/guard_texts.py" line="25" />
      <source>This row was not changed: the change did not come through the plugin.</source>
      <translation>Deze rij is niet gewijzigd: de wijziging kwam niet via de plugin.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/guard_texts.py" line="26" />
      <source>This row was not changed: the row_version written is not the next one (someone else saved the row after it was read).</source>
      <translation>Deze rij is niet gewijzigd: de geschreven row_version is niet de volgende (iemand anders heeft de rij opgeslagen nadat die werd gelezen).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/guard_texts.py" line="28" />
      <source>This row was not added: the new row did not come through the plugin.</source>
      <translation>Deze rij is niet toegevoegd: de nieuwe rij kwam niet via de plugin.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/guard_texts.py" line="29" />
      <source>This row was not deleted: the delete did not come through the plugin.</source>
      <translation>Deze rij is niet verwijderd: het verwijderen kwam niet via de plugin.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/pg_connection.py" line="145" />
      <source>A temporary certificate file could not be removed: {} ({})</source>
      <translation>Een tijdelijk certificaatbestand kon niet worden verwijderd: {} ({})</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/pg_connection.py" line="240" />
      <source>The database {} is not trusted: its server certificate is not signed by an authority QGIS trusts (Settings &gt; Options &gt; Authentication &gt; Certificate Manager): {}.</source>
      <translation>De database {} wordt niet vertrouwd: het servercertificaat is niet ondertekend door een certificaatautoriteit die QGIS vertrouwt (Instellingen &gt; Opties &gt; Authenticatie &gt; Certificaatbeheer): {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/pg_connection.py" line="244" />
      <source>The database {} refused the client certificate of the QGIS authentication configuration {}: {}.</source>
      <translation>De database {} weigerde het clientcertificaat van de QGIS-authenticatieconfiguratie {}: {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/source_text.py" line="31" />
      <source>“{schema}” (database “{database}” on {host})</source>
      <translation>“{schema}” (database “{database}” op {host})</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/source_text.py" line="31" />
      <source>“{schema}” (database “{database}”)</source>
      <translation>“{schema}” (database “{database}”)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/source_text.py" line="34" />
      <source>“{schema}” (PostGIS connection “{connection}”)</source>
      <translation>“{schema}” (PostGIS-verbinding “{connection}”)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/check_out.py" line="68" />
      <source>The check-out was cancelled; nothing was checked out.</source>
      <translation>Het uitchecken is geannuleerd; er is niets uitgecheckt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/programme_actions.py" line="261" />
      <source>Upgrading {}…</source>
      <translation>{} bijwerken…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/programme_actions.py" line="266" />
      <source>{} was not upgraded and not opened: cancelled, nothing was changed.</source>
      <translation>{} is niet bijgewerkt en niet geopend: geannuleerd, er is niets gewijzigd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/upgrade_programme.py" line="44" />
      <source>{} was not upgraded: cancelled, nothing was changed.</source>
      <translation>{} is niet bijgewerkt: geannuleerd, er is niets gewijzigd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/pg_migrate.py" line="304" />
      <source>Your login may not create tables in the schema {}, so it cannot be upgraded; ask who manages the database (nothing was changed).</source>
      <translation>Uw login mag geen tabellen maken in het schema {}, dus het kan niet worden bijgewerkt; vraag het aan wie de database beheert (er is niets gewijzigd).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/uid_guard.py" line="28" />
      <source>New uid for a copied row</source>
      <translation>Nieuwe uid voor een gekopieerde rij</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/upgrade_task.py" line="24" />
      <source>Upgrading {}</source>
      <translation>{} bijwerken</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/gui/neighbourhood_widget.py" line="193" />
      <source>Neighbourhood of the form's district</source>
      <translation>Buurt uit het stadsdeel van het formulier</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/pg_migrate.py" line="365" />
      <source>The check's tables of {} were left as they were: {}</source>
      <translation>De controletabellen van {} zijn gelaten zoals ze waren: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/store/pg_snapshot.py" line="83" />
      <source>The check's sessions each read the programme at their own moment: {}</source>
      <translation>De sessies van de controle lezen het programma elk op hun eigen moment: {}</translation>
    </message>
  </context>
  <context>
    <name>QObject</name>
    <message>
      <location filename="../gebiedsplugin/processing_provider/district_picker.py" line="65" />
      <source>%1 [optional]</source>
      <translation>%1 [optioneel]</translation>
    </message>
  </context>
  <context>
    <name>dossier</name>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="12" />
      <source>District dossier</source>
      <translation>Gebiedsdossier</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="13" />
      <source>Interventions</source>
      <translation>Interventies</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="14" />
      <source>Per theme</source>
      <translation>Per thema</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="15" />
      <source>Per domain</source>
      <translation>Per domein</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="16" />
      <source>Per kind</source>
      <translation>Per soort</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="17" />
      <source>Funding status</source>
      <translation>Financieringsstatus</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="18" />
      <source>Findings of the programme check</source>
      <translation>Bevindingen van de programmatoets</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="19" />
      <source>Findings per rule</source>
      <translation>Bevindingen per regel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="20" />
      <source>Stacking: interventions per neighbourhood and year</source>
      <translation>Stapeling: interventies per buurt en jaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="21" />
      <source>Comparable cases in other districts</source>
      <translation>Vergelijkbare gevallen in andere stadsdelen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="22" />
      <source>Effects over time</source>
      <translation>Effecten door de tijd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="23" />
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="24" />
      <source>Theme</source>
      <translation>Thema</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="25" />
      <source>Where</source>
      <translation>Waar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="26" />
      <source>When</source>
      <translation>Wanneer</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="27" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="28" />
      <source>Budget</source>
      <translation>Budget</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="29" />
      <source>Funders</source>
      <translation>Financiers</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="29" />
      <source>Programme code</source>
      <translation>Programmacode</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="30" />
      <source>Funding</source>
      <translation>Financiering</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="30" />
      <source>Shortfall</source>
      <translation>Tekort</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="31" />
      <source>UID</source>
      <translation>UID</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="32" />
      <source>Start year</source>
      <translation>Startjaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="33" />
      <source>End year</source>
      <translation>Eindjaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="34" />
      <source>Kind</source>
      <translation>Soort</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="35" />
      <source>Domain</source>
      <translation>Domein</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="36" />
      <source>Number</source>
      <translation>Aantal</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="37" />
      <source>Funded</source>
      <translation>Gefinancierd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="38" />
      <source>Rule</source>
      <translation>Regel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="39" />
      <source>Severity</source>
      <translation>Ernst</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="40" />
      <source>Decision</source>
      <translation>Besluit</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="41" />
      <source>Note</source>
      <translation>Toelichting</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="42" />
      <source>Finding</source>
      <translation>Bevinding</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="43" />
      <source>Open</source>
      <translation>Open</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="43" />
      <source>Decided by, on</source>
      <translation>Besloten door, op</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="44" />
      <source>Neighbourhood</source>
      <translation>Buurt</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="45" />
      <source>Comparable case</source>
      <translation>Vergelijkbaar geval</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="46" />
      <source>District</source>
      <translation>Stadsdeel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="46" />
      <source>Similarity (0-3)</source>
      <translation>Gelijkenis (0-3)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="47" />
      <source>Indicator</source>
      <translation>Indicator</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="47" />
      <source>Baseline</source>
      <translation>Nulmeting</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="48" />
      <source>Target</source>
      <translation>Doel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="49" />
      <source>Year</source>
      <translation>Jaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="50" />
      <source>Measured</source>
      <translation>Gemeten</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="51" />
      <source>Progress</source>
      <translation>Voortgang</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="52" />
      <source>Total</source>
      <translation>Totaal</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="53" />
      <source>Unknown</source>
      <translation>Onbekend</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="54" />
      <source>City-wide</source>
      <translation>Stedelijk</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="55" />
      <source>None</source>
      <translation>Geen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="56" />
      <source>More than {} interventions in a neighbourhood in a year is stacking (marked *).</source>
      <translation>Meer dan {} interventies in een buurt in een jaar is stapeling (gemarkeerd met *).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="58" />
      <source>Measured values per year follow when the programme records them (schema 3).</source>
      <translation>Gemeten waarden per jaar volgen zodra het programma ze vastlegt (schema 3).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="60" />
      <source>{n} interventions · budget {budget} · funded {funded} · short {short}</source>
      <translation>{n} interventies · budget {budget} · gefinancierd {funded} · tekort {short}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="61" />
      <source>Made on {}</source>
      <translation>Gemaakt op {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="62" />
      <source>Page</source>
      <translation>Pagina</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="63" />
      <source>Nothing to list.</source>
      <translation>Niets te melden.</translation>
    </message>
  </context>
  <context>
    <name>export_files</name>
    <message>
      <location filename="../gebiedsplugin/core/export_plan.py" line="25" />
      <source>programme_map</source>
      <translation>programmakaart</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_plan.py" line="26" />
      <source>city</source>
      <translation>stad</translation>
    </message>
  </context>
  <context>
    <name>export_schema</name>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Source</source>
      <translation>Bron</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Where the item comes from: an intervention or a programme project (MJP).</source>
      <translation>Herkomst: een interventie of een programmaproject (MJP).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>UID / code</source>
      <translation>UID / code</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Stable key: the intervention's UUID, or the project's programme code.</source>
      <translation>Vaste sleutel: de UUID van de interventie of de programmacode van het project.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Programme code</source>
      <translation>Programmacode</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Code of the programme (MJP) line the item belongs to.</source>
      <translation>Code van de programmaregel (MJP) waar het item onder valt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Title as the planner wrote it.</source>
      <translation>Titel zoals de planner die schreef.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Domain</source>
      <translation>Domein</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Physical or social; empty for programme projects.</source>
      <translation>Fysiek of sociaal; leeg bij programmaprojecten.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Kind</source>
      <translation>Soort</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Kind of work; `programme` for programme projects.</source>
      <translation>Soort werk; `programme` bij programmaprojecten.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Category</source>
      <translation>Categorie</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Legend category: domain_kind, or `programme`.</source>
      <translation>Legendacategorie: domein_soort, of `programme`.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Theme</source>
      <translation>Thema</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Policy theme.</source>
      <translation>Beleidsthema.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>District code</source>
      <translation>Stadsdeelcode</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Code of the district (stadsdeel); `city` for city-wide items.</source>
      <translation>Code van het stadsdeel; `city` voor stadsbrede items.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>District</source>
      <translation>Stadsdeel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Name of the district.</source>
      <translation>Naam van het stadsdeel.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Neighbourhood code</source>
      <translation>Buurtcode</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Code of the neighbourhood (buurt).</source>
      <translation>Code van de buurt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Neighbourhood</source>
      <translation>Buurt</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Name of the neighbourhood.</source>
      <translation>Naam van de buurt.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Start year</source>
      <translation>Startjaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>First calendar year of the work.</source>
      <translation>Eerste kalenderjaar van het werk.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>End year</source>
      <translation>Eindjaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Last calendar year of the work (inclusive).</source>
      <translation>Laatste kalenderjaar van het werk (inclusief).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Start quarter</source>
      <translation>Startkwartaal</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Quarter (1-4) of the start year the work starts in; empty when planned in whole years.</source>
      <translation>Kwartaal (1-4) van het startjaar waarin het werk begint; leeg bij planning in hele jaren.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>End quarter</source>
      <translation>Eindkwartaal</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Quarter (1-4) of the end year the work ends in (inclusive); empty when planned in whole years.</source>
      <translation>Kwartaal (1-4) van het eindjaar waarin het werk eindigt (inclusief); leeg bij planning in hele jaren.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Period precision</source>
      <translation>Precisie periode</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>How firm the period is: whole years, to the quarter, or indicative (years further ahead, not yet firm).</source>
      <translation>Hoe vast de periode is: hele jaren, op het kwartaal, of indicatief (jaren verder weg, nog niet vast).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Period</source>
      <translation>Periode</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>The period as planned, e.g. `2027 Q3-2028 Q4` or `2029-2031 (indicative)`.</source>
      <translation>De periode zoals gepland, bijv. `2027 Q3-2028 Q4` of `2029-2031 (indicatief)`.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Stage of the work.</source>
      <translation>Fase van het werk.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Budget (EUR)</source>
      <translation>Budget (EUR)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Total budget over all years.</source>
      <translation>Totaalbudget over alle jaren.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Funders</source>
      <translation>Financiers</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Funder codes, comma-separated: the intervention's own funder, then its funding rows; empty when unfunded.</source>
      <translation>Financiercodes, met komma's: de eigen financier, dan de financieringsregels; leeg als niet gefinancierd.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Funding</source>
      <translation>Financiering</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Funded, partly funded or unfunded: the sum of the intervention's funding rows against its budget, with 1 EUR tolerance; `no_budget` when the budget is missing; empty for programme projects (docs/funding_gap.md).</source>
      <translation>Gefinancierd, deels of niet: de som van de financieringsregels van de interventie tegen haar budget, met 1 EUR marge; `no_budget` als het budget ontbreekt; leeg bij programmaprojecten (docs/funding_gap.md).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Shortfall (EUR)</source>
      <translation>Tekort (EUR)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Budget minus the funding rows' sum, at least 0; empty without a budget and for programme projects.</source>
      <translation>Budget min de som van de financieringsregels, minstens 0; leeg zonder budget en bij programmaprojecten.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Contact</source>
      <translation>Contactpersoon</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Person or team to ask about the intervention; empty for programme projects.</source>
      <translation>Persoon of team om te vragen naar de interventie; leeg bij programmaprojecten.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Open findings</source>
      <translation>Open bevindingen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Open findings of the programme check that name this item.</source>
      <translation>Open bevindingen van de programmatoets die dit item noemen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Geometry</source>
      <translation>Geometrie</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Point, line or polygon.</source>
      <translation>Punt, lijn of vlak.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Schema version</source>
      <translation>Schemaversie</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/export_schema.py" line="71" />
      <source>Version of this export schema.</source>
      <translation>Versie van dit exportschema.</translation>
    </message>
  </context>
  <context>
    <name>funding_gap</name>
    <message>
      <location filename="../gebiedsplugin/core/funding_gap.py" line="40" />
      <source>Funded</source>
      <translation>Gefinancierd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/funding_gap.py" line="41" />
      <source>Partly funded</source>
      <translation>Deels gefinancierd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/funding_gap.py" line="42" />
      <source>Unfunded</source>
      <translation>Niet gefinancierd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/funding_gap.py" line="43" />
      <source>No budget</source>
      <translation>Geen budget</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/funding_gap.py" line="237" />
      <source>Rank</source>
      <translation>Rang</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/funding_gap.py" line="237" />
      <source>UID</source>
      <translation>UID</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/funding_gap.py" line="237" />
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/funding_gap.py" line="237" />
      <source>District</source>
      <translation>Stadsdeel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/funding_gap.py" line="237" />
      <source>Theme</source>
      <translation>Thema</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/funding_gap.py" line="237" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/funding_gap.py" line="237" />
      <source>Start year</source>
      <translation>Startjaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/funding_gap.py" line="237" />
      <source>End year</source>
      <translation>Eindjaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/funding_gap.py" line="237" />
      <source>Budget (EUR)</source>
      <translation>Budget (EUR)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/funding_gap.py" line="237" />
      <source>Funded (EUR)</source>
      <translation>Gefinancierd (EUR)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/funding_gap.py" line="237" />
      <source>Shortfall (EUR)</source>
      <translation>Tekort (EUR)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/funding_gap.py" line="237" />
      <source>Funding</source>
      <translation>Financiering</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/funding_gap.py" line="237" />
      <source>Funders</source>
      <translation>Financiers</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/funding_gap.py" line="237" />
      <source>Shortfall per year (EUR)</source>
      <translation>Tekort per jaar (EUR)</translation>
    </message>
  </context>
  <context>
    <name>layout_text</name>
    <message>
      <location filename="../gebiedsplugin/qgis_io/layout_text.py" line="22" />
      <source>M</source>
      <translation> mln</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/layout_text.py" line="23" />
      <source>B</source>
      <translation> mld</translation>
    </message>
  </context>
  <context>
    <name>months</name>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="65" />
      <source>January</source>
      <translation>januari</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="65" />
      <source>February</source>
      <translation>februari</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="65" />
      <source>March</source>
      <translation>maart</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="65" />
      <source>April</source>
      <translation>april</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="65" />
      <source>May</source>
      <translation>mei</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="65" />
      <source>June</source>
      <translation>juni</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="65" />
      <source>July</source>
      <translation>juli</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="65" />
      <source>August</source>
      <translation>augustus</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="65" />
      <source>September</source>
      <translation>september</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="65" />
      <source>October</source>
      <translation>oktober</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="65" />
      <source>November</source>
      <translation>november</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/dossier_texts.py" line="65" />
      <source>December</source>
      <translation>december</translation>
    </message>
  </context>
  <context>
    <name>numbers</name>
    <message>
      <location filename="../gebiedsplugin/toolbelt/numbers.py" line="16" />
      <source>€ {}M</source>
      <translation>€ {} mln</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/toolbelt/numbers.py" line="17" />
      <source>€ {}B</source>
      <translation>€ {} mld</translation>
    </message>
  </context>
  <context>
    <name>periods</name>
    <message>
      <location filename="../gebiedsplugin/core/periods.py" line="32" />
      <source>indicative</source>
      <translation>indicatief</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/periods.py" line="33" />
      <source>{} and {}</source>
      <translation>{} en {}</translation>
    </message>
  </context>
  <context>
    <name>rules:budget_exceeded</name>
    <message>
      <location filename="../gebiedsplugin/core/rules/budget_exceeded.py" line="25" />
      <source>Area budget exceeded</source>
      <translation>Gebiedsbudget overschreden</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/budget_exceeded.py" line="32" />
      <source>Planned money in district {district} in {year}: {total} EUR exceeds the area budget of {budget} EUR by {diff} EUR</source>
      <translation>Gepland geld in stadsdeel {district} in {year}: € {total} overschrijdt het gebiedsbudget van € {budget} met € {diff}</translation>
    </message>
  </context>
  <context>
    <name>rules:combination_chance</name>
    <message>
      <location filename="../gebiedsplugin/core/rules/combination_chance.py" line="48" />
      <source>Combination chances</source>
      <translation>Combinatiekansen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/combination_chance.py" line="58" />
      <source>the street is opened once for both</source>
      <translation>de straat gaat één keer open voor beide</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/combination_chance.py" line="59" />
      <source>one redesign of the street profile</source>
      <translation>één herinrichting van het straatprofiel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/combination_chance.py" line="60" />
      <source>cables and pipes go in while the street is open</source>
      <translation>kabels en leidingen gaan mee terwijl de straat open ligt</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/combination_chance.py" line="64" />
      <source>rainwater goes to the green: climate adaptation in one go</source>
      <translation>regenwater naar het groen: klimaatadaptatie in één keer</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/combination_chance.py" line="68" />
      <source>trees and road in one street design</source>
      <translation>bomen en weg in één straatontwerp</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/combination_chance.py" line="73" />
      <source>renovation and energy measures in one go</source>
      <translation>renovatie en energiemaatregelen in één keer</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/combination_chance.py" line="75" />
      <source>building works and street layout in one planning</source>
      <translation>bouw en inrichting in één planning</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/combination_chance.py" line="78" />
      <source>the same kind of work by different owners: one contract</source>
      <translation>hetzelfde soort werk van verschillende eigenaren: één aanbesteding</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/combination_chance.py" line="80" />
      <source>different works at one place: at least one construction period</source>
      <translation>verschillende werken op één plek: in elk geval één bouwperiode</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/combination_chance.py" line="85" />
      <source>Chance to combine (score {score}/100): {members}. {overlap}; {time}; {kinds}. Score: overlap {p_overlap} + time {p_time} + kinds {p_kinds}</source>
      <translation>Kans om te combineren (score {score}/100): {members}. {overlap}; {time}; {kinds}. Score: overlap {p_overlap} + tijd {p_time} + soorten {p_kinds}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/combination_chance.py" line="88" />
      <source>{pct}% of {x} lies within {dist} m of {y}</source>
      <translation>{pct}% van {x} ligt binnen {dist} m van {y}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/combination_chance.py" line="89" />
      <source>{x} and {y} lie {d} m apart</source>
      <translation>{x} en {y} liggen {d} m uit elkaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/combination_chance.py" line="90" />
      <source>both run in {years}</source>
      <translation>beide lopen in {years}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/combination_chance.py" line="91" />
      <source>{later} starts {gap} year(s) after {earlier} ends</source>
      <translation>{later} begint {gap} jaar na het einde van {earlier}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/combination_chance.py" line="92" />
      <source>{a} and {b}: {why}</source>
      <translation>{a} en {b}: {why}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/combination_chance.py" line="93" />
      <source>both {a}: {why}</source>
      <translation>beide {a}: {why}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/combination_chance.py" line="94" />
      <source>{names} and {n} more</source>
      <translation>{names} en nog {n}</translation>
    </message>
  </context>
  <context>
    <name>rules:conflict</name>
    <message>
      <location filename="../gebiedsplugin/core/rules/conflict.py" line="24" />
      <source>Conflicting works</source>
      <translation>Conflicterende werken</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/conflict.py" line="31" />
      <source>Physical works {a} and {b} lie within {dist} m of each other and overlap in {years}: coordinate or combine them</source>
      <translation>Fysieke werken {a} en {b} liggen binnen {dist} m van elkaar en overlappen in {years}: stem ze af of combineer ze</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/conflict.py" line="34" />
      <source>Physical works {a} and {b} lie within {dist} m of each other and may overlap in {years} (indicative period of {which}): a possible conflict, coordinate them when the planning is firmer</source>
      <translation>Fysieke werken {a} en {b} liggen binnen {dist} m van elkaar en overlappen mogelijk in {years} (indicatieve periode van {which}): een mogelijk conflict, stem ze af als de planning vaster is</translation>
    </message>
  </context>
  <context>
    <name>rules:data_quality</name>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="28" />
      <source>Data quality</source>
      <translation>Datakwaliteit</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="42" />
      <source>{label} has no geometry</source>
      <translation>{label} heeft geen geometrie</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="44" />
      <source>{label} has an invalid geometry: {reason} (the spot is marked on the map)</source>
      <translation>{label} heeft een ongeldige geometrie: {reason} (de plek staat op de kaart)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="46" />
      <source>{label} lies (partly) outside the city</source>
      <translation>{label} ligt (deels) buiten de stad</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="48" />
      <source>{label}: mandatory fields missing: {fields}</source>
      <translation>{label}: verplichte velden ontbreken: {fields}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="50" />
      <source>{label}: start/end year is not a year between {lo} and {hi}</source>
      <translation>{label}: start-/eindjaar is geen jaar tussen {lo} en {hi}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="52" />
      <source>{label}: end year {end} is before start year {start}</source>
      <translation>{label}: eindjaar {end} ligt voor startjaar {start}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="58" />
      <source>{label}: negative budget ({amount} EUR)</source>
      <translation>{label}: negatief budget (€ {amount})</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="60" />
      <source>{label}: budget {amount} EUR is not plausible (more than {max} EUR)</source>
      <translation>{label}: budget € {amount} is niet aannemelijk (meer dan € {max})</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="62" />
      <source>{label}: uid {uid} is used by {n} interventions</source>
      <translation>{label}: uid {uid} wordt door {n} interventies gebruikt</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="79" />
      <source>its outline crosses itself</source>
      <translation>de omtrek snijdt zichzelf</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="80" />
      <source>an outline touches itself</source>
      <translation>een omtrek raakt zichzelf</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="81" />
      <source>it has too few points</source>
      <translation>er zijn te weinig punten</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="82" />
      <source>a hole lies outside the outline</source>
      <translation>een gat ligt buiten de omtrek</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="83" />
      <source>holes lie inside each other</source>
      <translation>gaten liggen in elkaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="84" />
      <source>parts lie inside each other</source>
      <translation>delen liggen in elkaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="85" />
      <source>its inside falls apart</source>
      <translation>het binnenste valt uiteen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="86" />
      <source>an outline is not closed</source>
      <translation>een omtrek is niet gesloten</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="87" />
      <source>a coordinate is not a number</source>
      <translation>een coördinaat is geen getal</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="88" />
      <source>an outline occurs twice</source>
      <translation>een omtrek komt twee keer voor</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="54" />
      <source>{label}: start/end quarter is not a quarter 1-4</source>
      <translation>{label}: start-/eindkwartaal is geen kwartaal 1-4</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/data_quality.py" line="56" />
      <source>{label}: end {end} is before start {start}</source>
      <translation>{label}: einde {end} ligt voor begin {start}</translation>
    </message>
  </context>
  <context>
    <name>rules:district_mismatch</name>
    <message>
      <location filename="../gebiedsplugin/core/rules/district_mismatch.py" line="25" />
      <source>District mismatch</source>
      <translation>Stadsdeel klopt niet</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/district_mismatch.py" line="32" />
      <source>{label} is stored in district {stored} but lies in {actual}</source>
      <translation>{label} is vastgelegd in stadsdeel {stored} maar ligt in {actual}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/district_mismatch.py" line="34" />
      <source>{label} lies in several districts ({shares}); mark it city-wide or split it</source>
      <translation>{label} ligt in meerdere stadsdelen ({shares}); markeer het als stedelijk of splits het</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/district_mismatch.py" line="36" />
      <source>(none)</source>
      <translation>(geen)</translation>
    </message>
  </context>
  <context>
    <name>rules:duplicate_funding</name>
    <message>
      <location filename="../gebiedsplugin/core/rules/duplicate_funding.py" line="23" />
      <source>Duplicate funding</source>
      <translation>Dubbele financiering</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/duplicate_funding.py" line="30" />
      <source>{a} and {b}: same theme ({theme}) within {tol} m in {years}, paid by different funders ({funders}): combine or remove the duplicate</source>
      <translation>{a} en {b}: zelfde thema ({theme}) binnen {tol} m in {years}, betaald door verschillende financiers ({funders}): combineer of schrap de dubbeling</translation>
    </message>
  </context>
  <context>
    <name>rules:not_in_programme</name>
    <message>
      <location filename="../gebiedsplugin/core/rules/not_in_programme.py" line="20" />
      <source>Not in programme</source>
      <translation>Niet in programma</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/not_in_programme.py" line="27" />
      <source>Physical work {label} ({years}) has no programme code and no programme project within {tol} m in those years</source>
      <translation>Fysiek werk {label} ({years}) heeft geen programmacode en geen programmaproject binnen {tol} m in die jaren</translation>
    </message>
  </context>
  <context>
    <name>rules:outside_programme_period</name>
    <message>
      <location filename="../gebiedsplugin/core/rules/outside_programme_period.py" line="18" />
      <source>Outside programme period</source>
      <translation>Buiten programmaperiode</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/outside_programme_period.py" line="25" />
      <source>{label} ({years}) falls outside the years of programme project {code} ({pyears})</source>
      <translation>{label} ({years}) valt buiten de jaren van programmaproject {code} ({pyears})</translation>
    </message>
  </context>
  <context>
    <name>rules:register</name>
    <message>
      <location filename="../gebiedsplugin/core/findings.py" line="34" />
      <source>no longer occurs</source>
      <translation>komt niet meer voor</translation>
    </message>
  </context>
  <context>
    <name>rules:rest_period</name>
    <message>
      <location filename="../gebiedsplugin/core/rules/rest_period.py" line="25" />
      <source>Rest period</source>
      <translation>Rustperiode</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/rest_period.py" line="32" />
      <source>{later} ({years}) starts {gap} year(s) after {earlier} ended ({end}) at the same place (within {dist} m); the rest period is {rest} years</source>
      <translation>{later} ({years}) begint {gap} jaar nadat {earlier} klaar was ({end}) op dezelfde plek (binnen {dist} m); de rustperiode is {rest} jaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/rest_period.py" line="35" />
      <source>{later} ({years}) may start {gap} year(s) after {earlier} ended ({end}) at the same place (within {dist} m), an indicative period: a possible breach of the rest period of {rest} years</source>
      <translation>{later} ({years}) begint mogelijk {gap} jaar nadat {earlier} klaar was ({end}) op dezelfde plek (binnen {dist} m), een indicatieve periode: mogelijk binnen de rustperiode van {rest} jaar</translation>
    </message>
  </context>
  <context>
    <name>rules:stacking</name>
    <message>
      <location filename="../gebiedsplugin/core/rules/stacking.py" line="30" />
      <source>Stacking</source>
      <translation>Stapeling</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/stacking.py" line="37" />
      <source>{n} interventions in neighbourhood {name} in {year} (more than {max}): stacking is not integrating, prioritise</source>
      <translation>{n} interventies in buurt {name} in {year} (meer dan {max}): stapelen is geen integreren, prioriteer</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/stacking.py" line="44" />
      <source>{label}: theme {theme} is not a priority in the area goals of district {district}</source>
      <translation>{label}: thema {theme} is geen prioriteit in de gebiedsopgave van stadsdeel {district}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/stacking.py" line="40" />
      <source>{n} interventions in neighbourhood {name} in {year} (more than {max}), {k} of them with an indicative period: possible stacking, prioritise when the planning is firmer</source>
      <translation>{n} interventies in buurt {name} in {year} (meer dan {max}), waarvan {k} met een indicatieve periode: mogelijk stapeling, prioriteer als de planning vaster is</translation>
    </message>
  </context>
  <context>
    <name>rules:unknown_programme_code</name>
    <message>
      <location filename="../gebiedsplugin/core/rules/unknown_programme_code.py" line="17" />
      <source>Unknown programme code</source>
      <translation>Onbekende programmacode</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/rules/unknown_programme_code.py" line="24" />
      <source>{label} refers to programme project {code}, which does not exist</source>
      <translation>{label} verwijst naar programmaproject {code}, dat niet bestaat</translation>
    </message>
  </context>
  <context>
    <name>schema</name>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="83" />
      <source>Modified at</source>
      <translation>Gewijzigd op</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="83" />
      <source>Modified by</source>
      <translation>Gewijzigd door</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="92" />
      <source>Row version</source>
      <translation>Rijversie</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="96" />
      <source>Created at</source>
      <translation>Aangemaakt op</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="96" />
      <source>Created by</source>
      <translation>Aangemaakt door</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="110" />
      <source>UID</source>
      <translation>UID</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="143" />
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="110" />
      <source>Description</source>
      <translation>Omschrijving</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="110" />
      <source>Domain</source>
      <translation>Domein</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="110" />
      <source>Kind</source>
      <translation>Soort</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Theme</source>
      <translation>Thema</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>District</source>
      <translation>Stadsdeel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="110" />
      <source>Neighbourhood</source>
      <translation>Buurt</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="110" />
      <source>City-wide</source>
      <translation>Stedelijk</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="110" />
      <source>Needs review</source>
      <translation>Te beoordelen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="143" />
      <source>Start year</source>
      <translation>Startjaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="143" />
      <source>End year</source>
      <translation>Eindjaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="110" />
      <source>Start quarter</source>
      <translation>Startkwartaal</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="110" />
      <source>End quarter</source>
      <translation>Eindkwartaal</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="110" />
      <source>Indicative period</source>
      <translation>Indicatieve periode</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Priority</source>
      <translation>Prioriteit</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="143" />
      <source>Budget (EUR)</source>
      <translation>Budget (EUR)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="110" />
      <source>Lead party</source>
      <translation>Trekker</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="110" />
      <source>Contact</source>
      <translation>Contactpersoon</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Funder</source>
      <translation>Financier</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="143" />
      <source>Programme code</source>
      <translation>Programmacode</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Goal reference</source>
      <translation>Doelverwijzing</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="110" />
      <source>Initiator</source>
      <translation>Initiatiefnemer</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="110" />
      <source>Effect indicator</source>
      <translation>Effectindicator</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="110" />
      <source>Baseline</source>
      <translation>Nulmeting</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="110" />
      <source>Baseline year</source>
      <translation>Jaar nulmeting</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="110" />
      <source>Target</source>
      <translation>Streefwaarde</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="172" />
      <source>Interventions (points)</source>
      <translation>Interventies (punten)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="173" />
      <source>Interventions (lines)</source>
      <translation>Interventies (lijnen)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="174" />
      <source>Interventions (areas)</source>
      <translation>Interventies (vlakken)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="175" />
      <source>Programme projects (points)</source>
      <translation>Programmaprojecten (punten)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="176" />
      <source>Programme projects (lines)</source>
      <translation>Programmaprojecten (lijnen)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="177" />
      <source>Programme projects (areas)</source>
      <translation>Programmaprojecten (vlakken)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="180" />
      <source>Districts</source>
      <translation>Stadsdelen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="180" />
      <source>District code</source>
      <translation>Stadsdeelcode</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="180" />
      <source>Name</source>
      <translation>Naam</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="180" />
      <source>Neighbourhoods</source>
      <translation>Buurten</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="180" />
      <source>Neighbourhood code</source>
      <translation>Buurtcode</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Funding</source>
      <translation>Financiering</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Intervention</source>
      <translation>Interventie</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Year</source>
      <translation>Jaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Amount (EUR)</source>
      <translation>Bedrag (EUR)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Effect measurements</source>
      <translation>Effectmetingen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Measured value</source>
      <translation>Gemeten waarde</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Note</source>
      <translation>Notitie</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Links</source>
      <translation>Koppelingen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>From</source>
      <translation>Van</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>To</source>
      <translation>Naar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Relation</source>
      <translation>Relatie</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Area goals</source>
      <translation>Gebiedsopgave</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Goal</source>
      <translation>Doel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Area budgets</source>
      <translation>Gebiedsbudgetten</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Findings</source>
      <translation>Bevindingen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Finding id</source>
      <translation>Bevinding-id</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Rule</source>
      <translation>Regel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Severity</source>
      <translation>Ernst</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Message</source>
      <translation>Melding</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Interventions</source>
      <translation>Interventies</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Certainty</source>
      <translation>Zekerheid</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Decided by</source>
      <translation>Besloten door</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Decided at</source>
      <translation>Besloten op</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>First seen</source>
      <translation>Eerst gezien</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Last seen</source>
      <translation>Laatst gezien</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Value lists</source>
      <translation>Waardelijsten</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>List</source>
      <translation>Lijst</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Label (English)</source>
      <translation>Label (Engels)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Label (Dutch)</source>
      <translation>Label (Nederlands)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Settings</source>
      <translation>Instellingen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Key</source>
      <translation>Sleutel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Value</source>
      <translation>Waarde</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/schema.py" line="208" />
      <source>Schema info</source>
      <translation>Schema-informatie</translation>
    </message>
  </context>
  <context>
    <name>unified</name>
    <message>
      <location filename="../gebiedsplugin/core/unified.py" line="33" />
      <source>Programme project (MJP)</source>
      <translation>Programmaproject (MJP)</translation>
    </message>
  </context>
  <context>
    <name>values</name>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="13" />
      <source>Physical</source>
      <translation>Fysiek</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="13" />
      <source>Social</source>
      <translation>Sociaal</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="15" />
      <source>Intervention</source>
      <translation>Interventie</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="16" />
      <source>Maintenance</source>
      <translation>Onderhoud</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="17" />
      <source>Initiative</source>
      <translation>Initiatief</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="18" />
      <source>Statutory task</source>
      <translation>Wettelijke taak</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="21" />
      <source>Idea</source>
      <translation>Idee</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="22" />
      <source>Planned</source>
      <translation>Gepland</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="23" />
      <source>In progress</source>
      <translation>In uitvoering</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="24" />
      <source>Done</source>
      <translation>Gereed</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="25" />
      <source>Cancelled</source>
      <translation>Vervallen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="45" />
      <source>Municipality</source>
      <translation>Gemeente</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="29" />
      <source>Residents</source>
      <translation>Bewoners</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="30" />
      <source>Partner</source>
      <translation>Partner</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="33" />
      <source>Public space</source>
      <translation>Openbare ruimte</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="34" />
      <source>Green and water</source>
      <translation>Groen en water</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="35" />
      <source>Mobility</source>
      <translation>Mobiliteit</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="36" />
      <source>Sewer</source>
      <translation>Riolering</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="37" />
      <source>Housing</source>
      <translation>Wonen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="38" />
      <source>Education</source>
      <translation>Onderwijs</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="39" />
      <source>Care and wellbeing</source>
      <translation>Zorg en welzijn</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="40" />
      <source>Safety</source>
      <translation>Veiligheid</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="41" />
      <source>Work and income</source>
      <translation>Werk en inkomen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="42" />
      <source>Energy transition</source>
      <translation>Energietransitie</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="46" />
      <source>Housing corporation</source>
      <translation>Woningcorporatie</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="47" />
      <source>Health insurer</source>
      <translation>Zorgverzekeraar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="48" />
      <source>Province</source>
      <translation>Provincie</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="49" />
      <source>Water board</source>
      <translation>Hoogheemraadschap</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="50" />
      <source>National government</source>
      <translation>Rijk</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="53" />
      <source>Supports</source>
      <translation>Ondersteunt</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="54" />
      <source>Combines with</source>
      <translation>Combineert met</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="55" />
      <source>Depends on</source>
      <translation>Hangt af van</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="58" />
      <source>Open</source>
      <translation>Open</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="59" />
      <source>Accepted</source>
      <translation>Geaccepteerd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="60" />
      <source>Resolved</source>
      <translation>Opgelost</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="61" />
      <source>False positive</source>
      <translation>Vals positief</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="62" />
      <source>Combine</source>
      <translation>Combineren</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="63" />
      <source>Do not combine</source>
      <translation>Niet combineren</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="66" />
      <source>Error</source>
      <translation>Fout</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="67" />
      <source>Warning</source>
      <translation>Waarschuwing</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="68" />
      <source>Info</source>
      <translation>Info</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="69" />
      <source>Chance</source>
      <translation>Kans</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="73" />
      <source>Certain</source>
      <translation>Zeker</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/value_lists.py" line="74" />
      <source>Possible</source>
      <translation>Mogelijk</translation>
    </message>
  </context>
  <context>
    <name>web</name>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="17" />
      <source>Programme map</source>
      <translation>Programmakaart</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="18" />
      <source>Year</source>
      <translation>Jaar</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="19" />
      <source>All years</source>
      <translation>Alle jaren</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="20" />
      <source>Period</source>
      <translation>Periode</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="21" />
      <source>from</source>
      <translation>van</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="22" />
      <source>to</source>
      <translation>tot en met</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="23" />
      <source>All</source>
      <translation>Alle</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="24" />
      <source>Funding</source>
      <translation>Financiering</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="25" />
      <source>Funded</source>
      <translation>Gefinancierd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="26" />
      <source>Unfunded</source>
      <translation>Niet gefinancierd</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="27" />
      <source>Items in view</source>
      <translation>Items in beeld</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="28" />
      <source>items</source>
      <translation>items</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="29" />
      <source>Total</source>
      <translation>Totaal</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="30" />
      <source>Legend</source>
      <translation>Legenda</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="31" />
      <source>Data</source>
      <translation>Gegevens</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="32" />
      <source>Items as CSV</source>
      <translation>Items als CSV</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="33" />
      <source>GeoPackage</source>
      <translation>GeoPackage</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="34" />
      <source>Field descriptions (JSON)</source>
      <translation>Veldbeschrijving (JSON)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="35" />
      <source>Years</source>
      <translation>Jaren</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="36" />
      <source>Reset filters</source>
      <translation>Filters wissen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="37" />
      <source>… and {} more</source>
      <translation>… en nog {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="38" />
      <source>No items match.</source>
      <translation>Geen items gevonden.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="39" />
      <source>District</source>
      <translation>Stadsdeel</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="40" />
      <source>Items</source>
      <translation>Items</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="41" />
      <source>Budget</source>
      <translation>Budget</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="42" />
      <source>Whole city</source>
      <translation>Hele stad</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="43" />
      <source>Contact</source>
      <translation>Contactpersoon</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="44" />
      <source>Loading items: {} of {} …</source>
      <translation>Items laden: {} van {} …</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="45" />
      <source>This programme has {} items: too many to put in a page opened from disk. They are in {} beside this page (FlatGeobuf, which QGIS also opens). Publish this folder on a web server (any static host; on this computer for instance: python3 -m http.server, in this folder) and open the page from there to see them on the map.</source>
      <translation>Dit programma heeft {} items: te veel voor een pagina die van schijf wordt geopend. Ze staan in {} naast deze pagina (FlatGeobuf, dat QGIS ook opent). Zet deze map op een webserver (elke statische host; op deze computer bijvoorbeeld: python3 -m http.server, in deze map) en open de pagina daar om ze op de kaart te zien.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="50" />
      <source>Could not read {} from the web server.</source>
      <translation>Kon {} niet van de webserver lezen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/core/web_texts.py" line="52" />
      <source>Programme (MJP)</source>
      <translation>Programma (MJP)</translation>
    </message>
  </context>
</TS>