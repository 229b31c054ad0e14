#!/usr/bin/env bash
# End-to-end test of the container path, as IT support at a council would take it: the real images
# built from the Dockerfile, the repository's compose files with their own settings (read-only root,
# non-root user, password-protected PostgreSQL), mail counted through the mail catcher's HTTP API.
#
#   tests/e2e/compose.sh        (needs a Docker engine: ../shared/tools/docker-local.sh up on the CI machines)
#
# 1. builds the production image (socialwatch) and the demo image (socialwatch-demo), prints their sizes;
# 2. `docker compose up` with the defaults (the demo): waits for alert emails, prints the time from `up`
#    to the first one;
# 3. the worker runs as a non-root user on a read-only root file system; its HEALTHCHECK turns healthy;
# 4. `docker compose stop` stops it within its grace period with exit code 0;
# 5. started again on the same database volume, no alert is sent twice;
# 6. `--scale worker=3`: every post stored once, every alert sent once;
# 7. the production image started with `run` from a settings file and secret files (docker-compose.prod.yml),
#    polling the demo's platform fakes, stores posts and sends alerts.
# Any failure ends the script with a non-zero exit; without a Docker engine it fails, it never skips.
set -euo pipefail
cd "$(dirname "$0")/../.."

project=socialwatch-e2e
export DOCKER_BUILDKIT=0 # classic builder: no registry is needed for a `# syntax=` frontend
export MAILPIT_PORT=${E2E_MAILPIT_PORT:-18025}
# One review-page port per worker (three when scaled).
export WEB_PORTS=${E2E_WEB_PORTS:-18080-18082}
export POSTGRES_PASSWORD="e2e-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
work=$(mktemp -d /tmp/socialwatch-e2e.XXXXXX)
export E2E_DIR=$work
# What a council's .env gives the production compose file (its mail server here: the mail catcher).
export SMTP_HOST=mail SMTP_PORT=1025 SMTP_SECURITY=None ALERTS_TO=town.clerk@example.org ALERTS_FROM=socialwatch@example.org
passed=0

say() { printf 'e2e: %s\n' "$*"; }
ok() { passed=$((passed + 1)); say "ok - $*"; }
fail() {
  say "FAIL - $*" >&2
  exit 1
}
demo() { docker compose -p "$project" -f docker-compose.yml "$@"; }
prod() { docker compose -p "$project" -f docker-compose.yml -f docker-compose.prod.yml -f tests/e2e/run.override.yml --profile demo-only "$@"; }

cleanup() {
  status=$?
  if [ "$status" -ne 0 ]; then
    say "logs of the failed run:"
    prod logs --no-color --tail=60 2>&1 | tail -n 200 || true
  fi
  prod down -v --remove-orphans >/dev/null 2>&1 || true
  rm -rf "$work"
  say "$passed passed, $([ "$status" -eq 0 ] && echo 0 || echo 1) failed"
}
trap cleanup EXIT

# wait_for SECONDS DESCRIPTION COMMAND...: runs COMMAND every 2 s until it succeeds or time runs out.
wait_for() {
  local limit=$1 what=$2
  shift 2
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || fail "timed out after ${limit}s waiting for $what"
    sleep 2
  done
}

# Output is captured before it is searched, never piped into `grep -q`: grep stops at the first match,
# the writer then dies of a broken pipe, and under pipefail the pipeline fails, so a line that is there
# would read as missing (and a `&& fail` check would pass with the line there).

docker info >/dev/null 2>&1 || fail "no Docker engine answers (on these machines: ../shared/tools/docker-local.sh up)"

