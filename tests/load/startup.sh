#!/usr/bin/env bash
# Start-up benchmark: starts the whole system N times and reports, per component and in total, the
# time to ready and the memory (PSS) once idle, median and range. A benchmark: numbers, never pass/fail.
#   tests/load/startup.sh [--warm N=3] [--cold N=0] [--idle S=10] [--timeout S=300] [--out FILE]
#   tests/load/startup.sh --compare A.json B.json
# warm: built, start-up caches trained, data present. cold: the first start after a build, i.e. with
# the start-up caches (.emporium/aot/) removed; the data is kept. Cold starts run first, then warm.
# EMPORIUM_PORT_OFFSET (or --port-offset N, 13000 say) runs it beside a system on the default
# ports; Ctrl-C stops the system it started. Everything Java goes through ./emporium (which finds
# the JDK). Method and results: tests/load/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=$ROOT/tests/load
. "$HERE/common.sh"
WARM=3 COLD=0 IDLE=10 TIMEOUT=300 OUT="" TRAINING_TIMEOUT=900 TRAINED=""

while (( $# )); do
  case "$1" in
    --warm) WARM=$2; shift 2 ;;
    --cold) COLD=$2; shift 2 ;;
    --idle) IDLE=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --port-offset) export EMPORIUM_PORT_OFFSET=$2; shift 2 ;;
    --compare) (( $# == 3 )) || usage 2 10 2; exec python3 "$HERE/startup.py" compare "$2" "$3" ;;
    -h|--help) usage 2 10 ;;
    *) echo "unknown option: $1" >&2; usage 2 10 2 ;;
  esac
done
require_counts 0 "$WARM" "$COLD" "$IDLE" "$TIMEOUT"
(( WARM + COLD > 0 )) || { echo "nothing to run: --warm 0 and --cold 0" >&2; exit 2; }
command -v python3 >/dev/null || { echo "the start-up benchmark needs python3 (for its JSON): sudo apt-get install python3" >&2; exit 1; }

EMPORIUM_DIR=${EMPORIUM_HOME:-$ROOT/.emporium}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=${OUT:-$HERE/results/startup-$STAMP.json}
WORK=$(mktemp -d)
UP_PID="" STARTED=""

emporium() { "$ROOT/emporium" "$@"; }

if emporium status >/dev/null 2>&1; then
  echo "an Emporium already runs from $EMPORIUM_DIR: stop it (./emporium stop), or run this from another" >&2
  echo "checkout or with another EMPORIUM_HOME, with EMPORIUM_PORT_OFFSET so the ports do not collide" >&2
  exit 1
fi

