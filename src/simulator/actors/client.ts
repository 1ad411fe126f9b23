/**
 * A spec-following MCP client (MCP authorization 2025-11-25), one method per
 * step: probe, PRM discovery, AS metadata discovery, registration, authorize
 * with PKCE + state + resource, token request, MCP calls with the bearer, and
 * step-up on 403 insufficient_scope. It sends every request through the
 * injected transport with redirect: 'manual' and follows 302s itself, like a
 * user agent would.
 */
import {
  AuthorizationResponseError,
  calculatePKCECodeChallenge,
  processDiscoveryResponse,
  validateAuthResponse,
  type AuthorizationServer as AsMetadata,
} from 'oauth4webapi';
import type { ActorHost } from '../engine/host';
import { addCheck } from '../engine/host';
import { SimError, type SimErrorInit } from '../engine/errors';
import type { CheckId } from '../engine/types';
import { decodeToken } from './jwt';
import { readJson } from './http-util';
import { PRM_PATH } from './toolhive';

export const MCP_PROTOCOL_VERSION = '2025-11-25';

export interface ClientOptions {
  mcpUrl: string;
  redirectUri: string;
  clientName: string;
  /** Client ID metadata document URL the client can use as its client_id. */
  cimdUrl: string;
  /** Supports CIMD at all (the spec says SHOULD). */
  supportsCimd: boolean;
  /** Client id this client already holds for the AS (pre-registration), or null. */
  preRegisteredClientId: string | null;
  /** pkce-mismatch knob: send a verifier that does not match the challenge. */
  pkceFault: 'none' | 'wrong-verifier';
  /** How many step-up attempts per operation before giving up. */
  maxStepUp: number;
}

export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** Parses a WWW-Authenticate value into challenges (RFC 9110 §11.6.1 auth-params). */
export function parseWwwAuthenticate(value: string | null): Challenge[] {
  if (!value) return [];
  const out: Challenge[] = [];
  const len = value.length;
  let current: Challenge | null = null;
  let i = 0;
  while (i < len) {
    while (i < len && (value[i] === ' ' || value[i] === ',')) i++;
    const m = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+/.exec(value.slice(i));
    if (!m) break;
    const tok = m[0];
    i += tok.length;
    let j = i;
    while (value[j] === ' ') j++;
    if (value[j] === '=' && current) {
      j++;
      while (value[j] === ' ') j++;
      let v = '';
      if (value[j] === '"') {
        j++;
        while (j < len && value[j] !== '"') {
          if (value[j] === '\\') j++;
          v += value[j] ?? '';
          j++;
        }
        j++;
      } else {
        v = /^[^,\s]*/.exec(value.slice(j))?.[0] ?? '';
        j += v.length;
      }
      current.params[tok.toLowerCase()] = v;
      i = j;
    } else {
      current = { scheme: tok.toLowerCase(), params: {} };
      out.push(current);
    }
  }
  return out;
}

export interface ClientState {
  challenge: Challenge | null;
  prmUrl: string | null;
  prm: {
    resource: string;
    authorization_servers?: string[];
    scopes_supported?: string[];
  } | null;
  as: AsMetadata | null;
  clientId: string | null;
  registration: 'pre-registered' | 'cimd' | 'dcr' | null;
  scope: string | null;
  verifier: string | null;
  state: string | null;
  code: string | null;
  accessToken: string | null;
  refreshToken: string | null;
  sessionId: string | null;
  /** Scope the server asked for in a 403 insufficient_scope challenge. */
  stepUpScope: string | null;
  stepUpAttempts: number;
  rpcId: number;
  lastResult: unknown;
}

type Send = (request: Request) => Promise<Response>;

function firstFailed(host: ActorHost): CheckId | undefined {
  return host.ctx.checks.find((c) => c.status === 'fail')?.id;
}

/** `{ check }` for the first failed check in this step, or nothing. */
function failedCheck(host: ActorHost): { check?: CheckId } {
  const check = firstFailed(host);
  return check ? { check } : {};
}

/** An OAuth error body (RFC 6749 §5.2), as far as the client reads it. */
interface OAuthErrorBody {
  error?: unknown;
  error_description?: unknown;
}

