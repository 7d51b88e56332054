/**
 * A TypeScript module under the suite (`npm run verify -- examples/typescript/module.ts`): export an
 * Implementation (conformance/core/interface.ts) as `default`, `implementation` or a function
 * `createImplementation`. This one re-exports the project's own reference, the simplest
 * conforming implementation; a JavaScript module (.mjs) works the same way.
 */
export { referenceImplementation as createImplementation } from '../../conformance/adapters/reference.js';
