#!/usr/bin/env bash
# Introspection and userinfo with 1 k, 100 k and 1 M access tokens stored, on SQLite and PostgreSQL: is the hot path
# flat in the size of the token table? Each size: a fresh database, one account linked through the real flow (the
# template), N tokens seeded straight into the database (build/bench/seed-tokens.sh), then wrk (-t2 -c32, app on CPU 0,
# wrk on CPU 1) in two phases, each PASSES measured passes of DURATION after a warm-up:
#   cold — the app keeps no answers (OAuth:TokenAnswerCapacity=0), so every request is a first-seen token: one indexed
#          query into the N-row table (SAMPLE of the stored tokens cycled, default 10,000);
#   warm — the answers are kept (the shipped setting) and WARM of the tokens (default 1,000) are asked for again and again.
# Medians, and the ratio of each size to the 1 k figure of the same phase measured in the same run. Comparing warm at
# 1 k with cold at 1 M would measure the cache, not the table: the phases are reported apart.
#
#   build/bench/scale.sh                      SIZES="1000 100000 1000000" PROVIDERS="sqlite postgres" PASSES=3 PHASES="cold warm"
#   ALH_BENCH_POSTGRES="Host=…;Username=…;Password=…"   (a role that may create databases; default: the test role)
#   APP_DIR=<published app>                              measure that build instead of publishing this tree
# Results: artifacts/bench/scale.txt.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
sizes=${SIZES:-"1000 100000 1000000"}; providers=${PROVIDERS:-"sqlite postgres"}
passes=${PASSES:-3}; duration=${DURATION:-10s}; sample=${SAMPLE:-10000}; warm=${WARM:-1000}; phases=${PHASES:-"cold warm"}
pg=${ALH_BENCH_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=alh_test;Password=alh_test"}
peers=$(cd "$root/../shared/bench-peers" && pwd)
source "$(dirname "$0")/common.sh"
pg_field() { tr ';' '\n' <<<"$pg" | sed -n "s/^$1=//p"; }
psql_admin() { PGPASSWORD=$(pg_field Password) psql -qAt -h "$(pg_field Host)" -p "$(pg_field Port || echo 5432)" -U "$(pg_field Username)" -d postgres -c "$1"; }
databases=()
drop_databases() { for d in "${databases[@]}"; do psql_admin "DROP DATABASE IF EXISTS $d WITH (FORCE)" || true; done; }
trap 'cleanup; drop_databases' EXIT

if [ -n "${APP_DIR:-}" ]; then cp -r "$APP_DIR" "$work/app"; else dotnet publish src/Web -c Release -o "$work/app" -nologo -v quiet >/dev/null; fi
redirect="https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=BENCH"
results="$work/results.txt"; : >"$results"

start_app() { # provider connection-string [setting=value …]
  (cd "$work/app" && exec env "${@:3}" ASPNETCORE_URLS="$base" ASPNETCORE_ENVIRONMENT=Development Database__Provider="$1" \
    ConnectionStrings__Default="$2" Bootstrap__PlatformApiKey="$key" Bootstrap__AdminEmail=bench@example.com \
    Bootstrap__AdminPassword=bench-admin-password Logging__LogLevel__Default=Warning Email__PickupDirectory="$work/mail" \
    "${pin_app[@]}" dotnet AlexaLinkHub.Web.dll) >"$work/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 240); do curl -sf -o /dev/null "$base/health/ready" && return 0; sleep 0.25; done
  echo "the app did not become ready; see $work/app.log" >&2; exit 1
}

for provider in $providers; do
  for n in $sizes; do
    if [ "$provider" = sqlite ]; then
      rm -f "$work/bench.db"*
      conn="Data Source=$work/bench.db"; db_provider=Sqlite
    else
      name="alh_bench_$(date +%s%N | tail -c 9)"; databases+=("$name"); psql_admin "CREATE DATABASE $name"
      conn="$pg;Database=$name"; db_provider=PostgreSql
    fi
    start_app "$db_provider" "$conn"
    secret=$(bench_arrange bench-skill implicit "$redirect")
    rm -f "$jar"; bench_link bench-skill token "$redirect" >/dev/null
    kill "$app"; wait "$app" 2>/dev/null || true; app=""
    if [ "$provider" = sqlite ]; then
      build/bench/seed-tokens.sh --sqlite "$work/bench.db" --count "$n" --out "$work/tokens.txt" >&2
    else
      build/bench/seed-tokens.sh --postgres "$conn" --count "$n" --out "$work/tokens.txt" >&2
    fi
    basic="Basic $(printf 'bench-skill:%s' "$secret" | base64 -w0)"
    for phase in $phases; do
      if [ "$phase" = cold ]; then start_app "$db_provider" "$conn" OAuth__TokenAnswerCapacity=0; count=$sample
      else start_app "$db_provider" "$conn"; count=$warm; fi
      shuf -n "$count" "$work/tokens.txt" >"$work/sample.txt"
      for endpoint in introspect userinfo; do
        if [ "$endpoint" = userinfo ]; then args=(GET /t/bench/connect/userinfo "Bearer {TOKEN}" "$work/sample.txt" -)
        else args=(POST /t/bench/connect/introspect "$basic" "$work/sample.txt" 'token={TOKEN}&token_type_hint=access_token'); fi
        # Warm-up: the JIT settles (cold), every sampled token is seen once (warm: each wrk thread walks the whole sample
        # from its own offset, and the first sight of each token is a cold check at a few hundred per second, so 25 s).
        "${pin_load[@]}" wrk -t2 -c32 -d"$([ "$phase" = warm ] && echo 25 || echo 10)s" -s "$peers/lua/bench.lua" "$base" -- "${args[@]}" >/dev/null
        for p in $(seq 1 "$passes"); do
          line=$("${pin_load[@]}" wrk -t2 -c32 -d"$duration" -s "$peers/lua/bench.lua" "$base" -- "${args[@]}" | grep '^WRKRESULT')
          read -r _ rps p50 _ p99 _ _ reqs non2xx _ <<<"$line"
          echo "$provider $n $phase $endpoint $p $rps $p50 $p99 $non2xx $(cut -d' ' -f1 /proc/loadavg)" >>"$results"
        done
      done
      echo "$provider $n $phase rss $(awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$app/status")" >>"$results"
      kill "$app"; wait "$app" 2>/dev/null || true; app=""
    done
  done
