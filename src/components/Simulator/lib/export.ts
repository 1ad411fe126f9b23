/**
 * Exports of a simulator run: "Copy as curl" for one exchange, a HAR 1.2 log
 * of the whole run, and a Markdown transcript. Pure functions (no DOM), so
 * they are unit-tested in Node.
 */
import type {
  Exchange,
  HeaderList,
  SpecRevision,
} from '../../../simulator/engine/types';
import type { StepRecord } from '../../../simulator/scenarios/records';
import {
  STATUS_TEXT,
  headerValue,
  requestBody,
  requestHead,
  responseBody,
  responseHead,
} from '../../../simulator/format/http-text';
import type {
  Cookie,
  Entry,
  Header,
  Log,
  Param,
  PostDataCommon,
  QueryString,
  Request,
} from 'har-format';

/** Quotes a string for a POSIX shell: `'…'`, with `'` written as `'\''`. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Headers curl sets by itself, or that make no sense to replay. */
const CURL_SKIP = new Set(['host', 'content-length', 'connection']);

/** A curl command that sends the same request. */
export function toCurl(exchange: Exchange): string {
  const { method, url, headers, body } = exchange.request;
  const first =
    method !== 'GET' || body
      ? `curl -X ${method} ${shellQuote(url)}`
      : `curl ${shellQuote(url)}`;
  const parts = [first];
  for (const [name, value] of headers) {
    if (CURL_SKIP.has(name.toLowerCase())) continue;
    parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (body) parts.push(`--data-raw ${shellQuote(body)}`);
  return parts.join(' \\\n  ');
}

function byteLength(text: string | null): number {
  return text === null ? 0 : new TextEncoder().encode(text).length;
}

function harHeaders(headers: HeaderList): Header[] {
  return headers.map(([name, value]) => ({ name, value }));
}

function harCookies(headers: HeaderList, header: string): Cookie[] {
  const raw = headerValue(headers, header);
  if (!raw) return [];
  return raw
    .split(header === 'cookie' ? ';' : /,(?=[^;]+=)/)
    .map((pair) => pair.split(';')[0]?.trim() ?? '')
    .filter((pair) => pair.includes('='))
    .map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1) };
    });
}

function queryString(url: string): QueryString[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({
      name,
      value,
    }));
  } catch {
    return [];
  }
}

/**
 * HAR 1.2 calls `postData.text` and `postData.params` mutually exclusive, but
 * browsers' HAR exports carry both for a form post, and so does this one, so a
 * replay tool still has the raw body. Everything else is the standard type.
 */
type HarPostData = PostDataCommon & { text: string; params?: Param[] };
type HarEntry = Omit<Entry, 'request'> & {
  request: Omit<Request, 'postData'> & { postData?: HarPostData };
};
export interface HarLog {
  log: Omit<Log, 'entries'> & { entries: HarEntry[] };
}

function harEntry(exchange: Exchange, pageref: string): HarEntry {
  const { request, response } = exchange;
  const requestType = headerValue(request.headers, 'content-type') ?? '';
  const responseType = headerValue(response.headers, 'content-type') ?? '';
  const entry: HarEntry = {
    pageref,
    startedDateTime: exchange.at,
    time: 0,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: 'HTTP/1.1',
      headers: harHeaders(request.headers),
      queryString: queryString(request.url),
      cookies: harCookies(request.headers, 'cookie'),
      headersSize: -1,
      bodySize: byteLength(request.body),
    },
    response: {
      status: response.status,
      statusText: response.statusText || STATUS_TEXT[response.status] || '',
      httpVersion: 'HTTP/1.1',
      headers: harHeaders(response.headers),
      cookies: harCookies(response.headers, 'set-cookie'),
      content: {
        size: byteLength(response.body),
        mimeType: responseType || 'application/octet-stream',
        text: response.body ?? '',
      },
      redirectURL: headerValue(response.headers, 'location') ?? '',
      headersSize: -1,
      bodySize: byteLength(response.body),
    },
    cache: {},
    // Simulated exchanges take no wall-clock time.
    timings: {
      blocked: -1,
      dns: -1,
      connect: -1,
      ssl: -1,
      send: 0,
      wait: 0,
      receive: 0,
    },
    comment: `${exchange.id} (step ${exchange.stepId}, answered by ${exchange.actor})`,
  };
  if (request.body !== null) {
    entry.request.postData = {
      mimeType: requestType || 'text/plain',
      text: request.body,
    };
    if (/application\/x-www-form-urlencoded/i.test(requestType)) {
      entry.request.postData.params = [
        ...new URLSearchParams(request.body),
      ].map(([name, value]) => ({ name, value }));
    }
  }
  return entry;
}

