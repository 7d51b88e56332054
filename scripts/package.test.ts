/**
 * The npm package as a consumer gets it: `npm pack` (prepack builds dist/), then a fresh project
 * installs the tarball from the registry's dependencies and uses it the documented ways: the
 * `cs229-verify` command without tsx (--version, a conforming program, a faulty one), the public
 * API from plain Node, and its types under a strict tsconfig. The optional tfjs peers must stay
 * out, and the install must stay small. Needs network access to the npm registry.
 */
import { execFileSync, type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './lib/architecture.js';

const MAX_INSTALL_BYTES = 60_000_000;
const timings: string[] = [];
let work = '';
let project = '';

function timed<T>(label: string, run: () => T): T {
  const started = performance.now();
  try {
    return run();
  } finally {
    timings.push(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

function run(command: string, args: readonly string[], cwd = project): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
}

const example = (relative: string): string => join(PROJECT_ROOT, 'examples', relative);
const verify = (...args: string[]): SpawnSyncReturns<string> => run(join(project, 'node_modules', '.bin', 'cs229-verify'), args);

describe('the npm package, installed in a fresh project', { timeout: 300_000 }, () => {
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'cs229-package-'));
    project = join(work, 'consumer');
    const packed = timed('npm pack (build included)', () =>
      execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 180_000 }),
    );
    const tarball = join(work, packed.trim().split('\n').at(-1)!);
    execFileSync('mkdir', [project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    timed('npm install <tarball>', () =>
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', tarball], { cwd: project, encoding: 'utf8', timeout: 240_000 }),
    );
  }, 420_000);

  afterAll(() => {
    if (timings.length > 0) console.log(`package smoke test:\n  ${timings.join('\n  ')}`);
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  it('installs under 60 MB, without the optional tfjs peers', () => {
    const bytes = Number(execFileSync('du', ['-sb', join(project, 'node_modules')], { encoding: 'utf8' }).split('\t')[0]);
    timings.push(`installed size: ${(bytes / 1e6).toFixed(1)} MB`);
    expect(bytes).toBeLessThan(MAX_INSTALL_BYTES);
    expect(existsSync(join(project, 'node_modules', '@tensorflow'))).toBe(false);
    expect(readdirSync(join(project, 'node_modules', 'cs229-dl-conformance')).sort()).toEqual(['LICENSE', 'README.md', 'bin', 'dist', 'package.json', 'spec']);
  });

  it('cs229-verify --version and --help run in plain Node', () => {
    const version = verify('--version');
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout).toMatch(/^cs229-verify \d+\.\d+\.\d+/);
    const help = verify('--help');
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('cs229-verify');
  });

  it('cs229-verify passes a conforming program (exit 0) and fails a faulty one (exit 1)', () => {
    const good = timed('verify examples/python/mlp_numpy.py', () => verify('--', 'python3', example('python/mlp_numpy.py')));
    expect(good.status, good.stdout + good.stderr).toBe(0);
    const bad = timed('verify --only gradient/mean faulty.py forgets-1/B', () =>
      verify('--only', 'gradient/mean', '--reproducers', join(work, 'reproducers'), '--', 'python3', example('faulty/faulty.py'), 'forgets-1/B'),
    );
    expect(bad.status, bad.stdout + bad.stderr).toBe(1);
  });

  it('the public API runs from a plain Node script', () => {
    writeFileSync(
      join(project, 'one-check.mjs'),
      [
        "import { CHECKS, runChecks, stdioImplementation } from 'cs229-dl-conformance';",
        "import { forward, columnVector, initializeParams, createRng } from 'cs229-dl-conformance/reference';",
        'const [command, ...args] = process.argv.slice(2);',
        'const impl = await stdioImplementation(command, args);',
        "const [result] = await runChecks(impl, CHECKS.filter((c) => c.id === 'loss/named-cases'));",
        'await impl.close?.();',
        'const pass = forward(initializeParams([2, 3, 1], createRng(1)), columnVector([1, 2]), "relu");',
        'console.log(result.check, result.status, typeof pass.output);',
        "process.exit(result.status === 'pass' ? 0 : 1);",
      ].join('\n'),
    );
    const api = run('node', ['one-check.mjs', 'python3', example('python/mlp_numpy.py')]);
    expect(api.status, api.stdout + api.stderr).toBe(0);
    expect(api.stdout).toContain('loss/named-cases pass');
  });

  it("the public API's types check under strict, exactOptionalPropertyTypes, noPropertyAccessFromIndexSignature", () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          exactOptionalPropertyTypes: true,
          noPropertyAccessFromIndexSignature: true,
          noUncheckedIndexedAccess: true,
          noEmit: true,
          types: [],
        },
        files: ['uses.ts'],
      }),
    );
    writeFileSync(
      join(project, 'uses.ts'),
      [
        "import { CHECKS, EXIT_CODES, formatTable, jsonReport, junitReport, moduleImplementation, runChecks, runVerdict, serializeReport, specCoverage, stdioImplementation, type CheckResult, type Implementation, type NetParams, type RunOptions } from 'cs229-dl-conformance';",
        "import { backprop, columnVector, createRng, initializeParams, type Params } from 'cs229-dl-conformance/reference';",
        'export async function verifyProgram(command: string, args: readonly string[]): Promise<number> {',
        '  const impl: Implementation = await stdioImplementation(command, args, { timeoutMs: 10_000 });',
        '  const options: RunOptions = { seed: 229, runs: 5 };',
        '  const results: CheckResult[] = await runChecks(impl, CHECKS, options);',
        '  await impl.close?.();',
        '  const report = jsonReport({ implementations: [impl], results, seed: 229, strict: false, runs: 5 });',
        '  console.log(formatTable({ implementations: [impl.name], results, coverage: specCoverage() }), serializeReport(report).length, junitReport(report).length);',
        '  const code: number = runVerdict(results).code;',
        '  return code === EXIT_CODES.conform ? 0 : code;',
        '}',
        'export const module = moduleImplementation;',
        'export const theta: Params = initializeParams([2, 1], createRng(3));',
        "export const gradient = backprop(theta, columnVector([1, 2]), 1, 'relu');",
        'export const plain: NetParams = { W: [[[1, 2]]], b: [[0]] };',
      ].join('\n'),
    );
    const tsc = timed('tsc on the public API', () => run(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json']));
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
  });
});
