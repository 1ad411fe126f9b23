/** The parts several step actions share: calling a tool, presenting a token. */
import type { World } from '../world/world';
import type { CraftKind } from './crafted-tokens';
import { SimError } from '../engine/errors';
import { decodeToken } from '../actors/jwt';

/** What a step action may read from its scenario row. */
export interface StepInput {
  craft?: CraftKind;
  toolCall?: { name: string; arguments: Record<string, unknown> };
}

export function describeResult(result: unknown): string {
  const r = result as {
    tools?: Array<{ name?: unknown }>;
    content?: Array<{ text?: unknown }>;
    code?: unknown;
    message?: unknown;
  } | null;
  if (r?.tools)
    return `tools: ${r.tools.map((t) => String(t.name)).join(', ') || 'none'}`;
  if (r?.content?.[0]?.text) return String(r.content[0].text);
  if (r && typeof r.code === 'number')
    return `JSON-RPC error ${r.code}: ${String(r.message)}`;
  return 'OK';
}

export async function callTool(
  world: World,
  scenario: StepInput,
  retry: boolean,
): Promise<string> {
  const call = scenario.toolCall ?? {
    name: 'echo',
    arguments: { text: 'hello' },
  };
  const r = await world.client.rpc('tools/call', {
    name: call.name,
    arguments: call.arguments,
  });
  if (r.insufficientScope !== null) {
    if (retry)
      throw new SimError(
        'step_up_exhausted',
        'still insufficient_scope after stepping up',
        { status: 403, oauthError: 'insufficient_scope' },
      );
    world.client.state.stepUpScope = r.insufficientScope;
    return `403 insufficient_scope: the server asks for scope "${r.insufficientScope}"`;
  }
  return `200 ${describeResult(r.result)}`;
}

export async function presentToken(
  world: World,
  token: string,
): Promise<string> {
  world.ctx.tokens.push(decodeToken(token, 'pasted'));
  const r = await world.client.rpc(
    'initialize',
    {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'Example MCP Client', version: '1.0.0' },
    },
    token,
  );
  return `HTTP ${r.status}: the token was accepted`;
}
