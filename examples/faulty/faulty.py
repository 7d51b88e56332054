#!/usr/bin/env python3
"""Deliberately faulty implementations, one fault per name, for seeing what the suite reports:

    npm run verify -- -- python3 examples/faulty/faulty.py FAULT

Every fault is the correct numpy example (examples/python) with ONE thing broken: a function
below that writes (or fails to write) the answer of each request. `number` counts the requests
this process received (the handshake is 1), `message` is the request, `answer` the correct answer.
The suite restarts a program after a transport fault, so those faults recur at every start.
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
import mlp_numpy  # noqa: E402 - the correct implementation everything here builds on
from protocol import send, serve  # noqa: E402

FAULTS = {}


def fault(name):
    def register(respond):
        FAULTS[name] = respond
        return respond
    return register


def is_handshake(message):
    return message.get("op") == "handshake"


def forever():
    while True:
        time.sleep(3600)


# ---- Transport faults: the answer is right, the delivery is not -----------------------------

@fault("crash")
def crash(number, message, answer):
    """Crashes mid-run: exits with status 3 on the 3rd request, without answering it."""
    if number == 3:
        sys.exit(3)
    send(answer)


@fault("exit-early")
def exit_early(number, message, answer):
    """Exits (status 0) right after answering the handshake: no operation is ever answered."""
    send(answer)
    if is_handshake(message):
        sys.exit(0)


@fault("hang")
def hang(number, message, answer):
    """Never answers a forward request (and never reads another line)."""
    if message.get("op") == "forward":
        forever()
    send(answer)


@fault("sleep-past-timeout")
def sleep_past_timeout(number, message, answer):
    """Sleeps 60 s before every answer after the handshake: past the suite's default 10 s timeout."""
    if not is_handshake(message):
        time.sleep(60)
    send(answer)


@fault("slow")
def slow(number, message, answer):
    """Takes 5 minutes per call after the handshake: correct, but far too slow for any limit."""
    if not is_handshake(message):
        time.sleep(300)
    send(answer)


@fault("not-json")
def not_json(number, message, answer):
    """Prints "hello" instead of the answer (a debugging print on stdout)."""
    if is_handshake(message):
        return send(answer)
    print("hello", flush=True)


@fault("half-line")
def half_line(number, message, answer):
    """Writes the first half of the answer line, flushes, and waits forever."""
    if is_handshake(message):
        return send(answer)
    line = json.dumps(answer)
    sys.stdout.write(line[: len(line) // 2])
    sys.stdout.flush()
    forever()


@fault("flood-stdout")
def flood_stdout(number, message, answer):
    """Answers with a valid JSON line of 100 MB, past the 8 MiB limit of an answer (streamed in 1 MB pieces)."""
    if is_handshake(message):
        return send(answer)
    sys.stdout.write(f'{{"id": {answer["id"]}, "result": "')
    for _ in range(100):
        sys.stdout.write("x" * 1_000_000)
    sys.stdout.write('"}\n')
    sys.stdout.flush()


@fault("flood-stderr")
def flood_stderr(number, message, answer):
    """Writes 50 MB of log to stderr before its first operation's answer (a pipe holds 64 KiB: a
    suite that does not drain stderr deadlocks here), then answers everything correctly: must pass."""
    if number == 2:
        chunk = "log: nothing to see here\n" * 40_000  # 25 bytes x 40,000 = 1 MB
        for _ in range(50):
            sys.stderr.write(chunk)
        sys.stderr.flush()
    send(answer)


@fault("wrong-id")
def wrong_id(number, message, answer):
    """Answers operations with id + 1 (an off-by-one in the id bookkeeping)."""
    if not is_handshake(message):
        answer["id"] = answer["id"] + 1
    send(answer)


@fault("bad-handshake")
def bad_handshake(number, message, answer):
    """Declares protocol version 99, which the suite does not speak."""
    if is_handshake(message):
        answer["result"]["protocol"] = 99
    send(answer)


@fault("declares-nothing")
def declares_nothing(number, message, answer):
    """A valid handshake that declares no operation: nothing can be verified (exit code 3, not 0)."""
    if is_handshake(message):
        answer["result"]["operations"] = []
    send(answer)


@fault("unsupported-everything")
def unsupported_everything(number, message, answer):
    """Declares every operation, then answers every request with the error code "unsupported"."""
    if is_handshake(message):
        send(answer)
    else:
        send({"id": message["id"], "error": {"code": "unsupported", "message": "not implemented yet"}})


# ---- Wrong answers: delivered well, wrong in content ----------------------------------------

@fault("wrong-shapes")
def wrong_shapes(number, message, answer):
    """Returns ∂J/∂W^[k] transposed (m_{k-1} × m_k, not the m_k × m_{k-1} of W^[k], footnote 6)
    from gradient and meanGradient: the row-major habit of eq. 4.4 leaking into the notes' convention."""
    result = answer.get("result")
    if message.get("op") in ("gradient", "meanGradient") and result is not None:
        result["W"] = [[list(column) for column in zip(*W)] for W in result["W"]]
    send(answer)


@fault("nan")
def nan(number, message, answer):
    """Answers forward with h_θ(x) = "NaN" (the protocol's spelling of a NaN, e.g. after an overflow)."""
    if message.get("op") == "forward" and "result" in answer:
        answer["result"]["output"] = "NaN"
    send(answer)


@fault("forgets-1/B")
def forgets_one_over_b(number, message, answer):
    """Silently wrong: the mean gradient of eq. 1.5 is the plain sum Σ ∇J^(j) (the 1/B forgotten).
    Patched below, before serving: meanGradient, gdStep, minibatchStep and train go wrong when B > 1."""
    send(answer)


def main():
    name = sys.argv[1] if len(sys.argv) == 2 else None
    if name not in FAULTS:
        print(f"usage: faulty.py FAULT, FAULT one of: {', '.join(FAULTS)}", file=sys.stderr)
        sys.exit(2)
    if name == "forgets-1/B":
        mlp_numpy.mean_gradient = mlp_numpy.gradient_sum  # THE BUG: eq. 1.5 without its 1/B
    serve(mlp_numpy.INFO, mlp_numpy.OPERATIONS, respond=FAULTS[name])


if __name__ == "__main__":
    main()
