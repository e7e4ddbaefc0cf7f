#!/usr/bin/env bash
# The scale benchmarks of docs/performance.md in one command: history (a seeded store vs an empty
# one), storm (the node killed and restarted under N widget-like clients, vs a bare hub restarted
# alike) and ceiling (fan-out at 19,000 connections on one node vs the bare hub), each with its
# baseline in the same run, then the table the README quotes.
#
#   dotnet build -c Release src/CrisisComms.Server && dotnet build -c Release src/CrisisComms.LoadGen
#   src/CrisisComms.LoadGen/scripts/scale-matrix.sh
#
# Environment (defaults shown):
#   STEPS="history storm ceiling"   STORE=sqlite (sqlite | redis: each node on its own redis-server)
#   HISTORY_NOTICES=20000  HISTORY_AUDIT=200000  HISTORY_ROUNDS=5  HISTORY_CLIENTS=20
#   STORM_CONNECTIONS="2000 5000 10000"  STORM_ROUNDS=3
#   CEILING_CONNECTIONS=19000  CEILING_ROUNDS=1  CEILING_PUBLISHES=3
#   RAMP=500  INTRANET_SHARE=0.3  PER_PROCESS=5000 (clients per generator process)
#   SOURCES=127.0.0.2,127.0.0.3,127.0.0.4,127.0.0.5   NOFILE=20000 (ulimit -n of every process here)
#   STEP_TIMEOUT=1800 (seconds any one step may take before it is stopped)
#   SERVER_DLL, LOADGEN_DLL, OUT=scale-results
# Everything listens on and connects to 127.0.0.1 (clients from 127.0.0.x); every process started
# here is stopped when the script ends.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
STEPS=${STEPS:-history storm ceiling} STORE=${STORE:-sqlite}
HISTORY_NOTICES=${HISTORY_NOTICES:-20000} HISTORY_AUDIT=${HISTORY_AUDIT:-200000} HISTORY_ROUNDS=${HISTORY_ROUNDS:-5} HISTORY_CLIENTS=${HISTORY_CLIENTS:-20}
STORM_CONNECTIONS=${STORM_CONNECTIONS:-2000 5000 10000} STORM_ROUNDS=${STORM_ROUNDS:-3}
CEILING_CONNECTIONS=${CEILING_CONNECTIONS:-19000} CEILING_ROUNDS=${CEILING_ROUNDS:-1} CEILING_PUBLISHES=${CEILING_PUBLISHES:-3}
RAMP=${RAMP:-500} INTRANET_SHARE=${INTRANET_SHARE:-0.3} PER_PROCESS=${PER_PROCESS:-5000}
SOURCES=${SOURCES:-127.0.0.2,127.0.0.3,127.0.0.4,127.0.0.5} NOFILE=${NOFILE:-20000} STEP_TIMEOUT=${STEP_TIMEOUT:-1800}
SERVER_DLL=${SERVER_DLL:-$root/src/CrisisComms.Server/bin/Release/net10.0/CrisisComms.Server.dll}
LOADGEN_DLL=${LOADGEN_DLL:-$root/src/CrisisComms.LoadGen/bin/Release/net10.0/CrisisComms.LoadGen.dll}
OUT=${OUT:-scale-results}
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
# A node holds one descriptor per connection: 19,000 clients need the limit above that, for the node and the generators.
ulimit -n "$NOFILE"
export CRISISCOMMS_PASSWORD="load-test $(date +%s) password"
signing_key=$(head -c 48 /dev/urandom | base64 -w0)

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; pids=(); }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
loadgen() { timeout --signal=INT --kill-after=30 "$STEP_TIMEOUT" dotnet "$LOADGEN_DLL" "$@"; }

# node_env DATA: the environment of a throwaway loopback node on DATA's store, in $node_env (a redis-server too with STORE=redis).
node_env() {
  local data=$1; mkdir -p "$data"
  node_env=(ASPNETCORE_ENVIRONMENT=Production CrisisComms__Benchmarks__Enabled=true
    CrisisComms__Dispatch__IntranetLead=01:00:00 CrisisComms__Auth__SignInsPerMinute=100000
    CrisisComms__Auth__RequireSecondFactor=false "CrisisComms__Auth__SigningKey=$signing_key"
    "CrisisComms__Storage__SqlitePath=$data/crisiscomms.db")
  redis=""
  if [ "$STORE" = redis ]; then
    local port; port=$(free_port)
    redis-server --port "$port" --bind 127.0.0.1 --dir "$data" --appendonly yes --appendfsync always --save "" \
      --daemonize no >"$data/redis.log" 2>&1 &
    pids+=("$!")
    until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.1; done
    redis="127.0.0.1:$port"
    node_env+=(CrisisComms__Storage__Provider=Redis "CrisisComms__Redis__Configuration=$redis")
  fi
}

