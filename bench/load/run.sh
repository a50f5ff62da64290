#!/usr/bin/env bash
# Load test of the public month page (issue #5): 1,000 members x 24 closed months in SQLite, then wrk.
# Target: p99 < 50 ms and >= 1,000 requests/s on a 2-core machine. Not part of ./test (needs `wrk`, see .ci/apt-packages; installed from apt when missing).
# Usage: bench/load/run.sh [members] [months] [duration]     e.g. bench/load/run.sh 1000 24 30s
set -euo pipefail
cd "$(dirname "$0")/../.."
members=${1:-1000}
months=${2:-24}
duration=${3:-30s}
port=${PORT:-5088}
connections=${CONNECTIONS:-16 64}
if ! command -v wrk >/dev/null; then # from apt (.ci/apt-packages), installed here when missing
  echo "Installing wrk from apt…"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi

work=$(mktemp -d /tmp/embassy-load.XXXXXX)
dotnet build src/Embassy.Web -c Release -v quiet -nologo >/dev/null
echo "Seeding $members members x $months closed months into $work/demo/embassy.db (first start of the demo program)..."
start=$(date +%s)
EMBASSY_Database__DataDirectory="$work" EMBASSY_DemoSize__Members="$members" EMBASSY_DemoSize__Months="$months" \
  ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
  dotnet src/Embassy.Web/bin/Release/net10.0/Embassy.Web.dll --contentRoot "$PWD/src/Embassy.Web" --demo >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
  kill -0 $app 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
  sleep 1
done
echo "Seeded and serving after $(( $(date +%s) - start )) s; database $(du -h "$work/demo/embassy.db" | cut -f1)."

month=$(curl -fs "http://127.0.0.1:$port/api/months" | sed -n 's/.*"period":"\([0-9-]*\)".*/\1/p' | head -n 1)
url="http://127.0.0.1:$port/months/$month"
cold=$(curl -fs -o /dev/null -w '%{time_total}' "$url") # first request renders; later ones come from the output cache
size=$(curl -fs "$url" | wc -c)
echo "First (uncached) render of the month page: ${cold} s"
echo "Public month page: $url ($size bytes, $(curl -fs "$url" | grep -c 'data-member=') member rows)"
curl -fs -o /dev/null "$url" # warm up
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
for c in $connections; do
  echo "--- wrk: 2 threads, $c connections, $duration ---"
  wrk -t2 -c"$c" -d"$duration" --latency "$url"
done
