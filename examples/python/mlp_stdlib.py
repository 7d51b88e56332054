#!/usr/bin/env python3
"""The CS229 deep-learning notes over the conformance protocol, with the Python standard library only.

Written from spec/protocol.md alone (no numpy, no third-party package): float64 (Python floats),
the notes' column convention (W[k-1] = W^[k] as m_k rows of m_{k-1} numbers, b[k-1] = b^[k] as m_k
numbers), 0-based example indices, ReLU'(0) = 1 as the notes' 1{z >= 0}, every operation of the
protocol. Run it under the suite with

    npm run verify -- -- python3 examples/python/mlp_stdlib.py

Requests are read one line at a time from standard input and answered on standard output, one JSON
line each; logs go to standard error. The program exits when standard input closes.
"""

import json
import math
import random
import sys
import traceback

PROTOCOL = 1
ACTIVATIONS = ["relu", "sigmoid", "tanh", "identity"]
OPERATIONS = [
    "forward", "loss", "gradient", "meanGradient", "gdStep", "sgdStep", "minibatchStep", "train",
    "forwardBatch", "initialize", "sampleBatch",
]


class Invalid(ValueError):
    """A request that breaks the notes' definitions: answered with error code "invalid"."""


class Unsupported(Exception):
    """Something this program does not implement: answered with error code "unsupported"."""


# ---- activations (eq. 2.14, 2.15) and their derivatives (Algorithm 5) ----

def sigmoid(z):
    # 1/(1 + e^{-z}) for z >= 0 and e^{z}/(1 + e^{z}) for z < 0: e^{|z|} is never formed, so
    # z = +-1000 saturates to 1 or 0 instead of raising OverflowError.
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def sigma(activation, z):
    if activation == "relu":
        return z if z > 0 else 0.0
    if activation == "sigmoid":
        return sigmoid(z)
    if activation == "tanh":
        return math.tanh(z)
    if activation == "identity":
        return z
    raise Unsupported(f"activation {activation!r} is not implemented")


def sigma_prime(activation, z):
    if activation == "relu":
        return 1.0 if z >= 0 else 0.0  # the notes' 1{z >= 0}: ReLU'(0) = 1
    if activation == "sigmoid":
        s = sigmoid(z)
        return s * (1.0 - s)
    if activation == "tanh":
        t = math.tanh(z)
        return 1.0 - t * t
    if activation == "identity":
        return 1.0
    raise Unsupported(f"activation {activation!r} is not implemented")


# ---- input checking: shapes of eq. 2.12, 0-based indices ----

def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def is_integer(v):
    return isinstance(v, int) and not isinstance(v, bool)


def vector(v, length, what):
    if not isinstance(v, list) or len(v) != length or not all(is_number(e) for e in v):
        raise Invalid(f"{what} must be a list of {length} finite numbers")
    return [float(e) for e in v]


def matrix(M, rows, cols, what):
    if not isinstance(M, list) or len(M) != rows:
        raise Invalid(f"{what} must have {rows} rows")
    return [vector(row, cols, f"row {i + 1} of {what}") for i, row in enumerate(M)]


def read_params(params):
    """θ = {"W": [W1..Wr], "b": [b1..br]} checked against eq. 2.12; returns (W, b, sizes)."""
    if not isinstance(params, dict) or not isinstance(params.get("W"), list) or not isinstance(params.get("b"), list):
        raise Invalid("eq. 2.12: params must be {\"W\": [...], \"b\": [...]}")
    Ws, bs = params["W"], params["b"]
    r = len(Ws)
    if r < 1 or len(bs) != r:
        raise Invalid(f"eq. 2.12: W and b must list the same number r >= 1 of layers, got {len(Ws)} and {len(bs)}")
    if not isinstance(Ws[0], list) or not Ws[0] or not isinstance(Ws[0][0], list):
        raise Invalid("eq. 2.12: W[1] must be a non-empty list of rows")
    sizes = [len(Ws[0][0])] + [len(W) if isinstance(W, list) else 0 for W in Ws]
    if sizes[-1] != 1:
        raise Invalid(f"eq. 2.12: the last layer must have one unit (m_r = 1), got {sizes[-1]}")
    W = [matrix(Ws[k], sizes[k + 1], sizes[k], f"eq. 2.12: W[{k + 1}] (m{k + 1} x m{k})") for k in range(r)]
    b = [vector(bs[k], sizes[k + 1], f"eq. 2.12: b[{k + 1}] (m{k + 1} entries)") for k in range(r)]
    return W, b, sizes


