#!/usr/bin/env bash
# Checks the monitoring (monitoring/, docker-compose.yml) against the real platform; see docs/monitoring.md.
#   1. promtool: prometheus.yml and alerts.yml are valid, and the alert unit tests (alerts-test.yml) pass;
#   2. static.mjs: dashboards use only datasource uid "prometheus" and have units, descriptions and
#      thresholds; docker-compose.yml validates against the Compose Specification JSON Schema and matches
#      the services' configuration (images, ports, environment, topics, databases);
#   3. queries.mjs: with ./run-local.sh running (RATE=300) and a real Prometheus scraping it every 2 s,
#      every dashboard query returns data and every alert expression evaluates without error;
#   4. the platform and Prometheus are stopped and none of their processes is left.
# Needs Java 17, Node 20 (npm registry) and Prometheus (installed with apt-get when missing).
# Prints "monitoring: N passed, M failed" last; exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
CHECK=$ROOT/monitoring/check
WORK=$(mktemp -d "${TMPDIR:-/tmp}/monitoring-check.XXXXXX")
RESULTS=$WORK/results.txt
: > "$RESULTS"
started=$(date +%s)
PLATFORM_PID=
PROM_PID=
KEYCLOAK_PORT=

say() { echo "[monitoring $(date +%H:%M:%S)] $*"; }
pass() { echo "PASS $1" | tee -a "$RESULTS"; }
fail() { echo "FAIL $1${2:+: $2}" | tee -a "$RESULTS"; }
# Runs a command as one check; shows its output only when it fails.
step() {
  local name=$1; shift
  local out
  if out=$("$@" 2>&1); then pass "$name"; else fail "$name" "exit $?"; echo "$out" | tail -n 30 | sed 's/^/    /'; fi
}
# Runs a script that prints PASS/FAIL lines itself.
script() {
  local out rc
  out=$("$@" 2>&1); rc=$?
  echo "$out" | grep -E '^(PASS|FAIL) ' | tee -a "$RESULTS"
  if [[ $rc -ne 0 ]] && ! echo "$out" | grep -q '^FAIL '; then
    fail "$*" "exit $rc"
    echo "$out" | tail -n 20 | sed 's/^/    /'
  fi
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
descendants() { local c; for c in $(pgrep -P "$1" 2>/dev/null); do echo "$c"; descendants "$c"; done; }

# Stops what this script started, by process id: Prometheus, then the platform (SIGTERM, as Ctrl-C would),
# then verifies that none of the platform's processes (the launcher, Keycloak, the three service JVMs, and PostgreSQL,
# which runs detached but is recognisable by this run's private data directory) is still running.
stop_all() {
  if [[ -n "$PROM_PID" ]] && kill -0 "$PROM_PID" 2>/dev/null; then
    kill -TERM "$PROM_PID" 2>/dev/null
    for _ in $(seq 1 30); do kill -0 "$PROM_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$PROM_PID" 2>/dev/null
  fi
  PROM_PID=
  if [[ -n "$PLATFORM_PID" ]]; then
    local pids leftovers
    # Stopping the simulator first lets the services drain and stop sooner; that takes the operator's token.
    local token
    token=$(curl -s -m 5 -d 'grant_type=password&client_id=customs-cli&username=operator&password=operator' \
      "localhost:$KEYCLOAK_PORT/realms/customs/protocol/openid-connect/token" 2>/dev/null \
      | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])' 2>/dev/null)
    curl -s -m 5 -X POST localhost:8081/api/simulator/stop -H "Authorization: Bearer $token" > /dev/null 2>&1 || true
    pids="$PLATFORM_PID $(descendants "$PLATFORM_PID") $(pgrep -f -- "$WORK/" 2>/dev/null)"
    kill -TERM "$PLATFORM_PID" 2>/dev/null
    for _ in $(seq 1 120); do kill -0 "$PLATFORM_PID" 2>/dev/null || break; sleep 1; done
    sleep 1
    leftovers=""
    for p in $pids $(pgrep -f -- "$WORK/" 2>/dev/null); do
      [[ "$p" == "$$" ]] && continue
      kill -0 "$p" 2>/dev/null && leftovers="$leftovers $p"
    done
    if [[ -z "$leftovers" ]]; then
      pass "platform stopped on SIGTERM with nothing left running"
    else
      leftovers=${leftovers# }
      fail "platform stopped on SIGTERM with nothing left running" "still running: $(ps -o pid=,args= -p "${leftovers// /,}" 2>/dev/null | cut -c1-120 | tr '\n' ';')"
      for p in $leftovers; do kill -KILL "$p" 2>/dev/null; done
    fi
    PLATFORM_PID=
  fi
}
finish() {
  stop_all
  rm -rf "$WORK"
}
trap finish EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------------------------------ tools
if ! command -v promtool > /dev/null || ! command -v prometheus > /dev/null; then
  say "installing Prometheus (Debian package prometheus)"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends prometheus; } > "$WORK/apt.log" 2>&1 \
    || { cat "$WORK/apt.log"; echo "monitoring: cannot install prometheus" >&2; }
fi
if [[ ! -d "$CHECK/node_modules/dclint" || "$CHECK/package-lock.json" -nt "$CHECK/node_modules/.package-lock.json" ]]; then
  say "installing the checks' npm packages (ajv, yaml, dclint's Compose schema)"
  (cd "$CHECK" && npm ci --no-audit --no-fund --loglevel=error > "$WORK/npm.log" 2>&1) || cat "$WORK/npm.log"
fi

# ------------------------------------------------------------------------------------------ 1. promtool
say "promtool"
step "promtool check config monitoring/prometheus/prometheus.yml" promtool check config monitoring/prometheus/prometheus.yml
step "promtool check rules monitoring/prometheus/alerts.yml" promtool check rules monitoring/prometheus/alerts.yml
step "promtool test rules monitoring/prometheus/alerts-test.yml (every alert fires for its reason only)" \
  promtool test rules monitoring/prometheus/alerts-test.yml

# ------------------------------------------------------------------------------------------ 2. static
say "dashboards and docker-compose.yml"
script node "$CHECK/static.mjs"

# ------------------------------------------------------------------------------------------ 3. live
busy=""
for p in 8081 8082 8083; do port_busy "$p" && busy="$busy $p"; done
if [[ -n "$busy" ]]; then
  fail "live queries" "ports$busy are taken: stop whatever runs there (another ./run-local.sh?) and retry"
else
  say "starting the platform (RATE=300) and Prometheus"
  KEYCLOAK_PORT=$(free_port)
  KAFKA_PORT=$(free_port) POSTGRES_PORT=$(free_port) KEYCLOAK_PORT=$KEYCLOAK_PORT RATE=300 DEMO_YEAR=0 DATA_DIR="$WORK/data" \
    ./run-local.sh > "$WORK/platform.log" 2>&1 &
  PLATFORM_PID=$!
  up=no
  for _ in $(seq 1 300); do
    if grep -q "Customs trade platform is up" "$WORK/platform.log" 2>/dev/null; then up=yes; break; fi
    kill -0 "$PLATFORM_PID" 2>/dev/null || break
    sleep 1
  done
  if [[ $up != yes ]]; then
    fail "platform starts (./run-local.sh)" "not up after $(( $(date +%s) - started )) s"
    tail -n 30 "$WORK/platform.log" | sed 's/^/    /'
  else
    pass "platform starts (./run-local.sh)"
    prom_port=$(free_port)
    # The compose configuration, with the services on localhost and a 2 s scrape and evaluation interval.
    sed -e 's/^\(  scrape_interval:\).*/\1 2s/' -e 's/^\(  evaluation_interval:\).*/\1 2s/' \
        -e 's/^\(  scrape_timeout:\).*/\1 2s/' \
        -e "s#^\(  - \)alerts.yml#\1$ROOT/monitoring/prometheus/alerts.yml#" \
        -e "s/'\(declaration-service\|zone-service\|statistics-service\):\([0-9]*\)'/'localhost:\2'/" \
        monitoring/prometheus/prometheus.yml > "$WORK/prometheus.yml"
    step "promtool check config (the same configuration, scraping localhost)" promtool check config "$WORK/prometheus.yml"
    prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/prometheus" \
      --web.listen-address="127.0.0.1:$prom_port" > "$WORK/prometheus.log" 2>&1 &
    PROM_PID=$!
    say "evaluating every dashboard and alert expression (waits for the data to flow)"
    export PROM_URL="http://127.0.0.1:$prom_port" WAIT_SECONDS=150
    script node "$CHECK/queries.mjs"
    if grep -q '^FAIL' "$RESULTS"; then
      echo "    --- platform log (last lines)"; tail -n 5 "$WORK/platform.log" | sed 's/^/    /'
      echo "    --- prometheus log (last lines)"; tail -n 5 "$WORK/prometheus.log" | sed 's/^/    /'
    fi
  fi
  say "stopping Prometheus and the platform"
  stop_all
fi

# ------------------------------------------------------------------------------------------ summary
n_pass=$(grep -c '^PASS ' "$RESULTS")
n_fail=$(grep -c '^FAIL ' "$RESULTS")
say "took $(( $(date +%s) - started )) s"
echo "monitoring: $n_pass passed, $n_fail failed"
[[ $n_fail -eq 0 && $n_pass -gt 0 ]]
