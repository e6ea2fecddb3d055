# Shared by the benchmarks in tests/load (sourced, not run): their option checks, wrk, the product
# paths they load, and stopping a system one of them started.

export LOAD_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# usage FIRST LAST [STATUS]: prints the script's header comment lines FIRST to LAST and exits
usage() { sed -n "$1,$2p" "$LOAD_DIR/$(basename "$0")" | sed 's/^# \{0,1\}//'; exit "${3:-0}"; }

# require_counts MIN N...: every N a whole number of at least MIN, or exit 2 saying which is not
require_counts() {
  local min=$1 n
  shift
  for n in "$@"; do
    [[ $n =~ ^[0-9]+$ ]] && (( n >= min )) || { echo "not a whole number of at least $min: $n" >&2; exit 2; }
  done
}

# wrk from Debian when it is missing and this runs as root; otherwise says how to get it
require_wrk() {
  command -v wrk >/dev/null && return
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "the benchmark needs wrk: sudo apt-get install wrk" >&2; exit 1
  fi
}

# product_paths GATEWAY DIR: 500 real products spread across the catalog, fetched into DIR/products,
# as product page paths (DIR/page-paths) and catalog API paths (DIR/api-paths)
product_paths() {
  local gateway=$1 dir=$2 page
  for page in 0 1 2 3 4; do
    curl -fsS "$gateway/api/catalog/products?size=100&page=$((page * 4))"
    echo
  done > "$dir/products"
  grep -o '"id":"[^"]*"' "$dir/products" | sed -E 's#"id":"([^"]*)"#/api/catalog/products/\1#' > "$dir/api-paths"
  grep -o '"sku":"[^"]*"' "$dir/products" | sed -E 's#"sku":"([^"]*)"#/p/\1#' > "$dir/page-paths"
}