def read_activation(request):
    activation = request.get("activation")
    if activation not in ACTIVATIONS:
        raise Unsupported(f"activation {activation!r} is not implemented")
    return activation


def read_data(data, d):
    if not isinstance(data, dict) or not isinstance(data.get("X"), list) or not isinstance(data.get("y"), list):
        raise Invalid("eq. 1.2: data must be {\"X\": [...], \"y\": [...]}")
    n = len(data["X"])
    if n < 1 or len(data["y"]) != n:
        raise Invalid(f"eq. 1.2: the data set needs n >= 1 examples and one target each, got {n} and {len(data['y'])}")
    X = matrix(data["X"], n, d, f"eq. 1.2: X (n x d = {n} x {d})")
    y = vector(data["y"], n, "eq. 1.2: y")
    return X, y


def read_index(j, n, what):
    if not is_integer(j) or j < 0 or j >= n:
        raise Invalid(f"{what}: {j!r} is not an example index in 0..{n - 1} (0-based)")
    return j


def read_batch(batch, n, what):
    if not isinstance(batch, list) or len(batch) < 1:
        raise Invalid(f"{what}: a batch must be a non-empty list of indices")
    return [read_index(j, n, what) for j in batch]


def read_alpha(alpha):
    if not is_number(alpha):
        raise Invalid("eq. 1.3: alpha must be a finite number")
    return float(alpha)


# ---- the notes' mathematics ----

def forward_pass(W, b, activation, x):
    """Eq. 2.12-2.13: z^[k] = W^[k] a^[k-1] + b^[k], a^[k] = σ(z^[k]) for k < r, a^[r] = z^[r]."""
    r = len(W)
    a = x
    zs, As = [], []
    for k in range(r):
        z = [sum(w * v for w, v in zip(row, a)) + bias for row, bias in zip(W[k], b[k])]
        a = z if k == r - 1 else [sigma(activation, v) for v in z]
        zs.append(z)
        As.append(a)
    return zs, As


def backprop(W, b, activation, x, y):
    """Algorithm 5 (as corrected in spec/errata.md): ∇_θ J for J = ½(o − y)²."""
    r = len(W)
    zs, As = forward_pass(W, b, activation, x)
    inputs = [x] + As[:-1]  # a^[k-1] for k = 1..r
    gW, gb = [None] * r, [None] * r
    delta = [zs[-1][0] - y]  # δ^[r] = ∂J/∂z^[r] = o − y
    for k in range(r - 1, -1, -1):
        gW[k] = [[dv * av for av in inputs[k]] for dv in delta]  # ∂J/∂W^[k] = δ^[k] a^[k-1]ᵀ
        gb[k] = list(delta)  # ∂J/∂b^[k] = δ^[k]
        if k > 0:  # δ^[k-1] = (W^[k]ᵀ δ^[k]) ⊙ σ'(z^[k-1])
            back = [sum(W[k][i][j] * delta[i] for i in range(len(delta))) for j in range(len(inputs[k]))]
            delta = [g * sigma_prime(activation, z) for g, z in zip(back, zs[k - 1])]
    return gW, gb


def mean_gradient(W, b, activation, X, y, batch):
    """Eq. 1.5: (1/B) Σ_{j ∈ batch} ∇J^(j)(θ)."""
    B = len(batch)
    sumW = [[[0.0] * len(row) for row in Wk] for Wk in W]
    sumb = [[0.0] * len(bk) for bk in b]
    for j in batch:
        gW, gb = backprop(W, b, activation, X[j], y[j])
        for k in range(len(W)):
            for i, row in enumerate(gW[k]):
                for c, v in enumerate(row):
                    sumW[k][i][c] += v
            for i, v in enumerate(gb[k]):
                sumb[k][i] += v
    return [[[v / B for v in row] for row in Wk] for Wk in sumW], [[v / B for v in bk] for bk in sumb]


def step(W, b, gW, gb, alpha):
    """θ − α g, entry by entry."""
    return (
        [[[w - alpha * g for w, g in zip(rw, rg)] for rw, rg in zip(Wk, Gk)] for Wk, Gk in zip(W, gW)],
        [[v - alpha * g for v, g in zip(bk, gk)] for bk, gk in zip(b, gb)],
    )


def cost(W, b, activation, X, y):
    """Eq. 1.1 per example (with the ½) and eq. 1.2, their mean (with the 1/n)."""
    per = []
    for x, target in zip(X, y):
        o = forward_pass(W, b, activation, x)[0][-1][0]
        per.append(0.5 * (o - target) ** 2)
    return per, sum(per) / len(per)


def theta(W, b):
    return {"W": W, "b": b}


