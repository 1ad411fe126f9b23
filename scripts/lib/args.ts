/** Command-line options for the scripts and benches, via node:util parseArgs. */
import { parseArgs } from 'node:util';

type Defaults = Record<string, string | boolean>;
type Values<T extends Defaults> = {
  [K in keyof T]: T[K] extends boolean ? boolean : string;
};

/**
 * Parses the options named in `defaults`: `--name value` (or `--name=value`)
 * for a string default, a bare `--name` flag for a boolean one. An absent
 * option keeps its default. Throws on an unknown option, a positional argument
 * or a missing value.
 */
export function parseOptions<const T extends Defaults>(
  defaults: T,
  argv: readonly string[],
): Values<T> {
  const options = Object.fromEntries(
    Object.entries(defaults).map(([name, fallback]) => [
      name,
      typeof fallback === 'boolean'
        ? { type: 'boolean' as const, default: fallback }
        : { type: 'string' as const, default: fallback },
    ]),
  );
  const { values } = parseArgs({ args: [...argv], options, strict: true });
  return values as Values<T>;
}

/** parseOptions over this process's arguments; a bad one ends it with exit code 2. */
export function options<const T extends Defaults>(defaults: T): Values<T> {
  try {
    return parseOptions(defaults, process.argv.slice(2));
  } catch (error) {
    const known = Object.keys(defaults)
      .map((name) => `--${name}`)
      .join(', ');
    console.error(
      `${error instanceof Error ? error.message : String(error)} (options: ${known})`,
    );
    process.exit(2);
  }
}
