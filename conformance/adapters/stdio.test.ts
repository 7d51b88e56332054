/**
 * The stdio adapter against tiny inline programs (node -e), one per way a program can misbehave.
 * The example implementations in examples/ are tested end to end in examples/examples.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Implementation } from '../core/interface.js';
import { stdioImplementation } from './stdio.js';

/** A program that handshakes, then answers forward with `answer(id, request, count)` (JS source). */
function program(answer: string, handshake = `{protocol: 1, name: 'tiny', dtype: 'float64', activations: ['relu'], operations: ['forward']}`): string[] {
  const source = `
    const rl = require('node:readline').createInterface({ input: process.stdin });
    let count = 0;
    rl.on('line', (line) => {
      const { id, op, request } = JSON.parse(line);
      if (op === 'handshake') return void process.stdout.write(JSON.stringify({ id, result: ${handshake} }) + '\\n');
      count++;
      ${answer}
    });`;
  return ['-e', source];
}
const ok = `process.stdout.write(JSON.stringify({ id, result: { z: [[0]], a: [[0]], output: count } }) + '\\n');`;
const request = { params: { W: [[[1]]], b: [[0]] }, activation: 'relu' as const, x: [1] };

const open: Implementation[] = [];
async function start(answer: string, options = {}, handshake?: string): Promise<Implementation> {
  const impl = await stdioImplementation(process.execPath, program(answer, handshake), { timeoutMs: 2000, ...options });
  open.push(impl);
  return impl;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((impl) => impl.close?.()));
});

