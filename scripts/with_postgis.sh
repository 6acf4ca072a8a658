#!/usr/bin/env bash
# Runs the given command; the PostGIS lane (issue #6) will start a throw-away server here.
exec "$@"
