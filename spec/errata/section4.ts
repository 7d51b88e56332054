/** Errata of Section 4 (vectorization over examples) and the prose typos, in the notes' order (spec/errata.ts says what an erratum holds). */
import type { Erratum } from '../types.js';

export const SECTION_4_ERRATA: readonly Erratum[] = [
  {
    id: 'sec4.z-superscript-garbled',
    kind: 'conversion-artifact',
    where: 'Section 4, "The basic idea" (first line) and eq. 4.2',
    affects: ['4/per-example-z', '4.2'],
    asPrinted: String.raw`z^{1} &= W^{[1]} x^{(1)} + b^{[1]}`,
    correction: 'z^{[1](1)} = W^{[1]}x^{(1)} + b^{[1]}, and z^{[1](1)} is the first column of Z^{[1]} in eq. 4.2.',
    derivation: 'The other two lines read z^{[1](2)} and z^{[1](3)}; the text then explains [·] for the layer and (·) for the example.',
  },
  {
    id: 'sec4.activations-vs-preactivations',
    kind: 'error-in-notes',
    where: 'Section 4, "The basic idea"',
    affects: ['4/per-example-z'],
    asPrinted: 'The first-layer activations for each example are as follows:',
    correction: 'The first-layer pre-activations z^{[1](i)} for each example are as follows (the activations are a^{[1](i)} = ReLU(z^{[1](i)})):',
    derivation: 'The displayed quantities are W^{[1]}x^{(i)} + b^{[1]}, i.e. z, which Sections 2-3 distinguish from a = ReLU(z).',
  },
  {
    id: 'sec4.m-printed-as-4',
    kind: 'error-in-notes',
    where: 'Section 4, after eq. 4.2 (three occurrences)',
    affects: ['4.2', '4.3', '4/broadcast-sum'],
    asPrinted: String.raw`add $b^{[1]} \in \mathbb{R}^{4\times 1}$ to $W^{[1]}X \in \mathbb{R}^{4\times 3}$`,
    correction: 'b^{[1]} ∈ R^{m×1}, W^{[1]}X ∈ R^{m×3} and b̃^{[1]} ∈ R^{m×3}, where m is the number of hidden units (4 only in a network with m = 4).',
    derivation:
      'W^{[1]} ∈ R^{m×d} and X ∈ R^{d×3} give W^{[1]}X ∈ R^{m×3}; nothing in Section 4 sets m = 4 (the row-major paragraph itself writes R^{3×m}). Numeric check [erratum:sec4.m-printed-as-4]: for m = 2, W^{[1]}X is 2×3 and a broadcast 4×3 bias cannot be added.',
  },
  {
    id: 'eq4.3-garbled-matrix',
    kind: 'conversion-artifact',
    where: 'Section 4, eq. 4.3 (and the matrix of eq. 4.2)',
    affects: ['4.3', '4.2'],
    asPrinted: String.raw`b^{[1]} & b^{[1]} & b^{[1]} & | & | \\ | & | & | & | & |`,
    correction:
      'b̃^{[1]} = [b^{[1]} b^{[1]} b^{[1]}] ∈ R^{m×3}: three copies of the column b^{[1]}, one per example. (The matrix of eq. 4.2 likewise has a stray leading column separator.)',
    derivation: 'The converted matrix has 5 columns in rows 2-3 and 4 in row 1; b̃^{[1]} must have the shape of W^{[1]}X ∈ R^{m×3} to be added to it.',
  },
  {
    id: 'sec4.general-n',
    kind: 'convention',
    where: 'Section 4, eq. 4.1-4.4 (written for three examples)',
    affects: ['4.1', '4.2', '4.3', '4/broadcast-sum', '4.4', '4/multi-layer'],
    asPrinted: String.raw`\in \mathbb{R}^{d \times 3}`,
    correction:
      'The three examples stand for any number n (the data set) or B (a mini-batch): X = [x^{(1)} ... x^{(n)}] ∈ R^{d×n}, Z^{[1]}, b̃^{[1]} ∈ R^{m×n}; in the row layout X ∈ R^{n×d}, Z^{[1]} ∈ R^{n×m}. Column (row) t holds example t, in the order given (for a mini-batch, the drawn order j_1..j_B).',
    derivation:
      'Nothing in eq. 4.1-4.4 depends on the number 3, and Section 4 is motivated by Algorithm 2\'s "computing the gradient of B examples simultaneously".',
  },
  {
    id: 'sec4.multilayer-batched',
    kind: 'convention',
    where: 'Section 4, "The matricization approach as above can easily generalize to multiple layers"',
    affects: ['4/multi-layer'],
    asPrinted: 'The matricization approach as above can easily generalize to multiple layers, with one subtlety though, as discussed below.',
    correction:
      "A^{[0]} = X; Z^{[k]} = W^{[k]}A^{[k−1]} + b̃^{[k]}; A^{[k]} = σ(Z^{[k]}) for k < r, A^{[r]} = Z^{[r]} ∈ R^{1×n}. Backward, with the 1/B of eq. 1.5 applied once, in the output delta (eq1.5.batch-mean; B = n for the whole data set): Δ^{[r]} = (Z^{[r]} − Y)/B (Y = [y^{(1)} ... y^{(n)}]), Δ^{[k]} = (W^{[k+1]ᵀ}Δ^{[k+1]}) ⊙ σ'(Z^{[k]}), ∂J_B/∂W^{[k]} = Δ^{[k]}A^{[k−1]ᵀ} and ∂J_B/∂b^{[k]} = Δ^{[k]}1_B, the mean gradients, with no further division. Column t of Z^{[k]}, A^{[k]} is the per-example z^{[k](t)}, a^{[k](t)}, and column t of Δ^{[k]} is δ^{[k](t)}/B, so the batched pass agrees with n runs of the corrected Algorithm 5 averaged (to float64 rounding).",
    derivation:
      'Each column of W^{[k]}A^{[k−1]} + b̃^{[k]} is W^{[k]}a^{[k−1](t)} + b^{[k]}, and σ, σ\' act entry-wise, so every line of Algorithm 5 holds column by column; the notes\' "subtlety" is only the row layout (sec4.row-major-layout).',
  },
  {
    id: 'sec4.all-packages-rows',
    kind: 'error-in-notes',
    where: 'Section 4, "Complications/Subtlety in the Implementation", first two sentences',
    affects: ['4.4', '4/row-major-conversion'],
    asPrinted:
      'All the deep learning packages or implementations put the data points in the rows of a data matrix. (If the data point itself is a matrix or tensor, then the data are concentrated along the zero-th dimension.)',
    correction:
      'Most deep learning packages put the data points along the first axis, one per row: PyTorch, TensorFlow/Keras, JAX, and tfjs (this project\'s accelerated path). Not all: Flux.jl (Julia) takes a features × batch matrix, the examples as columns, as in the notes. For tensor data, the points are stacked along a new axis 0 (n points of shape s give shape (n, ...s)), which is concatenation along axis 0 only after giving each point a leading axis of length 1 (the "concentrated" typo: prose-typos).',
    derivation:
      'One counterexample refutes "all": Flux\'s Dense(5, 2) applied to a 5×64 array returns a 2×64 array (D × N data, Julia\'s column-major arrays). Stacking n arrays of shape (s_1, ..., s_q) gives (n, s_1, ..., s_q); concatenating them along axis 0 gives (n·s_1, s_2, ..., s_q). The reference supports both layouts and the suite checks that they agree (identities/rows-transpose-columns).',
  },
  {
    id: 'sec4.row-major-term',
    kind: 'ambiguity',
    where: 'Section 4, "Complications/Subtlety in the Implementation"',
    affects: ['4.4', '4/row-major-conversion'],
    asPrinted: 'using the row major convention',
    correction:
      '"Row major" here means "one example per row" (examples along dimension 0), not the memory order of matrix entries (row-major vs column-major storage). The reference\'s two layouts differ in which axis indexes examples; memory order is irrelevant to them.',
    derivation:
      'The paragraph defines the convention by "put the data points in the rows of a data matrix", which is a statement about axes; storage order does not change any formula.',
  },
  {
    id: 'sec4.row-major-layout',
    kind: 'convention',
    where: 'Section 4, eq. 4.4 and the preceding sentence',
    affects: ['4.4', '4/row-major-conversion'],
    asPrinted: String.raw`Z^{[1]} = XW^{[1]} + b^{[1]} \in \mathbb{R}^{3 \times m}`,
    correction:
      "In eq. 4.4 the symbols denote the transposes of the column-layout quantities: X_row = Xᵀ (n×d), W_row^{[k]} = W^{[k]ᵀ} (m_{k−1}×m_k), b_row^{[k]} = b^{[k]ᵀ} (1×m_k, broadcast down the n rows), Z_row^{[k]} = Z^{[k]ᵀ} = A_row^{[k−1]}W_row^{[k]} + b_row^{[k]}; gradients transpose likewise: Δ_row^{[r]} = (Z_row^{[r]} − Yᵀ)/B = Δ^{[r]ᵀ}, with the 1/B applied there once (eq1.5.batch-mean), and ∂J_B/∂W_row^{[k]} = A_row^{[k−1]ᵀ}Δ_row^{[k]} = (∂J_B/∂W^{[k]})ᵀ, not divided again. Parameters are always stored in the notes' column layout (W^{[k]} ∈ R^{m_k×m_{k−1}}) and converted explicitly (reference/rowMajor.ts#toRowMajor).",
    derivation:
      '(W^{[1]}X + b̃^{[1]})ᵀ = XᵀW^{[1]ᵀ} + b̃^{[1]ᵀ}: "all the matrices are transposed, and the orders of the matrix multiplications are flipped". The notes reuse the name W^{[1]} for the d×m transpose; keeping one storage layout avoids that overloading.',
  },
  // ---------------------------------------------------------------- prose
  {
    id: 'prose-typos',
    kind: 'error-in-notes',
    where: 'Throughout (prose only, no formula affected)',
    affects: [],
    asPrinted: 'staring from the next section',
    correction:
      'Section 1: "staring" → "starting"; "stochastic gradient (SGD)" → "stochastic gradient descent (SGD)"; "lightly different" → "slightly different". Section 2: "ReLUof" → "ReLU of" (Figure 3 caption, likely conversion); "this would have be true" → "would be true"; "many other non-linear function" → "functions"; "can significantly depends" → "depend"; "can viewed" → "can be viewed"; "we are not learning ... but also" → "not only ... but also"; "the last penultimate layer" → "the penultimate layer"; "from one datasets (that is, the function φ_β(·) can be" → "from one dataset (that is, the function φ_β(·)) can be". Section 3: "backpropgation" → "backpropagation"; "ecan be computed" → "can be computed"; "the ℓ-coordinate" → "the ℓ-th coordinate"; "becaues" → "because"; "Let p denotes" → "Let p denote". Section 4: "concentrated along the zero-th dimension" → "concatenated (stacked) along the zero-th dimension" (the claim about "all" packages next to it is sec4.all-packages-rows).',
    derivation: 'Spelling and grammar; none changes a formula. Listed so that a reader comparing against the text does not mistake them for content.',
  },
];
