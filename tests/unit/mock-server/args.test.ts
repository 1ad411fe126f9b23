/** `npm run mock-server` options: parsed by node:util parseArgs, same messages as before. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_SCENARIO,
  parseArgs,
} from '../../../src/mock-server/args';

const IDS = ['happy-path', 'cimd'];
const parse = (...argv: string[]) => parseArgs(argv, IDS);

describe('mock-server parseArgs', () => {
  it('uses the defaults with no options', () => {
    expect(parse()).toEqual({
      kind: 'run',
      port: DEFAULT_PORT,
      host: DEFAULT_HOST,
      scenario: DEFAULT_SCENARIO,
    });
  });

  it('reads --x value and --x=value, skipping a bare --', () => {
    expect(
      parse('--', '--port', '0', '--host=0.0.0.0', '--scenario=cimd'),
    ).toEqual({ kind: 'run', port: 0, host: '0.0.0.0', scenario: 'cimd' });
  });

  it('reads --revision, and leaves it out when not given', () => {
    expect(parse('--revision', '2026-07-28')).toEqual({
      kind: 'run',
      port: DEFAULT_PORT,
      host: DEFAULT_HOST,
      scenario: DEFAULT_SCENARIO,
      revision: '2026-07-28',
    });
    expect(parse('--revision=2025-11-25')).toMatchObject({
      revision: '2025-11-25',
    });
    expect(parse()).not.toHaveProperty('revision');
  });

  it('the last of a repeated option wins', () => {
    expect(parse('--port', '1', '--port', '2')).toMatchObject({ port: 2 });
  });

  it('--help and -h ask for the help text', () => {
    expect(parse('--help')).toEqual({ kind: 'help' });
    expect(parse('--port', '1', '-h')).toEqual({ kind: 'help' });
  });

  it.each([
    [['--foo'], 'unknown option --foo (try --help)'],
    [['--foo=1'], 'unknown option --foo=1 (try --help)'],
    [['-p', '3'], 'unknown option -p (try --help)'],
    [['extra'], 'unknown option extra (try --help)'],
    [['--port=4010', 'extra'], 'unknown option extra (try --help)'],
    [['--help=yes'], 'unknown option --help=yes (try --help)'],
    [['--port'], '--port needs a value'],
    [['--scenario='], '--scenario needs a value'],
    [['--port', 'abc'], 'invalid port abc'],
    [['--port', '70000'], 'invalid port 70000'],
    [['--port', '--host', 'x'], 'invalid port --host'],
    [['--scenario', 'nope'], 'unknown scenario nope (known: happy-path, cimd)'],
    [
      ['--revision', 'latest'],
      'unknown revision latest (known: 2025-11-25, 2026-07-28)',
    ],
    [['--revision='], '--revision needs a value'],
  ])('%j is the error "%s"', (argv, message) => {
    expect(parse(...argv)).toEqual({ kind: 'error', message });
  });

  it('reports the first problem: an unknown option before --help wins', () => {
    expect(parse('--foo', '--help')).toMatchObject({ kind: 'error' });
    expect(parse('--help', '--foo')).toEqual({ kind: 'help' });
  });
});
