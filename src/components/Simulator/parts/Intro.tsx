import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import type { BackendMode, TransportKind } from '../engine-port';
import {
  TRANSPORT_NOTE,
  WHO_IS_WHO,
} from '@site/src/simulator/content/outcomes';
import { TERMINOLOGY_LINK } from '@site/src/simulator/content/concept-links';
import { MODE_NAMES } from './BackendReceived';
import layout from '../layout.module.css';
import outcome from '../outcome.module.css';

export interface IntroProps {
  transport: { kind: TransportKind; reason?: string };
  /** Set when the reader changed the scenario's setup. */
  modified: {
    policy: boolean;
    mode: BackendMode | null;
    onRestore: () => void;
  } | null;
}

/** Who is who, where the servers run, and whether the setup was changed. */
export default function Intro({ transport, modified }: IntroProps): ReactNode {
  return (
    <>
      <p className={outcome.whoIsWho} data-testid="sim-who-is-who">
        {WHO_IS_WHO}{' '}
        <Link to={`${TERMINOLOGY_LINK.path}#${TERMINOLOGY_LINK.anchor}`}>
          {TERMINOLOGY_LINK.label}
        </Link>
      </p>
      <p className={layout.notice} data-testid="sim-transport">
        {transport.kind === 'service-worker'
          ? TRANSPORT_NOTE.worker
          : TRANSPORT_NOTE.inPage(transport.reason ?? '')}
      </p>
      {modified && (
        <p className={layout.notice} role="note" data-testid="sim-modified">
          <strong>Modified setup:</strong> this run uses{' '}
          {[
            modified.policy ? 'a Cedar policy you edited' : '',
            modified.mode ? `backend mode ${MODE_NAMES[modified.mode]}` : '',
          ]
            .filter(Boolean)
            .join(' and ')}
          , not the scenario&apos;s own setup.{' '}
          <button
            type="button"
            className={outcome.linkButton}
            onClick={modified.onRestore}
          >
            Restore the scenario&apos;s setup
          </button>
        </p>
      )}
    </>
  );
}
