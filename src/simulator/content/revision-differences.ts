/**
 * What the other spec revision does differently at a step, as data for the
 * UI: one sentence each way and the 2026-07-28 anchor that makes the change.
 * Only steps whose behaviour differs between the revisions have an entry;
 * the UI marks those steps in the step list.
 */
import type { RefId } from '../engine/references';
import type { SpecRevision } from '../engine/types';
import type { StepId } from '../scenarios/steps';

export interface RevisionDifference {
  /** Shown under 2025-11-25: what a 2026-07-28 client does here instead. */
  newer: string;
  /** Shown under 2026-07-28: what a 2025-11-25 client does here instead. */
  older: string;
  /** The 2026-07-28 section that makes the change. */
  refId: RefId;
}

export const REVISION_DIFFERENCES: Readonly<
  Partial<Record<StepId, RevisionDifference>>
> = {
  probe_unauthenticated: {
    newer:
      'Under 2026-07-28 the first request is server/discover with the protocol version and capabilities in _meta, because there is no initialize handshake.',
    older:
      'Under 2025-11-25 the first request is initialize, the handshake that opens a session.',
    refId: 'next-changelog',
  },
  register_client: {
    newer:
      'Under 2026-07-28 the client reuses kept credentials only with the issuer that issued them, treats DCR as the deprecated fallback to CIMD, and sends application_type in DCR.',
    older:
      'Under 2025-11-25 the client reuses kept credentials with whatever authorization server PRM names, and DCR carries no application_type.',
    refId: 'next-as-binding',
  },
  authorize: {
    newer:
      'Under 2026-07-28 the client records the issuer with the PKCE verifier and checks the iss in the response by exact match before it reads anything else.',
    older:
      'Under 2025-11-25 the client does not record the issuer and ignores any iss in the authorization response.',
    refId: 'next-auth-response-validation',
  },
  step_up_authorize: {
    newer:
      'Under 2026-07-28 the client asks for the union of the scopes it already requested and the challenged ones.',
    older:
      'Under 2025-11-25 the client asks for the challenged scope, as the scope selection strategy makes it authoritative.',
    refId: 'next-step-up',
  },
  call_initialize: {
    newer:
      'Under 2026-07-28 the client sends server/discover instead of initialize and keeps no session; ToolHive v0.44 fronts 2025-11-25 servers, so here the client falls back to initialize.',
    older:
      'Under 2025-11-25 the client sends initialize and the initialized notification, then sends the Mcp-Session-Id on every request.',
    refId: 'next-changelog',
  },
};

/**
 * The sentence to show at a step while the simulator runs `current`: what
 * the other revision does differently, with its anchor; null when the step
 * is the same under both.
 */
export function revisionDifference(
  stepId: StepId,
  current: SpecRevision,
): { sentence: string; refId: RefId } | null {
  const d = REVISION_DIFFERENCES[stepId];
  if (!d) return null;
  return {
    sentence: current === '2026-07-28' ? d.older : d.newer,
    refId: d.refId,
  };
}
