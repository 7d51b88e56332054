/**
 * Errata of the CS229 "Deep Learning" notes (Ma, Avati, Katanforoosh, Ng), audited line by line
 * against the text conversion the project works from. Every error, conversion garbling, ambiguity
 * and convention choice the reference implementation depends on is listed, in the order of the
 * notes. `asPrinted` is verbatim from the conversion; numeric proofs are the tests named
 * `[erratum:<id>]` in reference/errata.test.ts, which use the deliberately wrong transcriptions of
 * reference/asPrinted.ts.
 *
 * Kind, where we cannot see the PDF: a slip the conversion typically makes (a lost minus sign, a
 * stray tilde, a displaced float or footnote, a mangled LaTeX matrix or superscript) is filed as
 * conversion-artifact; a wrong index, variable, figure or equation number is filed as
 * error-in-notes. Either way the correction is the same.
 */
import type { Erratum } from './types.js';

export const ERRATA: readonly Erratum[] = [
  // ---------------------------------------------------------------- Section 1
  {
    id: 'footnotes-displaced',
    kind: 'conversion-artifact',
    where: 'Section 1 after eq. 1.1 (footnote 1); Section 2 after eq. 2.3 (footnote 3); Section 4 end (footnote 7)',
    affects: ['1/example-model', '1.1', '2.3'],
    asPrinted: String.raw`If a concrete example is helpful, perhaps think about the model $h_{\theta}(x) = \theta_1^2 x_1^2 + \theta_2^2 x_2^2 + \cdots + \theta_d^2 x_d^2$ in this subsection, even though it's not a neural network.`,
    correction:
      'This sentence is footnote 1 (marker after "the i-th example (x^{(i)}, y^{(i)}) as"), not body text; the body reads "We define the least square cost function for the i-th example as (1.1) and define the mean-square cost function for the dataset as (1.2)". Likewise footnote 3 ("Typically, for multi-layer neural network ... we don\'t apply ReLU") interrupts "we get (2.3) where θ contains all the parameters", and footnote 7 has lost its marker (it belongs after "...the data points are treated as column vectors."). The example model of footnote 1 is h_θ(x) = Σ_{i=1}^{d} θ_i² x_i², a model non-linear in θ.',
    derivation:
      'The paragraph after the displaced sentence begins with a lower-case "and define the mean-square cost function", continuing the sentence that introduced (1.1). The next footnote marker in the text is "²" (after "GD\'s update rule can be written as"), so a footnote 1 must come before it, and no "¹" appears. Footnote 3\'s marker is present ("we get³") but its text splits (2.3) from "where θ contains all the parameters"; footnote 7\'s text has no marker anywhere.',
  },
  {
    id: 'sec1.scalar-multiple-minima',
    kind: 'error-in-notes',
    where: 'Section 1, the paragraph after eq. 1.2',
    affects: ['1.2'],
    asPrinted: 'Note that multiplying the cost function with a scalar will not change the local minima or global minima of the cost function.',
    correction: 'Multiplying the cost function by a positive scalar c > 0 does not change its local or global minimizers (this is why the 1/n of (1.2) is harmless).',
    derivation:
      'For c < 0, cJ has its maxima where J has its minima (and for J = ½(θ − 1)², −J is unbounded below, so it has no minimum at all); for c = 0 every θ is a global minimizer. Numeric check [erratum:sec1.scalar-multiple-minima]: with J(θ) = ½(θ − 1)², 2J is smallest at θ = 1 among {0.5, 1, 1.5}, −J is largest there and −J(10^6) < −J(1), and 0·J is constant.',
  },
  {
    id: 'sec1.dataset-loss-mean-of-halves',
    kind: 'convention',
    where: 'Section 1, eq. 1.1, eq. 1.2 and the GD update eq. 1.3',
    affects: ['1.1', '1.2', '1.3'],
    asPrinted: 'and define the mean-square cost function for the dataset as',
    correction:
      'J(θ) = (1/n) Σ_{i=1}^{n} J^{(i)}(θ) = (1/(2n)) Σ_{i=1}^{n} (h_θ(x^{(i)}) − y^{(i)})²: with the ½ of (1.1) the "mean-square cost" is half the mean squared error. The reference computes the plain mean of the per-example losses (reference/loss.ts#datasetLoss: sum in the order i = 1..n, then divide by n), and GD (1.3) uses the gradient of this mean, (1/n) Σ_i ∇J^{(i)}(θ), so α is a step size for the mean, not for the sum.',
    derivation:
      'Eq. 1.1 defines J^{(i)} = ½(h_θ(x^{(i)}) − y^{(i)})² and eq. 1.2 averages them; the notes add the 1/n "to be consistent with the convention". By linearity ∇_θ (1/n)Σ J^{(i)} = (1/n)Σ ∇_θ J^{(i)}. A sum instead of a mean would multiply every GD step by n.',
  },
  {
    id: 'alg1.loop-and-output',
    kind: 'convention',
    where: 'Algorithms 1 and 2, line 3 (and the missing end of both algorithms)',
    affects: ['alg1.line1', 'alg1.line3', 'alg2.line1', 'alg2.line3', '1.4', '1.5'],
    asPrinted: '- 3: for i = 1 to n_{iter} do',
    correction:
      'i is an iteration counter, unrelated to the example index (i) of eq. 1.1-1.2. The loop performs exactly n_iter updates (n_iter a positive integer); every iteration samples afresh, independently of earlier iterations (Algorithm 1 samples with replacement across iterations; Algorithm 2 samples without replacement only within one batch). The algorithms print no "end for" and no output: the result is θ after the last update.',
    derivation: 'The printed algorithms end with the update (1.4) / (1.5) inside the loop; nothing returns a value, selects a best iterate or averages iterates, so the last iterate is the only reading that needs no invention.',
  },
  {
    id: 'sampler.zero-based-indices',
    kind: 'convention',
    where: 'Algorithm 1 line 4, Algorithm 2 line 4; layer indices throughout',
    affects: ['alg1.line4', 'alg2.line4', '1.2', '2.12'],
    asPrinted: String.raw`Sample j uniformly from $\{1, \ldots, n\}$`,
    correction:
      'Code indexes examples 0..n−1: the notes\' example j ∈ {1..n} is code index j − 1 (reference/sampler.ts returns 0-based indices). Layers keep the notes\' 1-based k in names and messages (W[2], weight(θ, k)), but arrays are 0-based: Params.W[k − 1] holds W^{[k]}; forward-pass arrays are indexed by k itself (a[0] = x, z[k], a[k] for k = 1..r). Coordinates are 1-based in accessors (coord(v, i) = v_i).',
    derivation: 'A choice of representation: only the mapping j ↔ j − 1 must be fixed so that a seeded run selects the same examples in every implementation.',
  },
  {
    id: 'sampler.mulberry32-fisher-yates',
    kind: 'convention',
    where: 'Algorithm 1 lines 2 and 4, Algorithm 2 lines 2 and 4 ("randomly", "uniformly")',
    affects: ['alg1.line2', 'alg1.line4', 'alg2.line2', 'alg2.line4'],
    asPrinted: String.raw`Sample B examples j_1, \ldots, j_B (without replacement) uniformly from $\{1, \ldots, n\}$`,
    correction:
      'Randomness is the seeded generator of reference/sampler.ts: mulberry32 on a 32-bit state (seed = an integer); a uniform index in {0..n−1} draws u32 values, rejects u >= floor(2^32/n)·n and returns u mod n; B indices without replacement are the first B steps of a Fisher–Yates shuffle of [0..n−1], step t = 0..B−1 swapping position t with t + uniformIndex(n − t), kept in the order drawn (j_1 first).',
    derivation:
      'Rejection removes the modulo bias, so each index has probability exactly 1/n; the partial Fisher–Yates shuffle gives every ordered B-tuple of distinct indices probability (n − B)!/n!, which is "B examples without replacement, uniformly". The notes fix neither the generator nor the method; fixing both makes runs replayable across languages.',
  },
  {
    id: 'alg2.batch-size-range',
    kind: 'convention',
    where: 'Algorithm 2, lines 1 and 4',
    affects: ['alg2.line1', 'alg2.line4', '1.5'],
    asPrinted: '(without replacement)',
    correction: 'B is an integer with 1 <= B <= n; j_1, ..., j_B are distinct; each iteration draws a new batch independently of the previous ones (no epochs, no reshuffle-and-partition scheme). B > n is rejected.',
    derivation: 'Sampling B distinct examples from n is impossible for B > n. The notes mention "other variants ... with slightly different sampling schemes" but specify only this one.',
  },
  {
    id: 'eq1.5.batch-mean',
    kind: 'convention',
    where: 'Algorithm 2, eq. 1.5 (and the batched backward pass that Section 4 leaves implicit)',
    affects: ['1.5', '4/multi-layer'],
    asPrinted: String.raw`\theta := \theta - \frac{\alpha}{B} \sum_{k=1}^{B} \nabla_{\theta} J^{(j_k)}(\theta)`,
    correction:
      'Exactly as printed, in this order of float operations: all B gradients are taken at the same θ (one update per iteration), summed in drawn order k = 1..B, and the sum is scaled by fl(α/B): θ := θ − fl(α/B)·Σ_k ∇_θ J^{(j_k)}(θ) (reference/optimizers.ts#minibatchStep). GD (eq. 1.3) uses the mean gradient fl(Σ_i ∇J^{(i)}/n) times α (#gd, #meanGradient). The batched form of Section 4 folds the 1/B into the output delta, Δ^{[r]} = (Z^{[r]} − Y)/B, so ∂/∂W^{[k]} = Δ^{[k]}A^{[k−1]ᵀ} and ∂/∂b^{[k]} = Δ^{[k]}1_B are already means (reference/batched.ts#backpropBatch).',
    derivation:
      'Linearity: (α/B)Σ_k ∇J^{(j_k)} = α∇((1/B)Σ_k J^{(j_k)}), and the gradient is linear in the output delta, so scaling Δ^{[r]} by 1/B scales every Δ^{[k]} and every gradient by 1/B. Σ_t δ_t a_tᵀ = ΔAᵀ (a sum of outer products is the product of the stacked matrices) and Σ_t δ_t = Δ1_B. Numerically the forms differ only in rounding: the per-example loop and the matrix form agree bit for bit when B is a power of two (scaling by 2^{-k} is exact and the sums run in the same order), and within γ_{N+B} times the terms\' magnitudes otherwise (tests in reference/batched.test.ts and reference/optimizers.test.ts).',
  },
  {
    id: 'init.uniform-fan-in',
    kind: 'convention',
    where: 'Algorithm 1 line 2, Algorithm 2 line 2',
    affects: ['alg1.line2', 'alg2.line2'],
    asPrinted: '- 2: Initialize θ randomly.',
    correction:
      'Every entry of W^{[k]} (m_k×m_{k−1}) and of b^{[k]} (m_k×1) is drawn independently, uniform in [−1/√m_{k−1}, 1/√m_{k−1}): entry = (2u − 1)/√m_{k−1} with u = u32/2^32 from the seeded generator, in the order W^{[1]} row by row, b^{[1]}, W^{[2]}, b^{[2]}, ... (reference/network.ts#initializeParams).',
    derivation:
      'The notes leave the distribution open. It must not be constant: if all weights and biases of a layer are equal, all its units compute the same value and receive the same gradient, so they stay equal forever. Scaling by the fan-in keeps |z^{[k]}| of order 1.',
  },
  {
    id: 'notation.index-overloading',
    kind: 'ambiguity',
    where: 'Throughout: eq. 1.1-1.5, Algorithms 1-2, eq. 2.4, Section 3.1',
    affects: ['1.5', '2.4', '3.1', 'alg1.line3', '2.5'],
    asPrinted: String.raw`\sum_{k=1}^{B} \nabla_{\theta} J^{(j_k)}(\theta)`,
    correction:
      'The notes reuse letters: i is an example (x^{(i)}), an iteration (Algorithm 1), an input coordinate (x_i, Figure 3) and a hidden unit (a_i, w_i in eq. 2.4); j is a sampled example (Algorithm 1), a hidden unit (eq. 2.5) and an intermediate variable (eq. 3.1); k is a batch position (eq. 1.5), the number of intermediate variables (eq. 3.1) and a layer (eq. 2.12). The reference names each meaning separately and, from Section 2 on, reads j as the hidden unit, ℓ (or i) as the input coordinate, k as the layer.',
    derivation: 'Each reuse is local and unambiguous in context, but code that shares scope across sections must not conflate them.',
  },
  // ---------------------------------------------------------------- Section 2
  {
    id: 'sec2.housing-figure-ref',
    kind: 'error-in-notes',
    where: 'Section 2, "Stacking Neurons", before the housing parameterization a_1, a_2, a_3',
    affects: ['2/housing-a1', '2/housing-a2', '2/housing-a3'],
    asPrinted: 'Then as in Figure 1, we will have the parameterization:',
    correction: 'Then as in Figure 2, we will have the parameterization:',
    derivation: 'Figure 1 is the plot of housing price against size with a kink; Figure 2 is the diagram in which family size depends on (x_1, x_2), walkable on x_3 and school quality on (x_3, x_4), which is exactly what a_1, a_2, a_3 transcribe.',
  },
  {
    id: 'sec2.fully-connected-figure-ref',
    kind: 'error-in-notes',
    where: 'Section 2, "Two-layer Fully-Connected Neural Networks", after eq. 2.4',
    affects: ['2.4', '2/fig3-caption'],
    asPrinted: "as visualized in the dependency graph in Figure 2 because all the intermediate variables a_i 's depend on all the inputs x_i 's.",
    correction: 'as visualized in the dependency graph in Figure 3, because every intermediate variable a_j depends on every input x_i.',
    derivation: 'Figure 2 is the sparse housing diagram (a_1 depends on x_1, x_2 only), so it is not fully connected; Figure 3 ("Diagram of a two-layer fully connected neural network") is.',
  },
  {
    id: 'eq2.5-index-and-transpose',
    kind: 'conversion-artifact',
    where: 'Section 2, eq. 2.5',
    affects: ['2.5'],
    asPrinted: String.raw`\forall j \in [1, ..., m], \quad z_j = w_i^{[1]} x + b_i^{[1]} \text{ where } w_i^{[1]} \in \mathbb{R}^d, b_i^{[1]} \in \mathbb{R}`,
    correction: 'For all j ∈ {1, ..., m}: z_j = w_j^{[1]ᵀ} x + b_j^{[1]}, where w_j^{[1]} ∈ R^d and b_j^{[1]} ∈ R. ("[1, ..., m]" denotes the index set {1, ..., m}, also in eq. 3.8.)',
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
    correction: "The superscripts [1] and [2] are used to distinguish two sets of parameters: the w_j^{[1]}'s (each a vector in R^d) and w^{[2]} (a vector in R^m).",
    derivation:
      'What distinguishes w_j^{[1]} from w^{[2]} is the bracketed layer superscript; a_1, ..., a_m are the hidden activations, not indices, and the list is a verbatim copy of the previous sentence ("a column vector with components a_1, a_2, ..., a_m"), the duplication a converter produces. If the PDF itself says this, it is an error in the notes with the same correction.',
  },
  {
    id: 'eq2.7-stacking',
    kind: 'ambiguity',
    where: 'Section 2, "Vectorization", the sentence introducing eq. 2.7',
    affects: ['2.7', '2/W2-def', '2.8'],
    asPrinted: String.raw`as the concatenation of all the vectors $w_i^{[1]}$'s in the following way:`,
    correction: 'W^{[1]} stacks the transposes as rows: row j of W^{[1]} is w_j^{[1]ᵀ}, so W^{[1]}_{jℓ} = (w_j^{[1]})_ℓ and W^{[1]} ∈ R^{m×d}; it is not the side-by-side concatenation [w_1 ... w_m] ∈ R^{d×m}. The unit index is j, as everywhere else.',
    derivation: '"Concatenation" alone admits both layouts; eq. 2.7 (rows −w_j^{[1]ᵀ}−), the stated shape R^{m×d}, and eq. 2.8 (row j times x gives z_j) fix the row layout.',
  },
  {
    id: 'output.scalar-mr-1',
    kind: 'convention',
    where: 'Section 2, after eq. 2.12 (dimensions), and eq. 2.6, 2.11, 3.5',
    affects: ['2/layer-shapes', '2.6', '2.11', '2.12', '2/W2-def', '3.5/forward', '2/a0-ar'],
    asPrinted: String.raw`Moreover, $W^{[1]} \in \mathbb{R}^{m_1 \times d}$ and $W^{[r]} \in \mathbb{R}^{1 \times m_{r-1}}$.`,
    correction:
      'm_0 = d and m_r = 1. Vectors are column matrices (x is d×1, b^{[k]}, z^{[k]}, a^{[k]} are m_k×1). The output h_θ(x) = z^{[r]} = a^{[r]} is a 1×1 matrix in the vectorized formulas (2.11, 2.12, 3.5) and the scalar o of eq. 1.1 and 3.6 (reference/matrix.ts#scalarOf). A network with m_r ≠ 1 is rejected (reference/network.ts#layerSizes).',
    derivation: 'Section 1: "we start with the case where y^{(i)} ∈ R and h_θ(x) ∈ R", and W^{[r]} ∈ R^{1×m_{r−1}} forces m_r = 1; W^{[1]} ∈ R^{m_1×d} is the rule W^{[k]} ∈ R^{m_k×m_{k−1}} with m_0 = d (a^{[0]} = x).',
  },
  {
    id: 'sec2.neuron-count-includes-output',
    kind: 'ambiguity',
    where: 'Section 2, after eq. 2.12',
    affects: ['2/neuron-count'],
    asPrinted: String.raw`The total number of neurons in the network is $m_1 + \cdots + m_r$`,
    correction: 'We implement m_1 + ... + m_r as printed, counting the linear output unit as a neuron. Counting only units with a non-linear activation (the notes\' earlier reason for calling ReLU(wx + b) "a single neuron") would give m_1 + ... + m_{r−1}.',
    derivation: 'The two readings differ by m_r = 1. The printed formula is also the one that makes the parameter count (d+1)m_1 + ... + (m_{r−1}+1)m_r a sum over the same units (one bias per counted neuron).',
  },
  {
    id: 'eq2.14-duplicate-and-tanh-number',
    kind: 'conversion-artifact',
    where: 'Section 2, "Other activation functions", eq. 2.14-2.15',
    affects: ['2.14', '2.15'],
    asPrinted: String.raw`\sigma(z) = \frac{e^z - e^{-z}}{e^z + e^{-z}} \qquad \text{(tanh)}$$

$$(2.14)$$`,
    correction: 'σ(z) = 1/(1 + e^{−z}) (sigmoid), printed once, numbered (2.14); σ(z) = (e^z − e^{−z})/(e^z + e^{−z}) (tanh), numbered (2.15).',
    derivation: 'The sigmoid line appears twice (once tagged (2.14), once untagged) and the tanh line is tagged (2.14) again; the next equation is (2.16), so tanh is (2.15).',
  },
  {
    id: 'activations.stable-forms',
    kind: 'convention',
    where: 'Section 2, eq. 2.14-2.15; derivatives used by eq. 3.15',
    affects: ['2.14', '2.15', '3.15'],
    asPrinted: String.raw`\sigma(z) = \frac{e^z - e^{-z}}{e^z + e^{-z}}`,
    correction:
      'The same functions, evaluated stably: sigmoid(z) = 1/(1 + e^{−z}) for z >= 0 and e^{z}/(1 + e^{z}) for z < 0; tanh by the platform tanh (Math.tanh; BigNumber tanh, returning ±1 beyond where 1 − |tanh z| is below the working precision); σ\'(z) = σ(z)(1 − σ(z)) and tanh\'(z) = 1 − tanh(z)² (reference/activations.ts).',
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
      'The forward pass and Algorithm 5 take one activation σ ∈ {ReLU, sigmoid, tanh, identity} for every hidden layer; the last layer is always linear (a^{[r]} = z^{[r]}). Algorithm 5 line 4 then reads δ^{[k]} = (W^{[k+1]ᵀ}δ^{[k+1]}) ⊙ σ\'(z^{[k]}).',
    derivation: 'Line 4 is eq. 3.12 (through z^{[k+1]} = W^{[k+1]}a^{[k]} + b^{[k+1]}) followed by eq. 3.15 with σ = ReLU; eq. 3.15 holds for any element-wise differentiable σ, so only σ\' changes.',
  },
  {
    id: 'collapse.bias-and-superscripts',
    kind: 'ambiguity',
    where: 'Section 2, eq. 2.16-2.20 ("Why do we not use the identity function")',
    affects: ['2.16', '2.17', '2.18', '2.19', '2.20'],
    asPrinted: 'from Equation (2.8) (2.19)',
    correction:
      'z^{[1]}, a^{[1]} in eq. 2.16-2.19 are the z, a of eq. 2.8-2.11 with the layer superscript added, and eq. 2.19 uses eq. 2.8 (= 2.9) together with the stated assumption b^{[1]} = 0: z^{[1]} = W^{[1]}x. Without that assumption the network still collapses to an affine model: h_θ(x) = W̃x + b̃ with W̃ = W^{[2]}W^{[1]} ∈ R^{1×d} and b̃ = W^{[2]}b^{[1]} + b^{[2]}.',
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
    correction: 'Then we can regard a^{[r−1]} as a function of the input x and the parameters β = (W^{[1]}, b^{[1]}, ..., W^{[r−1]}, b^{[r−1]}): a^{[r−1]} = φ_β(x), φ_β: R^d → R^{m_{r−1}} (for r = 1, β is empty and φ_β(x) = x).',
    derivation: '"abstract right" is not a phrase; the intended statement is the definition a^{[r−1]} = φ_β(x) that follows it. β is "the collection of the parameters ... except those in the last layer".',
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
  // ---------------------------------------------------------------- Section 3
  {
    id: 'thm3.1-relu-not-differentiable',
    kind: 'error-in-notes',
    where: 'Section 3, the definitions before Theorem 3.1',
    affects: ['thm3.1', '2/relu', '3.2/local-derivs'],
    asPrinted: 'elementary differentiable functions (ReLU, exp, log, sin, cos, etc.)',
    correction:
      'ReLU is differentiable everywhere except at 0, where its one-sided derivatives are 0 and 1. The notes (and the reference) use ReLU\'(z) := 1{z >= 0}, so at a kink backpropagation returns the value the circuit with that derivative computes, which is not a derivative of J (see relu-prime-at-zero).',
    derivation: 'Numeric check [erratum:thm3.1-relu-not-differentiable]: (ReLU(h) − ReLU(0))/h = 1, (ReLU(0) − ReLU(−h))/h = 0 and the central difference at 0 is exactly 1/2, while reluPrime(0) = 1.',
  },
  {
    id: 'relu-prime-at-zero',
    kind: 'convention',
    where: 'Section 3.2 (∂o/∂z = 1{z ≥ 0}) and every ReLU\' in Sections 3.3-3.5',
    affects: ['2/relu', '3.4/relu-prime', '3.2/local-derivs', '3.2/grad-wi', '3.2/grad-w', '3.2/grad-b', '3.3/dJ-dzj', '3.9', 'alg4.line3', '3.4/verify-delta1', 'alg5.line4'],
    asPrinted: String.raw`\frac{\partial o}{\partial z} = 1\{z \ge 0\}`,
    correction: 'ReLU\'(z) = 1{z >= 0}, so ReLU\'(0) = 1 — in float64 and in BigNumber mode alike, by an exact comparison (reference/activations.ts#reluPrime). tfjs and PyTorch use 0 at 0; implementations following them differ from the reference only where some z_j^{[k]} is exactly 0. The conformance suite therefore accepts any ReLU\'(0) in [0, 1]: it probes a pre-activation that is exactly 0 (conformance/cases.ts#kinkCase), reports the value found as a convention (status "convention" when it is not 1), fails a value outside [0, 1] or one that differs from the value the implementation declares, and demands the notes\' 1 under --strict. Elsewhere its bounds let ReLU\' take either value wherever the rounding error of z^{[k]} reaches 0.',
    derivation: 'The notes write the indicator 1{z ≥ 0} in eq. 3.9, Algorithm 4 line 3 and Section 3.2; any value in [0, 1] is a subgradient at 0, and the notes\' choice is 1. Gradient checks against finite differences must keep every pre-activation away from 0 (the tests check the activation pattern at every step).',
  },
  {
    id: 'thm3.1-cost-accounting',
    kind: 'convention',
    where: 'Section 3, Theorem 3.1 and footnote 4',
    affects: ['thm3.1'],
    asPrinted: 'then we set by default the gradient w.r.t that coordinate to zero. Setting to zero does not count towards the total runtime here in our accounting scheme.',
    correction:
      'Costs are counted in scalar operations of the reference code (reference/theorem31.ts: multiplications, additions, σ and σ\' evaluations, each O(1); transposes, copies and zero-filling free). N is the forward count, and the theorem\'s O(N) is read as: the backward count is at most a fixed constant times N, uniformly over layer sizes.',
    derivation: 'The theorem is informal ("O(N)", "size of the circuit"); an executable check needs a fixed unit of cost. Footnote 4 explicitly makes writing default zeros free.',
  },
  {
    id: 'sec3.J-per-example',
    kind: 'convention',
    where: 'Section 3.2, "Simplifying notations" (applies to all of Section 3)',
    affects: ['3.6', '3.8', '3.5/forward', '1.1', '3.10', '3.16'],
    asPrinted: String.raw`we use $J = \frac{1}{2}(y - o)^2$ to denote the loss function. (Note that this overrides the definition of J as the total loss in Section 1.)`,
    correction: 'In Section 3 and Algorithms 3-5, J is the per-example loss J^{(j)}(θ) = ½(h_θ(x^{(j)}) − y^{(j)})² of the current example (x, y). ½(y − o)² (eq. 3.6, 3.8) and ½(a^{[r]} − y)² (Section 3.5) are the same number and one function (reference/loss.ts#squaredLoss). Gradients of the dataset loss (1.2) are the means of these (sec1.dataset-loss-mean-of-halves).',
    derivation: '(y − o)² = (o − y)²; "we consider a generic input x" and "the loss function J^{(j)}(θ) for j-th example" fix the reading.',
  },
  {
    id: 'sec3.2-gradient-of-h',
    kind: 'ambiguity',
    where: 'Section 3.2, "Simplifying notations"',
    affects: ['3.7', '3.2/grad-w', '3.2/grad-b'],
    asPrinted: String.raw`we will consider a generic input x and compute the gradient of $h_{\theta}(x)$ w.r.t θ`,
    correction: 'We compute the gradient of the loss J = ½(y − h_θ(x))² with respect to θ, as the same paragraph then says ("Our goal is to compute the derivative of J w.r.t the parameter θ") and as every formula of Section 3 does.',
    derivation: '∇_θ J = (o − y)∇_θ h_θ(x): the two gradients differ by the factor (o − y), and every result in Section 3 carries that factor.',
  },
  {
    id: 'sec3.2-relu-output',
    kind: 'convention',
    where: 'Section 3.2, eq. 3.4-3.6',
    affects: ['3.4', '3.5', '3.6', '2.2'],
    asPrinted: String.raw`o = \text{ReLU}(z) \tag{3.5}`,
    correction: 'The one-neuron network of Section 3.2 is eq. 2.2 and keeps the ReLU on its output (reference/neuron.ts), unlike the multi-layer network of eq. 2.12 / Section 3.5 whose last layer is linear. Its gradient is therefore 0 whenever z < 0.',
    derivation: '"We first consider the neural network with one neuron defined in equation (2.2)", and (2.2) is ReLU(wᵀx + b); footnote 3 on dropping the output ReLU concerns multi-layer networks.',
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
    derivation: 'The formula for ∂J/∂(w_j^{[1]})_ℓ contains (w^{[2]})_j and 1{z_j ≥ 0}, which are shared across ℓ for a fixed hidden unit j; i indexes input coordinates.',
  },
  {
    id: 'sec3.3-dJ-dsigma',
    kind: 'conversion-artifact',
    where: 'Section 3.3, the sentence before Algorithm 3',
    affects: ['alg3.line2', 'alg3.line3', '3.10'],
    asPrinted: String.raw`are $\frac{\partial J}{\partial \sigma}$ $\frac{\partial J}{\partial z_1}, \dots, \frac{\partial J}{\partial z_m}$`,
    correction: 'are ∂J/∂o, ∂J/∂z_1, ..., ∂J/∂z_m',
    derivation: 'Algorithm 3 computes exactly ∂J/∂o (line 2) and ∂J/∂z_j (line 3); σ is not a variable of Section 3.3 (it names the activation function of eq. 2.14); the missing comma is another conversion symptom.',
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
    derivation: 'The four formulas printed under line 4 are indexed by j (and ℓ); the index ranges, which the line omits, are those of w_j^{[1]} ∈ R^d, j = 1..m.',
  },
  {
    id: 'grad-shape-as-variable',
    kind: 'convention',
    where: 'Section 3.4, the paragraph after eq. 3.10 and footnote 6',
    affects: ['3.4/dA-dB-shape', '3.12', '3.13', '3.14', 'alg4.line4', 'alg5.line5', '3.10'],
    asPrinted: 'denotes the collection of the partial derivatives with the same shape as B.',
    correction: 'Every gradient has the shape of its variable: ∂J/∂W^{[k]} is m_k×m_{k−1}, ∂J/∂b^{[k]}, ∂J/∂z^{[k]} and ∂J/∂a^{[k]} are m_k×1 columns, ∂J/∂o is a scalar (a 1×1 matrix where it is a matrix product\'s result). This is the transpose of the Jacobian (total-derivative) layout for column vectors (footnote 6).',
    derivation: 'With this convention eq. 3.12-3.14 and Algorithms 4-5 are dimensionally consistent as printed (the notes check 3.12-3.13: ∂J/∂z ∈ R^m, Wᵀ ∈ R^{d×m}, ∂J/∂W ∈ R^{m×d}); the reference returns mathjs matrices of exactly these shapes.',
  },
  {
    id: 'w2-vs-W2-gradient',
    kind: 'convention',
    where: 'Section 3.3 (w^{[2]} ∈ R^m) vs Algorithm 4 line 4 (W^{[2]} ∈ R^{1×m})',
    affects: ['3.3/grad-w2', 'alg3.line4', 'alg4.line4', '2/W2-def'],
    asPrinted: String.raw`\frac{\partial J}{\partial W^{[2]}} &= \delta^{[2]} a^{\top} \in \mathbb{R}^{1 \times m}`,
    correction:
      'W^{[2]} = w^{[2]ᵀ}, so ∂J/∂W^{[2]} = (∂J/∂w^{[2]})ᵀ: Algorithm 3\'s ∂J/∂(w^{[2]})_j = ∂J/∂o·a_j is entry (1, j) of Algorithm 4\'s δ^{[2]}aᵀ. The unpacked code returns the m×1 vector, the vectorized code the 1×m row; likewise row j of ∂J/∂W^{[1]} is (∂J/∂w_j^{[1]})ᵀ. Comparisons transpose first.',
    derivation: 'By grad-shape-as-variable each gradient has its variable\'s shape, and the two variables are transposes of each other (2/W2-def, eq. 2.7).',
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
    correction: 'The chain rules (3.12)-(3.13) hold when z is the affine function z = Wu + b of u and W (any b), not for a general dependence z(u); the bias changes neither.',
    derivation:
      '∂z_i/∂u_j = W_ij and ∂z_i/∂W_ij = u_j do not involve b. Numeric check [erratum:eq3.12-only-z-eq-Wu]: for J(z) = ½‖z‖² and z = Wu + b with b = [3, −2]ᵀ ≠ 0, Wᵀ∂J/∂z equals the central-difference gradient in u within the derived bound.',
  },
  {
    id: 'sec3.4-verify-z-from-a',
    kind: 'error-in-notes',
    where: 'Section 3.4, verification of Algorithm 4 line 3, first step',
    affects: ['3.4/verify-delta1', '3.15'],
    asPrinted: String.raw`J \leftarrow J, \ a \leftarrow a, \ z \leftarrow a, \ \sigma \leftarrow \text{ReLU}`,
    correction: 'J ← J, a ← a, z ← z, σ ← ReLU. (The other two settings are right: eq. 3.12 with J ← J, z ← o, W ← W^{[2]}, u ← a, b ← b^{[2]} gives ∂J/∂a = W^{[2]ᵀ}∂J/∂o = (o − y)W^{[2]ᵀ}, using ∂J/∂o = o − y; eq. 3.13 with z ← z, W ← W^{[1]}, u ← x, b ← b^{[1]} gives ∂J/∂W^{[1]} = ∂J/∂z·xᵀ.)',
    derivation:
      'With z ← a, eq. 3.15 yields ∂J/∂a ⊙ ReLU\'(a); a = ReLU(z) >= 0 makes ReLU\'(a) = 1 everywhere, so the mask 1{z >= 0} is lost. Numeric check [erratum:sec3.4-verify-z-from-a]: on a two-layer network with z_2 = z_3 = −0.75, the printed form gives ∂J/∂a = [0.375, −0.1875, 0.28125, −0.375]ᵀ while central differences of J in z give 0 in entries 2 and 3; ∂J/∂a ⊙ ReLU\'(z) matches.',
  },
  {
    id: 'sec3.5-z-k-definition',
    kind: 'convention',
    where: 'Section 3.5, the recalled forward pass and Algorithm 5',
    affects: ['3.5/forward', 'alg5.line1', 'alg5.line4', '2.12', '2.13'],
    asPrinted: String.raw`Here we define both $a^{[r]}$ and $z^{[r]}$ as $h_{\theta}(x)$ for notational simplicity.`,
    correction: 'z^{[k]} := W^{[k]}a^{[k−1]} + b^{[k]} for k = 1..r (a^{[0]} = x), a^{[k]} = σ(z^{[k]}) for k < r and a^{[r]} = z^{[r]} = h_θ(x). Algorithm 5 uses z^{[k]} for k < r, which Section 3.5 never defines.',
    derivation: 'Only z^{[r]} is defined in Section 3.5; line 4\'s ReLU\'(z^{[k]}) and line 1\'s "store z^{[k]}" need the pre-activations, matching z of eq. 2.9 in the two-layer case.',
  },
  {
    id: 'eq3.16-dJ-da-for-dJ-dz',
    kind: 'error-in-notes',
    where: 'Section 3.5, eq. 3.16',
    affects: ['3.16', 'alg5.line2', 'alg5.line4'],
    asPrinted: String.raw`\delta^{[k]} = \frac{\partial J}{\partial a^{[k]}} \tag{3.16}`,
    correction: 'δ^{[k]} = ∂J/∂z^{[k]}  (m_k×1)',
    derivation:
      'Algorithm 5 lines 2 and 4 state δ^{[k]} = ∂J/∂z^{[k]}, and eq. 3.10 defines δ^{[1]} = ∂J/∂z. For k = r both agree (a^{[r]} = z^{[r]}); for k < r, ∂J/∂a^{[k]} = W^{[k+1]ᵀ}δ^{[k+1]} differs from δ^{[k]} wherever z^{[k]} < 0 (ReLU). Numeric check [erratum:eq3.16-dJ-da-for-dJ-dz]: for k = 1, 2 on a [2, 4, 3, 1] network, central differences in a^{[k]} differ from the reference\'s δ^{[k]} (e.g. −0.875 vs 0 for k = 2, unit 2), and central differences in z^{[k]} match it.',
  },
  {
    id: 'alg5.placement',
    kind: 'conversion-artifact',
    where: 'Algorithm 5, printed after the first paragraph of Section 4',
    affects: ['alg5.line1', 'alg5.line2', 'alg5.line3', 'alg5.line4', 'alg5.line5'],
    asPrinted: 'Algorithm 5 Back-propagation for multi-layer neural networks.',
    correction: 'Algorithm 5 belongs to Section 3.5: it is the algorithm "described in Algorithm 5" in the last sentence of Section 3.5.',
    derivation: 'The float is placed between Section 4\'s opening paragraph and "The basic idea"; it uses Section 3.5\'s notation (δ^{[k]}, a^{[k]}, z^{[k]}) and nothing from Section 4.',
  },
  {
    id: 'alg5.minus-signs-lost',
    kind: 'conversion-artifact',
    where: 'Algorithm 5, lines 1, 2 and 3',
    affects: ['alg5.line1', 'alg5.line2', 'alg5.line3'],
    asPrinted: "for k = 1, ..., r 1, and J.",
    correction: 'Line 1 "r − 1", line 2 "(z^{[r]} − ...)", line 3 "for k = r − 1": the minus signs are lost in the conversion (the corrected lines are in the alg5.* errata).',
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
    correction: 'for k = r − 1 down to 0: line 4 for k >= 1 only, line 5 for every k, with a^{[0]} = x. Equivalently, after the printed loop, also compute ∂J/∂W^{[1]} = δ^{[1]}xᵀ and ∂J/∂b^{[1]} = δ^{[1]}.',
    derivation:
      'Line 5 at step k produces the gradients of layer k + 1, so k = r−1..1 yields layers r..2 only; δ^{[1]} is computed (line 4 at k = 1) but never used, though Section 3.5 says the algorithm "computes δ^{[k]}\'s from k = r to 1, and computes ∂J/∂W^{[k]} from δ^{[k]}". Numeric check [erratum:alg5.loop-misses-layer1]: the printed loop leaves ∂J/∂W^{[1]}, ∂J/∂b^{[1]} undefined; the reference\'s (loop to 0) match central differences.',
  },
  {
    id: 'alg5.line4-delta-k-minus-1',
    kind: 'error-in-notes',
    where: 'Algorithm 5, line 4',
    affects: ['alg5.line4'],
    asPrinted: String.raw`\left(W^{[k+1]}^{\top} \delta^{[k-1]} \right) \odot \operatorname{ReLU}'(z^{[k]})`,
    correction: 'δ^{[k]} = ∂J/∂z^{[k]} = (W^{[k+1]ᵀ} δ^{[k+1]}) ⊙ ReLU\'(z^{[k]})',
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
  // ---------------------------------------------------------------- Section 4
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
    correction: 'b̃^{[1]} = [b^{[1]} b^{[1]} b^{[1]}] ∈ R^{m×3}: three copies of the column b^{[1]}, one per example. (The matrix of eq. 4.2 likewise has a stray leading column separator.)',
    derivation: 'The converted matrix has 5 columns in rows 2-3 and 4 in row 1; b̃^{[1]} must have the shape of W^{[1]}X ∈ R^{m×3} to be added to it.',
  },
  {
    id: 'sec4.general-n',
    kind: 'convention',
    where: 'Section 4, eq. 4.1-4.4 (written for three examples)',
    affects: ['4.1', '4.2', '4.3', '4/broadcast-sum', '4.4', '4/multi-layer'],
    asPrinted: String.raw`\in \mathbb{R}^{d \times 3}`,
    correction: 'The three examples stand for any number n (the data set) or B (a mini-batch): X = [x^{(1)} ... x^{(n)}] ∈ R^{d×n}, Z^{[1]}, b̃^{[1]} ∈ R^{m×n}; in the row layout X ∈ R^{n×d}, Z^{[1]} ∈ R^{n×m}. Column (row) t holds example t, in the order given (for a mini-batch, the drawn order j_1..j_B).',
    derivation: 'Nothing in eq. 4.1-4.4 depends on the number 3, and Section 4 is motivated by Algorithm 2\'s "computing the gradient of B examples simultaneously".',
  },
  {
    id: 'sec4.multilayer-batched',
    kind: 'convention',
    where: 'Section 4, "The matricization approach as above can easily generalize to multiple layers"',
    affects: ['4/multi-layer'],
    asPrinted: 'The matricization approach as above can easily generalize to multiple layers, with one subtlety though, as discussed below.',
    correction:
      'A^{[0]} = X; Z^{[k]} = W^{[k]}A^{[k−1]} + b̃^{[k]}; A^{[k]} = σ(Z^{[k]}) for k < r, A^{[r]} = Z^{[r]} ∈ R^{1×n}. Backward: Δ^{[r]} = Z^{[r]} − Y (Y = [y^{(1)} ... y^{(n)}]), Δ^{[k]} = (W^{[k+1]ᵀ}Δ^{[k+1]}) ⊙ σ\'(Z^{[k]}), and the mean gradients of eq1.5.batch-mean. Column t of every matrix is the per-example quantity of example t, so the batched pass agrees with n runs of the corrected Algorithm 5 (to float64 rounding).',
    derivation: 'Each column of W^{[k]}A^{[k−1]} + b̃^{[k]} is W^{[k]}a^{[k−1](t)} + b^{[k]}, and σ, σ\' act entry-wise, so every line of Algorithm 5 holds column by column; the notes\' "subtlety" is only the row layout (sec4.row-major-layout).',
  },
  {
    id: 'sec4.row-major-term',
    kind: 'ambiguity',
    where: 'Section 4, "Complications/Subtlety in the Implementation"',
    affects: ['4.4', '4/row-major-conversion'],
    asPrinted: 'using the row major convention',
    correction: '"Row major" here means "one example per row" (examples along dimension 0), not the memory order of matrix entries (row-major vs column-major storage). The reference\'s two layouts differ in which axis indexes examples; memory order is irrelevant to them.',
    derivation: 'The paragraph defines the convention by "put the data points in the rows of a data matrix", which is a statement about axes; storage order does not change any formula.',
  },
  {
    id: 'sec4.row-major-layout',
    kind: 'convention',
    where: 'Section 4, eq. 4.4 and the preceding sentence',
    affects: ['4.4', '4/row-major-conversion'],
    asPrinted: String.raw`Z^{[1]} = XW^{[1]} + b^{[1]} \in \mathbb{R}^{3 \times m}`,
    correction:
      'In eq. 4.4 the symbols denote the transposes of the column-layout quantities: X_row = Xᵀ (n×d), W_row^{[k]} = W^{[k]ᵀ} (m_{k−1}×m_k), b_row^{[k]} = b^{[k]ᵀ} (1×m_k, broadcast down the n rows), Z_row^{[k]} = Z^{[k]ᵀ} = A_row^{[k−1]}W_row^{[k]} + b_row^{[k]}; gradients transpose likewise (∂/∂W_row^{[k]} = (1/n)A_row^{[k−1]ᵀ}Δ_row^{[k]}). Parameters are always stored in the notes\' column layout (W^{[k]} ∈ R^{m_k×m_{k−1}}) and converted explicitly (reference/rowMajor.ts#toRowMajor).',
    derivation: '(W^{[1]}X + b̃^{[1]})ᵀ = XᵀW^{[1]ᵀ} + b̃^{[1]ᵀ}: "all the matrices are transposed, and the orders of the matrix multiplications are flipped". The notes reuse the name W^{[1]} for the d×m transpose; keeping one storage layout avoids that overloading.',
  },
  // ---------------------------------------------------------------- prose
  {
    id: 'prose-typos',
    kind: 'error-in-notes',
    where: 'Throughout (prose only, no formula affected)',
    affects: [],
    asPrinted: 'staring from the next section',
    correction:
      'Section 1: "staring" → "starting"; "stochastic gradient (SGD)" → "stochastic gradient descent (SGD)"; "lightly different" → "slightly different". Section 2: "ReLUof" → "ReLU of" (Figure 3 caption, likely conversion); "this would have be true" → "would be true"; "many other non-linear function" → "functions"; "can significantly depends" → "depend"; "can viewed" → "can be viewed"; "we are not learning ... but also" → "not only ... but also"; "the last penultimate layer" → "the penultimate layer"; "from one datasets (that is, the function φ_β(·) can be" → "from one dataset (that is, the function φ_β(·)) can be". Section 3: "backpropgation" → "backpropagation"; "ecan be computed" → "can be computed"; "the ℓ-coordinate" → "the ℓ-th coordinate"; "becaues" → "because"; "Let p denotes" → "Let p denote". Section 4: "concentrated along the zero-th dimension" → "concatenated (stacked) along the zero-th dimension".',
    derivation: 'Spelling and grammar; none changes a formula. Listed so that a reader comparing against the text does not mistake them for content.',
  },
];
