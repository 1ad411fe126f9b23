import type { Exchange } from '../../../src/simulator/engine/types';
import type { StepRecord } from '../../../src/simulator/scenarios/records';

export const PROBE: Exchange = {
  id: 'x1',
  stepId: 'probe',
  actor: 'toolhive',
  at: '2026-11-01T12:00:00.000Z',
  request: {
    method: 'POST',
    url: 'https://mcp.example.com/mcp',
    headers: [
      ['content-type', 'application/json'],
      ['accept', 'application/json, text/event-stream'],
    ],
    body: '{"jsonrpc":"2.0","id":1,"method":"initialize"}',
  },
  response: {
    status: 401,
    statusText: 'Unauthorized',
    headers: [
      ['content-type', 'application/json'],
      [
        'www-authenticate',
        'Bearer realm="https://auth.example.com", error="invalid_request"',
      ],
    ],
    body: '{"error":"invalid_request"}',
  },
};

export const TOKEN: Exchange = {
  id: 'x2',
  stepId: 'token',
  actor: 'authorization-server',
  at: '2026-11-01T12:00:01.000Z',
  request: {
    method: 'POST',
    url: 'https://auth.example.com/oauth/token?debug=1',
    headers: [['content-type', 'application/x-www-form-urlencoded']],
    body: "grant_type=authorization_code&code=abc&resource=https%3A%2F%2Fmcp.example.com%2Fmcp&note=it's",
  },
  response: {
    status: 200,
    statusText: '',
    headers: [
      ['content-type', 'application/json'],
      ['cache-control', 'no-store'],
    ],
    body: '{"access_token":"eyJ.a.b","token_type":"Bearer"}',
  },
};

export function record(
  index: number,
  stepId: string,
  exchanges: Exchange[],
  status: 'done' | 'failed' = 'done',
): StepRecord {
  return {
    // The UI tests use short made-up step ids; the UI treats ids as opaque.
    stepId: stepId as StepRecord['stepId'],
    index,
    status,
    outcome: status === 'done' ? 'ok' : '401 invalid_token',
    exchanges,
    checks:
      status === 'failed'
        ? [{ id: 'aud', status: 'fail', detail: 'audience mismatch' }]
        : [],
    tokens: [],
    deviations: [],
    startedAt: exchanges[0]?.at ?? '2026-11-01T12:00:00.000Z',
    endedAt: exchanges[0]?.at ?? '2026-11-01T12:00:00.000Z',
  };
}
