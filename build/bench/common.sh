# Shared by the benchmark scripts (sourced, not run): start a Release build on a fresh SQLite database, arrange a
# tenant, a skill and a user through the admin API, and link through the real flow as a browser without JavaScript.
# Expects: set -euo pipefail; sets root, base, key, work, out, app, pin_app and pin_load (the app on CPU 0, the load
# generator on CPU 1, as ../shared/bench-peers does, when there are two). BENCH_PORT: a free port unless given;
# BENCH_DB_PROVIDER / BENCH_DB_CONNECTION: another database than the fresh SQLite file.

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
BENCH_PORT=${BENCH_PORT:-$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')}
base="http://127.0.0.1:$BENCH_PORT"
pin_app=(); pin_load=()
[ "$(nproc)" -ge 2 ] && { pin_app=(taskset -c 0); pin_load=(taskset -c 1); }
key="alh_bench_platform_key_000000000000000000000000"
command -v wrk >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "wrk is required (apt-get install wrk)"; exit 2; }

work=$(mktemp -d)
out="artifacts/bench"; mkdir -p "$out"
jar="$work/cookies"
cleanup() { [ -n "${app:-}" ] && kill "$app" 2>/dev/null; wait 2>/dev/null || true; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"; }
trap cleanup EXIT

# Publishes (once per script; APP_DIR=<published app> reuses a build) and starts the app; returns once /health/ready answers. BENCH_APP_ENV adds settings ("Key__Sub=value …").
bench_start_app() {
  if [ ! -f "$work/app/AlexaLinkHub.Web.dll" ]; then
    if [ -n "${APP_DIR:-}" ]; then cp -r "$APP_DIR" "$work/app"; else dotnet publish src/Web -c Release -o "$work/app" -nologo -v quiet >/dev/null; fi
  fi
  # shellcheck disable=SC2086
  env ${BENCH_APP_ENV:-} ASPNETCORE_URLS="$base" ASPNETCORE_ENVIRONMENT=Development Database__Provider="${BENCH_DB_PROVIDER:-Sqlite}" \
  ConnectionStrings__Default="${BENCH_DB_CONNECTION:-Data Source=$work/bench.db}" Bootstrap__PlatformApiKey="$key" \
  Bootstrap__AdminEmail=bench@example.com Bootstrap__AdminPassword=bench-admin-password \
  Logging__LogLevel__Default=Warning Email__PickupDirectory="$work/mail" \
    "${pin_app[@]}" dotnet "$work/app/AlexaLinkHub.Web.dll" > "$work/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 120); do curl -sf "$base/health/ready" >/dev/null && return 0; sleep 0.5; done
  echo "the app did not become ready; see $work/app.log"; exit 1
}

api() { curl -sf -H "Authorization: Bearer $key" -H 'content-type: application/json' "$@"; }

# Tenant "bench" (or the 4th argument), user ann@example.com (external id crm-1) and one skill; prints the skill's client secret.
bench_arrange() { # client_id grant_type redirect_uri [slug]
  local slug=${4:-bench}
  api -X POST "$base/api/v1/tenants" -d "{\"slug\":\"$slug\",\"displayName\":\"Bench\"}" >/dev/null
  api -X POST "$base/api/v1/tenants/$slug/users" -d '{"email":"ann@example.com","password":"bench-user-password","displayName":"Ann","externalId":"crm-1"}' >/dev/null
  api -X POST "$base/api/v1/tenants/$slug/skills" -d "{\"name\":\"Bench\",\"clientId\":\"$1\",\"grantType\":\"$2\",\"scopes\":[{\"name\":\"read\",\"description\":\"read your profile\"}],\"redirectUrls\":[\"$3\"]}" \
    | python3 -c 'import json,sys;print(json.load(sys.stdin)["clientSecret"])'
}

token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//'; }

# Links ann through the authorization endpoint (signing in first when the session is new, then "Allow");
# prints the Location Alexa would receive.
bench_link() { # client_id response_type redirect_uri [slug]
  local slug=${4:-bench}
  local enc; enc=$(python3 -c 'import urllib.parse,sys;print(urllib.parse.quote(sys.argv[1],safe=""))' "$3")
  local authorize="$base/t/$slug/connect/authorize?state=s&client_id=$1&scope=read&response_type=$2&redirect_uri=$enc"
  local login; login=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" "$authorize")
  if [ -n "$login" ]; then
    local af; af=$(curl -s -c "$jar" -b "$jar" "$login" | token_of)
    curl -s -o /dev/null -c "$jar" -b "$jar" -X POST "$login" --data-urlencode "Input.Email=ann@example.com" \
      --data-urlencode "Input.Password=bench-user-password" --data-urlencode "__RequestVerificationToken=$af"
  fi
  local af; af=$(curl -s -c "$jar" -b "$jar" "$authorize" | token_of)
  curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" -X POST "$base/t/$slug/connect/authorize" \
    --data-urlencode state=s --data-urlencode "client_id=$1" --data-urlencode scope=read --data-urlencode "response_type=$2" \
    --data-urlencode "redirect_uri=$3" --data-urlencode decision=allow --data-urlencode "__RequestVerificationToken=$af"
}

median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
