/**
 * Node `http` <-> Fetch API glue for the local mock server: read a request
 * body with a size cap, build a Fetch `Request`, and write a Fetch `Response`
 * back to a `ServerResponse`. Framework-free, Node only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest request body accepted (1 MiB); more gets 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyResult =
  { kind: 'ok'; body: Buffer } | { kind: 'too-large' } | { kind: 'aborted' };

/**
 * Reads the whole request body, stopping as soon as it passes `limit` bytes
 * (the rest is discarded, not buffered).
 */
export function readBody(
  req: IncomingMessage,
  limit = MAX_BODY_BYTES,
): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'] ?? '');
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve({ kind: 'too-large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyResult) => {
      if (done) return;
      done = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        finish({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => finish({ kind: 'ok', body: Buffer.concat(chunks) }));
    req.on('error', () => finish({ kind: 'aborted' }));
    req.on('close', () => finish({ kind: 'aborted' }));
  });
}

/** Builds a Fetch `Request` for `url` from an incoming message and its body. */
export function toFetchRequest(
  req: IncomingMessage,
  url: string,
  body: Buffer,
): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] ?? '';
    const value = req.rawHeaders[i + 1] ?? '';
    const lower = name.toLowerCase();
    // Hop-by-hop and framing headers belong to this connection only.
    if (
      lower === 'host' ||
      lower === 'connection' ||
      lower === 'keep-alive' ||
      lower === 'transfer-encoding' ||
      lower === 'content-length' ||
      lower === 'expect' ||
      lower.startsWith(':')
    ) {
      continue;
    }
    try {
      headers.append(name, value);
    } catch {
      // A header value Fetch refuses: drop it rather than fail the request.
    }
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const hasBody = method !== 'GET' && method !== 'HEAD' && body.length > 0;
  return new Request(url, {
    method,
    headers,
    body: hasBody ? new Uint8Array(body) : null,
    redirect: 'manual',
  });
}

/** Writes a Fetch `Response` to a Node `ServerResponse`. */
export async function writeFetchResponse(
  res: ServerResponse,
  response: Response,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  const body =
    response.body === null ? null : Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name === 'content-length' || name === 'transfer-encoding') return;
    if (name === 'set-cookie') return;
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  Object.assign(headers, extraHeaders);
  headers['content-length'] = String(body?.length ?? 0);
  res.writeHead(response.status, headers);
  res.end(body ?? undefined);
}

/** Sends a JSON body directly (used for errors raised before any handler runs). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}
