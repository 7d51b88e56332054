import { transpose } from '../../../numerics/plain.js';
import { type Problem, problemArb } from '../../core/cases.js';
import { type Check, type CheckContext, supported } from '../../core/check.js';
import { forAll, forNamedCases } from '../../core/property.js';
import { quoteOf } from '../../core/quote.js';
import { expectMatrixClose, expectVectorClose, type Site } from '../../oracles/compare.js';
import { expectForward, expectForwardBatch } from '../../oracles/oracle.js';
import { betweenAnswers } from '../../oracles/tolerances.js';
import { expectShapedMatrix, expectShapedVector } from '../identityHelpers.js';

// ---- Section 4: the batch forward against itself and against the per-example forward. ----

async function checkRowsAreColumnsOn(ctx: CheckContext, p: Problem): Promise<void> {
  const { params, activation } = p;
  const examples = p.data.X.map((x) => [...x]);
  const rowsRequest = { params, activation, layout: 'rows' as const, X: examples };
  const columnsRequest = { params, activation, layout: 'columns' as const, X: transpose(examples) };
  const rows = await ctx.call('forwardBatch', rowsRequest);
  const columns = await ctx.call('forwardBatch', columnsRequest);
  const e = expectForwardBatch(ctx.tolerance, params, activation, examples);
  for (let k = 1; k <= params.W.length; k++) {
    for (const q of ['Z', 'A'] as const) {
      const E = e[q][k - 1]!;
      const columnSite: Site = {
        specId: '4/row-major-conversion',
        operation: 'forwardBatch',
        quantity: `${q}[${k}] (columns)`,
        layer: k,
        reproducer: { operation: 'forwardBatch', request: columnsRequest },
      };
      const C = columns[q]?.[k - 1];
      expectShapedMatrix(columnSite, transpose(E.value), C);
      const site: Site = {
        specId: '4/row-major-conversion',
        operation: 'forwardBatch',
        quantity: `${q}[${k}] (rows) vs ${q}[${k}]ᵀ (columns)`,
        layer: k,
        reproducer: { operation: 'forwardBatch', request: rowsRequest },
      };
      expectMatrixClose(site, { value: transpose(C), bound: E.bound.map((row) => row.map((b) => betweenAnswers(b, b))) }, rows[q]?.[k - 1], `B x m${k}`);
    }
  }
}

async function checkColumnIsForwardOn(ctx: CheckContext, p: Problem): Promise<void> {
  const { params, activation } = p;
  const examples = p.data.X.map((x) => [...x]);
  const request = { params, activation, layout: 'columns' as const, X: transpose(examples) };
  const reproducer = { operation: 'forwardBatch' as const, request };
  const batch = await ctx.call('forwardBatch', request);
  const e = expectForwardBatch(ctx.tolerance, params, activation, examples);
  const layers = Array.from({ length: params.W.length }, (_, i) => i + 1);
  const columnSite = (Q: 'Z' | 'A', k: number): Site => ({
    specId: k === 1 && Q === 'Z' ? '4/per-example-z' : '4/multi-layer',
    operation: 'forwardBatch',
    quantity: `${Q}[${k}]`,
    layer: k,
    reproducer,
  });
  for (const k of layers) for (const Q of ['Z', 'A'] as const) expectShapedMatrix(columnSite(Q, k), transpose(e[Q][k - 1]!.value), batch[Q]?.[k - 1]);
  for (const [i, x] of examples.entries()) {
    const forwardRequest = { params, activation, x };
    const one = await ctx.call('forward', forwardRequest);
    const f = expectForward(ctx.tolerance, params, activation, x);
    for (const k of layers) {
      for (const [q, Q] of [
        ['z', 'Z'],
        ['a', 'A'],
      ] as const) {
        const single = one[q]?.[k - 1];
        expectShapedVector(
          { ...columnSite(Q, k), operation: 'forward', quantity: `${q}[${k}]`, reproducer: { operation: 'forward', request: forwardRequest } },
          f[q][k - 1]!.value,
          single,
        );
        const bound = f[q][k - 1]!.bound.map((b, j) => betweenAnswers(b, e[Q][k - 1]!.bound[i]![j]!));
        const column = batch[Q][k - 1]!.map((row) => row[i]);
        expectVectorClose(
          { ...columnSite(Q, k), quantity: `${Q}[${k}] column ${i + 1} vs ${q}[${k}] of forward(x^{(${i + 1})})` },
          { value: single, bound },
          column,
        );
      }
    }
  }
}

export const section4Identities: Check[] = [
  {
    id: 'identities/rows-transpose-columns',
    specIds: ['4/row-major-conversion', '4.4', '4.1'],
    title: "forwardBatch in layout 'rows' is the transpose of layout 'columns', layer by layer",
    // Hand-written: the forward half of 4/row-major-conversion with Z^{[k]ᵀ} written out, the identity this check tests (the inventory's entry also states the backward pass).
    quote: 'Z_row^{[k]} = A_row^{[k−1]}W^{[k]ᵀ} + 1_B b^{[k]ᵀ} = (W^{[k]}A^{[k−1]} + b^{[k]}1_Bᵀ)ᵀ',
    requires: ['forwardBatch'],
    async run(ctx) {
      const summary = await forAll(ctx, problemArb(supported(ctx)), (p) => checkRowsAreColumnsOn(ctx, p));
      const named = await forNamedCases(ctx, (c) => checkRowsAreColumnsOn(ctx, c));
      return { status: 'pass', message: `${summary}; ${named}` };
    },
  },
  {
    id: 'identities/batch-column-is-forward',
    specIds: ['4/per-example-z', '4.2', '4/multi-layer'],
    title: 'column i of forwardBatch (layout columns) is forward on example i, every layer',
    quote: quoteOf('4/per-example-z', '4.2'),
    requires: ['forwardBatch', 'forward'],
    async run(ctx) {
      const summary = await forAll(ctx, problemArb(supported(ctx)), (p) => checkColumnIsForwardOn(ctx, p));
      return { status: 'pass', message: summary };
    },
  },
];
