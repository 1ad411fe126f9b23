/**
 * Records every HTTP exchange the handlers answer. Ids are assigned when a
 * request arrives, so nested server-to-server calls keep their real order.
 */
import type {
  ActorId,
  Exchange,
  HeaderList,
  RecordedRequest,
  RecordedResponse,
} from './types';

function headerList(headers: Headers): HeaderList {
  const out: Array<readonly [string, string]> = [];
  headers.forEach((value, name) =>
    out.push([name.toLowerCase(), value] as const),
  );
  return out;
}

/**
 * Headers that a browser adds by itself to a page's `fetch()` through the
 * service worker (Chromium adds `accept-language`, for example). The
 * simulated MCP client never sets them and a Node client would not send
 * them, so they are left out of the record: the transcript is then the same
 * through the service worker, the in-page fallback and Node.
 */
const BROWSER_ADDED =
  /^(accept-language|user-agent|referer|origin|dnt|sec-.*)$/;

function requestHeaderList(headers: Headers): HeaderList {
  return headerList(headers).filter(([name]) => !BROWSER_ADDED.test(name));
}

export async function recordRequest(
  request: Request,
): Promise<RecordedRequest> {
  const body =
    request.method === 'GET' || request.method === 'HEAD'
      ? null
      : await request.clone().text();
  return {
    method: request.method,
    url: request.url,
    headers: requestHeaderList(request.headers),
    body: body === '' ? null : body,
  };
}

export async function recordResponse(
  response: Response,
): Promise<RecordedResponse> {
  const body = response.body === null ? null : await response.clone().text();
  return {
    status: response.status,
    statusText: response.statusText,
    headers: headerList(response.headers),
    body: body === '' ? null : body,
  };
}

export class ExchangeRecorder {
  #seq = 0;
  #exchanges: Array<Exchange & { seq: number }> = [];
  /** Listeners (for example a UI traffic panel). */
  #listeners = new Set<(exchange: Exchange) => void>();
  #dropped = 0;

  /**
   * @param limit how many exchanges to keep, oldest dropped first. The
   *   simulator keeps them all; a long-running server (the local mock
   *   server) passes a bound so its memory stays flat.
   */
  constructor(readonly limit = Number.POSITIVE_INFINITY) {}

  /** Exchanges dropped because the log was full. */
  get dropped(): number {
    return this.#dropped;
  }

  begin(): number {
    return ++this.#seq;
  }

  push(
    seq: number,
    stepId: string,
    actor: ActorId,
    at: string,
    request: RecordedRequest,
    response: RecordedResponse,
  ): Exchange {
    const exchange: Exchange = {
      id: `x${seq}`,
      stepId,
      actor,
      at,
      request,
      response,
    };
    const entry = { ...exchange, seq };
    const i = this.#exchanges.findIndex((e) => e.seq > seq);
    if (i < 0) this.#exchanges.push(entry);
    else this.#exchanges.splice(i, 0, entry);
    if (this.#exchanges.length > this.limit) {
      const excess = this.#exchanges.length - this.limit;
      this.#exchanges.splice(0, excess);
      this.#dropped += excess;
    }
    for (const l of this.#listeners) l(exchange);
    return exchange;
  }

  all(): Exchange[] {
    return this.#exchanges.map(({ seq: _seq, ...e }) => e);
  }

  forStep(stepId: string): Exchange[] {
    return this.all().filter((e) => e.stepId === stepId);
  }

  /** The most recent exchange for a URL (used to recover an opaque redirect's Location). */
  latestFor(url: string): Exchange | undefined {
    for (let i = this.#exchanges.length - 1; i >= 0; i--) {
      const e = this.#exchanges[i];
      if (e?.request.url === url) {
        const { seq: _seq, ...rest } = e;
        return rest;
      }
    }
    return undefined;
  }

  subscribe(listener: (exchange: Exchange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
