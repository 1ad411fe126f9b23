/**
 * Lays out a sequence diagram of the exchanges a run actually made: one lane
 * per party that took part, one arrow per exchange, numbered like the
 * exchange log. Pure: the React part only draws what this returns.
 *
 * The engine records who answered each exchange, not who sent it; the sender
 * is inferred from the flow (see `senderOf`).
 */
import type { ActorId, Exchange } from '../../../simulator/engine/types';
import type { StepRecord } from '../../../simulator/scenarios/records';

const LANE_ORDER: readonly ActorId[] = [
  'client',
  'user-agent',
  'toolhive',
  'authorization-server',
  'idp',
  'client-metadata-host',
  'other-mcp',
  'backend',
];

export const LANE_NAMES: Readonly<Record<ActorId, string>> = {
  client: 'MCP client',
  'user-agent': 'Browser',
  toolhive: 'ToolHive',
  'authorization-server': 'Authorization server',
  idp: 'Identity provider',
  'client-metadata-host': 'Client metadata host',
  'other-mcp': 'Other MCP server',
  backend: 'MCP server (backend)',
};

/**
 * Who sent an exchange. ToolHive calls the backend and, while it handles a
 * request, the authorization server (discovery, JWKS, introspection, token
 * exchange); the authorization server calls the identity provider's token
 * endpoint and fetches client metadata documents; authorize and callback
 * URLs are opened in the browser; everything else is the MCP client.
 */
function senderOf(x: Exchange, earlierInStep: readonly Exchange[]): ActorId {
  const path = new URL(x.request.url).pathname;
  switch (x.actor) {
    case 'toolhive':
    case 'other-mcp':
      return 'client';
    case 'backend':
      return 'toolhive';
    case 'client-metadata-host':
      return 'authorization-server';
    case 'idp':
      return x.request.method === 'GET' ? 'user-agent' : 'authorization-server';
    default:
      break;
  }
  if (x.request.method === 'GET' && /\/(authorize|callback)$/.test(path)) {
    return 'user-agent';
  }
  const duringToolHive = earlierInStep.some(
    (e) =>
      e.actor === 'toolhive' &&
      e.request.headers.some(([n]) => n === 'authorization'),
  );
  return duringToolHive ? 'toolhive' : 'client';
}

/** Long paths are cut so a label stays near its arrow. */
function shortPath(path: string): string {
  return path.length > 28 ? `${path.slice(0, 26)}…` : path;
}

type ArrowLook = 'ok' | 'error' | 'failed';

export interface Arrow {
  exchangeId: string;
  number: string;
  stepIndex: number;
  from: ActorId;
  to: ActorId;
  /** `POST /token`. */
  label: string;
  status: number;
  look: ArrowLook;
}

interface StepBand {
  stepIndex: number;
  title: string;
  /** The step's result, which names the branch taken (for example DCR). */
  outcome: string;
  firstRow: number;
}

export interface RunLayout {
  lanes: ActorId[];
  arrows: Arrow[];
  bands: StepBand[];
}

export function layoutRun(
  records: readonly StepRecord[],
  titles: readonly string[],
): RunLayout {
  const arrows: Arrow[] = [];
  const bands: StepBand[] = [];
  const used = new Set<ActorId>(['client']);
  records.forEach((r, stepIndex) => {
    bands.push({
      stepIndex,
      title: titles[stepIndex] ?? r.stepId,
      outcome: r.outcome,
      firstRow: arrows.length,
    });
    const last = r.exchanges[r.exchanges.length - 1];
    r.exchanges.forEach((x, i) => {
      const from = senderOf(x, r.exchanges.slice(0, i));
      used.add(from);
      used.add(x.actor);
      const u = new URL(x.request.url);
      const status = x.response.status;
      const failedHere =
        r.status === 'failed' &&
        (status >= 400 || (status >= 300 && x === last));
      arrows.push({
        exchangeId: x.id,
        number: x.id.replace(/^x/, ''),
        stepIndex,
        from,
        to: x.actor,
        label: `${x.request.method} ${shortPath(u.pathname)}`,
        status,
        look: failedHere ? 'failed' : status >= 400 ? 'error' : 'ok',
      });
    });
  });
  return {
    lanes: LANE_ORDER.filter((l) => used.has(l)),
    arrows,
    bands,
  };
}
