/**
 * Everything one authorization server remembers: clients, codes, refresh
 * tokens, opaque tokens, revocations, logins pending at the upstream IdP,
 * upstream tokens, and its keys. Each endpoint module takes this `AsCore`.
 */
import type { ActorHost, StepContext } from '../../engine/host';
import type { DemoKeyName } from '../demo-keys';
import type {
  AuthorizationServerOptions,
  RegisteredClient,
  UpstreamTokens,
} from './options';

interface CodeGrant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  resource: string | null;
  scope: string;
  sub: string;
  tsid: string | null;
  expiresAt: number;
  used: boolean;
  /** Access tokens issued from this code, revoked on reuse (OAuth 2.1 §4.1.3). */
  issued: string[];
}

interface OpaqueRecord {
  active: boolean;
  claims: Record<string, unknown>;
}

interface PendingUpstream {
  clientParams: URLSearchParams;
  verifier: string;
  scope: string;
  resource: string | null;
}

interface RefreshRecord {
  clientId: string;
  sub: string;
  scope: string;
  resource: string | null;
  tsid: string | null;
  expiresAt: number;
  active: boolean;
}

export interface AsCore {
  host: ActorHost;
  o: AuthorizationServerOptions;
  origin: string;
  /** An absolute URL on this server's origin. */
  url(path: string): string;
  clients: Map<string, RegisteredClient>;
  codes: Map<string, CodeGrant>;
  refreshTokens: Map<string, RefreshRecord>;
  opaque: Map<string, OpaqueRecord>;
  revokedJti: Set<string>;
  pending: Map<string, PendingUpstream>;
  upstreamStore: Map<string, UpstreamTokens>;
  /** The signing key (rotates) and the keys published in the JWKS. */
  keys: { signing: DemoKeyName; published: DemoKeyName[] };
}

export function createState(
  host: ActorHost,
  o: AuthorizationServerOptions,
): AsCore {
  const origin = new URL(o.issuer).origin;
  const clients = new Map<string, RegisteredClient>();
  for (const c of [...o.preRegistered, ...o.confidentialClients])
    clients.set(c.clientId, c);
  return {
    host,
    o,
    origin,
    url: (path) => `${origin}${path}`,
    clients,
    codes: new Map(),
    refreshTokens: new Map(),
    opaque: new Map(),
    revokedJti: new Set(),
    pending: new Map(),
    upstreamStore: new Map(),
    keys: {
      signing: o.signingKey,
      published: [o.signingKey, ...o.extraPublishedKeys],
    },
  };
}

/** One grant type at the token endpoint (grants.ts), with the form already read. */
export type Grant = (
  core: AsCore,
  ctx: StepContext,
  request: Request,
  form: URLSearchParams,
) => Promise<Response>;
