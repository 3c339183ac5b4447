"""Runs recorded AWS CLI command lines through the CLI's own parser in one process, without reaching AWS.

Reads calls from argv[1] (each: a count, the working directory, then the arguments, all NUL-terminated) and prints one line per call:
"ok" when the CLI parsed and validated the arguments and then failed to connect (the endpoint is a closed loopback
port), else the CLI's first error line. Environment: dummy credentials, AWS_EC2_METADATA_DISABLED=true.
"""
import io
import os
import sys
from contextlib import redirect_stderr, redirect_stdout

from awscli.clidriver import create_clidriver

raw = open(sys.argv[1], "rb").read().split(b"\0")
calls, i = [], 0
while i < len(raw) - 1:
    n = int(raw[i])
    calls.append([a.decode() for a in raw[i + 1:i + 1 + n]])
    i += 1 + n
for call in calls:
    os.chdir(call[0])  # the directory the command ran in: file:// arguments are relative to it
    args = call[1:]
    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        try:
            create_clidriver().main(args + ["--endpoint-url", "http://127.0.0.1:9", "--cli-connect-timeout", "1"])
        except SystemExit:
            pass
    text = err.getvalue()
    if "Could not connect to the endpoint URL" in text:
        print("ok")
    else:
        lines = [l for l in text.splitlines() if l.strip() and not l.startswith(("usage:", "To see help", "  aws"))]
        print((lines[-1] if lines else "no error and no connection attempt").replace("\t", " "))