done

python3 - "$results" "$sample" "$warm" <<'PY' | tee "$root/artifacts/bench/scale.txt"
import sys, statistics
rows = [l.split() for l in open(sys.argv[1])]
runs = {}; rss = {}
for r in rows:
    if r[3] == 'rss': rss[(r[0], r[1], r[2])] = r[4]; continue
    runs.setdefault((r[0], r[2], r[3], int(r[1])), []).append(r)
print(f"scale: tokens stored vs req/s, medians of passes, wrk -t2 -c32; cold: every token first-seen ({sys.argv[2]} cycled, no answers kept), warm: {sys.argv[3]} tokens asked again")
print()
print("| provider | phase | tokens | endpoint | req/s | p50 ms | p99 ms | × 1 k | non-2xx | load | RSS MiB |")
print("|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|")
for (prov, phase, ep, n), rs in sorted(runs.items()):
    med = lambda i: statistics.median(float(x[i]) for x in rs)
    smallest = min(k[3] for k in runs if k[:3] == (prov, phase, ep))
    base = statistics.median(float(x[5]) for x in runs[(prov, phase, ep, smallest)])
    print(f"| {prov} | {phase} | {n:,} | {ep} | {med(5):,.0f} | {med(6):.2f} | {med(7):.2f} | {med(5) / base:.2f} | {int(sum(float(x[8]) for x in rs))} | {med(9):.1f} | {rss.get((prov, str(n), phase), '?')} |")
PY
