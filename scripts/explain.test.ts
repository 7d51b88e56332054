/**
 * `npm run explain`: every printed number is read back from the text and compared with what the
 * reference computes here, in the test, from the example's inputs (never a hard-coded number).
 * The CLI runs in-process (runExplain); the real command is spawned once, for the exit codes.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../conformance/checks/index.js';
import { UNCHECKABLE } from '../conformance/report/uncheckable.js';
import { reluPrime } from '../reference/activations.js';
import { backprop } from '../reference/backprop.js';
import { broadcastBias, firstLayerBatch, firstLayerPerExample, stackColumns } from '../reference/batched.js';
import { affine, dJdb, dJdu, dJdW } from '../reference/chainRule.js';
import { collapsedWeight, identityNetworkOutput } from '../reference/collapse.js';
import { housingHidden, housingNetwork } from '../reference/housing.js';
import { datasetLoss, squaredLoss } from '../reference/loss.js';
import { columnVector, matrixFromRows, toRows } from '../reference/matrix.js';
import { forward, predict } from '../reference/network.js';
import { neuronGradient } from '../reference/neuron.js';
import { type Matrix, math, type Scalar } from '../reference/numeric.js';
import { gdStep, meanGradient, minibatchStep, sgd } from '../reference/optimizers.js';
import { firstLayerRows } from '../reference/rowMajor.js';
import { createRng, sampleIndex, sampleWithoutReplacement } from '../reference/sampler.js';
import { algorithm3 } from '../reference/twoLayerUnpacked.js';
import { unpackParams } from '../reference/twoLayerVectorized.js';
import { ERRATA } from '../spec/errata.js';
import { INVENTORY } from '../spec/inventory/index.js';
import { locate, PROJECT_ROOT } from './lib/coverage.js';
import { runExplain } from './lib/explain/cli.js';
import { EXAMPLE_GROUPS } from './lib/explain/examples.js';
import { editDistance, nearestIds } from './lib/explain/lookup.js';
import { ALPHA, DATA, HOUSING_THETA, HOUSING_X, SEED, THREE_LAYER, TWO_LAYER, X, Y } from './lib/explain/networks.js';
import { plainMath } from './lib/explain/plainMath.js';
import { MARK } from './lib/explain/worked.js';

type Printed = number | number[] | number[][];

/** A printed value: '[1, 2; 3, 4]' (matrix rows), '(1, 2)' (a list) or '1.5'. */
function parseValue(text: string): Printed {
  const numbers = (s: string): number[] => s.split(',').map((t) => Number(t.trim()));
  if (text.startsWith('[')) return text.slice(1, text.indexOf(']')).split(';').map(numbers);
  if (text.startsWith('(')) return numbers(text.slice(1, text.indexOf(')')));
  return Number(text.split(' ')[0]);
}

interface PrintedQuantity {
  readonly marked: boolean;
  readonly shape: string;
  readonly value: Printed;
}

/** Every worked-example line `name (shape) = value   ← how`, in order. */
function printed(text: string, name: string): PrintedQuantity[] {
  return text.split('\n').flatMap((line) => {
    const body = line.replace(/^ {2}/, '');
    const marked = body.startsWith(`${MARK} `);
    const rest = body.slice(2);
    if (!rest.startsWith(`${name} (`)) return [];
    const after = rest.slice(name.length + 2);
    const close = after.indexOf(') = ');
    return [{ marked, shape: after.slice(0, close), value: parseValue(after.slice(close + 4)) }];
  });
}

function only(text: string, name: string): PrintedQuantity {
  const found = printed(text, name);
  expect(found, `exactly one line '${name} (...) = ...'`).toHaveLength(1);
  return found[0]!;
}

const asNumber = (s: Scalar): number => (typeof s === 'number' ? s : s.toNumber());

/** What the reference computed, in the printed form: rows of a matrix, a list, or a number. */
type Computed = Matrix | Scalar | readonly Scalar[] | readonly (readonly Scalar[])[];

function plain(v: Computed): Printed {
  if (Array.isArray(v)) return v.map((e: Scalar | readonly Scalar[]) => (Array.isArray(e) ? e.map(asNumber) : asNumber(e as Scalar))) as Printed;
  if (math.isMatrix(v)) return toRows(v as Matrix).map((row) => row.map(asNumber));
  return asNumber(v as Scalar);
}

/**
 * Printed with 6 significant digits: rounding x to 6 digits moves it by at most half a unit in
 * the 6th digit, ½·10^(⌊log10|x|⌋−5) <= 5e-6·|x|; 0 prints as 0 exactly.
 */
