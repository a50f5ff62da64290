#!/usr/bin/env bash
# Load on the scale path (issue #15): the public month page (1,000 members x 24 closed months) through nginx, with two
# web instances on one PostgreSQL, with one instance on it, and with one instance on SQLite; wrk against each in turn.
# Needs wrk, nginx and PostgreSQL 15 (all in .ci/apt-packages; installed from apt when missing); not part of ./test.
# Usage: bench/scale/run.sh [members] [months] [duration]     e.g. bench/scale/run.sh 1000 24 10s
set -euo pipefail
cd "$(dirname "$0")/../.."
members=${1:-1000}
months=${2:-24}
duration=${3:-10s}
connections=${CONNECTIONS:-16}
base=${PORT:-5200}
# What it needs comes from apt (the packages of .ci/apt-packages), installed here when missing.
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
if [ -z "${EMBASSY_TEST_POSTGRES:-}" ] && ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then need+=(postgresql); fi
command -v psql >/dev/null || need+=(postgresql-client)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} from apt…"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d /tmp/embassy-scale.XXXXXX)
cleanup=()
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; for c in "${cleanup[@]}"; do eval "$c" || true; done; rm -rf "$work"' EXIT
# shellcheck disable=SC1091
source .ci/start-services   # a throw-away PostgreSQL 15 unless EMBASSY_TEST_POSTGRES names a server; exports it
pg="$EMBASSY_TEST_POSTGRES"

pg_port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$pg")
bench_db="embassy_bench_$$" # its own database, dropped at the end, so a shared server is left as it was
psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE $bench_db;"
cleanup=("psql -h 127.0.0.1 -p $pg_port -U postgres -qc 'DROP DATABASE IF EXISTS $bench_db WITH (FORCE);'" "${cleanup[@]}")
db="$pg;Database=$bench_db"

echo "Building (Release)…"
dotnet build src/Embassy.Web -c Release -v quiet -nologo >/dev/null
dotnet build bench/Embassy.Benchmarks -c Release -v quiet -nologo >/dev/null
start=$(date +%s)
echo "Seeding $members members x $months closed months into PostgreSQL and into SQLite (the demo program)…"
dotnet bench/Embassy.Benchmarks/bin/Release/net10.0/Embassy.Benchmarks.dll seed-demo "$db" "$members" "$months" &
seed=$!
web() { # port, then environment assignments
  local port=$1; shift
  env "$@" ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
    dotnet src/Embassy.Web/bin/Release/net10.0/Embassy.Web.dll --contentRoot "$PWD/src/Embassy.Web" >"$work/web-$port.log" 2>&1 &
  pids+=($!)
}
web $((base + 3)) EMBASSY_Database__DataDirectory="$work/sqlite" EMBASSY_DemoSize__Members="$members" EMBASSY_DemoSize__Months="$months" EMBASSY_Demo=true
wait $seed
web $((base + 1)) EMBASSY_Database__Provider=postgres EMBASSY_Database__ConnectionString="$db"
web $((base + 2)) EMBASSY_Database__Provider=postgres EMBASSY_Database__ConnectionString="$db"
for p in 1 2 3; do
  until curl -fs "http://127.0.0.1:$((base + p))/readyz" >/dev/null 2>&1; do sleep 1; done
done
echo "Seeded and serving after $(( $(date +%s) - start )) s."

mkdir -p "$work/nginx"
user=""; [ "$(id -u)" = 0 ] && user="user root;"
cat >"$work/nginx/nginx.conf" <<CONF
$user
worker_processes 2;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy; fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  upstream two_pg { server 127.0.0.1:$((base + 1)); server 127.0.0.1:$((base + 2)); keepalive 32; }
  upstream one_pg { server 127.0.0.1:$((base + 1)); keepalive 32; }
  upstream one_sqlite { server 127.0.0.1:$((base + 3)); keepalive 32; }
  server { listen 127.0.0.1:$((base + 10)); location / { proxy_pass http://two_pg; proxy_http_version 1.1; proxy_set_header Connection ""; } }
  server { listen 127.0.0.1:$((base + 11)); location / { proxy_pass http://one_pg; proxy_http_version 1.1; proxy_set_header Connection ""; } }
  server { listen 127.0.0.1:$((base + 12)); location / { proxy_pass http://one_sqlite; proxy_http_version 1.1; proxy_set_header Connection ""; } }
}
CONF
"$nginx_bin" -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" &
pids+=($!)
sleep 1

month=$(curl -fs "http://127.0.0.1:$((base + 1))/api/months" | sed -n 's/.*"period":"\([0-9-]*\)".*/\1/p' | head -n 1)
echo "Public month page /months/$month: $(curl -fs "http://127.0.0.1:$((base + 10))/months/$month" | wc -c) bytes, $(curl -fs "http://127.0.0.1:$((base + 10))/months/$month" | grep -c 'data-member=') member rows"
echo "Commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs"
for setup in "two instances on PostgreSQL:$((base + 10))" "one instance on PostgreSQL:$((base + 11))" "one instance on SQLite:$((base + 12))"; do
  name=${setup%%:*}; port=${setup##*:}
  url="http://127.0.0.1:$port/months/$month"
  for _ in 1 2 3 4; do curl -fs -o /dev/null "$url"; done # warm every instance's cache
  for c in $connections; do
    echo "--- $name, through nginx: wrk 2 threads, $c connections, $duration ---"
    wrk -t2 -c"$c" -d"$duration" --latency "$url" | grep -E "Requests/sec|  50%|  99%|Non-2xx|Socket errors"
  done
done
