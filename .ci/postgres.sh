#!/usr/bin/env bash
# Sourced by .ci/run (or by hand: `source .ci/postgres.sh`): starts a throwaway PostgreSQL cluster on a free
# loopback port under a temporary folder, exports TIKTOKBOT_TEST_POSTGRES for the storage tests, and stops the
# server and deletes the folder when the shell that sourced it exits.

# The server's initdb, not just a client's bin folder, decides whether PostgreSQL is installed.
tiktokbot_pg_find() { ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 | xargs -r dirname; }
tiktokbot_pg_bin=$(tiktokbot_pg_find)
if [ -z "$tiktokbot_pg_bin" ]; then
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
  tiktokbot_pg_bin=$(tiktokbot_pg_find)
fi

tiktokbot_pg_dir=$(mktemp -d /tmp/tiktokbot-pg.XXXXXX)

# initdb and postgres refuse to run as root: as root, run them as the postgres user.
tiktokbot_pg_as() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$tiktokbot_pg_dir"
  tiktokbot_pg_as() { runuser -u postgres -- "$@"; }
fi

tiktokbot_pg_port=55432
while (exec 3<>"/dev/tcp/127.0.0.1/$tiktokbot_pg_port") 2>/dev/null; do
  tiktokbot_pg_port=$((tiktokbot_pg_port + 1))
done

tiktokbot_pg_stop() {
  tiktokbot_pg_as "$tiktokbot_pg_bin/pg_ctl" -D "$tiktokbot_pg_dir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$tiktokbot_pg_dir"
}
trap tiktokbot_pg_stop EXIT

tiktokbot_pg_as "$tiktokbot_pg_bin/initdb" -D "$tiktokbot_pg_dir/data" -U tiktokbot --auth=trust -E UTF8 >"$tiktokbot_pg_dir/initdb.log" 2>&1 \
  || { cat "$tiktokbot_pg_dir/initdb.log"; exit 1; }
tiktokbot_pg_as "$tiktokbot_pg_bin/pg_ctl" -D "$tiktokbot_pg_dir/data" -l "$tiktokbot_pg_dir/server.log" -w \
  -o "-p $tiktokbot_pg_port -k $tiktokbot_pg_dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
  || { cat "$tiktokbot_pg_dir/server.log"; exit 1; }
"$tiktokbot_pg_bin/createdb" -h 127.0.0.1 -p "$tiktokbot_pg_port" -U tiktokbot tiktokbot_test

export TIKTOKBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$tiktokbot_pg_port;Username=tiktokbot;Database=tiktokbot_test"
echo "PostgreSQL $("$tiktokbot_pg_bin/postgres" --version | grep -o '[0-9][0-9.]*' | head -n 1) for the storage tests on 127.0.0.1:$tiktokbot_pg_port"
