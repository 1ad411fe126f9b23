/** Command-line parsing for `npm run mock-server`. No dependencies. */

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
  | { kind: 'run'; port: number; host: string; scenario: string }
  | { kind: 'error'; message: string };

/** Parses `--port N`, `--host H`, `--scenario ID` (also `--x=value`) and `--help`. */
export function parseArgs(
  argv: readonly string[],
  scenarioIds: readonly string[],
): ParsedArgs {
  let port = DEFAULT_PORT;
  let host = DEFAULT_HOST;
  let scenario = DEFAULT_SCENARIO;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') continue;
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name !== '--port' && name !== '--host' && name !== '--scenario') {
      return { kind: 'error', message: `unknown option ${arg} (try --help)` };
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') {
      return { kind: 'error', message: `${name} needs a value` };
    }
    if (name === '--port') {
      if (!/^\d+$/.test(value) || Number(value) > 65535) {
        return { kind: 'error', message: `invalid port ${value}` };
      }
      port = Number(value);
    } else if (name === '--host') {
      host = value;
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
  return { kind: 'run', port, host, scenario };
}

/** The `--help` text: usage, options, then one line per scenario. */
export function helpText(scenarios: readonly ScenarioSummary[]): string {
  const width = Math.max(...scenarios.map((s) => s.id.length), 8);
  return [
    'Usage: npm run mock-server -- [--port 4010] [--scenario <id>] [--host 127.0.0.1]',
    '',
    "Serves the simulator's mock ToolHive MCP server and authorization server over HTTP.",
    '',
    'Options:',
    `  --port <n>       port to listen on (default ${DEFAULT_PORT}; 0 picks a free port)`,
    `  --host <addr>    address to bind (default ${DEFAULT_HOST})`,
    `  --scenario <id>  scenario to configure the servers with (default ${DEFAULT_SCENARIO})`,
    '  --help           show this text',
    '',
    'Scenarios:',
    ...scenarios.map(
      (s) =>
        `  ${s.id.padEnd(width)}  ${s.title}${s.liveNote ? ` (live: ${s.liveNote})` : ''}`,
    ),
  ].join('\n');
}
