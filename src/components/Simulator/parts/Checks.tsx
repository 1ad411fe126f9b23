import type { ReactNode } from 'react';
import type { CheckVerdict } from '../engine-port';
import StatusText from './StatusText';
import styles from '../styles.module.css';

/** Reader-facing names of the engine's check ids. */
const CHECK_LABELS: Readonly<Record<string, string>> = {
  'auth-header': 'Authorization header',
  'jwt-parse': 'Parses as a JWT',
  introspection: 'Introspection (not a JWT)',
  alg: 'Algorithm allowed',
  kid: 'kid present',
  'jwks-key': 'Key found in JWKS cache',
  signature: 'Signature',
  exp: 'Not expired (exp)',
  nbf: 'Already valid (nbf)',
  iss: 'Issuer (iss)',
  aud: 'Audience (aud)',
  sub: 'Subject (sub)',
  cedar: 'Cedar policy',
  'prm-resource': 'PRM resource matches',
  'as-issuer': 'AS issuer matches',
  'pkce-s256-advertised': 'S256 advertised',
  'callback-state': 'Callback state',
  'client-id': 'Client known',
  'redirect-uri': 'Redirect URI exact',
  'pkce-challenge': 'PKCE challenge (S256)',
  'resource-indicator': 'Resource allowed',
  'code-single-use': 'Code unused',
  'pkce-verifier': 'PKCE verifier',
};

export interface ChecksProps {
  checks: readonly CheckVerdict[];
  /** Heading text, for example "ToolHive's checks". */
  title: string;
  headingLevel?: 3 | 4;
}

export default function Checks({
  checks,
  title,
  headingLevel = 3,
}: ChecksProps): ReactNode {
  if (checks.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-label={title}>
      <Heading className={styles.panelTitle}>{title}</Heading>
      <ul className={styles.checks}>
        {checks.map((check, i) => (
          <li
            key={`${check.id}-${i}`}
            className={styles.check}
            data-check-id={check.id}
            data-check-status={check.status}
          >
            <span className={styles.checkId} title={check.id}>
              {CHECK_LABELS[check.id] ?? check.id}
            </span>
            <StatusText status={check.status} />
            <span className={styles.checkDetail}>{check.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