describe('stdio adapter', () => {
  it('handshakes and answers, with one process for the whole session', async () => {
    const impl = await start(ok);
    expect(impl).toMatchObject({ name: 'tiny', dtype: 'float64', activations: ['relu'] });
    expect(Object.keys(impl.operations)).toEqual(['forward']);
    expect(await impl.operations.forward!(request)).toEqual({ z: [[0]], a: [[0]], output: 1 });
    expect(await impl.operations.forward!(request)).toMatchObject({ output: 2 });
  });

  it('decodes "NaN" and "Infinity" strings into numbers for the checks to report', async () => {
    const impl = await start(`process.stdout.write(JSON.stringify({ id, result: { z: [['NaN']], a: [['-Infinity']], output: 'Infinity' } }) + '\\n');`);
    expect(await impl.operations.forward!(request)).toEqual({ z: [[Number.NaN]], a: [[-Infinity]], output: Infinity });
  });

  it('sends one request at a time, even when a check asks several at once', async () => {
    const impl = await start(`setTimeout(() => { ${ok} }, 20 * (3 - count));`);
    const answers = await Promise.all([1, 2, 3].map(() => impl.operations.forward!(request)));
    expect(answers.map((a) => (a as { output: number }).output)).toEqual([1, 2, 3]);
  });

  it('turns an "unsupported" answer into a not-implemented check, not a failure', async () => {
    const impl = await start(`process.stdout.write(JSON.stringify({ id, error: { code: 'unsupported', message: 'no tanh here' } }) + '\\n');`);
    const { runChecks } = await import('../core/runner.js');
    const [result] = await runChecks(impl, [
      { id: 'probe', specIds: ['2.12'], title: '', quote: '', requires: ['forward'], run: async (ctx) => void (await ctx.call('forward', request)) },
    ]);
    expect(result).toMatchObject({ status: 'not-implemented' });
    expect(result!.message).toContain('no tanh here');
  });

  it('reports an error answer with its code and message', async () => {
    const impl = await start(`process.stdout.write(JSON.stringify({ id, error: { code: 'invalid', message: 'W[1] looks wrong' } }) + '\\n');`);
    await expect(impl.operations.forward!(request)).rejects.toThrow('the program answered error "invalid": W[1] looks wrong');
  });

  const faults: [string, string, string][] = [
    ['not JSON', `process.stdout.write('hello\\n');`, 'the program wrote a line that is not JSON: "hello"'],
    ['a wrong id', `process.stdout.write(JSON.stringify({ id: id + 1, result: {} }) + '\\n');`, 'answered id'],
    ['an exit', `process.exit(3);`, 'the program exited (status 3) while answering forward'],
    ['a hang', ``, 'no answer within 2000 ms'],
    ['half a line', `process.stdout.write('{"id": ' + id + ', "resu');`, 'no answer within 2000 ms'],
    ['an oversized line', `process.stdout.write('x'.repeat(5000) + '\\n');`, 'longer than 1000 bytes'],
  ];
  for (const [what, answer, reason] of faults) {
    it(`fails the request on ${what}, kills the process and restarts it for the next request`, async () => {
      const impl = await start(`if (count === 1) { ${answer} } else { ${ok} }`, { maxMessageBytes: 1000 });
      await expect(impl.operations.forward!(request)).rejects.toThrow(reason);
      // the restarted program counts from 1 again, so it misbehaves again; a third one answers... also count 1
      await expect(impl.operations.forward!(request)).rejects.toThrow(reason);
    });
  }

  it('restarts after a crash and goes on answering', async () => {
    const impl = await start(`if (count === 2) process.exit(1); ${ok}`);
    expect(await impl.operations.forward!(request)).toMatchObject({ output: 1 });
    await expect(impl.operations.forward!(request)).rejects.toThrow('exited (status 1)');
    expect(await impl.operations.forward!(request)).toMatchObject({ output: 1 });
  });

  it('keeps only the tail of a flood on stderr and shows it when the program dies', async () => {
    const impl = await start(`process.stderr.write('noise '.repeat(200000) + 'last words'); setTimeout(() => process.exit(2), 100);`);
    await expect(impl.operations.forward!(request)).rejects.toThrow(/exited \(status 2\).*last words$/);
  });

  it('refuses a program that speaks another protocol version, naming both', async () => {
    await expect(start(ok, {}, `{protocol: 99, name: 'x', dtype: 'float64', activations: [], operations: []}`)).rejects.toThrow(
      'handshake: the program speaks protocol 99, this suite speaks protocol 1',
    );
  });

  it('refuses a program that cannot be started', async () => {
    await expect(stdioImplementation('/nonexistent/program', [], { timeoutMs: 2000 })).rejects.toThrow(/could not run \/nonexistent\/program/);
  });

  it("cuts a request in flight at the run's deadline (--max-time) when it comes before the per-request timeout", async () => {
    const started = Date.now();
    const impl = await start(``, { timeoutMs: 60_000, deadline: Date.now() + 1500 });
    await expect(impl.operations.forward!(request)).rejects.toThrow("no answer before the run's time limit (--max-time) was reached while answering forward");
    expect(Date.now() - started).toBeLessThan(5000);
    await expect(impl.operations.forward!(request)).rejects.toThrow("not asked: the run's time limit (--max-time) has passed");
  });

  it("bounds the handshake by the run's deadline too", async () => {
    const started = Date.now();
    const silent = ['-e', 'setInterval(() => {}, 1000)'];
    await expect(stdioImplementation(process.execPath, silent, { timeoutMs: 60_000, deadline: Date.now() + 1000 })).rejects.toThrow(
      "no answer before the run's time limit (--max-time) was reached while answering handshake",
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a handshake whose fields have the wrong types, naming spec/protocol.md section 3', async () => {
    const fields = `protocol: 1, dtype: 'float64', activations: ['relu'], operations: ['forward']`;
    const wrong: [string, string][] = [
      [`{${fields}, name: 'x', conventions: 'abc'}`, 'conventions must be an object, got "abc"'],
      [`{${fields}, name: 'x', conventions: [1]}`, 'conventions must be an object, got [1]'],
      [`{${fields}, name: 'x', conventions: null}`, 'conventions must be an object, got null'],
      [`{${fields}, name: 'x', conventions: { reluPrimeAtZero: 2 }}`, 'conventions.reluPrimeAtZero must be a number in [0, 1], got 2'],
      [`{${fields}, name: 'x', conventions: { reluPrimeAtZero: '1' }}`, 'conventions.reluPrimeAtZero must be a number in [0, 1], got "1"'],
      [`{${fields}, name: 5}`, 'name must be a non-empty string, got 5'],
      [`{${fields.replace("['relu']", "'relu'")}, name: 'x'}`, 'activations must be a list'],
    ];
    for (const [handshake, reason] of wrong) {
      const refused = start(ok, {}, handshake);
      await expect(refused, handshake).rejects.toThrow(reason);
      await expect(refused).rejects.toThrow('(spec/protocol.md section 3)');
    }
    // a repeated activation is harmless
    const impl = await start(ok, {}, `{${fields.replace("['relu']", "['relu', 'relu']")}, name: 'x', conventions: { reluPrimeAtZero: 0.5 }}`);
    expect(impl.conventions).toEqual({ reluPrimeAtZero: 0.5 });
  });

  it('escapes control characters in what it shows of the program: its name, its error messages, its stderr', async () => {
    const named = await start(
      `process.stderr.write('oops\\u001b]0;title\\u0007\\n'); process.stdout.write(JSON.stringify({ id, error: { code: 'bad\\u001b[31m', message: 'red\\u001b[31m\\rline' } }) + '\\n');`,
      {},
      `{protocol: 1, name: 'evil\\u001b[2J\\r\\nname', dtype: 'float64', activations: ['relu'], operations: ['forward']}`,
    );
    expect(named.name).toBe(String.raw`evil\u001b[2J\r\nname`);
    await expect(named.operations.forward!(request)).rejects.toThrow(String.raw`the program answered error "bad\u001b[31m": red\u001b[31m\rline`);
    const dying = await start(`process.stderr.write('last\\u001b[2Kwords\\r\\n'); setTimeout(() => process.exit(2), 100);`);
    const error = await Promise.resolve(dying.operations.forward!(request)).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/its stderr ends with: last\\u001b\[2Kwords$/);
    expect(error?.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('closes its pipes when the program is killed, and warns when a descendant outside its process group keeps stdout open', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const pidFile = join(mkdtempSync(join(tmpdir(), 'stdio-')), 'pid');
    // detached: true is setsid(): the grandchild leaves the program's process group, holding its stdout
    const escaping = `const g = require('node:child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { detached: true, stdio: ['ignore', 'inherit', 'ignore'] }); require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(g.pid));`;
    const warnings: string[] = [];
    const impl = await start(escaping, { timeoutMs: 1000, onWarning: (w: string) => warnings.push(w) });
    try {
      await expect(impl.operations.forward!(request)).rejects.toThrow('no answer within 1000 ms');
      for (let i = 0; i < 30 && warnings.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(warnings).toEqual([expect.stringContaining("the program's stdout stayed open after the program exited")]);
    } finally {
      try {
        process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
      } catch {
        // not started, or gone
      }
    }
  });

  it('leaves no process behind: close() ends it, a timeout kills the whole process group', async () => {
    const impl = await start(
      `require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'grand' + 'child'], { stdio: 'ignore' }); console.error('child started');`,
      { timeoutMs: 1500 },
    );
    const { execFileSync } = await import('node:child_process');
    const grandchildren = (): string[] =>
      execFileSync('ps', ['-eo', 'args'])
        .toString()
        .split('\n')
        .filter((l) => l.endsWith(' grandchild'));
    const answer = expect(impl.operations.forward!(request)).rejects.toThrow('no answer within 1500 ms');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(grandchildren()).toHaveLength(1);
    await answer;
    expect(grandchildren()).toEqual([]);
  });
});