def transpose(M):
    return [list(col) for col in zip(*M)]


# ---- the operations of spec/protocol.md section 4 ----

def op_forward(req):
    W, b, sizes = read_params(req.get("params"))
    activation = read_activation(req)
    x = vector(req.get("x"), sizes[0], f"eq. 2.12: x (d = {sizes[0]} entries)")
    zs, As = forward_pass(W, b, activation, x)
    return {"z": zs, "a": As, "output": zs[-1][0]}


def op_loss(req):
    W, b, sizes = read_params(req.get("params"))
    activation = read_activation(req)
    X, y = read_data(req.get("data"), sizes[0])
    per, mean = cost(W, b, activation, X, y)
    return {"perExample": per, "mean": mean}


def op_gradient(req):
    W, b, sizes = read_params(req.get("params"))
    activation = read_activation(req)
    x = vector(req.get("x"), sizes[0], f"Algorithm 5: x (d = {sizes[0]} entries)")
    if not is_number(req.get("y")):
        raise Invalid("Algorithm 5: y must be a finite number")
    return theta(*backprop(W, b, activation, x, float(req["y"])))


def problem(req):
    W, b, sizes = read_params(req.get("params"))
    activation = read_activation(req)
    X, y = read_data(req.get("data"), sizes[0])
    return W, b, activation, X, y


def op_mean_gradient(req):
    W, b, activation, X, y = problem(req)
    batch = read_batch(req.get("batch"), len(y), "eq. 1.5: batch")
    return theta(*mean_gradient(W, b, activation, X, y, batch))


def op_gd_step(req):
    W, b, activation, X, y = problem(req)
    alpha = read_alpha(req.get("alpha"))
    return theta(*step(W, b, *mean_gradient(W, b, activation, X, y, list(range(len(y)))), alpha))


def op_sgd_step(req):
    W, b, activation, X, y = problem(req)
    alpha = read_alpha(req.get("alpha"))
    j = read_index(req.get("index"), len(y), "eq. 1.4: index")
    return theta(*step(W, b, *backprop(W, b, activation, X[j], y[j]), alpha))


def op_minibatch_step(req):
    W, b, activation, X, y = problem(req)
    alpha = read_alpha(req.get("alpha"))
    batch = read_batch(req.get("batch"), len(y), "eq. 1.5: batch")
    return theta(*step(W, b, *mean_gradient(W, b, activation, X, y, batch), alpha))


def op_train(req):
    W, b, activation, X, y = problem(req)
    alpha = read_alpha(req.get("alpha"))
    batches = req.get("batches")
    if not isinstance(batches, list):
        raise Invalid("Algorithm 2: batches must be a list of batches")
    batches = [read_batch(batch, len(y), f"Algorithm 2: batch {t + 1}") for t, batch in enumerate(batches)]
    losses = []
    for batch in batches:  # Algorithm 2's loop: one eq. 1.5 step per batch, in order
        W, b = step(W, b, *mean_gradient(W, b, activation, X, y, batch), alpha)
        losses.append(cost(W, b, activation, X, y)[1])
    return {"params": theta(W, b), "losses": losses}


def op_forward_batch(req):
    W, b, sizes = read_params(req.get("params"))
    activation = read_activation(req)
    layout = req.get("layout")
    Xin = req.get("X")
    if layout == "columns":  # X is d×B (eq. 4.1); Z^[k], A^[k] are m_k×B
        if not isinstance(Xin, list) or len(Xin) != sizes[0] or not isinstance(Xin[0], list):
            raise Invalid(f"eq. 4.1: X must be d x B with d = {sizes[0]} rows")
        examples = transpose(matrix(Xin, sizes[0], len(Xin[0]), "eq. 4.1: X (d x B)"))
    elif layout == "rows":  # X is B×d (eq. 4.4); Z^[k], A^[k] are B×m_k
        if not isinstance(Xin, list) or len(Xin) < 1:
            raise Invalid("eq. 4.4: X must be B x d with B >= 1 rows")
        examples = matrix(Xin, len(Xin), sizes[0], f"eq. 4.4: X (B x d, d = {sizes[0]})")
    else:
        raise Invalid(f"Section 4: layout must be \"columns\" or \"rows\", got {layout!r}")
    passes = [forward_pass(W, b, activation, x) for x in examples]
    r = len(W)
    Z = [[p[0][k] for p in passes] for k in range(r)]  # B×m_k: one row per example
    A = [[p[1][k] for p in passes] for k in range(r)]
    if layout == "columns":
        Z, A = [transpose(M) for M in Z], [transpose(M) for M in A]
    return {"Z": Z, "A": A}


