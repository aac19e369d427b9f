#!/bin/sh
# The PostgreSQL server the tests use (tests/reference_impl/served.py): Debian's package, installed
# when missing, a private cluster on 127.0.0.1:$ESPRO_POSTGRES_PORT (default 55432) with trust
# authentication for the loopback only, started when not running. Prints its SQLAlchemy URL.
set -e
PORT=${ESPRO_POSTGRES_PORT:-55432}
DATA=${ESPRO_POSTGRES_DIR:-/tmp/espro-postgres-$PORT}
SUDO=$( [ "$(id -u)" = 0 ] || echo sudo )
bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(bin_dir)" ]; then
  echo "Installation de PostgreSQL (apt-get install postgresql)..." >&2
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi
BIN=$(bin_dir)
# PostgreSQL refuses to run as root: root runs it as the package's own user.
if [ "$(id -u)" = 0 ]; then AS="runuser -u postgres --"; else AS=""; fi
if ! $BIN/pg_isready -q -h 127.0.0.1 -p "$PORT"; then
  if [ ! -f "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA"
    [ -z "$AS" ] || chown postgres "$DATA"
    $AS $BIN/initdb -D "$DATA" -U espro --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  $AS $BIN/pg_ctl -D "$DATA" -l "$DATA/server.log" -w \
    -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
fi
echo "postgresql+psycopg://espro@127.0.0.1:$PORT/postgres"
