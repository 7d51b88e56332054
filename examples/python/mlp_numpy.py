#!/usr/bin/env python3
"""The CS229 deep-learning notes in numpy (float64, the notes' column convention), speaking the
conformance protocol on stdin/stdout (protocol.py).

    npm run verify -- -- python3 examples/python/mlp_numpy.py

θ: W[k-1] = W^[k], an m_k × m_{k-1} array; b[k-1] = b^[k], m_k numbers (eq. 2.12). A vector is
a 1-d array; "column" only matters in outer products, written with np.outer.
"""
import numpy as np

from protocol import Unsupported, serve


# ---- Activations (eq. 2.14) and their derivatives (eq. 3.15) ---------------------------------

def sigmoid(z):
    """Eq. 2.14: 1 / (1 + e^{-z}), with e^{-|z|} <= 1 so that |z| = 1000 neither overflows nor warns."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


ACTIVATIONS = {
    # name: (σ, σ')
    "relu": (lambda z: np.maximum(z, 0.0), lambda z: (z >= 0).astype(float)),  # ReLU'(0) = 1: the notes' 1{z >= 0}
    "sigmoid": (sigmoid, lambda z: sigmoid(z) * (1.0 - sigmoid(z))),
    "tanh": (np.tanh, lambda z: 1.0 - np.tanh(z) ** 2),
    "identity": (lambda z: z, np.ones_like),
}


def activation(name):
    if name not in ACTIVATIONS:
        raise Unsupported(f"activation {name!r} is not implemented")
    return ACTIVATIONS[name]


# ---- Reading requests ----------------------------------------------------------------------

def parameters(params):
    """θ from the request, checked against eq. 2.12's shapes: W^[k] is m_k × m_{k-1}, b^[k] has m_k entries, m_r = 1."""
    W = [np.array(w, dtype=np.float64, ndmin=2) for w in params["W"]]
    b = [np.array(v, dtype=np.float64, ndmin=1) for v in params["b"]]
    if len(W) == 0 or len(W) != len(b):
        raise ValueError(f"eq. 2.12: θ needs r >= 1 layers with one W and one b each, got {len(W)} W and {len(b)} b")
    for k in range(1, len(W) + 1):
        rows = W[k - 1].shape[0]
        if b[k - 1].shape != (rows,):
            raise ValueError(f"eq. 2.12: b[{k}] must have m_{k} = {rows} entries, got shape {b[k - 1].shape}")
        if k > 1 and W[k - 1].shape[1] != W[k - 2].shape[0]:
            raise ValueError(f"eq. 2.12: W[{k}] must be m_{k} x m_{k - 1} with m_{k - 1} = {W[k - 2].shape[0]}, got {W[k - 1].shape}")
    if W[-1].shape[0] != 1:
        raise ValueError(f"eq. 2.12: the output layer must have m_r = 1, got {W[-1].shape[0]}")
    return W, b


def vector(x, W):
    """x ∈ R^d with d = m_0, the width W^[1] expects."""
    x = np.array(x, dtype=np.float64, ndmin=1)
    if x.shape != (W[0].shape[1],):
        raise ValueError(f"eq. 2.12: x must have d = {W[0].shape[1]} entries, got shape {x.shape}")
    return x


def examples(data, W):
    """The data set of eq. 1.2: n >= 1 examples x^(i) with targets y^(i)."""
    X, y = data["X"], data["y"]
    if len(X) == 0 or len(X) != len(y):
        raise ValueError(f"eq. 1.2: the data set needs n >= 1 examples and one y per x, got {len(X)} x and {len(y)} y")
    return [(vector(x, W), float(t)) for x, t in zip(X, y)]


def indices(batch, n):
    """A batch j_1..j_B (eq. 1.5): B >= 1 integers, 0-based (the notes' j is index j - 1)."""
    if len(batch) == 0:
        raise ValueError("eq. 1.5: a batch needs B >= 1 indices, got none")
    for j in batch:
        if not float(j).is_integer() or not 0 <= j < n:
            raise ValueError(f"eq. 1.5: index {j} is out of range 0..{n - 1}")
    return [int(j) for j in batch]


# ---- The mathematics -----------------------------------------------------------------------

