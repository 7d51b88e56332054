/**
 * The lifetime of the programs the stdio adapter starts: each in its own process group, killed
 * with its children, and none outliving this process (exit, Ctrl-C, SIGTERM).
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';

/** Every live child, so none outlives this process (exit, Ctrl-C, an uncaught error). */
const LIVE = new Set<ChildProcessWithoutNullStreams>();
let exitHookInstalled = false;

/** Kills the program and every child in its process group. */
export function killGroup(child: ChildProcessWithoutNullStreams): void {
  if (child.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  LIVE.delete(child);
}

/** Closes our ends of the program's pipes, so that nothing holding their other ends keeps this process alive. */
export function destroyPipes(child: ChildProcessWithoutNullStreams): void {
  child.stdin.destroy();
  child.stdout.destroy();
  child.stderr.destroy();
}
/** Tracks a started program, so that it is killed when this process exits or is interrupted. */
export function track(child: ChildProcessWithoutNullStreams): void {
  installExitHook();
  LIVE.add(child);
}

/** Stops tracking a program that ended by itself. */
export function untrack(child: ChildProcessWithoutNullStreams): void {
  LIVE.delete(child);
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => LIVE.forEach(killGroup));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      LIVE.forEach(killGroup);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}
