#!/usr/bin/env bash
# Seeds N valid access tokens straight into an AlexaLinkHub database (SQLite or PostgreSQL), fast (1 M in minutes), for
# benchmarks and EXPLAIN plans on a realistically large token table. Writes the N token values, one a line, to --out.
#
#   build/bench/seed-tokens.sh --sqlite FILE          --count N --out FILE [--client CLIENT_ID]
#   build/bench/seed-tokens.sh --postgres CONNECTION  --count N --out FILE [--client CLIENT_ID]
#
# CONNECTION is the app's own Npgsql string (Host=…;Port=…;Username=…;Password=…;Database=…).
#
# The database needs one account linked through the real flow first (the template): the newest valid access token of
# an active link (of CLIENT_ID's skill, if given). Each seeded token is a copy of it under a fresh 256-bit value (only
# its SHA-256 stored, as OpenIddict stores reference tokens), on a grant, a link and a user of its own — so the token,
# grant, link and user tables grow as they do in production and every lookup by value searches the whole table. The
# signed, encrypted payload is the template's (minting a million JWEs would take hours), and it names the template's
# token entry: introspection finds each seeded token by its own value, then answers from the template's entry (same
# subject, scopes and expiry — an implicit-grant skill's tokens live ten years). So revoking any seeded token, or the
# template, ends them all together: seed for load and for query plans, not to test revocation.
set -euo pipefail

db="" target="" count="" out="" client=""
while [ $# -gt 0 ]; do
  case "$1" in
    --sqlite) db=sqlite; target=$2; shift 2 ;;
    --postgres) db=postgres; target=$2; shift 2 ;;
    --count) count=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --client) client=$2; shift 2 ;;
    *) sed -n '2,8p' "$0"; exit 2 ;;
  esac
done
[ -n "$db" ] && [ -n "$out" ] && [[ "$count" =~ ^[1-9][0-9]*$ ]] || { sed -n '2,8p' "$0"; exit 2; }
start=$(date +%s)

if [ "$db" = sqlite ]; then
  [ -f "$target" ] || { echo "no database at $target" >&2; exit 2; }
  exec python3 - "$target" "$count" "$out" "$client" "$start" <<'PY'
import base64, hashlib, os, sqlite3, sys, time, uuid
path, count, out, client, start = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
db = sqlite3.connect(path, timeout=30)
db.execute("PRAGMA journal_mode=WAL")
# This connection only: no fsync per batch, and the indexes the random keys land in kept in memory (1 M rows in minutes).
db.execute("PRAGMA synchronous=OFF"); db.execute("PRAGMA cache_size=-262144"); db.execute("PRAGMA temp_store=MEMORY")
template = db.execute("""
    SELECT t."Id", a."Id", l."Id", u."Id" FROM "OpenIddictTokens" t
    JOIN "OpenIddictAuthorizations" a ON a."Id" = t."AuthorizationId"
    JOIN "AccountLinks" l ON lower(l."GrantId") = lower(a."Id") AND l."RevokedAt" IS NULL
    JOIN "EndUsers" u ON u."Id" = l."UserId"
    WHERE t."Type" IN ('urn:ietf:params:oauth:token-type:access_token', 'access_token') AND t."Status" = 'valid' AND (? = '' OR l."ClientId" = ?)
    ORDER BY t."CreationDate" DESC LIMIT 1""", (client, client)).fetchone()
if template is None:
    sys.exit("no valid access token of an active link to copy: link one account through the real flow first")

def columns(table):
    return [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]

def copier(table, key, changes):
    # INSERT … SELECT of the template row with the named columns replaced by parameters (in the order of `changes`).
    cols = columns(table)
    values = [f"?" if c in changes else f'"{c}"' for c in cols]
    order = [c for c in cols if c in changes]
    sql = f'INSERT INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in cols)}) SELECT {", ".join(values)} FROM "{table}" WHERE "{key}" = ?'
    return sql, order

