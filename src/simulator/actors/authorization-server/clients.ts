/**
 * Who is asking: a pre-registered or dynamically registered client this
 * server knows, or a client ID metadata document fetched from the client_id
 * URL (when CIMD is supported).
 */
import type { StepContext } from '../../engine/host';
import { readJson } from '../http-util';
import type { RegisteredClient } from './options';
import type { AsCore } from './state';

export async function resolveClient(
  core: AsCore,
  ctx: StepContext,
  clientId: string,
): Promise<{ client: RegisteredClient | null; reason: string }> {
  const { host, o, clients } = core;
  const known = clients.get(clientId);
  if (known) return { client: known, reason: `known ${known.kind} client` };
  let asUrl: URL | null = null;
  try {
    asUrl = new URL(clientId);
  } catch {
    asUrl = null;
  }
  if (!asUrl) return { client: null, reason: 'unknown client_id' };
  if (!o.cimdSupported)
    return {
      client: null,
      reason:
        'client_id is a URL but this server does not support client ID metadata documents',
    };
  if (
    asUrl.protocol !== 'https:' ||
    asUrl.pathname === '/' ||
    asUrl.pathname === ''
  ) {
    return {
      client: null,
      reason: 'a client ID metadata document URL must be https with a path',
    };
  }
  const res = await host.internalFetch(
    new Request(clientId, { headers: { accept: 'application/json' } }),
    ctx,
  );
  if (res.status !== 200)
    return {
      client: null,
      reason: `metadata document fetch returned ${res.status}`,
    };
  const doc = (await readJson(res)) as Record<string, unknown> | undefined;
  if (!doc || typeof doc !== 'object')
    return { client: null, reason: 'metadata document is not JSON' };
  if (doc.client_id !== clientId)
    return {
      client: null,
      reason: 'metadata document client_id does not equal its URL',
    };
  if (
    typeof doc.client_name !== 'string' ||
    !Array.isArray(doc.redirect_uris)
  ) {
    return {
      client: null,
      reason: 'metadata document lacks client_name or redirect_uris',
    };
  }
  const client: RegisteredClient = {
    clientId,
    redirectUris: doc.redirect_uris.filter(
      (u): u is string => typeof u === 'string',
    ),
    grantTypes: ['authorization_code', 'refresh_token'],
    name: doc.client_name,
    kind: 'cimd',
  };
  return { client, reason: 'client ID metadata document fetched and valid' };
}
