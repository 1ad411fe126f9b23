import { describe, expect, it } from 'vitest';
import {
  formatBody,
  requestHead,
  responseHead,
} from '../../../src/simulator/format/http-text';
import { PROBE, TOKEN } from './fixtures';

describe('exchange text', () => {
  it('writes an HTTP/1.1 request line with the Host header first', () => {
    expect(requestHead(PROBE.request)).toBe(
      [
        'POST /mcp HTTP/1.1',
        'Host: mcp.example.com',
        'content-type: application/json',
        'accept: application/json, text/event-stream',
      ].join('\n'),
    );
  });

  it('keeps the query string in the request target', () => {
    expect(requestHead(TOKEN.request).split('\n')[0]).toBe(
      'POST /oauth/token?debug=1 HTTP/1.1',
    );
  });

  it('fills in a missing reason phrase', () => {
    expect(responseHead(TOKEN.response).split('\n')[0]).toBe('HTTP/1.1 200 OK');
  });

  it('pretty-prints JSON bodies', () => {
    expect(formatBody('{"a":1,"b":[true]}', 'application/json')).toEqual({
      kind: 'json',
      text: '{\n  "a": 1,\n  "b": [\n    true\n  ]\n}',
    });
  });

  it('splits form bodies at & so that joining the lines gives the body back', () => {
    const body = TOKEN.request.body ?? '';
    const formatted = formatBody(body, 'application/x-www-form-urlencoded');
    expect(formatted.kind).toBe('form');
    expect(formatted.text.split('\n').join('')).toBe(body);
  });

  it('shows invalid JSON as sent', () => {
    expect(formatBody('{nope', 'application/json')).toEqual({
      kind: 'text',
      text: '{nope',
    });
  });

  it('reports an empty body', () => {
    expect(formatBody(null, undefined).kind).toBe('empty');
  });
});
