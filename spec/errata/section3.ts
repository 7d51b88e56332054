/** Errata of Section 3 (backpropagation, Algorithms 3-5), in the notes' order (spec/errata.ts says what an erratum holds). */
import type { Erratum } from '../types.js';

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
  {
    id: 'grad-shape-as-variable',
    kind: 'convention',
    where: 'Section 3.4, the paragraph after eq. 3.10 and footnote 6',
    affects: ['3.4/dA-dB-shape', '3.12', '3.13', '3.14', 'alg4.line4', 'alg5.line5', '3.10'],
    asPrinted: 'denotes the collection of the partial derivatives with the same shape as B.',
    correction:
      "Every gradient has the shape of its variable: ∂J/∂W^{[k]} is m_k×m_{k−1}, ∂J/∂b^{[k]}, ∂J/∂z^{[k]} and ∂J/∂a^{[k]} are m_k×1 columns, ∂J/∂o is a scalar (a 1×1 matrix where it is a matrix product's result). This is the transpose of the Jacobian (total-derivative) layout for column vectors (footnote 6).",
    derivation:
      'With this convention eq. 3.12-3.14 and Algorithms 4-5 are dimensionally consistent as printed (the notes check 3.12-3.13: ∂J/∂z ∈ R^m, Wᵀ ∈ R^{d×m}, ∂J/∂W ∈ R^{m×d}); the reference returns mathjs matrices of exactly these shapes.',
  },
  {
    id: 'w2-vs-W2-gradient',
    kind: 'convention',
    where: 'Section 3.3 (w^{[2]} ∈ R^m) vs Algorithm 4 line 4 (W^{[2]} ∈ R^{1×m})',
    affects: ['3.3/grad-w2', 'alg3.line4', 'alg4.line4', '2/W2-def'],
    asPrinted: String.raw`\frac{\partial J}{\partial W^{[2]}} &= \delta^{[2]} a^{\top} \in \mathbb{R}^{1 \times m}`,
    correction:
      "W^{[2]} = w^{[2]ᵀ}, so ∂J/∂W^{[2]} = (∂J/∂w^{[2]})ᵀ: Algorithm 3's ∂J/∂(w^{[2]})_j = ∂J/∂o·a_j is entry (1, j) of Algorithm 4's δ^{[2]}aᵀ. The unpacked code returns the m×1 vector, the vectorized code the 1×m row; likewise row j of ∂J/∂W^{[1]} is (∂J/∂w_j^{[1]})ᵀ. Comparisons transpose first.",
    derivation: "By grad-shape-as-variable each gradient has its variable's shape, and the two variables are transposes of each other (2/W2-def, eq. 2.7).",
  },
  {
    id: 'eq3.11-b-not-declared',
    kind: 'error-in-notes',
    where: 'Section 3.4, the sentence before eq. 3.11',
    affects: ['3.11', '3.14'],
    asPrinted: String.raw`$W \in \mathbb{R}^{m \times d}$, $u \in \mathbb{R}^d$ are the input variables`,
    correction: 'W ∈ R^{m×d}, u ∈ R^d and b ∈ R^m are the input variables',
    derivation: 'Eq. 3.11 adds b to Wu ∈ R^m, so b ∈ R^m, and eq. 3.14 differentiates J with respect to b, so b is an input variable too.',
  },
  {
    id: 'eq3.12-only-z-eq-Wu',
    kind: 'ambiguity',
    where: 'Section 3.4, after eq. 3.14',
    affects: ['3.11', '3.12', '3.13'],
    asPrinted: 'Here the chain rule in equation (3.12) only works for the special cases where z = Wu.',
    correction:
      'The chain rules (3.12)-(3.13) hold when z is the affine function z = Wu + b of u and W (any b), not for a general dependence z(u); the bias changes neither.',
    derivation:
      '∂z_i/∂u_j = W_ij and ∂z_i/∂W_ij = u_j do not involve b. Numeric check [erratum:eq3.12-only-z-eq-Wu]: for J(z) = ½‖z‖² and z = Wu + b with b = [3, −2]ᵀ ≠ 0, Wᵀ∂J/∂z equals the central-difference gradient in u within the derived bound.',
  },
  {
    id: 'sec3.4-verify-z-from-a',
    kind: 'error-in-notes',
    where: 'Section 3.4, verification of Algorithm 4 line 3, first step',
    affects: ['3.4/verify-delta1', '3.15'],
    asPrinted: String.raw`J \leftarrow J, \ a \leftarrow a, \ z \leftarrow a, \ \sigma \leftarrow \text{ReLU}`,
    correction:
      'J ← J, a ← a, z ← z, σ ← ReLU. (The other two settings are right: eq. 3.12 with J ← J, z ← o, W ← W^{[2]}, u ← a, b ← b^{[2]} gives ∂J/∂a = W^{[2]ᵀ}∂J/∂o = (o − y)W^{[2]ᵀ}, using ∂J/∂o = o − y; eq. 3.13 with z ← z, W ← W^{[1]}, u ← x, b ← b^{[1]} gives ∂J/∂W^{[1]} = ∂J/∂z·xᵀ.)',
    derivation:
      "With z ← a, eq. 3.15 yields ∂J/∂a ⊙ ReLU'(a); a = ReLU(z) >= 0 makes ReLU'(a) = 1 everywhere, so the mask 1{z >= 0} is lost. Numeric check [erratum:sec3.4-verify-z-from-a]: on a two-layer network with z_2 = z_3 = −0.75, the printed form gives ∂J/∂a = [0.375, −0.1875, 0.28125, −0.375]ᵀ while central differences of J in z give 0 in entries 2 and 3; ∂J/∂a ⊙ ReLU'(z) matches.",
  },
  {
    id: 'sec3.5-z-k-definition',
    kind: 'convention',
    where: 'Section 3.5, the recalled forward pass and Algorithm 5',
    affects: ['3.5/forward', 'alg5.line1', 'alg5.line4', '2.12', '2.13'],
    asPrinted: String.raw`Here we define both $a^{[r]}$ and $z^{[r]}$ as $h_{\theta}(x)$ for notational simplicity.`,
    correction:
      'z^{[k]} := W^{[k]}a^{[k−1]} + b^{[k]} for k = 1..r (a^{[0]} = x), a^{[k]} = σ(z^{[k]}) for k < r and a^{[r]} = z^{[r]} = h_θ(x). Algorithm 5 uses z^{[k]} for k < r, which Section 3.5 never defines.',
    derivation:
      "Only z^{[r]} is defined in Section 3.5; line 4's ReLU'(z^{[k]}) and line 1's \"store z^{[k]}\" need the pre-activations, matching z of eq. 2.9 in the two-layer case.",
  },
  {
    id: 'eq3.16-dJ-da-for-dJ-dz',
    kind: 'error-in-notes',
    where: 'Section 3.5, eq. 3.16',
    affects: ['3.16', 'alg5.line2', 'alg5.line4'],
    asPrinted: String.raw`\delta^{[k]} = \frac{\partial J}{\partial a^{[k]}} \tag{3.16}`,
    correction: 'δ^{[k]} = ∂J/∂z^{[k]}  (m_k×1)',
    derivation:
      "Algorithm 5 lines 2 and 4 state δ^{[k]} = ∂J/∂z^{[k]}, and eq. 3.10 defines δ^{[1]} = ∂J/∂z. For k = r both agree (a^{[r]} = z^{[r]}); for k < r, ∂J/∂a^{[k]} = W^{[k+1]ᵀ}δ^{[k+1]} differs from δ^{[k]} wherever z^{[k]} < 0 (ReLU). Numeric check [erratum:eq3.16-dJ-da-for-dJ-dz]: for k = 1, 2 on a [2, 4, 3, 1] network, central differences in a^{[k]} differ from the reference's δ^{[k]} (e.g. −0.875 vs 0 for k = 2, unit 2), and central differences in z^{[k]} match it.",
  },
  {
    id: 'alg5.placement',
    kind: 'conversion-artifact',
    where: 'Algorithm 5, printed after the first paragraph of Section 4',
    affects: ['alg5.line1', 'alg5.line2', 'alg5.line3', 'alg5.line4', 'alg5.line5'],
    asPrinted: 'Algorithm 5 Back-propagation for multi-layer neural networks.',
    correction: 'Algorithm 5 belongs to Section 3.5: it is the algorithm "described in Algorithm 5" in the last sentence of Section 3.5.',
    derivation:
      'The float is placed between Section 4\'s opening paragraph and "The basic idea"; it uses Section 3.5\'s notation (δ^{[k]}, a^{[k]}, z^{[k]}) and nothing from Section 4.',
  },
  {
    id: 'alg5.minus-signs-lost',
    kind: 'conversion-artifact',
    where: 'Algorithm 5, lines 1, 2 and 3',
    affects: ['alg5.line1', 'alg5.line2', 'alg5.line3'],
    asPrinted: 'for k = 1, ..., r 1, and J.',
    correction:
      'Line 1 "r − 1", line 2 "(z^{[r]} − ...)", line 3 "for k = r − 1": the minus signs are lost in the conversion (the corrected lines are in the alg5.* errata).',
    derivation: 'Same pattern as "(o y)" in Algorithms 3-4 (alg3-alg4.minus-lost); "r 1" has no other reading than r − 1.',
  },
  {
    id: 'alg5.line1-range',
    kind: 'error-in-notes',
    where: 'Algorithm 5, line 1',
    affects: ['alg5.line1', '3.5/forward'],
    asPrinted: String.raw`Compute and store the values of $a^{[k]}$'s and $z^{[k]}$'s for k = 1, ..., r 1, and J.`,
    correction: "Compute and store the values of a^{[k]}'s and z^{[k]}'s for k = 1, ..., r (with a^{[0]} = x), and J.",
    derivation:
      'Line 2 reads z^{[r]} and J needs a^{[r]} = z^{[r]}, so the forward pass must store layer r too. Numeric check [erratum:alg5.line1-range]: the transcription that stores only k = 1..r−1 (reference/asPrinted.ts#algorithm5WithPrintedLines) fails at line 2 because z^{[3]} was never stored, and so does the fully printed Algorithm 5.',
  },
  {
    id: 'alg5.line2-o-for-y',
    kind: 'error-in-notes',
    where: 'Algorithm 5, line 2',
    affects: ['alg5.line2'],
    asPrinted: String.raw`\delta^{[r]} = \frac{\partial J}{\partial z^{[r]}} = (z^{[r]} o)`,
    correction: 'δ^{[r]} = ∂J/∂z^{[r]} = z^{[r]} − y',
    derivation:
      'J = ½(z^{[r]} − y)² gives ∂J/∂z^{[r]} = z^{[r]} − y. Since o = h_θ(x) = z^{[r]}, z^{[r]} − o is identically 0 (the product reading z^{[r]}·o is wrong too). Numeric check [erratum:alg5.line2-o-for-y]: with the printed line 2 every gradient is exactly 0, while central differences give ∂J/∂W^{[k]} far from 0 for k = 1, 2, 3; the corrected line reproduces them within the derived bound.',
  },
  {
    id: 'alg5.line3-tilde',
    kind: 'conversion-artifact',
    where: 'Algorithm 5, line 3',
    affects: ['alg5.line3'],
    asPrinted: String.raw`**for** k = r 1 to $\tilde{1}$ **do**`,
    correction: 'for k = r − 1 down to 0 do (the tilde over 1 is a stray mark; the end value 0 is alg5.loop-misses-layer1)',
    derivation: 'No quantity 1̃ exists in the notes; the loop runs over integer layer indices downward.',
  },
  {
    id: 'alg5.loop-misses-layer1',
    kind: 'error-in-notes',
    where: 'Algorithm 5, lines 3 and 5',
    affects: ['alg5.line3', 'alg5.line5'],
    asPrinted: String.raw`**for** k = r 1 to $\tilde{1}$ **do**`,
    correction:
      'for k = r − 1 down to 0: line 4 for k >= 1 only, line 5 for every k, with a^{[0]} = x. Equivalently, after the printed loop, also compute ∂J/∂W^{[1]} = δ^{[1]}xᵀ and ∂J/∂b^{[1]} = δ^{[1]}.',
    derivation:
      'Line 5 at step k produces the gradients of layer k + 1, so k = r−1..1 yields layers r..2 only; δ^{[1]} is computed (line 4 at k = 1) but never used, though Section 3.5 says the algorithm "computes δ^{[k]}\'s from k = r to 1, and computes ∂J/∂W^{[k]} from δ^{[k]}". Numeric check [erratum:alg5.loop-misses-layer1]: the printed loop leaves ∂J/∂W^{[1]}, ∂J/∂b^{[1]} undefined; the reference\'s (loop to 0) match central differences.',
  },
  {
    id: 'alg5.line4-delta-k-minus-1',
    kind: 'error-in-notes',
    where: 'Algorithm 5, line 4',
    affects: ['alg5.line4'],
    asPrinted: String.raw`\left(W^{[k+1]}^{\top} \delta^{[k-1]} \right) \odot \operatorname{ReLU}'(z^{[k]})`,
    correction: "δ^{[k]} = ∂J/∂z^{[k]} = (W^{[k+1]ᵀ} δ^{[k+1]}) ⊙ ReLU'(z^{[k]})",
    derivation:
      'z^{[k+1]} = W^{[k+1]}a^{[k]} + b^{[k+1]}, so eq. 3.12 gives ∂J/∂a^{[k]} = W^{[k+1]ᵀ}∂J/∂z^{[k+1]} = W^{[k+1]ᵀ}δ^{[k+1]} and eq. 3.15 gives δ^{[k]}. Shapes: W^{[k+1]ᵀ} is m_k×m_{k+1}, δ^{[k+1]} is m_{k+1}×1, but δ^{[k−1]} is m_{k−1}×1 — and the loop runs downward, so δ^{[k−1]} is never available when line 4 runs. Numeric check [erratum:alg5.line4-delta-k-minus-1]: the printed line fails for lack of δ^{[1]} at k = 2, and W^{[2]ᵀ} (4×3) times any vector of length m_0 = 2 is undefined.',
  },
  {
    id: 'alg5.line5-z-for-a',
    kind: 'error-in-notes',
    where: 'Algorithm 5, line 5',
    affects: ['alg5.line5'],
    asPrinted: String.raw`\frac{\partial J}{\partial W^{[k+1]}} = \delta^{[k+1]} z^{[k]^{\top}}`,
    correction: '∂J/∂W^{[k+1]} = δ^{[k+1]} a^{[k]ᵀ}  (m_{k+1}×m_k), ∂J/∂b^{[k+1]} = δ^{[k+1]}',
    derivation:
      'Eq. 3.13 with z ← z^{[k+1]}, W ← W^{[k+1]}, u ← a^{[k]}: the input of layer k + 1 is a^{[k]}, not z^{[k]} (cf. Algorithm 4: ∂J/∂W^{[2]} = δ^{[2]}aᵀ). The two differ wherever z^{[k]} < 0 (ReLU), and for k = 0 z^{[0]} does not exist. Numeric check [erratum:alg5.line5-z-for-a]: for layers 2 and 3 of a [2, 4, 3, 1] network with negative pre-activations the printed line is off by up to 0.49 from central differences (by hand: entry 2 of ∂J/∂W^{[3]} is 0.875·(−0.4375) printed, 0 true); δ^{[k+1]}a^{[k]ᵀ} matches.',
  },
];