container() { demo ps -q "$1" | head -n 1; }
# A query as the socialwatch role, over TCP with its password; a failing query fails the script.
sql() {
  docker exec -e PGPASSWORD="$POSTGRES_PASSWORD" "$(container db)" \
    psql -h 127.0.0.1 -U socialwatch -d socialwatch -tAq -v ON_ERROR_STOP=1 -c "$1"
}
mail_json() { curl -fsS "http://127.0.0.1:$MAILPIT_PORT/api/v1/messages?limit=1000"; }
mail_count() { mail_json | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }
mail_duplicates() {
  mail_json | python3 -c 'import collections,json,sys; ids=[m["MessageID"] for m in json.load(sys.stdin)["messages"]]; print(sum(c - 1 for c in collections.Counter(ids).values()))'
}
has_mail() { [ "$(mail_count)" -gt 0 ]; }
health() { docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$1"; }
is_healthy() { [ "$(health "$1")" = healthy ]; }
no_pending_alerts() { [ "$(sql "SELECT count(*) FROM alert_outbox WHERE status = 'pending' AND delivery = 'immediate'")" = 0 ]; }
# One email per immediate alert, one per digest (which carries the less urgent ones).
sent_alerts() { sql "SELECT (SELECT count(*) FROM alert_outbox WHERE status = 'sent' AND delivery = 'immediate') + (SELECT count(*) FROM alert_digests WHERE status = 'sent')"; }

# Every alert the database says was sent is in the mailbox exactly once, and nothing else is.
check_alerts_sent_once() {
  local sent mails dups
  sent=$(sent_alerts)
  mails=$(mail_count)
  dups=$(mail_duplicates)
  [ "$dups" = 0 ] || fail "$1: $dups alert email(s) arrived twice"
  [ "$mails" = "$sent" ] || fail "$1: $mails emails in the mailbox, $sent alert emails (immediate alerts and digests) marked sent"
  [ "$(sql "SELECT count(*) FROM (SELECT flag_id FROM alert_outbox WHERE kind = 'flag' AND delivery = 'immediate' GROUP BY flag_id HAVING count(*) > 1) d")" = 0 ] ||
    fail "$1: a flag has more than one immediate alert"
  ok "$1: $mails alert emails, each sent once"
}

check_posts_stored_once() {
  local dups versions
  dups=$(sql "SELECT count(*) - count(DISTINCT (platform, platform_id)) FROM posts")
  versions=$(sql "SELECT count(*) FROM post_versions")
  [ "$dups" = 0 ] || fail "$1: $dups post(s) stored twice"
  # The sample posts never change: an edit recorded means a worker stored a post over another's.
  [ "$versions" = 0 ] || fail "$1: $versions edit(s) recorded for posts that never changed"
  local posts
  posts=$(sql "SELECT count(*) FROM posts")
  [ "$posts" -gt 0 ] || fail "$1: no posts stored"
  ok "$1: $posts posts, each stored once, no spurious edits"
}

# 1. The images, built from the Dockerfile as they are.
say "building the images"
build_start=$SECONDS
docker build -q --target demo -t socialwatch-demo:latest . >/dev/null
docker build -q -t socialwatch:latest . >/dev/null
ok "images built in $((SECONDS - build_start)) s"
for image in socialwatch:latest socialwatch-demo:latest; do
  say "image $image: $(($(docker image inspect -f '{{.Size}}' "$image") / 1000000)) MB"
done
app_files=$(docker run --rm --entrypoint /bin/sh socialwatch:latest -c 'ls /app')
grep -qiE 'fakes|socialwatch-demo|samples' <<<"$app_files" &&
  fail "the production image carries demo or test code"
ok "the production image holds no fakes, no demo and no sample data"

# 2. The demo with the compose file's defaults.
say "docker compose up (the demo)"
demo down -v --remove-orphans >/dev/null 2>&1 || true
up_start=$SECONDS
demo up -d --no-build
wait_for 300 "the first alert email" has_mail
ok "first alert email $((SECONDS - up_start)) s after 'up'"
worker=$(container worker)

# 3. Non-root, read-only root, healthy.
uid=$(docker exec "$worker" id -u)
[ "$uid" != 0 ] || fail "the worker runs as root"
[ "$(docker inspect -f '{{.HostConfig.ReadonlyRootfs}}' "$worker")" = true ] || fail "the root file system is writable"
docker exec "$worker" sh -c 'echo x > /app/probe' 2>/dev/null && fail "the worker could write to /app"
ok "the worker runs as uid $uid on a read-only root file system"
wait_for 300 "the HEALTHCHECK to turn healthy" is_healthy "$worker"
ok "HEALTHCHECK healthy"
web=$(docker port "$worker" 8080/tcp | head -n 1 | sed 's/.*://')
page=$(curl -fsS "http://127.0.0.1:$web/signin")
grep -qi "password" <<<"$page" || fail "the review page's sign-in did not answer on port $web"
demo_log=$(demo logs --no-color worker 2>/dev/null)
grep -qF 'sign in as "demo clerk"' <<<"$demo_log" || fail "the demo printed no sign-in for the review page"
ok "the review page answers on port $web; the demo printed its sign-in"

# 4. A clean stop within the grace period (the compose file's stop_grace_period).
wait_for 240 "the first alerts to be sent" no_pending_alerts
grace=$(docker inspect -f '{{.Config.StopTimeout}}' "$worker")
stop_start=$SECONDS
demo stop worker >/dev/null 2>&1
stop_took=$((SECONDS - stop_start))
code=$(docker inspect -f '{{.State.ExitCode}}' "$worker")
[ "$code" = 0 ] || fail "the worker exited with $code on stop"
[ "$stop_took" -lt "$grace" ] || fail "the worker took ${stop_took}s to stop (grace period ${grace}s)"
ok "docker compose stop: exit 0 in ${stop_took}s (grace period ${grace}s)"
check_alerts_sent_once "first run"

# 5. Started again on the same database volume: nothing is sent twice.
restart_at=$(sql "SELECT now()")
demo start worker >/dev/null 2>&1
wait_for 240 "every source to poll again" \
  bash -c "[ \"\$(docker exec -e PGPASSWORD='$POSTGRES_PASSWORD' $(container db) psql -h 127.0.0.1 -U socialwatch -d socialwatch -tAqc \"SELECT count(*) FROM source_cursors c JOIN sources s ON s.id = c.source_id WHERE s.enabled AND (c.last_success_at IS NULL OR c.last_success_at < '$restart_at')\")\" = 0 ]"
wait_for 240 "pending alerts to be sent" no_pending_alerts
check_alerts_sent_once "after a restart on the same volume"

# 6. Three workers on one database.
say "docker compose up --scale worker=3"
# Recreated together: three workers starting at once on one database migrate once.
demo up -d --no-build --no-deps --force-recreate --scale worker=3 worker >/dev/null 2>&1
wait_for 240 "three workers in the cluster" \
  bash -c "[ \"\$(docker exec -e PGPASSWORD='$POSTGRES_PASSWORD' $(container db) psql -h 127.0.0.1 -U socialwatch -d socialwatch -tAqc \"SELECT count(*) FROM qrtz_scheduler_state WHERE last_checkin_time > (extract(epoch from now()) * 1000 - 30000)::bigint\")\" -ge 3 ]"
scaled_at=$(sql "SELECT now()")
wait_for 300 "every source to poll with three workers" \
  bash -c "[ \"\$(docker exec -e PGPASSWORD='$POSTGRES_PASSWORD' $(container db) psql -h 127.0.0.1 -U socialwatch -d socialwatch -tAqc \"SELECT count(*) FROM source_cursors c JOIN sources s ON s.id = c.source_id WHERE s.enabled AND (c.last_success_at IS NULL OR c.last_success_at < '$scaled_at')\")\" = 0 ]"
wait_for 240 "pending alerts to be sent" no_pending_alerts
check_posts_stored_once "three workers"
check_alerts_sent_once "three workers"
[ "$(sql "SELECT count(*) - count(DISTINCT scriptname) FROM schemaversions")" = 0 ] || fail "a migration was applied twice"
ok "three workers started together: every migration applied once"

# Backup and restore as docs/deployment.md tells it: pg_dump -Fc, then pg_restore into an empty database.
db=$(container db)
docker exec -e PGPASSWORD="$POSTGRES_PASSWORD" "$db" pg_dump -h 127.0.0.1 -U socialwatch -Fc socialwatch >"$work/backup.dump"
docker exec -e PGPASSWORD="$POSTGRES_PASSWORD" "$db" createdb -h 127.0.0.1 -U socialwatch restored
docker exec -i -e PGPASSWORD="$POSTGRES_PASSWORD" "$db" pg_restore -h 127.0.0.1 -U socialwatch -d restored --exit-on-error <"$work/backup.dump"
restored_flags=$(docker exec -e PGPASSWORD="$POSTGRES_PASSWORD" "$db" psql -h 127.0.0.1 -U socialwatch -d restored -tAqc "SELECT count(*) FROM flags")
[ "$restored_flags" -gt 0 ] && [ "$restored_flags" -le "$(sql "SELECT count(*) FROM flags")" ] || fail "the restored database has $restored_flags flags"
ok "backup with pg_dump and restore with pg_restore: $restored_flags flags restored"
demo down -v >/dev/null 2>&1

# 7. The production image, started with `run` from a settings file and secret files.
say "the production image: run --config settings.json with secret files"
mkdir -p "$work/secrets"
# The settings a council writes, here for the demo's fakes on fixed loopback ports (9100-9105).
docker run --rm --network none socialwatch-demo:latest fakes --port-base 9100 --print-only |
  sed -n '/--- socialwatch settings ---/,/--- end of settings ---/p' | sed '1d;$d' >"$work/settings.json"
python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); assert any(k.startswith("Sources:") for k in s)' "$work/settings.json" ||
  fail "the fakes printed no usable settings"
