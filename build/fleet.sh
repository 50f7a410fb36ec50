#!/usr/bin/env bash
# A real fleet on this machine: a private PostgreSQL (its own data directory and port, never the shared server), N
# identical app instances on it and nginx in front as the TLS-terminating load balancer (self-signed certificate,
# X-Forwarded-* headers, the instances trust loopback as their proxy). Everything on free ports, state under
# artifacts/fleet/. The fault suite (tests/Fleet.FaultTests) runs against it; build/test.sh starts and stops it.
#
#   build/fleet.sh up [N]         start (default 2 instances); FLEET_PROMETHEUS=1 also starts Debian's prometheus
#   build/fleet.sh down           stop everything it started
#   build/fleet.sh status         what runs where
#   build/fleet.sh pg-stop|pg-start               the private PostgreSQL only (fault tests: an outage)
#   build/fleet.sh kill I | term I | start I      instance I: SIGKILL, SIGTERM (waits for the exit), start again
#
# FLEET_APP=path/to/AlexaLinkHub.Web.dll runs that build (build/test.sh passes its Debug build); otherwise a Release
# build of src/Web is made first.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/artifacts/fleet"
state="$dir/state.env"
# The private PostgreSQL's own files sit under /tmp, not in the clone: initdb runs as postgres, which may not be allowed
# to enter the directories above the clone (a CI checkout or a mktemp -d is often 0700).
pgdir="/tmp/alh-fleet-pg-$(printf '%s' "$root" | md5sum | cut -c1-12)"
log() { echo "[fleet.sh] $*" >&2; }
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
load_state() { [ -f "$state" ] || { log "no fleet is up (no $state)"; exit 1; }; . "$state"; }
ready() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1/health/ready" 2>/dev/null | grep -q '^200$'; }

start_instance() { # index
  local i=$1 port_var="APP_PORT_$1" metrics_var="METRICS_PORT_$1"
  local port=${!port_var} metrics=${!metrics_var}
  ( cd "$root/src/Web" && exec env -i PATH="$PATH" HOME="${HOME:-/root}" DOTNET_CLI_TELEMETRY_OPTOUT=1 \
      ASPNETCORE_URLS="http://127.0.0.1:$port;http://127.0.0.1:$metrics" ASPNETCORE_ENVIRONMENT=Production \
      Database__Provider=PostgreSql ConnectionStrings__Default="$CONNECTION_STRING" \
      App__PublicBaseUrl="$PUBLIC_URL" App__TrustedProxies__0=127.0.0.1 \
      Bootstrap__PlatformApiKey="$PLATFORM_KEY" Bootstrap__AdminEmail="$ADMIN_EMAIL" Bootstrap__AdminPassword="$ADMIN_PASSWORD" \
      DataProtection__Certificate__Path="$KEY_RING_CERT" DataProtection__Certificate__Password="$KEY_RING_PASSWORD" \
      Email__PickupDirectory="$dir/mail" Telemetry__MetricsPort="$metrics" Telemetry__ServiceInstanceId="instance-$i" \
      dotnet "$APP_DLL" >> "$dir/logs/instance-$i.log" 2>&1 ) &
  echo $! > "$dir/instance-$i.pid"
}

wait_ready() { # base-url seconds
  for _ in $(seq 1 $(( $2 * 5 ))); do ready "$1" && return 0; sleep 0.2; done
  return 1
}

pg_ctl_() { as_pg "$(pg_bin)/pg_ctl" -D "$pgdir/pgdata" -l "$pgdir/postgresql.log" "$@"; }

