/** The authorization server's configuration and the records it hands out. */
import type { DemoKeyName } from '../demo-keys';

export const TOKEN_EXCHANGE_GRANT =
  'urn:ietf:params:oauth:grant-type:token-exchange';
export const ACCESS_TOKEN_TYPE =
  'urn:ietf:params:oauth:token-type:access_token';

export interface RegisteredClient {
  clientId: string;
  redirectUris: string[];
  grantTypes: string[];
  /** Present for confidential clients. */
  secret?: string;
  name: string;
  kind: 'pre-registered' | 'dcr' | 'cimd' | 'confidential';
}

export interface DemoUser {
  sub: string;
  /** Extra RFC 9068 claims (for example roles or groups) put in access tokens. */
  claims: Record<string, unknown>;
}

export interface AuthorizationServerOptions {
  issuer: string;
  /** Endpoint paths on the issuer's origin. */
  paths: {
    authorize: string;
    token: string;
    register: string;
    jwks: string;
    introspect: string | null;
    revoke: string | null;
    /** Upstream callback (embedded AS only). */
    callback: string | null;
  };
  /** Advertise `code_challenge_methods_supported: ["S256"]` (knob for no-s256). */
  advertiseS256: boolean;
  cimdSupported: boolean;
  dcrEnabled: boolean;
  /** RFC 8707 audiences this AS issues tokens for. */
  allowedResources: string[];
  scopesSupported: string[];
  consent: 'approve' | 'deny';
  tokenFormat: 'jwt' | 'opaque';
  accessTokenTtl: number;
  refreshTokenTtl: number;
  codeTtl: number;
  /** Cap on a token-exchange result's lifetime (seconds). */
  delegationTtl: number;
  /** `Cache-Control: max-age` on the JWKS response, in seconds; null sends no header. */
  jwksMaxAge: number | null;
  /** Leave `sub` out of access tokens (missing-sub knob). */
  omitSub: boolean;
  /** Put this `iss` in access tokens instead of the issuer (wrong-issuer knob). */
  issuerClaimOverride: string | null;
  /** Answer the callback with this state instead of the client's (state-mismatch knob). */
  callbackStateOverride: string | null;
  /**
   * Add RFC 9207 `iss` to authorization responses (errors included) and
   * advertise `authorization_response_iss_parameter_supported`.
   */
  sendIss: boolean;
  /** Put this value in `iss` instead of the issuer (mix-up knob). */
  issOverride: string | null;
  /** Publish this `issuer` in the metadata instead of the real one. */
  metadataIssuerOverride: string | null;
  /** Sign with this key until rotated. */
  signingKey: DemoKeyName;
  /** Keys published in the JWKS besides the signing key. */
  extraPublishedKeys: DemoKeyName[];
  preRegistered: RegisteredClient[];
  confidentialClients: RegisteredClient[];
  user: DemoUser;
  /** Embedded AS: delegate user login to this upstream IdP. */
  upstream: {
    authorizeUrl: string;
    tokenUrl: string;
    clientId: string;
    scope: string;
  } | null;
}

export interface UpstreamTokens {
  accessToken: string;
  idToken: string | null;
}
