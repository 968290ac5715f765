#!/usr/bin/env bash
# The interactions benchmark (docs/benchmarks.md). Starts Atrium on loopback with its embedded
# PostgreSQL, loads ROWS interactions into each of two organisations (once per data directory),
# then measures six cases with wrk (CLIENTS concurrent connections, bounded by DURATION) against
# the server, and the same SQL with pgbench straight against PostgreSQL as the request role.
#
#   bench/interactions/run.sh                              # 1,000,000 rows per organisation
#   ROWS=100000 DURATION=10s bench/interactions/run.sh     # a quicker, smaller run
#   LOAD_ONLY=1 bench/interactions/run.sh                  # only create and load the data directory
#   CASES="common-word create" bench/interactions/run.sh   # only the cases named
#
# Results: $BENCH_OUT/results.md (table), explain-*.txt (EXPLAIN ANALYZE of each case), server.log,
# gc.log (the JVM's collections and their pauses), audit-check.txt (API creates without their audit
# entry, and entries not yet linked into their chain, after the create case).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ROWS=${ROWS:-1000000}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CLIENTS=${CLIENTS:-8}
THREADS=${THREADS:-2}
PORT=${BENCH_PORT:-18080}
PG_PORT=${BENCH_PG_PORT:-15432}
DATA=${BENCH_DATA:-/tmp/atrium-bench-$ROWS}
OUT=${BENCH_OUT:-$HERE/results}
RARE=${RARE:-zeppelin}
COMMON=${COMMON:-supplier}
LEAD=${LEAD:-Olivia Smith}
# the server's JVM options, split into words
JAVA_OPTS=${JAVA_OPTS:--Xms1g -Xmx2g}
# CASES="create" measures only the cases named
ALL_CASES="floor first-page rare-word common-word three-filters page-5000 create"
read -r -a CASES <<< "${CASES:-$ALL_CASES}"
for case in "${CASES[@]}"; do
  [[ " $ALL_CASES " == *" $case "* ]] || { echo "unknown case '$case'; the cases are: $ALL_CASES" >&2; exit 1; }
done
# the Finder's bounds (docs/interactions.md): relevance ranks the RANK_WINDOW most recent matches,
# totals are exact up to COUNT_BOUND; the SQL files use the same values
RANK_WINDOW=${RANK_WINDOW:-500}
COUNT_BOUND=${COUNT_BOUND:-500}
export ATRIUM_ADMIN_EMAIL=admin@bench.local
export ATRIUM_ADMIN_PASSWORD='benchmark admin password 1'

for tool in wrk pgbench psql curl jq python3; do
  command -v "$tool" > /dev/null || { echo "missing $tool: apt-get install -y wrk postgresql-client curl jq python3" >&2; exit 1; }
