/**
 * A tiny static HTTP server for a browser page (session.ts), on 127.0.0.1 and a free port chosen by the OS.
 * It serves fixed in-memory files only (GET/HEAD; anything else 404/405), each with
 * `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp`, so
 * the page is cross-origin isolated (SharedArrayBuffer, hence threaded wasm, is available).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticFile {
  readonly body: string | Buffer;
  readonly contentType: string;
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly origin: string;
  /** Stops listening and ends every open connection; safe to call twice. */
  close(): Promise<void>;
}

/** The headers every response carries. */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
} as const;

/** Serves `files` (URL path → file) until close(), on `port` (0: one the OS picks). */
export async function startStaticServer(files: Readonly<Record<string, StaticFile>>, port = 0): Promise<StaticServer> {
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const file = files[path];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...ISOLATION_HEADERS, Allow: 'GET, HEAD' }).end();
    } else if (file === undefined) {
      res.writeHead(404, { ...ISOLATION_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end(`not found: ${path}`);
    } else {
      const body = typeof file.body === 'string' ? Buffer.from(file.body) : file.body;
      res.writeHead(200, { ...ISOLATION_HEADERS, 'Content-Type': file.contentType, 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    }
  };
  const server = createServer(handler);
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const { port: bound } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    origin: `http://127.0.0.1:${bound}`,
    close(): Promise<void> {
      closed ??= new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
