#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian 12 / Ubuntu machine: Debian packages, the QGIS venv, dev tools.
set -euo pipefail
cd "$(dirname "$0")/.."

# libgeos-dev, python3-dev and gcc build shapely against Debian's GEOS (see below).
# qttranslations5-l10n: Qt's own Dutch (qt_nl.qm), which QGIS loads itself when it runs in Dutch.
PKGS="qgis python3-qgis qgis-providers xvfb xauth pyqt5-dev-tools qttools5-dev-tools \
gdal-bin python3-gdal python3-psycopg2 poppler-utils zip libgeos-dev python3-dev gcc python3-matplotlib postgresql postgresql-15-postgis-3 \
chromium nodejs qttranslations5-l10n \
debootstrap"  # debootstrap: the QGIS 3.44 LTR root (scripts/ltr_root.sh)

missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "setup: installing Debian packages:$missing"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
# Hold numpy at Debian's version: a newer wheel breaks matplotlib and osgeo.gdal_array.
/usr/bin/python3 -c 'import numpy; print("numpy==" + numpy.__version__)' > .venv/constraints.txt
stamp=.venv/.requirements.sha
want=$(cat requirements-dev.txt .venv/constraints.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  # shapely is built against Debian's GEOS: QGIS links that GEOS into the process, and a wheel's own
  # newer GEOS then clashes with it (segfaults in qgis_process and the desktop).
  .venv/bin/pip install -q --disable-pip-version-check --no-binary shapely \
    -c .venv/constraints.txt -r requirements-dev.txt
  echo "$want" > "$stamp"
fi
.venv/bin/python -c 'import qgis.core, shapely, pytest_qgis' 
# The web map's MapLibre GL JS from the npm registry (pinned in package-lock.json; npm comes with nodejs).
bash scripts/vendor_web.sh
