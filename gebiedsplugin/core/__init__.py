"""The GUI-free core: schema, records, rules, aggregations. No qgis, no Qt imports here."""
