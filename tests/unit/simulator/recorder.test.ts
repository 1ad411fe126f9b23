import { describe, expect, it } from 'vitest';
import { ExchangeRecorder } from '../../../src/simulator/engine/recorder';

const request = {
  method: 'GET',
  url: 'https://mcp.example.com/mcp',
  headers: [],
  body: null,
};
const response = { status: 200, statusText: 'OK', headers: [], body: null };

function record(recorder: ExchangeRecorder): void {
  recorder.push(
    recorder.begin(),
    'probe',
    'toolhive',
    '2026-01-15T09:00:00.000Z',
    request,
    response,
  );
}

describe('ExchangeRecorder', () => {
  it('keeps every exchange by default', () => {
    const recorder = new ExchangeRecorder();
    for (let i = 0; i < 50; i += 1) record(recorder);
    expect(recorder.all()).toHaveLength(50);
    expect(recorder.dropped).toBe(0);
  });

  it('with a limit keeps the newest exchanges and counts the dropped ones', () => {
    const recorder = new ExchangeRecorder(3);
    for (let i = 0; i < 5; i += 1) record(recorder);
    expect(recorder.all().map((e) => e.id)).toEqual(['x3', 'x4', 'x5']);
    expect(recorder.dropped).toBe(2);
    expect(recorder.latestFor(request.url)?.id).toBe('x5');
  });

  it('keeps request order when a nested call finishes first', () => {
    const recorder = new ExchangeRecorder();
    const outer = recorder.begin();
    const inner = recorder.begin();
    recorder.push(
      inner,
      'probe',
      'authorization-server',
      'now',
      request,
      response,
    );
    recorder.push(outer, 'probe', 'toolhive', 'now', request, response);
    expect(recorder.all().map((e) => e.id)).toEqual(['x1', 'x2']);
  });
});
