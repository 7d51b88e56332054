#!/usr/bin/env node
// `cs229-verify`: the package's command for scripts/verify.ts (TypeScript, loaded through tsx).
import { register } from 'tsx/esm/api';

register();
await import('../scripts/verify.ts');
