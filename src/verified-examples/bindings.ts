/**
 * Reads the verified-example bindings out of an MDX page. A binding is a
 * `<VerifiedExample>` element with one fenced code block inside:
 *
 *   <VerifiedExample scenario="happy-path" step="probe" part="response-full">
 *
 *   ```http title="401 challenge from ToolHive"
 *   HTTP/1.1 401 Unauthorized
 *   ...
 *   ```
 *
 *   </VerifiedExample>
 *
 * An example whose text depends on the MCP spec revision names it with
 * `revision="2026-07-28"`; without the attribute it is 2025-11-25.
 *
 * Framework-free, so the Node checks, the sync script and the Playwright
 * test all read bindings the same way.
 */

import {
  DEFAULT_REVISION,
  SPEC_REVISIONS,
  isSpecRevision,
  type SpecRevision,
} from '../simulator/engine/types';

const EXAMPLE_PARTS = [
  'request',
  'request-body',
  'request-full',
  'request-url',
  'response',
  'response-body',
  'response-full',
  'token-header',
  'token-claims',
  'cedar-policy',
] as const;

export type ExamplePart = (typeof EXAMPLE_PARTS)[number];

export interface ExampleBinding {
  /** The code block's title, which names the example in failure messages. */
  title: string;
  scenario: string;
  step: string;
  /** The spec revision the simulator runs under for this example. */
  revision: SpecRevision;
  /**
   * Optional: only exchanges whose `METHOD URL` starts with this text count,
   * so a binding survives other requests being added to the step.
   */
  request?: string;
  /** Which exchange of the step (0-based, among matches), or which token. */
  index: number;
  part: ExamplePart;
  /** The code block's text as written on the page. */
  text: string;
  /** 1-based line of the `<VerifiedExample` tag in the file. */
  line: number;
  /** Offsets of the code block's body in the file, for rewriting it. */
  bodyStart: number;
  bodyEnd: number;
}

const ELEMENT = /<VerifiedExample\b([^>]*)>([\s\S]*?)<\/VerifiedExample>/g;
const FENCE = /(^|\n)(`{3,})([^\n]*)\n([\s\S]*?)\n\2[ \t]*(?=\n|$)/;

function attribute(attrs: string, name: string): string | undefined {
  const quoted = new RegExp(`\\b${name}="([^"]*)"`).exec(attrs);
  if (quoted) return quoted[1];
  const braced = new RegExp(`\\b${name}=\\{([^}]*)\\}`).exec(attrs);
  return braced?.[1]?.trim();
}

export class BindingError extends Error {
  constructor(message: string, line: number) {
    super(`line ${line}: ${message}`);
    this.name = 'BindingError';
  }
}

export function parseBindings(source: string): ExampleBinding[] {
  const bindings: ExampleBinding[] = [];
  for (const match of source.matchAll(ELEMENT)) {
    const start = match.index ?? 0;
    const line = source.slice(0, start).split('\n').length;
    const attrs = match[1] ?? '';
    const inner = match[2] ?? '';
    const scenario = attribute(attrs, 'scenario');
    const step = attribute(attrs, 'step');
    const part = attribute(attrs, 'part');
    const index = Number(attribute(attrs, 'index') ?? '0');
    const request = attribute(attrs, 'request');
    const revision = attribute(attrs, 'revision') ?? DEFAULT_REVISION;
    if (!scenario || !step || !part) {
      throw new BindingError(
        '<VerifiedExample> needs scenario, step and part attributes',
        line,
      );
    }
    if (!(EXAMPLE_PARTS as readonly string[]).includes(part)) {
      throw new BindingError(
        `unknown part "${part}" (use one of ${EXAMPLE_PARTS.join(', ')})`,
        line,
      );
    }
    if (!isSpecRevision(revision)) {
      throw new BindingError(
        `unknown revision "${revision}" (use one of ${SPEC_REVISIONS.join(', ')})`,
        line,
      );
    }
    if (!Number.isInteger(index) || index < 0) {
      throw new BindingError(
        `index must be a whole number, got "${attribute(attrs, 'index')}"`,
        line,
      );
    }
    const fence = FENCE.exec(inner);
    if (!fence)
      throw new BindingError(
        '<VerifiedExample> must contain one fenced code block',
        line,
      );
    const meta = fence[3] ?? '';
    const title =
      /title="([^"]*)"/.exec(meta)?.[1] ?? `${scenario}/${step}/${part}`;
    const innerStart = start + match[0].indexOf(inner);
    const bodyStart =
      innerStart +
      (fence.index ?? 0) +
      (fence[1] ?? '').length +
      (fence[2] ?? '').length +
      meta.length +
      1;
    const text = fence[4] ?? '';
    bindings.push({
      title,
      scenario,
      step,
      revision,
      index,
      ...(request ? { request } : {}),
      part: part as ExamplePart,
      text,
      line,
      bodyStart,
      bodyEnd: bodyStart + text.length,
    });
  }
  return bindings;
}
