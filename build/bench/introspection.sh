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
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
seconds=${1:-10}
runs=${2:-5}
port=${BENCH_PORT:-5099}
base="http://127.0.0.1:$port"
key="alh_bench_platform_key_000000000000000000000000"

command -v wrk >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "wrk is required (apt-get install wrk)"; exit 2; }

work=$(mktemp -d)
out="artifacts/bench"; mkdir -p "$out"
cleanup() { [ -n "${app:-}" ] && kill "$app" 2>/dev/null; wait 2>/dev/null || true; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"; }
trap cleanup EXIT

dotnet publish src/Web -c Release -o "$work/app" -nologo -v quiet >/dev/null
ASPNETCORE_URLS="$base" ASPNETCORE_ENVIRONMENT=Development Database__Provider=Sqlite \
ConnectionStrings__Default="Data Source=$work/bench.db" Bootstrap__PlatformApiKey="$key" \
Bootstrap__AdminEmail=bench@example.com Bootstrap__AdminPassword=bench-admin-password \
Logging__LogLevel__Default=Warning Email__PickupDirectory="$work/mail" \
  dotnet "$work/app/AlexaLinkHub.Web.dll" > "$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 120); do curl -sf "$base/health/ready" >/dev/null && break; sleep 0.5; done

api() { curl -sf -H "Authorization: Bearer $key" -H 'content-type: application/json' "$@"; }
api -X POST "$base/api/v1/tenants" -d '{"slug":"bench","displayName":"Bench"}' >/dev/null
redirect="https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=BENCH"
secret=$(api -X POST "$base/api/v1/tenants/bench/skills" -d "{\"name\":\"Bench\",\"clientId\":\"bench-skill\",\"grantType\":\"implicit\",\"scopes\":[{\"name\":\"read\",\"description\":\"read your profile\"}],\"redirectUrls\":[\"$redirect\"]}" \
  | python3 -c 'import json,sys;print(json.load(sys.stdin)["clientSecret"])')
api -X POST "$base/api/v1/tenants/bench/users" -d '{"email":"ann@example.com","password":"bench-user-password","displayName":"Ann","externalId":"crm-1"}' >/dev/null

# The link flow, as a browser without JavaScript would do it.
jar="$work/cookies"
enc=$(python3 -c 'import urllib.parse,sys;print(urllib.parse.quote(sys.argv[1],safe=""))' "$redirect")
authorize="$base/t/bench/connect/authorize?state=s&client_id=bench-skill&scope=read&response_type=token&redirect_uri=$enc"
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//'; }
login=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" "$authorize")
af=$(curl -s -c "$jar" -b "$jar" "$login" | token_of)
curl -s -o /dev/null -c "$jar" -b "$jar" -X POST "$login" --data-urlencode "Input.Email=ann@example.com" \
  --data-urlencode "Input.Password=bench-user-password" --data-urlencode "__RequestVerificationToken=$af"
af=$(curl -s -c "$jar" -b "$jar" "$authorize" | token_of)
final=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" -X POST "$base/t/bench/connect/authorize" \
  --data-urlencode state=s --data-urlencode client_id=bench-skill --data-urlencode scope=read --data-urlencode response_type=token \
  --data-urlencode "redirect_uri=$redirect" --data-urlencode decision=allow --data-urlencode "__RequestVerificationToken=$af")
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
  local median; median=$(printf '%s\n' "${rates[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
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
