#!/usr/bin/env bash
# The web map's libraries from the npm registry (package.json + package-lock.json, pinned): `npm ci`,
# then MapLibre GL JS's classic build, its CSS and licence into resources/web/maplibre-gl/, and
# flatgeobuf's classic (UMD) GeoJSON reader and licence into resources/web/flatgeobuf/ (not committed;
# staged into the plugin and its zip). Idempotent: runs npm only when the lock changed.
set -euo pipefail
cd "$(dirname "$0")/.."
out=resources/web/maplibre-gl
stamp=node_modules/.gebiedsplugin-lock.sha
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || [ ! -f node_modules/maplibre-gl/dist/maplibre-gl.js ] \
    || [ ! -f node_modules/flatgeobuf/dist/flatgeobuf-geojson.min.js ]; then
  command -v npm >/dev/null || { echo "vendor_web: npm is missing (Debian: apt-get install npm)" >&2; exit 1; }
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
mkdir -p "$out"
for f in maplibre-gl.js maplibre-gl.css LICENSE.txt; do
  cmp -s "node_modules/maplibre-gl/dist/$f" "$out/$f" || cp "node_modules/maplibre-gl/dist/$f" "$out/$f"
done
node -p "'maplibre-gl ' + require('./node_modules/maplibre-gl/package.json').version" > "$out/VERSION"
fgb=resources/web/flatgeobuf
mkdir -p "$fgb"
for f in dist/flatgeobuf-geojson.min.js LICENSE; do
  cmp -s "node_modules/flatgeobuf/$f" "$fgb/$(basename "$f")" || cp "node_modules/flatgeobuf/$f" "$fgb/$(basename "$f")"
done
node -p "'flatgeobuf ' + require('./node_modules/flatgeobuf/package.json').version" > "$fgb/VERSION"
