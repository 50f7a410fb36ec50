#!/usr/bin/env bash
# Token-endpoint throughput and latency for refresh_token grants (SQLite, app on one core), with a baseline in the same run.
#
#   build/bench/token-refresh.sh [seconds-per-run] [runs] [connections]     (defaults: 10 s, 5 runs, 8 connections)
#
# Links one account with a code-grant skill through the real flow (curl) and drives POST /t/{slug}/connect/token
# (grant_type=refresh_token, HTTP Basic) with wrk. Every request does the full refresh work (validate, redeem, rotate,
# issue a new access and refresh token). Two rows:
#   refresh         rotation chains, as Alexa refreshes each linked user: one connection per wrk thread, each starting
#                   from the refresh token of its own link and sending the token the previous answer returned
#                   (build/bench/lua/refresh-chain.lua), so each token is redeemed once and no two requests race.
#   refresh-shared  every connection sends the same refresh token for the whole run (inside the 30 s reuse leeway): the
#                   concurrent-reuse path, where the redemptions of one token conflict in the database (optimistic
#                   concurrency) — a worst case no Alexa user produces, kept to watch what conflicts cost.
# Reports median p50/p99 latency and requests/s over the runs, against GET /health/live as the baseline, and refresh
# grants per CPU-second of the app (the per-core figure: goal ≥ 500 per core, p99 ≤ 50 ms), after a WARMUP (10 s) of
# chains. ROWS="refresh" measures the chains alone. Results: artifacts/bench/token-refresh.txt.
set -euo pipefail
seconds=${1:-10}; runs=${2:-5}; conns=${3:-8}
[ "$seconds" -lt 25 ] || { echo "keep runs under the 30 s refresh-token reuse leeway"; exit 2; }
source "$(dirname "$0")/common.sh"

# One user, one live link per chain: lift the cap on live links per user and skill (5 by default; the oldest end).
BENCH_APP_ENV="Linking__MaxLiveLinksPerUserAndSkill=1000 ${BENCH_APP_ENV:-}" bench_start_app
redirect="https://layla.amazon.com/api/skill/link/BENCH"
secret=$(bench_arrange bench-code authorization_code "$redirect")
basic=$(printf 'bench-code:%s' "$secret" | base64 -w0)

new_refresh_token() { # a fresh link (authorize with response_type=code, consent) and its code exchanged; prints the refresh token
  local final; final=$(bench_link bench-code code "$redirect")
  local code; code=$(sed 's/.*[?&]code=\([^&]*\).*/\1/' <<<"$final")
  curl -sf -H "Authorization: Basic $basic" --data-urlencode grant_type=authorization_code --data-urlencode "code=$code" \
    --data-urlencode "redirect_uri=$redirect" "$base/t/bench/connect/token" | python3 -c 'import json,sys;print(json.load(sys.stdin)["refresh_token"])'
}

new_chains() { # one fresh refresh token per connection, each from its own link → $work/chains.txt
  : >"$work/chains.txt"
  for _ in $(seq 1 "$conns"); do new_refresh_token >>"$work/chains.txt"; done
}
chains() { threads=$conns run "$base/t/bench/connect/token" "$root/build/bench/lua/refresh-chain.lua" /t/bench/connect/token "Basic $basic" "$work/chains.txt"; }

ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v} else {sub(/s$/,"",v); print v*1000}}' <<<"$1"; }
ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; }
run() { # url [lua [lua args…]] → "rps p50ms p99ms req-per-app-cpu-s"; $threads: wrk threads (default 2)
  local url=$1 lua=${2:-} r t0 t1; shift; [ $# -gt 0 ] && shift
  t0=$(ticks)
  r=$("${pin_load[@]}" wrk -t"${threads:-2}" -c"$conns" -d"${seconds}s" --latency ${lua:+-s "$lua"} "$url" ${1:+--} "$@")
  t1=$(ticks)
  grep -q "Non-2xx" <<<"$r" && { echo "non-2xx responses from $url" >&2; echo "$r" >&2; exit 1; }
  local total; total=$(awk '/requests in/{print $1}' <<<"$r")
  echo "$(awk '/Requests\/sec/{print $2}' <<<"$r") $(ms "$(awk '/ 50%/{print $2}' <<<"$r")") $(ms "$(awk '/ 99%/{print $2}' <<<"$r")") $(awk -v n="$total" -v t=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.0f", (t > 0 ? n / (t / hz) : 0)}')"
}

rows_wanted=${ROWS:-refresh refresh-shared}
base_rows=(); refresh_rows=(); shared_rows=()
"${pin_load[@]}" wrk -t2 -c"$conns" -d3s "$base/health/live" >/dev/null
# Warm-up: the token endpoint's code reaches tier 1 (at ~100 grants/s that takes a while), not measured.
new_chains; seconds=${WARMUP:-10} chains >/dev/null
for i in $(seq 1 "$runs"); do
  base_rows+=("$(run "$base/health/live")")
  if [[ " $rows_wanted " == *" refresh "* ]]; then
    new_chains
    refresh_rows+=("$(chains)")
  fi
  if [[ " $rows_wanted " == *" refresh-shared "* ]]; then
    rt=$(new_refresh_token)
    printf 'wrk.method="POST"\nwrk.body="grant_type=refresh_token&refresh_token=%s"\nwrk.headers["Content-Type"]="application/x-www-form-urlencoded"\nwrk.headers["Authorization"]="Basic %s"\n' "$rt" "$basic" > "$work/refresh.lua"
    shared_rows+=("$(run "$base/t/bench/connect/token" "$work/refresh.lua")")
  fi
done
{
  echo "AlexaLinkHub token-endpoint refresh benchmark — $(date -u +%FT%TZ), $(nproc) cores, SQLite, $conns connections (chains: one wrk thread each; others -t2), ${runs}x${seconds}s"
  printf '%-15s %14s %10s %10s %16s\n' endpoint "median req/s" "p50 ms" "p99 ms" "req/app-cpu-s"
  for name in baseline $rows_wanted; do
    case $name in baseline) rows=("${base_rows[@]}");; refresh) rows=("${refresh_rows[@]}");; *) rows=("${shared_rows[@]}");; esac
    rps=$(printf '%s\n' "${rows[@]}" | awk '{print $1}' | median)
    p50=$(printf '%s\n' "${rows[@]}" | awk '{print $2}' | median)
    p99=$(printf '%s\n' "${rows[@]}" | awk '{print $3}' | median)
    per_cpu=$(printf '%s\n' "${rows[@]}" | awk '{print $4}' | median)
    printf '%-15s %14s %10s %10s %16s\n' "$name" "$rps" "$p50" "$p99" "$per_cpu"
  done
  echo "runs (req/s p50 p99 req/app-cpu-s): baseline: ${base_rows[*]} | refresh: ${refresh_rows[*]:-} | refresh-shared: ${shared_rows[*]:-}"
  echo "resident memory after load: $(awk '/VmRSS/{print $2/1024 " MiB"}' "/proc/$app/status")"
} | tee "$out/token-refresh.txt"
