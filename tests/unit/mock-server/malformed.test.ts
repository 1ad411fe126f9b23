/**
 * Bad input gets an OAuth or JSON-RPC error (or 404/413), never a crash or a
 * hang, and the server keeps serving afterwards.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMockServer,
  type MockServer,
} from '../../../src/mock-server/server';
import { challengeError, mcpCall, sdkLogin } from './helpers';

/** Streams `size` bytes with chunked encoding (no content-length) and returns the status. */
function chunkedPost(url: string, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

/** Sends raw bytes and returns the first response line. */
function rawRequest(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let data = '';
    socket.on('data', (d) => {
      data += d.toString();
    });
    socket.on('end', () => resolve(data.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
    socket.setTimeout(5000, () => {
      socket.destroy();
      resolve(data.split('\r\n')[0] ?? '');
    });
  });
}

describe('malformed input', () => {
  let server: MockServer;
  let token: string;
  const lines: string[] = [];

  beforeAll(async () => {
    server = await createMockServer({ port: 0, log: (l) => lines.push(l) });
    token = (await sdkLogin(server.mcpUrl)).accessToken;
  });
  afterAll(() => server.close());

  async function stillServing() {
    const res = await fetch(
      `${server.url}/.well-known/oauth-protected-resource/mcp`,
    );
    expect(res.status).toBe(200);
    expect((await mcpCall(server.mcpUrl, token, 'tools/list')).status).toBe(
      200,
    );
  }

  it('malformed JSON on the MCP endpoint', async () => {
    const headers = {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    };
    const noToken = await fetch(server.mcpUrl, {
      method: 'POST',
      headers,
      body: '{"jsonrpc":',
    });
    expect(noToken.status).toBe(401);
    expect(challengeError(noToken)).toBe('invalid_request');
    const withToken = await fetch(server.mcpUrl, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${token}` },
      body: '{"jsonrpc":',
    });
    // ToolHive's MCP parser refuses it before authorization (400).
    expect(withToken.status).toBe(400);
    await stillServing();
  });

  it('malformed tokens get 401 invalid_token', async () => {
    for (const bad of [
      'abc',
      'a.b.c',
      `${token}x`,
      'e30.e30.',
      '\u00e9'.repeat(10),
    ]) {
      const res = await fetch(server.mcpUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${encodeURIComponent(bad)}`,
        },
        body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
      });
      expect(res.status).toBe(401);
      expect(challengeError(res)).toBe('invalid_token');
    }
    await stillServing();
  });

  it('wrong content type and malformed bodies at the AS', async () => {
    const token = await fetch(`${server.url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code', code: 'x' }),
    });
    expect(token.status).toBe(400);
    expect(((await token.json()) as { error: string }).error).toBe(
      'invalid_request',
    );

    const register = await fetch(`${server.url}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(register.status).toBe(400);
    expect(((await register.json()) as { error: string }).error).toBe(
      'invalid_client_metadata',
    );

    const authorize = await fetch(`${server.url}/authorize`, {
      redirect: 'manual',
    });
    expect(authorize.status).toBe(400);
    expect(((await authorize.json()) as { error: string }).error).toBe(
      'invalid_client',
    );

    const grant = await fetch(`${server.url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&username=a',
    });
    expect(((await grant.json()) as { error: string }).error).toBe(
      'unsupported_grant_type',
    );
    await stillServing();
  });

  it('bodies over 1 MiB get 413, with or without content-length', async () => {
    const big = new Uint8Array(1024 * 1024 + 1).fill(0x61);
    const declared = await fetch(`${server.url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: string }).error).toBe(
      'invalid_request',
    );

    const mcp = await fetch(server.mcpUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: big,
    });
    expect(mcp.status).toBe(413);
    expect(((await mcp.json()) as { error: { code: number } }).error.code).toBe(
      -32600,
    );

    expect(await chunkedPost(server.mcpUrl, 2 * 1024 * 1024)).toBe(413);
    // Exactly 1 MiB is still accepted (and answered by the actor).
    const limit = await fetch(`${server.url}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array(1024 * 1024).fill(0x20),
    });
    expect(limit.status).toBe(400);
    await stillServing();
  });

  it('methods Fetch refuses get 405, not 500', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        `${server.url}/mcp`,
        { method: 'TRACE' },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(405);
    await stillServing();
  });

  it('unknown paths get 404', async () => {
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
    expect((await fetch(`${server.url}/.well-known/unknown`)).status).toBe(404);
    expect((await fetch(`${server.url}/__control/`)).status).toBe(404);
    // A path that looks like another host stays on this origin.
    expect(
      await rawRequest(
        server.port,
        'GET //idp.example.com/jwks HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n',
      ),
    ).toContain('404');
    await stillServing();
  });

  it('garbage on the socket gets 400, and aborted uploads do not wedge the server', async () => {
    expect(await rawRequest(server.port, 'THIS IS NOT HTTP\r\n\r\n')).toContain(
      '400',
    );
    // Promise a body, send half of it, then hang up.
    await new Promise<void>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(
          'POST /token HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\ngrant_type=',
          () => {
            socket.destroy();
            resolve();
          },
        );
      });
    });
    await stillServing();
  });

  it('logs one line per request with the failed check', () => {
    expect(lines).toContain('POST /mcp 401 check=auth-header');
    // Not a JWT: ToolHive falls back to introspection, which this scenario lacks.
    expect(lines).toContain('POST /mcp 401 check=introspection');
    expect(lines).toContain('POST /mcp 401 check=signature');
    expect(lines.some((l) => l.startsWith('POST /token 413'))).toBe(true);
    expect(lines).toContain('GET /nope 404');
  });
});
