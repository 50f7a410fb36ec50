#!/usr/bin/env bash
# Token-endpoint latency for refresh_token grants under a simple parallel load (SQLite), with a baseline in the same run.
#
#   build/bench/token-refresh.sh [seconds-per-run] [runs] [connections]     (defaults: 10 s, 5 runs, 8 connections)
#
# Links one account with a code-grant skill through the real flow (curl), then each run takes a fresh refresh token and
# drives POST /t/{slug}/connect/token (grant_type=refresh_token, HTTP Basic) with wrk. Every request does the full
# refresh work (validate, rotate, issue a new access and refresh token); runs stay inside the 30 s reuse leeway, so the
# same refresh token stays acceptable for the whole run. Reports median p50/p99 latency and requests/s over the runs,
# against GET /health/live as the baseline. Results: artifacts/bench/token-refresh.txt.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
seconds=${1:-10}; runs=${2:-5}; conns=${3:-8}
[ "$seconds" -lt 25 ] || { echo "keep runs under the 30 s refresh-token reuse leeway"; exit 2; }
port=${BENCH_PORT:-5097}
base="http://127.0.0.1:$port"
key="alh_bench_platform_key_000000000000000000000000"
command -v wrk >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "wrk is required"; exit 2; }

work=$(mktemp -d); out="artifacts/bench"; mkdir -p "$out"
cleanup() { [ -n "${app:-}" ] && kill "$app" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
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
redirect="https://layla.amazon.com/api/skill/link/BENCH"
secret=$(api -X POST "$base/api/v1/tenants/bench/skills" -d "{\"name\":\"Bench\",\"clientId\":\"bench-code\",\"grantType\":\"authorization_code\",\"scopes\":[{\"name\":\"read\",\"description\":\"read your profile\"}],\"redirectUrls\":[\"$redirect\"]}" \
  | python3 -c 'import json,sys;print(json.load(sys.stdin)["clientSecret"])')
api -X POST "$base/api/v1/tenants/bench/users" -d '{"email":"ann@example.com","password":"bench-user-password","displayName":"Ann"}' >/dev/null
basic=$(printf 'bench-code:%s' "$secret" | base64 -w0)
enc=$(python3 -c 'import urllib.parse,sys;print(urllib.parse.quote(sys.argv[1],safe=""))' "$redirect")
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//'; }
jar="$work/cookies"

new_refresh_token() { # a fresh link: authorize (code), consent, exchange; prints the refresh token
  local authorize="$base/t/bench/connect/authorize?state=s&client_id=bench-code&scope=read&response_type=code&redirect_uri=$enc"
  local page; page=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" "$authorize")
  if [ -n "$page" ]; then # not signed in yet
    local af; af=$(curl -s -c "$jar" -b "$jar" "$page" | token_of)
    curl -s -o /dev/null -c "$jar" -b "$jar" -X POST "$page" --data-urlencode "Input.Email=ann@example.com" \
      --data-urlencode "Input.Password=bench-user-password" --data-urlencode "__RequestVerificationToken=$af"
  fi
  local af; af=$(curl -s -c "$jar" -b "$jar" "$authorize" | token_of)
  local final; final=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" -X POST "$base/t/bench/connect/authorize" \
    --data-urlencode state=s --data-urlencode client_id=bench-code --data-urlencode scope=read --data-urlencode response_type=code \
    --data-urlencode "redirect_uri=$redirect" --data-urlencode decision=allow --data-urlencode "__RequestVerificationToken=$af")
  local code; code=$(sed 's/.*[?&]code=\([^&]*\).*/\1/' <<<"$final")
  curl -sf -H "Authorization: Basic $basic" --data-urlencode grant_type=authorization_code --data-urlencode "code=$code" \
    --data-urlencode "redirect_uri=$redirect" "$base/t/bench/connect/token" | python3 -c 'import json,sys;print(json.load(sys.stdin)["refresh_token"])'
}

ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v} else {sub(/s$/,"",v); print v*1000}}' <<<"$1"; }
median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
run() { # url [lua] → "rps p50ms p99ms"
  local r; r=$(wrk -t2 -c"$conns" -d"${seconds}s" --latency ${2:+-s "$2"} "$1")
  grep -q "Non-2xx" <<<"$r" && { echo "non-2xx responses from $1" >&2; echo "$r" >&2; exit 1; }
  echo "$(awk '/Requests\/sec/{print $2}' <<<"$r") $(ms "$(awk '/ 50%/{print $2}' <<<"$r")") $(ms "$(awk '/ 99%/{print $2}' <<<"$r")")"
}

base_rows=(); refresh_rows=()
wrk -t2 -c"$conns" -d3s "$base/health/live" >/dev/null
for i in $(seq 1 "$runs"); do
  base_rows+=("$(run "$base/health/live")")
  rt=$(new_refresh_token)
  printf 'wrk.method="POST"\nwrk.body="grant_type=refresh_token&refresh_token=%s"\nwrk.headers["Content-Type"]="application/x-www-form-urlencoded"\nwrk.headers["Authorization"]="Basic %s"\n' "$rt" "$basic" > "$work/refresh.lua"
  refresh_rows+=("$(run "$base/t/bench/connect/token" "$work/refresh.lua")")
done
{
  echo "AlexaLinkHub token-endpoint refresh benchmark — $(date -u +%FT%TZ), $(nproc) cores, SQLite, wrk -t2 -c$conns, ${runs}x${seconds}s"
  printf '%-10s %14s %10s %10s\n' endpoint "median req/s" "p50 ms" "p99 ms"
  for name in baseline refresh; do
    if [ "$name" = baseline ]; then rows=("${base_rows[@]}"); else rows=("${refresh_rows[@]}"); fi
    rps=$(printf '%s\n' "${rows[@]}" | awk '{print $1}' | median)
    p50=$(printf '%s\n' "${rows[@]}" | awk '{print $2}' | median)
    p99=$(printf '%s\n' "${rows[@]}" | awk '{print $3}' | median)
    printf '%-10s %14s %10s %10s\n' "$name" "$rps" "$p50" "$p99"
  done
  echo "runs (req/s p50 p99): baseline: ${base_rows[*]} | refresh: ${refresh_rows[*]}"
  echo "resident memory after load: $(awk '/VmRSS/{print $2/1024 " MiB"}' "/proc/$app/status")"
} | tee "$out/token-refresh.txt"
