#!/usr/bin/env bash
# The public banner endpoint under wrk, side by side with the plaintext endpoint of the same process
# (the platform's ceiling): GET /api/v1/banners?audience=public answered 200, the same answered 304
# (If-None-Match), and GET /benchmarks/plaintext. Needs CrisisComms:Benchmarks:Enabled=true.
#
#   src/CrisisComms.LoadGen/wrk/banners.sh [BASE_URL] [ROUNDS]
#   THREADS=1 CONNECTIONS=64 DURATION=10s   (environment; defaults shown)
#
# Scenarios alternate within each round so that whatever else runs on the machine hits all three
# alike; the table gives the median requests/s and p99 over the rounds, and each one ÷ plaintext.
set -euo pipefail
base=${1:-http://127.0.0.1:5080}
rounds=${2:-3}
threads=${THREADS:-1} connections=${CONNECTIONS:-64} duration=${DURATION:-10s}
here=$(cd "$(dirname "$0")" && pwd)
banners="$base/api/v1/banners?audience=public"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
curl -fsS -o /dev/null "$base/benchmarks/plaintext" || { echo "$base/benchmarks/plaintext does not answer: start the server with CrisisComms:Benchmarks:Enabled=true" >&2; exit 1; }
etag=$(curl -fsS -D - -o /dev/null "$banners" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
[ -n "$etag" ] || { echo "no ETag on $banners" >&2; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$banners")
[ "$status" = 304 ] || { echo "If-None-Match: $etag answered $status, not 304" >&2; exit 1; }
echo "public snapshot: $(curl -fsS "$banners" | wc -c) bytes, ETag $etag; wrk -t$threads -c$connections -d$duration, $rounds round(s)"

# Prints "requests/s p99_ms" of one wrk run.
run() {
  local out
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@")
  if grep -q 'Non-2xx or 3xx' <<<"$out"; then echo "wrk $*: unexpected statuses:" >&2; echo "$out" >&2; exit 1; fi
  awk '/Requests\/sec:/ { rps = $2 }
       /^ +99% / { v = $2; ms = v + 0
                   if (v ~ /us$/) ms = ms / 1000; else if (v ~ /ms$/) ms = ms; else if (v ~ /s$/) ms = ms * 1000
                   p99 = ms }
       END { printf "%.0f %.2f\n", rps, p99 }' <<<"$out"
}

# Warm-up (JIT, tiered compilation, connection pools), not counted.
for url in "$base/benchmarks/plaintext" "$banners"; do wrk -t"$threads" -c"$connections" -d3s "$url" >/dev/null; done
ETAG="$etag" wrk -t"$threads" -c"$connections" -d3s -s "$here/if-none-match.lua" "$banners" >/dev/null

declare -A rps p99
for ((r = 1; r <= rounds; r++)); do
  read -r a b < <(run "$base/benchmarks/plaintext");                                rps[plaintext]+="$a "; p99[plaintext]+="$b "
  read -r a b < <(run "$banners");                                                  rps[banners200]+="$a "; p99[banners200]+="$b "
  read -r a b < <(ETAG="$etag" run -s "$here/if-none-match.lua" "$banners");       rps[banners304]+="$a "; p99[banners304]+="$b "
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ceiling=$(median <<<"${rps[plaintext]}")
printf '%-26s %12s %10s %12s   %s\n' scenario "requests/s" "p99 ms" "÷ plaintext" "(runs: requests/s)"
for s in plaintext banners200 banners304; do
  m=$(median <<<"${rps[$s]}"); p=$(median <<<"${p99[$s]}")
  case $s in plaintext) name="GET /benchmarks/plaintext";; banners200) name="GET banners, 200";; banners304) name="GET banners, 304";; esac
  printf '%-26s %12.0f %10.2f %12.2f   (%s)\n' "$name" "$m" "$p" "$(awk -v a="$m" -v b="$ceiling" 'BEGIN { print a / b }')" "${rps[$s]% }"
done