def guid():
    g = uuid.uuid4()
    return str(g).upper(), str(g)  # EF's SQLite form (TEXT, upper case); the string form OpenIddict and our code write

token_id, grant_id, link_id, user_id = template
users_sql, users_order = copier("EndUsers", "Id", ["Id", "Email", "NormalizedEmail", "ExternalId", "SecurityStamp"])
grants_sql, grants_order = copier("OpenIddictAuthorizations", "Id", ["Id", "Subject", "ConcurrencyToken"])
tokens_sql, tokens_order = copier("OpenIddictTokens", "Id", ["Id", "AuthorizationId", "Subject", "UserId", "ReferenceId", "ConcurrencyToken"])
links_sql, links_order = copier("AccountLinks", "Id", ["Id", "UserId", "GrantId"])
email, normalized, external = db.execute('SELECT "Email", "NormalizedEmail", "ExternalId" FROM "EndUsers" WHERE "Id" = ?', (user_id,)).fetchone()

with open(out, "w") as values:
    batch = 50_000
    for first in range(0, count, batch):
        rows = {"users": [], "grants": [], "tokens": [], "links": []}
        for i in range(first, min(count, first + batch)):
            user, user_s = guid(); grant, grant_s = guid(); token, _ = guid(); link, _ = guid()
            value = base64.urlsafe_b64encode(os.urandom(32)).rstrip(b"=").decode()
            reference = base64.b64encode(hashlib.sha256(value.encode()).digest()).decode()
            seeded = {"Id": user, "Email": f"seed{i}.{email}", "NormalizedEmail": f"SEED{i}.{normalized}",
                      "ExternalId": None if external is None else f"{external}-seed{i}", "SecurityStamp": uuid.uuid4().hex}
            rows["users"].append([seeded[c] for c in users_order] + [user_id])
            rows["grants"].append([{"Id": grant, "Subject": user_s, "ConcurrencyToken": uuid.uuid4().hex}[c] for c in grants_order] + [grant_id])
            rows["tokens"].append([{"Id": token, "AuthorizationId": grant, "Subject": user_s, "UserId": user, "ReferenceId": reference,
                                    "ConcurrencyToken": uuid.uuid4().hex}[c] for c in tokens_order] + [token_id])
            rows["links"].append([{"Id": link, "UserId": user, "GrantId": grant_s}[c] for c in links_order] + [link_id])
            values.write(value + "\n")
        with db:
            db.executemany(users_sql, rows["users"]); db.executemany(grants_sql, rows["grants"])
            db.executemany(tokens_sql, rows["tokens"]); db.executemany(links_sql, rows["links"])
print(f"seeded {count} access tokens into {path} in {int(time.time()) - start} s; values in {out}", file=sys.stderr)
PY
fi

# PostgreSQL: everything happens inside the server (one statement per table), values come back through COPY.
declare -A part
IFS=';' read -ra pairs <<< "$target"
for pair in "${pairs[@]}"; do [ -n "$pair" ] && part[${pair%%=*}]=${pair#*=}; done
export PGHOST=${part[Host]:-127.0.0.1} PGPORT=${part[Port]:-5432} PGUSER=${part[Username]:-postgres} PGPASSWORD=${part[Password]:-} PGDATABASE=${part[Database]:?no Database= in the connection string}
command -v psql >/dev/null || { echo "psql is required (apt-get install postgresql-client)" >&2; exit 2; }

psql -v ON_ERROR_STOP=1 -qAt -v count="$count" -v client="$client" > "$out" <<'SQL'
BEGIN;
CREATE TEMP TABLE template ON COMMIT DROP AS
  SELECT t."Id" AS token_id, a."Id" AS grant_id, l."Id" AS link_id, l."UserId" AS user_id
  FROM "OpenIddictTokens" t
  JOIN "OpenIddictAuthorizations" a ON a."Id" = t."AuthorizationId"
  JOIN "AccountLinks" l ON l."GrantId" = a."Id"::text AND l."RevokedAt" IS NULL
  WHERE t."Type" IN ('urn:ietf:params:oauth:token-type:access_token', 'access_token') AND t."Status" = 'valid' AND (:'client' = '' OR l."ClientId" = :'client')
  ORDER BY t."CreationDate" DESC LIMIT 1;
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM template) THEN
  RAISE EXCEPTION 'no valid access token of an active link to copy: link one account through the real flow first'; END IF; END $$;
