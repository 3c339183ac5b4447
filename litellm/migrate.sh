# Runs in the `migrate` container (entry point `/bin/sh -c`) before the server starts; the server waits for
# it to exit 0 (dependsOn SUCCESS). Exits non-zero when migrations fail OR are still pending afterwards.
#
# 0. With dbAuth iam ($APP_DB_USER set): as the RDS master user (the only place the master secret is used),
#    create the IAM role the server signs in as ($APP_ROLE_SQL, litellm/app_role.sql, via `prisma db
#    execute`), then migrate as that role with a fresh IAM token, so it owns what the migrations create.
# 1. `litellm --skip_server_startup` applies LiteLLM's Prisma migrations (`prisma migrate deploy`, serialised
#    by Prisma's advisory lock when several tasks start at once). Since 2026 it exits non-zero when database
#    setup fails (LiteLLM litellm/proxy/proxy_cli.py: "Database setup failed ... sys.exit(1)"; docs
#    troubleshoot/prisma_migrations). In 1.80.x it exited 0 even then, hence step 3.
# 2. A Prisma schema without its migrations directory makes `migrate deploy` and `migrate status` succeed
#    without applying anything (LiteLLM v1.90.5 release notes), so the catalog must be there.
# 3. `prisma migrate status` exits 1 when a migration is unapplied or failed, or the history diverged
#    (Prisma >= 4.3.0, https://prisma.io/docs/cli/migrate/status).
set -eu
# The root file system is read-only: Prisma's CLI and LiteLLM write only below /tmp (a task volume).
export HOME=/tmp CHECKPOINT_DISABLE=1
# Prints a database URL with TLS required: "master" from DATABASE_HOST/USERNAME/PASSWORD/NAME through
# LiteLLM's own helper (it quotes the password), or "app" for $APP_DB_USER with a 15-minute IAM token.
database_url() {
    python - "$1" <<'PY'
import os, sys, urllib.parse
if sys.argv[1] == "app":
    import boto3
    host, port, user = os.environ["DB_IAM_HOST"], int(os.environ["DB_IAM_PORT"]), os.environ["APP_DB_USER"]
    token = boto3.client("rds", region_name=os.environ["AWS_REGION"]).generate_db_auth_token(DBHostname=host, Port=port, DBUsername=user)
    quote = lambda text: urllib.parse.quote(text, safe="")
    url = "postgresql://%s:%s@%s:%d/%s" % (quote(user), quote(token), host, port, quote(os.environ["DATABASE_NAME"]))
else:
    from litellm.proxy.utils import construct_database_url_from_env_vars
    url = construct_database_url_from_env_vars()
    assert url, "DATABASE_HOST, DATABASE_USERNAME and DATABASE_NAME are required"
print(url + ("&" if "?" in url else "?") + "sslmode=require")
PY
}
# URLs are assigned on their own so that `set -e` stops the script when one cannot be built.
role=master
if [ -n "${APP_DB_USER:-}" ]; then
    url="$(database_url master)"
    printf '%s\n' "$APP_ROLE_SQL" | prisma db execute --url "$url" --stdin
    role=app
fi
url="$(database_url "$role")"
DATABASE_URL="$url" litellm --skip_server_startup
cd "$(python -c 'import os, litellm_proxy_extras; print(os.path.dirname(litellm_proxy_extras.__file__))')"
ls migrations/*/migration.sql > /dev/null
url="$(database_url "$role")"
DATABASE_URL="$url" prisma migrate status --schema schema.prisma
echo "LiteLLM migrations: all applied, none pending or failed"
