/**
 * The MCP parser and ToolHive's Cedar authorization (pkg/authz): tools/call,
 * prompts/get and resources/read are authorized; list methods pass and
 * tools/list is filtered on the way back; anything unmapped is denied.
 * Denials are 403 with a JSON-RPC error and no challenge. The spec's
 * insufficient_scope step-up, which ToolHive v0.44 does not send, sits in
 * front as an opt-in.
 */
import { addCheck, addDeviation } from '../../engine/host';
import { json, readJson, text } from '../http-util';
import { decodeSegment } from '../jwt';
import { authorize, classifyMethod, policyErrors } from './cedar';
import { q, resourceMetadataUrl, type ToolHiveOptions } from './options';
import { jsonRpcError } from './responses';
import type { Middleware, RpcMessage } from './middleware';

/** Claims Cedar sees: the upstream IdP token's when the embedded AS swaps tokens (fact 73). */
function authzClaims(
  o: ToolHiveOptions,
  claims: Record<string, unknown>,
): Record<string, unknown> | null {
  if (!o.embeddedAs || o.backendMode !== 'upstream-swap') return claims;
  const tsid = typeof claims.tsid === 'string' ? claims.tsid : '';
  const upstream = tsid ? o.embeddedAs.upstreamTokens(tsid) : undefined;
  if (!upstream) return null;
  return decodeSegment(upstream.accessToken.split('.')[1]) ?? claims;
}

export const parseMcp: Middleware = async ({ o }, x, next) => {
  try {
    const parsed: unknown = JSON.parse(x.bodyText);
    x.rpc =
      parsed && typeof parsed === 'object' ? (parsed as RpcMessage) : null;
  } catch {
    x.rpc = null;
  }
  x.method = typeof x.rpc?.method === 'string' ? x.rpc.method : null;
  x.cedarClaims = authzClaims(o, x.claims);
  return next();
};

export const specStepUp: Middleware = async ({ o }, x, next) => {
  if (!o.specStepUp || x.method !== 'tools/call') return next();
  const name = String(x.rpc?.params?.name ?? '');
  const required = o.specStepUp.requiredScopes[name] ?? [];
  const granted =
    typeof x.claims.scope === 'string' ? x.claims.scope.split(' ') : [];
  const missing = required.filter((s) => !granted.includes(s));
  addDeviation(x.ctx, 'no-insufficient-scope');
  if (!missing.length) return next();
  const needed = (
    o.specStepUp.repeatGranted
      ? [...new Set([...granted, ...required])]
      : required
  ).join(' ');
  const description = `tool ${name} needs scope ${missing.join(' ')}`;
  return json(
    403,
    { error: 'insufficient_scope', error_description: description },
    {
      'www-authenticate': `Bearer error="insufficient_scope", scope=${q(needed)}, resource_metadata=${q(resourceMetadataUrl(o.resourceUrl || o.mcpUrl))}, error_description=${q(description)}`,
    },
  );
};

export const authorizeCall: Middleware = async ({ o, host }, x, next) => {
  if (o.policy === null) return next();
  const { ctx, rpc, method } = x;
  if (!rpc || !method) return text(400, 'Invalid or malformed MCP request\n');
  const cls = classifyMethod(method);
  if (cls.kind === 'unknown') {
    addCheck(
      ctx,
      'cedar',
      'fail',
      `method ${method} is not in the authorization map, so it is denied`,
    );
    addDeviation(ctx, 'jsonrpc-error-code-403');
    return jsonRpcError(403, rpc.id, 403, 'Unauthorized');
  }
  if (cls.kind === 'list') x.filterTools = method === 'tools/list';
  if (cls.kind !== 'authorize') return next();
  const cedar = await host.cedar();
  const errs = policyErrors(cedar, o.policy);
  if (errs.length) {
    addCheck(ctx, 'cedar', 'fail', `policy does not parse: ${errs.join('; ')}`);
    return jsonRpcError(403, rpc.id, 403, 'Unauthorized');
  }
  const args = rpc.params?.arguments;
  const decision = authorize(
    cedar,
    {
      claims: x.cedarClaims ?? {},
      action: cls.action,
      resourceType: cls.resourceType,
      resourceId: String(rpc.params?.name ?? rpc.params?.uri ?? ''),
      args:
        args && typeof args === 'object' && !Array.isArray(args)
          ? (args as Record<string, unknown>)
          : {},
      serverName: o.serverName,
    },
    o.policy,
  );
  const req = `${decision.request.principal}, ${decision.request.action}, ${decision.request.resource}`;
  if (!decision.allowed) {
    addCheck(
      ctx,
      'cedar',
      'fail',
      `deny for ${req}${decision.errors.length ? `: ${decision.errors.join('; ')}` : ' (no permit matched, default deny)'}`,
      {
        matched: [...decision.reasons],
        expected: 'a permit policy whose conditions hold',
        actual: decision.errors.length
          ? `policy errors: ${decision.errors.join('; ')}`
          : 'no permit matched, so Cedar denies by default',
      },
    );
    addDeviation(ctx, 'authz-403-without-challenge');
    addDeviation(ctx, 'jsonrpc-error-code-403');
    return jsonRpcError(403, rpc.id, 403, 'Unauthorized');
  }
  addCheck(
    ctx,
    'cedar',
    'pass',
    `permit for ${req} by ${decision.reasons.join(', ')}`,
    { matched: [...decision.reasons] },
  );
  return next();
};

/** tools/list: keep each tool only if a call_tool check on it, without arguments, would pass. */
export const filterLists: Middleware = async ({ o, host }, x, next) => {
  if (!x.filterTools) return next();
  const res = await next();
  if (res.status !== 200) return res;
  const body = (await readJson(res)) as
    { result?: { tools?: Array<{ name?: unknown }> } } | undefined;
  const tools = body?.result?.tools;
  if (!body?.result || !Array.isArray(tools)) return res;
  const cedar = await host.cedar();
  const kept = [];
  const removed: string[] = [];
  for (const tool of tools) {
    const name = String(tool.name ?? '');
    const d = authorize(
      cedar,
      {
        claims: x.cedarClaims ?? {},
        action: 'call_tool',
        resourceType: 'Tool',
        resourceId: name,
        args: {},
        serverName: o.serverName,
      },
      o.policy ?? '',
    );
    if (d.allowed) kept.push(tool);
    else removed.push(name);
  }
  addCheck(
    x.ctx,
    'cedar',
    'pass',
    `tools/list filtered: kept ${kept.map((t) => String(t.name)).join(', ') || 'none'}${removed.length ? `; removed ${removed.join(', ')}` : ''}`,
  );
  const headersOut: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    if (k !== 'content-length') headersOut[k] = v;
  });
  return json(
    200,
    { ...body, result: { ...body.result, tools: kept } },
    headersOut,
  );
};
