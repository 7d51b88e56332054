/**
 * Checks of Section 4 through `forwardBatch` (every layer on B examples at once, eq. 4.1-4.4 and
 * 4/multi-layer) against the oracle. The oracle is row-major (B×m_k); for the 'columns' layout
 * (examples as columns, the notes' eq. 4.1) its values and bounds are transposed. The batch-mean
 * gradient of 4/multi-layer (meanGradient, n ≠ B ≠ m included) is checked by gradient.ts#gradient/mean.
 */

import { transpose } from '../../../numerics/plain.js';
import { namedCases, problemArb } from '../../core/cases.js';
import { type Check, type CheckContext, supported } from '../../core/check.js';
import type { Activation, Matrix, NetParams } from '../../core/interface.js';
import { forAll, forNamedCases } from '../../core/property.js';
import { quoteOf } from '../../core/quote.js';
import { expectMatrixClose } from '../../oracles/compare.js';
import { type Expected, expectForwardBatch } from '../../oracles/oracle.js';

type Layout = 'columns' | 'rows';

const transposed = (e: Expected<number[][]>): Expected<number[][]> => ({ value: transpose(e.value), bound: transpose(e.bound) });

/** The statement each batch quantity instantiates: Z[k] or A[k] in a layout. */
export type BatchNaming = (quantity: 'Z' | 'A', k: number, layout: Layout) => string;

/** First layer: eq. 4.2 (columns) or eq. 4.4 (rows); deeper layers: 4/multi-layer, written row-major by 4/row-major-conversion. */
const notesNaming: BatchNaming = (q, k, layout) =>
  q === 'Z' && k === 1 ? (layout === 'columns' ? '4.2' : '4.4') : layout === 'columns' ? '4/multi-layer' : '4/row-major-conversion';

/**
 * Calls forwardBatch on the examples (rows of `examples`, B×d) in `layout` — X = examplesᵀ (d×B,
 * eq. 4.1) for 'columns', X = examples (B×d, eq. 4.4) for 'rows' — and compares every Z[k], A[k].
 */
export async function checkForwardBatchOn(
  ctx: CheckContext,
  params: NetParams,
  activation: Activation,
  examples: Matrix,
  layout: Layout,
  naming: BatchNaming = notesNaming,
): Promise<void> {
  const X = layout === 'rows' ? examples.map((row) => [...row]) : transpose(examples);
  const request = { params, activation, layout, X };
  const reproducer = { operation: 'forwardBatch' as const, request };
  const got = await ctx.call('forwardBatch', request);
  const expected = expectForwardBatch(
    ctx.tolerance,
    params,
    activation,
    examples.map((row) => [...row]),
  );
  for (let k = 1; k <= params.W.length; k++) {
    for (const q of ['Z', 'A'] as const) {
      const e = expected[q][k - 1]!;
      const site = { specId: naming(q, k, layout), operation: 'forwardBatch' as const, quantity: `${q}[${k}]`, layer: k, reproducer };
      expectMatrixClose(site, layout === 'rows' ? e : transposed(e), got[q]?.[k - 1], layout === 'rows' ? `B x m${k}` : `m${k} x B`);
    }
  }
}

const layoutCheck = (layout: Layout, id: string, specIds: string[], title: string, quote: string): Check => ({
  id,
  specIds,
  title,
  quote,
  requires: ['forwardBatch'],
  async run(ctx) {
    const summary = await forAll(ctx, problemArb(supported(ctx)), (p) => checkForwardBatchOn(ctx, p.params, p.activation, p.data.X, layout));
    const named = await forNamedCases(ctx, (c) => checkForwardBatchOn(ctx, c.params, c.activation, c.data.X, layout));
    return { status: 'pass', message: `${summary}; ${named}` };
  },
});

export const batchChecks: Check[] = [
  layoutCheck(
    'columns',
    'batch/columns',
    ['4.1', '4.2', '4/broadcast-sum', '4/multi-layer'],
    'every layer on B examples stacked as columns: Z[k] m_k×B, A[k] m_k×B',
    quoteOf('4.1', '4/multi-layer'),
  ),
  layoutCheck(
    'rows',
    'batch/rows',
    ['4.4', '4/row-major-conversion', '4/multi-layer'],
    'every layer on B examples stacked as rows (deep-learning packages): Z[k] B×m_k',
    quoteOf('4.4'),
  ),
  {
    id: 'batch/broadcast',
    specIds: ['4.3', '4/broadcast-sum'],
    title: 'with W[1] = 0, Z[1] is the broadcast bias b̃[1]: b[1] repeated in every column (every row, row-major)',
    quote: quoteOf('4/broadcast-sum', '4.3'),
    requires: ['forwardBatch'],
    async run(ctx) {
      const activation = supported(ctx)[0]!;
      // n≠B≠m: B = 7 examples, m_1 = 5, d = 3, so a bias added along the wrong axis cannot fit or hide.
      const c = namedCases(activation).find((nc) => nc.name === 'n≠B≠m')!;
      const params: NetParams = { W: c.params.W.map((W, k) => (k === 0 ? W.map((row) => row.map(() => 0)) : W)), b: c.params.b };
      const naming: BatchNaming = (q, k, layout) => (q === 'Z' && k === 1 ? '4.3' : notesNaming(q, k, layout));
      for (const layout of ['columns', 'rows'] as const) await checkForwardBatchOn(ctx, params, activation, c.data.X, layout, naming);
      return { status: 'pass', message: `B = ${c.data.X.length}, m_1 = ${params.b[0]!.length}, both layouts` };
    },
  },
];
