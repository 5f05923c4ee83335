#!/usr/bin/env bash
# Fuzzes every route of /openapi.json with schemathesis against the whole system started by
# `npm start` (embedded PostgreSQL, or a throwaway database on DATABASE_URL's server, and a
# Temporal dev server) in a temporary DATA_DIR on free ports. Checks: no 5xx, and every response
# matches its documented schema. Runs as the secretary, then the chair, a member, a member of another
# committee, the auditor and ops.
# Exits non-zero when schemathesis reports a failure. See test/fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

examples=${FUZZ_MAX_EXAMPLES:-30}
other_examples=${FUZZ_OTHER_ROLES_MAX_EXAMPLES:-10}
roles=${FUZZ_ROLES:-secretary chair member outsider auditor ops}
seed=${FUZZ_SEED:-}
schemathesis_version=4.32.5

if ! command -v schemathesis >/dev/null || ! schemathesis --version 2>/dev/null | grep -q "$schemathesis_version"; then
  python3 -m pip install --quiet --disable-pip-version-check "schemathesis==$schemathesis_version"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/caleol-fuzz-XXXXXX")
reports=${FUZZ_REPORT_DIR:-$work/reports}
mkdir -p "$reports"
free_port() { node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'; }
# The Temporal UI takes the frontend port + 1000: pick a frontend port whose UI port is free too.
temporal_port() {
  for _ in $(seq 1 20); do
    local p; p=$(free_port)
    if [ "$p" -le 64535 ] && node -e 'const s = require("net").createServer(); s.once("error", () => process.exit(1)); s.listen(Number(process.argv[1]), "127.0.0.1", () => s.close());' $((p + 1000)); then echo "$p"; return; fi
  done
  echo "no free port pair for Temporal" >&2; return 1
}

port=$(free_port)
server_pid=
fuzz_db=
admin_url=${DATABASE_URL:-}
cleanup() {
  status=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
  fi
  if [ -n "$fuzz_db" ]; then
    ADMIN_URL=$admin_url node -e 'const pg = require("pg"); const c = new pg.Client({ connectionString: process.env.ADMIN_URL });
      c.connect().then(() => c.query(`DROP DATABASE IF EXISTS "${process.argv[1]}" WITH (FORCE)`)).finally(() => c.end());' "$fuzz_db" || true
  fi
  if [ "$status" -ne 0 ] && [ -f "$work/server.log" ]; then echo "--- server log (last 40 lines): $work/server.log"; tail -n 40 "$work/server.log"; fi
  [ -n "${FUZZ_KEEP:-}" ] || [ "$status" -ne 0 ] || rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

# A database of its own: never the server's default one.
if [ -n "$admin_url" ]; then
  fuzz_db="caleol_fuzz_$$_$(date +%s)"
  ADMIN_URL=$admin_url node -e 'const pg = require("pg"); const c = new pg.Client({ connectionString: process.env.ADMIN_URL });
    c.connect().then(() => c.query(`CREATE DATABASE "${process.argv[1]}"`)).finally(() => c.end());' "$fuzz_db"
  database_url=$(ADMIN_URL=$admin_url node -e 'const u = new URL(process.env.ADMIN_URL); u.pathname = "/" + process.argv[1]; console.log(u.toString());' "$fuzz_db")
else
  database_url=
fi

# Zoom configured with a webhook secret (so deliveries are checked, not refused 503) and API bases
# on a closed local port: remote sessions' meeting activities fail and retry, nothing leaves the host.
zoom_env=()
if [ -z "${FUZZ_WITHOUT_ZOOM:-}" ]; then
  zoom_env=(ZOOM_ACCOUNT_ID=fuzz ZOOM_CLIENT_ID=fuzz ZOOM_CLIENT_SECRET=fuzz ZOOM_WEBHOOK_SECRET_TOKEN="fuzz-$$-$RANDOM"
    ZOOM_API_BASE_URL=http://127.0.0.1:9/v2 ZOOM_OAUTH_BASE_URL=http://127.0.0.1:9)
fi

echo "== starting the system on 127.0.0.1:$port (DATA_DIR $work/data)"
setsid env DATA_DIR="$work/data" PORT="$port" HOST=127.0.0.1 LOG_LEVEL="${FUZZ_LOG_LEVEL:-warn}" \
  DATABASE_URL="$database_url" EMBEDDED_POSTGRES_PORT="$(free_port)" EMBEDDED_TEMPORAL_PORT="$(temporal_port)" \
  TEMPORAL_METRICS_ADDRESS="127.0.0.1:$(free_port)" RATE_LIMIT_PER_MINUTE="${FUZZ_RATE_LIMIT_PER_MINUTE:-0}" "${zoom_env[@]}" \
  npm start >"$work/server.log" 2>&1 &
server_pid=$!

base="http://127.0.0.1:$port"
ready=
for _ in $(seq 1 900); do
  if ! kill -0 "$server_pid" 2>/dev/null; then echo "the system stopped while starting" >&2; exit 1; fi
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/ready" || true)" = 200 ]; then ready=1; break; fi
  sleep 0.2
done
[ -n "$ready" ] || { echo "the system was not ready within 180 s" >&2; exit 1; }
tokens="$work/data/dev-tokens.json"
token() { node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[process.argv[2]])' "$tokens" "$1"; }
# A member of the demo committee who is not its chair, and a member of another committee: minted
# with the local signing secret, as the demo tokens are.
BASE=$base TOKEN=$(token secretary) SECRET_FILE="$work/data/auth-secret" TOKENS="$tokens" node --input-type=module -e '
  import { readFileSync, writeFileSync } from "node:fs";
  import { SignJWT } from "jose";
  const { BASE, TOKEN, SECRET_FILE, TOKENS } = process.env;
  const res = await fetch(`${BASE}/committees`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "CALEOL voisine", landlord: "Autre bailleur", members: [{ name: "Membre voisin", email: "voisin@autre.test", role: "board_member" }] }) });
  if (!res.ok) throw new Error(`POST /committees: ${res.status} ${await res.text()}`);
  const outsider = (await res.json()).members[0].id;
  const demo = await (await fetch(`${BASE}/committees/00000000-0000-4000-8000-000000000001`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
  const member = demo.members.find((m) => m.role === "board_member" && !m.chair).id;
  const key = new TextEncoder().encode(readFileSync(SECRET_FILE, "utf8").trim());
  const mint = (id) => new SignJWT({ roles: ["member"], member_id: id }).setProtectedHeader({ alg: "HS256" }).setSubject(id)
    .setIssuer("caleol-engine").setAudience("caleol-api").setIssuedAt().setJti(crypto.randomUUID()).setExpirationTime("2h").sign(key);
  const tokens = JSON.parse(readFileSync(TOKENS, "utf8"));
  writeFileSync(TOKENS, JSON.stringify({ ...tokens, member: await mint(member), outsider: await mint(outsider) }, null, 2));
'

# Real ids for the fuzzer to use half of the time (the other half it makes its own): the demo
# committee and its members, and an in-person session of it, deliberating with a vote open.
echo "== seeding a session to fuzz against"
BASE=$base TOKEN=$(token secretary) CONFIG="$work/schemathesis.toml" node --input-type=module -e '
  import { writeFileSync } from "node:fs";
  const { BASE, TOKEN, CONFIG } = process.env;
  const committee = "00000000-0000-4000-8000-000000000001";
  const call = async (method, path, body) => {
    const res = await fetch(BASE + path, { method, headers: { authorization: `Bearer ${TOKEN}`, ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text);
  };
  // A sitting opens at its convened time, once every member has received the convocation: the
  // committee may open an hour early, and the session is convened ten minutes ahead.
  const { rules } = await call("GET", `/committees/${committee}/rules`);
  await call("PUT", `/committees/${committee}/rules`, { ...rules, noticePeriodDays: 0, openingToleranceMinutes: 60 });
  const start = new Date(Date.now() + 10 * 60000);
  const members = (await call("GET", `/committees/${committee}`)).members.map((m) => m.id);
  const session = await call("POST", `/committees/${committee}/sessions`, { scheduledStart: start.toISOString(), mode: "in_person" });
  const items = [];
  for (const ref of ["FUZZ-1", "FUZZ-2", "FUZZ-3"]) {
    items.push(await call("POST", `/sessions/${session.id}/agenda-items`, {
      dwelling: { reference: ref, address: "1 rue du Test", commune: "Villeneuve", epci: "Agglo Exemple", type: "T3", surfaceM2: 60, rentCents: 50000, financing: "PLUS" },
      candidates: [1, 2, 3].map((rank) => ({ applicationNumber: `${ref}-${rank}`, householdSummary: "Ménage", rank })),
    }));
  }
  await call("POST", `/sessions/${session.id}/agenda/publish`, {});
  for (let waited = 0; ; waited += 100) {
    const statuses = Object.values((await call("GET", `/sessions/${session.id}`)).convocations ?? {}).map((c) => c.status);
    if (statuses.length > 0 && statuses.every((s) => s === "convened")) break;
    if (waited > 60000) throw new Error(`the members were not convened within a minute: ${statuses.join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await call("POST", `/sessions/${session.id}/open`);
  for (const id of members.slice(0, 4).concat(members[7])) await call("POST", `/sessions/${session.id}/attendance`, { memberId: id, present: true });
  await call("POST", `/sessions/${session.id}/agenda-items/${items[0].id}/vote/open`, {
    proposal: items[0].candidates.map((c) => ({ applicationId: c.applicationId, type: "ranked_attribution", rank: c.rank })),
  });
  const list = (values) => `{ values = ${JSON.stringify(values)} }`;
  const bind = (name) => `{ dictionary = "${name}", probability = 0.5 }`;
  writeFileSync(CONFIG, [
    `[dictionaries]`,
    `committees = ${list([committee])}`,
    `sessions = ${list([session.id])}`,
    `items = ${list(items.map((i) => i.id))}`,
    `members = ${list(members)}`,
    `applications = ${list(items.flatMap((i) => i.candidates.map((c) => c.applicationId)))}`,
    ``,
    `[parameters]`,
    `"path.itemId" = ${bind("items")}`,
    `"path.memberId" = ${bind("members")}`,
    `"path.principalId" = ${bind("members")}`,
    `"path.candidateId" = ${bind("applications")}`,
    `"body.memberId" = ${bind("members")}`,
    `"body.principalId" = ${bind("members")}`,
    `"body.holderId" = ${bind("members")}`,
    `"body.proposal[*].applicationId" = ${bind("applications")}`,
    `"query.committeeId" = ${bind("committees")}`,
    ``,
    `[[operations]]`,
    `include-path-regex = "^/committees/"`,
    `parameters = { "path.id" = ${bind("committees")} }`,
    ``,
    // Not the event stream: on a live session it streams until the session ends.
    `[[operations]]`,
    `include-path-regex = "^/sessions/[{]id[}](?!/events$)"`,
    `parameters = { "path.id" = ${bind("sessions")} }`,
    ``,
  ].join("\n"));
  console.log(`session ${session.id}, items ${items.map((i) => i.id).join(", ")}`);
'

failed=()
for role in $roles; do
  n=$examples
  [ "$role" = secretary ] || n=$other_examples
  echo "== schemathesis as $role ($n examples per operation)"
  if ! schemathesis --config-file "$work/schemathesis.toml" run "$base/openapi.json" \
      --header "Authorization: Bearer $(token "$role")" \
      --checks not_a_server_error,response_schema_conformance \
      --max-examples "$n" \
      --phases examples,coverage,fuzzing \
      --request-timeout 20 \
      --generation-database none \
      --suppress-health-check all \
      --no-color \
      ${seed:+--seed "$seed"} \
      --report junit,ndjson --report-dir "$reports/$role" \
      ${FUZZ_EXTRA_ARGS:-}; then
    failed+=("$role")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "== schemathesis found failures as: ${failed[*]} (reports in $reports)"
  exit 1
fi
echo "== no server error and every response matched its schema, as: $roles"
