#!/usr/bin/env bash
# AlexaLinkHub's test command. On a fresh Debian machine (as root) it installs what the tests need (PostgreSQL,
# Chromium, nginx), starts PostgreSQL unless a Docker engine lets Testcontainers do it, builds, runs every test project,
# then the fleet fault suite against build/fleet.sh up (its own private PostgreSQL, two instances, nginx),
# stops what it started, prints "N passed, N failed, N skipped" and exits non-zero on any failure.
#
#   build/test.sh                 all test projects
#   build/test.sh Domain.UnitTests Web.FunctionalTests   only these (folder names under tests/)
#   build/test.sh node            only the skill-backend kit's Node tests and the packages (after the build)
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
log() { echo "[test.sh] $*" >&2; }

# --- 1. What the tests need, from Debian's packages --------------------------------------------------------------
missing=()
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v nginx >/dev/null 2>&1 || missing+=(nginx)   # the fleet's load balancer (section 6)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "missing ${missing[*]}: run as root (or install them) so the tests have a real PostgreSQL and Chromium"
    exit 2
  fi
  log "installing ${missing[*]} with apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || {
    log "apt-get install ${missing[*]} failed"; exit 2; }
fi

# --- 2. PostgreSQL: Testcontainers where a Docker engine answers, else a local cluster we start and stop --------
started_cluster=""
started_fleet=""
cleanup() {
  [ -n "$started_fleet" ] && "$root/build/fleet.sh" down >/dev/null 2>&1
  if [ -n "$started_cluster" ]; then
    log "stopping PostgreSQL $started_cluster"
    pg_ctlcluster $started_cluster stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  log "Docker engine found: PostgreSQL comes from Testcontainers"
  unset ALH_TEST_POSTGRES
else
  if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
    log "creating PostgreSQL $version cluster 'main'"
    pg_createcluster "$version" main >/dev/null
  fi
  read -r pg_version pg_cluster pg_port pg_status _ < <(pg_lsclusters -h | head -n 1)
  if [ "$pg_status" != "online" ]; then
    log "starting PostgreSQL $pg_version/$pg_cluster on port $pg_port"
    pg_ctlcluster "$pg_version" "$pg_cluster" start || { log "could not start PostgreSQL"; exit 2; }
    started_cluster="$pg_version $pg_cluster"
  fi
  for _ in $(seq 1 30); do
    su postgres -c "psql -p $pg_port -Atqc 'select 1'" >/dev/null 2>&1 && break
    sleep 0.5
  done
  su postgres -c "psql -p $pg_port -v ON_ERROR_STOP=1 -qc \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'alh_test') THEN CREATE ROLE alh_test LOGIN CREATEDB PASSWORD 'alh_test'; END IF; END \\\$\\\$;\"" \
    || { log "could not create the test role"; exit 2; }
  export ALH_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=alh_test;Password=alh_test;Database=postgres"
  log "PostgreSQL ready on 127.0.0.1:$pg_port"
fi

# --- 3. Chromium for the browser tests (Playwright drives Debian's build; it never downloads one) ---------------
export ALH_CHROMIUM="$(command -v chromium)"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# --- 3b. The vendor's OpenID Connect provider (npm oidc-provider) that the external sign-in tests start -----------
# The fixture (tests/TestSupport/OidcProvider.cs) runs tests/oidc-idp/server.js with node; its packages come from the
# lock file. Needed by Web.FunctionalTests and Web.BrowserTests.
if [ -d tests/oidc-idp ] && [ ! -d tests/oidc-idp/node_modules/oidc-provider ]; then
  log "npm ci in tests/oidc-idp (the test OpenID Connect provider)"
  if ! (cd tests/oidc-idp && npm ci --no-audit --no-fund --loglevel=error) >&2; then
    log "npm ci in tests/oidc-idp failed: the external sign-in tests need node and npm"
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
  fi
fi

# --- 4. Build once, then every test project -------------------------------------------------------------------
log "building"
if ! dotnet build AlexaLinkHub.sln -nologo -v quiet; then
  log "build failed"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

fleet_suite=""
if [ $# -gt 0 ]; then
  projects=()
  for name in "$@"; do
    [ "$name" = node ] && continue
    if grep -q '<FleetSuite>true</FleetSuite>' tests/"$name"/*.csproj 2>/dev/null; then fleet_suite="$name"; else projects+=("$name"); fi
  done
else
  projects=()
  for dir in tests/*/; do
    name=$(basename "$dir")
    grep -q '<FleetSuite>true</FleetSuite>' "$dir"*.csproj 2>/dev/null && { fleet_suite="$name"; continue; }
    grep -q '<OutputType>Exe</OutputType>' "$dir"*.csproj 2>/dev/null && projects+=("$name")
  done
fi

mkdir -p artifacts/test-logs
passed=0; failed=0; skipped=0; broken=()
# What a failed test said: its name and message, stack included (up to 25 lines each, 5 tests). CI keeps only this
# script's output, so a flaky failure has to explain itself here (the browser tests put the page's state and the app's
# warnings into their timeout messages); the whole log stays in artifacts/test-logs/.
failure_details() { # log file
  awk '
    /^failed / { shown++; if (shown > 5) exit; print; msg = 25; next }
    /^[^ ]/ { msg = 0 }
    msg > 0 { print; msg-- }
  ' "$1"
  grep -E "^(  Failed|error)|\[FAIL\]" "$1" | head -n 10
}

run_project() { # name
  local name=$1 csproj out start code t f s k
  csproj=$(ls tests/"$name"/*.csproj)
  out="artifacts/test-logs/$name.log"
  log "running $name"
  start=$(date +%s)
  dotnet test --project "$csproj" --no-build > "$out" 2>&1
  code=$?
  t=$(awk '/^  total:/{print $2}' "$out" | tail -n 1)
  f=$(awk '/^  failed:/{print $2}' "$out" | tail -n 1)
  s=$(awk '/^  succeeded:/{print $2}' "$out" | tail -n 1)
  k=$(awk '/^  skipped:/{print $2}' "$out" | tail -n 1)
  if [ -z "$t" ]; then
    # No summary: the test host crashed or ran nothing. That is a failure, not a pass.
    log "$name: no test summary (exit $code) — see $out"; tail -n 30 "$out" >&2
    failed=$((failed + 1)); broken+=("$name"); return
  fi
  passed=$((passed + s)); failed=$((failed + f)); skipped=$((skipped + k))
  log "$name: $s passed, $f failed, $k skipped ($(( $(date +%s) - start ))s)"
  if [ "$f" != "0" ] || [ "$code" -ne 0 ]; then
    failure_details "$out" >&2
    [ "$f" = "0" ] && { failed=$((failed + 1)); }
    broken+=("$name")
  fi
}

for name in "${projects[@]}"; do run_project "$name"; done

# --- 6. The fleet fault suite: a real fleet (build/fleet.sh: private PostgreSQL, 2 instances, nginx TLS) ----------
if [ -n "$fleet_suite" ]; then
  log "starting the fleet (build/fleet.sh up)"
  fleet_start=$(date +%s)
  if FLEET_APP="$root/src/Web/bin/Debug/net10.0/AlexaLinkHub.Web.dll" build/fleet.sh up 2 > artifacts/test-logs/fleet-up.log 2>&1; then
    started_fleet=1
    run_project "$fleet_suite"
    build/fleet.sh down >/dev/null 2>&1; started_fleet=""
    [ -f artifacts/fleet/figures.txt ] && sed 's/^/[fleet] /' artifacts/fleet/figures.txt >&2
    log "fleet section: $(( $(date +%s) - fleet_start ))s"
  else
    log "the fleet did not come up — see artifacts/test-logs/fleet-up.log and artifacts/fleet/logs/"; tail -n 20 artifacts/test-logs/fleet-up.log >&2
    build/fleet.sh down >/dev/null 2>&1
    failed=$((failed + 1)); broken+=("$fleet_suite")
  fi
fi

# --- 5. The skill-backend kit: Node tests (node's own runner, against the Web app built above) and both packages --
# Runs with the whole suite, or when "node" is named (build/test.sh node). Its counts join the final line.
run_node=0
if [ $# -eq 0 ]; then run_node=1; else for name in "$@"; do [ "$name" = node ] && run_node=1; done; fi
if [ "$run_node" -eq 1 ]; then
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    log "node and npm (Node 20) are needed for the skill-backend kit's tests"; failed=$((failed + 1)); broken+=("node")
  else
    export ALH_WEB_DLL="$root/src/Web/bin/Debug/net10.0/AlexaLinkHub.Web.dll"
    for dir in sdk/node samples/carfu-skill-node; do
      name="node:$dir"; out="artifacts/test-logs/$(echo "$dir" | tr '/' '_').log"
      log "running $name"
      start=$(date +%s)
      if ! (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) > "$out" 2>&1; then
        log "$name: npm ci failed — see $out"; tail -n 20 "$out" >&2; failed=$((failed + 1)); broken+=("$name"); continue
      fi
      (cd "$dir" && node --test --test-reporter=tap test/*.test.mjs) >> "$out" 2>&1
      code=$?
      # node's TAP summary: "# pass N", "# fail N", "# cancelled N", "# skipped N", "# todo N".
      p=$(awk '/^# pass /{print $3}' "$out" | tail -n 1)
      f=$(awk '/^# fail /{print $3}' "$out" | tail -n 1)
      c=$(awk '/^# cancelled /{print $3}' "$out" | tail -n 1)
      k=$(awk '/^# (skipped|todo) /{n+=$3} END{print n+0}' "$out")
      if [ -z "$p" ] || [ -z "$f" ]; then
        log "$name: no test summary (exit $code) — see $out"; tail -n 30 "$out" >&2
        failed=$((failed + 1)); broken+=("$name"); continue
      fi
      f=$((f + ${c:-0}))
      passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + k))
      log "$name: $p passed, $f failed, $k skipped ($(( $(date +%s) - start ))s)"
      if [ "$f" != "0" ] || [ "$code" -ne 0 ]; then
        grep -E "^not ok|^\s+(error|expected|actual):" "$out" | head -n 40 >&2
        [ "$f" = "0" ] && failed=$((failed + 1))
        broken+=("$name")
      fi
    done

    # Both packages, with the one version of sdk/node/package.json: @alexalinkhub/ask-sdk and AlexaLinkHub.SkillBackend.
    version=$(node -p "require('./sdk/node/package.json').version")
    packages="artifacts/packages"; rm -rf "$packages"; mkdir -p "$packages"
    log "packing the skill-backend kit $version"
    if (cd sdk/node && npm pack --silent --pack-destination "$root/$packages") > artifacts/test-logs/pack.log 2>&1 \
       && dotnet pack sdk/dotnet/AlexaLinkHub.SkillBackend -c Release -o "$packages" -nologo -v quiet >> artifacts/test-logs/pack.log 2>&1 \
       && [ -f "$packages/alexalinkhub-ask-sdk-$version.tgz" ] && [ -f "$packages/AlexaLinkHub.SkillBackend.$version.nupkg" ]; then
      log "packages: $(cd "$packages" && echo *)"
    else
      log "packing failed — see artifacts/test-logs/pack.log"; tail -n 20 artifacts/test-logs/pack.log >&2
      failed=$((failed + 1)); broken+=("packages")
    fi
  fi
fi

[ ${#broken[@]} -gt 0 ] && log "failing projects: ${broken[*]} (logs in artifacts/test-logs/)"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