def generator(seed):
    """A Mersenne Twister seeded one-to-one by any integer (random.Random(s) equals random.Random(-s))."""
    if not is_integer(seed):
        raise Invalid(f"seed must be an integer, got {seed!r}")
    return random.Random(2 * seed if seed >= 0 else -2 * seed - 1)


def op_initialize(req):
    """Algorithms 1-2 line 2: W^[k] uniform in ±1/sqrt(m_{k-1}) (symmetry broken), b^[k] = 0."""
    sizes = req.get("sizes")
    if not isinstance(sizes, list) or len(sizes) < 2 or not all(is_integer(m) and m >= 1 for m in sizes):
        raise Invalid("eq. 2.12: sizes must be [d, m_1, ..., m_r] with r >= 1 and every size >= 1")
    if sizes[-1] != 1:
        raise Invalid(f"eq. 2.12: the last layer must have one unit (m_r = 1), got {sizes[-1]}")
    rng = generator(req.get("seed"))
    W, b = [], []
    for k in range(1, len(sizes)):
        limit = 1.0 / math.sqrt(sizes[k - 1])
        W.append([[rng.uniform(-limit, limit) for _ in range(sizes[k - 1])] for _ in range(sizes[k])])
        b.append([0.0] * sizes[k])
    return theta(W, b)


def op_sample_batch(req):
    """Algorithm 2 line 4 (B = 1: Algorithm 1 line 4): B distinct indices out of 0..n-1, uniformly."""
    n, B = req.get("n"), req.get("B")
    if not is_integer(n) or n < 1:
        raise Invalid(f"eq. 1.2: n must be an integer >= 1, got {n!r}")
    if not is_integer(B) or B < 1 or B > n:
        raise Invalid(f"Algorithm 2 line 4: batch size B must be an integer in 1..n (n = {n}) when sampling without replacement, got {B!r}")
    return generator(req.get("seed")).sample(range(n), B)


HANDLERS = {
    "forward": op_forward,
    "loss": op_loss,
    "gradient": op_gradient,
    "meanGradient": op_mean_gradient,
    "gdStep": op_gd_step,
    "sgdStep": op_sgd_step,
    "minibatchStep": op_minibatch_step,
    "train": op_train,
    "forwardBatch": op_forward_batch,
    "initialize": op_initialize,
    "sampleBatch": op_sample_batch,
}


def handshake(_req):
    return {
        "protocol": PROTOCOL,
        "name": "cs229-mlp-python-stdlib",
        "dtype": "float64",
        "activations": ACTIVATIONS,
        "operations": OPERATIONS,
        "conventions": {"reluPrimeAtZero": 1},
    }


# ---- the protocol loop (spec/protocol.md sections 1-3) ----

def encode(value):
    """JSON has no NaN or infinities: the protocol writes them as the strings "NaN", "Infinity", "-Infinity"."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    return value


def send(message):
    sys.stdout.write(json.dumps(encode(message), allow_nan=False, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def answer(line):
    """The answer to one request line, or None for shutdown."""
    try:
        message = json.loads(line)
    except ValueError as error:
        return {"id": None, "error": {"code": "invalid", "message": f"not JSON: {error}"}}
    if not isinstance(message, dict):
        return {"id": None, "error": {"code": "invalid", "message": "a request must be a JSON object"}}
    ident, op, req = message.get("id"), message.get("op"), message.get("request", {})
    if op == "shutdown":  # the suite never sends it (it closes standard input); handy by hand
        return None
    if op == "handshake":
        return {"id": ident, "result": handshake(req)}
    handler = HANDLERS.get(op)
    if handler is None:
        return {"id": ident, "error": {"code": "invalid", "message": f"unknown op {op!r}"}}
    if not isinstance(req, dict):
        return {"id": ident, "error": {"code": "invalid", "message": f"{op}: request must be an object"}}
    try:
        return {"id": ident, "result": handler(req)}
    except Unsupported as error:
        return {"id": ident, "error": {"code": "unsupported", "message": f"{op}: {error}"}}
    except Invalid as error:
        return {"id": ident, "error": {"code": "invalid", "message": str(error)}}
    except Exception as error:  # a bug of this program: say so, keep serving
        traceback.print_exc(file=sys.stderr)
        return {"id": ident, "error": {"code": "internal", "message": f"{op}: {type(error).__name__}: {error}"}}


def main():
    for line in sys.stdin:  # ends when the suite closes standard input
        if line.strip() == "":
            continue
        reply = answer(line)
        if reply is None:
            break
        send(reply)
    return 0


if __name__ == "__main__":
    sys.exit(main())
