/**
 * Checks of the random parts of Algorithms 1 and 2: `initialize` (line 2: θ at random, with the
 * shapes of eq. 2.12, finite, symmetry broken, reproducible from its seed) and `sampleBatch`
 * (line 4: B distinct indices drawn uniformly from the n examples; B = 1 is Algorithm 1's j).
 */
import { type Check, type CheckContext, CheckFailure, type Mismatch } from '../../core/check.js';
import type { NetParams, OperationName } from '../../core/interface.js';
import { quoteOf } from '../../core/quote.js';
import { inclusionCountRange, SAMPLING_FALSE_ALARM } from '../../oracles/tolerances.js';

/** Layer sizes [d, m_1, ..., 1]: non-square, width 1, depth 1, depth 5, wide. */
export const LAYER_SIZES: readonly (readonly number[])[] = [
  [3, 5, 2, 1],
  [1, 1, 1, 1],
  [4, 1],
  [2, 3, 4, 3, 2, 1],
  [6, 8, 1],
];

const INIT = 'alg2.line2';

function failWith(specId: string, operation: OperationName, message: string, mismatch: Omit<Mismatch, 'specId' | 'operation'>, request: unknown): never {
  throw new CheckFailure(`${specId}: ${operation} ${message}`, { specId, operation, ...mismatch }, { operation, request });
}

const shape = (M: unknown): string => (Array.isArray(M) ? `${M.length}x${Array.isArray(M[0]) ? M[0].length : '?'}` : String(M));

/** W^{[k]} is m_k rows of m_{k−1} finite numbers, b^{[k]} m_k finite numbers (eq. 2.12), k = 1..r. */
function expectShapes(sizes: readonly number[], theta: NetParams, request: unknown): void {
  const r = sizes.length - 1;
  if (!Array.isArray(theta?.W) || !Array.isArray(theta?.b) || theta.W.length !== r || theta.b.length !== r) {
    failWith(
      INIT,
      'initialize',
      `must return {W, b} with r = ${r} layers each for sizes [${sizes.join(', ')}]`,
      { quantity: 'θ', expected: `${r} layers`, got: `W: ${theta?.W?.length}, b: ${theta?.b?.length}` },
      request,
    );
  }
  for (let k = 1; k <= r; k++) {
    const [rows, cols] = [sizes[k]!, sizes[k - 1]!];
    const W = theta.W[k - 1];
    const b = theta.b[k - 1];
    if (!Array.isArray(W) || W.length !== rows || !W.every((row) => Array.isArray(row) && row.length === cols)) {
      failWith(
        INIT,
        'initialize',
        `W[${k}] must be m${k} x m${k - 1} = ${rows}x${cols}, got ${shape(W)}`,
        { quantity: `W[${k}]`, layer: k, expected: `${rows}x${cols}`, got: shape(W) },
        request,
      );
    }
    if (!Array.isArray(b) || b.length !== rows) {
      failWith(
        INIT,
        'initialize',
        `b[${k}] must have m${k} = ${rows} entries, got ${Array.isArray(b) ? b.length : String(b)}`,
        { quantity: `b[${k}]`, layer: k, expected: `${rows} entries`, got: String(Array.isArray(b) ? b.length : b) },
        request,
      );
    }
    const entries: [string, readonly number[], (j: number) => number[]][] = [
      ...W.map((row, i): [string, readonly number[], (j: number) => number[]] => [`W[${k}]`, row, (j) => [i + 1, j + 1]]),
      [`b[${k}]`, b, (j) => [j + 1]],
    ];
    for (const [quantity, values, element] of entries) {
      values.forEach((v, j) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          failWith(
            INIT,
            'initialize',
            `${quantity} entry (${element(j).join(',')}) must be a finite number, got ${String(v)}`,
            { quantity, layer: k, element: element(j), expected: 'a finite number', got: String(v) },
            request,
          );
        }
      });
    }
  }
}

