/** Errata of Section 2 (neural networks, vectorization), in the notes' order (spec/errata.ts says what an erratum holds). */
import type { Erratum } from '../types.js';

export const SECTION_2_ERRATA: readonly Erratum[] = [
  {
    id: 'eq2.1-map-notation',
    kind: 'error-in-notes',
    where: 'Section 2, "A Neural Network with a Single Neuron", the sentence before eq. 2.1',
    affects: ['2.1', '1/hypothesis'],
    asPrinted: String.raw`We define a parameterized function $h_{\theta}(x)$ with input x, parameterized by θ , which outputs the price of the house y. Formally, $h_{\theta}: x \to y$.`,
    correction:
      'Formally, h_θ: R → R, x ↦ h_θ(x): a map goes from a set (sizes, R) to a set (prices, R), and x ↦ h_θ(x) says what it does to one input. Its value is a prediction of the price y, not y: θ is fitted so that h_θ(x^{(i)}) is close to y^{(i)} (eq. 1.1), and in general no θ makes them equal.',
    derivation:
      '"x → y" puts elements where the domain and codomain belong, and read as a statement of fact (h_θ(x) = y) it is false for data. Eq. 2.1\'s h_θ(x) = max(wx + b, 0) is monotone in x for every θ (non-decreasing if w >= 0, non-increasing if w <= 0), so no θ maps the sizes (1, 2, 3) to the prices (1, 0, 1): the best monotone fit of (1, 0, 1) is (½, ½, 1) or (1, ½, ½) (pool the adjacent violators), with squared error ½, so J(θ) = (1/3)Σ½(h_θ(x^{(i)}) − y^{(i)})² >= 1/12 for every θ. Numeric check [erratum:eq2.1-map-notation]: for random θ the kink model is monotone on a grid and its cost on these three examples is at least 1/12.',
  },
  {
    id: 'sec2.housing-figure-ref',
    kind: 'error-in-notes',
    where: 'Section 2, "Stacking Neurons", before the housing parameterization a_1, a_2, a_3',
    affects: ['2/housing-a1', '2/housing-a2', '2/housing-a3'],
    asPrinted: 'Then as in Figure 1, we will have the parameterization:',
    correction: 'Then as in Figure 2, we will have the parameterization:',
    derivation:
      'Figure 1 is the plot of housing price against size with a kink; Figure 2 is the diagram in which family size depends on (x_1, x_2), walkable on x_3 and school quality on (x_3, x_4), which is exactly what a_1, a_2, a_3 transcribe.',
  },
  {
    id: 'sec2.fully-connected-figure-ref',
    kind: 'error-in-notes',
    where: 'Section 2, "Two-layer Fully-Connected Neural Networks", after eq. 2.4',
    affects: ['2.4', '2/fig3-caption'],
    asPrinted: "as visualized in the dependency graph in Figure 2 because all the intermediate variables a_i 's depend on all the inputs x_i 's.",
    correction: 'as visualized in the dependency graph in Figure 3, because every intermediate variable a_j depends on every input x_i.',
    derivation:
      'Figure 2 is the sparse housing diagram (a_1 depends on x_1, x_2 only), so it is not fully connected; Figure 3 ("Diagram of a two-layer fully connected neural network") is.',
  },
  {
    id: 'eq2.5-index-and-transpose',
    kind: 'conversion-artifact',
    where: 'Section 2, eq. 2.5',
    affects: ['2.5'],
    asPrinted: String.raw`\forall j \in [1, ..., m], \quad z_j = w_i^{[1]} x + b_i^{[1]} \text{ where } w_i^{[1]} \in \mathbb{R}^d, b_i^{[1]} \in \mathbb{R}`,
    correction:
      'For all j ∈ {1, ..., m}: z_j = w_j^{[1]ᵀ} x + b_j^{[1]}, where w_j^{[1]} ∈ R^d and b_j^{[1]} ∈ R. ("[1, ..., m]" denotes the index set {1, ..., m}, also in eq. 3.8.)',
    derivation:
      'The index i is bound nowhere (the quantifier is over j), and w_i^{[1]} x is a d×1 matrix times a d×1 matrix, undefined for d >= 2. The same line appears correctly as the first line of eq. 3.8 ("z_j = w_j^{[1]ᵀ} x + b_j^{[1]}"), hence filed as a conversion slip. Numeric check [erratum:eq2.5-index-and-transpose]: the printed formula (reference/asPrinted.ts#eq2_5AsPrinted) throws for d = 2, and for d = 1 gives every z_j the value z_i ([3, 3] instead of [3, −2.5]).',
  },
  {
    id: 'fig3.caption-sum-range-and-bias',
    kind: 'error-in-notes',
    where: 'Section 2, caption of Figure 3',
    affects: ['2/fig3-caption', '2.5', '2/two-layer-aj'],
    asPrinted: String.raw`$a_j = \text{ReLU}(\sum_{i=1}^m (w_j^{[1]})_i x_i)$`,
    correction: 'a_j = ReLU(Σ_{i=1}^{d} (w_j^{[1]})_i x_i + b_j^{[1]}).',
    derivation:
      'x ∈ R^d and w_j^{[1]} ∈ R^d have d coordinates, not m; a_j = ReLU(z_j) with z_j = w_j^{[1]ᵀ}x + b_j^{[1]} (eq. 2.5) includes the bias. (The figure draws no bias node, so the caption matches its drawing only when b^{[1]} = 0.) Numeric check [erratum:fig3.caption-sum-range-and-bias]: for m = 4 > d = 2 the printed sum needs x_3, which does not exist; for m = 2 < d = 3 it gives [0, 1.75] where the network gives [0.75, 1.375] (worked by hand in the test).',
  },
  {
    id: 'eq3.8-b-domain-truncated',
    kind: 'conversion-artifact',
    where: 'Section 3.3, eq. 3.8, first line',
    affects: ['3.8'],
    asPrinted: String.raw`\text{ where } w_{j}^{[1]} \in \mathbb{R}^{d}, b_{j}^{[1]}$$`,
    correction: 'where w_j^{[1]} ∈ R^d, b_j^{[1]} ∈ R',
    derivation: 'The sentence stops after b_j^{[1]}; eq. 2.5, which eq. 3.8 repeats, has "b_i^{[1]} ∈ R".',
  },
  {
    id: 'sec2.indices-superscripts',
    kind: 'conversion-artifact',
    where: 'Section 2, the paragraph after eq. 2.6',
    affects: ['2.6', '2.7'],
    asPrinted: 'The indices $a_1, a_2, ..., a_m$ are used to distinguish two sets of parameters',
    correction:
      "The superscripts [1] and [2] are used to distinguish two sets of parameters: the w_j^{[1]}'s (each a vector in R^d) and w^{[2]} (a vector in R^m).",
    derivation:
      'What distinguishes w_j^{[1]} from w^{[2]} is the bracketed layer superscript; a_1, ..., a_m are the hidden activations, not indices, and the list is a verbatim copy of the previous sentence ("a column vector with components a_1, a_2, ..., a_m"), the duplication a converter produces. If the PDF itself says this, it is an error in the notes with the same correction.',
  },
  {
    id: 'latex.double-superscripts',
    kind: 'conversion-artifact',
    where: 'Eq. 2.6-2.8, eq. 3.8, Algorithm 4 line 3, the verification in Section 3.4, Algorithm 5 lines 4-5',
    affects: ['2.6', '2.7', '2.8', '3.8', 'alg4.line3', '3.4/verify-delta1', 'alg5.line4', 'alg5.line5'],
    asPrinted: String.raw`h_{\theta}(x) = w^{[2]}^{\top} a + b^{[2]}
-w_1^{[1]^\top} -
\left(W^{[k+1]}^{\top} \delta^{[k-1]} \right)
\delta^{[k+1]} z^{[k]^{\top}}`,
    correction:
      'One superscript carrying the layer and the transpose: w^{[2]⊤} (LaTeX w^{[2]\\top}), w_j^{[1]⊤}, W^{[2]⊤}, W^{[k+1]⊤}, a^{[k]⊤} (z^{[k]} there is alg5.line5-z-for-a), as the inventory writes them. x^{a}^{b} is a LaTeX error ("Double superscript") and x^{[1]^\\top} puts ⊤ on the label [1] instead of on the vector.',
    derivation:
      'The transpose applies to the vector or matrix (w^{[2]} ∈ R^m is a column, w^{[2]⊤}a a scalar), never to the layer label. The printed forms are w^{[2]}^{\\top} (eq. 2.6, Section 3.4), w_j^{[1]^\\top} (eq. 2.7, 2.8, 3.8), W^{[2]^\\top} (Algorithm 4 line 3), W^{[k+1]}^{\\top} and z^{[k]^{\\top}} (Algorithm 5). Check [erratum:latex.double-superscripts] (spec/latex.test.ts): these quotes match the double-superscript patterns, and no inventory statement does.',
  },
  {
    id: 'latex.detached-labels',
    kind: 'conversion-artifact',
    where: 'Eq. 2.4, 2.6, 2.8, 2.14, 3.8, 3.10, 4.2, 4.3 and the first step of the verification in Section 3.4',
    affects: ['2.4', '2.6', '2.8', '3.8', '3.10', '4.2', '4.3', '3.4/verify-delta1'],
    asPrinted: String.raw`$$z \in \mathbb{R}^{m \times 1}$$

$$(2.8)$$`,
    correction:
      "An equation number printed as its own display, or after the prose that follows a display, tags the display above it: (2.8) the matrix equation for z, whose shape note z ∈ R^{m×1} the conversion split off; (2.4) the lines a_1, a_2, a_3 (its number sits after a_1's 'where' clause); (2.6) the block a_j = ReLU(z_j), a = [a_1, ..., a_m]ᵀ, h_θ(x) = w^{[2]⊤}a + b^{[2]}, which Figure 3's caption separates from eq. 2.5; (3.8) the five-line forward sequence; (3.10) both deltas; (4.2), (4.3) the matrices above them; (2.14) is printed twice (eq2.14-duplicate-and-tanh-number). In Section 3.4 the annotation of the first step ('J ← J, a ← a, z ← a, σ ← ReLU', wrong in itself: sec3.4-verify-z-from-a) became a display of its own, '$$_{...}$$', under 'by invoking equation (3.15) with setting'.",
    derivation:
      'Each number follows the display it tags in reading order, and the text cites the numbers so ("from Equation (2.8)" in eq. 2.19 is the matrix form of z). Check [erratum:latex.detached-labels] (spec/latex.test.ts): every number the notes print, 1.1-1.5, 2.1-2.21, 3.1-3.16 and 4.1-4.4, is exactly one inventory entry.',
  },
  {
    id: 'eq2.7-stacking',
    kind: 'ambiguity',
    where: 'Section 2, "Vectorization", the sentence introducing eq. 2.7',
    affects: ['2.7', '2/W2-def', '2.8'],
    asPrinted: String.raw`as the concatenation of all the vectors $w_i^{[1]}$'s in the following way:`,
    correction:
      'W^{[1]} stacks the transposes as rows: row j of W^{[1]} is w_j^{[1]ᵀ}, so W^{[1]}_{jℓ} = (w_j^{[1]})_ℓ and W^{[1]} ∈ R^{m×d}; it is not the side-by-side concatenation [w_1 ... w_m] ∈ R^{d×m}. The unit index is j, as everywhere else.',
    derivation:
      '"Concatenation" alone admits both layouts; eq. 2.7 (rows −w_j^{[1]ᵀ}−), the stated shape R^{m×d}, and eq. 2.8 (row j times x gives z_j) fix the row layout.',
  },
  {
    id: 'output.scalar-mr-1',
    kind: 'convention',
    where: 'Section 2, after eq. 2.12 (dimensions), and eq. 2.6, 2.11, 3.5',
    affects: ['2/layer-shapes', '2.6', '2.11', '2.12', '2/W2-def', '3.5/forward', '2/a0-ar'],
    asPrinted: String.raw`Moreover, $W^{[1]} \in \mathbb{R}^{m_1 \times d}$ and $W^{[r]} \in \mathbb{R}^{1 \times m_{r-1}}$.`,
    correction:
      'm_0 = d and m_r = 1. Vectors are column matrices (x is d×1, b^{[k]}, z^{[k]}, a^{[k]} are m_k×1). The output h_θ(x) = z^{[r]} = a^{[r]} is a 1×1 matrix in the vectorized formulas (2.11, 2.12, 3.5) and the scalar o of eq. 1.1 and 3.6 (reference/matrix.ts#scalarOf). A network with m_r ≠ 1 is rejected (reference/network.ts#layerSizes).',
    derivation:
      'Section 1: "we start with the case where y^{(i)} ∈ R and h_θ(x) ∈ R", and W^{[r]} ∈ R^{1×m_{r−1}} forces m_r = 1; W^{[1]} ∈ R^{m_1×d} is the rule W^{[k]} ∈ R^{m_k×m_{k−1}} with m_0 = d (a^{[0]} = x).',
  },
  {
    id: 'sec2.neuron-count-includes-output',
    kind: 'ambiguity',
    where: 'Section 2, after eq. 2.12',
    affects: ['2/neuron-count'],
    asPrinted: String.raw`The total number of neurons in the network is $m_1 + \cdots + m_r$`,
    correction:
      'We implement m_1 + ... + m_r as printed, counting the linear output unit as a neuron. Counting only units with a non-linear activation (the notes\' earlier reason for calling ReLU(wx + b) "a single neuron") would give m_1 + ... + m_{r−1}.',
    derivation:
      'The two readings differ by m_r = 1. The printed formula is also the one that makes the parameter count (d+1)m_1 + ... + (m_{r−1}+1)m_r a sum over the same units (one bias per counted neuron).',
  },
  {
    id: 'eq2.14-duplicate-and-tanh-number',
    kind: 'conversion-artifact',
    where: 'Section 2, "Other activation functions", eq. 2.14-2.15',
    affects: ['2.14', '2.15'],
    asPrinted: String.raw`\sigma(z) = \frac{e^z - e^{-z}}{e^z + e^{-z}} \qquad \text{(tanh)}$$

$$(2.14)$$`,
    correction: 'σ(z) = 1/(1 + e^{−z}) (sigmoid), printed once, numbered (2.14); σ(z) = (e^z − e^{−z})/(e^z + e^{−z}) (tanh), numbered (2.15).',
    derivation:
      'The sigmoid line appears twice (once tagged (2.14), once untagged) and the tanh line is tagged (2.14) again; the next equation is (2.16), so tanh is (2.15).',
  },
  {
    id: 'activations.stable-forms',
    kind: 'convention',
    where: 'Section 2, eq. 2.14-2.15; derivatives used by eq. 3.15',
    affects: ['2.14', '2.15', '3.15'],
    asPrinted: String.raw`\sigma(z) = \frac{e^z - e^{-z}}{e^z + e^{-z}}`,
    correction:
      "The same functions, evaluated stably: sigmoid(z) = 1/(1 + e^{−z}) for z >= 0 and e^{z}/(1 + e^{z}) for z < 0; tanh by the platform tanh (Math.tanh; BigNumber tanh, returning ±1 beyond where 1 − |tanh z| is below the working precision); σ'(z) = σ(z)(1 − σ(z)) and tanh'(z) = 1 − tanh(z)² (reference/activations.ts).",
    derivation:
      'Numeric check [erratum:activations.stable-forms]: eq. 2.15 evaluated literally (reference/asPrinted.ts#tanhAsPrinted) is Infinity/Infinity = NaN once e^{|z|} overflows (|z| > 709.78) and has relative error ~8e-8 at z = 1e-10 (cancellation in e^z − e^{−z}); where both are accurate (|z| in [0.5, 20]) it agrees with tanh within (2·coth|z| + 7)u. The literal sigmoid is accurate in float64 (1/Infinity = 0 is the right limit) and agrees with the branch form within 8u on [−30, 30]: for sigmoid the branch is a convention, not a correction.',
  },
  {
    id: 'activation.general-sigma',
    kind: 'convention',
    where: 'Section 2, eq. 2.12-2.13 and "Other activation functions"; Section 3.5, Algorithm 5 line 4',
    affects: ['2.12', '2.13', '3.5/forward', 'alg5.line1', 'alg5.line4', '3.15'],
    asPrinted: String.raw`The activation function ReLU can be replaced by many other non-linear function $\sigma(\cdot)$ that maps \mathbb{R} to \mathbb{R} such as`,
    correction:
      "The forward pass and Algorithm 5 take one activation σ ∈ {ReLU, sigmoid, tanh, identity} for every hidden layer; the last layer is always linear (a^{[r]} = z^{[r]}). Algorithm 5 line 4 then reads δ^{[k]} = (W^{[k+1]ᵀ}δ^{[k+1]}) ⊙ σ'(z^{[k]}).",
    derivation:
      "Line 4 is eq. 3.12 (through z^{[k+1]} = W^{[k+1]}a^{[k]} + b^{[k+1]}) followed by eq. 3.15 with σ = ReLU; eq. 3.15 holds for any element-wise differentiable σ, so only σ' changes.",
  },
  {
    id: 'collapse.bias-and-superscripts',
    kind: 'ambiguity',
    where: 'Section 2, eq. 2.16-2.20 ("Why do we not use the identity function")',
    affects: ['2.16', '2.17', '2.18', '2.19', '2.20', '2/collapse-affine'],
    asPrinted: 'from Equation (2.8) (2.19)',
    correction:
      'z^{[1]}, a^{[1]} in eq. 2.16-2.19 are the z, a of eq. 2.8-2.11 with the layer superscript added, and eq. 2.19 uses eq. 2.8 (= 2.9) together with the stated assumption b^{[1]} = 0: z^{[1]} = W^{[1]}x. Without that assumption the network still collapses to an affine model: h_θ(x) = W̃x + b̃ with W̃ = W^{[2]}W^{[1]} ∈ R^{1×d} and b̃ = W^{[2]}b^{[1]} + b^{[2]}, and so at any depth (2/collapse-affine).',
    derivation: 'With σ(z) = z: h = W^{[2]}(W^{[1]}x + b^{[1]}) + b^{[2]} = (W^{[2]}W^{[1]})x + (W^{[2]}b^{[1]} + b^{[2]}) by distributivity.',
  },
  {
    id: 'eq2.20-hat-vs-tilde',
    kind: 'error-in-notes',
    where: 'Section 2, the paragraph after eq. 2.20',
    affects: ['2.20'],
    asPrinted: String.raw`you can construct a \hat{W} such that $\tilde{W}x = W^{[2]}W^{[1]}x$`,
    correction: 'you can construct a W̃ such that W̃x = W^{[2]}W^{[1]}x (namely W̃ = W^{[2]}W^{[1]} of eq. 2.20).',
    derivation: 'Ŵ is never defined; the matrix constructed in eq. 2.20 is W̃.',
  },
  {
    id: 'sec2.abstract-right',
    kind: 'error-in-notes',
    where: 'Section 2, "Connection to the Kernel Method", before eq. 2.21',
    affects: ['2.21'],
    asPrinted: String.raw`Then we can abstract right $a^{[r-1]}$ as a function of the input x and the parameters in β`,
    correction:
      'Then we can regard a^{[r−1]} as a function of the input x and the parameters β = (W^{[1]}, b^{[1]}, ..., W^{[r−1]}, b^{[r−1]}): a^{[r−1]} = φ_β(x), φ_β: R^d → R^{m_{r−1}} (for r = 1, β is empty and φ_β(x) = x).',
    derivation:
      '"abstract right" is not a phrase; the intended statement is the definition a^{[r−1]} = φ_β(x) that follows it. β is "the collection of the parameters ... except those in the last layer".',
  },
  {
    id: 'sec2.penultimate-a-r',
    kind: 'error-in-notes',
    where: 'Section 2, "Connection to the Kernel Method", after eq. 2.21',
    affects: ['2.21', '2/a0-ar'],
    asPrinted: String.raw`The penultimate layer $a^{[r]}$ is often (informally) referred to as the learned features`,
    correction: 'The penultimate layer a^{[r−1]} = φ_β(x) is often (informally) referred to as the learned features or representations.',
    derivation:
      'a^{[r]} = h_θ(x) is the output (1×1); the penultimate layer and the feature map of eq. 2.21 are a^{[r−1]} ∈ R^{m_{r−1}}, as the next paragraph says ("the last penultimate layer (the activation a^{[r−1]})"). Numeric check [erratum:sec2.penultimate-a-r]: on a [2, 4, 3, 1] network a^{[3]} is 1×1, a^{[2]} is 3×1, W^{[3]}a^{[2]} + b^{[3]} reproduces h_θ(x) exactly, and W^{[3]}a^{[3]} is undefined.',
  },
];
