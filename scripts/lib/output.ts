/** What the scripts share on output: progress bars (`npm start`, `npm run verify`, `npm run train`) and the report files. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import cliProgress from 'cli-progress';
import type { CheckResult } from '../../conformance/core/runner.js';
import { type JsonReport, serializeReport } from '../../conformance/report/json.js';
import { junitReport } from '../../conformance/report/junit.js';

/** Progress is drawn only on a terminal, and never when CI is set: logs and CI output stay clean. */
export function showsProgress(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && process.env.CI === undefined;
}

/** A progress bar: update(value, detail) as work is done, stop() when it ends (the line is cleared). */
export interface ProgressBar {
  update(value: number, detail?: string): void;
  stop(): void;
}

const SILENT: ProgressBar = { update: () => {}, stop: () => {} };

/**
 * cli-progress's SingleBar with its redraw timer unref'd: a bar left running when a run throws must
 * not keep the process alive. (The bar re-arms the timer on every render, so unref each one.)
 */
class DetachedBar extends cliProgress.SingleBar {
  override render(): void {
    super.render();
    (this as unknown as { timer: NodeJS.Timeout | null }).timer?.unref();
  }
}

/**
 * `label [██████░░░░] 12/40 | 3s detail` on `stream` (stderr by default), redrawn in place and
 * cleared when stopped; silent (nothing written) unless showsProgress(stream).
 */
export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!showsProgress(stream)) return SILENT;
  const bar = new DetachedBar(
    {
      stream,
      format: `${label} [{bar}] {value}/{total} | {duration_formatted} {detail}`,
      barsize: 30,
      clearOnComplete: true,
      // keep the terminal's own settings: a bar that never stops must leave wrapping and the cursor as they were
      linewrap: true,
      hideCursor: false,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { detail: '' });
  return {
    update: (value, detail = '') => bar.update(value, { detail }),
    stop: () => bar.stop(),
  };
}

/**
 * The conformance runs' progress (`npm start`, `npm run verify`): one bar per implementation,
 * `reference [███░░░] 12/40 | 2s forward/random`, on a terminal's stderr; silent when stderr is not a
 * terminal or CI is set.
 */
export function progress(total: number, stream: NodeJS.WriteStream = process.stderr): (result: CheckResult) => void {
  if (!showsProgress(stream)) return () => {};
  let current: { implementation: string; bar: ProgressBar; done: number } | undefined;
  return (r) => {
    if (current?.implementation !== r.implementation) {
      current?.bar.stop();
      current = { implementation: r.implementation, bar: progressBar(r.implementation, total, stream), done: 0 };
    }
    current.done += 1;
    current.bar.update(current.done, r.check);
    if (current.done >= total) current.bar.stop();
  };
}

export function writeFileEnsuringDir(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Writes the JSON and JUnit reports asked for; returns the files written. */
export function writeReports(report: JsonReport, files: { readonly json?: string; readonly junit?: string }): string[] {
  if (files.json !== undefined) writeFileEnsuringDir(files.json, serializeReport(report));
  if (files.junit !== undefined) writeFileEnsuringDir(files.junit, junitReport(report));
  return [files.json, files.junit].filter((f): f is string => f !== undefined);
}
