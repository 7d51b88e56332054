"""numpy peer of `npm run bench`: the same SGD step as accelerated/model.ts, written by hand.

Usage: python3 numpy_step.py DATA_DIR TIMING_JSON SQUARE_SIZE
Reads the bench data (scripts/bench/data.ts: meta.json and little-endian float32 files), times
one mini-batch SGD step (eq. 1.5) of the row-major network (eq. 4.4) with Algorithm 5 vectorized
by hand, the forward pass alone and forward + backward, plus float32 matmul rates (an n^3 product
and the step's own products), all in float32, and prints one JSON object.
The timing procedure is the one of scripts/bench/timing.ts.
"""
import glob
import json
import os
import resource
import sys
import time

import numpy as np


def blas_info():
    """Which BLAS numpy calls and which kernel it picked (threadpoolctl if present)."""
    info = {"numpy": np.__version__}
    try:
        import threadpoolctl  # type: ignore

        info["threadpoolctl"] = threadpoolctl.threadpool_info()
        return info
    except ImportError:
        pass
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        info["blas"] = {k: blas.get(k) for k in ("name", "version", "openblas configuration")}
    except Exception as error:  # older numpy: no mode="dicts"
        info["blas"] = repr(error)
    try:  # the kernel OpenBLAS chose at run time (DYNAMIC_ARCH builds), via the bundled library
        import ctypes

        libs = glob.glob(os.path.join(os.path.dirname(np.__file__), "..", "numpy.libs", "*openblas*"))
        for path in libs:
            lib = ctypes.CDLL(path)
            for name in ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename", "openblas_get_corename"):
                if hasattr(lib, name):
                    fn = getattr(lib, name)
                    fn.restype = ctypes.c_char_p
                    info["coretype"] = fn().decode()
                    break
            for name in ("scipy_openblas_get_num_threads64_", "scipy_openblas_get_num_threads", "openblas_get_num_threads"):
                if hasattr(lib, name):
                    info["threads"] = int(getattr(lib, name)())
                    break
    except Exception as error:
        info["coretypeError"] = repr(error)
    info["env"] = {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_")}
    return info


def time_it(fn, timing):
    """scripts/bench/timing.ts#timeIt: the per-call times of the samples summarized as its Timing."""
    now = time.perf_counter
    start = now()
    while True:
        t0 = now()
        fn()
        last = (now() - t0) * 1e3
        if (now() - start) * 1e3 >= timing["warmupMs"]:
            break
    calls = max(1, round(timing["targetSampleMs"] / max(last, 1e-3)))
    samples = []
    sampling = now()
    while len(samples) < timing["maxSamples"] and (
        len(samples) < timing["minSamples"] or (now() - sampling) * 1e3 < timing["budgetMs"]
    ):
        t0 = now()
        for _ in range(calls):
            fn()
        samples.append((now() - t0) * 1e3 / calls)
    q1, med, q3 = (float(q) for q in np.quantile(samples, [0.25, 0.5, 0.75]))
    return {"medianMs": med, "minMs": float(min(samples)), "q1Ms": q1, "q3Ms": q3, "maxMs": float(max(samples)), "samples": len(samples), "callsPerSample": calls}


def load(data_dir):
    with open(os.path.join(data_dir, "meta.json")) as f:
        meta = json.load(f)
    sizes = meta["network"]["sizes"]
    batch = meta["network"]["batch"]
    r = len(sizes) - 1

    def read(name, shape):
        return np.fromfile(os.path.join(data_dir, name), dtype="<f4").reshape(shape)

    X = read("X.f32", (batch, sizes[0]))
    Y = read("y.f32", (batch, 1))
    W = [read(f"W{k}.f32", (sizes[k - 1], sizes[k])) for k in range(1, r + 1)]
    b = [read(f"b{k}.f32", (1, sizes[k])) for k in range(1, r + 1)]
    return meta, X, Y, W, b


def forward(W, b, X):
    """Eq. 4.4 for every layer: Z[k] = A[k-1] W[k] + b[k], A[k] = ReLU(Z[k]) for k < r, A[r] = Z[r]."""
    r = len(W)
    A, Z = [X], [None]
    for k in range(1, r + 1):
        Z.append(A[k - 1] @ W[k - 1] + b[k - 1])
        A.append(np.maximum(Z[k], 0) if k < r else Z[k])
    return Z, A


def backprop(W, b, X, Y):
    """Algorithm 5 vectorized over the rows (as accelerated/model.ts#backpropRows), ReLU'(z) = 1{z >= 0}."""
    Z, A = forward(W, b, X)
    r = len(W)
    B = X.shape[0]
    dW, db = [None] * r, [None] * r
    delta = (Z[r] - Y) / np.float32(B)
    for k in range(r, 0, -1):
        dW[k - 1] = A[k - 1].T @ delta
        db[k - 1] = delta.sum(axis=0, keepdims=True)
        if k > 1:
            delta = (delta @ W[k - 1].T) * (Z[k - 1] >= 0)
    return dW, db


def main():
    data_dir, timing_json, square = sys.argv[1], sys.argv[2], int(sys.argv[3])
    timing = json.loads(timing_json)
    meta, X, Y, W, b = load(data_dir)
    alpha = np.float32(meta["alpha"])

    def step():
        dW, db = backprop(W, b, X, Y)
        for k in range(len(W)):
            W[k] -= alpha * dW[k]
            b[k] -= alpha * db[k]

    timings = {"step": time_it(step, timing)}
    timings["forward"] = time_it(lambda: forward(W, b, X), timing)
    timings["forwardBackward"] = time_it(lambda: backprop(W, b, X, Y), timing)
    assert W[0].dtype == np.float32 and b[0].dtype == np.float32

    rng = np.random.default_rng(1)

    def rate(products):
        operands = [(rng.uniform(-1, 1, (p, q)).astype(np.float32), rng.uniform(-1, 1, (q, s)).astype(np.float32)) for p, q, s in products]

        def run():
            for a, c in operands:
                a @ c

        return sum(2 * p * q * s for p, q, s in products) / time_it(run, timing)["medianMs"] / 1e6

    square_rate = rate([(square, square, square)]) if square > 0 else None
    layer_rate = rate([tuple(s) for s in meta["matmulShapes"]])
    print(json.dumps({
        "kind": "step",
        "implementation": "numpy",
        "backend": "numpy",
        "start": {"threads": blas_info().get("threads", 1)},
        "network": meta["network"],
        "stepMs": timings["step"]["medianMs"],
        "bestStepMs": timings["step"]["minMs"],
        "forwardMs": timings["forward"]["medianMs"],
        "forwardBackwardMs": timings["forwardBackward"]["medianMs"],
        "timings": timings,
        "tensorsLeaked": 0,
        "rssAtStartMB": None,
        "peakRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "matmul": {"square": None if square_rate is None else {"size": square, "gflops": square_rate}, "layerShaped": layer_rate},
        "blas": blas_info(),
        "notes": "handwritten Algorithm 5 in float32; the child runs with OPENBLAS_CORETYPE/L2_SIZE unset and glibc malloc thresholds raised (scripts/bench.ts#NUMPY_ENV)",
    }))


if __name__ == "__main__":
    main()
