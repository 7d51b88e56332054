import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { matrixFromRows, toRows } from '../reference/matrix.js';
import { backpropBatchRows } from '../reference/rowMajor.js';
import { autogradRows } from './autograd.js';
import { backpropRows, forwardRows, lossRows, type RowParams, type RowParamsData } from './model.js';
import { NODE_BACKENDS, useNodeBackend } from './node/backends.js';

/**
 * A hand-made case with a pre-activation exactly 0 at a ReLU. Every number is a short dyadic
 * fraction, so float32 and float64 compute it exactly. d = 1, m_1 = 2, r = 2, n = B = 2.
 *   W[1] = [1, −1] (1×2), b[1] = [0, 0.5], W[2] = [2; 3] (2×1), b[2] = [0.25]; X = [0; 2], y = [1, 0].
 * Row 1 (x = 0): z^{[1]} = [0, 0.5] (z_1 = 0 exactly), a = [0, 0.5], o = 0·2 + 0.5·3 + 0.25 = 1.75.
 * Row 2 (x = 2): z^{[1]} = [2, −1.5], a = [2, 0], o = 4 + 0 + 0.25 = 4.25.
 * J = (½·0.75² + ½·4.25²)/2 = (0.28125 + 9.03125)/2 = 4.65625.
 * Δ[2] = (o − y)/2 = [0.375; 2.125]; ∂W[2] = A[1]ᵀΔ[2] = [0·0.375 + 2·2.125; 0.5·0.375 + 0] = [4.25; 0.1875];
 * ∂b[2] = 0.375 + 2.125 = 2.5. Δ[2]W[2]ᵀ = [[0.75, 1.125], [4.25, 6.375]], ReLU'(Z[1]) = [[1, 1], [1, 0]]
 * (ReLU'(0) = 1{0 >= 0} = 1), so Δ[1] = [[0.75, 1.125], [4.25, 0]]; ∂W[1] = XᵀΔ[1] = [2·4.25, 0] = [8.5, 0];
 * ∂b[1] = [0.75 + 4.25, 1.125] = [5, 1.125]. With ReLU'(0) = 0 instead, ∂b[1] would be [4.25, 1.125].
 */
const KINK: RowParamsData = { W: [[[1, -1]], [[2], [3]]], b: [[0, 0.5], [0.25]] };
const KINK_X = [[0], [2]];
const KINK_Y = [[1], [0]];

function upload(theta: RowParamsData): RowParams {
  return { W: theta.W.map((W) => tf.tensor2d(W.map((r) => [...r]))), b: theta.b.map((b) => tf.tensor2d([[...b]])) };
}

for (const backend of NODE_BACKENDS) {
  describe(`[4/row-major-conversion, 4.4] the tensor model on ${backend}, worked by hand`, () => {
    beforeAll(async () => {
      await useNodeBackend(backend);
    });

    it('[2.12, 4.4, 1.1, 1.2] forwardRows and lossRows give the hand-computed outputs and J', async () => {
      const before = tf.memory().numTensors;
      const [O, perExample, J] = tf.tidy(() => {
        const theta = upload(KINK);
        const pass = forwardRows(theta, tf.tensor2d(KINK_X), 'relu');
        const loss = lossRows(pass.O, tf.tensor2d(KINK_Y));
        return [pass.O, loss.perExample, loss.mean];
      });
      expect(await O!.array()).toEqual([[1.75], [4.25]]);
      expect(await perExample!.array()).toEqual([[0.28125], [9.03125]]);
      expect(await J!.array()).toBe(4.65625);
      tf.dispose([O!, perExample!, J!]);
      expect(tf.memory().numTensors).toBe(before);
    });

    it("[3.4/relu-prime, alg5.line2, alg5.line4, alg5.line5, 3.16] z exactly 0 at a ReLU: the gradient uses ReLU'(0) = 1, exactly as the reference", async () => {
      const read = async (g: RowParams): Promise<{ W: number[][][]; b: number[][][] }> => {
        const out = { W: await Promise.all(g.W.map((t) => t.array())), b: await Promise.all(g.b.map((t) => t.array())) };
        tf.dispose([...g.W, ...g.b]);
        return out;
      };
      const explicit = await read(
        tf.tidy(() => {
          const g = backpropRows(upload(KINK), tf.tensor2d(KINK_X), tf.tensor2d(KINK_Y), 'relu').gradient;
          return { W: [...g.W], b: [...g.b] };
        }),
      );
      const expected = { W: [[[8.5, 0]], [[4.25], [0.1875]]], b: [[[5, 1.125]], [[2.5]]] };
      expect(explicit).toEqual(expected);
      // The reference's row-major form (float64) agrees exactly: every number is dyadic.
      const ref = backpropBatchRows(
        { W: KINK.W.map((W) => matrixFromRows(W)), b: KINK.b.map((b) => matrixFromRows([b])) },
        matrixFromRows(KINK_X),
        matrixFromRows(KINK_Y),
        'relu',
      );
      expect({ W: ref.gradient.W.map(toRows), b: ref.gradient.b.map(toRows) }).toEqual(expected);
      // tfjs autograd differentiates ReLU with ReLU'(0) = 0: only ∂b[1] entry 1 differs (4.25, not 5).
      const auto = await read(
        tf.tidy(() => {
          const g = autogradRows(upload(KINK), tf.tensor2d(KINK_X), tf.tensor2d(KINK_Y), 'relu');
          return { W: [...g.W], b: [...g.b] };
        }),
      );
      expect(auto).toEqual({ ...expected, b: [[[4.25, 1.125]], [[2.5]]] });
    });
  });
}
