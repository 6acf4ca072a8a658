#!/usr/bin/env bash
# A Debian 13 ("trixie") root with QGIS 3.44 LTR from trixie-backports and Debian's own shapely, for
# the LTR test lane (issue #14). Built with debootstrap from Debian's mirror, cached outside the repo
# under a name keyed by a hash of everything that goes into it, so a change to the package list or
# the pins builds a new root and an unchanged one is reused.
#
#   bash scripts/ltr_root.sh build           # make sure the root exists; prints its path
#   bash scripts/ltr_root.sh run CMD [ARGS]  # run CMD inside it (repo bind-mounted at the same path)
#   bash scripts/ltr_root.sh lane            # unit + qgis lanes and the e2e desktop tests of a first hour (the plugin loads, the first start, the walk, PostGIS connections, Check in, a clean quit) inside it
#
# Needs root (debootstrap, chroot, mount). Where the root cannot be built (not root, no debootstrap,
# no mirror) `lane` skips with the reason, except with CI=true, where it fails.
# Settings: GEBIED_LTR_CACHE (/var/cache/gebiedsplugin), GEBIED_LTR_MIRROR (http://deb.debian.org/debian).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${GEBIED_LTR_CACHE:-/var/cache/gebiedsplugin}
MIRROR=${GEBIED_LTR_MIRROR:-http://deb.debian.org/debian}
SUITE=trixie
# From trixie-backports (QGIS 3.44 LTR); everything else from trixie itself.
BACKPORTS_PKGS="qgis python3-qgis qgis-providers"
PKGS="python3-shapely python3-matplotlib python3-psycopg2 python3-gdal python3-venv xvfb xauth \
poppler-utils make ca-certificates"
# The lane's test tools come from PyPI at the same pins as the host's (requirements-dev.txt), with the
# lint tools that unit tests call (import-linter for the layering test, the upload scanners).
PIP_PINS=$(grep -E '^(pytest|pytest-qgis|pytest-timeout|import-linter|grimp|bandit|detect-secrets)==' \
  "$REPO/requirements-dev.txt" | sed 's/ *#.*//' | tr '\n' ' ')
LAYOUT=1  # bump when the build steps below change in a way the lists above do not show
KEY=$(printf '%s\n' "$SUITE" "$MIRROR" "$BACKPORTS_PKGS" "$PKGS" "$PIP_PINS" "$LAYOUT" | sha256sum | cut -c1-12)
ROOT="$CACHE/$SUITE-3.44-$KEY"
VENV=/opt/lane-venv

log() { echo "ltr_root: $*" >&2; }

# Mounts made by this process, unmounted in reverse order on any exit.
MOUNTED=()
unmount_all() {
  local i
  for (( i=${#MOUNTED[@]}-1; i>=0; i-- )); do
    umount "${MOUNTED[$i]}" 2>/dev/null || umount -l "${MOUNTED[$i]}" 2>/dev/null \
      || log "could not unmount ${MOUNTED[$i]}"
  done
  MOUNTED=()
}
mount_into() {  # mount_into DIR: /proc, a /dev/shm and the repo (bound at its own path)
  local dir=$1
  mkdir -p "$dir/proc" "$dir/dev/shm" "$dir$REPO"
  mountpoint -q "$dir/proc" || { mount -t proc proc "$dir/proc"; MOUNTED+=("$dir/proc"); }
  mountpoint -q "$dir/dev/shm" || { mount -t tmpfs -o size=512m,mode=1777 shm "$dir/dev/shm"; MOUNTED+=("$dir/dev/shm"); }
  if [ "${2:-}" = repo ] && ! mountpoint -q "$dir$REPO"; then
    mount --bind "$REPO" "$dir$REPO"; MOUNTED+=("$dir$REPO")
  fi
}
# Processes still running inside the root after a run (an Xvfb a crashed QGIS left behind): found by
# their root directory, so nothing outside the root is touched.
stop_leftovers() {
  local p pids=()
  for p in /proc/[0-9]*; do
    [ "$(readlink "$p/root" 2>/dev/null)" = "$ROOT" ] && pids+=("${p#/proc/}")
  done
  [ ${#pids[@]} -eq 0 ] && return 0
  log "stopping ${#pids[@]} process(es) left inside the root: ${pids[*]}"
  kill -TERM "${pids[@]}" 2>/dev/null; sleep 2; kill -KILL "${pids[@]}" 2>/dev/null
  return 0
}
has_mounts() { findmnt -rn -o TARGET | grep -q "^$1/"; }

can_build() {  # sets REASON when the root cannot be built here
  REASON=""
  if [ "$(id -u)" -ne 0 ]; then REASON="needs root (debootstrap, chroot, mount)"; return 1; fi
  command -v debootstrap >/dev/null || { REASON="debootstrap is not installed (apt-get install debootstrap)"; return 1; }
  [ -e "/usr/share/debootstrap/scripts/$SUITE" ] || { REASON="this debootstrap does not know $SUITE"; return 1; }
  return 0
}

build() {
  if [ -f "$ROOT/.complete" ]; then echo "$ROOT"; return 0; fi
  can_build || { log "$REASON"; return 3; }
  mkdir -p "$CACHE"
  exec 9>"$CACHE/.lock-$KEY"
  flock 9
  if [ -f "$ROOT/.complete" ]; then echo "$ROOT"; return 0; fi
  local tmp="$ROOT.partial" start=$SECONDS
  if [ -e "$tmp" ]; then
    has_mounts "$tmp" && { log "$tmp still has mounts; not removing it"; return 1; }
    rm -rf --one-file-system "$tmp"
  fi
  log "building $ROOT (debootstrap $SUITE from $MIRROR, then QGIS from $SUITE-backports)"
  trap unmount_all EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  debootstrap --variant=minbase --include=ca-certificates "$SUITE" "$tmp" "$MIRROR" >"$CACHE/debootstrap-$KEY.log" 2>&1 \
    || { log "debootstrap failed: $(tail -n 5 "$CACHE/debootstrap-$KEY.log")"; return 1; }
  cat >"$tmp/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $MIRROR $SUITE-backports main
EOF
  printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-exclude /usr/share/man/*' 'path-exclude /usr/share/info/*' \
    >"$tmp/etc/dpkg/dpkg.cfg.d/01-nodoc"
  printf '#!/bin/sh\nexit 101\n' >"$tmp/usr/sbin/policy-rc.d" && chmod +x "$tmp/usr/sbin/policy-rc.d"
  cp -L /etc/resolv.conf "$tmp/etc/resolv.conf"
  mount_into "$tmp"
  local in_root=(chroot "$tmp" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8
    ${PIP_INDEX_URL:+PIP_INDEX_URL="$PIP_INDEX_URL"} ${https_proxy:+https_proxy="$https_proxy"}
    ${http_proxy:+http_proxy="$http_proxy"})
  local apt=("${in_root[@]}" DEBIAN_FRONTEND=noninteractive apt-get -y -q -o Acquire::Retries=3 --no-install-recommends)
  "${apt[@]}" update >"$CACHE/apt-$KEY.log" 2>&1 \
    && "${apt[@]}" install -t "$SUITE-backports" $BACKPORTS_PKGS $PKGS >>"$CACHE/apt-$KEY.log" 2>&1 \
    || { log "apt-get failed: $(tail -n 5 "$CACHE/apt-$KEY.log")"; return 1; }
  # Trust what the host trusts (a local or proxy CA) for pip's downloads from PyPI; PIP_CERT below
  # makes the venv's pip use the system bundle instead of its own certifi.
  if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$tmp/usr/local/share/ca-certificates/"
    "${in_root[@]}" update-ca-certificates >/dev/null 2>&1
  fi
  "${in_root[@]}" python3 -m venv --system-site-packages "$VENV"
  # shellcheck disable=SC2086
  "${in_root[@]}" PIP_CERT=/etc/ssl/certs/ca-certificates.crt "$VENV/bin/pip" install -q --disable-pip-version-check $PIP_PINS >"$CACHE/pip-$KEY.log" 2>&1 \
    || { log "pip failed: $(tail -n 5 "$CACHE/pip-$KEY.log")"; return 1; }
  "${in_root[@]}" "$VENV/bin/python" -c 'import qgis.core, shapely, pytest_qgis'
  "${in_root[@]}" dpkg-query -W -f='${Package} ${Version}\n' $BACKPORTS_PKGS $PKGS >"$tmp/.packages"
  "${in_root[@]}" apt-get clean
  unmount_all
  trap - EXIT INT TERM
  touch "$tmp/.complete"
  mv "$tmp" "$ROOT"
  log "built in $(( SECONDS - start )) s"
  prune_stale
  echo "$ROOT"
}

prune_stale() {  # roots of earlier package lists: removed when complete and nothing is mounted in them
  local old
  for old in "$CACHE/$SUITE"-3.44-*; do
    [ "$old" = "$ROOT" ] || [ ! -f "$old/.complete" ] || has_mounts "$old" && continue
    log "removing the stale root $old"
    rm -rf --one-file-system "$old"
  done
}

qgis_version() { chroot "$ROOT" dpkg-query -W -f='${Version}' qgis 2>/dev/null | sed 's/+.*//'; }

run() {  # run CMD...: inside the root, as root, with the repo at its own path and a fresh HOME
  [ -f "$ROOT/.complete" ] || { log "no root at $ROOT: run '$0 build' first"; return 1; }
  exec 8>"$ROOT.lock"
  flock 8  # one run at a time per root: the mounts are shared
  trap unmount_all EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  mount_into "$ROOT" repo
  local home rc=0
  home=$(mktemp -d "$ROOT/tmp/home.XXXXXX")
  chroot "$ROOT" /usr/bin/env -i PATH="$VENV/bin:/usr/sbin:/usr/bin:/sbin:/bin" HOME="${home#"$ROOT"}" \
    LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen PYTHONDONTWRITEBYTECODE=1 CI="${CI:-}" \
    GEBIED_PG_HOST="${GEBIED_PG_HOST:-}" GEBIED_PG_PORT="${GEBIED_PG_PORT:-}" GEBIED_PG_DB="${GEBIED_PG_DB:-}" \
    GEBIED_PG_USER="${GEBIED_PG_USER:-}" GEBIED_PG_PASSWORD="${GEBIED_PG_PASSWORD:-}" \
    GEBIED_PG_SKIP="${GEBIED_PG_SKIP:-}" GEBIED_QGIS_LANE="QGIS $(qgis_version)" \
    GEBIED_DEPRECATIONS_AS_ERRORS="${GEBIED_DEPRECATIONS_AS_ERRORS-1}" \
    bash -c 'cd "$0" && exec "$@"' "$REPO" "$@" 8>&- 9>&- || rc=$?
  stop_leftovers
  rm -rf --one-file-system "$home"
  unmount_all
  trap - EXIT INT TERM
  return "$rc"
}

lane() {  # the LTR lane: build (or reuse) the root, then the unit, qgis and one e2e test inside it
  local start=$SECONDS rc=0
  # without root the lane cannot run even in a cached root (chroot, mount)
  if ! can_build && { [ "$(id -u)" -ne 0 ] || [ ! -f "$ROOT/.complete" ]; }; then
    if [ "${CI:-}" = "true" ]; then log "cannot build the QGIS LTR root: $REASON (CI=true: failing)"; return 1; fi
    log "SKIPPED the QGIS 3.44 LTR lane: $REASON"; return 0
  fi
  build >/dev/null || { log "the QGIS 3.44 LTR root could not be built (see the logs in $CACHE)"; return 1; }
  local built=$(( SECONDS - start )) version
  version=$(qgis_version)
  log "QGIS $version (Debian 13 + backports), shapely $(chroot "$ROOT" dpkg-query -W -f='${Version}' python3-shapely), root ready in ${built} s"
  local py="$VENV/bin/python" step
  for step in \
      "unit|$py -m pytest -p no:pytest_qgis -p no:cacheprovider -q tests/unit" \
      "qgis|$py -m pytest -p no:cacheprovider -q tests/qgis" \
      "e2e|$py -m pytest -p no:pytest_qgis -p no:cacheprovider -q tests/e2e/test_desktop_plugin.py tests/e2e/test_first_hour_walk.py tests/e2e/test_quit_desktop.py tests/e2e/test_postgis_connections_desktop.py tests/e2e/test_first_start_desktop.py tests/e2e/test_check_in_nothing_desktop.py"; do
    local name=${step%%|*} cmd=${step#*|} t0=$SECONDS
    log "QGIS $version: $name lane"
    # shellcheck disable=SC2086
    if ! run $cmd; then
      log "FAILED on QGIS $version LTR: the $name lane (after $(( SECONDS - t0 )) s)"
      rc=1
    else
      log "QGIS $version: $name lane passed in $(( SECONDS - t0 )) s"
    fi
  done
  log "QGIS $version LTR lane: $([ $rc -eq 0 ] && echo passed || echo FAILED) in $(( SECONDS - start )) s"
  return "$rc"
}

case "${1:-}" in
  build) build ;;
  run) shift; run "$@" ;;
  lane) lane ;;
  path) echo "$ROOT" ;;
  *) echo "usage: $0 build|run CMD...|lane|path" >&2; exit 2 ;;
esac
