# The one-off `bootstrap` task's command (entry point `/bin/sh -c`), run once per deploy before the migrations. The
# only container that ever gets the RDS master secret: as the master it runs $APP_ROLE_SQL (litellm/app_role.sql),
# which creates litellm_app, the role every LiteLLM container signs in as: with IAM tokens ($APP_AUTH iam), or
# ($APP_AUTH password) with $APP_PASSWORD, which it sets. Exits non-zero when the SQL fails; `pulumi up` then stops
# before anything migrates or serves.
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
# How litellm_app signs in, for app_role.sql. A password goes in as its SCRAM-SHA-256 verifier (RFC 5802/7677, as
# PostgreSQL stores it: "SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>"), so the plain password is in
# no statement PostgreSQL could log.
settings="$(python - <<'PY'
import base64, hashlib, hmac, os
auth = os.environ["APP_AUTH"]
assert auth in ("iam", "password"), auth
print("SELECT set_config('litellm.app_auth', '%s', false);" % auth)
if auth == "password":
    b64 = lambda raw: base64.b64encode(raw).decode()
    salt, iterations = os.urandom(16), 4096
    salted = hashlib.pbkdf2_hmac("sha256", os.environ["APP_PASSWORD"].encode(), salt, iterations)
    stored = hashlib.sha256(hmac.new(salted, b"Client Key", "sha256").digest()).digest()
    server = hmac.new(salted, b"Server Key", "sha256").digest()
    print("SELECT set_config('litellm.app_password', '%s', false);"
          % ("SCRAM-SHA-256$%d:%s$%s:%s" % (iterations, b64(salt), b64(stored), b64(server))))
PY
)"
# One script, one simple-protocol query: the SQL's own BEGIN/COMMIT and advisory lock hold for all of it.
printf '%s\n%s\n' "$settings" "$APP_ROLE_SQL" | prisma db execute --url "$url" --stdin
echo "bootstrap: litellm_app is ready"
