/**
 * Worked examples of Section 4: the first layer on three examples at once in the column layout
 * (eq. 4.1-4.3), in the row layout of deep learning packages (eq. 4.4), and every layer with the
 * batch-mean gradient in both layouts, on the networks and the three examples of networks.ts.
 */
import type { ActivationName } from '../../../reference/activations.js';
import { backpropBatch, broadcastBias, firstLayerBatch, firstLayerPerExample, forwardBatch, stackColumns } from '../../../reference/batched.js';
import { matrixFromRows, vectorEntries } from '../../../reference/matrix.js';
import type { Params } from '../../../reference/network.js';
import { type Matrix, math } from '../../../reference/numeric.js';
import { type Example, meanGradient } from '../../../reference/optimizers.js';
import { backpropBatchRows, firstLayerRows, forwardBatchRows, fromRowMajor, toRowMajor } from '../../../reference/rowMajor.js';
import { networkName, SIGMA_NAME, sizesName } from './naming.js';
import { DATA, THREE_LAYER, TWO_LAYER } from './networks.js';
import { layerName, paramSteps } from './params.js';
import { type ExampleGroup, formatNumber, q, type Step, text, type WorkedExample } from './worked.js';

/** A batch of examples as X (d×n, eq. 4.1: x^{(i)} as columns) and Y (1×n). */
function batchOf(data: readonly Example[]): { n: number; X: Matrix; Y: Matrix } {
  return { n: data.length, X: stackColumns(data.map((e) => e.x)), Y: matrixFromRows([data.map((e) => e.y as number)]) };
}

const { n, X, Y } = batchOf(DATA);
const [W1] = TWO_LAYER.W as [Matrix];
const [b1] = TWO_LAYER.b as [Matrix];

/** 'first layer of the 2-2-1 network' for TWO_LAYER's own W^{[1]}, b^{[1]}; else the layer's sizes. */
function firstLayerName(W: Matrix, b: Matrix): string {
  if (math.deepEqual(W, W1) && math.deepEqual(b, b1)) return `first layer of the ${sizesName(TWO_LAYER)} network`;
  const [m, d] = W.size() as [number, number];
  return `first layer W^{[1]}x + b^{[1]} (d = ${d} inputs, m = ${m} units)`;
}

export function firstLayerExample(): WorkedExample {
  return {
    title: `The first layer of the 2-2-1 network on n = ${n} examples at once (column layout)`,
    steps: [
      q('W^{[1]}', W1),
      q('b^{[1]}', b1),
      ...DATA.map((e, i) =>
        q(`z^{[1](${i + 1})}`, firstLayerPerExample(W1, b1, e.x), {
          how: `W^{[1]}x^{(${i + 1})} + b^{[1]}, x^{(${i + 1})} = (${vectorEntries(e.x)
            .map((v) => formatNumber(v as number))
            .join(', ')})`,
          ids: ['4/per-example-z'],
        }),
      ),
      q('X', X, { how: `[x^{(1)} ... x^{(${n})}], one example per column`, ids: ['4.1'] }),
      q('W^{[1]}X', math.multiply(W1, X) as Matrix, { ids: ['4/broadcast-sum'] }),
      q('b̃^{[1]}', broadcastBias(b1, n), { how: `b^{[1]}1_${n}ᵀ, b^{[1]} repeated as every column`, ids: ['4.3', '4/broadcast-sum'] }),
      q('Z^{[1]}', firstLayerBatch(W1, b1, X), { how: 'W^{[1]}X + b̃^{[1]}', ids: ['4.2', '4/broadcast-sum'] }),
      text('column i of Z^{[1]} is z^{[1](i)} above', ['4.2']),
    ],
  };
}

/** Eq. 4.4 on W^{[1]} (m×d), b^{[1]} (m×1) and X (d×n), default the 2-2-1 network's first layer on DATA. */
export function rowMajorFirstLayerExample(W: Matrix = W1, b: Matrix = b1, batch: Matrix = X): WorkedExample {
  const Xrow = math.transpose(batch);
  const Wrow = math.transpose(W);
  const brow = math.transpose(b);
  const Zrow = firstLayerRows(Wrow, brow, Xrow);
  const count = Xrow.size()[0]!;
  return {
    title: `The ${firstLayerName(W, b)} on n = ${count} examples in the row layout (one example per row)`,
    steps: [
      q('X_row = Xᵀ', Xrow, { ids: ['4.4'] }),
      q('W_row^{[1]} = W^{[1]ᵀ}', Wrow, { ids: ['4.4'] }),
      q('b_row^{[1]} = b^{[1]ᵀ}', brow, { ids: ['4.4'] }),
      q('Z_row^{[1]}', Zrow, { how: `X_row W_row^{[1]} + 1_${count} b_row^{[1]}`, ids: ['4.4'] }),
      q('Z^{[1]ᵀ} (column layout, transposed)', math.transpose(firstLayerBatch(W, b, batch)), { how: 'the same matrix' }),
    ],
  };
}