# descendants PID: its children, their children, ...
descendants() {
  local child
  for child in $(cat /proc/"$1"/task/*/children 2>/dev/null); do echo "$child"; descendants "$child"; done
}

# stop_started EMPORIUM UP_PID: stops a system started in the background as UP_PID (the launcher
# stops everything it started on SIGTERM), sweeps with `emporium stop`, then waits for every process
# the launcher had started (components, but also, say, a cache's training run) and ends those that
# outlive it by 30 s
stop_started() {
  local emporium=$1 up_pid=$2 tree=() alive=() pid waited=0
  if [[ -n $up_pid ]] && kill -0 "$up_pid" 2>/dev/null; then
    mapfile -t tree < <(descendants "$up_pid")
    kill -TERM "$up_pid" 2>/dev/null || true
    while kill -0 "$up_pid" 2>/dev/null && (( waited++ < 900 )); do sleep 0.1; done
  fi
  "$emporium" stop >/dev/null 2>&1 || true
  for ((waited = 0; waited < 300; waited++)); do
    alive=()
    for pid in "${tree[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
    (( ${#alive[@]} )) || return 0
    sleep 0.1
  done
  echo "    ${#alive[@]} process(es) the launcher started outlived it by 30 s: ending them (${alive[*]})" >&2
  kill -TERM "${alive[@]}" 2>/dev/null || true
  sleep 5
  kill -KILL "${alive[@]}" 2>/dev/null || true
}

# start_system EMPORIUM LOG TIMEOUT: starts the whole system in the background with the gateway's
# rate limit off (and whatever else the caller exported), output to LOG; waits until it is ready
# or TIMEOUT seconds pass (then shows the end of LOG and exits 1). Sets UP_PID for stop_started.
start_system() {
  local emporium=$1 log=$2 timeout=$3 waited
  shift 3 # the rest goes to up (--scale catalog=2, say)
  EMPORIUM_GATEWAY_RATE_LIMIT_ENABLED=false "$emporium" up --quiet "$@" > "$log" 2>&1 &
  UP_PID=$!
  for ((waited = 0; ; waited++)); do
    grep -q 'Emporium is ready' "$log" && return 0
    if ! kill -0 "$UP_PID" 2>/dev/null || (( waited > timeout * 10 )); then
      echo "Emporium did not become ready within $timeout s; the last of its output:" >&2
      tail -n 20 "$log" >&2
      exit 1
    fi
    sleep 0.1
  done
}

# CPU time (clock ticks: user + system, with reaped children's) of a process and all its descendants;
# the processes a launcher started: every JVM, Postgres' backends included.
cpu_ticks() {
  local pid total=0 fields
  for pid in "$1" $(descendants "$1"); do
    fields=$(sed -E 's/^.*\) //' /proc/"$pid"/stat 2>/dev/null) || continue
    set -- $fields
    total=$(( total + ${12} + ${13} + ${14} + ${15} ))
  done
  echo "$total"
}

# For a benchmark that starts its own system: refuses when one runs already, makes $WORK (removed
# when the script ends) and stops the system it started ($UP_PID) however the script ends.
own_system() {
  if "$ROOT/emporium" status >/dev/null 2>&1; then
    echo "an Emporium already runs: stop it (./emporium stop); this benchmark starts its own" >&2
    exit 1
  fi
  WORK=$(mktemp -d)
  UP_PID=""
  trap own_system_exit EXIT
  trap 'exit 130' INT TERM
}

own_system_exit() {
  local status=$?
  [[ -n $UP_PID ]] && stop_started "$ROOT/emporium" "$UP_PID"
  rm -rf "$WORK"
  exit "$status"
}

# search_paths DIR: a shopper's search mix from the products in DIR/products (product_paths first),
# as DIR/search-paths: single name words (40%), brands (20%), a word with a typo (15%), two words
# (10%), browsing with facets and a sort (10%), suggestions (5%)
search_paths() {
  local dir=$1
  grep -o '"name":"[^"]*"' "$dir/products" | cut -d'"' -f4 > "$dir/names"
  grep -o '"brand":"[^"]*"' "$dir/products" | cut -d'"' -f4 | sort -u > "$dir/brands"
  grep -o '"category":"[^"]*"' "$dir/products" | cut -d'"' -f4 | sort -u > "$dir/categories"
  awk -v brands="$dir/brands" -v categories="$dir/categories" '
    function enc(s) { gsub(/ /, "%20", s); gsub(/&/, "%26", s); return s }
    BEGIN { srand(42); while ((getline b < brands) > 0) B[nb++] = b; while ((getline c < categories) > 0) C[nc++] = c }
    { n = split(tolower($0), w, " "); word = w[int(rand() * n) + 1]; gsub(/[^a-z0-9-]/, "", word)
      if (length(word) < 4) word = w[n]
      r = rand()
      if (r < 0.40) print "/api/search?q=" enc(word)
      else if (r < 0.60) print "/api/search?q=" enc(B[int(rand() * nb)])
      else if (r < 0.75) { i = int(rand() * (length(word) - 2)) + 2; print "/api/search?q=" enc(substr(word, 1, i - 1) substr(word, i + 1)) }
      else if (r < 0.85) print "/api/search?q=" enc(w[1] " " w[n])
      else if (r < 0.95) print "/api/search?category=" C[int(rand() * nc)] "&sort=price&maxPrice=" (int(rand() * 10) + 1) * 50
      else print "/api/search/suggest?q=" substr(word, 1, 3) }' "$dir/names" > "$dir/search-paths"
}

# cart_inputs GATEWAY DIR COUNT: COUNT fresh guest carts (DIR/carts) and 40 SKUs with plenty of
# stock (DIR/skus; a few seeded SKUs are scarce or out of stock on purpose), for add-to-cart.lua:
# at most 40 lines per cart, far from the caps of 50 lines and 99 units a line
cart_inputs() {
  local gateway=$1 dir=$2 count=$3 i sku available
  for i in $(seq 1 "$count"); do
    curl -fsS -X POST "$gateway/api/carts" | grep -o '"id":"[^"]*"' | cut -d'"' -f4
  done > "$dir/carts"
  for sku in $(curl -fsS "$gateway/api/catalog/products?size=100&category=books" | grep -o '"sku":"[^"]*"' | cut -d'"' -f4); do
    available=$(curl -fsS "$gateway/api/inventory/$sku" | grep -o '"available":[0-9]*' | cut -d: -f2)
    if (( ${available:-0} > 50 )); then echo "$sku"; fi
  done > "$dir/skus-in-stock"
  head -40 "$dir/skus-in-stock" > "$dir/skus"
}

# require_jdk: sets JAVA to a java of JDK 21 or newer (JAVA_HOME first, then the newest under
# /usr/lib/jvm, as ./emporium looks), or exits saying what to install. Gatling runs on it.
require_jdk() {
  local candidate version best="" best_version=0
  java_version() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1; }
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/javac ]] && (( $(java_version "$JAVA_HOME/bin/java") >= 21 )); then
    best=$JAVA_HOME
  else
    for candidate in /usr/lib/jvm/*; do
      [[ -x $candidate/bin/javac ]] || continue
      version=$(java_version "$candidate/bin/java")
      if (( version >= 21 && version > best_version )); then best=$candidate best_version=$version; fi
    done
  fi
  [[ -n $best ]] || { echo "the benchmark needs a JDK 21 or newer (JAVA_HOME, or one under /usr/lib/jvm)" >&2; exit 1; }
  export JAVA_HOME=$best
  JAVA=$best/bin/java
}

# gatling_classpath ROOT DIR: compiles the Gatling simulations (tests/load/gatling) when a source or
# the pom changed since the last build, with the repository's Maven wrapper, before anything is
# measured; writes their classpath to DIR/classpath. require_jdk first.
gatling_classpath() {
  local root=$1 dir=$2 project=$LOAD_DIR/gatling
  if [[ ! -f $project/target/classpath ]] \
      || [[ -n $(find "$project/pom.xml" "$project/src" -newer "$project/target/classpath" -print -quit) ]]; then
    echo "▸ compiling the Gatling simulations (tests/load/gatling; Maven fetches Gatling the first time)"
    "$root/mvnw" -q -B -f "$project/pom.xml" test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/classpath -Dmdep.includeScope=test >&2 \
      || { echo "the Gatling simulations did not compile" >&2; exit 1; }
    touch "$project/target/classpath" # the plugin leaves an unchanged file as it was
  fi
  echo "$project/target/test-classes:$(cat "$project/target/classpath")" > "$dir/classpath"
}

# shopper_accounts GATEWAY DIR COUNT: COUNT shoppers' accounts (bench-shopper-N@example.com), created
# through identity's registration API where they do not exist yet (201, or 409 when an earlier run
# made them: the same password either way), as DIR/accounts.csv (email,password) for the simulations.
# Identity's address is where the shop's sign-in sends a browser. Test accounts of a local system:
# their passwords are no secret.
shopper_accounts() {
  local gateway=$1 dir=$2 count=$3 identity n email password status
  identity=$(curl -fsS -o /dev/null -w '%{redirect_url}' "$gateway/login?return=/" | grep -oE '^https?://[^/]+') \
    || { echo "the shop's sign-in did not redirect to identity" >&2; exit 1; }
  echo "email,password" > "$dir/accounts.csv"
  for n in $(seq 1 "$count"); do
    email=bench-shopper-$n@example.com password="bench shopper $n of Emporium"
    status=$(curl -sS -o "$dir/signup" -w '%{http_code}' -H 'Content-Type: application/json' \
      -d "{\"email\":\"$email\",\"password\":\"$password\",\"name\":\"Bench Shopper $n\"}" "$identity/api/identity/accounts")
    case $status in
      # 202: made, or made by an earlier run (identity answers both alike, and says which by mail);
      # 429: this address or email signed up often lately, so an earlier run made it
      202|429) echo "$email,$password" >> "$dir/accounts.csv" ;;
      *) echo "identity refused the account $email ($status): $(cat "$dir/signup")" >&2; exit 1 ;;
    esac
  done
}
