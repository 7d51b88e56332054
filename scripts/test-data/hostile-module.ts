/**
 * A hostile module implementation for conformance/adapters/module.test.ts and scripts/verify.test.ts:
 * the reference, except that forward misbehaves as the environment variable HOSTILE_MODULE says
 * (read at each call): 'exit' calls process.exit(0) in the call, 'async-exit' calls process.exit(3)
 * after an await, 'timer-exit' calls process.exit(0) from a timer and never settles, 'hang'
 * never settles; anything else answers correctly.
 */
import { referenceImplementation } from '../../conformance/adapters/reference.js';
import type { ForwardRequest, Implementation } from '../../conformance/core/interface.js';

export function createImplementation(): Implementation {
  const reference = referenceImplementation();
  return {
    ...reference,
    name: 'hostile-module',
    operations: {
      ...reference.operations,
      forward(request: ForwardRequest) {
        switch (process.env.HOSTILE_MODULE) {
          // biome-ignore lint/suspicious/noFallthroughSwitchClause: process.exit does not return
          case 'exit':
            process.exit(0);
          // falls through (process.exit does not return)
          case 'async-exit':
            return (async () => {
              await Promise.resolve();
              process.exit(3);
            })();
          case 'timer-exit':
            setTimeout(() => process.exit(0), 10);
            return new Promise(() => undefined);
          case 'hang':
            return new Promise(() => undefined);
          default:
            return reference.operations.forward!(request);
        }
      },
    },
  };
}
