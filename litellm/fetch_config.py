# Runs in the `config` container (same image as LiteLLM, which ships boto3) before the server starts.
# Downloads the published config to the task volume the server reads with `--config`, because LiteLLM
# applies general_settings such as database_connection_pool_limit only from a --config file
# (litellm/proxy/proxy_cli.py: `db_connection_pool_limit = general_settings.get(...)` inside
# `if config is not None`), not from a config it loads from S3 itself. LiteLLM's own Terraform module does
# the same (terraform/litellm/aws/ecs.tf, proxy_config_fetch_cmd). The object key ends in the first 16 hex
# digits of the config's SHA-256; a download that does not match is refused.
import hashlib
import os
import re
import sys

import boto3

bucket = os.environ["CONFIG_BUCKET"]
key = os.environ["CONFIG_OBJECT"]
path = os.environ["CONFIG_PATH"]
body = boto3.client("s3", region_name=os.environ["AWS_REGION"]).get_object(Bucket=bucket, Key=key)["Body"].read()
expected = re.search(r"config-([0-9a-f]{16})\.yaml$", key)
actual = hashlib.sha256(body).hexdigest()[:16]
if expected is None or expected.group(1) != actual:
    sys.exit(f"config s3://{bucket}/{key} has hash {actual}, which its key does not name")
with open(path, "wb") as out:
    out.write(body)
print(f"config s3://{bucket}/{key} written to {path}")
