"""The programme stores (GeoPackage, PostGIS) behind one protocol: open, create, read, save in one
transaction, lock, audit, migrate. Locking, audit and migrations are written once per backend here."""
