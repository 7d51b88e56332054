/**
 * Any program that speaks spec/protocol.md (JSON lines over stdio) as an Implementation. The
 * program is spawned with an argument array (never a shell), in its own process group so that it
 * and its children can be killed together. Every way it can misbehave — exit, hang, sleep past the
 * timeout, non-JSON, half a line, an oversized line, a wrong id — rejects the request in flight
 * with an ImplementationFault saying why; the process is killed and the next request starts a
 * fresh one. Nothing received is evaluated: lines are only JSON.parse'd.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { ImplementationFault, NotSupported } from '../core/check.js';
import type { Implementation, OperationName, Operations } from '../core/interface.js';
import { printable } from '../report/printable.js';
import { decodeNumbers, type Handshake, PROTOCOL_VERSION, parseHandshake } from './stdioMessages.js';
import { destroyPipes, killGroup, track, untrack } from './stdioProcess.js';

export { type Handshake, PROTOCOL_VERSION } from './stdioMessages.js';

export interface StdioOptions {
  /** Per-request limit (default 10 s). */
  readonly timeoutMs?: number;
  /** Largest accepted answer line (default 8 MiB). */
  readonly maxMessageBytes?: number;
  /**
   * The bound on the whole run (ms since epoch): requests after it fail at once, and a request in
   * flight (the handshake included) waits at most until it.
   */
  readonly deadline?: number;
  readonly cwd?: string;
  /** Called with each restart's reason (for a verbose log). */
  readonly onRestart?: (reason: string) => void;
  /**
   * Called (once per process) when the program's stdout stays open after the program exited or
   * was killed: a descendant outside its process group (setsid) holds it and may still be running.
   */
  readonly onWarning?: (message: string) => void;
}

const STDERR_TAIL = 4096;
const EXIT_GRACE_MS = 2000;
/** How long stdout may stay open after the program exited before a descendant is suspected. */
const PIPE_GRACE_MS = 500;

/** How long to wait for an answer: the per-request limit, or less when the run's deadline is nearer. */
export function answerWait(timeoutMs: number, deadline: number | undefined, now = Date.now()): { ms: number; reason: string } {
  const left = deadline === undefined ? Number.POSITIVE_INFINITY : Math.max(0, deadline - now);
  if (left < timeoutMs) return { ms: left, reason: `no answer before the run's time limit (--max-time) was reached` };
  return { ms: timeoutMs, reason: `no answer within ${timeoutMs} ms (--timeout)` };
}

interface Pending {
  readonly id: number;
  readonly op: string;
  resolve(line: Record<string, unknown>): void;
  reject(error: Error): void;
}

/** One running process of the program. */
class Session {
  readonly child: ChildProcessWithoutNullStreams;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private stderrTail = '';
  private pending: Pending | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stdoutClosed = false;
  private exited = false;
  dead: string | undefined;

  constructor(
    command: string,
    args: readonly string[],
    private readonly options: StdioOptions,
  ) {
    this.child = spawn(command, [...args], { cwd: options.cwd, detached: true, stdio: ['pipe', 'pipe', 'pipe'], shell: false });
    track(this.child);
    this.child.stdout.on('data', (chunk: Buffer) => this.onStdout(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    this.child.stdin.on('error', () => undefined); // EPIPE after the program exits: reported by 'exit'
    this.child.stdout.on('error', () => undefined);
    this.child.stderr.on('error', () => undefined);
    this.child.stdout.once('close', () => {
      this.stdoutClosed = true;
    });
    this.child.on('error', (error) => {
      this.die(`could not run ${command}: ${error.message}`);
      if (this.child.pid === undefined) destroyPipes(this.child);
    });
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      this.die(`the program exited (${signal === null ? `status ${code}` : `signal ${signal}`})`);
      this.releasePipes();
    });
  }

  /**
   * After the program ended: give stdout PIPE_GRACE_MS to reach its end (the last output is read),
   * then close every pipe. Still open then, a descendant that left the process group holds it.
   */
  private releasePipes(): void {
    setTimeout(() => {
      if (!this.stdoutClosed) {
        this.options.onWarning?.(
          `the program's stdout stayed open after the program exited: a descendant process it started outside its process group (e.g. with setsid) may have escaped and still be running (pid of the program: ${this.child.pid})`,
        );
      }
      destroyPipes(this.child);
    }, PIPE_GRACE_MS).unref();
  }

  private stderrNote(): string {
    const tail = this.stderrTail.trim();
    return tail === '' ? '' : `; its stderr ends with: ${printable(tail.slice(-300))}`;
  }

  /** The process is unusable: fail what is in flight with `reason`, kill the group. */
  die(reason: string): void {
    if (this.dead === undefined) this.dead = reason;
    clearTimeout(this.timer);
    const pending = this.pending;
    this.pending = undefined;
    killGroup(this.child);
    this.child.stdin.destroy();
    if (!this.exited) {
      // SIGKILL ends the program at once ('exit' then closes the pipes); should it not, close them anyway
      setTimeout(() => destroyPipes(this.child), EXIT_GRACE_MS).unref();
    }
    pending?.reject(new ImplementationFault(`${reason} while answering ${pending.op} (request id ${pending.id})${this.stderrNote()}`));
  }

