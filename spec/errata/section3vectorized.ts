/** Errata of Sections 3.4-3.5 (vector notation, Algorithms 4-5), in the notes' order (spec/errata.ts says what an erratum holds). */
import type { Erratum } from '../types.js';

export const SECTION_3_VECTORIZED_ERRATA: readonly Erratum[] = [
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
    id: 'sec3.4-verification-equations',
    kind: 'error-in-notes',
    where: 'Section 3.4, the sentence introducing the verification of Algorithm 4',
    affects: ['3.4/verify-delta1', '3.4/verify-dW1', '3.14', 'alg4.line2', 'alg4.line4'],
    asPrinted: 'Using equation (3.12), (3.13), and (3.15), we can verify the correctness of Algorithm 4.',
    correction:
      'Verifying Algorithm 4 takes eq. 3.12-3.15 and ∂J/∂o = o − y: line 2 is ∂J/∂o = o − y (from J = ½(y − o)²); line 3 is eq. 3.12 (z ← o, W ← W^{[2]}, u ← a, b ← b^{[2]}: ∂J/∂a = W^{[2]⊤}δ^{[2]}) then eq. 3.15 (z ← z, a ← a, σ ← ReLU); in line 4, ∂J/∂W^{[2]} = δ^{[2]}aᵀ and ∂J/∂W^{[1]} = δ^{[1]}xᵀ are eq. 3.13, and ∂J/∂b^{[2]} = δ^{[2]}, ∂J/∂b^{[1]} = δ^{[1]} are eq. 3.14, which the sentence leaves out. (The text then verifies line 3 and the third equation of line 4 only.)',
    derivation:
      "Eq. 3.14 (∂J/∂b = ∂J/∂z) is the only one of the four rules that gives a bias gradient, and two of line 4's four equations are bias gradients; ∂J/∂o = o − y is none of 3.12-3.15. Numeric check [erratum:sec3.4-verification-equations]: composing reference/chainRule.ts's dJdu (3.12), dJdzThroughActivation (3.15), dJdW (3.13) and dJdb (3.14) from δ^{[2]} = o − y reproduces every output of Algorithm 4 (reference/twoLayerVectorized.ts#algorithm4) exactly; the bias gradients come from dJdb alone.",
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
    id: 'alg5.triangleright-comment',
    kind: 'conversion-artifact',
    where: 'Algorithm 5, line 1',
    affects: ['alg5.line1'],
    asPrinted: String.raw`and J. \triangleright This is often called the "forward pass"`,
    correction:
      'Line 1 ends at "and J."; "▷ This is often called the forward pass" is a comment on the line, the triangle ▷ that LaTeX\'s algorithm packages print before a comment, left as the unrendered command \\triangleright outside math.',
    derivation:
      "The remark names the line; it computes nothing. The inventory's alg5.line1 leaves it out. Check [erratum:alg5.triangleright-comment] (spec/latex.test.ts): no inventory statement contains \\triangleright (≜, \\triangleq, is a different command).",
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
