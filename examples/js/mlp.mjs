#!/usr/bin/env node
/**
 * The CS229 deep-learning notes in plain JavaScript (Node, no dependencies, float64 numbers, the
 * notes' column convention), speaking the conformance protocol (spec/protocol.md) on stdin/stdout.
 *
 *   npm run verify -- -- node examples/js/mlp.mjs
 *
 * θ: W[k-1] = W^[k] as m_k rows of m_{k-1} numbers, b[k-1] = b^[k] as m_k numbers (eq. 2.12).
 * The file has two parts: the mathematics, then a small protocol loop (the end of the file).
 */
import { createInterface } from 'node:readline';

// ---- Linear algebra on arrays (a vector is an array, a matrix an array of rows) ---------------

/** W v: row i is w_iᵀ v, summed left to right. */
const matVec = (W, v) => W.map((row) => row.reduce((s, w, j) => s + w * v[j], 0));
/** Wᵀ v without forming Wᵀ: entry j is Σ_i W[i][j] v[i]. */
const matTVec = (W, v) => W[0].map((_, j) => W.reduce((s, row, i) => s + row[j] * v[i], 0));
const add = (u, v) => u.map((x, i) => x + v[i]);
const outer = (u, v) => u.map((x) => v.map((y) => x * y));
const transpose = (M) => M[0].map((_, j) => M.map((row) => row[j]));
/** f(u, v) entry by entry over two values of the same shape: numbers, arrays, or θ's {W, b}. */
function combine(u, v, f) {
  if (Array.isArray(u)) return u.map((x, i) => combine(x, v[i], f));
  if (typeof u === 'object') return { W: combine(u.W, v.W, f), b: combine(u.b, v.b, f) };
  return f(u, v);
}
const mapEntries = (u, f) => combine(u, u, (x) => f(x));

// ---- Activations (eq. 2.14) and their derivatives (eq. 3.15) ----------------------------------

/** Eq. 2.14 with e^{-|z|} ≤ 1, so |z| = 1000 gives 0 or 1, never Infinity / Infinity. */
function sigmoid(z) {
  const e = Math.exp(-Math.abs(z));
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}

const ACTIVATIONS = {
  relu: [(z) => Math.max(z, 0), (z) => (z >= 0 ? 1 : 0)], // ReLU'(0) = 1: the notes' 1{z ≥ 0}
  sigmoid: [sigmoid, (z) => sigmoid(z) * (1 - sigmoid(z))],
  tanh: [Math.tanh, (z) => 1 - Math.tanh(z) ** 2],
  identity: [(z) => z, () => 1],
};

class Unsupported extends Error {}
class Invalid extends Error {}

function activation(name) {
  if (!Object.hasOwn(ACTIVATIONS, name)) throw new Unsupported(`activation ${JSON.stringify(name)} is not implemented`);
  return ACTIVATIONS[name];
}

// ---- Reading requests ---------------------------------------------------------------------------

/** θ, checked against eq. 2.12's shapes: W^[k] is m_k × m_{k-1}, b^[k] has m_k entries, m_r = 1. */
function parameters({ W, b }) {
  if (!Array.isArray(W) || W.length === 0 || !Array.isArray(b) || W.length !== b.length) {
    throw new Invalid('eq. 2.12: θ needs r >= 1 layers with one W and one b each');
  }
  W.forEach((Wk, i) => {
    const k = i + 1;
    const cols = i === 0 ? Wk[0]?.length : W[i - 1].length;
    if (!Array.isArray(Wk) || Wk.length === 0 || Wk.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new Invalid(`eq. 2.12: W[${k}] must be m_${k} rows of m_${k - 1} = ${cols} numbers`);
    }
    if (!Array.isArray(b[i]) || b[i].length !== Wk.length) throw new Invalid(`eq. 2.12: b[${k}] must have m_${k} = ${Wk.length} entries`);
  });
  if (W.at(-1).length !== 1) throw new Invalid(`eq. 2.12: the output layer must have m_r = 1, got ${W.at(-1).length}`);
  return { W, b };
}