  private onStdout(chunk: Buffer): void {
    let start = 0;
    let newline = chunk.indexOf(10);
    while (newline !== -1) {
      const part = chunk.subarray(start, newline);
      if (this.buffered + part.length > this.limit()) return this.tooLong();
      const line = Buffer.concat([...this.chunks, part]).toString('utf8');
      this.chunks = [];
      this.buffered = 0;
      this.onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
      if (this.dead !== undefined) return;
      start = newline + 1;
      newline = chunk.indexOf(10, start);
    }
    const rest = chunk.subarray(start);
    if (rest.length === 0) return;
    this.buffered += rest.length;
    if (this.buffered > this.limit()) return this.tooLong();
    this.chunks.push(Buffer.from(rest));
  }

  private limit(): number {
    return this.options.maxMessageBytes ?? 8 * 1024 * 1024;
  }

  private tooLong(): void {
    this.die(`the program wrote a line longer than ${this.limit()} bytes (--max-message-bytes)`);
  }

  private onLine(line: string): void {
    if (line.trim() === '') return;
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      return this.die(`the program wrote a line that is not JSON: ${printable(JSON.stringify(line.slice(0, 80)))}`);
    }
    const pending = this.pending;
    if (pending === undefined) return this.die(`the program wrote a line nobody asked for: ${printable(JSON.stringify(line.slice(0, 80)))}`);
    if (message === null || typeof message !== 'object' || Array.isArray(message)) {
      return this.die(`the program answered ${printable(JSON.stringify(line.slice(0, 80)))}, not a JSON object`);
    }
    const id = (message as { id?: unknown }).id;
    if (id !== pending.id) return this.die(`the program answered id ${printable(String(JSON.stringify(id)), 80)} to request id ${pending.id}`);
    clearTimeout(this.timer);
    this.pending = undefined;
    pending.resolve(message as Record<string, unknown>);
  }

  /** Sends one request line and resolves with the answer object (id checked), waiting at most `wait`. */
  request(id: number, op: string, request: unknown, wait: { readonly ms: number; readonly reason: string }): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      if (this.dead !== undefined) {
        reject(new ImplementationFault(`${this.dead}${this.stderrNote()}`));
        return;
      }
      this.pending = { id, op, resolve, reject };
      this.timer = setTimeout(() => this.die(wait.reason), wait.ms);
      this.child.stdin.write(`${JSON.stringify({ id, op, request })}\n`);
    });
  }

  /**
   * Closes stdin and gives the program EXIT_GRACE_MS to exit before killing its process group;
   * then closes every pipe (after PIPE_GRACE_MS, see releasePipes), whoever still holds them.
   */
  async close(): Promise<void> {
    if (this.dead !== undefined) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.end();
    const timer = setTimeout(() => killGroup(this.child), EXIT_GRACE_MS);
    await exited;
    clearTimeout(timer);
    untrack(this.child);
  }
}

/**
 * Starts `command args`, performs the handshake, and returns the program as an Implementation.
 * The process is restarted (with a new handshake) after any fault; close() ends it.
 */
export async function stdioImplementation(command: string, args: readonly string[], options: StdioOptions = {}): Promise<Implementation> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  let nextId = 0;
  let session: Session | undefined;
  let declared: Handshake | undefined;

  const start = async (): Promise<Session> => {
    const s = new Session(command, args, options);
    try {
      const answer = await s.request(nextId++, 'handshake', { protocol: PROTOCOL_VERSION }, answerWait(timeoutMs, options.deadline));
      if (answer.error !== undefined)
        throw new ImplementationFault(`handshake: the program answered an error: ${printable(String(JSON.stringify(answer.error)), 200)}`);
      const handshake = parseHandshake(answer.result);
      if (declared !== undefined && JSON.stringify(handshake) !== JSON.stringify(declared)) {
        throw new ImplementationFault('handshake: the restarted program declared something else than the first time');
      }
      declared = handshake;
      return s;
    } catch (error) {
      s.die('handshake failed');
      throw error;
    }
  };
  const live = async (): Promise<Session> => {
    if (session === undefined || session.dead !== undefined) {
      if (session !== undefined) options.onRestart?.(session.dead ?? 'restart');
      session = await start();
    }
    return session;
  };

  session = await start();

  /** One request at a time (spec/protocol.md section 1): calls made together wait their turn. */
  let queue: Promise<unknown> = Promise.resolve();
  const call = (op: OperationName, request: unknown): Promise<unknown> => {
    const turn = queue.then(() => callNow(op, request));
    queue = turn.catch(() => undefined);
    return turn;
  };
  const callNow = async (op: OperationName, request: unknown): Promise<unknown> => {
    if (options.deadline !== undefined && Date.now() > options.deadline) {
      throw new ImplementationFault(`not asked: the run's time limit (--max-time) has passed`);
    }
    const s = await live();
    const answer = await s.request(nextId++, op, request, answerWait(timeoutMs, options.deadline));
    if (answer.error !== undefined) {
      const e = answer.error as { code?: unknown; message?: unknown };
      if (e?.code === 'unsupported') throw new NotSupported(`the program does not support this ${op} request: ${printable(String(e?.message), 300)}`);
      throw new Error(`the program answered error ${printable(String(JSON.stringify(e?.code)), 80)}: ${printable(String(e?.message), 300)}`);
    }
    if (!('result' in answer)) throw new Error('the answer has neither result nor error');
    return decodeNumbers(answer.result);
  };

  if (declared === undefined) throw new ImplementationFault('handshake: no declaration');
  const operations: Partial<Operations> = Object.fromEntries(declared.operations.map((op) => [op, (request: unknown) => call(op, request)]));
  return {
    name: declared.name,
    dtype: declared.dtype,
    activations: declared.activations,
    ...(declared.conventions && { conventions: declared.conventions }),
    operations,
    async close() {
      await session?.close();
    },
  };
}
