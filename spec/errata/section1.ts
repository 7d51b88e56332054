/** Errata of Section 1 (cost, GD, Algorithms 1-2), in the notes' order (spec/errata.ts says what an erratum holds). */
import type { Erratum } from '../types.js';

export const SECTION_1_ERRATA: readonly Erratum[] = [
  {
    id: 'sec1.logistic-not-linear',
    kind: 'error-in-notes',
    where: 'Section 1, first paragraph',
    affects: ['1/linear-in-theta', '1/hypothesis'],
    asPrinted: String.raw`we have considered the cases when $h_{\theta}(x) = \theta^{\top}x$ (in linear regression or logistic regression) or $h_{\theta}(x) = \theta^{\top}\phi(x)$ (where $\phi(x)$ is the feature map). A commonality of these two models is that they are linear in the parameters θ .`,
    correction:
      "Linear regression's hypothesis h_θ(x) = θᵀx and a feature-map model's θᵀφ(x) are linear in θ (1/linear-in-theta). Logistic regression's is not θᵀx but h_θ(x) = g(θᵀx) = 1/(1 + e^{−θᵀx}), which is not linear in θ: only its argument, the logit θᵀx, is (a generalized linear model). So the commonality holds for linear regression and feature-map models, and for logistic regression only through θᵀx.",
    derivation:
      'A map linear in θ sends θ = 0 to 0 and doubles when θ doubles. With x = 1: g(0·x) = ½ ≠ 0, and g(2·1) = 0.8808 while 2·g(1) = 1.4621. For every t, 2g(t) − g(2t) >= 0.396·2g(t) (with u = e^{−t}, g(2t)/(2g(t)) = (1 + u)/(2(1 + u²)) <= √2/(8 − 4√2) ≈ 0.604). Numeric check [erratum:sec1.logistic-not-linear]: for random θ, x, doubling θ never doubles g(θᵀx), and always doubles θᵀx exactly.',
  },
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
    affects: ['1.2', '1/scale-invariance'],
    asPrinted: 'Note that multiplying the cost function with a scalar will not change the local minima or global minima of the cost function.',
    correction:
      'Multiplying the cost function by a positive scalar c > 0 does not change its local or global minimizers (this is why the 1/n of (1.2) is harmless).',
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
    id: 'sec1.step-size-and-finite-range',
    kind: 'ambiguity',
    where: 'Section 1, eq. 1.3 ("where α > 0 is often referred to as the learning rate or step size"), and so eq. 1.4-1.5',
    affects: ['1.3', '1.4', '1.5', 'alg1.line1', 'alg2.line1', 'alg2.line3'],
    asPrinted: String.raw`where $\alpha > 0$ is often referred to as the learning rate or step size`,
    correction:
      'The notes bound α only below. Over the reals every α > 0 defines the iteration; too large an α makes it diverge, and in floating point a diverging run overflows (J, then θ, become ±Infinity). The reference stops such a run with an error naming the equation and the iteration ("eq. 1.3: the run diverged at iteration t of n_iter …; lower α", reference/optimizers.ts), never returning Infinity or NaN. The conformance suite asks only cases inside the domain where every value the reference computes, and every error bound, has magnitude ≤ sqrt(2^128/2^16) ≈ 7.2e16 (conformance/oracles/tolerances.ts#DOMAIN_LIMIT): a random case outside it is discarded and counted, never held against an implementation.',
    derivation:
      'For r = 1, x = 1, y = 0 and θ = (w, b), J = ½(w + b)² and one GD step maps s = w + b to s(1 − 2α): the run converges iff 0 < α < 1 and for α = 1.5 |s| doubles each step, so J = ½s² overflows float64 once s² ≥ 2^1024, at iteration 512 from s = 1. Numeric check [erratum:sec1.step-size-and-finite-range]: α = 0.99 converges, α = 1.5 stops at iteration 512 of 600 naming eq. 1.3.',
  },
  {
    id: 'notation.assignment-simultaneous',
    kind: 'convention',
    where: 'Section 1, footnote 2 (":="), and the updates eq. 1.3-1.5',
    affects: ['1.3', '1.4', '1.5'],
    asPrinted:
      'we use the notation "a := b" to denote an operation (in a computer program) in which we set the value of a variable a to be equal to the value of b. In other words, this operation overwrites a with the value of b.',
    correction:
      'θ := θ − α∇_θ J(θ) (and eq. 1.4, 1.5) is a simultaneous update: the whole right side, the gradient included, is evaluated at the current θ, and then every coordinate of θ is overwritten at once: θ_new = θ_old − α∇J(θ_old). Overwriting coordinates (or layers) one after another while the gradient is re-evaluated at the partly updated θ is a different algorithm (cyclic coordinate descent). The reference computes the full gradient first and builds a new θ (reference/optimizers.ts#gdStep, #minibatchStep).',
    derivation:
      "Footnote 2 defines := for one variable; θ is a list of matrices, and the notes' ∇_θ J(θ) is evaluated at one θ. For J(θ) = ½(θ_1 + θ_2 − 1)² (the [1, 1] network at x = 1, y = 1: J = ½(w + b − 1)²) from θ = (0, 0) with α = ½: simultaneously, ∇J = (−1, −1) and θ = (½, ½), J = 0; coordinate by coordinate, θ_1 = ½, then ∂J/∂θ_2 at (½, 0) is −½ and θ_2 = ¼, J = 1/32. Numeric check [erratum:notation.assignment-simultaneous]: gdStep gives (½, ½) exactly.",
  },
  {
    id: 'alg1.loop-and-output',
    kind: 'convention',
    where: 'Algorithms 1 and 2, line 3 (and the missing end of both algorithms)',
    affects: ['alg1.line1', 'alg1.line3', 'alg2.line1', 'alg2.line3', '1.4', '1.5'],
    asPrinted: '- 3: for i = 1 to n_{iter} do',
    correction:
      'i is an iteration counter, unrelated to the example index (i) of eq. 1.1-1.2. The loop performs exactly n_iter updates (n_iter a positive integer); every iteration samples afresh, independently of earlier iterations (Algorithm 1 samples with replacement across iterations; Algorithm 2 samples without replacement only within one batch). The algorithms print no "end for" and no output: the result is θ after the last update.',
    derivation:
      'The printed algorithms end with the update (1.4) / (1.5) inside the loop; nothing returns a value, selects a best iterate or averages iterates, so the last iterate is the only reading that needs no invention.',
  },
  {
    id: 'sampler.zero-based-indices',
    kind: 'convention',
    where: 'Algorithm 1 line 4, Algorithm 2 line 4; layer indices throughout',
    affects: ['alg1.line4', 'alg2.line4', '1.2', '2.12'],
    asPrinted: String.raw`Sample j uniformly from $\{1, \ldots, n\}$`,
    correction:
      "Code indexes examples 0..n−1: the notes' example j ∈ {1..n} is code index j − 1 (reference/sampler.ts returns 0-based indices). Layers keep the notes' 1-based k in names and messages (W[2], weight(θ, k)), but arrays are 0-based: Params.W[k − 1] holds W^{[k]}; forward-pass arrays are indexed by k itself (a[0] = x, z[k], a[k] for k = 1..r). Coordinates are 1-based in accessors (coord(v, i) = v_i).",
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
    correction:
      'B is an integer with 1 <= B <= n; j_1, ..., j_B are distinct; each iteration draws a new batch independently of the previous ones (no epochs, no reshuffle-and-partition scheme). B > n is rejected.',
    derivation:
      'Sampling B distinct examples from n is impossible for B > n. The notes mention "other variants ... with slightly different sampling schemes" but specify only this one.',
  },
  {
    id: 'eq1.5.batch-mean',
    kind: 'convention',
    where: 'Algorithm 2, eq. 1.5 (and the batched backward pass that Section 4 leaves implicit)',
    affects: ['1.5', '4/multi-layer', '4/row-major-conversion'],
    asPrinted: String.raw`\theta := \theta - \frac{\alpha}{B} \sum_{k=1}^{B} \nabla_{\theta} J^{(j_k)}(\theta)`,
    correction:
      'Exactly as printed, in this order of float operations: all B gradients are taken at the same θ (one update per iteration), summed in drawn order k = 1..B, and the sum is scaled by fl(α/B): θ := θ − fl(α/B)·Σ_k ∇_θ J^{(j_k)}(θ) (reference/optimizers.ts#minibatchStep). GD (eq. 1.3) uses the mean gradient fl(Σ_i ∇J^{(i)}/n) times α (#gd, #meanGradient). The batched form of Section 4 applies the 1/B once, in the output delta: Δ^{[r]} = (Z^{[r]} − Y)/B, so ∂J_B/∂W^{[k]} = Δ^{[k]}A^{[k−1]ᵀ} and ∂J_B/∂b^{[k]} = Δ^{[k]}1_B are already means and are NOT divided by B again (reference/batched.ts#backpropBatch; in the row layout Δ_row^{[r]} = (Z_row^{[r]} − Yᵀ)/B and ∂J_B/∂W^{[k]ᵀ} = A_row^{[k−1]ᵀ}Δ_row^{[k]}, reference/rowMajor.ts#backpropBatchRows). This is the one placement every entry uses (4/multi-layer, 4/row-major-conversion, sec4.multilayer-batched, sec4.row-major-layout).',
    derivation:
      "Linearity: (α/B)Σ_k ∇J^{(j_k)} = α∇((1/B)Σ_k J^{(j_k)}), and the gradient is linear in the output delta, so scaling Δ^{[r]} by 1/B scales every Δ^{[k]} and every gradient by 1/B. Σ_t δ_t a_tᵀ = ΔAᵀ (a sum of outer products is the product of the stacked matrices) and Σ_t δ_t = Δ1_B. Dividing Δ^{[k]}A^{[k−1]ᵀ} by B again would give (1/B²)Σ_t ∇J^{(j_t)}, B times too small a step (reference/batchMean.test.ts composes the formulas as written and gets the mean). Numerically the forms differ only in rounding: the per-example loop and the matrix form agree bit for bit when B is a power of two (scaling by 2^{-k} is exact and the sums run in the same order), and within γ_{N+B} times the terms' magnitudes otherwise (tests in reference/batched.test.ts and reference/optimizers.test.ts).",
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
      'The notes reuse letters: i is an example (x^{(i)}), an iteration (Algorithm 1), an input coordinate (x_i, Figure 3) and a hidden unit (a_i, w_i in eq. 2.4); j is a sampled example (Algorithm 1), a hidden unit (eq. 2.5) and an intermediate variable (eq. 3.1); k is a batch position (eq. 1.5), the number of intermediate variables (eq. 3.1) and a layer (eq. 2.12). The reference names each meaning separately and, from Section 2 on, reads j as the hidden unit, ℓ (or i) as the input coordinate, k as the layer. (The symbols ℓ, m, σ, d, B and p are overloaded too: notation.symbol-overloading.)',
    derivation: 'Each reuse is local and unambiguous in context, but code that shares scope across sections must not conflate them.',
  },
];
