/**
 * The two sequence diagrams as data. The mermaid text and the step-to-message
 * highlight are both generated from these lists, and the concept page renders
 * the same sources.
 */
import type { DiagramMessage } from '../engine/types';

export const AUTHN_PARTICIPANTS = [
  { id: 'client', label: 'MCP client' },
  { id: 'toolhive', label: 'ToolHive' },
  { id: 'authserver', label: 'Authorization server' },
] as const;

export const AUTHN_DIAGRAM_MESSAGES: readonly DiagramMessage[] = [
  {
    id: 'probe',
    from: 'client',
    to: 'toolhive',
    text: 'MCP request without a token',
  },
  {
    id: 'challenge',
    from: 'toolhive',
    to: 'client',
    text: '401 WWW-Authenticate: Bearer resource_metadata=...',
    reply: true,
  },
  {
    id: 'prm',
    from: 'client',
    to: 'toolhive',
    text: 'GET protected resource metadata',
  },
  {
    id: 'prm-response',
    from: 'toolhive',
    to: 'client',
    text: 'resource, authorization_servers, scopes_supported',
    reply: true,
  },
  {
    id: 'as-metadata',
    from: 'client',
    to: 'authserver',
    text: 'GET authorization server metadata (RFC 8414, then OIDC)',
  },
  {
    id: 'registration',
    from: 'client',
    to: 'authserver',
    text: 'Register: pre-registered, client ID metadata document, or DCR',
  },
  {
    id: 'authorize',
    from: 'client',
    to: 'authserver',
    text: 'Authorize: code_challenge (S256), state, resource',
  },
  {
    id: 'callback',
    from: 'authserver',
    to: 'client',
    text: 'Redirect to the callback with code and state',
    reply: true,
  },
  {
    id: 'token-request',
    from: 'client',
    to: 'authserver',
    text: 'Token request: code, code_verifier, resource',
  },
  {
    id: 'token-response',
    from: 'authserver',
    to: 'client',
    text: 'Access token (JWT, aud = MCP server)',
    reply: true,
  },
  {
    id: 'bearer-request',
    from: 'client',
    to: 'toolhive',
    text: 'MCP request with Authorization: Bearer token',
  },
  {
    id: 'jwks',
    from: 'toolhive',
    to: 'authserver',
    text: 'GET JWKS on first use, then cached and refreshed on a schedule',
  },
  {
    id: 'validation',
    from: 'toolhive',
    to: 'toolhive',
    text: 'Validate: alg, kid, signature, exp, iss, aud, sub',
  },
  {
    id: 'success',
    from: 'toolhive',
    to: 'client',
    text: '200 MCP response',
    reply: true,
    branch: { kind: 'alt', label: 'token valid' },
  },
  {
    id: 'invalid-token',
    from: 'toolhive',
    to: 'client',
    text: '401 WWW-Authenticate: Bearer error="invalid_token"',
    reply: true,
    branch: { kind: 'else', label: 'token invalid' },
    endBranch: true,
  },
];

export const AUTHZ_PARTICIPANTS = [
  { id: 'client', label: 'MCP client' },
  { id: 'toolhive', label: 'ToolHive' },
  { id: 'cedar', label: 'Cedar' },
  { id: 'backend', label: 'MCP server' },
] as const;

export const AUTHZ_DIAGRAM_MESSAGES: readonly DiagramMessage[] = [
  {
    id: 'call',
    from: 'client',
    to: 'toolhive',
    text: 'tools/call with a validated token',
  },
  {
    id: 'cedar-request',
    from: 'toolhive',
    to: 'cedar',
    text: 'Client::"sub", Action::"call_tool", Tool::"name", claim_* and arg_*',
  },
  {
    id: 'permit',
    from: 'cedar',
    to: 'toolhive',
    text: 'permit',
    reply: true,
    branch: { kind: 'alt', label: 'a permit policy matches' },
  },
  {
    id: 'forward',
    from: 'toolhive',
    to: 'backend',
    text: 'Forward the request',
  },
  {
    id: 'result',
    from: 'backend',
    to: 'toolhive',
    text: 'Tool result',
    reply: true,
  },
  {
    id: 'result-forward',
    from: 'toolhive',
    to: 'client',
    text: '200 tool result',
    reply: true,
  },
  {
    id: 'deny',
    from: 'cedar',
    to: 'toolhive',
    text: 'deny (no permit matched, default deny)',
    reply: true,
    branch: { kind: 'else', label: 'no permit or a forbid matches' },
  },
  {
    id: 'forbidden',
    from: 'toolhive',
    to: 'client',
    text: '403 JSON-RPC error 403 "Unauthorized"',
    reply: true,
    endBranch: true,
  },
  { id: 'list', from: 'client', to: 'toolhive', text: 'tools/list' },
  { id: 'list-forward', from: 'toolhive', to: 'backend', text: 'tools/list' },
  {
    id: 'list-all',
    from: 'backend',
    to: 'toolhive',
    text: 'Every tool',
    reply: true,
  },
  {
    id: 'list-filter',
    from: 'toolhive',
    to: 'cedar',
    text: 'call_tool check for each tool',
  },
  {
    id: 'list-filtered',
    from: 'toolhive',
    to: 'client',
    text: 'Only the tools you may call',
    reply: true,
  },
];

export const AUTHN_ACCESSIBILITY = {
  title:
    'Authentication flow between the MCP client, ToolHive and the authorization server',
  description:
    'The client gets a 401 with a resource metadata link, discovers the authorization server, registers, authorizes with PKCE and a resource indicator, exchanges the code for a token, and calls ToolHive with it. ToolHive validates the token and answers 200, or 401 invalid_token.',
};

export const AUTHZ_ACCESSIBILITY = {
  title: 'Authorization flow: Cedar decides each MCP request in ToolHive',
  description:
    'ToolHive turns the token claims and the request into a Cedar principal, action and resource. A permit forwards the call to the MCP server, and no permit gives a 403 JSON-RPC error. For tools/list, ToolHive removes every tool the caller may not call.',
};
