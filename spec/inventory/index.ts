/** The whole inventory, in the notes' order: Sections 1, 2, 3, 4. */
import type { SpecEntry } from '../types.js';
import { SECTION_1 } from './section1.js';
import { SECTION_2 } from './section2.js';
import { SECTION_3 } from './section3.js';
import { SECTION_4 } from './section4.js';

export const INVENTORY: readonly SpecEntry[] = [...SECTION_1, ...SECTION_2, ...SECTION_3, ...SECTION_4];