function vector(x, { W }) {
  const d = W[0][0].length;
  if (!Array.isArray(x) || x.length !== d) throw new Invalid(`eq. 2.12: x must have d = ${d} entries, got ${x?.length}`);
  return x;
}

/** The data set of eq. 1.2 as [x, y] pairs; n ≥ 1. */
function examples({ X, y }, theta) {
  if (!Array.isArray(X) || X.length === 0 || X.length !== y?.length) throw new Invalid('eq. 1.2: the data set needs n >= 1 examples and one y per x');
  return X.map((x, i) => [vector(x, theta), y[i]]);
}

/** A batch j_1..j_B of eq. 1.5: B ≥ 1 integer indices, 0-based (the notes' j is index j − 1). */
function indices(batch, n) {
  if (!Array.isArray(batch) || batch.length === 0) throw new Invalid('eq. 1.5: a batch needs B >= 1 indices, got none');
  for (const j of batch) if (!Number.isInteger(j) || j < 0 || j >= n) throw new Invalid(`eq. 1.5: index ${j} is out of range 0..${n - 1}`);
  return batch;
}

// ---- The mathematics -------------------------------------------------------------------------

/**
 * Eq. 2.12-2.13: z^[k] = W^[k] a^[k-1] + b^[k]; a^[k] = σ(z^[k]) for k < r, a^[r] = z^[r] (linear).
 * z and a are indexed by layer as in the notes: z[k] = z^[k], a[k] = a^[k], a[0] = x (z[0] unused);
 * W and b keep the protocol's indexing, W[k-1] = W^[k].
 */
function forward({ W, b }, [sigma], x) {
  const r = W.length;
  const z = [undefined];
  const a = [x];
  for (let k = 1; k <= r; k++) {
    z[k] = add(matVec(W[k - 1], a[k - 1]), b[k - 1]);
    a[k] = k < r ? z[k].map(sigma) : z[k];
  }
  return { z, a };
}

/** h_θ(x) = a^[r], the one entry of the last layer (m_r = 1). */
const output = (theta, act, x) => forward(theta, act, x).a.at(-1)[0];

/**
 * Algorithm 5 as corrected (spec/errata.md): ∇_θ J for J = ½(h_θ(x) − y)², in the shape of θ.
 * delta[k] = δ^[k]; dW[k-1], db[k-1] = ∂J/∂W^[k], ∂J/∂b^[k].
 */
function gradient(theta, act, x, y) {
  const [, sigmaPrime] = act;
  const { W } = theta;
  const r = W.length;
  const { z, a } = forward(theta, act, x); // line 1: the forward pass, stored
  const delta = [];
  const dW = [];
  const db = [];
  delta[r] = z[r].map((o) => o - y); // line 2: δ^[r] = ∂J/∂z^[r] = z^[r] − y
  for (let k = r - 1; k >= 0; k--) {
    // line 3: k = r−1 down to 0
    if (k >= 1) delta[k] = matTVec(W[k], delta[k + 1]).map((v, i) => v * sigmaPrime(z[k][i])); // line 4: δ^[k] = (W^[k+1]ᵀ δ^[k+1]) ⊙ σ'(z^[k])
    dW[k] = outer(delta[k + 1], a[k]); // line 5: ∂J/∂W^[k+1] = δ^[k+1] a^[k]ᵀ (eq. 3.13)
    db[k] = delta[k + 1]; // line 5: ∂J/∂b^[k+1] = δ^[k+1] (eq. 3.14)
  }
  return { W: dW, b: db };
}

/** Eq. 1.5: (1/B) Σ_{j ∈ batch} ∇J^(j)(θ), summed in batch order. */
function meanGradient(theta, act, data, batch) {
  const sum = batch.map((j) => gradient(theta, act, ...data[j])).reduce((s, g) => combine(s, g, (u, v) => u + v));
  return mapEntries(sum, (v) => v / batch.length);
}