done
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for candidate in /usr/lib/jvm/*; do
    if "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA_HOME=$candidate; fi
  done
fi
export JAVA_HOME
[ -f "$ROOT/target/atrium.jar" ] || (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
mkdir -p "$DATA" "$OUT"

# rate limits off: eight clients from one address would otherwise measure the limiter
echo "== starting Atrium on 127.0.0.1:$PORT (data in $DATA)"
# shellcheck disable=SC2086 # JAVA_OPTS is split into words on purpose
ATRIUM_PORT=$PORT ATRIUM_MANAGEMENT_PORT=$((PORT + 1)) ATRIUM_DATA_DIR=$DATA ATRIUM_DB_EMBEDDED_PORT=$PG_PORT \
  ATRIUM_ACCESS_TOKEN_TTL=4h ATRIUM_LOG_FORMAT= SERVER_ADDRESS=127.0.0.1 ATRIUM_RATE_LIMITS_ENABLED=false \
  ATRIUM_INTERACTIONS_RANK_WINDOW=$RANK_WINDOW ATRIUM_INTERACTIONS_COUNT_BOUND=$COUNT_BOUND \
  "$JAVA_HOME/bin/java" $JAVA_OPTS -Xlog:gc:file="$OUT/gc.log" -jar "$ROOT/target/atrium.jar" > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2> /dev/null; wait $SERVER 2> /dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$PORT/ready" > /dev/null && break
  kill -0 $SERVER 2> /dev/null || { echo "Atrium did not start; see $OUT/server.log" >&2; exit 1; }
  sleep 1
done
URL="http://127.0.0.1:$PORT"
PSQL="psql -h 127.0.0.1 -p $PG_PORT -U postgres -d atrium -v ON_ERROR_STOP=1"

if [ ! -f "$DATA/bench.env" ]; then
  echo "== creating organisations, sites and users"
  BENCH_URL=$URL BENCH_PSQL="$PSQL" python3 "$HERE/setup.py" > "$DATA/bench.env.partial"
  # shellcheck disable=SC1091
  source "$DATA/bench.env.partial"
  echo "== loading $ROWS interactions into each organisation"
  start=$(date +%s)
  $PSQL -q -v org_a="$ORG_A" -v org_b="$ORG_B" -v user_a="$USER_A" -v user_b="$USER_B" -v rows="$ROWS" -f "$HERE/load.sql"
  echo "   loaded in $(( $(date +%s) - start ))s"
  mv "$DATA/bench.env.partial" "$DATA/bench.env"
fi
# shellcheck disable=SC1091
source "$DATA/bench.env"
# Each run measures the same data: remove what earlier runs' create cases added (their audit
# entries stay; the Finder does not read them).
# (A run of creates alone reads nothing the leftovers would disturb, and keeps them.)
removed=0
[ "${CASES[*]}" = create ] || removed=$($PSQL -qAt -c "with gone as (delete from atrium.interactions where title ~ '^Benchmark call (t[0-9]+|sql)-[0-9]+$' returning 1) select count(*) from gone")
if [ "$removed" != 0 ]; then
  # Their index entries leave half-empty pages behind (a site's search-index entry list kept 5 times
  # its pages), and sealing their audit entries left dead rows for autovacuum to chew on during
  # the measurement: rebuild the indexes and vacuum everything now, so each run starts as the load left it.
  echo "== removed $removed interactions that earlier create cases added; rebuilding indexes, vacuuming"
  $PSQL -q -c "delete from atrium.interaction_words where word !~ '[[:alpha:]]'"
  $PSQL -q -c "reindex table atrium.interactions"
  $PSQL -q -c "vacuum analyze"
fi
if [ "${CASES[*]}" = create ]; then
  # what earlier creates-only runs added is still there: vacuum it now, not during the measurement
  echo "== vacuuming the tables creates write to"
  $PSQL -q -c "vacuum analyze atrium.interactions, atrium.interaction_words, atrium.audit_events, atrium.audit_chain_links, atrium.audit_unsealed, atrium.audit_chain_heads"
fi
if [ -n "${LOAD_ONLY:-}" ]; then echo "== loaded; LOAD_ONLY set, not measuring"; exit 0; fi

TOKEN=$(curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$EMAIL_A\",\"password\":\"$ATRIUM_ADMIN_PASSWORD\"}" \
  "$URL/api/v1/auth/login" | jq -r .accessToken)
SITES=$($PSQL -qAt -c "select string_agg(id::text, ',' order by id::text) from atrium.sites where organisation_id = '$ORG_A'")
# the cross-site Finder binds each site as a parameter of its own: :site0, :site1, ...
IFS=, read -r -a SITE_LIST <<< "$SITES"
SITES_IN=$(printf ':site%d, ' "${!SITE_LIST[@]}")
SITES_IN=${SITES_IN%, }
SITE=$SITE_A
BASE="/api/v1/sites/$SITE/interactions"
enc() { jq -rn --arg v "$1" '$v|@uri'; }

# The tsquery the Finder builds for one word: the word as a prefix, or a trigram-similar dictionary word.
tsquery() {
  local alternatives
  # as the Finder: a word the dictionary holds is taken as meant; any other is widened to similar words
  alternatives=$($PSQL -qAt -c "set search_path = atrium; select string_agg(quote_literal(word), ' | ') from (select word from interaction_words where organisation_id = '$ORG_A' and word % '$1' and not exists (select 1 from interaction_words where organisation_id = '$ORG_A' and word = '$1') order by similarity(word, '$1') desc, word limit 5) w")
  echo "('$1':*${alternatives:+ | $alternatives})"
}
# A relevance-ordered search ranks the RANK_WINDOW most recent matches, reading them and the one
# after in one statement: if there is one after, the Finder asks the planner for an estimate of the
# total, once a minute per question (TotalEstimates), so the SQL side leaves it out. ESTIMATE_EVERY=1
# puts it in every search's SQL, as builds before 2026-12-07 sent it.
probe() {
  $PSQL -qAt -c "set search_path = atrium; select (i.start_at)::text || '|' || i.id from interactions i where i.organisation_id = '$ORG_A' and i.deleted_at is null and i.site_id = '$SITE' and i.search @@ cast('${1//\'/\'\'}' as tsquery) order by i.start_at desc, i.id desc offset $RANK_WINDOW limit 1"
}
case_for() { # sets EXPLAIN_x for one word's tsquery
  if [ -n "${ESTIMATE_EVERY:-}" ] && [ -n "$(probe "$2")" ]; then
    printf -v "EXPLAIN_$1" '%s' "explain (format json) select 1 from interactions i where i.organisation_id = :org and i.deleted_at is null and i.site_id in (:site) and i.search @@ cast(:tsq_${1,,} as tsquery);"
  else
    printf -v "EXPLAIN_$1" '%s' ""
  fi
}
TSQ_RARE=$(tsquery "$RARE")
TSQ_COMMON=$(tsquery "$COMMON")
case_for RARE "$TSQ_RARE"
case_for COMMON "$TSQ_COMMON"

# page 5,000 of the cross-site Finder (size 50, default order): the cursor names row 249,950
# (with fewer rows, the page at the middle of the organisation's rows)
OFFSET=$(( ROWS / 2 < 249949 ? ROWS / 2 : 249949 ))
FIRST=$(curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/interactions?organisation=$ORG_A&size=50")
FINGERPRINT=$(echo "$FIRST" | jq -r .nextCursor | tr '_-' '/+' | base64 -d 2> /dev/null | sed -n 3p || true)
read -r CURSOR_VALUE CURSOR_ID < <($PSQL -qAt -F ' ' -c "set timezone = 'UTC'; select replace(start_at::text, ' ', 'T'), id from atrium.interactions where organisation_id = '$ORG_A' and deleted_at is null order by start_at desc, id desc offset $OFFSET limit 1")
CURSOR_TEXT=$(printf 'START\nd\n%s\n%s\n0\n\n%s' "$FINGERPRINT" "$CURSOR_ID" "${CURSOR_VALUE/T/ }")
CURSOR=$(printf '%s' "$CURSOR_TEXT" | base64 -w0 | tr '+/' '-_' | tr -d '=')

fill() { # writes a case's SQL with its @PLACEHOLDERS@ filled in (its :variables stay for pgbench to bind)
  ORG="$ORG_A" SITE="$SITE" USER="$USER_A" SITES="$SITES" SITES_IN="$SITES_IN" \
  EXPLAIN_RARE="$EXPLAIN_RARE" EXPLAIN_COMMON="$EXPLAIN_COMMON" python3 -c '
import os, re, sys
text = open(sys.argv[1]).read()
print(re.sub(r"@([A-Z_]+)@", lambda m: os.environ[m.group(1)], text), end="")' "$1"
}

# The values the API binds as parameters. The Finder's statements run with plan_cache_mode =
# force_custom_plan, so PostgreSQL plans each of them with the values on every execution; pgbench
# -M prepared sends :name as a bound parameter, so the SQL pays the same planning. (Written into the
# statements as literals, the values would make each prepared statement parameterless, and
# PostgreSQL would plan it once and reuse the plan: a cost the API never gets to skip.)
VARIABLES=(user_id="$USER_A" org="$ORG_A" sites="$SITES" platform=off setting0=plan_cache_mode value0=force_custom_plan
  setting1=max_parallel_workers_per_gather value1=0 site="$SITE" page_limit=51 past_bound=$((COUNT_BOUND + 1))
  window="$RANK_WINDOW" rare="$RARE" common="$COMMON" tsq_rare="$TSQ_RARE" tsq_common="$TSQ_COMMON" type=Call
  lead="$LEAD" from=2024-01-01T00:00:00Z to=2025-01-01T00:00:00Z cursor_value="${CURSOR_VALUE/T/ }" cursor_id="$CURSOR_ID")
for k in "${!SITE_LIST[@]}"; do VARIABLES+=("site$k=${SITE_LIST[$k]}"); done
printf '%s\n' "${VARIABLES[@]}" > "$OUT/variables.txt"
PGBENCH_VARIABLES=()
for variable in "${VARIABLES[@]}"; do PGBENCH_VARIABLES+=(-D "$variable"); done
# a case's statements with the values written in as literals, for EXPLAIN ANALYZE in psql
literal() {
  python3 -c '
import re, sys
values = dict(arg.split("=", 1) for arg in sys.argv[2:])
quote = lambda v: "'"'"'" + v.replace("'"'"'", "'"'"''"'"'") + "'"'"'"
text = open(sys.argv[1]).read()
print(re.sub(r"(?<![:\w]):([a-z][a-z0-9_]*)", lambda m: quote(values[m.group(1)]), text), end="")' "$1" "${VARIABLES[@]}"
}

declare -A PATHS=(
  [first-page]="$BASE"
  [rare-word]="$BASE?q=$(enc "$RARE")"
  [common-word]="$BASE?q=$(enc "$COMMON")"
  [three-filters]="$BASE?type=Call&lead=$(enc "$LEAD")&from=2024-01-01T00:00:00Z&to=2025-01-01T00:00:00Z"
  [page-5000]="/api/v1/interactions?organisation=$ORG_A&size=50&cursor=$CURSOR"
  [create]="$BASE"
  [floor]="/api/v1/organisations/$ORG_A/interaction-types"
)
# floor: the smallest authenticated read (the organisation's six types), to show what every
# request costs before the Finder does anything
SECONDS_RUN=${DURATION%s}
: > "$OUT/raw.txt"; rm -f "$OUT/audit-check.txt"
# A freshly started JVM interprets before it compiles: the first case would measure the JIT, not
# Atrium. Every read case runs for JIT_WARMUP first (the create case warms up for CREATE_WARMUP). On a
# slower host 6 s each left C2 still compiling: the floor served 1,745, 2,145 and 3,015 requests/s in
# three 15 s runs one after another.
echo "== JIT warm-up: ${JIT_WARMUP:-20s} per read case"
for case in floor first-page rare-word common-word three-filters page-5000; do
  BENCH_PATH=${PATHS[$case]} BENCH_TOKEN=$TOKEN wrk -t"$THREADS" -c"$CLIENTS" -d"${JIT_WARMUP:-20s}" --timeout 10s -s "$HERE/wrk/finder.lua" "$URL" > /dev/null
done
for case in "${CASES[@]}"; do
  script=$HERE/wrk/finder.lua
  [ "$case" = create ] && script=$HERE/wrk/create.lua
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$URL${PATHS[$case]}")
  [ "$case" = create ] || [ "$status" = 200 ] || { echo "$case answers $status" >&2; exit 1; }
  fill "$HERE/sql/$case.sql" > "$OUT/$case.sql"
  # EXPLAIN ANALYZE of every statement of the case, as the request role, for docs/benchmarks.md. The
  # case runs once first, unrecorded: a new connection's first statements also load the catalogue
  # caches (planning 4-5 ms, the common word 39 ms instead of 5), which no pooled connection pays.
  if [ "$case" != create ]; then
    statements=$(literal "$OUT/$case.sql")
    { echo '\o /dev/null'; echo "$statements"; echo '\o'
      echo "$statements" | sed -E 's/^(select i\.id|select count|with recent)/explain (analyze, buffers) \1/' | grep -v '^explain (format json)'; } |
      PGPASSWORD=atrium_app PGOPTIONS='-c search_path=atrium' psql -h 127.0.0.1 -p "$PG_PORT" -U atrium_app -d atrium -q \
      -v ON_ERROR_STOP=1 > "$OUT/explain-$case.txt" 2>&1 || true
  fi
  echo "== $case: API ($CLIENTS clients, $DURATION after $WARMUP warm-up)"
  # creates run code no read case ran: give the JIT as long as the read cases had together
  warmup=$WARMUP; [ "$case" = create ] && warmup=${CREATE_WARMUP:-30s}
  BENCH_PATH=${PATHS[$case]} BENCH_TOKEN=$TOKEN wrk -t"$THREADS" -c"$CLIENTS" -d"$warmup" --timeout 10s -s "$script" "$URL" > /dev/null
  BENCH_PATH=${PATHS[$case]} BENCH_TOKEN=$TOKEN wrk -t"$THREADS" -c"$CLIENTS" -d"$DURATION" --timeout 10s -s "$script" "$URL" |
    sed -n "s/^RESULT /$case api /p" | tee -a "$OUT/raw.txt"
  if [ "$case" = create ]; then
    # every create through the API has its audit entry, linked into the organisation's chain soon after
    sleep 2
    $PSQL -qAt -F ' ' -c "select count(*), count(*) filter (where not exists (select 1 from atrium.audit_events a
        where a.organisation_id = i.organisation_id and a.action = 'interaction.created' and a.entity_id = i.id::text)),
        (select count(*) from atrium.audit_unsealed)
      from atrium.interactions i where i.title ~ '^Benchmark call t[0-9]+-[0-9]+$'" |
      { read -r created unaudited unsealed
        echo "creates through the API: $created interactions, $unaudited of them without their audit entry, $unsealed audit entries not yet linked into their chain 2 s after the last"; } > "$OUT/audit-check.txt"
    cat "$OUT/audit-check.txt"
  fi
  echo "== $case: SQL (pgbench, $CLIENTS clients)"
  rm -f "$OUT/pgbench-$case".*
  PGPASSWORD=atrium_app PGOPTIONS='-c search_path=atrium' pgbench -h 127.0.0.1 -p "$PG_PORT" -U atrium_app -n -M prepared "${PGBENCH_VARIABLES[@]}" \
    -c "$CLIENTS" -j "$THREADS" -T "${WARMUP%s}" -f "$OUT/$case.sql" atrium > /dev/null
  PGPASSWORD=atrium_app PGOPTIONS='-c search_path=atrium' pgbench -h 127.0.0.1 -p "$PG_PORT" -U atrium_app -n -M prepared "${PGBENCH_VARIABLES[@]}" \
    -c "$CLIENTS" -j "$THREADS" -T "$SECONDS_RUN" -f "$OUT/$case.sql" -l --log-prefix="$OUT/pgbench-$case" atrium > "$OUT/pgbench-$case.out"
  python3 "$HERE/report.py" pgbench "$case" "$SECONDS_RUN" "$OUT"/pgbench-"$case".[0-9]* | tee -a "$OUT/raw.txt"
  rm -f "$OUT/pgbench-$case".[0-9]*
done
{
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end;"
  echo "$ROWS rows per organisation, $CLIENTS clients, $DURATION per case after $WARMUP warm-up;"
  echo "rank window $RANK_WINDOW, count bound $COUNT_BOUND."
  echo
  python3 "$HERE/report.py" table "$OUT/raw.txt"
  echo
  echo "rare word: $RARE, tsquery $TSQ_RARE; common word: $COMMON, tsquery $TSQ_COMMON"
  [ -f "$OUT/audit-check.txt" ] && cat "$OUT/audit-check.txt"
  echo "matches at the measured site: rare $($PSQL -qAt -c "select count(*) from atrium.interactions where site_id = '$SITE' and search @@ cast('${TSQ_RARE//\'/\'\'}' as tsquery)"), common $($PSQL -qAt -c "select count(*) from atrium.interactions where site_id = '$SITE' and search @@ cast('${TSQ_COMMON//\'/\'\'}' as tsquery)")"
} | tee "$OUT/results.md"
