import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import type { ExamplePart } from '@site/src/verified-examples/bindings';
import {
  DEFAULT_REVISION,
  type SpecRevision,
} from '@site/src/simulator/engine/types';
import styles from './styles.module.css';

export interface VerifiedExampleProps {
  /** Scenario id in the simulator, for example `happy-path`. */
  scenario: string;
  /** Step id within the scenario. */
  step: string;
  /** The MCP spec revision the example follows; 2025-11-25 when left out. */
  revision?: SpecRevision;
  /** Only exchanges whose `METHOD URL` starts with this text count. */
  request?: string;
  /** Which exchange (or token) of the step, 0-based. */
  index?: number;
  /** Which part of the exchange the code block shows. */
  part: ExamplePart;
  /** Exactly one fenced code block. */
  children: ReactNode;
}

/**
 * A code block on a doc page that is bound to the simulator's output. The
 * block stays static text in the HTML; `npm test` checks, in Node and in the
 * browser, that it equals what the simulator produces for that scenario,
 * step and part (see src/verified-examples/).
 */
export default function VerifiedExample({
  scenario,
  step,
  revision = DEFAULT_REVISION,
  request,
  index = 0,
  part,
  children,
}: VerifiedExampleProps): ReactNode {
  if (!scenario || !step || !part) {
    throw new Error('<VerifiedExample> needs scenario, step and part props.');
  }
  return (
    <div
      className={styles.example}
      data-verified-example=""
      data-scenario={scenario}
      data-step={step}
      data-revision={revision}
      data-request={request}
      data-index={index}
      data-part={part}
    >
      {children}
      <p className={styles.note}>
        Output of the simulator, checked on every build.{' '}
        <Link
          to={`/simulator?scenario=${encodeURIComponent(scenario)}${
            revision === DEFAULT_REVISION ? '' : `&rev=${revision}`
          }`}
        >
          Run the <code>{scenario}</code> scenario
          {revision === DEFAULT_REVISION ? '' : ` under ${revision}`}
        </Link>
      </p>
    </div>
  );
}
