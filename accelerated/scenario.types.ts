/**
 * The plain data that crosses every boundary of the accelerated path: Node ↔ browser page,
 * accelerated ↔ reference, implementation ↔ checks. Row-major as in eq. 4.4: one example per row.
 */

/** The backends the accelerated path runs on. 'wasm' is threaded where it starts cleanly. */
export type BackendName = 'cpu' | 'wasm' | 'webgl' | 'webgpu';

export type ActivationName = 'relu' | 'sigmoid' | 'tanh' | 'identity';

/**
 * Row-major parameters (eq. 4.4 and its conversion paragraph): W[k − 1] = W^{[k]ᵀ} is
 * m_{k−1}×m_k (rows of numbers), b[k − 1] = b^{[k]ᵀ} is a list of m_k numbers. m_r = 1.
 */
export interface RowParamsData {
  readonly W: readonly (readonly (readonly number[])[])[];
  readonly b: readonly (readonly number[])[];
}

/** A data set in row layout: X is n×d (row i is x^{(i)ᵀ}), y has n entries. */
export interface DataSet {
  readonly X: readonly (readonly number[])[];
  readonly y: readonly number[];
}

/** What to run: a forward pass and a mean gradient on `data`, then training on given batches. */
export interface Scenario {
  readonly params: RowParamsData;
  readonly activation: ActivationName;
  readonly data: DataSet;
  /** 0-based example indices, one batch per iteration (eq. 1.5; a batch of one is eq. 1.4). */
  readonly batches: readonly (readonly number[])[];
  readonly alpha: number;
}

/** What an implementation returns for a Scenario. */
export interface ScenarioOutput {
  /** h_θ(x^{(i)}) for every example, before training. */
  readonly outputs: number[];
  /** J(θ) of eq. 1.2 on the whole data set, before training. */
  readonly loss: number;
  /** ∇J(θ) on the whole data set (mean of eq. 1.5 over all n), row-major like params. */
  readonly gradient: { W: number[][][]; b: number[][] };
  /** θ after training on every batch in order. */
  readonly trained: { W: number[][][]; b: number[][] };
  /** J(θ) on the whole data set after each iteration. */
  readonly losses: number[];
  /** tf.memory().numTensors before the scenario and after it (must be equal). */
  readonly tensorsBefore: number;
  readonly tensorsAfter: number;
  /** The backend that actually ran it (tf.getBackend()). */
  readonly backend: string;
}
