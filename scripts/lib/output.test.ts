import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../conformance/core/runner.js';
import { progress, progressBar } from './output.js';

/** A stream that records what is written; a terminal of 80 columns when `tty`. */
function fakeStream(tty: boolean): NodeJS.WriteStream & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream & { text: () => string };
  Object.assign(stream, { isTTY: tty, columns: 80, text: () => chunks.join('') });
  return stream;
}

const result = (implementation: string, check: string): CheckResult => ({
  implementation,
  check,
  specIds: ['2.12'],
  status: 'pass',
  message: '',
  durationMs: 1,
});

/** Timers that keep the event loop alive (an unref'd timer is not listed). */
const liveTimers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('progress bars (npm run train, npm start, npm run verify)', () => {
  const ci = process.env.CI;
  beforeEach(() => {
    delete process.env.CI;
  });
  afterEach(() => {
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
  });

  it('on a terminal the bar shows the label, done/total and the detail, and clears its line when stopped', () => {
    const stream = fakeStream(true);
    const bar = progressBar('reference iterations', 10, stream);
    bar.update(3, 'chunk 1');
    bar.stop();
    const text = stream.text();
    expect(text).toContain('reference iterations [');
    expect(text).toMatch(/ 3\/10 \| \d+s chunk 1/);
    expect(text.endsWith('\u001b[2K')).toBe(true); // readline.clearLine(stream, 0): the line is cleared at the end
  });

  it('writes nothing when the stream is not a terminal', () => {
    const stream = fakeStream(false);
    const bar = progressBar('reference iterations', 10, stream);
    bar.update(10, 'done');
    bar.stop();
    progress(2, stream)(result('reference', 'forward/random'));
    expect(stream.text()).toBe('');
  });

  it('writes nothing when CI is set, even on a terminal', () => {
    process.env.CI = 'true';
    const stream = fakeStream(true);
    const bar = progressBar('reference iterations', 10, stream);
    bar.update(10, 'done');
    bar.stop();
    progress(2, stream)(result('reference', 'forward/random'));
    expect(stream.text()).toBe('');
  });

  it('the conformance progress draws one bar per implementation, each counting its own checks', () => {
    const stream = fakeStream(true);
    const onResult = progress(2, stream);
    for (const implementation of ['reference', 'accelerated (cpu)']) {
      onResult(result(implementation, 'forward/random'));
      onResult(result(implementation, 'forward/named'));
    }
    // redraws are throttled to 10 per second; stopping a bar (its last check) draws its final state
    const text = stream.text();
    const second = text.indexOf('accelerated (cpu) [');
    expect(second).toBeGreaterThan(0);
    const [reference, accelerated] = [text.slice(0, second), text.slice(second)];
    expect(reference).toContain('reference [');
    expect(reference).toMatch(/ 2\/2 \| \d+s forward\/named/);
    expect(accelerated).toMatch(/ 2\/2 \| \d+s forward\/named/);
  });

  it('a bar left running (a run that threw) does not keep the process alive', () => {
    const before = liveTimers();
    const bar = progressBar('accelerated iterations', 10, fakeStream(true));
    bar.update(1);
    expect(liveTimers()).toBe(before);
    bar.stop();
  });
});