export interface RunSummary {
  scenarioId: string;
  scenarioTitle: string;
  /** The MCP specification revision the run followed. */
  revision: SpecRevision;
  /** Step titles by step id. */
  stepTitles: Readonly<Record<string, string>>;
  records: readonly StepRecord[];
  outcome: string;
  clock: string;
}

/** A HAR 1.2 log holding every exchange of the run, in order. */
export function toHar(run: RunSummary, creatorVersion = '0.1.0'): HarLog {
  const pageId = `scenario-${run.scenarioId}`;
  const exchanges = run.records.flatMap((r) => r.exchanges);
  const started = exchanges[0]?.at ?? run.records[0]?.startedAt ?? run.clock;
  return {
    log: {
      version: '1.2',
      creator: { name: 'ToolHive auth simulator', version: creatorVersion },
      pages: [
        {
          startedDateTime: started,
          id: pageId,
          title: run.scenarioTitle,
          pageTimings: { onContentLoad: -1, onLoad: -1 },
          comment: `MCP specification revision ${run.revision}`,
        },
      ],
      entries: exchanges.map((x) => harEntry(x, pageId)),
      comment:
        'Simulated exchanges with mock servers on reserved example.com hosts; tokens are signed with demo keys.',
    },
  };
}

function fence(lang: string, text: string): string {
  const longest = Math.max(
    2,
    ...[...text.matchAll(/`+/g)].map((m) => m[0].length),
  );
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${text}\n${ticks}`;
}

function exchangeMarkdown(x: Exchange): string {
  const req = requestBody(x);
  const res = responseBody(x);
  const request = req.text
    ? `${requestHead(x.request)}\n\n${req.text}`
    : requestHead(x.request);
  const response = res.text
    ? `${responseHead(x.response)}\n\n${res.text}`
    : responseHead(x.response);
  return [
    `#### ${x.id}: ${x.request.method} ${x.request.url} → ${x.response.status}`,
    '',
    fence('http', request),
    '',
    fence('http', response),
  ].join('\n');
}

const STATUS_WORD = { pass: 'pass', fail: 'FAIL', skip: 'skipped' } as const;

/** The run as Markdown: one section per step, checks, then every exchange. */
export function toMarkdown(run: RunSummary): string {
  const out = [
    `# Simulator transcript: ${run.scenarioTitle}`,
    '',
    `Scenario \`${run.scenarioId}\`, MCP specification revision ${run.revision}, outcome: ${run.outcome}, simulated clock at ${run.clock}.`,
  ];
  for (const record of run.records) {
    const title = run.stepTitles[record.stepId] ?? record.stepId;
    out.push(
      '',
      `## ${record.index + 1}. ${title} (${record.status})`,
      '',
      `Outcome: ${record.outcome}`,
    );
    if (record.error) {
      out.push('', `Error \`${record.error.code}\`: ${record.error.message}`);
    }
    if (record.checks.length > 0) {
      out.push('', '### Checks', '');
      for (const c of record.checks) {
        out.push(`- ${c.id}: ${STATUS_WORD[c.status]}: ${c.detail}`);
      }
    }
    if (record.deviations.length > 0) {
      out.push('', `Deviations from the spec: ${record.deviations.join(', ')}`);
    }
    if (record.exchanges.length > 0) {
      out.push('', '### Exchanges');
      for (const x of record.exchanges) out.push('', exchangeMarkdown(x));
    }
  }
  return `${out.join('\n')}\n`;
}