def forward(W, b, sigma, x):
    """Eq. 2.12-2.13: z^[k] = W^[k] a^[k-1] + b^[k]; a^[k] = σ(z^[k]) for k < r, a^[r] = z^[r] (linear last layer).

    Returns z and a indexed by the layer as in the notes: z[k] = z^[k], a[k] = a^[k], a[0] = x (z[0] unused).
    W and b keep the protocol's indexing: W[k-1] = W^[k].
    """
    r = len(W)
    z, a = [None], [x]
    for k in range(1, r + 1):
        z.append(W[k - 1] @ a[k - 1] + b[k - 1])
        a.append(sigma(z[k]) if k < r else z[k])
    return z, a


def output(W, b, sigma, x):
    """h_θ(x) = a^[r], the one entry of the last layer (m_r = 1)."""
    return float(forward(W, b, sigma, x)[1][-1][0])


def gradient(W, b, act, x, y):
    """Algorithm 5 as corrected (spec/errata.md): ∇_θ J for J = ½(h_θ(x) - y)², in the shape of θ.
    delta[k] = δ^[k]; dW[k-1], db[k-1] = ∂J/∂W^[k], ∂J/∂b^[k] (the shape of W^[k], b^[k])."""
    sigma, sigma_prime = act
    r = len(W)
    z, a = forward(W, b, sigma, x)  # line 1: the forward pass, stored
    delta, dW, db = [None] * (r + 1), [None] * r, [None] * r
    delta[r] = z[r] - y  # line 2: δ^[r] = ∂J/∂z^[r] = z^[r] - y
    for k in range(r - 1, -1, -1):  # line 3: k = r-1 down to 0
        if k >= 1:
            delta[k] = (W[k].T @ delta[k + 1]) * sigma_prime(z[k])  # line 4: δ^[k] = (W^[k+1]ᵀ δ^[k+1]) ⊙ σ'(z^[k])
        dW[k] = np.outer(delta[k + 1], a[k])  # line 5: ∂J/∂W^[k+1] = δ^[k+1] a^[k]ᵀ (eq. 3.13)
        db[k] = delta[k + 1]  # line 5: ∂J/∂b^[k+1] = δ^[k+1] (eq. 3.14)
    return dW, db


def gradient_sum(W, b, act, data, batch):
    """Σ_{j in batch} ∇J^(j)(θ), layer by layer, summed in batch order."""
    grads = [gradient(W, b, act, *data[j]) for j in batch]
    return [sum(g[0][k] for g in grads) for k in range(len(W))], [sum(g[1][k] for g in grads) for k in range(len(b))]


def mean_gradient(W, b, act, data, batch):
    """Eq. 1.5: (1/B) Σ_{j in batch} ∇J^(j)(θ)."""
    dW, db = gradient_sum(W, b, act, data, batch)
    B = len(batch)
    return [g / B for g in dW], [g / B for g in db]


def losses(W, b, sigma, data):
    """Eq. 1.1: J^(i) = ½(h_θ(x^(i)) - y^(i))² for every example."""
    return [0.5 * (output(W, b, sigma, x) - y) ** 2 for x, y in data]


def step(W, b, dW, db, alpha):
    """θ := θ - α g (eq. 1.3-1.5 with the gradient g each of them names)."""
    return [w - alpha * g for w, g in zip(W, dW)], [v - alpha * g for v, g in zip(b, db)]


# ---- The operations of spec/protocol.md section 4: request dict in, plain data out ----------

def problem(request):
    W, b = parameters(request["params"])
    return W, b, activation(request["activation"])


def theta(W, b):
    return {"W": W, "b": b}


def op_forward(request):
    W, b, (sigma, _) = problem(request)
    z, a = forward(W, b, sigma, vector(request["x"], W))
    return {"z": z[1:], "a": a[1:], "output": float(a[-1][0])}


def op_loss(request):
    W, b, (sigma, _) = problem(request)
    per_example = losses(W, b, sigma, examples(request["data"], W))
    return {"perExample": per_example, "mean": sum(per_example) / len(per_example)}  # eq. 1.2: (1/n) Σ J^(i)


def op_gradient(request):
    W, b, act = problem(request)
    return theta(*gradient(W, b, act, vector(request["x"], W), float(request["y"])))


def op_mean_gradient(request):
    W, b, act = problem(request)
    data = examples(request["data"], W)
    return theta(*mean_gradient(W, b, act, data, indices(request["batch"], len(data))))


def op_gd_step(request):
    """Eq. 1.3: θ - α ∇J(θ), ∇J the mean over all n examples (eq. 1.2)."""
    W, b, act = problem(request)
    data = examples(request["data"], W)
    return theta(*step(W, b, *mean_gradient(W, b, act, data, range(len(data))), request["alpha"]))


