"""The programme stores (GeoPackage ``gpkg.py``, PostGIS ``postgis.py``) behind one protocol
(``protocol.ProgrammeStore``): open, create, read, save in one transaction, lock, audit, migrate.
Locking and audit are written once in ``save.py`` over each backend's writer and guards; migrations
once in ``migrate.py`` over each backend's steps. ``open.py`` turns one text into a store."""
