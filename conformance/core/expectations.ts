/**
 * The user's expectations file: known failures with reasons, owned by the user and kept next to
 * their implementation. A listed check that fails is reported expected-fail; one that passes is
 * unexpected-pass (the list is out of date), which fails the run. Format (JSON):
 *   { "knownFailures": [ { "check": "gradient/reference", "reason": "issue 12: ReLU' at 0" } ] }
 */
import { readFileSync } from 'node:fs';
import type { Check } from './check.js';

export function parseExpectations(text: string, where: string, checks: readonly Check[]): Map<string, string> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where}: not JSON (${(error as Error).message})`);
  }
  const list = (data as { knownFailures?: unknown } | null)?.knownFailures;
  if (!Array.isArray(list)) throw new Error(`${where}: expected {"knownFailures": [{"check": ..., "reason": ...}, ...]}`);
  const known = new Set(checks.map((c) => c.id));
  const out = new Map<string, string>();
  list.forEach((entry: unknown, i) => {
    const { check, reason } = (entry ?? {}) as { check?: unknown; reason?: unknown };
    if (typeof check !== 'string' || !known.has(check)) {
      throw new Error(`${where}: knownFailures[${i}].check ${JSON.stringify(check)} is not a check id (list them with --list-checks)`);
    }
    if (typeof reason !== 'string' || reason.trim() === '') throw new Error(`${where}: knownFailures[${i}] (${check}) needs a reason`);
    out.set(check, reason);
  });
  return out;
}

export function readExpectations(path: string, checks: readonly Check[]): Map<string, string> {
  return parseExpectations(readFileSync(path, 'utf8'), path, checks);
}
