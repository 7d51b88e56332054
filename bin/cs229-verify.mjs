#!/usr/bin/env node
// `cs229-verify`: the package's command for scripts/verify.ts. In a checkout it loads the
// TypeScript source through tsx (a devDependency); installed from npm, where only the compiled
// dist/ ships (built by `npm run build` before packing), it runs dist/scripts/verify.js in plain Node.
import { existsSync } from 'node:fs';

if (existsSync(new URL('../scripts/verify.ts', import.meta.url))) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../scripts/verify.ts');
} else {
  await import(new URL('../dist/scripts/verify.js', import.meta.url).href);
}
