#!/usr/bin/env bash
# Cold start and resident memory of the Release build, under each runtime setting: time from launching the process to
# the first 200 from /health/ready on a new SQLite database (migrations and bootstrap included), then RSS after a load
# of introspection and userinfo (wrk -t2 -c32, LOAD each, cycling through link-flow tokens). Medians of RUNS starts.
#
#   build/bench/memory.sh                 RUNS=5 TOKENS=40 LOAD=20s MODES="shipped server workstation gen0-4m"
#   APP_DIR=<published app>               measure that build instead of publishing this tree
# A mode is a name from the table below, or NAME=VAR=VALUE,VAR=VALUE (DOTNET_* runtime settings, for example).
# Modes whose name starts with "jit-" run the build published without ReadyToRun (the framework-dependent, any-RID build
# src/Web had before ReadyToRun was shipped), so one run compares both: MODES="shipped jit-shipped".
# Results: artifacts/bench/memory.txt.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
runs=${RUNS:-5}; tokens=${TOKENS:-40}; load=${LOAD:-20s}; modes=${MODES:-"shipped server workstation gen0-4m"}
# shipped: as built (src/Web's runtimeconfig); the others override one runtime setting for the run.
declare -A preset=([shipped]="" [server]="DOTNET_gcServer=1" [workstation]="DOTNET_gcServer=0"
  [nonconcurrent]="DOTNET_gcConcurrent=0" [gen0-4m]="DOTNET_GCgen0size=0x400000" [gen0-32m]="DOTNET_GCgen0size=0x2000000"
  [conserve]="DOTNET_GCConserveMemory=7" [no-tiered-pgo]="DOTNET_TieredPGO=0" [tc-quick-loops-off]="DOTNET_TC_QuickJitForLoops=0"
  [jit-shipped]="")
peers=$(cd "$root/../shared/bench-peers" && pwd)
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
base="http://127.0.0.1:$port"; key="alh_bench_platform_key_000000000000000000000000"
work=$(mktemp -d); app=""
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
pin_app=(); pin_load=()
[ "$(nproc)" -ge 2 ] && { pin_app=(taskset -c 0); pin_load=(taskset -c 1); }
if [ -n "${APP_DIR:-}" ]; then cp -r "$APP_DIR" "$work/app"; else dotnet publish src/Web -c Release -o "$work/app" -nologo -v quiet >/dev/null; fi
if [[ " $modes " == *" jit-"* ]]; then
  dotnet publish src/Web -c Release -o "$work/app-jit" -p:PublishReadyToRun=false -p:RuntimeIdentifier= -nologo -v quiet >/dev/null
fi
mkdir -p artifacts/bench
rows=()
for mode in $modes; do
  if [[ $mode == *=* ]]; then settings=${mode#*=}; mode=${mode%%=*}; else settings=${preset[$mode]?unknown mode $mode}; fi
  IFS=',' read -ra settings <<<"$settings"
  for run in $(seq 1 "$runs"); do
    rm -rf "$work/db" && mkdir -p "$work/db"
    t0=$(date +%s%N)
    dir="$work/app"; [[ $mode == jit-* ]] && dir="$work/app-jit"
    (cd "$dir" && exec env "${settings[@]}" ASPNETCORE_URLS="$base" ASPNETCORE_ENVIRONMENT=Development Database__Provider=Sqlite \
      ConnectionStrings__Default="Data Source=$work/db/bench.db" Bootstrap__PlatformApiKey="$key" \
      Bootstrap__AdminEmail=bench@example.com Bootstrap__AdminPassword=bench-admin-password-1 \
      Logging__LogLevel__Default=Warning Email__PickupDirectory="$work/db/mail" "${pin_app[@]}" dotnet AlexaLinkHub.Web.dll) >"$work/app.log" 2>&1 &
    app=$!
    until curl -sf -o /dev/null --max-time 1 "$base/health/ready"; do sleep 0.05; done
    start_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    idle=$(awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$app/status")
    loaded=-
    if [ "$run" = 1 ]; then
      node "$peers/project/mint.mjs" "$base" "$key" "$tokens" "$work/db" 4 >/dev/null
      basic="Basic $(tr -d '\n' <"$work/db/project-client.txt" | base64 -w0)"
      "${pin_load[@]}" wrk -t2 -c32 -d"$load" -s "$peers/lua/bench.lua" "$base" -- POST /t/bench/connect/introspect "$basic" "$work/db/project-tokens.txt" 'token={TOKEN}' >/dev/null
      "${pin_load[@]}" wrk -t2 -c32 -d"$load" -s "$peers/lua/bench.lua" "$base" -- GET /t/bench/connect/userinfo "Bearer {TOKEN}" "$work/db/project-tokens.txt" - >/dev/null
      loaded=$(awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$app/status")
    fi
    rows+=("$mode $run $start_ms $idle $loaded $(cut -d' ' -f1 /proc/loadavg)")
    kill "$app"; wait "$app" 2>/dev/null || true; app=""
  done
done
{
  echo "cold start (launch → /health/ready 200, new SQLite database) and RSS (MiB) — $(date -u +%FT%TZ), app on one core"
  printf '%-14s %4s %9s %9s %14s %6s\n' mode run start_ms idle_MiB after_load_MiB load
  for r in "${rows[@]}"; do printf '%-14s %4s %9s %9s %14s %6s\n' $r; done
  for mode in $modes; do
    mode=${mode%%=*}
    printf '%s: median cold start %s ms\n' "$mode" "$(printf '%s\n' "${rows[@]}" | awk -v m="$mode" '$1==m{print $3}' | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')"
  done
} | tee artifacts/bench/memory.txt
