/** The conformance checks covering an inventory entry (their `specIds`), or why none can. */

import { CHECKS } from '../../../conformance/checks/index.js';
import type { Check } from '../../../conformance/core/check.js';
import { UNCHECKABLE } from '../../../conformance/report/uncheckable.js';

export interface Coverage {
  readonly checks: readonly Pick<Check, 'id' | 'title'>[];
  /** Why no check can observe the entry (conformance/report/uncheckable.ts), when none does. */
  readonly uncheckable?: string;
}

export function checksFor(id: string, checks: readonly Check[] = CHECKS): Coverage {
  const covering = checks.filter((c) => c.specIds.includes(id)).map((c) => ({ id: c.id, title: c.title }));
  const reason = UNCHECKABLE.get(id);
  return reason === undefined ? { checks: covering } : { checks: covering, uncheckable: reason };
}
