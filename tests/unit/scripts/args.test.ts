/** Options of the scripts and benches (`--dir build`, `--check`). */
import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../../scripts/lib/args';

const DEFAULTS = { dir: 'build', runs: '3', check: false };

describe('parseOptions', () => {
  it('keeps the defaults when no option is given', () => {
    expect(parseOptions(DEFAULTS, [])).toEqual(DEFAULTS);
  });

  it('reads --name value, --name=value and a bare flag', () => {
    expect(
      parseOptions(DEFAULTS, ['--dir', 'out', '--runs=5', '--check']),
    ).toEqual({
      dir: 'out',
      runs: '5',
      check: true,
    });
  });

  it.each([
    [['--dri', 'x'], "Unknown option '--dri'"],
    [['--dir'], "Option '--dir <value>' argument missing"],
    [['out'], "Unexpected argument 'out'"],
    [['--check=yes'], "Option '--check' does not take an argument"],
  ])('%j is rejected: %s', (argv, message) => {
    expect(() => parseOptions(DEFAULTS, argv)).toThrow(message);
  });
});
