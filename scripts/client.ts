/**
 * `npm run client -- <mcp-server-url> [options]`: the simulator's MCP client
 * against a real MCP server. See README, "Command-line MCP client".
 */
import { HELP, parseCli } from '../src/cli/args';
import { jsonPrinter, textPrinter } from '../src/cli/print';
import { runClient } from '../src/cli/run';

async function main(): Promise<number> {
  const parsed = parseCli(process.argv.slice(2), process.env);
  if (parsed.kind === 'help') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`client: ${parsed.message}\n`);
    return 2;
  }
  const out = (s: string) => process.stdout.write(s);
  const err = (s: string) => process.stderr.write(s);
  const { code } = await runClient(parsed.options, {
    fetch: (request) => fetch(request),
    printer: parsed.options.json
      ? jsonPrinter(out, err)
      : textPrinter(out, err),
    tell: (line) => process.stderr.write(`${line}\n`),
  });
  return code;
}

void main().then((code) => {
  process.exitCode = code;
});
