/** The gallery of known-bad implementations: every one must be rejected by the suite (gallery.test.ts). */
import { ALG5_ENTRIES } from './alg5.js';
import { DERIVATIVE_ENTRIES } from './derivatives.js';
import { LOSS_ENTRIES } from './loss.js';
import { NETWORK_ENTRIES } from './network.js';
import { OPTIMIZER_ENTRIES } from './optimizers.js';
import type { GalleryEntry } from './types.js';

export type { GalleryEntry } from './types.js';

export const GALLERY: readonly GalleryEntry[] = [...ALG5_ENTRIES, ...DERIVATIVE_ENTRIES, ...NETWORK_ENTRIES, ...LOSS_ENTRIES, ...OPTIMIZER_ENTRIES];
