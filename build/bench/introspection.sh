#!/usr/bin/env bash
# Introspection and userinfo throughput on SQLite, against a baseline measured in the same run.
#
#   build/bench/introspection.sh [seconds-per-run] [runs]     (defaults: 10 s, 5 runs)
#
# Starts the app (Release, SQLite in a fresh temp folder), links one account through the real link flow with curl,
# then drives each endpoint with wrk (2 threads, 16 connections). Reports the median requests/s of the runs, the ratio
# to the baseline (GET /health/live: the same pipeline without database or token work), p50/p99 latency of the median
# run, and the app's resident memory after the load. Results also go to artifacts/bench/introspection.txt.
set -euo pipefail
seconds=${1:-10}
runs=${2:-5}
source "$(dirname "$0")/common.sh"

bench_start_app
redirect="https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=BENCH"
secret=$(bench_arrange bench-skill implicit "$redirect")
final=$(bench_link bench-skill token "$redirect")
access=$(sed 's/.*access_token=\([^&]*\).*/\1/' <<<"$final")
[ -n "$access" ] && [ "$access" != "$final" ] || { echo "could not obtain a token: $final"; exit 1; }
basic=$(printf 'bench-skill:%s' "$secret" | base64 -w0)
curl -sf -H "Authorization: Basic $basic" -d "token=$access" "$base/t/bench/connect/introspect" | grep -q '"active": true'

cat > "$work/introspect.lua" <<LUA
wrk.method = "POST"
wrk.body = "token=$access"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic $basic"
LUA
cat > "$work/userinfo.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $access"
LUA

measure() { # name url [lua]
  local name=$1 url=$2 lua=${3:-}; local rates=() lines=()
  wrk -t2 -c16 -d3s ${lua:+-s "$lua"} "$url" >/dev/null   # warm-up
  for i in $(seq 1 "$runs"); do
    local r; r=$(wrk -t2 -c16 -d"${seconds}s" --latency ${lua:+-s "$lua"} "$url")
    grep -q "Non-2xx" <<<"$r" && { echo "$name: non-2xx responses"; echo "$r"; exit 1; }
    rates+=("$(awk '/Requests\/sec/{print $2}' <<<"$r")"); lines+=("$r")
  done
  local median; median=$(printf '%s\n' "${rates[@]}" | median)
  local idx; for i in "${!rates[@]}"; do [ "${rates[$i]}" = "$median" ] && idx=$i; done
  local p50 p99; p50=$(awk '/ 50%/{print $2}' <<<"${lines[$idx]}"); p99=$(awk '/ 99%/{print $2}' <<<"${lines[$idx]}")
  echo "$name $median $p50 $p99 ${rates[*]}"
}

{
  echo "AlexaLinkHub introspection benchmark — $(date -u +%FT%TZ), $(nproc) cores, SQLite, wrk -t2 -c16, ${runs}x${seconds}s"
  baseline=$(measure baseline "$base/health/live")
  introspect=$(measure introspection "$base/t/bench/connect/introspect" "$work/introspect.lua")
  userinfo=$(measure userinfo "$base/t/bench/connect/userinfo" "$work/userinfo.lua")
  rss=$(awk '/VmRSS/{print $2/1024 " MiB"}' "/proc/$app/status")
  b=$(awk '{print $2}' <<<"$baseline")
  printf '%-14s %12s %10s %10s %8s   %s\n' endpoint "median req/s" p50 p99 ratio "all runs"
  for row in "$baseline" "$introspect" "$userinfo"; do
    read -r name median p50 p99 rest <<<"$row"
    printf '%-14s %12s %10s %10s %8s   %s\n' "$name" "$median" "$p50" "$p99" "$(awk -v m="$median" -v b="$b" 'BEGIN{printf "%.3f", m/b}')" "$rest"
  done
  echo "resident memory after load: $rss"
} | tee "$out/introspection.txt"
