#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL server for the hr-service test, when the server
# binaries are installed; CI passes without one (the test then runs on PGlite only).
#   DATABASE_URL=$(test/hr-service/postgres.sh start)   # prints the URL, or nothing
#   test/hr-service/postgres.sh stop
# PostgreSQL refuses to run as root: as root it runs as the user `okrkit-pg` (made when
# missing). Where /dev/null is not a device (some containers), initdb and the server run in
# a private mount namespace with a real one bound over it.
set -euo pipefail
DIR=${OKRKIT_PG_DIR:-/tmp/okrkit-pg}
PORT=${OKRKIT_PG_PORT:-55439}
BIN=$(dirname "$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb /usr/local/bin/initdb 2>/dev/null | tail -1 || true)")
[ -x "$BIN/initdb" ] && [ -x "$BIN/pg_ctl" ] || exit 0

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u okrkit-pg -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  stop)
    [ -f "$DIR/data/postmaster.pid" ] && as_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
    exit 0 ;;
  start) ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac

if [ "$(id -u)" = 0 ] && ! id okrkit-pg >/dev/null 2>&1; then useradd --system --no-create-home okrkit-pg; fi
rm -rf "$DIR" && mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown okrkit-pg "$DIR"
run() {
  as_pg "$BIN/initdb" -D "$DIR/data" -U postgres -E UTF8 --locale=C.UTF-8 --auth=trust >"$DIR/initdb.log" 2>&1
  as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
}
if [ -c /dev/null ] || [ "$(id -u)" != 0 ]; then
  run
else
  [ -c "$DIR.null" ] || mknod -m 666 "$DIR.null" c 1 3
  export -f run as_pg && export BIN DIR PORT
  unshare -m bash -c "mount --bind '$DIR.null' /dev/null && run"
fi
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
