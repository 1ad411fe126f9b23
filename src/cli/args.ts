/**
 * Command-line parsing for `npm run client -- <mcp-server-url>` (Node's
 * util.parseArgs), plus the pre-registered credentials the MCP conformance
 * suite hands over in MCP_CONFORMANCE_CONTEXT.
 */
import { parseArgs } from 'node:util';
import {
  DEFAULT_REVISION,
  SPEC_REVISIONS,
  isSpecRevision,
  type SpecRevision,
} from '../simulator/engine/types';

/** The simulator's client uses the same loopback redirect URI. */
export const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:33418/callback';

export interface CliOptions {
  mcpUrl: string;
  json: boolean;
  toolCall: { name: string; arguments: Record<string, unknown> } | null;
  clientId: string | null;
  clientSecret: string | null;
  clientMetadataUrl: string | null;
  redirectUri: string;
  clientName: string;
  /** Seconds to wait for a person to finish in the browser. */
  waitSeconds: number;
  /** The MCP spec revision the client follows. */
  revision: SpecRevision;
}

export type ParsedCli =
  | { kind: 'help' }
  | { kind: 'run'; options: CliOptions }
  | { kind: 'error'; message: string };

export const HELP = `Usage: npm run client -- <mcp-server-url> [options]

Runs the simulator's MCP client against a real MCP server: probe, 401,
protected resource metadata, authorization server metadata, registration,
authorization request (PKCE S256, state, resource), token request,
initialize, tools/list and, with --call, tools/call. Prints every HTTP
exchange as the simulator shows it.

Options:
  --call <tool>                 call this tool after tools/list
  --args <json>                 arguments for --call (default {})
  --client-id <id>              a pre-registered client id
  --client-secret <secret>      its secret, if it has one
  --client-metadata-url <url>   use this client ID metadata document URL
                                as client_id when the server supports CIMD
  --redirect-uri <uri>          loopback redirect URI
                                (default ${DEFAULT_REDIRECT_URI})
  --client-name <name>          client_name for dynamic registration
  --wait <seconds>              how long to wait for you to finish signing
                                in, when the server shows a page (default 300)
  --revision <date>             the MCP spec revision to follow:
                                ${SPEC_REVISIONS.join(' or ')} (default ${DEFAULT_REVISION})
  --json                        one JSON object per line instead of text
  -h, --help                    this text

When the authorization endpoint answers with a redirect, the client follows
it without a browser. When it shows a page (a login), the client prints the
URL and waits for the redirect on the loopback redirect URI.

MCP_CONFORMANCE_CONTEXT, when set to JSON with client_id (and
client_secret), supplies pre-registered credentials, as the MCP conformance
suite does.
Exit status: 0 when the flow completes, 1 on any failure (one line on
stderr), 2 on bad usage.`;

function contextCredentials(env: NodeJS.ProcessEnv): {
  id: string | null;
  secret: string | null;
} {
  const raw = env.MCP_CONFORMANCE_CONTEXT;
  if (!raw) return { id: null, secret: null };
  try {
    const ctx = JSON.parse(raw) as {
      client_id?: unknown;
      client_secret?: unknown;
    };
    return {
      id: typeof ctx.client_id === 'string' ? ctx.client_id : null,
      secret: typeof ctx.client_secret === 'string' ? ctx.client_secret : null,
    };
  } catch {
    throw new Error('MCP_CONFORMANCE_CONTEXT is not JSON');
  }
}

function httpUrl(value: string, what: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new Error(`${what} is not a URL: ${value}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new Error(`${what} must be http or https: ${value}`);
  return value;
}

export function parseCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = {},
): ParsedCli {
  try {
    const { values, positionals } = parseArgs({
      args: argv.filter((a) => a !== '--'),
      allowPositionals: true,
      strict: true,
      options: {
        call: { type: 'string' },
        args: { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        'client-metadata-url': { type: 'string' },
        'redirect-uri': { type: 'string' },
        'client-name': { type: 'string' },
        wait: { type: 'string' },
        revision: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) return { kind: 'help' };
    if (positionals.length !== 1)
      return {
        kind: 'error',
        message:
          positionals.length === 0
            ? 'give the MCP server URL (try --help)'
            : `one MCP server URL, not ${positionals.length}`,
      };
    let toolArgs: Record<string, unknown> = {};
    if (values.args !== undefined) {
      const parsed = JSON.parse(values.args) as unknown;
      if (
        typeof parsed !== 'object' ||
        parsed === null ||
        Array.isArray(parsed)
      )
        throw new Error('--args must be a JSON object');
      toolArgs = parsed as Record<string, unknown>;
    }
    const wait = values.wait === undefined ? 300 : Number(values.wait);
    if (!Number.isInteger(wait) || wait <= 0)
      throw new Error(`--wait needs a whole number of seconds`);
    const revision = values.revision ?? DEFAULT_REVISION;
    if (!isSpecRevision(revision))
      throw new Error(
        `--revision must be ${SPEC_REVISIONS.join(' or ')}, not ${revision}`,
      );
    const ctx = contextCredentials(env);
    const redirectUri = httpUrl(
      values['redirect-uri'] ?? DEFAULT_REDIRECT_URI,
      '--redirect-uri',
    );
    return {
      kind: 'run',
      options: {
        mcpUrl: httpUrl(positionals[0] ?? '', 'the MCP server URL'),
        json: values.json === true,
        toolCall: values.call
          ? { name: values.call, arguments: toolArgs }
          : null,
        clientId: values['client-id'] ?? ctx.id,
        clientSecret:
          values['client-secret'] ??
          (values['client-id'] === undefined ? ctx.secret : null),
        clientMetadataUrl: values['client-metadata-url']
          ? httpUrl(values['client-metadata-url'], '--client-metadata-url')
          : null,
        redirectUri,
        clientName: values['client-name'] ?? 'Example MCP Client',
        waitSeconds: wait,
        revision,
      },
    };
  } catch (e) {
    return { kind: 'error', message: (e as Error).message };
  }
}
