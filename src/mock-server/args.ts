/** Command-line parsing for `npm run mock-server`. */
import { parseArgs as parseTokens } from 'node:util';
import {
  DEFAULT_REVISION,
  SPEC_REVISIONS,
  isSpecRevision,
  type SpecRevision,
} from '../simulator/engine/types';

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_SCENARIO = 'happy-path';

export interface ScenarioSummary {
  id: string;
  title: string;
  /** How the scenario shows up for a real client, when it differs from the browser. */
  liveNote?: string;
}

export type ParsedArgs =
  | { kind: 'help' }
  | {
      kind: 'run';
      port: number;
      host: string;
      scenario: string;
      /** Only when given: otherwise the scenario's own, else the default. */
      revision?: SpecRevision;
    }
  | { kind: 'error'; message: string };

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  scenario: { type: 'string' },
  revision: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The error for a revision this simulator does not model. */
export function unknownRevisionMessage(value: string): string {
  return `unknown revision ${value} (known: ${SPEC_REVISIONS.join(', ')})`;
}

/**
 * Parses `--port N`, `--host H`, `--scenario ID`, `--revision R` (also
 * `--x=value`) and `--help` with `node:util` `parseArgs`, reading its tokens in order so the
 * first problem is the one reported. A bare `--` is skipped.
 */
export function parseArgs(
  argv: readonly string[],
  scenarioIds: readonly string[],
): ParsedArgs {
  const args = argv.filter((arg) => arg !== '--');
  const { tokens } = parseTokens({
    args,
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  let port = DEFAULT_PORT;
  let host = DEFAULT_HOST;
  let scenario = DEFAULT_SCENARIO;
  let revision: SpecRevision | undefined;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    const arg = args[token.index] ?? '';
    if (
      token.kind === 'option' &&
      token.name === 'help' &&
      token.value === undefined
    ) {
      return { kind: 'help' };
    }
    if (
      token.kind !== 'option' ||
      !(
        token.name === 'port' ||
        token.name === 'host' ||
        token.name === 'scenario' ||
        token.name === 'revision'
      )
    ) {
      return { kind: 'error', message: `unknown option ${arg} (try --help)` };
    }
    const value = token.value;
    if (value === undefined || value === '') {
      return { kind: 'error', message: `${token.rawName} needs a value` };
    }
    if (token.name === 'port') {
      if (!/^\d+$/.test(value) || Number(value) > 65535) {
        return { kind: 'error', message: `invalid port ${value}` };
      }
      port = Number(value);
    } else if (token.name === 'host') {
      host = value;
    } else if (token.name === 'revision') {
      if (!isSpecRevision(value)) {
        return { kind: 'error', message: unknownRevisionMessage(value) };
      }
      revision = value;
    } else {
      scenario = value;
    }
  }
  if (!scenarioIds.includes(scenario)) {
    return {
      kind: 'error',
      message: `unknown scenario ${scenario} (known: ${scenarioIds.join(', ')})`,
    };
  }
  return {
    kind: 'run',
    port,
    host,
    scenario,
    ...(revision ? { revision } : {}),
  };
}

/** The `--help` text: usage, options, then one line per scenario. */
export function helpText(scenarios: readonly ScenarioSummary[]): string {
  const width = Math.max(...scenarios.map((s) => s.id.length), 8);
  return [
    'Usage: npm run mock-server -- [--port 4010] [--scenario <id>] [--revision <date>] [--host 127.0.0.1]',
    '',
    "Serves the simulator's mock ToolHive MCP server and authorization server over HTTP.",
    '',
    'Options:',
    `  --port <n>       port to listen on (default ${DEFAULT_PORT}; 0 picks a free port)`,
    `  --host <addr>    address to bind (default ${DEFAULT_HOST})`,
    `  --scenario <id>  scenario to configure the servers with (default ${DEFAULT_SCENARIO})`,
    `  --revision <r>   MCP spec revision to follow: ${SPEC_REVISIONS.join(' or ')} (default ${DEFAULT_REVISION})`,
    '  --help           show this text',
    '',
    'Scenarios:',
    ...scenarios.map(
      (s) =>
        `  ${s.id.padEnd(width)}  ${s.title}${s.liveNote ? ` (live: ${s.liveNote})` : ''}`,
    ),
  ].join('\n');
}
