#!/usr/bin/env bash
# shapely >= 2 where QGIS's Python finds it, without touching the system Python (README, "Install on
# Linux"). Used by `make install`; runs as the QGIS user, no root needed for the build itself.
#
#   bash scripts/install_shapely.sh [PROFILE]   # default: ~/.local/share/QGIS/QGIS3/profiles/default
#
# Nothing to do when the system Python already has shapely >= 2 (Debian 13: python3-shapely) or the
# profile has it. Otherwise, where the distribution's python3-shapely is 2.x, it says to install that;
# else (Debian 12) it builds shapely from source against the system's GEOS into PROFILE/python, the
# folder QGIS puts on sys.path: `--target` is outside the system environment (PEP 668 does not
# apply), `--no-deps` keeps Debian's numpy, and <2.2 because shapely 2.2 needs numpy >= 1.26.
set -euo pipefail
PROFILE=${1:-$HOME/.local/share/QGIS/QGIS3/profiles/default}
PY=/usr/bin/python3
PROBE='import shapely, sys; print(shapely.__version__); sys.exit(0 if int(shapely.__version__.split(".")[0]) >= 2 else 1)'

if v=$("$PY" -c "$PROBE" 2>/dev/null); then
  echo "install_shapely: the system Python has shapely $v: nothing to do"; exit 0
fi
if v=$(PYTHONPATH="$PROFILE/python" "$PY" -c "$PROBE" 2>/dev/null); then
  echo "install_shapely: $PROFILE/python has shapely $v: nothing to do"; exit 0
fi
candidate=$(apt-cache policy python3-shapely 2>/dev/null | sed -n 's/^ *Candidate: *//p')
if [ -n "$candidate" ] && [ "${candidate%%.*}" -ge 2 ] 2>/dev/null; then
  echo "install_shapely: this system packages shapely $candidate: run  sudo apt install python3-shapely" >&2
  exit 1
fi
missing=""
for p in python3-pip python3-dev libgeos-dev gcc; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "install_shapely: building shapely needs:$missing  (sudo apt install$missing), then run this again" >&2
  exit 1
fi
mkdir -p "$PROFILE/python"
echo "install_shapely: building shapely against the system's GEOS into $PROFILE/python"
"$PY" -m pip install --no-deps --no-binary shapely --target "$PROFILE/python" 'shapely>=2,<2.2'
PYTHONPATH="$PROFILE/python" "$PY" -c "$PROBE" >/dev/null
echo "install_shapely: done; restart QGIS"