/** `error_description` from an OAuth error body, when it is a string. */
function errorDescription(
  body: OAuthErrorBody | undefined,
): string | undefined {
  return typeof body?.error_description === 'string'
    ? body.error_description
    : undefined;
}

/** The status and the OAuth `error` code of a failed endpoint answer. */
function oauthFailure(
  res: Response,
  body: OAuthErrorBody | undefined,
): SimErrorInit {
  return {
    status: res.status,
    ...(typeof body?.error === 'string' ? { oauthError: body.error } : {}),
  };
}

export type McpClient = ReturnType<typeof createClient>;

export function createClient(
  host: ActorHost,
  options: ClientOptions,
  send: Send,
) {
  const o = options;
  const s: ClientState = {
    challenge: null,
    prmUrl: null,
    prm: null,
    as: null,
    clientId: null,
    registration: null,
    scope: null,
    verifier: null,
    state: null,
    code: null,
    accessToken: null,
    refreshToken: null,
    sessionId: null,
    stepUpScope: null,
    stepUpAttempts: 0,
    rpcId: 0,
    lastResult: null,
  };

  function need<T>(value: T | null, what: string): T {
    if (value === null)
      throw new SimError(
        'missing_prerequisite',
        `the client has no ${what} yet`,
      );
    return value;
  }

  function rpcRequest(
    method: string,
    params: Record<string, unknown> | undefined,
    token: string | null,
    notification = false,
  ): Request {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    };
    if (s.sessionId) {
      headers['mcp-protocol-version'] = MCP_PROTOCOL_VERSION;
      headers['mcp-session-id'] = s.sessionId;
    }
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const body: Record<string, unknown> = { jsonrpc: '2.0' };
    if (!notification) body.id = ++s.rpcId;
    body.method = method;
    if (params) body.params = params;
    return new Request(o.mcpUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
  }

  async function mcpFailure(res: Response): Promise<never> {
    const challenge = parseWwwAuthenticate(
      res.headers.get('www-authenticate'),
    ).find((c) => c.scheme === 'bearer');
    const body = (await readJson(res.clone())) as
      { error?: unknown } | undefined;
    const bodyError = typeof body?.error === 'string' ? body.error : undefined;
    const oauthErr = challenge?.params.error ?? bodyError;
    if (res.status === 401) {
      throw new SimError(
        'mcp_unauthorized',
        challenge?.params.error_description ??
          'ToolHive answered 401 Unauthorized',
        {
          status: 401,
          ...(oauthErr ? { oauthError: oauthErr } : {}),
          ...failedCheck(host),
        },
      );
    }
    if (res.status === 403) {
      throw new SimError('mcp_forbidden', 'ToolHive answered 403 Forbidden', {
        status: 403,
        ...(oauthErr ? { oauthError: oauthErr } : {}),
        ...failedCheck(host),
      });
    }
    throw new SimError('mcp_error', `ToolHive answered HTTP ${res.status}`, {
      status: res.status,
    });
  }

  return {
    actor: 'client' as const,
    state: s,
    options: o,

    /** Sends an MCP request without a token and reads the 401 challenge. */
    async probe(): Promise<string> {
      const res = await send(
        rpcRequest(
          'initialize',
          {
            protocolVersion: MCP_PROTOCOL_VERSION,
            capabilities: {},
            clientInfo: { name: o.clientName, version: '1.0.0' },
          },
          null,
        ),
      );
      if (res.status !== 401)
        return `HTTP ${res.status}: no authorization required`;
      const c =
        parseWwwAuthenticate(res.headers.get('www-authenticate')).find(
          (x) => x.scheme === 'bearer',
        ) ?? null;
      s.challenge = c;
      const params = c
        ? Object.keys(c.params).join(', ')
        : 'no Bearer challenge';
      return `401 with a Bearer challenge (${params})`;
    },

    /** RFC 9728 discovery: header URL, else path-suffixed well-known, else root. */
    async fetchResourceMetadata(): Promise<string> {
      const mcp = new URL(o.mcpUrl);
      const fromHeader = s.challenge?.params.resource_metadata;
      const candidates = fromHeader
        ? [fromHeader]
        : [
            `${mcp.origin}${PRM_PATH}${mcp.pathname === '/' ? '' : mcp.pathname}`,
            `${mcp.origin}${PRM_PATH}`,
          ];
      for (const url of candidates) {
        const res = await send(
          new Request(url, {
            headers: {
              accept: 'application/json',
              'mcp-protocol-version': MCP_PROTOCOL_VERSION,
            },
          }),
        );
        if (res.status !== 200) continue;
        const doc = (await readJson(res)) as ClientState['prm'] | undefined;
        if (!doc || typeof doc.resource !== 'string') continue;
        // RFC 9728 §3.3: resource must equal the URL the client was requesting.
        if (doc.resource !== o.mcpUrl) {
          addCheck(
            host.ctx,
            'prm-resource',
            'fail',
            `PRM resource ${doc.resource} is not ${o.mcpUrl}`,
          );
          throw new SimError(
            'prm_resource_mismatch',
            'protected resource metadata names another resource',
            { check: 'prm-resource' },
          );
        }
        addCheck(
          host.ctx,
          'prm-resource',
          'pass',
          `resource equals ${o.mcpUrl}`,
        );
        s.prmUrl = url;
        s.prm = doc;
        return `PRM from ${fromHeader ? 'the resource_metadata URL' : url}: authorization server ${String(doc.authorization_servers?.[0])}`;
      }
      throw new SimError(
        'prm_not_found',
        'no protected resource metadata found',
        { status: 404 },
      );
    },

    /** RFC 8414 then OIDC discovery, issuer check, and the S256 requirement. */
    async fetchAuthorizationServerMetadata(): Promise<string> {
      const prm = need(s.prm, 'protected resource metadata');
      const issuer = prm.authorization_servers?.[0];
      if (!issuer)
        throw new SimError(
          'as_metadata_not_found',
          'PRM lists no authorization server',
        );
      const iu = new URL(issuer);
      const path = iu.pathname === '/' ? '' : iu.pathname.replace(/\/$/, '');
      const candidates = path
        ? [
            `${iu.origin}/.well-known/oauth-authorization-server${path}`,
            `${iu.origin}/.well-known/openid-configuration${path}`,
            `${iu.origin}${path}/.well-known/openid-configuration`,
          ]
        : [
            `${iu.origin}/.well-known/oauth-authorization-server`,
            `${iu.origin}/.well-known/openid-configuration`,
          ];
      for (const url of candidates) {
        const res = await send(
          new Request(url, { headers: { accept: 'application/json' } }),
        );
        if (res.status !== 200) continue;
        let as: AsMetadata;
        try {
          as = await processDiscoveryResponse(new URL(issuer), res);
        } catch (e) {
          addCheck(
            host.ctx,
            'as-issuer',
            'fail',
            `metadata issuer does not equal ${issuer}`,
          );
          throw new SimError('as_issuer_mismatch', (e as Error).message, {
            check: 'as-issuer',
          });
        }
        addCheck(host.ctx, 'as-issuer', 'pass', `issuer equals ${issuer}`);
        if (!as.code_challenge_methods_supported?.includes('S256')) {
          addCheck(
            host.ctx,
            'pkce-s256-advertised',
            'fail',
            'code_challenge_methods_supported is missing or lacks S256, so the client refuses to proceed',
            {
              expected: 'code_challenge_methods_supported contains S256',
              actual: JSON.stringify(
                as.code_challenge_methods_supported ?? null,
              ),
            },
          );
          throw new SimError(
            'pkce_not_supported',
            'the authorization server does not advertise PKCE S256',
            { check: 'pkce-s256-advertised' },
          );
        }
        addCheck(host.ctx, 'pkce-s256-advertised', 'pass', 'S256 advertised');
        s.as = as;
        return `metadata from ${url}`;
      }
      throw new SimError(
        'as_metadata_not_found',
        'no authorization server metadata found',
        { status: 404 },
      );
    },

    /** Registration priority: pre-registered, then CIMD, then DCR. */
    async register(): Promise<string> {
      const as = need(s.as, 'authorization server metadata');
      if (o.preRegisteredClientId) {
        s.clientId = o.preRegisteredClientId;
        s.registration = 'pre-registered';
        return `using pre-registered client_id ${s.clientId}`;
      }
      if (o.supportsCimd && as.client_id_metadata_document_supported === true) {
        s.clientId = o.cimdUrl;
        s.registration = 'cimd';
        return `using the client ID metadata document URL as client_id`;
      }
      if (as.registration_endpoint) {
        const res = await send(
          new Request(as.registration_endpoint, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              accept: 'application/json',
            },
            body: JSON.stringify({
              client_name: o.clientName,
              redirect_uris: [o.redirectUri],
              grant_types: ['authorization_code', 'refresh_token'],
              response_types: ['code'],
              token_endpoint_auth_method: 'none',
            }),
          }),
        );
        const body = (await readJson(res)) as
          { client_id?: unknown; error?: unknown } | undefined;
        if (res.status !== 201 || typeof body?.client_id !== 'string') {
          throw new SimError(
            'registration_failed',
            `registration returned ${res.status}`,
            oauthFailure(res, body),
          );
        }
        s.clientId = body.client_id;
        s.registration = 'dcr';
        return `registered dynamically as ${s.clientId}`;
      }
      throw new SimError(
        'registration_failed',
        'no registration option: ask the user for client details',
      );
    },

    /** Builds the authorization request and follows redirects to the callback. */
    async authorize(scopeOverride: string | null = null): Promise<string> {
      const as = need(s.as, 'authorization server metadata');
      const clientId = need(s.clientId, 'client_id');
      const prm = need(s.prm, 'protected resource metadata');
      // Scope selection: the challenge's scope, else scopes_supported, else none.
      const scope =
        scopeOverride ??
        s.challenge?.params.scope ??
        (prm.scopes_supported?.length ? prm.scopes_supported.join(' ') : null);
      s.scope = scope;
      s.verifier = host.ids.token('pkce-verifier', 32);
      s.state = host.ids.token('state', 16);
      const url = new URL(
        need(as.authorization_endpoint ?? null, 'authorization endpoint'),
      );
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', clientId);
      url.searchParams.set('redirect_uri', o.redirectUri);
      if (scope) url.searchParams.set('scope', scope);
      url.searchParams.set('state', s.state);
      url.searchParams.set(
        'code_challenge',
        await calculatePKCECodeChallenge(s.verifier),
      );
      url.searchParams.set('code_challenge_method', 'S256');
      url.searchParams.set('resource', prm.resource);
      let next = url.toString();
      for (let hop = 0; hop < 6; hop++) {
        const res = await send(new Request(next, { redirect: 'manual' }));
        if (res.status < 300 || res.status >= 400) {
          const body = (await readJson(res)) as OAuthErrorBody | undefined;
          throw new SimError(
            'authorization_error',
            errorDescription(body) ??
              `authorization endpoint answered ${res.status}`,
            { ...oauthFailure(res, body), ...failedCheck(host) },
          );
        }
        const location = res.headers.get('location');
        if (!location)
          throw new SimError(
            'authorization_error',
            'redirect without a Location header',
            { status: res.status },
          );
        if (!location.startsWith(o.redirectUri)) {
          next = location;
          continue;
        }
        const cb = new URL(location);
        try {
          const params = validateAuthResponse(
            as,
            { client_id: clientId },
            cb.searchParams,
            s.state,
          );
          s.code = params.get('code');
          addCheck(
            host.ctx,
            'callback-state',
            'pass',
            'state in the callback equals the state sent',
          );
          return `authorization code received at ${o.redirectUri}`;
        } catch (e) {
          if (e instanceof AuthorizationResponseError) {
            addCheck(
              host.ctx,
              'callback-state',
              'pass',
              'state in the callback equals the state sent',
            );
            throw new SimError(
              'authorization_error',
              e.error_description ?? e.error,
              {
                status: res.status,
                oauthError: e.error,
                ...failedCheck(host),
              },
            );
          }
          addCheck(
            host.ctx,
            'callback-state',
            'fail',
            `callback state ${cb.searchParams.get('state') ?? '(none)'} is not the state the client sent`,
            {
              expected: s.state ?? '(none)',
              actual: cb.searchParams.get('state') ?? '(none)',
            },
          );
          throw new SimError('state_mismatch', (e as Error).message, {
            status: res.status,
            check: 'callback-state',
          });
        }
      }
      throw new SimError(
        'redirect_loop',
        'too many redirects during authorization',
      );
    },

    /** Token request: code, verifier and resource. */
    async exchangeCode(): Promise<string> {
      const as = need(s.as, 'authorization server metadata');
      const verifier = need(s.verifier, 'PKCE verifier');
      const form = new URLSearchParams({
        grant_type: 'authorization_code',
        code: need(s.code, 'authorization code'),
        redirect_uri: o.redirectUri,
        client_id: need(s.clientId, 'client_id'),
        code_verifier:
          o.pkceFault === 'wrong-verifier'
            ? host.ids.token('wrong-verifier', 32)
            : verifier,
        resource: need(s.prm, 'PRM').resource,
      });
      const res = await send(
        new Request(need(as.token_endpoint ?? null, 'token endpoint'), {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: form.toString(),
        }),
      );
      const body = (await readJson(res)) as
        | {
            access_token?: unknown;
            refresh_token?: unknown;
            error?: unknown;
            error_description?: unknown;
          }
        | undefined;
      if (res.status !== 200 || typeof body?.access_token !== 'string') {
        throw new SimError(
          'token_error',
          errorDescription(body) ?? `token endpoint answered ${res.status}`,
          { ...oauthFailure(res, body), ...failedCheck(host) },
        );
      }
      s.accessToken = body.access_token;
      s.refreshToken =
        typeof body.refresh_token === 'string' ? body.refresh_token : null;
      host.ctx.tokens.push(decodeToken(body.access_token, 'access-token'));
      return 'access token received';
    },

    /** Refresh token grant (used after a key rotation to get a freshly signed token). */
    async refresh(): Promise<string> {
      const as = need(s.as, 'authorization server metadata');
      const res = await send(
        new Request(need(as.token_endpoint ?? null, 'token endpoint'), {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: new URLSearchParams({
            grant_type: 'refresh_token',
            refresh_token: need(s.refreshToken, 'refresh token'),
            client_id: need(s.clientId, 'client_id'),
            resource: need(s.prm, 'PRM').resource,
          }).toString(),
        }),
      );
      const body = (await readJson(res)) as
        | { access_token?: unknown; refresh_token?: unknown; error?: unknown }
        | undefined;
      if (res.status !== 200 || typeof body?.access_token !== 'string') {
        throw new SimError(
          'token_error',
          `refresh failed with ${res.status}`,
          oauthFailure(res, body),
        );
      }
      s.accessToken = body.access_token;
      s.refreshToken =
        typeof body.refresh_token === 'string' ? body.refresh_token : null;
      host.ctx.tokens.push(decodeToken(body.access_token, 'access-token'));
      return 'new access token from the refresh token';
    },

    /** Sends a JSON-RPC request to the MCP server with the bearer token. */
    async rpc(
      method: string,
      params?: Record<string, unknown>,
      tokenOverride?: string | null,
    ): Promise<{
      status: number;
      result: unknown;
      insufficientScope: string | null;
    }> {
      const token = tokenOverride === undefined ? s.accessToken : tokenOverride;
      const res = await send(rpcRequest(method, params, token));
      if (res.status === 403) {
        const c = parseWwwAuthenticate(
          res.headers.get('www-authenticate'),
        ).find((x) => x.scheme === 'bearer');
        if (c?.params.error === 'insufficient_scope')
          return {
            status: 403,
            result: null,
            insufficientScope: c.params.scope ?? null,
          };
      }
      if (res.status !== 200 && res.status !== 202) return mcpFailure(res);
      const sid = res.headers.get('mcp-session-id');
      if (sid) s.sessionId = sid;
      const body =
        res.status === 200
          ? ((await readJson(res)) as
              { result?: unknown; error?: unknown } | undefined)
          : undefined;
      s.lastResult = body?.result ?? body?.error ?? null;
      return {
        status: res.status,
        result: body?.result ?? body?.error ?? null,
        insufficientScope: null,
      };
    },

    /** Sends the notifications/initialized notification. */
    async notifyInitialized(): Promise<void> {
      const res = await send(
        rpcRequest('notifications/initialized', undefined, s.accessToken, true),
      );
      if (res.status !== 202 && res.status !== 200) await mcpFailure(res);
    },
  };
}
