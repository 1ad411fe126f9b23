/**
 * The text of one part of a recorded step, exactly as the simulator UI shows
 * it (the same formatting functions), for comparing with a doc example.
 */
import type { StepRecord } from '../simulator/scenarios/records';
import {
  jsonText,
  requestBody,
  requestHead,
  responseBody,
  responseHead,
} from '../simulator/format/http-text';
import type { ExampleBinding } from './bindings';

function joinHeadAndBody(head: string, body: string): string {
  return body === '' ? head : `${head}\n\n${body}`;
}

class MissingPartError extends Error {
  constructor(
    binding: Pick<
      ExampleBinding,
      'scenario' | 'step' | 'index' | 'part' | 'request'
    >,
    why: string,
  ) {
    super(
      `${binding.scenario} / ${binding.step} / ${binding.part}[${binding.index}]: ${why}`,
    );
    this.name = 'MissingPartError';
  }
}

export function renderPart(
  records: readonly StepRecord[],
  binding: Pick<
    ExampleBinding,
    'scenario' | 'step' | 'index' | 'part' | 'request'
  >,
  policy = '',
): string {
  // The Cedar policy the scenario ran with, as the simulator's editor shows it.
  if (binding.part === 'cedar-policy') return policy;
  const record = records.find((r) => r.stepId === binding.step);
  if (!record)
    throw new MissingPartError(
      binding,
      'the step did not run in this scenario',
    );
  if (binding.part === 'token-header' || binding.part === 'token-claims') {
    const token = record.tokens[binding.index];
    if (!token)
      throw new MissingPartError(
        binding,
        `the step has ${record.tokens.length} tokens`,
      );
    return jsonText(
      binding.part === 'token-header' ? token.header : token.claims,
    );
  }
  const candidates = binding.request
    ? record.exchanges.filter((x) =>
        `${x.request.method} ${x.request.url}`.startsWith(
          binding.request ?? '',
        ),
      )
    : record.exchanges;
  const exchange = candidates[binding.index];
  if (!exchange) {
    const filter = binding.request ? ` for "${binding.request}"` : '';
    throw new MissingPartError(
      binding,
      `the step has ${candidates.length} matching exchanges${filter}`,
    );
  }
  switch (binding.part) {
    case 'request':
      return requestHead(exchange.request);
    case 'request-body':
      return requestBody(exchange).text;
    case 'request-full':
      return joinHeadAndBody(
        requestHead(exchange.request),
        requestBody(exchange).text,
      );
    case 'request-url':
      return exchange.request.url;
    case 'response':
      return responseHead(exchange.response);
    case 'response-body':
      return responseBody(exchange).text;
    case 'response-full':
      return joinHeadAndBody(
        responseHead(exchange.response),
        responseBody(exchange).text,
      );
  }
}