accounts() {
  for a in "anna author" "bosse approver"; do
    set -- $a
    echo "$CRISISCOMMS_PASSWORD" | env "${node_env[@]}" dotnet "$SERVER_DLL" --contentRoot "$root/src/CrisisComms.Server" \
      users add "$1" --role "$2" >/dev/null
  done
}

# node_command DATA PORT: the shell command that runs the node in the foreground (exec: killing it kills the server).
node_command() {
  printf 'exec env'; printf ' %q' "${node_env[@]}"
  printf ' dotnet %q --contentRoot %q --urls http://127.0.0.1:%s >>%q 2>&1' "$SERVER_DLL" "$root/src/CrisisComms.Server" "$2" "$1/server.log"
}

# start_node DATA PORT: runs node_command in the background until /health/ready answers; sets $node_pid.
start_node() {
  sh -c "$(node_command "$1" "$2")" </dev/null & node_pid=$!; pids+=("$node_pid")
  for _ in $(seq 300); do curl -fs "http://127.0.0.1:$2/health/ready" >/dev/null && return; sleep 0.2; done
  echo "node on $2 did not start:" >&2; tail -20 "$1/server.log" >&2; exit 1
}

banner() { echo "== $1: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M:%S) UTC"; }

for step in $STEPS; do
  case $step in
    history)
      banner "history ($HISTORY_NOTICES notices, $HISTORY_AUDIT audit entries)"
      rm -rf "$OUT/history"; h="$OUT/history/seeded"; e="$OUT/history/empty"
      node_env "$h"; h_redis=$redis
      if [ -n "$h_redis" ]; then loadgen seed --redis "$h_redis" --notices "$HISTORY_NOTICES" --audit "$HISTORY_AUDIT"
      else loadgen seed --sqlite "$h/crisiscomms.db" --notices "$HISTORY_NOTICES" --audit "$HISTORY_AUDIT"; fi | tail -1 | tee "$OUT/history-seed.txt"
      accounts; hp=$(free_port); start_node "$h" "$hp"
      node_env "$e"; accounts; ep=$(free_port); start_node "$e" "$ep"
      loadgen history --server "http://127.0.0.1:$hp" --empty-server "http://127.0.0.1:$ep" --clients "$HISTORY_CLIENTS" \
        --rounds "$HISTORY_ROUNDS" --author anna --approver bosse --json "$OUT/history.json" 2>&1 | tee "$OUT/history.txt" || true
      cleanup ;;
    storm)
      for n in $STORM_CONNECTIONS; do
        banner "storm $n"
        d="$OUT/storm-$n"; rm -rf "$d"; node_env "$d"; accounts; port=$(free_port)
        loadgen storm --server "http://127.0.0.1:$port" --node-command "$(node_command "$d" "$port")" --connections "$n" \
          --intranet-share "$INTRANET_SHARE" --rounds "$STORM_ROUNDS" --ramp "$RAMP" --sources "$SOURCES" \
          --processes $(( (n + PER_PROCESS - 1) / PER_PROCESS )) --officer anna --json "$OUT/storm-$n.json" 2>&1 | tee "$OUT/storm-$n.txt" || true
        cleanup; sleep 2
      done ;;
    ceiling)
      n=$CEILING_CONNECTIONS; banner "ceiling $n"
      d="$OUT/ceiling-$n"; rm -rf "$d"; node_env "$d"; accounts; port=$(free_port); start_node "$d" "$port"
      loadgen fanout --server "http://127.0.0.1:$port" --server-pid "$node_pid" --connections "$n" --intranet-share "$INTRANET_SHARE" \
        --publishes "$CEILING_PUBLISHES" --rounds "$CEILING_ROUNDS" --ramp "$RAMP" --sources "$SOURCES" \
        --processes $(( (n + PER_PROCESS - 1) / PER_PROCESS )) --author anna --approver bosse --baseline \
        --json "$OUT/ceiling-$n.json" 2>&1 | tee "$OUT/ceiling-$n.txt" || true
      cleanup ;;
    *) echo "unknown step '$step' (history, storm, ceiling)" >&2; exit 2 ;;
  esac
done
echo
python3 "$root/src/CrisisComms.LoadGen/scripts/scale-summary.py" "$OUT"
