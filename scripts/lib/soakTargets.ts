/** The implementations a soak can run (scripts/lib/soak.ts), apart so that `npm run soak`'s command line loads nothing heavy. */
export const SOAK_TARGETS = ['reference', 'cpu', 'wasm', 'python', 'stdlib', 'js'] as const;
export type SoakTarget = (typeof SOAK_TARGETS)[number];
