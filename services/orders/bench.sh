#!/usr/bin/env bash
# Sustained checkouts against a running Emporium (./emporium up): confirmed orders per second
# and the saga's completion latency. Not a test: it prints numbers. Loopback only.
#   services/orders/bench.sh [clients=8] [duration=20s] [rate=0 (unlimited)]
# Start the system with the gateway's rate limit off (EMPORIUM_GATEWAY_RATE_LIMIT_ENABLED=false).
# Stocking the SKUs is an admin call: export EMPORIUM_TOKEN=<an admin access token of the identity
# service> first (the repository's token script fetches one); it is sent as "Authorization: Bearer".
set -euo pipefail
: "${EMPORIUM_TOKEN:?set EMPORIUM_TOKEN to an admin access token (sent as Authorization: Bearer)}"
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
cp_file=target/bench.classpath
"$root/mvnw" -q -B -f pom.xml test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx256m -cp "target/test-classes:$(cat "$cp_file")" \
  -Dbench.url="http://localhost:${EMPORIUM_GATEWAY_PORT:-8080}" -Dbench.clients="${1:-8}" \
  -Dbench.duration="${2:-20s}" -Dbench.rate="${3:-0}" \
  org.emporium.orders.bench.CheckoutBenchmark
