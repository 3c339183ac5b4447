# The one-off `migrate` task's command (entry point `/bin/sh -c`), run once per deploy with the image being deployed,
# after the bootstrap and before any service rolls; no serving container ever migrates (DISABLE_SCHEMA_UPDATE=true).
# Exits non-zero when migrations fail OR are still pending afterwards; `pulumi up` then stops before anything serves.
#
# 1. "$@" is LiteLLM's own migration entry point for the image: `litellm --skip_server_startup
#    --use_v2_migration_resolver` (the monolithic image) or `python3 /app/run.py` (litellm-migrations, v2 resolver by
#    default). Both assemble DATABASE_URL from DATABASE_* (an IAM token for litellm_app, or the password) and run
#    `prisma migrate deploy`; the v2 resolver never diffs the database against the image's schema and forces it back
#    (litellm-proxy-extras utils.py, _setup_database_v2; BerriAI/litellm PR #26194). In 1.80.x a failed migration
#    under --skip_server_startup still exited 0, hence step 3.
# 2. A Prisma schema without its migrations directory makes `migrate deploy` and `migrate status` succeed
#    without applying anything (LiteLLM v1.90.5 release notes), so the catalog must be there.
# 3. `prisma migrate status` exits 1 when a migration is unapplied or failed, or the history diverged
#    (Prisma >= 4.3.0, https://prisma.io/docs/cli/migrate/status).
set -eu
# The root file system is read-only: Prisma's CLI and LiteLLM write only below /tmp (a task volume).
export HOME=/tmp CHECKPOINT_DISABLE=1
"$@"
cd "$(python -c 'import os, litellm_proxy_extras; print(os.path.dirname(litellm_proxy_extras.__file__))')"
ls migrations/*/migration.sql > /dev/null
# The same URL LiteLLM built (a fresh IAM token, or the password), TLS required; assigned on its own so that
# `set -e` stops the script when it cannot be built.
url="$(python - <<'PY'
from litellm.proxy.db.db_url_settings import DatabaseURLSettings
url = DatabaseURLSettings.from_env().build_writer_url()
assert url, "DATABASE_HOST, DATABASE_USER and DATABASE_NAME are required"
print(url + ("&" if "?" in url else "?") + "sslmode=require")
PY
)"
DATABASE_URL="$url" prisma migrate status --schema schema.prisma
echo "LiteLLM migrations: all applied, none pending or failed"
