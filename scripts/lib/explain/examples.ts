/** Which worked example each inventory id is explained with (every id has exactly one). */
import { SECTION_1_EXAMPLES } from './section1Examples.js';
import { SECTION_2_EXAMPLES } from './section2Examples.js';
import { SECTION_3_COST_EXAMPLES } from './section3CostExamples.js';
import { SECTION_3_EXAMPLES } from './section3Examples.js';
import { SECTION_4_EXAMPLES } from './section4Examples.js';
import type { ExampleGroup, WorkedExample } from './worked.js';

export const EXAMPLE_GROUPS: readonly ExampleGroup[] = [
  ...SECTION_1_EXAMPLES,
  ...SECTION_2_EXAMPLES,
  ...SECTION_3_COST_EXAMPLES,
  ...SECTION_3_EXAMPLES,
  ...SECTION_4_EXAMPLES,
];

const built = new Map<ExampleGroup, WorkedExample>();

/** The worked example of a spec id, computed once by the reference; undefined for an id no group lists. */
export function workedExampleFor(id: string): WorkedExample | undefined {
  const group = EXAMPLE_GROUPS.find((g) => g.ids.includes(id));
  if (group === undefined) return undefined;
  let example = built.get(group);
  if (example === undefined) {
    example = group.build();
    built.set(group, example);
  }
  return example;
}
