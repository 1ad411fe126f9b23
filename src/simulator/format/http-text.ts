/**
 * Turns a recorded exchange into the text the reader sees: an HTTP/1.1-style
 * request line and headers, a status line and headers, and bodies that are
 * pretty-printed when they are JSON or split at `&` when they are form data.
 * Pure functions, shared by the UI, the Markdown transcript and the tests.
 */
import type {
  Exchange,
  HeaderList,
  RecordedRequest,
  RecordedResponse,
} from '../engine/types';

export function headerValue(
  headers: HeaderList,
  name: string,
): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}

type BodyKind = 'json' | 'form' | 'text' | 'empty';

export interface FormattedBody {
  kind: BodyKind;
  text: string;
}

function looksLikeJson(contentType: string | undefined, body: string): boolean {
  if (contentType && /[/+]json\b/i.test(contentType)) return true;
  const t = body.trimStart();
  return t.startsWith('{') || t.startsWith('[');
}

/** Pretty JSON (2 spaces), form bodies one parameter per line, else as sent. */
export function formatBody(
  body: string | null,
  contentType: string | undefined,
): FormattedBody {
  if (body === null || body === '') return { kind: 'empty', text: '' };
  if (looksLikeJson(contentType, body)) {
    try {
      return { kind: 'json', text: JSON.stringify(JSON.parse(body), null, 2) };
    } catch {
      // Not valid JSON after all: show it as sent.
    }
  }
  if (contentType && /application\/x-www-form-urlencoded/i.test(contentType)) {
    // Joining the lines gives back the exact body.
    return { kind: 'form', text: body.split('&').join('\n&') };
  }
  return { kind: 'text', text: body };
}

/** `POST /mcp HTTP/1.1`, `Host: …`, then the recorded headers. */
export function requestHead(request: RecordedRequest): string {
  let target = request.url;
  let host: string | null = null;
  try {
    const url = new URL(request.url);
    target = `${url.pathname}${url.search}`;
    host = url.host;
  } catch {
    // Keep the raw URL as the request target.
  }
  const lines = [`${request.method} ${target} HTTP/1.1`];
  if (host && headerValue(request.headers, 'host') === undefined) {
    lines.push(`Host: ${host}`);
  }
  for (const [name, value] of request.headers) lines.push(`${name}: ${value}`);
  return lines.join('\n');
}

/** `HTTP/1.1 401 Unauthorized`, then the recorded headers. */
export function responseHead(response: RecordedResponse): string {
  const reason = response.statusText || STATUS_TEXT[response.status] || '';
  const lines = [`HTTP/1.1 ${response.status}${reason ? ` ${reason}` : ''}`];
  for (const [name, value] of response.headers) lines.push(`${name}: ${value}`);
  return lines.join('\n');
}

export function requestBody(exchange: Exchange): FormattedBody {
  return formatBody(
    exchange.request.body,
    headerValue(exchange.request.headers, 'content-type'),
  );
}

export function responseBody(exchange: Exchange): FormattedBody {
  return formatBody(
    exchange.response.body,
    headerValue(exchange.response.headers, 'content-type'),
  );
}

export const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  302: 'Found',
  303: 'See Other',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

/** Pretty JSON for decoded token parts; `null` parts are shown as such. */
export function jsonText(value: unknown): string {
  if (value === null || value === undefined) return '(could not be decoded)';
  return JSON.stringify(value, null, 2);
}
