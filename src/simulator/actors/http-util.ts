/** Response builders and request readers shared by the actors. */

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function text(
  status: number,
  body: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
  });
}

export function redirect(location: string, status = 302): Response {
  return new Response(null, { status, headers: { location } });
}

/** OAuth error JSON (RFC 6749 §5.2 shape). */
export function oauthError(
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): Response {
  return json(
    status,
    { error, error_description: description },
    { 'cache-control': 'no-store', ...headers },
  );
}

export async function readForm(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded'))
    return new URLSearchParams();
  return new URLSearchParams(await request.text());
}

export async function readJson(request: Request | Response): Promise<unknown> {
  try {
    return JSON.parse(await request.text()) as unknown;
  } catch {
    return undefined;
  }
}

/** Client credentials from HTTP Basic (RFC 6749 §2.3.1), or null. */
export function basicCredentials(
  request: Request,
): { id: string; secret: string } | null {
  const header = request.headers.get('authorization');
  if (!header?.startsWith('Basic ')) return null;
  try {
    const decoded = atob(header.slice(6));
    const i = decoded.indexOf(':');
    if (i < 0) return null;
    return {
      id: decodeURIComponent(decoded.slice(0, i)),
      secret: decodeURIComponent(decoded.slice(i + 1)),
    };
  } catch {
    return null;
  }
}

export function basicHeader(id: string, secret: string): string {
  return `Basic ${btoa(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`)}`;
}

/** True for http://127.0.0.1, http://[::1] and http://localhost redirect URIs. */
export function isLoopback(uri: URL): boolean {
  return (
    uri.protocol === 'http:' &&
    (uri.hostname === '127.0.0.1' ||
      uri.hostname === '[::1]' ||
      uri.hostname === 'localhost')
  );
}

/**
 * Exact redirect URI matching, except that a loopback URI may use any port
 * (OAuth 2.1 §4.1.1 / RFC 8252 §7.3).
 */
export function redirectUriMatches(
  registered: string,
  presented: string,
): boolean {
  if (registered === presented) return true;
  let a: URL;
  let b: URL;
  try {
    a = new URL(registered);
    b = new URL(presented);
  } catch {
    return false;
  }
  if (!isLoopback(a) || !isLoopback(b)) return false;
  return (
    a.hostname === b.hostname &&
    a.pathname === b.pathname &&
    a.search === b.search &&
    a.protocol === b.protocol
  );
}

/** Absolute URI with a scheme and no fragment (RFC 8707 §2). */
export function isValidResourceUri(value: string): boolean {
  try {
    const u = new URL(value);
    return (
      (u.protocol === 'https:' || u.protocol === 'http:') &&
      u.host !== '' &&
      !value.includes('#')
    );
  } catch {
    return false;
  }
}
