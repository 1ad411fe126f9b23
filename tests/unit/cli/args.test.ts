import { describe, expect, it } from 'vitest';
import { DEFAULT_REDIRECT_URI, parseCli } from '../../../src/cli/args';
import { DEFAULT_URLS } from '../../../src/simulator';

describe('client command line', () => {
  it('takes the server URL and the flags', () => {
    const r = parseCli([
      '--',
      'http://127.0.0.1:4010/mcp',
      '--call',
      'echo',
      '--args',
      '{"text":"hi"}',
      '--client-metadata-url',
      'https://app.example.com/c.json',
      '--json',
    ]);
    expect(r).toMatchObject({
      kind: 'run',
      options: {
        mcpUrl: 'http://127.0.0.1:4010/mcp',
        json: true,
        toolCall: { name: 'echo', arguments: { text: 'hi' } },
        clientMetadataUrl: 'https://app.example.com/c.json',
        clientId: null,
        redirectUri: DEFAULT_REDIRECT_URI,
        waitSeconds: 300,
      },
    });
  });

  it('uses the simulator client redirect URI by default', () => {
    expect(DEFAULT_REDIRECT_URI).toBe(DEFAULT_URLS.redirectUri);
  });

  it('reads pre-registered credentials from MCP_CONFORMANCE_CONTEXT, flags first', () => {
    const env = {
      MCP_CONFORMANCE_CONTEXT: JSON.stringify({
        name: 'auth/pre-registration',
        client_id: 'pre-registered-client',
        client_secret: 'pre-registered-secret',
      }),
    };
    expect(parseCli(['http://localhost:1/mcp'], env)).toMatchObject({
      options: {
        clientId: 'pre-registered-client',
        clientSecret: 'pre-registered-secret',
      },
    });
    expect(
      parseCli(['http://localhost:1/mcp', '--client-id', 'mine'], env),
    ).toMatchObject({ options: { clientId: 'mine', clientSecret: null } });
  });

  it('takes --revision, 2025-11-25 by default, and refuses other values', () => {
    expect(parseCli(['http://localhost:1/mcp'])).toMatchObject({
      options: { revision: '2025-11-25' },
    });
    expect(
      parseCli(['http://localhost:1/mcp', '--revision', '2026-07-28']),
    ).toMatchObject({ options: { revision: '2026-07-28' } });
    const bad = parseCli([
      'http://localhost:1/mcp',
      '--revision',
      '2025-06-18',
    ]);
    expect(bad).toMatchObject({
      kind: 'error',
      message: /--revision must be 2025-11-25 or 2026-07-28, not 2025-06-18/,
    });
  });

  it('says what is wrong in one line', () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /give the MCP server URL/],
      [['a', 'b'], /one MCP server URL/],
      [['ftp://x/mcp'], /must be http or https/],
      [['not a url'], /is not a URL/],
      [['http://x/mcp', '--bogus'], /Unknown option/],
      [['http://x/mcp', '--args', '[1]'], /JSON object/],
      [['http://x/mcp', '--wait', '0'], /--wait/],
    ];
    for (const [argv, message] of cases) {
      const r = parseCli(argv);
      expect(r.kind).toBe('error');
      if (r.kind === 'error') {
        expect(r.message).toMatch(message);
        expect(r.message).not.toContain('\n');
      }
    }
    expect(parseCli(['x'], { MCP_CONFORMANCE_CONTEXT: '{' })).toMatchObject({
      kind: 'error',
      message: /not JSON/,
    });
    expect(parseCli(['--help'])).toEqual({ kind: 'help' });
  });
});
