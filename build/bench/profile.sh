#!/usr/bin/env bash
# CPU profile of the token hot path: where a request's CPU goes, as shares of the samples.
#
#   build/bench/profile.sh [endpoint] [seconds] [tokens]      (defaults: introspect, 15 s, 200 link flows)
#   endpoint: introspect | userinfo | refresh
#   refresh: an on-CPU profile of the token endpoint's refresh grant instead — build/bench/token-refresh.sh (rotation
#            chains, 8 connections) runs under `perf record -g` (the kernel samples the CPU, so every sample is work, not a
#            wait; needs perf and root), the app started with DOTNET_PerfMapEnabled=1 so managed frames get names
#            (DOTNET_ReadyToRun=0 by default so precompiled code is named too; READY_TO_RUN=1 profiles the shipped code
#            paths unnamed). Prints threads and cost groups (build/bench/perf-shares.py); the samples stay in
#            artifacts/bench/profile-refresh.perf.txt for `perf-shares.py … incl|callers REGEX`.
#   PROJECT_DIR=<tree> profiles another checkout (e.g. an export of main, for "before").
#   SEED=N             cold tokens: N access tokens seeded into the database (build/bench/seed-tokens.sh) after one link,
#                      cycled through without a warm-up pass, so most requests are about a token not seen before.
#   APP_DIR=<published app> profiles that build instead of publishing.
#
# Publishes the app (Release, SQLite, fresh temp folder), mints tokens through real link flows
# (../shared/bench-peers/project/mint.mjs), puts it under wrk load (-t2 -c32, cycling through the tokens, app pinned to
# CPU 0 and wrk to CPU 1 when there are two) and samples it with dotnet-trace (local tool, .config/dotnet-tools.json).
# Prints the top methods by exclusive and by inclusive time; the trace stays in artifacts/bench/profile-<endpoint>.nettrace.
set -euo pipefail
endpoint=${1:-introspect}; seconds=${2:-15}; tokens=${3:-200}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [ "$endpoint" = refresh ]; then
  command -v perf >/dev/null || { echo "perf is required (apt-get install linux-perf)"; exit 2; }
  out="$root/artifacts/bench"; mkdir -p "$out"
  r2r=$([ -n "${READY_TO_RUN:-}" ] && echo "" || echo "DOTNET_ReadyToRun=0")
  ROWS=refresh BENCH_APP_ENV="DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 $r2r" \
    "$root/build/bench/token-refresh.sh" "$((seconds + 6))" 1 8 >"$out/profile-refresh.bench.txt" 2>&1 &
  bench=$!
  chain() { pgrep -f "wrk .*refresh-chain.lua" >/dev/null; }
  for _ in $(seq 1 1200); do chain && break; sleep 0.25; done   # the warm-up pass …
  for _ in $(seq 1 1200); do chain || break; sleep 0.25; done
  for _ in $(seq 1 1200); do chain && break; sleep 0.25; done   # … and the measured one
  sleep 3
  pid=$(pgrep -f "dotnet .*AlexaLinkHub.Web.dll" | head -1)
  perf record -F 999 -g -p "$pid" -o "$out/profile-refresh.perf.data" -- sleep "$seconds" >/dev/null 2>&1
  wait "$bench"
  tail -4 "$out/profile-refresh.bench.txt"
  perf script -i "$out/profile-refresh.perf.data" -F comm,tid,ip,sym,dso 2>/dev/null >"$out/profile-refresh.perf.txt"
  python3 "$root/build/bench/perf-shares.py" "$out/profile-refresh.perf.txt" threads
  python3 "$root/build/bench/perf-shares.py" "$out/profile-refresh.perf.txt" groups
  exit 0
fi
project=${PROJECT_DIR:-$root}
peers=$(cd "$root/../shared/bench-peers" && pwd)
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
key="alh_bench_platform_key_000000000000000000000000"
work=$(mktemp -d); out="$root/artifacts/bench"; mkdir -p "$out"
pin_app=(); pin_load=()
[ "$(nproc)" -ge 2 ] && { pin_app=(taskset -c 0); pin_load=(taskset -c 1); }
app=""
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

if [ -n "${APP_DIR:-}" ]; then cp -r "$APP_DIR" "$work/app"; else dotnet publish "$project/src/Web" -c Release -o "$work/app" -nologo -v quiet >/dev/null; fi
start_app() {
(cd "$work/app" && exec env ASPNETCORE_URLS="$base" ASPNETCORE_ENVIRONMENT=Development Database__Provider=Sqlite \
  ConnectionStrings__Default="Data Source=$work/bench.db" Bootstrap__PlatformApiKey="$key" \
  Bootstrap__AdminEmail=bench@example.com Bootstrap__AdminPassword=bench-admin-password-1 \
  Logging__LogLevel__Default=Warning Email__PickupDirectory="$work/mail" \
  "${pin_app[@]}" dotnet AlexaLinkHub.Web.dll) >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 240); do curl -sf -o /dev/null "$base/health/ready" && break; sleep 0.25; done
}
start_app
node "$peers/project/mint.mjs" "$base" "$key" "$([ -n "${SEED:-}" ] && echo 1 || echo "$tokens")" "$work" 4
if [ -n "${SEED:-}" ]; then
  kill "$app"; wait "$app" 2>/dev/null || true
  "$root/build/bench/seed-tokens.sh" --sqlite "$work/bench.db" --count "$SEED" --out "$work/project-tokens.txt" >&2
  start_app
fi
basic="Basic $(tr -d '\n' <"$work/project-client.txt" | base64 -w0)"
if [ "$endpoint" = userinfo ]; then
  args=(GET /t/bench/connect/userinfo "Bearer {TOKEN}" "$work/project-tokens.txt" -)
else
  args=(POST /t/bench/connect/introspect "$basic" "$work/project-tokens.txt" 'token={TOKEN}&token_type_hint=access_token')
fi
load() { "${pin_load[@]}" wrk -t2 -c32 -d"$1" -s "$peers/lua/bench.lua" "$base" -- "${args[@]}"; }
[ -n "${SEED:-}" ] || load 10s >/dev/null   # tiered JIT settles before sampling (cold tokens: the first seconds of load do)
load "$((seconds + 4))s" >"$work/wrk.txt" &
loader=$!
sleep 2
trace="$out/profile-$endpoint.nettrace"
(cd "$root" && dotnet dotnet-trace collect -p "$app" --profile dotnet-sampled-thread-time --duration "00:00:00:$seconds" -o "$trace" >/dev/null)
wait "$loader"
grep '^WRKRESULT' "$work/wrk.txt" | awk '{printf "load: %s req/s, p50 %s ms, p99 %s ms\n", $2, $3, $5}'
(cd "$root" && dotnet dotnet-trace report "$trace" topN -n 25) | sed 's/^/exclusive /'
(cd "$root" && dotnet dotnet-trace report "$trace" topN -n 40 --inclusive) | sed 's/^/inclusive /'
(cd "$root" && dotnet dotnet-trace convert "$trace" --format Speedscope -o "${trace%.nettrace}" >/dev/null) \
  && python3 "$root/build/bench/profile-shares.py" "${trace%.nettrace}.speedscope.json" groups
