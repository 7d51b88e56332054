/**
 * Errata of Section 3 (backpropagation) up to Section 3.3 (Theorem 3.1, the chain rule, Algorithm 3), in the notes' order;
 * Sections 3.4-3.5 (Algorithms 4-5) are in section3vectorized.ts (spec/errata.ts says what an erratum holds).
 */
import type { Erratum } from '../types.js';
import { SECTION_3_VECTORIZED_ERRATA } from './section3vectorized.js';

export const SECTION_3_ERRATA: readonly Erratum[] = [
  {
    id: 'thm3.1-relu-not-differentiable',
    kind: 'error-in-notes',
    where: 'Section 3, the definitions before Theorem 3.1',
    affects: ['thm3.1', '2/relu', '3.2/local-derivs'],
    asPrinted: 'elementary differentiable functions (ReLU, exp, log, sin, cos, etc.)',
    correction:
      "ReLU is differentiable everywhere except at 0, where its one-sided derivatives are 0 and 1. The notes (and the reference) use ReLU'(z) := 1{z >= 0}, so at a kink backpropagation returns the value the circuit with that derivative computes, which is not a derivative of J (see relu-prime-at-zero).",
    derivation:
      'Numeric check [erratum:thm3.1-relu-not-differentiable]: (ReLU(h) − ReLU(0))/h = 1, (ReLU(0) − ReLU(−h))/h = 0 and the central difference at 0 is exactly 1/2, while reluPrime(0) = 1.',
  },
  {
    id: 'relu-prime-at-zero',
    kind: 'convention',
    where: "Section 3.2 (∂o/∂z = 1{z ≥ 0}) and every ReLU' in Sections 3.3-3.5",
    affects: [
      '2/relu',
      '3.4/relu-prime',
      '3.2/local-derivs',
      '3.2/grad-wi',
      '3.2/grad-w',
      '3.2/grad-b',
      '3.3/dJ-dzj',
      '3.9',
      'alg4.line3',
      '3.4/verify-delta1',
      'alg5.line4',
    ],
    asPrinted: String.raw`\frac{\partial o}{\partial z} = 1\{z \ge 0\}`,
    correction:
      "ReLU'(z) = 1{z >= 0}, so ReLU'(0) = 1 — in float64 and in BigNumber mode alike, by an exact comparison (reference/activations.ts#reluPrime). tfjs and PyTorch use 0 at 0; implementations following them differ from the reference only where some z_j^{[k]} is exactly 0. The conformance suite therefore accepts any ReLU'(0) in [0, 1]: it probes a pre-activation that is exactly 0 (conformance/core/cases.ts#kinkCase), reports the value found as a convention (status \"convention\" when it is not 1), fails a value outside [0, 1] or one that differs from the value the implementation declares, and demands the notes' 1 under --strict. Elsewhere its bounds let ReLU' take either value wherever the rounding error of z^{[k]} reaches 0.",
    derivation:
      "The notes write the indicator 1{z ≥ 0} in eq. 3.9, Algorithm 4 line 3 and Section 3.2; any value in [0, 1] is a subgradient at 0, and the notes' choice is 1. Gradient checks against finite differences must keep every pre-activation away from 0 (the tests check the activation pattern at every step).",
  },
  {
    id: 'thm3.1-cost-accounting',
    kind: 'convention',
    where: 'Section 3, Theorem 3.1 and footnote 4',
    affects: ['thm3.1'],
    asPrinted:
      'then we set by default the gradient w.r.t that coordinate to zero. Setting to zero does not count towards the total runtime here in our accounting scheme.',
    correction:
      "Costs are counted in scalar operations of the reference code (reference/theorem31.ts: multiplications, additions, σ and σ' evaluations, each O(1); transposes, copies and zero-filling free). N is the forward count, and the theorem's O(N) is read as: the backward count is at most a fixed constant times N, uniformly over layer sizes.",
    derivation:
      'The theorem is informal ("O(N)", "size of the circuit"); an executable check needs a fixed unit of cost. Footnote 4 explicitly makes writing default zeros free.',
  },
  {
    id: 'thm3.1-memory-and-scalar-output',
    kind: 'ambiguity',
    where: 'Section 3, Theorem 3.1',
    affects: ['thm3.1', 'alg5.line1'],
    asPrinted: String.raw`Then, the gradient ∇f can be computed in time O(N), by a circuit of size O(N).`,
    correction:
      "Two limits the theorem leaves unsaid. Memory: the backward pass reads the forward pass's intermediate values in reverse order, so they are all stored (Algorithm 5 line 1: 'compute and store' every z^{[k]}, a^{[k]}, 2(m_1 + ... + m_r) numbers for one example), O(N) memory in general, where evaluating f alone keeps only the values still to be read (two layers at a time for the network); recomputing instead of storing (checkpointing) trades time for memory. Output: f is real-valued. For f: R^ℓ → R^q the Jacobian has qℓ entries; where it is dense and qℓ ≫ N no algorithm writes it in O(N) time. So the B per-example gradients of a mini-batch cost B backward passes, while the gradient of their mean (eq. 1.5), a real-valued f, costs one.",
    derivation:
      'Line 5 at step k reads a^{[k]}, computed at layer k of the forward pass, so every a^{[k]}, z^{[k]} is live when the backward pass starts. Dense output: f_i(x) = c_i·(x_1 + ... + x_ℓ), i = 1..q, is a circuit of ℓ − 1 additions and q multiplications, N = ℓ + q − 1, and its Jacobian has all qℓ entries ∂f_i/∂x_j = c_i ≠ 0: for ℓ = q = 1000, N = 1999 and 10^6 entries. Numeric check [erratum:thm3.1-memory-and-scalar-output]: reference/network.ts#forward stores 2(m_1 + ... + m_r) values, growing with the depth, while max_k(m_{k−1} + m_k) stays fixed.',
  },
  {
    id: 'notation.symbol-overloading',
    kind: 'ambiguity',
    where: 'Theorem 3.1 and footnote 4 (ℓ), Section 3.3 (ℓ, p), Section 3.4 (m, d, A, B), eq. 2.10 and 2.14-2.15 (d, σ), Algorithm 2 (B)',
    affects: ['thm3.1', '3.3/grad-w2', '3.3/grad-w1', '3.11', '3.15', '3.4/dA-dB-shape', '2.10', '2.14', '2.15', '1.5', '3.1'],
    asPrinted: String.raw`We will use $(w^{[2]})_{\ell}$ to denote the ℓ -th coordinate of $w^{[2]}$, and $(w^{[1]}_{j})_{\ell}$ to denote the ℓ -coordinate of $w^{[1]}_{j}$.`,
    correction:
      "Beyond i, j, k (notation.index-overloading): ℓ is the input dimension of f: R^ℓ → R (Theorem 3.1, footnote 4's N <= ℓ) and a coordinate index in Section 3.3, ranging over 1..m in (w^{[2]})_ℓ and over 1..d in (w_j^{[1]})_ℓ. m is the hidden width of the two-layer network (m = m_1), the output width of the generic affine map of eq. 3.11 (m_k for layer k) and the rows of B in ∂A/∂B. d is the input dimension x ∈ R^d, but the input width of eq. 3.11 (u ∈ R^d: m_{k−1} for layer k, the network's d only for k = 1), the width of eq. 3.15's z, a ∈ R^d (m in the two-layer network) and of t ∈ R^d in eq. 2.10. σ is any activation ('non-linear function σ(·)'), and each of sigmoid (2.14) and tanh (2.15) is written σ(z). B is the batch size (Algorithm 2) and the matrix variable of ∂A/∂B (Section 3.4), A a real variable there. p counts the inputs θ_1..θ_p of eq. 3.1 and the parameters of the network (Section 3.3), the same when θ is all of them. The reference names each meaning apart (layerSizes' d and m_k, a batch's B, an activation by name).",
    derivation:
      "Each use is local and clear in context; code that shares scope across sections must not conflate them. Numeric check [erratum:notation.symbol-overloading]: for layer 2 of a [3, 4, 2, 1] network, eq. 3.11-3.13 read with u = a^{[1]} give ∂J/∂W^{[2]} of shape 2×4: their d is m_1 = 4, not the network's d = 3.",
  },
  {
    id: 'sec3.J-per-example',
    kind: 'convention',
    where: 'Section 3.2, "Simplifying notations" (applies to all of Section 3)',
    affects: ['3.6', '3.8', '3.5/forward', '1.1', '3.10', '3.16'],
    asPrinted: String.raw`we use $J = \frac{1}{2}(y - o)^2$ to denote the loss function. (Note that this overrides the definition of J as the total loss in Section 1.)`,
    correction:
      'In Section 3 and Algorithms 3-5, J is the per-example loss J^{(j)}(θ) = ½(h_θ(x^{(j)}) − y^{(j)})² of the current example (x, y). ½(y − o)² (eq. 3.6, 3.8) and ½(a^{[r]} − y)² (Section 3.5) are the same number and one function (reference/loss.ts#squaredLoss). Gradients of the dataset loss (1.2) are the means of these (sec1.dataset-loss-mean-of-halves).',
    derivation: '(y − o)² = (o − y)²; "we consider a generic input x" and "the loss function J^{(j)}(θ) for j-th example" fix the reading.',
  },
  {
    id: 'sec3.2-gradient-of-h',
    kind: 'ambiguity',
    where: 'Section 3.2, "Simplifying notations"',
    affects: ['3.7', '3.2/grad-w', '3.2/grad-b'],
    asPrinted: String.raw`we will consider a generic input x and compute the gradient of $h_{\theta}(x)$ w.r.t θ`,
    correction:
      'We compute the gradient of the loss J = ½(y − h_θ(x))² with respect to θ, as the same paragraph then says ("Our goal is to compute the derivative of J w.r.t the parameter θ") and as every formula of Section 3 does.',
    derivation: '∇_θ J = (o − y)∇_θ h_θ(x): the two gradients differ by the factor (o − y), and every result in Section 3 carries that factor.',
  },
  {
    id: 'sec3.2-relu-output',
    kind: 'convention',
    where: 'Section 3.2, eq. 3.4-3.6',
    affects: ['3.4', '3.5', '3.6', '2.2'],
    asPrinted: String.raw`o = \text{ReLU}(z) \tag{3.5}`,
    correction:
      'The one-neuron network of Section 3.2 is eq. 2.2 and keeps the ReLU on its output (reference/neuron.ts), unlike the multi-layer network of eq. 2.12 / Section 3.5 whose last layer is linear. Its gradient is therefore 0 whenever z < 0.',
    derivation:
      '"We first consider the neural network with one neuron defined in equation (2.2)", and (2.2) is ReLU(wᵀx + b); footnote 3 on dropping the output ReLU concerns multi-layer networks.',
  },
  {
    id: 'sec3.2-o-depends-on-z',
    kind: 'error-in-notes',
    where: 'Section 3.2, the paragraph after the gradient ∂J/∂w_i',
    affects: ['3.2/local-derivs', '3.2/do-dwi'],
    asPrinted: 'o directly depends on a via equation (3.5)',
    correction: 'o directly depends on z via equation (3.5)',
    derivation: 'Eq. 3.5 is o = ReLU(z); there is no variable a in the one-neuron network, and the local derivative being justified is ∂o/∂z.',
  },
  {
    id: 'sec3.3-a_i-input-variable',
    kind: 'error-in-notes',
    where: 'Section 3.3, before the formula for ∂J/∂a_j',
    affects: ['3.3/dJ-daj'],
    asPrinted: 'o as the intermediate variable, and a_i as the input variable,',
    correction: 'o as the intermediate variable, and a_j as the input variable,',
    derivation: 'The formula that follows is ∂J/∂a_j = ∂J/∂o · ∂o/∂a_j = (o − y)(w^{[2]})_j.',
  },
  {
    id: 'sec3.3-combined-w_i',
    kind: 'error-in-notes',
    where: 'Section 3.3, "Now combining the equations above"',
    affects: ['3.3/grad-w1'],
    asPrinted: String.raw`\frac{\partial J}{\partial (w_i^{[1]})_{\ell}} = (o - y) \cdot (w^{[2]})_j 1\{z_j \ge 0\} x_{\ell}`,
    correction: '∂J/∂(w_j^{[1]})_ℓ = (o − y)·(w^{[2]})_j·1{z_j ≥ 0}·x_ℓ',
    derivation:
      'Chaining the three displayed steps (∂J/∂(w_j)_ℓ = ∂J/∂z_j·x_ℓ, ∂J/∂z_j = ∂J/∂a_j·1{z_j ≥ 0}, ∂J/∂a_j = (o − y)(w^{[2]})_j) gives index j on the left. Numeric check [erratum:sec3.3-combined-w_i]: read with i = 1, j = 2, ℓ = 1 the printed right side is 0 while ∂J/∂(w_1^{[1]})_1 by central differences is 0.375; with i = j it matches central differences for all j, ℓ.',
  },
  {
    id: 'sec3.3-parameter-count',
    kind: 'ambiguity',
    where: 'Section 3.3, the runtime paragraph after the combined formula',
    affects: ['3.3/param-count', '3.3/naive-cost'],
    asPrinted: String.raw`Let p denotes the total number of parameters in the network. We note that $p \ge md$`,
    correction:
      'p = (d + 1)m + (m + 1) = md + 2m + 1: W^{[1]} has md entries, b^{[1]} and w^{[2]} m each, b^{[2]} one (2/param-count with r = 2, m_1 = m). So p >= md holds, with p − md = 2m + 1, and so does "computing the output o takes at least p operations": each parameter is an operand of its own forward operation, and the forward pass takes 2md + 3m >= md + 2m + 1 operations (reference/theorem31.ts counting).',
    derivation:
      'The notes state the inequality without the count. 2md + 3m − (md + 2m + 1) = md + m − 1 >= 1 for d, m >= 1. Numeric check [erratum:sec3.3-parameter-count]: parameterCount([d, m, 1]) = md + 2m + 1 and forwardCost([d, m, 1]) = 2md + 3m >= p for d, m <= 30.',
  },
  {
    id: 'sec3.3-naive-cost',
    kind: 'error-in-notes',
    where: 'Section 3.3, the runtime paragraph after the combined formula',
    affects: ['3.3/naive-cost', '3.3/grad-w1'],
    asPrinted: String.raw`Therefore at the first glance computing a single gradient takes at least md time, and the total time to compute the derivatives w.r.t to all the parameters is at least $(md)^2$, which is inefficient.`,
    correction:
      'Computing a single partial derivative ∂J/∂(w_j^{[1]})_ℓ on its own (one entry of the gradient, not the gradient) takes at least md time, its forward pass alone being 2md + 3m operations; computing the md first-layer partial derivatives that way takes at least (md)² (md(2md + 3m + 8) operations counted as in reference/theorem31.ts). The gradient ∇_θ J, all p = md + 2m + 1 partial derivatives, takes O(md) by backpropagation: 3md + 7m + 4 operations.',
    derivation:
      '∇_θ J is the vector of all p partial derivatives (footnote 6: it has the shape of θ). Read literally, "a single gradient takes at least md time" and "the total time ... is at least (md)²" describe the whole gradient, which Theorem 3.1 computes in O(N) = O(md); they hold for the route the paragraph has in mind, one forward pass per partial derivative. Numeric check [erratum:sec3.3-naive-cost]: the arithmetic of reference/twoLayerUnpacked.ts#gradW1Entry, counted on BigNumbers, is 2md + 3m + 8 per entry; for d = 100, m = 50 the md entries cost 50,790,000 >= (md)² = 25,000,000 operations, and backprop computes all of them in 15,354 < (md)².',
  },
  {
    id: 'sec3.3-shared-terms-index-i',
    kind: 'error-in-notes',
    where: 'Section 3.3, the paragraph introducing Algorithm 3',
    affects: ['3.3/grad-w1', '3.9'],
    asPrinted: String.raw`share many terms, such as, (o-y), $(w^{[2]})_i$ and $1\{z_i \geq 0\}$`,
    correction: 'share many terms, such as (o − y), (w^{[2]})_j and 1{z_j ≥ 0}',
    derivation:
      'The formula for ∂J/∂(w_j^{[1]})_ℓ contains (w^{[2]})_j and 1{z_j ≥ 0}, which are shared across ℓ for a fixed hidden unit j; i indexes input coordinates.',
  },
  {
    id: 'sec3.3-dJ-dsigma',
    kind: 'conversion-artifact',
    where: 'Section 3.3, the sentence before Algorithm 3',
    affects: ['alg3.line2', 'alg3.line3', '3.10'],
    asPrinted: String.raw`are $\frac{\partial J}{\partial \sigma}$ $\frac{\partial J}{\partial z_1}, \dots, \frac{\partial J}{\partial z_m}$`,
    correction: 'are ∂J/∂o, ∂J/∂z_1, ..., ∂J/∂z_m',
    derivation:
      'Algorithm 3 computes exactly ∂J/∂o (line 2) and ∂J/∂z_j (line 3); σ is not a variable of Section 3.3 (it names the activation function of eq. 2.14); the missing comma is another conversion symptom.',
  },
  {
    id: 'alg3-alg4.minus-lost',
    kind: 'conversion-artifact',
    where: 'Algorithm 3 line 2; Algorithm 4 lines 2 and 3',
    affects: ['alg3.line2', 'alg3.line3', 'alg4.line2', 'alg4.line3'],
    asPrinted: String.raw`- 2: Compute $\frac{\partial J}{\partial o} = (o y)$. 3: Compute`,
    correction:
      'Algorithm 3 line 2: ∂J/∂o = (o − y) (and line 3 starts a new line). Algorithm 4 line 2: δ^{[2]} = (o − y) ∈ R; line 3: δ^{[1]} = (o − y)·W^{[2]ᵀ} ⊙ 1{z ≥ 0} ∈ R^{m×1} (the scalar factor commutes with ⊙, so the grouping does not matter).',
    derivation:
      'J = ½(y − o)² gives ∂J/∂o = o − y, which the text of Sections 3.2-3.3 prints as "(o - y)". Numeric check [erratum:alg3-alg4.minus-lost]: reading "(o y)" as the product o·y gives 0.15625 where the central difference of J in o gives 0.375 = o − y.',
  },
  {
    id: 'alg3.line4-subscript-i',
    kind: 'error-in-notes',
    where: 'Algorithm 3, line 4',
    affects: ['alg3.line4'],
    asPrinted: String.raw`4: Compute $\frac{\partial J}{\partial (w_i^{[1]})_\ell}$, $\frac{\partial J}{\partial b_i^{[1]}}$`,
    correction: 'Compute ∂J/∂(w_j^{[1]})_ℓ and ∂J/∂b_j^{[1]} for j = 1..m, ℓ = 1..d, ∂J/∂(w^{[2]})_j for j = 1..m, and ∂J/∂b^{[2]}',
    derivation:
      'The four formulas printed under line 4 are indexed by j (and ℓ); the index ranges, which the line omits, are those of w_j^{[1]} ∈ R^d, j = 1..m.',
  },
  ...SECTION_3_VECTORIZED_ERRATA,
];
