/**
 * Section 4 of the notes, "Vectorization Over Training Examples": the column layout X ∈ R^{d×n},
 * the broadcast bias, the batched first layer, its extension to every layer and to the mean
 * gradient, and the row-major layout of deep learning packages (eq. 4.4).
 */
import type { SpecEntry } from '../types.js';

const R = String.raw;

const BATCHED = 'reference/batched.ts';
const ROWS = 'reference/rowMajor.ts';

export const SECTION_4: readonly SpecEntry[] = [
  {
    id: '4/per-example-z',
    section: '4',
    kind: 'formula',
    title: 'First-layer pre-activation of each training example (the for-loop form)',
    latex: R`z^{[1](i)} = W^{[1]} x^{(i)} + b^{[1]}, \quad i = 1, \ldots, n`,
    shapes: { 'W^{[1]}': 'm×d', 'x^{(i)}': 'd×1', 'b^{[1]}': 'm×1', 'z^{[1](i)}': 'm×1' },
    implementedBy: [`${BATCHED}#firstLayerPerExample`],
  },
  {
    id: '4.1',
    section: '4',
    kind: 'equation',
    title: 'The data matrix: training examples stacked as columns',
    latex: R`X = \begin{bmatrix} | & | & & | \\ x^{(1)} & x^{(2)} & \cdots & x^{(n)} \\ | & | & & | \end{bmatrix} \in \mathbb{R}^{d \times n}`,
    shapes: { 'x^{(i)}': 'd×1', X: 'd×n' },
    implementedBy: [`${BATCHED}#stackColumns`],
  },
  {
    id: '4.2',
    section: '4',
    kind: 'equation',
    title: 'First layer on all examples at once (bias broadcast along the columns)',
    latex: R`Z^{[1]} = \begin{bmatrix} | & & | \\ z^{[1](1)} & \cdots & z^{[1](n)} \\ | & & | \end{bmatrix} = W^{[1]} X + b^{[1]} \mathbf{1}_n^\top \in \mathbb{R}^{m \times n}`,
    shapes: { 'W^{[1]}': 'm×d', X: 'd×n', 'b^{[1]}': 'm×1', '1_n': 'n×1 (all ones)', 'Z^{[1]}': 'm×n', 'z^{[1](i)}': 'm×1' },
    implementedBy: [`${BATCHED}#firstLayerBatch`],
  },
  {
    id: '4.3',
    section: '4',
    kind: 'equation',
    title: 'The broadcast bias: b^{[1]} repeated as every column',
    latex: R`\tilde{b}^{[1]} = \begin{bmatrix} | & & | \\ b^{[1]} & \cdots & b^{[1]} \\ | & & | \end{bmatrix} = b^{[1]} \mathbf{1}_n^\top \in \mathbb{R}^{m \times n}`,
    shapes: { 'b^{[1]}': 'm×1', 'b̃^{[1]}': 'm×n', '1_n': 'n×1 (all ones)' },
    implementedBy: [`${BATCHED}#broadcastBias`],
  },
  {
    id: '4/broadcast-sum',
    section: '4',
    kind: 'formula',
    title: 'First layer with the explicit broadcast bias',
    latex: R`Z^{[1]} = W^{[1]} X + \tilde{b}^{[1]}`,
    shapes: { 'W^{[1]}': 'm×d', X: 'd×n', 'b̃^{[1]}': 'm×n', 'Z^{[1]}': 'm×n' },
    implementedBy: [`${BATCHED}#firstLayerBatch`],
  },
  {
    id: '4/multi-layer',
    section: '4',
    kind: 'formula',
    title: 'Every layer on a batch of B columns, and the batch-mean gradient of eq. 1.5 (Algorithm 5 vectorized)',
    latex: R`A^{[0]} = X,\quad Z^{[k]} = W^{[k]} A^{[k-1]} + b^{[k]} \mathbf{1}_B^\top,\quad A^{[k]} = \sigma(Z^{[k]})\ (k < r),\quad A^{[r]} = Z^{[r]};\qquad \Delta^{[r]} = \tfrac{1}{B}\left(Z^{[r]} - Y\right),\quad \Delta^{[k]} = \left(W^{[k+1]\top} \Delta^{[k+1]}\right) \odot \sigma'(Z^{[k]}),\quad \frac{\partial J_B}{\partial W^{[k]}} = \Delta^{[k]} A^{[k-1]\top},\quad \frac{\partial J_B}{\partial b^{[k]}} = \Delta^{[k]} \mathbf{1}_B,\quad J_B = \frac{1}{B} \sum_{t=1}^{B} J^{(j_t)}`,
    shapes: {
      X: 'd×B (column t is x^{(j_t)})',
      Y: '1×B',
      'W^{[k]}': 'm_k×m_{k−1}',
      'b^{[k]}': 'm_k×1',
      '1_B': 'B×1 (all ones)',
      'Z^{[k]}, A^{[k]}, Δ^{[k]}': 'm_k×B',
      '∂J_B/∂W^{[k]}': 'm_k×m_{k−1}',
      '∂J_B/∂b^{[k]}': 'm_k×1',
      J_B: 'scalar',
    },
    implementedBy: [`${BATCHED}#forwardBatch`, `${BATCHED}#backpropBatch`],
  },
  {
    id: '4.4',
    section: '4',
    kind: 'equation',
    title: 'First layer in the row-major layout of deep learning packages',
    latex: R`Z_{\mathrm{row}}^{[1]} = X_{\mathrm{row}} W_{\mathrm{row}}^{[1]} + \mathbf{1}_n b_{\mathrm{row}}^{[1]} \in \mathbb{R}^{n \times m}, \quad X_{\mathrm{row}} = X^\top,\ W_{\mathrm{row}}^{[1]} = W^{[1]\top},\ b_{\mathrm{row}}^{[1]} = b^{[1]\top},\ Z_{\mathrm{row}}^{[1]} = Z^{[1]\top}`,
    shapes: { X_row: 'n×d (row i is x^{(i)ᵀ})', 'W_row^{[1]}': 'd×m', 'b_row^{[1]}': '1×m', '1_n': 'n×1 (all ones)', 'Z_row^{[1]}': 'n×m' },
    implementedBy: [`${ROWS}#firstLayerRows`],
  },
  {
    id: '4/row-major-conversion',
    section: '4',
    kind: 'formula',
    title: 'Column layout to row-major layout: transpose everything, reverse every product',
    latex: R`(W^{[k]}, b^{[k]}) \mapsto (W^{[k]\top}, b^{[k]\top});\quad A_{\mathrm{row}}^{[0]} = X^\top,\quad Z_{\mathrm{row}}^{[k]} = A_{\mathrm{row}}^{[k-1]} W^{[k]\top} + \mathbf{1}_B b^{[k]\top} = Z^{[k]\top};\quad \Delta_{\mathrm{row}}^{[r]} = \tfrac{1}{B}\left(Z_{\mathrm{row}}^{[r]} - Y^\top\right),\quad \Delta_{\mathrm{row}}^{[k]} = \left(\Delta_{\mathrm{row}}^{[k+1]} W^{[k+1]}\right) \odot \sigma'(Z_{\mathrm{row}}^{[k]}),\quad \frac{\partial J_B}{\partial W^{[k]\top}} = A_{\mathrm{row}}^{[k-1]\top} \Delta_{\mathrm{row}}^{[k]},\quad \frac{\partial J_B}{\partial b^{[k]\top}} = \mathbf{1}_B^\top \Delta_{\mathrm{row}}^{[k]}`,
    shapes: {
      'W^{[k]ᵀ}': 'm_{k−1}×m_k',
      'b^{[k]ᵀ}': '1×m_k',
      'A_row^{[0]} = Xᵀ': 'B×d',
      'Z_row^{[k]}, A_row^{[k]}, Δ_row^{[k]}': 'B×m_k',
      Yᵀ: 'B×1',
      '1_B': 'B×1 (all ones)',
    },
    implementedBy: [`${ROWS}#toRowMajor`, `${ROWS}#fromRowMajor`, `${ROWS}#broadcastBiasRows`, `${ROWS}#forwardBatchRows`, `${ROWS}#backpropBatchRows`],
  },
];
