import { describe, expect, it } from 'vitest';
import {
  shellQuote,
  toCurl,
  toHar,
  toMarkdown,
  type RunSummary,
} from '../../../src/components/Simulator/lib/export';
import { PROBE, TOKEN, record } from './fixtures';

const RUN: RunSummary = {
  scenarioId: 'happy-path',
  scenarioTitle: 'Happy path',
  revision: '2026-07-28',
  stepTitles: { probe: 'Probe without a token', token: 'Token request' },
  records: [record(0, 'probe', [PROBE]), record(1, 'token', [TOKEN], 'failed')],
  outcome: 'failure',
  clock: '2026-11-01T12:00:02.000Z',
};

describe('curl export', () => {
  it('quotes single quotes for a POSIX shell', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('$(rm -rf /) `x` "y"')).toBe(`'$(rm -rf /) \`x\` "y"'`);
  });

  it('builds a command with method, headers and the raw body', () => {
    const curl = toCurl(TOKEN);
    expect(curl).toContain(`-X POST`);
    expect(curl).toContain(`'https://auth.example.com/oauth/token?debug=1'`);
    expect(curl).toContain(
      `-H 'content-type: application/x-www-form-urlencoded'`,
    );
    expect(curl).toContain(`--data-raw 'grant_type=authorization_code`);
    expect(curl).toContain(`note=it'\\''s'`);
  });

  it('omits -X for a plain GET', () => {
    const get = {
      ...PROBE,
      request: { ...PROBE.request, method: 'GET', body: null },
    };
    expect(toCurl(get)).not.toContain('-X');
  });
});

describe('HAR export', () => {
  const har = toHar(RUN);

  it('is a HAR 1.2 log with a creator and one page', () => {
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator.name).toBeTruthy();
    expect(har.log.pages).toHaveLength(1);
  });

  it('names the MCP specification revision the run followed', () => {
    expect(har.log.pages?.[0]?.comment).toBe(
      'MCP specification revision 2026-07-28',
    );
    expect(toMarkdown(RUN)).toContain('MCP specification revision 2026-07-28');
    const older = toMarkdown({ ...RUN, revision: '2025-11-25' });
    expect(older).toContain('MCP specification revision 2025-11-25');
  });

  it('holds every exchange with a valid start time, an empty cache and no negative timings', () => {
    expect(har.log.entries).toHaveLength(2);
    for (const entry of har.log.entries) {
      expect(Number.isNaN(Date.parse(entry.startedDateTime))).toBe(false);
      expect(entry.time).toBeGreaterThanOrEqual(0);
      expect(entry.cache).toEqual({});
      expect(entry.timings.send).toBeGreaterThanOrEqual(0);
      expect(entry.timings.wait).toBeGreaterThanOrEqual(0);
      expect(entry.timings.receive).toBeGreaterThanOrEqual(0);
    }
  });

  it('records query strings, form params, bodies and sizes', () => {
    const token = har.log.entries[1];
    expect(token?.request.queryString).toEqual([{ name: 'debug', value: '1' }]);
    expect(token?.request.postData?.params?.[0]).toEqual({
      name: 'grant_type',
      value: 'authorization_code',
    });
    expect(token?.request.bodySize).toBe(
      new TextEncoder().encode(TOKEN.request.body ?? '').length,
    );
    expect(token?.response.statusText).toBe('OK');
    expect(har.log.entries[0]?.response.headers).toContainEqual({
      name: 'www-authenticate',
      value: 'Bearer realm="https://auth.example.com", error="invalid_request"',
    });
  });

  it('serialises to JSON and back unchanged', () => {
    expect(JSON.parse(JSON.stringify(har))).toEqual(har);
  });
});

describe('Markdown transcript', () => {
  const md = toMarkdown(RUN);

  it('has one section per step with its status', () => {
    expect(md).toContain('## 1. Probe without a token (done)');
    expect(md).toContain('## 2. Token request (failed)');
  });

  it('lists failed checks and every exchange in http fences', () => {
    expect(md).toContain('- aud: FAIL: audience mismatch');
    expect(md).toContain('```http\nPOST /mcp HTTP/1.1');
    expect(md).toContain('HTTP/1.1 401 Unauthorized');
    expect(md.match(/^#### x\d/gm)).toHaveLength(2);
  });

  it('widens the fence when a body contains backticks', () => {
    const odd = {
      ...PROBE,
      response: { ...PROBE.response, body: 'a ``` b' },
    };
    const text = toMarkdown({ ...RUN, records: [record(0, 'probe', [odd])] });
    expect(text).toContain('````http');
  });
});