function expectPrinted(got: PrintedQuantity, want: Computed, shape?: string): void {
  const expected = plain(want);
  const flat = (p: Printed): number[] => (Array.isArray(p) ? (p as (number | number[])[]).flat() : [p]);
  expect(JSON.stringify(got.value).replace(/[\d.e+-]+/g, '0'), 'the printed structure').toBe(JSON.stringify(expected).replace(/[\d.e+-]+/g, '0'));
  const [g, e] = [flat(got.value), flat(expected)];
  e.forEach((x, i) => {
    expect(Math.abs(g[i]! - x), `entry ${i + 1}: printed ${g[i]}, reference ${x}`).toBeLessThanOrEqual(5e-6 * Math.abs(x));
  });
  if (shape !== undefined) expect(got.shape).toBe(shape);
}

function explain(id: string): string {
  const result = runExplain([id]);
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  return result.stdout;
}

/** The checks naming `id`, as `id  title` lines. */
const coveringChecks = (id: string): string[] => CHECKS.filter((c) => c.specIds.includes(id)).map((c) => c.id);

/** What every explanation must contain: title, LaTeX verbatim, errata, code sites, checks. */
function expectFrame(text: string, id: string): void {
  const entry = INVENTORY.find((e) => e.id === id)!;
  expect(text.startsWith(`${id}: ${entry.title}\n`)).toBe(true);
  expect(text).toContain(`\n  ${entry.latex}\n`);
  for (const e of ERRATA.filter((x) => x.affects.includes(id) || entry.errata?.includes(x.id))) {
    expect(text).toContain(`  ${e.id} (`);
    expect(text).toContain(e.asPrinted.split('\n')[0]!);
    expect(text).toContain(`Correction: ${e.correction}`);
  }
  for (const ref of entry.implementedBy) {
    const site = locate(ref)!;
    expect(text).toContain(`  ${site.file}:${site.line} ${site.exportName}\n`);
  }
  for (const check of coveringChecks(id)) expect(text).toMatch(new RegExp(`\\n {2}${check.replace(/[/.]/g, '\\$&')} +\\S`));
  if (coveringChecks(id).length === 0) expect(text).toContain(UNCHECKABLE.get(id)!);
  expect(text).toContain(`(${MARK} marks what ${id} states.)`);
}

describe('explain 3.13', () => {
  const text = explain('3.13');

  it('prints the statement, its shapes, the errata as printed with their corrections, the code site and the checks', () => {
    expectFrame(text, '3.13');
    expect(text).toContain('∂J/∂W = ∂J/∂z · uᵀ');
    expect(text).toMatch(/\n {2}∂J\/∂W +m×d\n/);
    expect(text).toContain('  reference/chainRule.ts:');
    expect(text).toContain('    Eq. 3.13: ∂J/∂W = ∂J/∂z · uᵀ');
    expect(text).toContain('grad-shape-as-variable (convention)');
    expect(text).toContain(`Conformance checks covering 3.13 (${coveringChecks('3.13').length}):`);
  });

  it("works the affine map: every number is the reference's, ∂J/∂W is marked", () => {
    const W = matrixFromRows(only(text, 'W').value as number[][]);
    const u = matrixFromRows(only(text, 'u').value as number[][]);
    const b = matrixFromRows(only(text, 'b').value as number[][]);
    const z = affine(W, u, b);
    expectPrinted(only(text, 'z'), z, '2x1');
    // J(z) = ½‖z‖², so ∂J/∂z = z
    expectPrinted(only(text, '∂J/∂z'), z);
    expectPrinted(only(text, '∂J/∂u'), dJdu(W, z), '3x1');
    const dW = only(text, '∂J/∂W');
    expectPrinted(dW, dJdW(z, u), '2x3');
    expect(dW.marked).toBe(true);
    expectPrinted(only(text, '(J(W + εE_12) − J(W − εE_12))/2ε'), toRows(dJdW(z, u))[0]![1]!);
    expectPrinted(only(text, '∂J/∂b'), dJdb(z));
    expect(only(text, '∂J/∂u').marked).toBe(false);
  });
});