# The logo as a council mounts it (docker-compose.prod.yml: ./logos -> /app/settings/logos).
mkdir -p "$work/logos"
cp samples/corpus/logos/ltc-logo.png "$work/logos/"
python3 - "$work/settings.json" <<'PY'
import json, sys
path = sys.argv[1]
s = json.load(open(path))
for k in [k for k in s if k.startswith("Watch:Organisation:LogoFiles:")]:
    s[k] = "/app/settings/logos/" + s[k].rsplit("/", 1)[-1]
json.dump(s, open(path, "w"), indent=2)
PY
# The fakes' made-up tokens, as a council would keep its real ones: one secret file each.
printf 'demo-token-not-a-secret' >"$work/secrets/x_bearer_token"
printf 'demo-token-not-a-secret' >"$work/secrets/x_owned_user_token"
printf 'demo-token-not-a-secret' >"$work/secrets/facebook_page_token"
printf 'demo-demo-demo-demo' >"$work/secrets/bluesky_app_password"
printf 'demo-token-not-a-secret' >"$work/secrets/mastodon_token"
printf 'unused' >"$work/secrets/smtp_password"
# As docs/deployment.md says: the secrets readable by the container's user (uid 1654) only.
chown 1654:1654 "$work"/secrets/*
chmod 0400 "$work"/secrets/*
chmod 0644 "$work/settings.json" "$work"/logos/*
run_start=$SECONDS
prod up -d --no-build >/dev/null 2>&1
wait_for 300 "an alert email from the production image" has_mail
ok "production image: first alert email $((SECONDS - run_start)) s after start"
runner=$(prod ps -q worker | head -n 1)
[ "$(docker inspect -f '{{.Config.Image}}' "$runner")" = socialwatch:latest ] || fail "the run used another image"
[ "$(docker exec "$runner" id -u)" != 0 ] || fail "the production worker runs as root"
wait_for 300 "the production worker's HEALTHCHECK" is_healthy "$runner"
ok "production image: healthy, non-root"
runner_log=$(docker logs "$runner" 2>&1)
grep -qF "libgssapi_krb5" <<<"$runner_log" && fail "the worker logged the Kerberos library warning"
grep -qF "$POSTGRES_PASSWORD" <<<"$runner_log" && fail "the database password appeared in the log"
ok "production image: no Kerberos warning, no password in the log"

# Rotating a token: a new secret file and a recreated worker; the platform now sees the new token.
printf 'rotated-token-the-fake-refuses' >"$work/secrets/x_bearer_token.new"
chown 1654:1654 "$work/secrets/x_bearer_token.new" && chmod 0400 "$work/secrets/x_bearer_token.new"
mv "$work/secrets/x_bearer_token.new" "$work/secrets/x_bearer_token"
rotated_at=$(sql "SELECT now()")
# (the fakes live in the worker's network namespace, so they are recreated with it)
prod up -d --no-build --no-deps --force-recreate worker fakes >/dev/null 2>&1
runner=$(prod ps -q worker | head -n 1)
x_refused() { [ "$(sql "SELECT count(*) FROM source_cursors c JOIN sources s ON s.id = c.source_id WHERE s.platform = 'x' AND c.last_error_at > '$rotated_at' AND c.last_error LIKE '%401%'")" -gt 0 ]; }
wait_for 240 "the X sources to use the rotated token" x_refused
ok "token rotation: the recreated worker used the new token (which this fake refuses)"
stop_start=$SECONDS
prod stop worker >/dev/null 2>&1
[ "$(docker inspect -f '{{.State.ExitCode}}' "$runner")" = 0 ] || fail "the production worker did not exit 0"
ok "production image: stopped with exit 0 in $((SECONDS - stop_start)) s"
