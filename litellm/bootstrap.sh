# The one-off `bootstrap` task's command (entry point `/bin/sh -c`), run once per deploy before the migrations, and
# only with dbAuth iam. The only container that ever gets the RDS master secret: as the master it runs
# $APP_ROLE_SQL (litellm/app_role.sql), which creates litellm_app, the role every LiteLLM container signs in as with
# IAM tokens. Exits non-zero when the SQL fails; `pulumi up` then stops before anything migrates or serves.
set -eu
# The root file system is read-only: Prisma's CLI writes only below /tmp (a task volume).
export HOME=/tmp CHECKPOINT_DISABLE=1
# The master's URL from DATABASE_HOST/PORT/USERNAME/PASSWORD/NAME through LiteLLM's own helper (it percent-encodes
# the password: litellm/proxy/db/db_url_settings.py, DatabaseURLSettings.build_writer_url), TLS required.
url="$(python - <<'PY'
from litellm.proxy.db.db_url_settings import DatabaseURLSettings
url = DatabaseURLSettings.from_env().build_writer_url()
assert url, "DATABASE_HOST, DATABASE_USERNAME and DATABASE_NAME are required"
print(url + ("&" if "?" in url else "?") + "sslmode=require")
PY
)"
# One script, one simple-protocol query: the SQL's own BEGIN/COMMIT and advisory lock hold for all of it.
printf '%s\n' "$APP_ROLE_SQL" | prisma db execute --url "$url" --stdin
echo "bootstrap: litellm_app is ready"
