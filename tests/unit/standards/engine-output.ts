/**
 * Every exchange of every scenario, run through the engine the way the
 * simulator tests run it, so the standards tests see the engine's real output.
 */
import {
  createSimulation,
  listScenarios,
  type Exchange,
  type StepRecord,
} from '../../../src/simulator';

export interface Observed {
  scenarioId: string;
  record: StepRecord;
  exchange: Exchange;
}

let all: Promise<Observed[]> | undefined;

export function engineExchanges(): Promise<Observed[]> {
  all ??= (async () => {
    const out: Observed[] = [];
    for (const scenario of listScenarios()) {
      const transcript = await createSimulation({
        scenarioId: scenario.id,
      }).runToEnd();
      for (const record of transcript.records)
        for (const exchange of record.exchanges)
          out.push({ scenarioId: scenario.id, record, exchange });
    }
    return out;
  })();
  return all;
}

export function header(
  headers: ReadonlyArray<readonly [string, string]>,
  name: string,
): string | undefined {
  return headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

/** 200 JSON answers to GETs whose path starts with `/.well-known/<suffix>`. */
export async function wellKnownDocuments(
  suffix: string,
): Promise<Array<Observed & { url: string; doc: unknown }>> {
  return (await engineExchanges())
    .filter(
      ({ exchange: { request, response } }) =>
        request.method === 'GET' &&
        response.status === 200 &&
        new URL(request.url).pathname.startsWith(`/.well-known/${suffix}`),
    )
    .map((o) => ({
      ...o,
      url: o.exchange.request.url,
      doc: JSON.parse(o.exchange.response.body ?? 'null') as unknown,
    }));
}