/**
 * Symmetry breaking: units of one layer with equal incoming weights and biases compute the same
 * function and receive the same gradient forever (Algorithm 5), so "initialize θ randomly" must
 * not make them all equal. For every layer with m_k ≥ 2 the units (rows of [W^{[k]} | b^{[k]}])
 * must not all coincide, and no W^{[k]} with two or more entries may be constant. A continuous
 * random draw violates either with probability 0.
 */
function expectSymmetryBroken(theta: NetParams, request: unknown): void {
  theta.W.forEach((W, index) => {
    const k = index + 1;
    const entries = W.flat();
    if (entries.length >= 2 && entries.every((v) => v === entries[0])) {
      failWith(
        INIT,
        'initialize',
        `W[${k}] has every entry equal to ${entries[0]}: symmetry is not broken`,
        { quantity: `W[${k}]`, layer: k, expected: 'entries not all equal', got: `all ${entries[0]}` },
        request,
      );
    }
    const unit = (i: number): string => JSON.stringify([...W[i]!, theta.b[index]![i]]);
    if (W.length >= 2 && W.every((_, i) => unit(i) === unit(0))) {
      failWith(
        INIT,
        'initialize',
        `the ${W.length} units of layer ${k} have identical weights and biases ${unit(0)}: symmetry is not broken`,
        { quantity: `W[${k}]`, layer: k, expected: 'units not all identical', got: `every row of [W|b] = ${unit(0)}` },
        request,
      );
    }
  });
}

/** The first entry where two θ differ (k from r down, b before W), or undefined when bit-identical. */
function firstDifference(a: NetParams, b: NetParams): { quantity: string; layer: number; element: number[]; was: number; now: number } | undefined {
  for (let k = a.W.length; k >= 1; k--) {
    const bias = a.b[k - 1]!.findIndex((v, i) => !Object.is(v, b.b[k - 1]![i]));
    if (bias >= 0) return { quantity: `b[${k}]`, layer: k, element: [bias + 1], was: a.b[k - 1]![bias]!, now: b.b[k - 1]![bias]! };
    for (const [i, row] of a.W[k - 1]!.entries()) {
      const j = row.findIndex((v, jj) => !Object.is(v, b.W[k - 1]![i]![jj]));
      if (j >= 0) return { quantity: `W[${k}]`, layer: k, element: [i + 1, j + 1], was: row[j]!, now: b.W[k - 1]![i]![j]! };
    }
  }
  return undefined;
}

const initialize = async (ctx: CheckContext, sizes: readonly number[], seed: number): Promise<NetParams> => {
  const request = { sizes, seed };
  const theta = await ctx.call('initialize', request);
  expectShapes(sizes, theta, request);
  return theta;
};

/** The specification's name for line 4: Algorithm 1's j when B = 1, Algorithm 2's j_1..j_B otherwise. */
const lineFor = (B: number): string => (B === 1 ? 'alg1.line4' : 'alg2.line4');

/** B integers in 0..n−1 (the notes' {1..n}, 0-based), pairwise distinct (without replacement). */
async function sample(ctx: CheckContext, n: number, B: number, seed: number): Promise<readonly number[]> {
  const request = { n, B, seed };
  const batch = await ctx.call('sampleBatch', request);
  const specId = lineFor(B);
  if (!Array.isArray(batch) || batch.length !== B) {
    failWith(
      specId,
      'sampleBatch',
      `must return B = ${B} indices out of n = ${n}, got ${JSON.stringify(batch)}`,
      { quantity: 'j_1..j_B', expected: `${B} indices`, got: JSON.stringify(batch) },
      request,
    );
  }
  batch.forEach((j, k) => {
    const element = [k + 1];
    if (!Number.isInteger(j) || j < 0 || j >= n) {
      failWith(
        specId,
        'sampleBatch',
        `j_${k + 1} = ${String(j)} is not an example index: expected an integer in 0..${n - 1} (0-based, n = ${n})`,
        { quantity: `j_${k + 1}`, element, expected: `integer in 0..${n - 1}`, got: String(j) },
        request,
      );
    }
    if (batch.indexOf(j) !== k) {
      failWith(
        specId,
        'sampleBatch',
        `j_${k + 1} = ${j} was already drawn as j_${batch.indexOf(j) + 1}: the B examples are sampled without replacement`,
        { quantity: `j_${k + 1}`, element, expected: 'an index not drawn before', got: j },
        request,
      );
    }
  });
  return batch;
}