describe('Section 1 examples', () => {
  it("prints each example's cost J^{(i)} (marked for 1.1) and their mean", () => {
    const text = explain('1.1');
    expectFrame(text, '1.1');
    const losses = DATA.map((e, i) => {
      expectPrinted(only(text, `x^{(${i + 1})}`), e.x);
      expectPrinted(only(text, `h_θ(x^{(${i + 1})})`), predict(TWO_LAYER, e.x));
      const J = squaredLoss(predict(TWO_LAYER, e.x), e.y);
      expect(only(text, `J^{(${i + 1})}(θ)`).marked).toBe(true);
      expectPrinted(only(text, `J^{(${i + 1})}(θ)`), J);
      return J;
    });
    expectPrinted(only(explain('1.2'), 'J(θ)'), datasetLoss(losses));
    expect(only(explain('1.2'), 'J(θ)').marked).toBe(true);
  });

  it('prints the mean gradient and θ after one gradient-descent step', () => {
    const text = explain('1.3');
    expectFrame(text, '1.3');
    const mean = meanGradient(TWO_LAYER, DATA, [0, 1, 2]);
    const next = gdStep(TWO_LAYER, mean, ALPHA);
    [1, 2].forEach((k) => {
      expectPrinted(only(text, `∇J(θ) for W^{[${k}]}`), mean.W[k - 1]!);
      expectPrinted(only(text, `new W^{[${k}]}`), next.W[k - 1]!);
      expectPrinted(only(text, `new b^{[${k}]}`), next.b[k - 1]!);
    });
  });

  it('prints the sampled batch, α/B and the mini-batch step', () => {
    const text = explain('1.5');
    expectFrame(text, '1.5');
    const batch = sampleWithoutReplacement(createRng(SEED), DATA.length, 2);
    const got = only(text, 'j_1, ..., j_B (0-based)');
    expect(got.value).toEqual(batch);
    expect(new Set(batch).size).toBe(2);
    expectPrinted(only(text, 'α/B'), ALPHA / 2);
    const next = minibatchStep(
      TWO_LAYER,
      batch.map((j) => backprop(TWO_LAYER, DATA[j]!.x, DATA[j]!.y).gradient),
      ALPHA,
    );
    expectPrinted(only(text, 'new W^{[1]}'), next.W[0]!, '2x2');
    expect(only(text, 'new W^{[1]}').marked).toBe(true);
    expect(only(explain('alg2.line4'), 'j_1, ..., j_B (0-based)').marked).toBe(true);
  });

  it('prints the sampled j and the losses of the SGD run', () => {
    const text = explain('alg1.line4');
    expectFrame(text, 'alg1.line4');
    expect(only(text, 'j (0-based index)').value).toBe(sampleIndex(createRng(SEED), DATA.length));
    const run = sgd(TWO_LAYER, DATA, { alpha: ALPHA, nIter: 3, seed: SEED });
    expectPrinted(only(text, 'J(θ) after each iteration'), run.losses);
    expect(only(text, 'sampled j per iteration (0-based)').value).toEqual(run.indices.map((b) => b[0]));
  });
});

describe('Section 2 examples', () => {
  it('works the housing network from its printed θ and x', () => {
    const text = explain('2.3');
    expectFrame(text, '2.3');
    const theta = only(text, 'θ_1..θ_12').value as number[];
    expect(theta).toEqual(HOUSING_THETA);
    const x = columnVector((only(text, 'x').value as number[][]).map((r) => r[0]!));
    expectPrinted(only(text, 'x'), HOUSING_X);
    const hidden = housingHidden(theta, x);
    expectPrinted(only(text, 'a_1 ("family size")'), hidden.a1);
    expectPrinted(only(text, 'a_2 ("walkable")'), hidden.a2);
    expectPrinted(only(text, 'a_3 ("school quality")'), hidden.a3);
    const h = only(text, 'h_θ(x)');
    expectPrinted(h, housingNetwork(theta, x));
    expect(h.marked).toBe(true);
  });

  it('prints z^{[k]} and a^{[k]} of every layer with its shape', () => {
    const text = explain('2.12');
    expectFrame(text, '2.12');
    const pass = forward(THREE_LAYER, X);
    [1, 2].forEach((k) => {
      const rows = `${pass.z[k]!.size()[0]}x1`;
      expectPrinted(only(text, `z^{[${k}]}`), pass.z[k]!, rows);
      expectPrinted(only(text, `a^{[${k}]}`), pass.a[k]!, rows);
    });
    expectPrinted(only(text, 'z^{[1]}'), pass.z[1]!, '3x1');
    expectPrinted(only(text, 'a^{[3]} = h_θ(x)'), pass.o, 'scalar');
  });

  it('collapses the identity network to W̃ = W^{[2]}W^{[1]} and W̃x = h_θ(x)', () => {
    const text = explain('2.20');
    expectFrame(text, '2.20');
    const [W1, W2] = TWO_LAYER.W as [Matrix, Matrix];
    const Wt = collapsedWeight(W1, W2);
    expectPrinted(only(text, 'W̃'), Wt, '1x2');
    expect(only(text, 'W̃').marked).toBe(true);
    const net = identityNetworkOutput(W1, W2, X);
    expectPrinted(only(text, 'h_θ(x)'), net.h);
    expectPrinted(only(text, 'W̃x'), math.multiply(Wt, X) as Matrix);
    expectPrinted(only(text, 'z^{[1]}'), net.z1);
  });
});

