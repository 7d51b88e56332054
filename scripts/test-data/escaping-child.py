#!/usr/bin/env python3
"""A hostile program for scripts/verify.test.ts: it answers the handshake, then starts a grandchild
in a new session (setsid: outside the program's process group, so killing the group misses it)
that keeps the program's stdout open and sleeps, and never answers a request. The grandchild's
pid is appended to the file named by the environment variable ESCAPED_PID_FILE, for the test to
kill it."""
import json
import os
import subprocess
import sys

for line in sys.stdin:
    message = json.loads(line)
    if message.get("op") == "handshake":
        result = {"protocol": 1, "name": "escaping-child", "dtype": "float64", "activations": ["relu", "sigmoid", "tanh", "identity"], "operations": ["forward"]}
        sys.stdout.write(json.dumps({"id": message["id"], "result": result}) + "\n")
        sys.stdout.flush()
        continue
    # inherits stdout (fd 1); stdin and stderr are not kept
    grandchild = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"], stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    with open(os.environ["ESCAPED_PID_FILE"], "a") as pids:
        pids.write(f"{grandchild.pid}\n")
    # never answers: the suite's timeout kills this program's process group, the grandchild stays
