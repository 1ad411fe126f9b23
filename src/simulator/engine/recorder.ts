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

function requestRecord(request: Request, body: string | null): RecordedRequest {
  return {
    method: request.method,
    url: request.url,
    headers: requestHeaderList(request.headers),
    body: body === '' ? null : body,
  };
}

function responseRecord(
  response: Response,
  body: string | null,
): RecordedResponse {
  return {
    status: response.status,
    statusText: response.statusText,
    headers: headerList(response.headers),
    body: body === '' ? null : body,
  };
}

/** A request's record, its body read from a clone: `request` stays unread. */
export async function recordRequest(
  request: Request,
): Promise<RecordedRequest> {
  const body =
    request.method === 'GET' || request.method === 'HEAD'
      ? null
      : await request.clone().text();
  return requestRecord(request, body);
}

/** A response's record, its body read from a clone: `response` stays unread. */
export async function recordResponse(
  response: Response,
): Promise<RecordedResponse> {
  const body = response.body === null ? null : await response.clone().text();
  return responseRecord(response, body);
}

// Reading a body once and handing on a copy made from its bytes, rather than
// reading a clone, matters in the browser: in Chromium a clone tees the body
// stream, and cloning and reading one costs 1.7 to 3.7 ms where reading an
// unread body and building a copy costs 0.15 to 0.25 (2 cores; Node: 0.1 to
// 0.6 either way). Each exchange has two bodies to record, so the clones were
// most of the engine's own time in Chromium (bench/RESULTS.md, eleventh pass).
// `text()` decodes UTF-8 and drops a BOM, as TextDecoder does by default.
const utf8 = new TextDecoder();

/**
 * Records a request that is about to be answered, reading its body once, and
 * returns the request to answer it with: `request` itself when it has no
 * body, or else a copy with the same bytes, since `request`'s are read. The
 * copy keeps the method, URL, headers, redirect mode, credentials, cache,
 * keepalive and signal (it aborts with the original); as the Fetch standard
 * says for a request built from another with a new body, its referrer and
 * referrer policy are reset. No actor reads those.
 */
export async function takeRequest(
  request: Request,
): Promise<{ recorded: RecordedRequest; request: Request }> {
  if (request.body === null)
    return { recorded: requestRecord(request, null), request };
  const bytes = await request.arrayBuffer();
  return {
    recorded: requestRecord(request, utf8.decode(bytes)),
    request: new Request(request, { body: bytes }),
  };
}

/**
 * Records a response that is about to be sent, reading its body once, and
 * returns the response to send: `response` itself when it has no body, or
 * else a copy with the same status, status text, headers and bytes. It is a
 * plain Response: the raw Set-Cookie that MSW's own HttpResponse keeps for
 * forwarding cookies to the page is not carried over (no actor uses
 * HttpResponse, and none sets cookies).
 */
export async function takeResponse(
  response: Response,
): Promise<{ recorded: RecordedResponse; response: Response }> {
  if (response.body === null)
    return { recorded: responseRecord(response, null), response };
  const bytes = await response.arrayBuffer();
  return {
    recorded: responseRecord(response, utf8.decode(bytes)),
    response: responseWithBody(response, bytes),
  };
}

/**
 * A new, unread response with `response`'s status, status text and headers
 * and `bytes` as its body: how a response whose body was read once is handed
 * on (cheaper than a clone in browsers; see above).
 */
export function responseWithBody(
  response: Response,
  bytes: ArrayBuffer,
): Response {
  return new Response(bytes, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
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
