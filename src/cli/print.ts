/**
 * What the command-line client prints: each HTTP exchange in the text form
 * the simulator shows (the same formatting functions), each step's outcome,
 * or the same facts as one JSON object per line.
 */
import type {
  RecordedRequest,
  RecordedResponse,
} from '../simulator/engine/types';
import {
  formatBody,
  headerValue,
  requestHead,
  responseHead,
} from '../simulator/format/http-text';

export interface CliExchange {
  /** The simulator step that runs the same client method. */
  stepId: string;
  /** Real time the answer arrived (ISO 8601). */
  at: string;
  request: RecordedRequest;
  response: RecordedResponse;
}

function headAndBody(
  head: string,
  body: string | null,
  headers: RecordedRequest['headers'],
): string {
  const text = formatBody(body, headerValue(headers, 'content-type')).text;
  return text === '' ? head : `${head}\n\n${text}`;
}

/** The request and the response, as the simulator's exchange view shows them. */
function exchangeText(x: CliExchange): string {
  return [
    headAndBody(requestHead(x.request), x.request.body, x.request.headers),
    headAndBody(responseHead(x.response), x.response.body, x.response.headers),
  ].join('\n\n');
}

export interface Printer {
  step(stepId: string): void;
  exchange(x: CliExchange): void;
  outcome(stepId: string, outcome: string): void;
  done(summary: Record<string, unknown>): void;
  failure(stepId: string | null, message: string): void;
}

export function textPrinter(
  out: (s: string) => void,
  err: (s: string) => void,
): Printer {
  return {
    step: (stepId) => out(`\n=== ${stepId} ===\n`),
    exchange: (x) => out(`\n${exchangeText(x)}\n`),
    outcome: (_stepId, outcome) => out(`\n-> ${outcome}\n`),
    done: (summary) =>
      out(
        `\n${Object.entries(summary)
          .map(
            ([k, v]) =>
              `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`,
          )
          .join('\n')}\n`,
      ),
    failure: (stepId, message) =>
      err(`client: ${stepId ? `${stepId}: ` : ''}${message}\n`),
  };
}

export function jsonPrinter(
  out: (s: string) => void,
  err: (s: string) => void,
): Printer {
  const line = (o: unknown) => out(`${JSON.stringify(o)}\n`);
  return {
    step: (stepId) => line({ type: 'step', stepId }),
    exchange: (x) => line({ type: 'exchange', ...x }),
    outcome: (stepId, outcome) => line({ type: 'outcome', stepId, outcome }),
    done: (summary) => line({ type: 'done', ...summary }),
    failure: (stepId, message) => {
      line({ type: 'error', stepId, message });
      err(`client: ${stepId ? `${stepId}: ` : ''}${message}\n`);
    },
  };
}
