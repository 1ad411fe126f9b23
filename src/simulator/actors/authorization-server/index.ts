/**
 * The authorization server actor: a standalone OAuth 2.1 AS at
 * https://auth.example.com, or ToolHive's embedded AS mounted on the MCP
 * server's own origin (with an upstream IdP). Spec and RFC correct: RFC 8414
 * and OIDC discovery, pre-registration, CIMD, RFC 7591 DCR, PKCE S256,
 * RFC 8707 resource indicators, RFC 9068 JWT access tokens, refresh tokens,
 * RFC 8693 token exchange, RFC 7662 introspection and RFC 7009 revocation.
 * Bad requests get the RFC's error codes, never a crash.
 *
 * Folder map: options (configuration), state (what it remembers), metadata,
 * clients (pre-registered, CIMD), register (DCR), authorize and
 * upstream-callback (embedded AS), grants and grant-* (one module per grant
 * type), introspection (and revocation), tokens (minting and checking),
 * routes (the table).
 */
import type { ActorHost } from '../../engine/host';
import type { DemoKeyName } from '../demo-keys';
import { basicHeader } from '../http-util';
import { metadata } from './metadata';
import type { AuthorizationServerOptions, UpstreamTokens } from './options';
import { bindRoutes } from './routes';
import { createState } from './state';
import { mintAccessToken, verifySelfIssued } from './tokens';

export {
  ACCESS_TOKEN_TYPE,
  TOKEN_EXCHANGE_GRANT,
  type AuthorizationServerOptions,
  type DemoUser,
  type RegisteredClient,
  type UpstreamTokens,
} from './options';

export type AuthorizationServer = ReturnType<typeof createAuthorizationServer>;

export function createAuthorizationServer(
  host: ActorHost,
  options: AuthorizationServerOptions,
) {
  const core = createState(host, options);
  const { matches, handle } = bindRoutes(core);
  const { keys, clients, upstreamStore, url, o } = core;
  return {
    actor: 'authorization-server' as const,
    origin: core.origin,
    options: o,
    matches,
    handle,
    metadata: (kind: 'oauth' | 'oidc') => metadata(core, kind),
    mintAccessToken: (input: Parameters<typeof mintAccessToken>[1]) =>
      mintAccessToken(core, input),
    verifySelfIssued: (token: string) => verifySelfIssued(core, token),
    /** Publishes `next` in the JWKS and signs new tokens with it. */
    rotateSigningKey(next: DemoKeyName): void {
      if (!keys.published.includes(next)) keys.published.push(next);
      keys.signing = next;
    },
    get signingKey(): DemoKeyName {
      return keys.signing;
    },
    publishedKeys: (): DemoKeyName[] => [...keys.published],
    upstreamTokens: (tsid: string): UpstreamTokens | undefined =>
      upstreamStore.get(tsid),
    clientAuthHeader: (clientId: string): string | null => {
      const c = clients.get(clientId);
      return c?.secret ? basicHeader(c.clientId, c.secret) : null;
    },
    endpoint: (
      name: keyof AuthorizationServerOptions['paths'],
    ): string | null => {
      const path = o.paths[name];
      return path ? url(path) : null;
    },
  };
}
