/**
 * The common frame of the machine translation stand-ins: a loopback HTTP server that records every
 * request, answers with a handler, and can be told to fail the next requests (429, 456, 5xx) the
 * way the real service does.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Raw body bytes. */
  bytes: number;
  body: unknown;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface StandIn {
  url: string;
  requests: SeenRequest[];
  /** The next `times` requests get `status` (with the service's error body). */
  failNext(status: number, times?: number, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export async function startStandIn(
  errorBody: (status: number) => unknown,
  handle: (request: SeenRequest) => Reply,
): Promise<StandIn> {
  const requests: SeenRequest[] = [];
  const failures: { status: number; headers: Record<string, string> }[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://localhost');
      let body: unknown = undefined;
      let reply: Reply;
      try {
        body = raw.length === 0 ? undefined : (JSON.parse(raw.toString('utf8')) as unknown);
      } catch {
        body = Symbol('not JSON');
      }
      const seen: SeenRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        bytes: raw.length,
        body,
      };
      requests.push(seen);
      const failure = failures.shift();
      if (failure !== undefined)
        reply = { status: failure.status, body: errorBody(failure.status), headers: failure.headers };
      else if (typeof body === 'symbol') reply = { status: 400, body: errorBody(400) };
      else reply = handle(seen);
      res.writeHead(reply.status, {
        ...(reply.body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
        ...reply.headers,
      });
      res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext(status, times = 1, headers = {}) {
      for (let i = 0; i < times; i++) failures.push({ status, headers });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The stand-ins' "translation": a language mark, then the text with its words kept. */
export function fakeTranslation(text: string, target: string): string {
  return `[${target.toUpperCase()}] ${text}`;
}

/** Applies glossary pairs to a text the way a service would: the source term becomes the target. */
export function applyPairs(text: string, pairs: readonly (readonly [string, string])[]): string {
  let out = text;
  for (const [source, target] of pairs) {
    out = out.replace(
      new RegExp(`(?<![\\p{L}])${source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'giu'),
      target,
    );
  }
  return out;
}

export type Misbehaviour = 'none' | 'drop-tags' | 'extra-text';
