"""The conformance protocol, version 1 (spec/protocol.md), over standard input and output.

Reusable as is: give `serve` what your implementation is (the handshake) and a dict from
operation names to functions taking the request dict and returning plain data (lists,
numbers, dicts, numpy arrays). It knows nothing about neural networks.

    serve({"name": "mine", "dtype": "float64", "activations": ["relu"]},
          {"forward": my_forward})

Raise `Unsupported` for what you do not implement (an activation, say) and `ValueError` for a
request you consider invalid; anything else is reported as an internal error.
"""
import json
import math
import sys

PROTOCOL = 1


class Unsupported(Exception):
    """Section 2: the checks that need this are reported *not implemented*, not failed."""


def log(*parts):
    """Section 1: standard output carries only protocol lines; everything else goes to stderr."""
    print(*parts, file=sys.stderr, flush=True)


def to_plain(value):
    """numpy arrays and scalars to lists and floats; NaN and infinities to the strings of section 4."""
    if hasattr(value, "tolist"):  # numpy array or numpy scalar
        value = value.tolist()
    if isinstance(value, dict):
        return {key: to_plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(item) for item in value]
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    return value


def handshake_result(info, operations):
    """Section 3: protocol version, name, dtype, activations, operations, conventions."""
    return {"protocol": PROTOCOL, **info, "operations": list(operations)}


def handle(message, info, operations):
    """One request (a parsed line) to one answer object: a result or an error (section 2)."""
    answer = {"id": message.get("id")}
    op = message.get("op")
    try:
        if op == "handshake":
            answer["result"] = handshake_result(info, operations)
        elif op in operations:
            answer["result"] = to_plain(operations[op](message.get("request") or {}))
        else:
            raise Unsupported(f"{op} is not implemented")
    except Unsupported as error:
        answer["error"] = {"code": "unsupported", "message": str(error)}
    except (ValueError, KeyError, TypeError, IndexError) as error:
        answer["error"] = {"code": "invalid", "message": f"{type(error).__name__}: {error}"}
    except Exception as error:  # noqa: BLE001 - the protocol reports any other failure as internal
        answer["error"] = {"code": "internal", "message": f"{type(error).__name__}: {error}"}
    return answer


def send(answer):
    """Section 1: one JSON line, flushed. allow_nan=False: bare NaN is not JSON (to_plain wrote strings)."""
    sys.stdout.write(json.dumps(answer, allow_nan=False) + "\n")
    sys.stdout.flush()


def serve(info, operations, respond=None):
    """Answers requests, one line at a time, until `shutdown` or the end of standard input.

    `respond(number, message, answer)` writes the answer (default: `send(answer)`); `number` counts
    the requests this process received, from 1. The faulty examples replace it.
    """
    respond = respond or (lambda number, message, answer: send(answer))
    number = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        number += 1
        try:
            message = json.loads(line)
        except json.JSONDecodeError as error:
            send({"id": None, "error": {"code": "invalid", "message": f"not JSON: {error}"}})
            continue
        if message.get("op") == "shutdown":
            break
        respond(number, message, handle(message, info, operations))
