# Runs in the `migrate` container (entry point `/bin/sh -c`) before the server starts; the server waits for
# it to exit 0 (dependsOn SUCCESS). Exits non-zero when migrations fail OR are still pending afterwards.
#
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
# LiteLLM's own helper builds the URL from DATABASE_HOST/USERNAME/PASSWORD/NAME (quoting the password);
# TLS is required (the database refuses plain connections as well).
DATABASE_URL="$(python -c 'from litellm.proxy.utils import construct_database_url_from_env_vars as url; u = url(); assert u, "DATABASE_HOST, DATABASE_USERNAME and DATABASE_NAME are required"; print(u + ("&" if "?" in u else "?") + "sslmode=require")')"
export DATABASE_URL
litellm --skip_server_startup
cd "$(python -c 'import os, litellm_proxy_extras; print(os.path.dirname(litellm_proxy_extras.__file__))')"
ls migrations/*/migration.sql > /dev/null
prisma migrate status --schema schema.prisma
echo "LiteLLM migrations: all applied, none pending or failed"