# Ctrl-C or a failure: stop the system this started and wait for all it started (common.sh)
stop_system() { stop_started "$ROOT/emporium" "$UP_PID"; UP_PID=""; }
on_exit() {
  local status=$?
  if [[ -n $UP_PID ]]; then echo; echo "▸ stopping the system this started"; fi
  if [[ -n $STARTED ]]; then stop_system; fi
  rm -rf "$WORK"
  exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

# microseconds, without a fork: the machine being measured has two cores to spare for nothing else
now() { echo "${EPOCHREALTIME/./}"; }
seconds_since() { local us=$(( $(now) - $1 )); printf '%d.%d' $((us / 1000000)) $((us % 1000000 / 100000)); }

# true when something accepts connections on the port (the launcher refuses to start otherwise)
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Linux hands out ports in this range to outgoing connections: a listening port inside it can be
# taken by one (of the very processes starting) between the launcher's check and the bind.
read -r EPHEMERAL_LOW EPHEMERAL_HIGH < /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || EPHEMERAL_LOW=0 EPHEMERAL_HIGH=0
WARNED=""

# One start: up in the background, wait until ready, idle, read status --json, stop, wait until
# every process has exited and every port is free again. Writes $WORK/run-<kind>-<n>.json.
run_once() { # kind n of
  local kind=$1 n=$2 of=$3 attempt
  printf '▸ %s start %d/%d: ' "$kind" "$n" "$of"
  for attempt in 1 2 3; do
    if [[ $kind == cold ]]; then rm -rf "$EMPORIUM_DIR/aot"; fi
    PORT_TAKEN=""
    start_once "$kind" "$n"
    [[ -n $PORT_TAKEN ]] || return 0
    # a port taken by another process's outgoing connection is bad luck, not the start's doing
    (( attempt < 3 )) || { echo "three attempts failed" >&2; exit 1; }
    echo "    a port was taken by another process's connection: once more (attempt $((attempt + 1)) of 3)"
    stop_system
    sleep 5
    printf '▸ %s start %d/%d: ' "$kind" "$n" "$of"
  done
}

# sets PORT_TAKEN when up failed because a port was taken; exits on any other failure
start_once() { # kind n
  local kind=$1 n=$2 begin ready_wall status_file="$WORK/status-$1-$2.json" log="$WORK/up-$1-$2.log"
  begin=$(now)
  emporium up --quiet >"$log" 2>&1 &
  UP_PID=$! STARTED=yes
  # asking status starts a JVM, which would slow the start being measured: only after a minute
  local polled=$((SECONDS + 50))
  until grep -q "Emporium is ready" "$log"; do
    if ! kill -0 "$UP_PID" 2>/dev/null; then
      UP_PID=""
      echo "up exited before it was ready; what it said:"
      { grep -E "^✗|in use" "$log" || tail -n 8 "$log"; } | head -n 8 | cut -c1-300 | sed 's/^/    /'
      # (when the launcher found a port taken before it started anything, only if nothing listens
      # there: a port taken by a server stays taken)
      local taken
      taken=$(grep -oE "^✗ port [0-9]+" "$log" | grep -oE "[0-9]+$" || true)
      if [[ -n $taken ]] && ! listening "$taken"; then PORT_TAKEN=yes; return 0; fi
      if [[ -z $taken ]] && grep -qiE "already in use|in use by another" "$log"; then PORT_TAKEN=yes; return 0; fi
      exit 1
    fi
    if (( SECONDS - polled >= 10 )); then # in case up words its ready line otherwise
      polled=$SECONDS
      emporium status --json >"$status_file" 2>/dev/null || true
      python3 "$HERE/startup.py" ready "$status_file" >/dev/null 2>&1 && break
    fi
    if (( $(now) - begin >= TIMEOUT * 1000000 )); then
      echo "not ready within $TIMEOUT s; the last lines of up:"; tail -n 20 "$log" | sed 's/^/    /'; exit 1
    fi
    sleep 0.5
  done
  ready_wall=$(seconds_since "$begin")
  # Once ready, up trains the start-up caches it lacks in the background (a cold start's are all
  # missing). Stopping would end that, so the next start would be cold too: wait for it. It runs
  # before the idle wait, so memory is read with no training copy sharing the pages.
  if grep -q "training start-up caches in the background" "$log"; then
    local training_begin=$SECONDS
    until grep -q "start-up caches trained for" "$log"; do
      if (( SECONDS - training_begin >= TRAINING_TIMEOUT )); then
        echo "caches still training after $TRAINING_TIMEOUT s; the last lines of up:"; tail -n 5 "$log" | sed 's/^/    /'; exit 1
      fi
      kill -0 "$UP_PID" 2>/dev/null || { echo "up exited while training its caches" >&2; exit 1; }
      sleep 1
    done
    TRAINED="$(grep -oE "start-up caches trained for .*" "$log" | head -n 1)"
  fi
  sleep "$IDLE"
  emporium status --json >"$status_file" || true # exits 1 when a component is not up; the JSON says which
  python3 "$HERE/startup.py" check "$status_file" || { echo; echo "status --json gave no usable answer" >&2; exit 1; }
  local stop_begin pids ports
  stop_begin=$(now)
  stop_system
  read -r -a pids <<<"$(python3 "$HERE/startup.py" pids "$status_file")"
  read -r -a ports <<<"$(python3 "$HERE/startup.py" ports "$status_file")"
  local deadline=$((SECONDS + 60)) busy port
  if [[ -z $WARNED ]]; then
    WARNED=yes
    for port in "${ports[@]}"; do
      if (( port >= EPHEMERAL_LOW && port <= EPHEMERAL_HIGH )); then
        printf '(ports %s–%s are also handed out to outgoing connections here; an offset that keeps the ports below %s avoids clashes) ' \
          "$EPHEMERAL_LOW" "$EPHEMERAL_HIGH" "$EPHEMERAL_LOW"
        break
      fi
    done
  fi
  while :; do
    busy=""
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && busy+=" pid $pid"; done
    for port in "${ports[@]}"; do listening "$port" && busy+=" port $port"; done
    [[ -z $busy ]] && break
    (( SECONDS < deadline )) || { echo; echo "still busy 60 s after stop:$busy" >&2; exit 1; }
    sleep 0.2
  done
  python3 "$HERE/startup.py" run "$kind" "$n" "$ready_wall" "$(seconds_since "$stop_begin")" "$status_file" >"$WORK/run-$kind-$n.json"
  python3 "$HERE/startup.py" line "$WORK/run-$kind-$n.json"
  if [[ -n $TRAINED ]]; then echo "    (once it was ready, the launcher trained what it lacked: $TRAINED)"; TRAINED=""; fi
}

echo "▸ start-up benchmark: $COLD cold and $WARM warm starts of the whole system (ports +${EMPORIUM_PORT_OFFSET:-0}, $IDLE s idle before measuring memory)"
# built first, so no start below includes a build
emporium build
# warm needs the caches trained and every start needs the data: a first start that is not counted
if [[ ! -d $EMPORIUM_DIR/data ]] || { (( COLD == 0 )) && [[ -z $(ls -A "$EMPORIUM_DIR/aot" 2>/dev/null) ]]; }; then
  echo "▸ a first start, not counted: it creates the data and trains the start-up caches"
  run_once first 1 1
fi
for ((i = 1; i <= COLD; i++)); do run_once cold "$i" "$COLD"; done
for ((i = 1; i <= WARM; i++)); do run_once warm "$i" "$WARM"; done

mkdir -p "$(dirname "$OUT")"
shopt -s nullglob
runs=("$WORK"/run-cold-*.json "$WORK"/run-warm-*.json)
jdk=$(emporium jdk)
python3 "$HERE/startup.py" summarize "$OUT" \
  --machine "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
  --machine "cores=$(nproc)" \
  --machine "memoryMb=$(($(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024))" \
  --machine "kernel=$(uname -r)" \
  --machine "os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")" \
  --meta "jdk=$jdk" \
  --meta "commit=$(git rev-parse HEAD 2>/dev/null)$(git diff --quiet HEAD 2>/dev/null || echo '+changes')" \
  --meta "date=$STAMP" \
  --option "warm=$WARM" --option "cold=$COLD" --option "idleSeconds=$IDLE" \
  --option "portOffset=${EMPORIUM_PORT_OFFSET:-0}" \
  "${runs[@]}"
