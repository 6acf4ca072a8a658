<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
  <context>
    <name>@default</name>
    <message>
      <location filename="../gebiedsplugin/plugin.py" line="56" />
      <source>&amp;Gebiedsprogramma</source>
      <translation>&amp;Gebiedsprogramma</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/plugin.py" line="58" />
      <source>Gebiedsprogramma</source>
      <translation>Gebiedsprogramma</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/plugin.py" line="60" />
      <source>New programme…</source>
      <translation>Nieuw programma…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/plugin.py" line="61" />
      <source>Open programme…</source>
      <translation>Programma openen…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/plugin.py" line="62" />
      <source>Generate sample city…</source>
      <translation>Voorbeeldstad maken…</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/plugin.py" line="123" />
      <source>New programme</source>
      <translation>Nieuw programma</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/generate_sample.py" line="36" />
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/plugin.py" line="133" />
      <source>Open programme</source>
      <translation>Programma openen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/plugin.py" line="153" />
      <source>Programme</source>
      <translation>Programma</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/plugin.py" line="153" />
      <source>Opened {}</source>
      <translation>{} geopend</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/base.py" line="23" />
      <source>Area programme</source>
      <translation>Gebiedsprogramma</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="33" />
      <source>Create programme</source>
      <translation>Programma aanmaken</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="36" />
      <source>Creates a new area programme (GeoPackage) with every table of the data model. Optionally fills the districts from a polygon layer; the whole-city area is their union.</source>
      <translation>Maakt een nieuw gebiedsprogramma (GeoPackage) met alle tabellen van het datamodel. Vult desgewenst de stadsdelen uit een vlakkenlaag; het gebied 'hele stad' is hun vereniging.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/generate_sample.py" line="36" />
      <source>Programme file</source>
      <translation>Programmabestand</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="40" />
      <source>The new programme's GeoPackage; it must not exist yet unless OVERWRITE is set.</source>
      <translation>De GeoPackage van het nieuwe programma; die mag nog niet bestaan, tenzij OVERWRITE aan staat.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="43" />
      <source>Districts</source>
      <translation>Stadsdelen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="43" />
      <source>Polygon layer with the districts (stadsdelen); optional.</source>
      <translation>Vlakkenlaag met de stadsdelen; optioneel.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="46" />
      <source>District name field</source>
      <translation>Veld met stadsdeelnaam</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="46" />
      <source>Field holding the district names; codes are derived from them.</source>
      <translation>Veld met de namen van de stadsdelen; de codes worden daaruit afgeleid.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="49" />
      <source>CRS</source>
      <translation>CRS</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="49" />
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
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="58" />
      <source>The CRS is not valid.</source>
      <translation>Het CRS is ongeldig.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="66" />
      <source>Programme created: {}</source>
      <translation>Programma aangemaakt: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="73" />
      <source>Choose the field that holds the district names.</source>
      <translation>Kies het veld met de namen van de stadsdelen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="75" />
      <source>The districts layer has no field {}.</source>
      <translation>De stadsdelenlaag heeft geen veld {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="81" />
      <source>District feature {} has no name or no geometry.</source>
      <translation>Stadsdeelobject {} heeft geen naam of geen geometrie.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="86" />
      <source>District {} had an invalid geometry; it was repaired.</source>
      <translation>Stadsdeel {} had een ongeldige geometrie; die is hersteld.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="91" />
      <source>The districts layer is empty.</source>
      <translation>De stadsdelenlaag is leeg.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/create_programme.py" line="97" />
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
      <location filename="../gebiedsplugin/processing_provider/generate_sample.py" line="40" />
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
      <location filename="../gebiedsplugin/processing_provider/provider.py" line="27" />
      <source>Gebiedsplugin</source>
      <translation>Gebiedsplugin</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/processing_provider/provider.py" line="30" />
      <source>Gebiedsplugin: area-based programme</source>
      <translation>Gebiedsplugin: gebiedsgericht programma</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/forms.py" line="45" />
      <source>(none)</source>
      <translation>(geen)</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/forms.py" line="89" />
      <source>The end year may not be before the start year.</source>
      <translation>Het eindjaar mag niet vóór het startjaar liggen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/forms.py" line="108" />
      <source>Must be at least {}.</source>
      <translation>Moet minstens {} zijn.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/forms.py" line="109" />
      <source>Must lie between {} and {}.</source>
      <translation>Moet tussen {} en {} liggen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/gpkg_store.py" line="55" />
      <source>A programme file must end in .gpkg: {}</source>
      <translation>Een programmabestand moet op .gpkg eindigen: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/gpkg_store.py" line="57" />
      <source>{} already exists; choose another name or allow overwriting.</source>
      <translation>{} bestaat al; kies een andere naam of sta overschrijven toe.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/gpkg_store.py" line="60" />
      <source>The folder {} does not exist.</source>
      <translation>De map {} bestaat niet.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/gpkg_store.py" line="62" />
      <source>The folder {} is not writable.</source>
      <translation>In de map {} kan niet worden geschreven.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/gpkg_store.py" line="66" />
      <source>Unknown coordinate reference system: {}</source>
      <translation>Onbekend coördinaatreferentiesysteem: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/gpkg_store.py" line="68" />
      <source>A programme needs a projected CRS in metres, not {}.</source>
      <translation>Een programma heeft een geprojecteerd CRS in meters nodig, niet {}.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/gpkg_store.py" line="102" />
      <source>File not found: {}</source>
      <translation>Bestand niet gevonden: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/gpkg_store.py" line="108" />
      <source>{} is not a GeoPackage.</source>
      <translation>{} is geen GeoPackage.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/gpkg_store.py" line="111" />
      <source>{} is a GeoPackage but not a programme (no schema_info table).</source>
      <translation>{} is een GeoPackage maar geen programma (geen tabel schema_info).</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/gpkg_store.py" line="116" />
      <source>{} has no valid schema version.</source>
      <translation>{} heeft geen geldige schemaversie.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/gpkg_store.py" line="118" />
      <source>{} was made by a newer version of the plugin (schema {}; this version reads up to {}). Update the plugin to open it.</source>
      <translation>{} is gemaakt met een nieuwere versie van de plugin (schema {}; deze versie leest tot en met {}). Werk de plugin bij om het te openen.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/gpkg_store.py" line="123" />
      <source>{} lacks the tables: {}</source>
      <translation>{} mist de tabellen: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/gpkg_store.py" line="142" />
      <source>Cannot open {}: {}</source>
      <translation>Kan {} niet openen: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/loader.py" line="27" />
      <source>Cannot load table {} of {}.</source>
      <translation>Kan tabel {} van {} niet laden.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/loader.py" line="65" />
      <source>Programme: {}</source>
      <translation>Programma: {}</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/loader.py" line="83" />
      <source>Funding</source>
      <translation>Financiering</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/qgis_io/loader.py" line="83" />
      <source>Links</source>
      <translation>Koppelingen</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/toolbelt/files.py" line="24" />
      <source>{} already exists.</source>
      <translation>{} bestaat al.</translation>
    </message>
    <message>
      <location filename="../gebiedsplugin/toolbelt/files.py" line="26" />
      <source>The folder {} does not exist or is not writable.</source>
      <translation>De map {} bestaat niet of is niet beschrijfbaar.</translation>
    </message>
  </context>
</TS>