def op_sgd_step(request):
    """Eq. 1.4: θ - α ∇J^(j)(θ) for the one example `index`."""
    W, b, act = problem(request)
    data = examples(request["data"], W)
    [j] = indices([request["index"]], len(data))
    return theta(*step(W, b, *gradient(W, b, act, *data[j]), request["alpha"]))


def op_minibatch_step(request):
    """Eq. 1.5: θ - (α/B) Σ_{j in batch} ∇J^(j)(θ)."""
    W, b, act = problem(request)
    data = examples(request["data"], W)
    return theta(*step(W, b, *mean_gradient(W, b, act, data, indices(request["batch"], len(data))), request["alpha"]))


def op_train(request):
    """Algorithm 2's loop on the given batches: one eq. 1.5 step each, then J(θ) on all the data (eq. 1.2)."""
    W, b, act = problem(request)
    data = examples(request["data"], W)
    history = []
    for batch in request["batches"]:
        W, b = step(W, b, *mean_gradient(W, b, act, data, indices(batch, len(data))), request["alpha"])
        per_example = losses(W, b, act[0], data)
        history.append(sum(per_example) / len(per_example))
    return {"params": theta(W, b), "losses": history}


def op_forward_batch(request):
    """Section 4: all B examples at once, θ in the notes' orientation in both layouts.
    'columns': X is d×B, Z^[k] = W^[k] A^[k-1] + b^[k] with b broadcast along the columns (eq. 4.1-4.3).
    'rows': X is B×d, Z^[k] = A^[k-1] W^[k]ᵀ + b^[k]ᵀ with b broadcast along the rows (eq. 4.4)."""
    W, b, (sigma, _) = problem(request)
    layout = request["layout"]
    if layout not in ("columns", "rows"):
        raise ValueError(f"section 4: layout must be 'columns' or 'rows', got {layout!r}")
    A = np.array(request["X"], dtype=np.float64, ndmin=2)
    d = A.shape[0] if layout == "columns" else A.shape[1]
    if d != W[0].shape[1]:
        raise ValueError(f"eq. 4.1: X must hold d = {W[0].shape[1]} numbers per example ({layout}), got {d}")
    Zs, As = [], []
    for k in range(1, len(W) + 1):
        if layout == "columns":
            Z = W[k - 1] @ A + b[k - 1][:, None]
        else:
            Z = A @ W[k - 1].T + b[k - 1][None, :]
        A = sigma(Z) if k < len(W) else Z  # the last layer is linear (eq. 2.12)
        Zs.append(Z)
        As.append(A)
    return {"Z": Zs, "A": As}


def op_initialize(request):
    """Algorithms 1-2 line 2: θ at random, entries uniform in ±1/sqrt(m_{k-1}); same seed, same θ."""
    sizes, rng = request["sizes"], np.random.default_rng(request["seed"])
    if len(sizes) < 2 or sizes[-1] != 1 or any(int(m) != m or m < 1 for m in sizes):
        raise ValueError(f"eq. 2.12: sizes must be [d, m_1, ..., m_r] with positive integers and m_r = 1, got {sizes}")
    layers = [(int(m), int(fan_in)) for fan_in, m in zip(sizes, sizes[1:])]
    W = [rng.uniform(-1, 1, size=(m, fan_in)) / np.sqrt(fan_in) for m, fan_in in layers]
    b = [rng.uniform(-1, 1, size=m) / np.sqrt(fan_in) for m, fan_in in layers]
    return theta(W, b)


def op_sample_batch(request):
    """Algorithm 2 line 4: B distinct indices, uniformly, without replacement; same seed, same batch."""
    n, B = request["n"], request["B"]
    if int(n) != n or int(B) != B or not 1 <= B <= n:
        raise ValueError(f"Algorithm 2 line 4: need integers 1 <= B <= n, got n = {n}, B = {B}")
    return np.random.default_rng(request["seed"]).choice(int(n), size=int(B), replace=False)


INFO = {
    "name": "numpy-mlp (examples/python)",
    "dtype": "float64",
    "activations": list(ACTIVATIONS),
    "conventions": {"reluPrimeAtZero": 1},
}

OPERATIONS = {
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

if __name__ == "__main__":
    serve(INFO, OPERATIONS)