describe('Section 3 examples', () => {
  it('prints the one-neuron gradient, also where z < 0', () => {
    const text = explain('3.2/grad-w');
    expectFrame(text, '3.2/grad-w');
    const w = columnVector((only(text, 'w').value as number[][]).map((r) => r[0]!));
    const b = only(text, 'b').value as number;
    const y = only(text, 'y').value as number;
    const [x1, x2] = printed(text, 'x').map((p) => columnVector((p.value as number[][]).map((r) => r[0]!)));
    const grads = printed(text, '∇_w J');
    expect(grads.map((g) => g.marked)).toEqual([true, true]);
    expectPrinted(grads[0]!, neuronGradient(w, b, x1!, y).gradW, '2x1');
    expectPrinted(grads[1]!, neuronGradient(w, b, x2!, y).gradW, '2x1');
    expect(neuronGradient(w, b, x2!, y).z).toBeLessThan(0);
  });

  it('prints ∂J/∂z_j of Algorithm 3', () => {
    const text = explain('3.9');
    expectFrame(text, '3.9');
    const alg = algorithm3(unpackParams(TWO_LAYER), X, Y);
    const dJdz = only(text, '∂J/∂z_j');
    expectPrinted(dJdz, alg.dJdz, 'list of 2');
    expect(dJdz.marked).toBe(true);
    expectPrinted(only(text, '∂J/∂(w_j^{[1]})_ℓ (row j, column ℓ)'), alg.dJdw1);
  });

  it('prints every δ^{[k]} of Algorithm 5 (marked) and the ∂J/∂a^{[k]} that eq. 3.16 printed', () => {
    const text = explain('alg5.line4');
    expectFrame(text, 'alg5.line4');
    const bp = backprop(THREE_LAYER, X, Y);
    expectPrinted(only(text, 'δ^{[3]}'), bp.delta[3]!, '1x1');
    [2, 1].forEach((k) => {
      const delta = only(text, `δ^{[${k}]}`);
      expectPrinted(delta, bp.delta[k]!, `${bp.delta[k]!.size()[0]}x1`);
      expect(delta.marked).toBe(true);
      expectPrinted(only(text, `∂J/∂W^{[${k + 1}]}`), bp.gradient.W[k]!);
    });
    expectPrinted(only(text, '∂J/∂W^{[1]}'), bp.gradient.W[0]!, '3x2');
    expect(text).toContain(String.raw`\delta^{[k-1]}`);
    // eq. 3.16 as printed (∂J/∂a^{[k]}) differs from δ^{[k]} exactly where z^{[k]} < 0
    const three = explain('3.16');
    [2, 1].forEach((k) => {
      const upstream = only(three, `∂J/∂a^{[${k}]}`).value as number[][];
      const delta = toRows(bp.delta[k]!).map((r) => r[0] as number);
      toRows(bp.pass.z[k]!).forEach(([z], i) => {
        if ((z as number) < 0) expect(upstream[i]![0]).not.toBe(delta[i]);
        else expect(upstream[i]![0]).toBe(delta[i]);
      });
    });
  });

  it("prints ReLU'(z) = 1{z >= 0}, 1 at z = 0, with the convention erratum and its check", () => {
    const text = explain('3.4/relu-prime');
    expectFrame(text, '3.4/relu-prime');
    const z = only(text, 'z').value as number[];
    expect(z).toContain(0);
    const got = only(text, "ReLU'(z)");
    expectPrinted(got, z.map(reluPrime));
    expect(got.marked).toBe(true);
    expect(text).toContain('relu-prime-at-zero (convention)');
    expect(text).toMatch(/\n {2}conventions\/relu-prime-at-zero +\S/);
  });
});

