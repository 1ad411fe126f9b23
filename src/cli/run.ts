/**
 * The command-line MCP client: the simulator's client object (the same
 * code, src/simulator/actors/client) with Node's fetch, the real clock and
 * real random values, driven through one session against a real server.
 */
import { webcrypto } from 'node:crypto';
import { base64url } from 'jose';
import { newStepContext, type StepContext } from '../simulator/engine/host';
import { recordRequest, recordResponse } from '../simulator/engine/recorder';
import { SimError } from '../simulator/engine/errors';
import { createClient, type ClientHost } from '../simulator/actors/client';
import { runSession } from '../simulator/actors/client/session';
import type { CliOptions } from './args';
import { waitForRedirect } from './loopback';
import type { CliExchange, Printer } from './print';

export interface RunDeps {
  fetch: (request: Request) => Promise<Response>;
  printer: Printer;
  /** Messages for the person at the terminal (the sign-in URL). */
  tell: (line: string) => void;
}

/** Real randomness for PKCE verifiers and state. */
const randomIds: ClientHost['ids'] = {
  token(_label, byteLength = 32) {
    return base64url.encode(
      webcrypto.getRandomValues(new Uint8Array(byteLength)),
    );
  },
};

/** One line: the SimError code and status, or a network error's cause. */
function describeError(e: unknown): string {
  if (e instanceof SimError) {
    const extra = [
      e.code,
      e.status ? `HTTP ${e.status}` : null,
      e.oauthError ?? null,
    ].filter((x) => x !== null);
    return `${e.message} (${extra.join(', ')})`;
  }
  if (e instanceof Error) {
    const cause = e.cause instanceof Error ? `: ${e.cause.message}` : '';
    return `${e.message}${cause}`.replace(/\s*\n\s*/g, ' ');
  }
  return String(e);
}

/** Runs the flow; resolves with the exit status (0 done, 1 failed). */
export async function runClient(
  options: CliOptions,
  deps: RunDeps,
): Promise<{ code: number; exchanges: CliExchange[] }> {
  const { printer } = deps;
  let stepId = 'start';
  let ctx: StepContext = newStepContext(stepId);
  const exchanges: CliExchange[] = [];
  const host: ClientHost = {
    get ctx() {
      return ctx;
    },
    ids: randomIds,
  };
  const send = async (request: Request): Promise<Response> => {
    const recorded = await recordRequest(request);
    const response = await deps.fetch(request);
    const x: CliExchange = {
      stepId,
      at: new Date().toISOString(),
      request: recorded,
      response: await recordResponse(response),
    };
    exchanges.push(x);
    printer.exchange(x);
    return response;
  };
  const client = createClient(
    host,
    {
      revision: options.revision,
      mcpUrl: options.mcpUrl,
      redirectUri: options.redirectUri,
      clientName: options.clientName,
      cimdUrl: options.clientMetadataUrl ?? '',
      supportsCimd: options.clientMetadataUrl !== null,
      preRegisteredClientId: options.clientId,
      preRegisteredClientSecret: options.clientSecret,
      pkceFault: 'none',
      maxStepUp: 2,
      userAgent: (url) =>
        waitForRedirect(
          options.redirectUri,
          url,
          options.waitSeconds,
          deps.tell,
        ),
    },
    send,
  );
  try {
    const result = await runSession(
      client,
      { toolCall: options.toolCall },
      {
        begin(id) {
          stepId = id;
          ctx = newStepContext(id);
          printer.step(id);
        },
        end(id, outcome) {
          const failed = ctx.checks.filter((c) => c.status === 'fail');
          printer.outcome(
            id,
            failed.length
              ? `${outcome} (failed checks: ${failed.map((c) => c.id).join(', ')})`
              : outcome,
          );
        },
      },
    );
    printer.done({
      registration: client.state.registration,
      client_id: client.state.clientId,
      scope: client.state.scope,
      tools: result.tools,
      ...(options.toolCall ? { tool_result: result.toolResult } : {}),
    });
    return { code: 0, exchanges };
  } catch (e) {
    printer.failure(stepId, describeError(e));
    return { code: 1, exchanges };
  }
}