/** (n, B) pairs: B = 1 (Algorithm 1), B = n, 1 < B < n with n ≠ B, and the smallest n = 1. */
const BATCH_SHAPES: readonly [number, number][] = [
  [1, 1],
  [6, 1],
  [7, 3],
  [10, 4],
  [5, 5],
];

/** Coverage settings: S seeds per (n, B); B = 1 is Algorithm 1 line 4, B = 3 Algorithm 2 line 4. */
const COVERAGE_SEEDS = 1000;
const COVERAGE_SHAPES: readonly [number, number][] = [
  [6, 1],
  [8, 3],
];

export const samplingChecks: Check[] = [
  {
    id: 'sampling/initialize',
    specIds: ['alg1.line2', 'alg2.line2', '2/layer-shapes'],
    title: 'random θ: W[k] m_k×m_{k−1}, b[k] m_k, finite, units of a layer not all identical',
    quote: quoteOf('alg1.line2', '2/layer-shapes'),
    requires: ['initialize'],
    async run(ctx) {
      for (const [i, sizes] of LAYER_SIZES.entries()) expectSymmetryBroken(await initialize(ctx, sizes, ctx.seed + i), { sizes, seed: ctx.seed + i });
      return { status: 'pass', message: `${LAYER_SIZES.length} layer-size lists: ${LAYER_SIZES.map((s) => s.join('-')).join(', ')}` };
    },
  },
  {
    id: 'sampling/initialize-seed',
    specIds: ['alg1.line2', 'alg2.line2'],
    title: 'the same seed gives the same θ bit for bit, different seeds different θ',
    // The inventory's line, plus the seed this check is about (the notes do not say how θ_0 is drawn).
    quote: `${quoteOf('alg1.line2')} (reproducibly from a seed)`,
    requires: ['initialize'],
    async run(ctx) {
      const sizes = LAYER_SIZES[0]!;
      const seeds = [0, 1, 2, 3].map((i) => ctx.seed + i);
      const thetas: NetParams[] = [];
      for (const seed of seeds) thetas.push(await initialize(ctx, sizes, seed));
      for (const [i, seed] of seeds.entries()) {
        const again = await initialize(ctx, sizes, seed);
        const d = firstDifference(thetas[i]!, again);
        if (d !== undefined) {
          failWith(
            INIT,
            'initialize',
            `is not reproducible: seed ${seed} gave ${d.quantity} entry (${d.element.join(',')}) = ${d.was}, then ${d.now}`,
            { quantity: d.quantity, layer: d.layer, element: d.element, expected: d.was, got: d.now },
            { sizes, seed },
          );
        }
        for (const [j, other] of seeds.entries()) {
          if (j > i && firstDifference(thetas[i]!, thetas[j]!) === undefined) {
            failWith(
              INIT,
              'initialize',
              `gave the same θ for seeds ${seed} and ${other}`,
              { quantity: 'θ', expected: 'different θ for different seeds', got: 'identical θ' },
              { sizes, seed: other },
            );
          }
        }
      }
      return { status: 'pass', message: `seeds ${seeds.join(', ')}: each reproducible, all different` };
    },
  },
  {
    id: 'sampling/sample-batch',
    specIds: ['alg2.line4', 'alg1.line4', 'alg2.line1', 'alg1.line1'],
    title: 'B distinct indices in 0..n−1 (B = 1, 1 < B < n, B = n), the same for the same seed; B = n + 1 refused',
    quote: quoteOf('alg2.line4', 'alg2.line1'),
    requires: ['sampleBatch'],
    async run(ctx) {
      for (const [n, B] of BATCH_SHAPES) {
        for (let s = 0; s < 5; s++) {
          const seed = ctx.seed + s;
          const first = await sample(ctx, n, B, seed);
          const again = await sample(ctx, n, B, seed);
          const k = first.findIndex((j, i) => j !== again[i]);
          if (k >= 0) {
            failWith(
              lineFor(B),
              'sampleBatch',
              `is not reproducible: seed ${seed} gave j_${k + 1} = ${first[k]}, then ${again[k]}`,
              { quantity: `j_${k + 1}`, element: [k + 1], expected: first[k]!, got: again[k]! },
              { n, B, seed },
            );
          }
        }
      }
      const impossible = { n: 4, B: 5, seed: ctx.seed };
      const answer = await ctx.call('sampleBatch', impossible).then(
        (batch) => batch,
        (error: unknown) => (error instanceof CheckFailure ? undefined : Promise.reject(error)),
      );
      if (answer !== undefined) {
        failWith(
          'alg2.line1',
          'sampleBatch',
          `answered ${JSON.stringify(answer)} for B = 5 > n = 4: no 5 distinct indices exist (B ∈ {1..n}), it must refuse`,
          { quantity: 'j_1..j_B', expected: 'a refusal', got: JSON.stringify(answer) },
          impossible,
        );
      }
      return { status: 'pass', message: `(n, B) = ${BATCH_SHAPES.map(([n, B]) => `(${n}, ${B})`).join(', ')}, 5 seeds each; B = n + 1 refused` };
    },
  },
  {
    id: 'sampling/coverage',
    specIds: ['alg1.line4', 'alg2.line4'],
    title: `over ${COVERAGE_SEEDS} seeds every index is drawn as often as a uniform sampler draws it`,
    quote: quoteOf('alg1.line4', 'alg2.line4'),
    requires: ['sampleBatch'],
    async run(ctx) {
      const counted = COVERAGE_SHAPES.reduce((s, [n]) => s + n, 0);
      const parts: string[] = [];
      for (const [n, B] of COVERAGE_SHAPES) {
        const counts = new Array<number>(n).fill(0);
        for (let s = 0; s < COVERAGE_SEEDS; s++) for (const j of await sample(ctx, n, B, ctx.seed + s)) counts[j]!++;
        const { low, high } = inclusionCountRange(COVERAGE_SEEDS, B / n, counted);
        const i = counts.findIndex((c) => c < low || c > high);
        if (i >= 0) {
          failWith(
            lineFor(B),
            'sampleBatch',
            `drew index ${i} (0-based) ${counts[i]} times in ${COVERAGE_SEEDS} batches of B = ${B} out of n = ${n} (seeds ${ctx.seed}..${ctx.seed + COVERAGE_SEEDS - 1}); a uniform sampler draws it ${(COVERAGE_SEEDS * B) / n} ± ${((high - low) / 2).toFixed(1)} times except with probability ${SAMPLING_FALSE_ALARM} (Hoeffding); counts: ${counts.join(', ')}`,
            { quantity: 'count of index over seeds', element: [i + 1], expected: `${low.toFixed(1)}..${high.toFixed(1)}`, got: counts[i]! },
            { n, B, seed: ctx.seed },
          );
        }
        parts.push(`n = ${n}, B = ${B}: counts ${Math.min(...counts)}..${Math.max(...counts)} within ${low.toFixed(0)}..${high.toFixed(0)}`);
      }
      return { status: 'pass', message: `${parts.join('; ')} (false alarm ≤ ${SAMPLING_FALSE_ALARM})` };
    },
  },
];