cmd_up() {
  local count=${1:-2}
  [ -f "$state" ] && { log "a fleet is already up ($state); run 'build/fleet.sh down' first"; exit 1; }
  command -v nginx >/dev/null || { [ "$(id -u)" -eq 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null; } \
    || { log "nginx is required (apt-get install nginx)"; exit 2; }
  [ -n "$(pg_bin)" ] || { log "PostgreSQL's binaries are required (apt-get install postgresql)"; exit 2; }
  rm -rf "$dir"; mkdir -p "$dir/logs" "$dir/mail" "$dir/nginx"

  local app=${FLEET_APP:-}
  if [ -z "$app" ]; then
    log "building src/Web (Release)"
    dotnet build "$root/src/Web" -c Release -nologo -v quiet >/dev/null
    app="$root/src/Web/bin/Release/net10.0/AlexaLinkHub.Web.dll"
  fi
  [ -f "$app" ] || { log "no app at $app"; exit 2; }

  # --- the private PostgreSQL ---
  local pg_port; pg_port=$(free_port)
  rm -rf "$pgdir"; mkdir -p "$pgdir/pgdata" "$pgdir/pgsock"
  [ "$(id -u)" -eq 0 ] && chown -R postgres "$pgdir"
  as_pg "$(pg_bin)/initdb" -D "$pgdir/pgdata" -U postgres --auth=trust -E UTF8 --no-instructions >/dev/null
  pg_ctl_ -w -o "-p $pg_port -k $pgdir/pgsock -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null
  as_pg "$(pg_bin)/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE ROLE alh LOGIN CREATEDB PASSWORD 'alh'" -c "CREATE DATABASE alh OWNER alh" >/dev/null
  log "PostgreSQL (private) on 127.0.0.1:$pg_port"

  # --- instances and the load balancer ---
  local lb_port; lb_port=$(free_port)
  {
    echo "FLEET_DIR='$dir'"; echo "APP_DLL='$app'"; echo "INSTANCES=$count"; echo "PG_PORT=$pg_port"; echo "PG_BIN='$(pg_bin)'"
    echo "CONNECTION_STRING='Host=127.0.0.1;Port=$pg_port;Database=alh;Username=alh;Password=alh'"
    echo "LB_PORT=$lb_port"; echo "PUBLIC_URL='https://localhost:$lb_port'"
    echo "PLATFORM_KEY='alh_fleet-platform-key-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')'"
    echo "ADMIN_EMAIL='ops@fleet.test'"; echo "ADMIN_PASSWORD='fleet-admin-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')'"
    echo "KEY_RING_CERT='$dir/keyring.pfx'"; echo "KEY_RING_PASSWORD='keyring-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')'"
    for i in $(seq 1 "$count"); do echo "APP_PORT_$i=$(free_port)"; echo "METRICS_PORT_$i=$(free_port)"; done
  } > "$state"
  . "$state"
  # One certificate for every instance: it encrypts the shared data-protection key ring at rest (docs/SECURITY.md).
  openssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj "/CN=alexalinkhub key ring" -keyout "$dir/keyring.key" -out "$dir/keyring.crt" >/dev/null 2>&1
  openssl pkcs12 -export -inkey "$dir/keyring.key" -in "$dir/keyring.crt" -out "$KEY_RING_CERT" -passout "pass:$KEY_RING_PASSWORD" >/dev/null 2>&1
  rm -f "$dir/keyring.key"

  # All instances at once, on the empty database: the startup race is part of what this proves (the fault suite reads
  # how long it took from the state file).
  local started; started=$(date +%s%N)
  for i in $(seq 1 "$count"); do start_instance "$i"; done
  for i in $(seq 1 "$count"); do
    local p="APP_PORT_$i"
    wait_ready "http://127.0.0.1:${!p}" 180 || { log "instance $i did not become ready; see $dir/logs/instance-$i.log"; tail -n 30 "$dir/logs/instance-$i.log" >&2; exit 1; }
  done
  echo "STARTED_TOGETHER_MS=$(( ($(date +%s%N) - started) / 1000000 ))" >> "$state"
  log "$count instances ready"

  openssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$dir/nginx/key.pem" -out "$dir/nginx/cert.pem" >/dev/null 2>&1
  {
    echo "worker_processes 1; pid $dir/nginx/nginx.pid; error_log $dir/logs/nginx-error.log warn;"
    [ "$(id -u)" -eq 0 ] && echo "user root;"
    echo "events { worker_connections 1024; }"
    echo "http {"
    echo "  access_log $dir/logs/nginx-access.log; client_body_temp_path $dir/nginx/body; proxy_temp_path $dir/nginx/proxy;"
    echo "  fastcgi_temp_path $dir/nginx/fastcgi; uwsgi_temp_path $dir/nginx/uwsgi; scgi_temp_path $dir/nginx/scgi;"
    echo "  upstream alh {"
    for i in $(seq 1 "$count"); do local p="APP_PORT_$i"; echo "    server 127.0.0.1:${!p} max_fails=1 fail_timeout=2s;"; done
    echo "  }"
    echo "  server {"
    echo "    listen 127.0.0.1:$lb_port ssl; server_name localhost;"
    echo "    ssl_certificate $dir/nginx/cert.pem; ssl_certificate_key $dir/nginx/key.pem; ssl_protocols TLSv1.2 TLSv1.3;"
    echo "    proxy_set_header Host \$host:\$server_port; proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;"
    echo "    proxy_set_header X-Forwarded-Proto \$scheme; proxy_set_header X-Forwarded-Host \$host:\$server_port;"
    # A connection refused (an instance stopping or gone) is retried on the next instance; a request already sent is
    # retried only where repeating it is harmless (introspection and userinfo read).
    echo "    proxy_next_upstream error timeout; proxy_connect_timeout 2s;"
    echo "    location ~ ^/t/[^/]+/connect/(introspect|userinfo)\$ { proxy_pass http://alh; proxy_next_upstream error timeout non_idempotent; }"
    echo "    location /metrics { return 404; }"
    echo "    location / { proxy_pass http://alh; }"
    echo "  }"
    echo "}"
  } > "$dir/nginx/nginx.conf"
  nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf"
  for _ in $(seq 1 50); do curl -sk -o /dev/null --max-time 2 "https://localhost:$lb_port/health/live" && break; sleep 0.1; done
  log "nginx (TLS) on https://localhost:$lb_port"

  if [ "${FLEET_PROMETHEUS:-0}" = 1 ] && command -v prometheus >/dev/null; then
    local prom_port; prom_port=$(free_port)
    {
      echo "global: { scrape_interval: 1s }"
      echo "scrape_configs:"
      echo "  - job_name: alexalinkhub"
      echo "    static_configs:"
      echo "      - targets: [$(for i in $(seq 1 "$count"); do local m="METRICS_PORT_$i"; printf "'127.0.0.1:%s'," "${!m}"; done | sed 's/,$//')]"
    } > "$dir/prometheus.yml"
    prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/prometheus-data" \
      --web.listen-address="127.0.0.1:$prom_port" >> "$dir/logs/prometheus.log" 2>&1 &
    echo $! > "$dir/prometheus.pid"; echo "PROMETHEUS_PORT=$prom_port" >> "$state"
    log "prometheus on http://127.0.0.1:$prom_port"
  fi
  cmd_status
}

cmd_down() {
  [ -f "$state" ] || { log "no fleet is up"; return 0; }
  . "$state"
  [ -f "$dir/nginx/nginx.pid" ] && nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -s stop 2>/dev/null || true
  [ -f "$dir/prometheus.pid" ] && kill "$(cat "$dir/prometheus.pid")" 2>/dev/null || true
  for i in $(seq 1 "$INSTANCES"); do [ -f "$dir/instance-$i.pid" ] && kill "$(cat "$dir/instance-$i.pid")" 2>/dev/null || true; done
  for f in "$dir"/extra-*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
  pg_ctl_ -m fast stop >/dev/null 2>&1 || true
  cp "$pgdir/postgresql.log" "$dir/logs/postgresql.log" 2>/dev/null || true
  rm -rf "$pgdir"
  rm -f "$state"
  log "fleet stopped (logs kept in $dir/logs)"
}

cmd_status() {
  load_state
  echo "load balancer   $PUBLIC_URL"
  for i in $(seq 1 "$INSTANCES"); do
    local p="APP_PORT_$i" m="METRICS_PORT_$i" pid="-"
    [ -f "$dir/instance-$i.pid" ] && pid=$(cat "$dir/instance-$i.pid")
    local health="down"; ready "http://127.0.0.1:${!p}" && health="ready"
    echo "instance $i      http://127.0.0.1:${!p} (metrics :${!m}) pid $pid $health"
  done
  echo "postgresql      127.0.0.1:$PG_PORT (private, $pgdir/pgdata)"
  [ -n "${PROMETHEUS_PORT:-}" ] && echo "prometheus      http://127.0.0.1:$PROMETHEUS_PORT"
  return 0
}

case "${1:-}" in
  up) cmd_up "${2:-2}" ;;
  down) cmd_down ;;
  status) cmd_status ;;
  pg-stop) load_state; pg_ctl_ -m fast stop >/dev/null ;;
  pg-start) load_state; pg_ctl_ -w -o "-p $PG_PORT -k $pgdir/pgsock -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null ;;
  kill) load_state; kill -9 "$(cat "$dir/instance-$2.pid")" ;;
  term) load_state; pid=$(cat "$dir/instance-$2.pid"); kill -TERM "$pid"; for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.1; done; log "instance $2 did not exit within 30 s"; exit 1 ;;
  start) load_state; start_instance "$2"; p="APP_PORT_$2"; wait_ready "http://127.0.0.1:${!p}" 120 ;;
  *) sed -n '2,14p' "$0"; exit 2 ;;
esac