/** Z^{[k]}, A^{[k]} for every layer and the batch Δ^{[k]} with the mean gradients. */
function batchSteps(
  Z: readonly Matrix[],
  A: readonly Matrix[],
  Delta: readonly Matrix[],
  gradient: Params,
  rowsLayout: boolean,
  ids: readonly string[],
  activation: ActivationName,
): Step[] {
  const r = Z.length - 1;
  const sub = rowsLayout ? '_row' : '';
  const T = rowsLayout ? 'ᵀ' : '';
  const sigma = SIGMA_NAME[activation];
  return [
    ...Array.from({ length: r }, (_, i) => i + 1).flatMap((k) => [
      q(`Z${sub}^{[${k}]}`, Z[k]!, { how: rowsLayout ? `A_row^{[${k - 1}]}W^{[${k}]ᵀ} + 1_B b^{[${k}]ᵀ}` : `W^{[${k}]}A^{[${k - 1}]} + b^{[${k}]}1_Bᵀ`, ids }),
      q(`A${sub}^{[${k}]}`, A[k]!, { how: k < r ? `${sigma}(Z${sub}^{[${k}]})` : `Z${sub}^{[${r}]}`, ids }),
    ]),
    ...Array.from({ length: r }, (_, i) => r - i).flatMap((k) => [
      q(`Δ${sub}^{[${k}]}`, Delta[k]!, {
        how:
          k === r
            ? `(Z${sub}^{[${r}]} − Y${T})/B`
            : rowsLayout
              ? `(Δ_row^{[${k + 1}]}W^{[${k + 1}]}) ⊙ ${sigma}'(Z_row^{[${k}]})`
              : `(W^{[${k + 1}]ᵀ}Δ^{[${k + 1}]}) ⊙ ${sigma}'(Z^{[${k}]})`,
        ids,
      }),
      q(`∂J_B/∂W^{[${k}]${T}}`, gradient.W[k - 1]!, { how: rowsLayout ? `A_row^{[${k - 1}]ᵀ}Δ_row^{[${k}]}` : `Δ^{[${k}]}A^{[${k - 1}]ᵀ}`, ids }),
      q(`∂J_B/∂b^{[${k}]${T}}`, gradient.b[k - 1]!, { how: rowsLayout ? `1_Bᵀ Δ_row^{[${k}]}` : `Δ^{[${k}]}1_B`, ids }),
    ]),
  ];
}

/** 4/multi-layer on a batch (default the 2-3-2-1 ReLU network on DATA): every layer and the batch-mean gradient. */
export function multiLayerBatchExample(theta: Params = THREE_LAYER, data: readonly Example[] = DATA, activation: ActivationName = 'relu'): WorkedExample {
  const batch = batchOf(data);
  const pass = forwardBatch(theta, batch.X, activation);
  const bp = backpropBatch(theta, batch.X, batch.Y, activation);
  const ids = ['4/multi-layer'];
  return {
    title: `Every layer of the ${networkName(theta, activation)} network on a batch of B = ${batch.n} columns, and the batch-mean gradient (column layout)`,
    steps: [
      q('A^{[0]} = X', batch.X, { ids }),
      q('Y', batch.Y),
      ...batchSteps(pass.Z, pass.A, bp.Delta, bp.gradient, false, ids, activation),
      q('J_B', bp.J, { how: '(1/B) Σ_t ½(h_θ(x^{(t)}) − y^{(t)})²', ids }),
      q(
        '∂J_B/∂W^{[1]} by the per-example loop',
        meanGradient(
          theta,
          data,
          data.map((_, i) => i),
          activation,
        ).W[0]!,
        { how: '(1/B) Σ_t ∇_{W^{[1]}} J^{(t)} by Algorithm 5: the same' },
      ),
    ],
  };
}

export function rowMajorConversionExample(): WorkedExample {
  const rowsTheta = toRowMajor(THREE_LAYER);
  const Xrow = math.transpose(X);
  const Yrow = math.transpose(Y);
  const pass = forwardBatchRows(rowsTheta, Xrow);
  const bp = backpropBatchRows(rowsTheta, Xrow, Yrow);
  const ids = ['4/row-major-conversion'];
  return {
    title: `The 2-3-2-1 ReLU network in the row layout: every matrix transposed, every product reversed (B = ${n} rows)`,
    steps: [
      ...paramSteps(rowsTheta, (which, k) => `${which}^{[${k}]ᵀ}`, ids),
      q('A_row^{[0]} = Xᵀ', Xrow, { ids }),
      q('Yᵀ', Yrow),
      ...batchSteps(pass.Z, pass.A, bp.Delta, bp.gradient, true, ids, 'relu'),
      ...paramSteps(fromRowMajor(bp.gradient), layerName('∂J_B/∂', ' (back in the column layout)')),
    ],
  };
}

export const SECTION_4_EXAMPLES: readonly ExampleGroup[] = [
  { ids: ['4/per-example-z', '4.1', '4.2', '4.3', '4/broadcast-sum'], build: firstLayerExample },
  { ids: ['4.4'], build: rowMajorFirstLayerExample },
  { ids: ['4/multi-layer'], build: multiLayerBatchExample },
  { ids: ['4/row-major-conversion'], build: rowMajorConversionExample },
];