-- A token value is 256 bits, base64url (43 characters), as OpenIddict hands them out; only its SHA-256 is stored.
CREATE TEMP TABLE seed ON COMMIT DROP AS
  SELECT i, gen_random_uuid() AS user_id, gen_random_uuid() AS grant_id, gen_random_uuid() AS token_id, gen_random_uuid() AS link_id,
         translate(rtrim(encode(sha256(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())), 'base64'), '='), '+/', '-_') AS value
  FROM generate_series(1, :count) AS i;
INSERT INTO "EndUsers" ("Id", "TenantId", "Email", "NormalizedEmail", "DisplayName", "ExternalId", "PasswordHash", "PasswordSource", "EmailConfirmed",
                        "Enabled", "SecurityStamp", "CreatedAt", "DisabledAt", "ErasedAt")
  SELECT s.user_id, u."TenantId", 'seed' || s.i || '.' || u."Email", 'SEED' || s.i || '.' || u."NormalizedEmail", u."DisplayName",
         u."ExternalId" || '-seed' || s.i, u."PasswordHash", u."PasswordSource", u."EmailConfirmed", u."Enabled", md5(s.user_id::text), u."CreatedAt", NULL, NULL
  FROM seed s, template tp JOIN "EndUsers" u ON u."Id" = tp.user_id;
INSERT INTO "OpenIddictAuthorizations" ("Id", "TenantId", "ApplicationId", "ConcurrencyToken", "CreationDate", "Properties", "Scopes", "Status", "Subject", "Type")
  SELECT s.grant_id, a."TenantId", a."ApplicationId", md5(s.grant_id::text), a."CreationDate", a."Properties", a."Scopes", a."Status", s.user_id::text, a."Type"
  FROM seed s, template tp JOIN "OpenIddictAuthorizations" a ON a."Id" = tp.grant_id;
INSERT INTO "OpenIddictTokens" ("Id", "TenantId", "ApplicationId", "AuthorizationId", "ConcurrencyToken", "CreationDate", "ExpirationDate",
                                "Payload", "Properties", "RedemptionDate", "ReferenceId", "Status", "Subject", "UserId", "Type")
  SELECT s.token_id, t."TenantId", t."ApplicationId", s.grant_id, md5(s.token_id::text), t."CreationDate", t."ExpirationDate",
         t."Payload", t."Properties", NULL, encode(sha256(convert_to(s.value, 'UTF8')), 'base64'), t."Status", s.user_id::text, s.user_id, t."Type"
  FROM seed s, template tp JOIN "OpenIddictTokens" t ON t."Id" = tp.token_id;
INSERT INTO "AccountLinks" ("Id", "TenantId", "SkillId", "ClientId", "UserId", "GrantId", "LinkedAt", "RevokedAt", "RevokedReason", "Scopes", "IsTest")
  SELECT s.link_id, l."TenantId", l."SkillId", l."ClientId", s.user_id, s.grant_id::text, l."LinkedAt", NULL, NULL, l."Scopes", l."IsTest"
  FROM seed s, template tp JOIN "AccountLinks" l ON l."Id" = tp.link_id;
COPY (SELECT value FROM seed ORDER BY i) TO STDOUT;
COMMIT;
SQL
psql -qc 'ANALYZE "EndUsers", "OpenIddictAuthorizations", "OpenIddictTokens", "AccountLinks"'
echo "seeded $count access tokens into $PGDATABASE on $PGHOST:$PGPORT in $(( $(date +%s) - start )) s; values in $out" >&2
