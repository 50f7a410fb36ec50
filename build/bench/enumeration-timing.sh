#!/usr/bin/env bash
# Sign-in timing for an email that has an account (wrong password) against one that has none, on the tenant login page
# and the admin sign-in page: the median of N tries each, interleaved, and their ratio (the issue asks for within 20 %).
# The lockout and the per-address limits are raised for the run, so every try does the full work.
#
#   build/bench/enumeration-timing.sh [tries]      (default 30)
#
# Results also go to artifacts/bench/enumeration-timing.txt.
set -euo pipefail
tries=${1:-30}
BENCH_PORT=${BENCH_PORT:-$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')}
BENCH_APP_ENV="SignIn__MaxFailedAttempts=100000 AdminSignIn__MaxFailedAttempts=100000 RateLimits__AdminSignInPerIp__Permits=100000 RateLimits__AdminSignInPerIp__Burst=100000"
source "$(dirname "$0")/common.sh"

bench_start_app
bench_arrange bench-skill implicit "https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=BENCH" >/dev/null

# One timed POST of a sign-in form (its antiforgery token and cookie fetched first, untimed); prints seconds.
timed_post() { # form_url email_field password_field email
  local af; af=$(curl -s -c "$jar" -b "$jar" "$1" | token_of)
  curl -s -o /dev/null -w '%{time_total}\n' -c "$jar" -b "$jar" -X POST "$1" --data-urlencode "$2=$4" \
    --data-urlencode "$3=not the password" --data-urlencode "__RequestVerificationToken=$af"
}

measure() { # label form_url email_field password_field known unknown
  local known=() unknown=()
  timed_post "$2" "$3" "$4" "$5" >/dev/null; timed_post "$2" "$3" "$4" "$6" >/dev/null   # warm-up
  for _ in $(seq 1 "$tries"); do
    known+=("$(timed_post "$2" "$3" "$4" "$5")")
    unknown+=("$(timed_post "$2" "$3" "$4" "nobody-$RANDOM@example.com")")
  done
  local mk mu; mk=$(printf '%s\n' "${known[@]}" | median); mu=$(printf '%s\n' "${unknown[@]}" | median)
  printf '%-18s known %7.1f ms   unknown %7.1f ms   unknown/known %.3f\n' "$1" \
    "$(awk -v v="$mk" 'BEGIN{print v*1000}')" "$(awk -v v="$mu" 'BEGIN{print v*1000}')" "$(awk -v a="$mu" -v b="$mk" 'BEGIN{print a/b}')"
}

{
  echo "AlexaLinkHub sign-in timing, known vs unknown email — $(date -u +%FT%TZ), $(nproc) cores, SQLite, median of $tries tries each"
  measure "tenant login" "$base/t/bench/login" Input.Email Input.Password ann@example.com unused
  measure "admin sign-in" "$base/admin/login" Input.Email Input.Password bench@example.com unused
} | tee "$out/enumeration-timing.txt"