/** Eq. 1.1 for every example: J^(i) = ½(h_θ(x^(i)) − y^(i))². */
const losses = (theta, act, data) => data.map(([x, y]) => 0.5 * (output(theta, act, x) - y) ** 2);
/** Eq. 1.2: J = (1/n) Σ J^(i). */
const mean = (values) => values.reduce((s, v) => s + v, 0) / values.length;
/** θ := θ − α g (eq. 1.3-1.5, g the gradient each of them names). */
const step = (theta, g, alpha) => combine(theta, g, (t, v) => t - alpha * v);

// ---- Deterministic randomness for initialize and sampleBatch ----------------------------------

/** mulberry32: a small 32-bit generator; uniform in [0, 1) with 53 random bits from two draws. */
function generator(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}

// ---- The operations of spec/protocol.md section 4 ------------------------------------------------

const problem = (request) => [parameters(request.params), activation(request.activation)];

const OPERATIONS = {
  forward(request) {
    const [theta, act] = problem(request);
    const { z, a } = forward(theta, act, vector(request.x, theta));
    return { z: z.slice(1), a: a.slice(1), output: a.at(-1)[0] };
  },
  loss(request) {
    const [theta, act] = problem(request);
    const perExample = losses(theta, act, examples(request.data, theta));
    return { perExample, mean: mean(perExample) };
  },
  gradient(request) {
    const [theta, act] = problem(request);
    return gradient(theta, act, vector(request.x, theta), request.y);
  },
  meanGradient(request) {
    const [theta, act] = problem(request);
    const data = examples(request.data, theta);
    return meanGradient(theta, act, data, indices(request.batch, data.length));
  },
  /** Eq. 1.3: θ − α ∇J(θ), the mean gradient over all n examples. */
  gdStep(request) {
    const [theta, act] = problem(request);
    const data = examples(request.data, theta);
    return step(
      theta,
      meanGradient(
        theta,
        act,
        data,
        data.map((_, i) => i),
      ),
      request.alpha,
    );
  },
  /** Eq. 1.4: θ − α ∇J^(j)(θ) for the one example `index`. */
  sgdStep(request) {
    const [theta, act] = problem(request);
    const data = examples(request.data, theta);
    const [j] = indices([request.index], data.length);
    return step(theta, gradient(theta, act, ...data[j]), request.alpha);
  },
  /** Eq. 1.5: θ − (α/B) Σ_{j ∈ batch} ∇J^(j)(θ). */
  minibatchStep(request) {
    const [theta, act] = problem(request);
    const data = examples(request.data, theta);
    return step(theta, meanGradient(theta, act, data, indices(request.batch, data.length)), request.alpha);
  },
  /** Algorithm 2's loop on the given batches: one eq. 1.5 step each, then J(θ) on all the data. */
  train(request) {
    let [theta, act] = problem(request);
    const data = examples(request.data, theta);
    const history = [];
    for (const batch of request.batches) {
      theta = step(theta, meanGradient(theta, act, data, indices(batch, data.length)), request.alpha);
      history.push(mean(losses(theta, act, data)));
    }
    return { params: theta, losses: history };
  },
  /**
   * Section 4, all B examples at once: the columns of X (eq. 4.1) or its rows (eq. 4.4) are the
   * examples. Column j of Z^[k] = W^[k] X + b̃^[k] (eq. 4.2-4.3) is z^[k] of example j, so each
   * example goes through `forward`, and the layout only decides whether Z^[k] is m_k×B or B×m_k.
   */
  forwardBatch(request) {
    const [theta, act] = problem(request);
    if (request.layout !== 'columns' && request.layout !== 'rows')
      throw new Invalid(`section 4: layout must be 'columns' or 'rows', got ${JSON.stringify(request.layout)}`);
    const orient = request.layout === 'rows' ? (M) => M : transpose; // B×m_k ↔ m_k×B
    const passes = orient(request.X).map((x) => forward(theta, act, vector(x, theta)));
    // passes.map(p => p.z[k]) is B×m_k: row j holds z^[k+1] of example j
    return {
      Z: theta.W.map((_, k) => orient(passes.map((p) => p.z[k + 1]))),
      A: theta.W.map((_, k) => orient(passes.map((p) => p.a[k + 1]))),
    };
  },
  /** Algorithms 1-2 line 2: entries uniform in ±1/sqrt(m_{k-1}); same seed, same θ. */
  initialize({ sizes, seed }) {
    if (!Array.isArray(sizes) || sizes.length < 2 || sizes.at(-1) !== 1 || sizes.some((m) => !Number.isInteger(m) || m < 1)) {
      throw new Invalid(`eq. 2.12: sizes must be [d, m_1, ..., m_r] with positive integers and m_r = 1, got ${JSON.stringify(sizes)}`);
    }
    const uniform = generator(seed);
    const draw = (fanIn) => (2 * uniform() - 1) / Math.sqrt(fanIn);
    const layers = sizes.slice(1).map((m, k) => [m, sizes[k]]);
    return {
      W: layers.map(([m, fanIn]) => Array.from({ length: m }, () => Array.from({ length: fanIn }, () => draw(fanIn)))),
      b: layers.map(([m, fanIn]) => Array.from({ length: m }, () => draw(fanIn))),
    };
  },
  /** Algorithm 2 line 4: B distinct indices, uniformly without replacement (a partial Fisher-Yates shuffle). */
  sampleBatch({ n, B, seed }) {
    if (!Number.isInteger(n) || !Number.isInteger(B) || B < 1 || B > n)
      throw new Invalid(`Algorithm 2 line 4: need integers 1 <= B <= n, got n = ${n}, B = ${B}`);
    const uniform = generator(seed);
    const pool = Array.from({ length: n }, (_, i) => i);
    for (let t = 0; t < B; t++) {
      const s = t + Math.floor(uniform() * (n - t));
      [pool[t], pool[s]] = [pool[s], pool[t]];
    }
    return pool.slice(0, B);
  },
};

