/**
 * `npm run mock-server -- [--port 4010] [--scenario <id>] [--revision <r>] [--host 127.0.0.1]`
 *
 * Serves the simulator's mock ToolHive MCP server and authorization server on
 * a local port for real MCP clients. See README, "Local mock server".
 */
import { helpText, parseArgs } from '../src/mock-server/args';
import { createMockServer, MockServerError } from '../src/mock-server/server';
import { LIVE_SCENARIOS } from '../src/mock-server/world';

async function main(): Promise<number> {
  const args = parseArgs(
    process.argv.slice(2),
    LIVE_SCENARIOS.map((s) => s.id),
  );
  if (args.kind === 'help') {
    process.stdout.write(`${helpText(LIVE_SCENARIOS)}\n`);
    return 0;
  }
  if (args.kind === 'error') {
    process.stderr.write(`mock-server: ${args.message}\n`);
    return 2;
  }
  let server;
  try {
    server = await createMockServer({
      port: args.port,
      host: args.host,
      scenario: args.scenario,
      ...(args.revision ? { revision: args.revision } : {}),
      log: (line) => process.stderr.write(`${line}\n`),
    });
  } catch (e) {
    const message =
      e instanceof MockServerError || e instanceof Error
        ? e.message
        : String(e);
    process.stderr.write(`mock-server: ${message}\n`);
    return 2;
  }
  const scenario = server.scenario;
  process.stdout.write(
    [
      `MCP server: ${server.mcpUrl}`,
      `Authorization server (issuer): ${server.issuer}`,
      `Scenario: ${scenario.id} (${scenario.title})${scenario.liveNote ? `: ${scenario.liveNote}` : ''}`,
      `MCP spec revision: ${server.revision}`,
      `Control: ${server.url}/__control/{clock,rotate-keys,log,reset,state}`,
      '',
    ].join('\n'),
  );
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

void main().then((code) => {
  if (code >= 0) process.exit(code);
});
