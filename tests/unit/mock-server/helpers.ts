/**
 * Test helpers: a minimal OAuthClientProvider for the official MCP TypeScript
 * SDK that follows the authorize 302 itself, and raw MCP/control calls.
 */
import {
  auth,
  type OAuthClientProvider,
} from '@modelcontextprotocol/sdk/client/auth.js';
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from '@modelcontextprotocol/sdk/shared/auth.js';

const REDIRECT_URL = 'http://127.0.0.1:33418/callback';

export class FollowRedirectProvider implements OAuthClientProvider {
  #client: OAuthClientInformationMixed | undefined;
  #tokens: OAuthTokens | undefined;
  #verifier = '';
  #state = '';
  #n = 0;
  /** The code taken from the last authorize redirect. */
  code: string | null = null;
  /** The `iss` in the last authorize redirect, if any (RFC 9207). */
  redirectIss: string | null = null;
  /** The error in the last authorize redirect, if any (for example access_denied). */
  redirectError: string | null = null;

  get redirectUrl(): string {
    return REDIRECT_URL;
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: 'vitest SDK client',
      redirect_uris: [REDIRECT_URL],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }

  state(): string {
    this.#state = `state-${++this.#n}`;
    return this.#state;
  }

  clientInformation(): OAuthClientInformationMixed | undefined {
    return this.#client;
  }

  saveClientInformation(info: OAuthClientInformationMixed): void {
    this.#client = info;
  }

  tokens(): OAuthTokens | undefined {
    return this.#tokens;
  }

  saveTokens(tokens: OAuthTokens): void {
    this.#tokens = tokens;
  }

  /** Plays the user agent: GET the authorize URL, read Location, check state, keep the code. */
  async redirectToAuthorization(url: URL): Promise<void> {
    const res = await fetch(url, { redirect: 'manual' });
    const location = res.headers.get('location');
    if (res.status !== 302 || !location) {
      throw new Error(`authorize answered ${res.status}: ${await res.text()}`);
    }
    const callback = new URL(location);
    if (callback.searchParams.get('state') !== this.#state) {
      throw new Error('state mismatch on the callback');
    }
    this.code = callback.searchParams.get('code');
    this.redirectError = callback.searchParams.get('error');
    this.redirectIss = callback.searchParams.get('iss');
  }

  saveCodeVerifier(verifier: string): void {
    this.#verifier = verifier;
  }

  codeVerifier(): string {
    return this.#verifier;
  }
}

/** Runs the SDK's auth() twice (REDIRECT, then the code) and returns the access token. */
export async function sdkLogin(
  mcpUrl: string,
  provider = new FollowRedirectProvider(),
): Promise<{ provider: FollowRedirectProvider; accessToken: string }> {
  const first = await auth(provider, { serverUrl: mcpUrl });
  if (first !== 'REDIRECT') throw new Error(`expected REDIRECT, got ${first}`);
  if (!provider.code)
    throw new Error(`no code (error=${provider.redirectError ?? 'none'})`);
  const second = await auth(provider, {
    serverUrl: mcpUrl,
    authorizationCode: provider.code,
  });
  if (second !== 'AUTHORIZED')
    throw new Error(`expected AUTHORIZED, got ${second}`);
  const accessToken = provider.tokens()?.access_token;
  if (!accessToken) throw new Error('no access token saved');
  return { provider, accessToken };
}

let rpcId = 0;

/** One JSON-RPC POST to the MCP endpoint. */
export async function mcpCall(
  mcpUrl: string,
  token: string | null,
  method: string,
  params: Record<string, unknown> = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'mcp-protocol-version': '2025-11-25',
  };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return fetch(mcpUrl, {
    method: 'POST',
    headers,
    body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params }),
  });
}

export async function control(
  origin: string,
  name: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${origin}/__control/${name}`, {
    method: name === 'log' || name === 'state' ? 'GET' : 'POST',
    ...(body === undefined
      ? {}
      : {
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
  });
  return {
    status: res.status,
    json: (await res.json()) as Record<string, unknown>,
  };
}

/** The error code in a WWW-Authenticate header, for example invalid_token. */
export function challengeError(res: Response): string | null {
  return (
    /error="([^"]*)"/.exec(res.headers.get('www-authenticate') ?? '')?.[1] ??
    null
  );
}