// ---- The protocol loop (spec/protocol.md sections 1-3) -----------------------------------------

const HANDSHAKE = {
  protocol: 1,
  name: 'plain-js-mlp (examples/js)',
  dtype: 'float64',
  activations: Object.keys(ACTIVATIONS),
  operations: Object.keys(OPERATIONS),
  conventions: { reluPrimeAtZero: 1 },
};

/** Section 4: JSON has no NaN or infinities (JSON.stringify would write null): send them as strings. */
const finiteOrString = (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? (Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity') : v);

function answer({ id, op, request }) {
  try {
    if (op === 'handshake') return { id, result: HANDSHAKE };
    if (!Object.hasOwn(OPERATIONS, op)) throw new Unsupported(`${op} is not implemented`);
    return { id, result: OPERATIONS[op](request ?? {}) };
  } catch (error) {
    const code = error instanceof Unsupported ? 'unsupported' : error instanceof Invalid || error instanceof TypeError ? 'invalid' : 'internal';
    return { id, error: { code, message: error.message } };
  }
}

function parse(line) {
  try {
    return JSON.parse(line);
  } catch (error) {
    return { id: null, op: 'not JSON', error };
  }
}

// Writes to a pipe are synchronous in Node on Linux and macOS, so every answer is out when write returns.
createInterface({ input: process.stdin, crlfDelay: Infinity }).on('line', (line) => {
  if (line.trim() === '') return;
  const message = parse(line);
  if (message.op === 'shutdown') process.exit(0); // section 1: exit promptly with status 0
  const reply = message.error ? { id: null, error: { code: 'invalid', message: `not JSON: ${message.error.message}` } } : answer(message);
  process.stdout.write(`${JSON.stringify(reply, finiteOrString)}\n`); // one line per answer; logs go to stderr
});
