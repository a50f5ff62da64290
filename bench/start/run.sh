#!/usr/bin/env bash
# Start time and idle memory of the web app (issue #16): time from launch to the first 200 on GET /, and resident memory
# (VmRSS) 3 s after it, for the built Embassy web app exactly as ./run starts it (published ReadyToRun, SQLite in a data
# folder, started in the published folder; BUILD=plain measures the plain Release build as `dotnet run` started it) beside an empty ASP.NET Core app (bench/start/EmptyApp), runs interleaved so both
# see the same load on a shared machine. Two Embassy cases: a restart (the database exists and is migrated) and a first
# start (an empty data folder: created and migrated).
# Usage: bench/start/run.sh [runs]        e.g. bench/start/run.sh 10
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}
root=$PWD
work=$(mktemp -d /tmp/embassy-start.XXXXXX)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

echo "Building (Release)…" >&2
if [ "${BUILD:-ready}" = plain ]; then
  dotnet build src/Embassy.Web -c Release -v quiet -nologo >/dev/null
  web="$root/src/Embassy.Web/bin/Release/net10.0/Embassy.Web.dll"; webdir="$root/src/Embassy.Web"
else
  dotnet publish src/Embassy.Web -c Release -p:EmbassyReadyToRun=true -o src/Embassy.Web/bin/Release/net10.0/ready -v quiet -nologo >/dev/null
  webdir="$root/src/Embassy.Web/bin/Release/net10.0/ready"; web="$webdir/Embassy.Web.dll"
fi
dotnet build bench/start/EmptyApp -c Release -v quiet -nologo >/dev/null
empty="$root/bench/start/EmptyApp/bin/Release/net10.0/EmptyApp.dll"

# one run: prints "<ms to first 200> <idle RSS in MB>"
measure() { # dir port data-dir dll
  local dir=$1 port=$2 data=$3 dll=$4 t0 t1 code rss
  t0=$(date +%s%N)
  (cd "$dir" && EMBASSY_Database__DataDirectory="$data" ASPNETCORE_URLS="http://127.0.0.1:$port" exec dotnet "$dll" >"$work/app.log" 2>&1) &
  pid=$!
  until code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/") && [ "$code" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  sleep 3
  rss=$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  echo "$(( (t1 - t0) / 1000000 )) $rss"
}

# the restart case's database: created and migrated by one start first
measure "$webdir" 5191 "$work/restart" "$web" >/dev/null
: >"$work/empty"; : >"$work/restart.txt"; : >"$work/first.txt"
for i in $(seq 1 "$runs"); do
  measure "$root/bench/start" 5190 "$work/unused" "$empty" >>"$work/empty"
  measure "$webdir" 5191 "$work/restart" "$web" >>"$work/restart.txt"
  rm -rf "$work/first"
  measure "$webdir" 5192 "$work/first" "$web" >>"$work/first.txt"
  echo "run $i/$runs: empty $(tail -1 "$work/empty"), restart $(tail -1 "$work/restart.txt"), first start $(tail -1 "$work/first.txt") (ms MB)" >&2
done

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
e_ms=$(cut -d' ' -f1 "$work/empty" | median); e_mb=$(cut -d' ' -f2 "$work/empty" | median)
printf '%-34s %14s %10s %14s %10s\n' "median of $runs interleaved runs" "first 200 ms" "ratio" "idle RSS MB" "ratio"
printf '%-34s %14s %10s %14s %10s\n' "empty ASP.NET Core app" "$e_ms" "1.00" "$e_mb" "1.00"
for case in restart first; do
  ms=$(cut -d' ' -f1 "$work/$case.txt" | median); mb=$(cut -d' ' -f2 "$work/$case.txt" | median)
  label=$([ "$case" = restart ] && echo "Embassy, restart (migrated db)" || echo "Embassy, first start (new db)")
  printf '%-34s %14s %10s %14s %10s\n' "$label" "$ms" "$(awk -v a="$ms" -v b="$e_ms" 'BEGIN { printf "%.2f", a / b }')" \
    "$mb" "$(awk -v a="$mb" -v b="$e_mb" 'BEGIN { printf "%.2f", a / b }')"
done
