/** The stand-ins' small HTTP helpers: reading a body under a limit, answering JSON and Dataverse errors. */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the stand-in refuses: the status and Dataverse's error body. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Refusal(413, '0x8004f0ff', `The request body is larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; odata.metadata=minimal; charset=utf-8',
    'OData-Version': '4.0',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendRefusal(res: ServerResponse, r: Refusal): void {
  if (r.status === 401) {
    res.writeHead(401, {
      'WWW-Authenticate': 'Bearer error="invalid_token"',
      'Content-Length': 0,
      ...r.headers,
    });
    res.end();
    return;
  }
  sendJson(res, r.status, { error: { code: r.code, message: r.message } }, r.headers);
}

export function sendNoContent(res: ServerResponse): void {
  res.writeHead(204, { 'OData-Version': '4.0' });
  res.end();
}

/** Listens on a free loopback port; resolves with the port. */
export async function listenOnLoopback(server: Pick<Server, 'listen' | 'address'>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Ends every connection and closes the server. */
export function closeServer(
  server: Pick<Server, 'close' | 'closeAllConnections'> | undefined,
): Promise<void> {
  server?.closeAllConnections();
  return new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
}
