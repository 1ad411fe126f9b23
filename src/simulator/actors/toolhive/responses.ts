/** The answers ToolHive builds itself: the 401 challenge, the PRM document, JSON-RPC errors. */
import { json } from '../http-util';
import { q, resourceMetadataUrl, type ToolHiveOptions } from './options';

export function challenge(
  o: ToolHiveOptions,
  error: string,
  description: string,
): string {
  const parts: string[] = [];
  if (o.validator.issuer) parts.push(`realm=${q(o.validator.issuer)}`);
  if (o.resourceUrl)
    parts.push(`resource_metadata=${q(resourceMetadataUrl(o.resourceUrl))}`);
  if (o.scopes.length) parts.push(`scope=${q(o.scopes.join(' '))}`);
  parts.push(`error=${q(error)}`, `error_description=${q(description)}`);
  return `Bearer ${parts.join(', ')}`;
}

export function unauthorized(
  o: ToolHiveOptions,
  error: string,
  headerDescription: string,
  bodyDescription: string,
): Response {
  return json(
    401,
    { error, error_description: bodyDescription },
    { 'www-authenticate': challenge(o, error, headerDescription) },
  );
}

export function jsonRpcError(
  status: number,
  id: unknown,
  code: number,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return json(
    status,
    { jsonrpc: '2.0', id: id ?? null, error: { code, message } },
    headers,
  );
}

/** RFC 9728 protected resource metadata, outside the auth middleware. */
export function prm(o: ToolHiveOptions, request: Request): Response {
  const cors: Record<string, string> = {
    'access-control-allow-origin': request.headers.get('origin') ?? '*',
    'access-control-allow-methods': 'GET, OPTIONS',
    'access-control-allow-headers':
      'mcp-protocol-version, Content-Type, Authorization',
    'access-control-max-age': '86400',
  };
  if (request.method === 'OPTIONS')
    return new Response(null, { status: 204, headers: cors });
  if (!o.resourceUrl)
    return new Response('404 page not found\n', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  return json(
    200,
    {
      resource: o.resourceUrl,
      authorization_servers: [o.validator.issuer],
      bearer_methods_supported: ['header'],
      scopes_supported: o.scopes.length ? o.scopes : ['openid'],
    },
    cors,
  );
}
