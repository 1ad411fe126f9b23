/**
 * takeRequest and takeResponse read a body once and hand on a copy; the
 * clone-based recordRequest and recordResponse (kept for the command-line
 * client) are the oracle for what they record.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SimClock } from '../../../src/simulator/engine/clock';
import { newStepContext } from '../../../src/simulator/engine/host';
import {
  ExchangeRecorder,
  recordRequest,
  recordResponse,
  takeRequest,
  takeResponse,
} from '../../../src/simulator/engine/recorder';
import { dispatch } from '../../../src/simulator/world/dispatch';

const bytesOf = async (body: Request | Response) =>
  new Uint8Array(await body.arrayBuffer());

// Any bytes, including invalid UTF-8, a BOM and the empty body; text too.
const bodies = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc
    .string({ unit: 'grapheme', maxLength: 40 })
    .map((s) => new TextEncoder().encode(s)),
  fc.constant(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d])),
);
const contentTypes = fc.constantFrom(
  undefined,
  'application/json',
  'application/x-www-form-urlencoded',
  'text/event-stream',
);

function requestWith(
  method: string,
  body: Uint8Array,
  type: string | undefined,
  signal?: AbortSignal,
): Request {
  return new Request('https://mcp.example.com/mcp?x=1', {
    method,
    // A copy typed as backed by an ArrayBuffer, as BodyInit asks.
    body: new Uint8Array(body),
    headers: {
      authorization: 'Bearer t',
      ...(type ? { 'content-type': type } : {}),
    },
    redirect: 'manual',
    ...(signal ? { signal } : {}),
  });
}

function responseWith(
  status: number,
  body: Uint8Array,
  type: string | undefined,
): Response {
  return new Response(new Uint8Array(body), {
    status,
    statusText: `S${status}`,
    headers: { 'x-seq': '1', ...(type ? { 'content-type': type } : {}) },
  });
}

describe('takeRequest', () => {
  it('records what recordRequest records and hands on the same bytes, unread', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE'),
        bodies,
        contentTypes,
        async (method, body, type) => {
          const taken = await takeRequest(requestWith(method, body, type));
          expect(taken.recorded).toEqual(
            await recordRequest(requestWith(method, body, type)),
          );
          expect(taken.request.bodyUsed).toBe(false);
          expect(taken.request.method).toBe(method);
          expect(taken.request.redirect).toBe('manual');
          expect(taken.request.url).toBe('https://mcp.example.com/mcp?x=1');
          expect([...taken.request.headers]).toEqual([
            ...requestWith(method, body, type).headers,
          ]);
          expect(await bytesOf(taken.request)).toEqual(body);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps the body type the client sent: a string or a form', async () => {
    const bodies: Array<() => string | URLSearchParams> = [
      () => '{"jsonrpc":"2.0","id":1,"method":"initialize"}',
      () =>
        new URLSearchParams({ grant_type: 'authorization_code', code: 'c' }),
    ];
    for (const body of bodies) {
      const sent = () =>
        new Request('https://as.example.com/token', {
          method: 'POST',
          body: body(),
        });
      const taken = await takeRequest(sent());
      expect(taken.recorded).toEqual(await recordRequest(sent()));
      expect(taken.request.headers.get('content-type')).toBe(
        sent().headers.get('content-type'),
      );
      expect(await taken.request.text()).toBe(await sent().text());
    }
  });

  it('gives the copy a signal that aborts with the original', async () => {
    const controller = new AbortController();
    const taken = await takeRequest(
      requestWith(
        'POST',
        new Uint8Array([0x7b, 0x7d]),
        'application/json',
        controller.signal,
      ),
    );
    expect(taken.request.signal.aborted).toBe(false);
    controller.abort();
    expect(taken.request.signal.aborted).toBe(true);
  });

  it('passes a request with no body on as it is', async () => {
    for (const request of [
      new Request('https://mcp.example.com/.well-known/x'),
      new Request('https://mcp.example.com/mcp', { method: 'DELETE' }),
      new Request('https://as.example.com/revoke', { method: 'POST' }),
    ]) {
      const taken = await takeRequest(request);
      expect(taken.request).toBe(request);
      expect(taken.recorded.body).toBeNull();
      expect(taken.recorded).toEqual(await recordRequest(request));
    }
  });
});

describe('takeResponse', () => {
  it('records what recordResponse records and hands on the same status, headers and bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(200, 201, 302, 400, 401, 403, 500),
        bodies,
        contentTypes,
        async (status, body, type) => {
          const taken = await takeResponse(responseWith(status, body, type));
          expect(taken.recorded).toEqual(
            await recordResponse(responseWith(status, body, type)),
          );
          const copy = taken.response;
          expect(copy.bodyUsed).toBe(false);
          expect([copy.status, copy.statusText]).toEqual([
            status,
            `S${status}`,
          ]);
          expect([...copy.headers]).toEqual([
            ...responseWith(status, body, type).headers,
          ]);
          expect(await bytesOf(copy)).toEqual(body);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('passes a response with no body on as it is', async () => {
    for (const response of [
      new Response(null, { status: 204 }),
      Response.redirect('https://client.example.com/cb?code=c', 302),
    ]) {
      const taken = await takeResponse(response);
      expect(taken.response).toBe(response);
      expect(taken.recorded.body).toBeNull();
      expect(taken.recorded).toEqual(await recordResponse(response));
    }
  });
});

describe('dispatch', () => {
  afterEach(() => vi.restoreAllMocks());

  it('records an exchange without cloning a body, and the handler and caller read it whole', async () => {
    const requestClone = vi.spyOn(Request.prototype, 'clone');
    const responseClone = vi.spyOn(Response.prototype, 'clone');
    const recorder = new ExchangeRecorder();
    const world = { recorder, clock: new SimClock() };
    let seen = '';
    const route = {
      actor: 'toolhive' as const,
      origin: 'https://mcp.example.com',
      matches: () => true,
      handle: async (request: Request) => {
        seen = await request.text();
        return Response.json({ jsonrpc: '2.0', id: 1, result: {} });
      },
    };
    const body = '{"jsonrpc":"2.0","id":1,"method":"tools/list"}';
    const response = await dispatch(
      world,
      route,
      requestWith('POST', new TextEncoder().encode(body), 'application/json'),
      newStepContext('list_tools'),
    );
    expect(seen).toBe(body);
    expect(await response.json()).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: {},
    });
    const [exchange] = recorder.all();
    expect(exchange?.request.body).toBe(body);
    expect(exchange?.response.body).toBe(
      '{"jsonrpc":"2.0","id":1,"result":{}}',
    );
    expect(requestClone).not.toHaveBeenCalled();
    expect(responseClone).not.toHaveBeenCalled();
  });

  it('answers 500 and records it when the actor throws', async () => {
    const recorder = new ExchangeRecorder();
    const route = {
      actor: 'toolhive' as const,
      origin: 'https://mcp.example.com',
      matches: () => true,
      handle: (): Promise<Response> => Promise.reject(new Error('boom')),
    };
    const response = await dispatch(
      { recorder, clock: new SimClock() },
      route,
      requestWith('POST', new TextEncoder().encode('{}'), 'application/json'),
      newStepContext('call_tool'),
    );
    const expected = { error: 'server_error', error_description: 'boom' };
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual(expected);
    const [exchange] = recorder.all();
    expect(exchange?.request.body).toBe('{}');
    expect(exchange?.response.status).toBe(500);
    expect(JSON.parse(exchange?.response.body ?? 'null')).toEqual(expected);
  });
});
