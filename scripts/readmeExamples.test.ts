/**
 * The README's code blocks cannot drift from the code (mathjs's doc.test.js, for a README): every
 * fenced block is a shell block or an API block, and each is checked against the project as it is.
 *
 * - `sh` blocks: every `npm run <script>` (and `npm start`, `npm test`) names a script of
 *   package.json, every `--flag` before the program's own `--` is in that script's `--help`, every
 *   repository path exists; the cheap commands (`npm run explain -- …`) are run and must exit 0.
 * - `js` / `ts` blocks: run with tsx from the repository root, the package's names
 *   (`cs229-dl-conformance`, `…/reference`) and relative imports pointed at the sources; they must
 *   exit 0 (the js block runs the gradient checks on the numpy example and exits with the verdict).
 *
 * Multi-minute commands (`npm start`, `npm test`, a whole `verify`) are checked, never run.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './lib/coverage.js';

const README = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
const SCRIPTS = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const TIMEOUT = 60_000;

interface Block {
  readonly lang: string;
  readonly code: string;
  readonly line: number;
}

const blocks: Block[] = [...README.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
  lang: m[1]!,
  code: m[2]!,
  line: README.slice(0, m.index).split('\n').length + 1,
}));

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(file: string, args: readonly string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd: PROJECT_ROOT, timeout: TIMEOUT, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, CI: '1' } }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr }),
    );
  });
}

/** One shell command of a README line: `npm <verb> …` split into words (quotes removed), comments and `&&` handled. */
function commandsOf(code: string): string[][] {
  return code
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').replace(/^\s*#.*$/, ''))
    .flatMap((line) => line.split('&&'))
    .map((cmd) => [...cmd.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((w) => w[1] ?? w[2] ?? w[3]!))
    .filter((words) => words.length > 0);
}

/** The npm script a command runs and the arguments it passes to it. */
function scriptOf(words: readonly string[]): { script: string; args: string[] } | undefined {
  if (words[0] !== 'npm') throw new Error(`not an npm command: ${words.join(' ')}`);
  const [verb, ...rest] = words.slice(1);
  if (verb === 'ci' || verb === 'install') return undefined;
  if (verb === 'start' || verb === 'test') return { script: verb, args: rest[0] === '--' ? rest.slice(1) : rest };
  if (verb !== 'run') throw new Error(`unknown npm verb '${verb}' in: ${words.join(' ')}`);
  const [script, ...args] = rest;
  return { script: script!, args: args[0] === '--' ? args.slice(1) : args };
}

const shellCommands = blocks.filter((b) => b.lang === 'sh').flatMap((b) => commandsOf(b.code).map((words) => ({ block: b, words })));
const helpOf = new Map<string, Promise<Outcome>>();
const help = (script: string): Promise<Outcome> => {
  if (!helpOf.has(script)) helpOf.set(script, run('npm', ['run', '-s', script, '--', '--help']));
  return helpOf.get(script)!;
};

const work = mkdtempSync(join(tmpdir(), 'readme-blocks-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** An API block with the package's names and relative imports pointed at the sources. */
function runnable(code: string): string {
  return code
    .replace(
      /from '(cs229-dl-conformance)(\/reference)?'/g,
      (_, __, sub: string | undefined) => `from '${join(PROJECT_ROOT, sub ? 'reference' : 'conformance', 'index.ts')}'`,
    )
    .replace(/from '\.\/([\w/.-]+)\.js'/g, (_, path: string) => `from '${join(PROJECT_ROOT, `${path}.ts`)}'`);
}

describe('the README code blocks', () => {
  it('are all shell (sh) or API (js, ts) blocks, and there are some of each', () => {
    expect(blocks.filter((b) => !['sh', 'js', 'ts'].includes(b.lang)).map((b) => `line ${b.line}: \`\`\`${b.lang}`)).toEqual([]);
    expect(new Set(blocks.map((b) => b.lang))).toEqual(new Set(['sh', 'js', 'ts']));
    expect(shellCommands.length).toBeGreaterThanOrEqual(7);
  });

  it("reads a command line as a shell does: comments, &&, quotes, the program's own --", () => {
    expect(commandsOf("npm ci && npm start   # install\n   # a comment line\nnpm run verify -- --only 'gradient/*' --json out.json -- ./my_impl")).toEqual([
      ['npm', 'ci'],
      ['npm', 'start'],
      ['npm', 'run', 'verify', '--', '--only', 'gradient/*', '--json', 'out.json', '--', './my_impl'],
    ]);
    expect(scriptOf(['npm', 'run', 'verify', '--', '--only', 'g', '--', 'python3', 'x.py'])).toEqual({
      script: 'verify',
      args: ['--only', 'g', '--', 'python3', 'x.py'],
    });
    expect(scriptOf(['npm', 'ci'])).toBeUndefined();
    expect(() => scriptOf(['npx', 'thing'])).toThrow('not an npm command');
  });

  it('name only npm scripts that exist, flags their --help lists, and repository paths that exist', async () => {
    const problems: string[] = [];
    for (const { block, words } of shellCommands) {
      const target = scriptOf(words);
      if (target === undefined) continue;
      const where = `README line ${block.line}: ${words.join(' ')}`;
      if (SCRIPTS[target.script] === undefined) problems.push(`${where}: no script '${target.script}' in package.json`);
      const end = target.args.indexOf('--');
      const own = end < 0 ? target.args : target.args.slice(0, end);
      const flags = own.filter((a) => a.startsWith('--'));
      if (flags.length > 0) {
        const usage = await help(target.script);
        if (usage.code !== 0) problems.push(`${where}: npm run ${target.script} -- --help exited ${usage.code}`);
        for (const flag of flags) if (!usage.stdout.includes(flag)) problems.push(`${where}: ${flag} is not in \`npm run ${target.script} -- --help\``);
      }
      for (const path of target.args.filter((a) => /^(examples|scripts|conformance|reference|fixtures|spec)\//.test(a))) {
        if (!existsSync(join(PROJECT_ROOT, path))) problems.push(`${where}: ${path} does not exist`);
      }
    }
    expect(problems).toEqual([]);
  });

  it(
    'run the cheap commands: npm run explain -- 3.13 and --list exit 0 with what the README says they print',
    async () => {
      const explain = shellCommands.map((c) => scriptOf(c.words)).filter((t) => t?.script === 'explain');
      expect(explain.map((t) => t!.args)).toEqual([['3.13'], ['--list']]);
      const [one, list] = await Promise.all(explain.map((t) => run('npm', ['run', '-s', 'explain', '--', ...t!.args])));
      expect(one!.code, one!.stderr).toBe(0);
      expect(one!.stdout).toContain('Statement, as it should read:');
      expect(one!.stdout).toContain('Worked example (computed now by the reference):');
      expect(list!.code, list!.stderr).toBe(0);
      expect(list!.stdout).toMatch(/^3\.13 +/m);
    },
    2 * TIMEOUT,
  );

  it(
    'run the API blocks from the sources: each exits 0',
    async () => {
      const api = blocks.filter((b) => b.lang === 'js' || b.lang === 'ts');
      expect(api.length).toBeGreaterThanOrEqual(2);
      const outcomes = await Promise.all(
        api.map((b, i) => {
          const file = join(work, `block-${i}.mts`);
          writeFileSync(file, runnable(b.code));
          return run(TSX, [file]);
        }),
      );
      outcomes.forEach((o, i) => expect(o.code, `README line ${api[i]!.line}:\n${o.stdout}\n${o.stderr}`).toBe(0));
      // the js block prints each gradient check's status, then the reference's J
      const js = outcomes[api.findIndex((b) => b.lang === 'js')]!;
      expect(js.stdout).toMatch(/^gradient\/random +pass$/m);
      expect(js.stdout).toMatch(/^reference J = \d/m);
    },
    2 * TIMEOUT,
  );
});
