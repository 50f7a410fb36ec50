#!/usr/bin/env bash
# Fair limits under flood: tenant A's backend floods introspection with 64 connections while tenant B's sends a steady
# 20 requests/s. With a per-tenant limit (RateLimits:OAuthPerTenant, the same for both tenants, set below what the
# machine can serve), A is refused with 429s and B — inside its limit — gets no 429 and keeps its latency. B alone,
# before the flood, is the baseline measured in the same run.
#
#   build/bench/fair-limits.sh [seconds] [tenant-limit-per-second]      (defaults: 20 s, 200)
#
# Results also go to artifacts/bench/fair-limits.txt.
set -euo pipefail
seconds=${1:-20}
limit=${2:-200}
BENCH_PORT=${BENCH_PORT:-$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')}
BENCH_APP_ENV="RateLimits__OAuthPerTenant__Permits=$limit RateLimits__OAuthPerTenant__Burst=$limit"
source "$(dirname "$0")/common.sh"

bench_start_app
redirect="https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=BENCH"
for tenant in a b; do
  secret=$(bench_arrange "skill-$tenant" implicit "$redirect" "tenant-$tenant")
  final=$(bench_link "skill-$tenant" token "$redirect" "tenant-$tenant")
  access=$(sed 's/.*access_token=\([^&]*\).*/\1/' <<<"$final")
  [ -n "$access" ] && [ "$access" != "$final" ] || { echo "could not obtain a token for tenant $tenant: $final"; exit 1; }
  basic=$(printf 'skill-%s:%s' "$tenant" "$secret" | base64 -w0)
  cat > "$work/$tenant.lua" <<LUA
wrk.method = "POST"
wrk.body = "token=$access"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic $basic"
LUA
done
# Tenant B's backend: one request every 50 ms per connection (20 requests/s on one connection).
cat "$work/b.lua" > "$work/b-steady.lua"
echo 'function delay() return 50 end' >> "$work/b-steady.lua"

url_a="$base/t/tenant-a/connect/introspect"
url_b="$base/t/tenant-b/connect/introspect"
wrk -t1 -c4 -d3s -s "$work/a.lua" "$url_a" >/dev/null   # warm-up
baseline=$(wrk -t1 -c1 -d"${seconds}s" --latency -s "$work/b-steady.lua" "$url_b")

wrk -t1 -c64 -d"$((seconds + 4))s" --latency -s "$work/a.lua" "$url_a" > "$work/flood.txt" &
flood=$!
sleep 2
steady=$(wrk -t1 -c1 -d"${seconds}s" --latency -s "$work/b-steady.lua" "$url_b")
wait "$flood"

non2xx() { awk '/Non-2xx or 3xx responses/{print $5}' <<<"$1" | grep . || echo 0; }
requests() { awk '/requests in/{print $1}' <<<"$1"; }
p() { awk -v q="$2" '$1==q"%"{print $2}' <<<"$1"; }
{
  echo "AlexaLinkHub fair limits — $(date -u +%FT%TZ), $(nproc) cores, SQLite, per-tenant limit ${limit}/s, ${seconds}s"
  echo "tenant B alone     : $(requests "$baseline") requests, non-2xx $(non2xx "$baseline"), p50 $(p "$baseline" 50), p99 $(p "$baseline" 99)"
  echo "tenant B, A floods : $(requests "$steady") requests, non-2xx $(non2xx "$steady"), p50 $(p "$steady" 50), p99 $(p "$steady" 99)"
  flood_text=$(cat "$work/flood.txt")
  echo "tenant A (64 conns): $(requests "$flood_text") requests, $(awk '/Requests\/sec/{print $2}' <<<"$flood_text") req/s, non-2xx (429) $(non2xx "$flood_text"), p99 $(p "$flood_text" 99)"
} | tee "$out/fair-limits.txt"
