/**
 * `npm run explain`'s worked examples of Sections 1-4: every printed number is read back from the
 * text (scripts/testing/explainText.ts) and compared with what the reference computes here, in the
 * test, from the example's inputs (never a hard-coded number).
 */
import { describe, expect, it } from 'vitest';
import { reluPrime } from '../reference/activations.js';
import { backprop } from '../reference/backprop.js';
import { broadcastBias, firstLayerBatch, firstLayerPerExample, stackColumns } from '../reference/batched.js';
import { collapsedWeight, identityNetworkOutput } from '../reference/collapse.js';
import { housingHidden, housingNetwork } from '../reference/housing.js';
import { datasetLoss, squaredLoss } from '../reference/loss.js';
import { columnVector, toRows } from '../reference/matrix.js';
import { forward, predict } from '../reference/network.js';
import { neuronGradient } from '../reference/neuron.js';
import { type Matrix, math } from '../reference/numeric.js';
import { gdStep, meanGradient, minibatchStep, sgd } from '../reference/optimizers.js';
import { firstLayerRows } from '../reference/rowMajor.js';
import { createRng, sampleIndex, sampleWithoutReplacement } from '../reference/sampler.js';
import { algorithm3 } from '../reference/twoLayerUnpacked.js';
import { unpackParams } from '../reference/twoLayerVectorized.js';
import { ALPHA, DATA, HOUSING_THETA, HOUSING_X, SEED, THREE_LAYER, TWO_LAYER, X, Y } from './lib/explain/networks.js';

import { expectFrame, expectPrinted, explain, only, printed } from './testing/explainText.js';

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
