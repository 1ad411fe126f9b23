/**
 * Compares a documentation example with the simulator's output. The
 * normalisation is deliberately small, and documented here in full:
 *
 * 1. Line endings become `\n`.
 * 2. Trailing white space on each line is removed.
 * 3. Leading and trailing blank lines are removed.
 *
 * Nothing else is forgiven: header order, casing, spacing inside lines, JSON
 * key order and every value must match.
 */

export function normalise(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/^\n+/, '')
    .replace(/\n+$/, '');
}

export interface Comparison {
  equal: boolean;
  /** A unified-style line diff (`-` the example, `+` the simulator), or ''. */
  diff: string;
}

/** Line diff based on the longest common subsequence of lines. */
export function lineDiff(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const rows = a.length + 1;
  const cols = b.length + 1;
  const lcs: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => lcs[i * cols + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lcs[i * cols + j] =
        a[i] === b[j]
          ? at(i + 1, j + 1) + 1
          : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i += 1;
      j += 1;
    } else if (
      i < a.length &&
      (j === b.length || at(i + 1, j) >= at(i, j + 1))
    ) {
      out.push(`- ${a[i]}`);
      i += 1;
    } else {
      out.push(`+ ${b[j]}`);
      j += 1;
    }
  }
  return out.join('\n');
}

export function compareExample(example: string, simulator: string): Comparison {
  const expected = normalise(example);
  const actual = normalise(simulator);
  if (expected === actual) return { equal: true, diff: '' };
  return { equal: false, diff: lineDiff(expected, actual) };
}
