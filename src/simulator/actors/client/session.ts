/**
 * One whole MCP session with the client, as a real application runs it: the
 * unauthenticated probe, authorization when a request is answered 401, then
 * initialize, tools/list and (when asked) tools/call, stepping up on 403
 * insufficient_scope. Each phase is named after the simulator step that runs
 * the same client method, so a transcript of this session lines up with the
 * simulator's.
 */
import { SimError } from '../../engine/errors';
import type { McpClient, RpcOutcome } from './index';
import { discoverVerdict, initializeParams, stateless } from './mcp';

interface ToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

export interface SessionPlan {
  /** A tools/call to make after tools/list, or null for none. */
  toolCall: ToolCall | null;
}

export interface SessionResult {
  tools: unknown;
  toolResult: unknown;
}

/** Told the simulator step id of each phase before it starts, and its outcome after. */
export interface SessionObserver {
  begin(stepId: string): void;
  end(stepId: string, outcome: string): void;
}

export async function runSession(
  client: McpClient,
  plan: SessionPlan,
  observe: SessionObserver,
): Promise<SessionResult> {
  const s = client.state;

  async function phase<T>(
    stepId: string,
    run: () => Promise<T>,
    describe: (value: T) => string,
  ): Promise<T> {
    observe.begin(stepId);
    const value = await run();
    observe.end(stepId, describe(value));
    return value;
  }
  const said = (text: string) => text;

  /** Discovery and registration once, then an authorization code and a token. */
  async function authenticate(): Promise<void> {
    if (!s.prm)
      await phase(
        'fetch_resource_metadata',
        () => client.fetchResourceMetadata(),
        said,
      );
    if (!s.as)
      await phase(
        'fetch_authorization_server_metadata',
        () => client.fetchAuthorizationServerMetadata(),
        said,
      );
    if (!s.clientId)
      await phase('register_client', () => client.register(), said);
    await phase('authorize', () => client.authorize(), said);
    await phase('exchange_code', () => client.exchangeCode(), said);
  }

  /** A request that may need a token first (401) or more scope (403). */
  async function call(
    stepId: string,
    method: string,
    params?: Record<string, unknown>,
  ): Promise<RpcOutcome> {
    let reauthorized = false;
    let label = stepId;
    s.stepUpAttempts = 0;
    for (;;) {
      let outcome: RpcOutcome;
      try {
        outcome = await phase(
          label,
          () => client.rpc(method, params),
          (r) => `HTTP ${r.status}`,
        );
      } catch (e) {
        if (
          e instanceof SimError &&
          e.code === 'mcp_unauthorized' &&
          !reauthorized
        ) {
          reauthorized = true;
          await authenticate();
          continue;
        }
        throw e;
      }
      if (outcome.insufficientScope === null) return outcome;
      s.stepUpScope = outcome.insufficientScope;
      await phase('step_up_authorize', () => client.stepUp(), said);
      await phase('step_up_exchange_code', () => client.exchangeCode(), said);
      if (stepId === 'call_tool') label = 'retry_tool_call';
    }
  }

  await phase('probe_unauthenticated', () => client.probe(), said);
  if (s.probeStatus === 401) await authenticate();
  // 2026-07-28: server/discover instead of the handshake; an older server
  // does not know it, and the client falls back to initialize.
  let handshake = true;
  if (stateless(s, client.options)) {
    const d = await call('call_initialize', 'server/discover');
    s.statelessTransport = discoverVerdict(d.result) === 'stateless';
    handshake = !s.statelessTransport;
  }
  if (handshake) {
    await call(
      'call_initialize',
      'initialize',
      initializeParams(client.options),
    );
    await client.notifyInitialized();
  }
  const tools = (await call('list_tools', 'tools/list')).result;
  const toolResult = plan.toolCall
    ? (
        await call('call_tool', 'tools/call', {
          name: plan.toolCall.name,
          arguments: plan.toolCall.arguments,
        })
      ).result
    : null;
  return { tools, toolResult };
}
