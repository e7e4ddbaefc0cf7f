#!/usr/bin/env bash
# The full fan-out run of docs/performance.md: for each store and each N, a freshly started server
# (so round 1 measures memory on a clean process), a real redis-server where needed, two accounts
# added through the real CLI, and `fanout` with the bare-hub baseline in the same process.
#
#   src/CrisisComms.LoadGen/scripts/fanout-matrix.sh            (after: dotnet build -c Release)
#
# Environment (defaults shown):
#   STORES="sqlite redis"      sqlite | redis (one node through Redis) | redis2 (two nodes on one Redis)
#   CONNECTIONS="2000 5000 10000"   ROUNDS=3   PUBLISHES=5   RAMP=500   INTRANET_SHARE=0.3
#   SOURCES=127.0.0.2,127.0.0.3,127.0.0.4,127.0.0.5   PER_PROCESS=6000 (clients per generator process)
#   BASELINE=bare             bare (in memory) | backplane (the bare hub on the service's Redis backplane)
#   SERVER_DLL, LOADGEN_DLL    the builds to use (default: the Release outputs in this repository)
#   OUT=perf-results           where the JSON and logs go
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
STORES=${STORES:-sqlite redis}
CONNECTIONS=${CONNECTIONS:-2000 5000 10000}
ROUNDS=${ROUNDS:-3} PUBLISHES=${PUBLISHES:-5} RAMP=${RAMP:-500} INTRANET_SHARE=${INTRANET_SHARE:-0.3}
SOURCES=${SOURCES:-127.0.0.2,127.0.0.3,127.0.0.4,127.0.0.5}
PER_PROCESS=${PER_PROCESS:-6000}
BASELINE=${BASELINE:-bare}
SERVER_DLL=${SERVER_DLL:-$root/src/CrisisComms.Server/bin/Release/net10.0/CrisisComms.Server.dll}
LOADGEN_DLL=${LOADGEN_DLL:-$root/src/CrisisComms.LoadGen/bin/Release/net10.0/CrisisComms.LoadGen.dll}
OUT=${OUT:-perf-results}
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
export CRISISCOMMS_PASSWORD="load-test $(date +%s) password"
signing_key=$(head -c 48 /dev/urandom | base64)

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# server DATA PORT [extra KEY=VALUE…]: starts one node in the background, sets $server_pid.
server() {
  local data=$1 port=$2; shift 2
  mkdir -p "$data"
  env "${server_env[@]}" "$@" CrisisComms__Storage__SqlitePath="$data/crisiscomms.db" \
    dotnet "$SERVER_DLL" --contentRoot "$root/src/CrisisComms.Server" --urls "http://127.0.0.1:$port" \
    >"$data/server.log" 2>&1 </dev/null &
  server_pid=$!; pids+=("$server_pid")
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && return; sleep 0.2; done
  echo "node on $port did not start:" >&2; tail -20 "$data/server.log" >&2; exit 1
}

account() {
  echo "$CRISISCOMMS_PASSWORD" | env "${server_env[@]}" CrisisComms__Storage__SqlitePath="$1/crisiscomms.db" \
    dotnet "$SERVER_DLL" --contentRoot "$root/src/CrisisComms.Server" users add "$2" --role "$3" >/dev/null
}

for store in $STORES; do
  for n in $CONNECTIONS; do
    run="$store$([ "$BASELINE" = bare ] || echo "+$BASELINE")-$n"; data="$OUT/$run"; rm -rf "$data"; mkdir -p "$data"
    # A throwaway loopback server: the load generator's approver signs in with a password alone.
    server_env=(ASPNETCORE_ENVIRONMENT=Production CrisisComms__Benchmarks__Enabled=true
      CrisisComms__Dispatch__IntranetLead=01:00:00 CrisisComms__Auth__SignInsPerMinute=1000
      CrisisComms__Auth__RequireSecondFactor=false)
    if [ "$store" != sqlite ]; then
      redis_port=$(free_port)
      # As durable as SQLite with synchronous=FULL: every write is on disk before it is answered.
      redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$data" --appendonly yes --appendfsync always \
        --save "" --daemonize no >"$data/redis.log" 2>&1 &
      redis_pid=$!; pids+=("$redis_pid")
      until redis-cli -p "$redis_port" ping >/dev/null 2>&1; do sleep 0.1; done
      server_env+=(CrisisComms__Storage__Provider=Redis "CrisisComms__Redis__Configuration=127.0.0.1:$redis_port"
        "CrisisComms__Auth__SigningKey=$signing_key")
    fi
    account "$data/a" anna author; account "$data/a" bosse approver
    servers=() server_pids=()
    port=$(free_port); server "$data/a" "$port"; servers+=("http://127.0.0.1:$port"); server_pids+=("$server_pid")
    if [ "$store" = redis2 ]; then
      port=$(free_port); server "$data/b" "$port"; servers+=("http://127.0.0.1:$port"); server_pids+=("$server_pid")
    fi
    processes=$(( (n + PER_PROCESS - 1) / PER_PROCESS ))
    echo "== $run: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    (IFS=,; set -x; dotnet "$LOADGEN_DLL" fanout --server "${servers[*]}" --server-pid "${server_pids[*]}" \
      --connections "$n" --intranet-share "$INTRANET_SHARE" --publishes "$PUBLISHES" --rounds "$ROUNDS" \
      --ramp "$RAMP" --sources "$SOURCES" --processes "$processes" --author anna --approver bosse --baseline-hub "$BASELINE" \
      --json "$OUT/$run.json") 2>&1 | tee "$OUT/$run.txt" || true
    cleanup; pids=()
    sleep 2
  done
done
echo "results in $OUT"