describe('Section 4 examples', () => {
  const W1 = TWO_LAYER.W[0]!;
  const b1 = TWO_LAYER.b[0]!;
  const Xc = stackColumns(DATA.map((e) => e.x));

  it('prints Z^{[1]} = W^{[1]}X + b̃^{[1]}, column i being z^{[1](i)}', () => {
    const text = explain('4.2');
    expectFrame(text, '4.2');
    expectPrinted(only(text, 'X'), Xc, '2x3');
    expectPrinted(only(text, 'b̃^{[1]}'), broadcastBias(b1, 3), '2x3');
    const Z = only(text, 'Z^{[1]}');
    expectPrinted(Z, firstLayerBatch(W1, b1, Xc), '2x3');
    expect(Z.marked).toBe(true);
    DATA.forEach((e, i) => expectPrinted(only(text, `z^{[1](${i + 1})}`), firstLayerPerExample(W1, b1, e.x)));
  });

  it('prints Z_row^{[1]} = X_row W_row^{[1]} + 1_n b_row^{[1]}, the transpose of Z^{[1]}', () => {
    const text = explain('4.4');
    expectFrame(text, '4.4');
    const Zrow = firstLayerRows(math.transpose(W1), math.transpose(b1), math.transpose(Xc));
    expectPrinted(only(text, 'Z_row^{[1]}'), Zrow, '3x2');
    expect(only(text, 'Z_row^{[1]}').marked).toBe(true);
    expect(toRows(Zrow)).toEqual(toRows(math.transpose(firstLayerBatch(W1, b1, Xc))));
  });
});

describe('every inventory id', () => {
  it('explains every id without throwing, each with a worked example marking what the id states', () => {
    for (const entry of INVENTORY) {
      const text = explain(entry.id);
      expect(text, entry.id).toContain(`(${MARK} marks what ${entry.id} states.)`);
      expect(
        text.split('\n').some((l) => l.startsWith(`  ${MARK} `)),
        entry.id,
      ).toBe(true);
      // a worked-example value is `name (shape) = value`; none may be missing or non-finite
      expect(text, entry.id).not.toMatch(/\) = [[(]?(NaN|undefined|-?Infinity)|\(not found\)/);
    }
  });

  it('registers exactly one worked example per id', () => {
    const listed = EXAMPLE_GROUPS.flatMap((g) => g.ids);
    expect([...listed].sort()).toEqual(INVENTORY.map((e) => e.id).sort());
  });

  it('renders every statement as plain text without LaTeX commands', () => {
    for (const entry of INVENTORY) expect(plainMath(entry.latex), entry.id).not.toMatch(/\\[a-zA-Z{}]/);
    expect(plainMath(String.raw`\frac{\partial J}{\partial z_j} = \frac{1}{2}\sigma'(z)`)).toBe("∂J/∂z_j = ½σ'(z)");
  });
});

describe('the command line', () => {
  it("--list prints every id with its title, in the notes' order", () => {
    const { stdout, code } = runExplain(['--list']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(INVENTORY.length);
    lines.forEach((line, i) =>
      expect(line).toMatch(new RegExp(`^${INVENTORY[i]!.id.replace(/[.]/g, '\\.')} +${INVENTORY[i]!.title.replace(/[()[\]{}^.*+?|\\$]/g, '\\$&')}$`)),
    );
  });

  it('an unknown id is exit code 2 with the nearest ids; forgiving spellings are found', () => {
    const bad = runExplain(['3.133']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain("unknown spec id '3.133'");
    expect(nearestIds('3.133')[0]).toBe('3.13');
    expect(nearestIds('alg5.line6')).toContain('alg5.line5');
    expect(nearestIds('3.2/grad')).toEqual(expect.arrayContaining(['3.2/grad-w', '3.2/grad-b', '3.2/grad-wi']));
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(runExplain(['Eq. 3.13']).stdout).toBe(runExplain(['3.13']).stdout);
    expect(runExplain(['ALG5.LINE4']).code).toBe(0);
  });

  it('--help, no argument, and an unknown option', () => {
    expect(runExplain(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('npm run explain -- <id>') });
    expect(runExplain([]).code).toBe(2);
    expect(runExplain(['--frobnicate'])).toMatchObject({ code: 2, stderr: expect.stringContaining("explain: Unknown option '--frobnicate'") });
  });

  it('npm run explain -- 3.13 nope: the real command prints the explanation, names the unknown id and exits 2', async () => {
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
        ['scripts/explain.ts', '3.13', 'nope'],
        { cwd: PROJECT_ROOT, timeout: 30_000 },
        (error, out, err) => resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout: out, stderr: err }),
      );
    });
    expect(code).toBe(2);
    expect(stdout).toBe(runExplain(['3.13']).stdout);
    expect(stderr).toContain("unknown spec id 'nope'");
  }, 30_000);
});
