#!/usr/bin/env bash
# Warm-up benchmark: starts the whole system, then loads the product page through the gateway right
# after "ready", in consecutive runs, and prints each run's throughput and latency: how long the JIT
# takes to reach the plateau. A benchmark: numbers, never pass/fail.
#   tests/load/warmup.sh [--runs N=9] [--duration S=20] [--connections N=32] [--timeout S=300]
# The system is started with the gateway's rate limit off and stopped at the end (or on Ctrl-C).
# Extra JVM options for every process, to compare: JDK_JAVA_OPTIONS="..." tests/load/warmup.sh
# Method and results: tests/load/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
. "$ROOT/tests/load/common.sh"
RUNS=9 DURATION=20 CONNECTIONS=32 TIMEOUT=300

while (( $# )); do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    -h|--help) usage 2 8 ;;
    *) echo "unknown option: $1" >&2; usage 2 8 2 ;;
  esac
done
require_counts 1 "$RUNS" "$DURATION" "$CONNECTIONS" "$TIMEOUT"
require_wrk
if "$ROOT/emporium" status >/dev/null 2>&1; then
  echo "an Emporium already runs: stop it (./emporium stop); this benchmark measures a fresh start" >&2
  exit 1
fi

WORK=$(mktemp -d)
UP_PID=""
on_exit() {
  local status=$?
  if [[ -n $UP_PID ]]; then
    echo "▸ stopping the system this started"
    stop_started "$ROOT/emporium" "$UP_PID"
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

echo "▸ starting Emporium (the gateway's rate limit off); its output: $WORK/up.log"
start_system "$ROOT/emporium" "$WORK/up.log" "$TIMEOUT"
READY=$EPOCHSECONDS
echo "✓ $(grep -o 'Emporium is ready in .*' "$WORK/up.log")"

GATEWAY="http://localhost:${EMPORIUM_GATEWAY_PORT:-8080}"
# 500 real products spread across the catalog, as tests/load/bench.sh picks them
product_paths "$GATEWAY" "$WORK"

echo "== product page (HTML) through the gateway: gateway → storefront → catalog, $CONNECTIONS connections, $RUNS runs of $DURATION s"
printf '  %-4s %12s %12s %10s %10s %8s\n' run "from ready" "requests/s" p50 p99 errors
threads=$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))
for run in $(seq 1 "$RUNS"); do
  start=$(( EPOCHSECONDS - READY ))
  PATHS_FILE="$WORK/page-paths" wrk -t"$threads" -c"$CONNECTIONS" -d"${DURATION}s" --latency \
    -s "$ROOT/tests/load/random-path.lua" "$GATEWAY" > "$WORK/run-$run.txt"
  awk -v run="$run" -v start="$start" -v end=$(( EPOCHSECONDS - READY )) '
    /Requests\/sec/ { rps = $2 }
    / 50%/ { p50 = $2 } / 99%/ { p99 = $2 }
    /Non-2xx/ { errors += $NF } /Socket errors/ { errors += $NF }
    END { printf "  %-4s %12s %12.0f %10s %10s %8d\n", run, start "-" end " s", rps, p50, p99, errors }' "$WORK/run-$run.txt"
done
