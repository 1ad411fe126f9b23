/**
 * The client's and ToolHive's state as the run builds it, read back from the
 * exchange records: what the client registered, sent and received, and what
 * ToolHive fetched. Pure: a function of the records.
 */
import type { Exchange } from '../../../simulator/engine/types';
import type { StepRecord } from '../../../simulator/scenarios/records';
import { headerValue } from '../../../simulator/format/http-text';

export interface RunState {
  clientId: string | null;
  state: string | null;
  codeChallenge: string | null;
  codeVerifier: string | null;
  /** The latest access token the client received, raw. */
  accessToken: string | null;
  /** Key IDs in ToolHive's last fetched key set, and when it was fetched. */
  keyCache: { kids: string[]; at: string; exchangeId: string } | null;
  /** The last Cedar request ToolHive built, as recorded in its check. */
  cedar: { detail: string; status: string } | null;
}

function json(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

export function runState(records: readonly StepRecord[]): RunState {
  const s: RunState = {
    clientId: null,
    state: null,
    codeChallenge: null,
    codeVerifier: null,
    accessToken: null,
    keyCache: null,
    cedar: null,
  };
  const all: Exchange[] = records.flatMap((r) => r.exchanges);
  for (const x of all) {
    const url = new URL(x.request.url);
    const path = url.pathname;
    if (x.actor === 'authorization-server' && /register$/.test(path)) {
      s.clientId = str(json(x.response.body)?.client_id) ?? s.clientId;
    }
    if (x.request.method === 'GET' && /\/authorize$/.test(path)) {
      if (x.actor === 'authorization-server') {
        s.clientId = url.searchParams.get('client_id') ?? s.clientId;
        s.state = url.searchParams.get('state');
        s.codeChallenge = url.searchParams.get('code_challenge');
      }
    }
    if (x.actor === 'authorization-server' && /\/token$/.test(path)) {
      const form = new URLSearchParams(x.request.body ?? '');
      const grant = form.get('grant_type');
      if (grant === 'authorization_code') {
        s.codeVerifier = form.get('code_verifier') ?? s.codeVerifier;
      }
      const sentByClient = !headerValue(x.request.headers, 'authorization');
      const token = str(json(x.response.body)?.access_token);
      if (
        token &&
        sentByClient &&
        grant !== 'urn:ietf:params:oauth:grant-type:token-exchange'
      ) {
        s.accessToken = token;
      }
    }
    if (x.actor === 'authorization-server' && /jwks/.test(path)) {
      const keys = json(x.response.body)?.keys;
      if (Array.isArray(keys)) {
        s.keyCache = {
          kids: keys.map((k) => str((k as Record<string, unknown>).kid) ?? '?'),
          at: x.at,
          exchangeId: x.id,
        };
      }
    }
  }
  for (const r of records) {
    for (const c of r.checks) {
      if (c.id === 'cedar') s.cedar = { detail: c.detail, status: c.status };
    }
  }
  return s;
}
