/**
 * The engine's output against the standards: every exchange of every
 * scenario (run once, here) goes through the checkers that the other files in
 * this folder prove on the RFCs' own examples.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, bearerProblems } from './bearer-challenge';
import { listScenarios } from '../../../src/simulator';
import { engineExchanges, header, wellKnownDocuments } from './engine-output';
import { parseWwwAuthenticate } from './http-auth-grammar';
import {
  authorizationServerMetadataProblems,
  authorizationServerMetadataUrl,
  protectedResourceMetadataProblems,
  protectedResourceMetadataUrl,
} from './metadata';

describe("the engine's challenges", () => {
  it('every 401 and 403 carries a WWW-Authenticate field that parses and conforms', async () => {
    const problems: string[] = [];
    const statuses = new Set<number>();
    for (const { scenarioId, exchange } of await engineExchanges()) {
      const { status, headers } = exchange.response;
      const field = header(headers, 'www-authenticate');
      if (status === 401 && field === undefined)
        problems.push(
          `${scenarioId} ${exchange.id}: 401 without WWW-Authenticate (RFC 9110 §15.5.2)`,
        );
      if (field === undefined) continue;
      statuses.add(status);
      try {
        for (const challenge of parseWwwAuthenticate(field)) {
          if (challenge.scheme.toLowerCase() !== 'bearer') continue;
          for (const p of bearerProblems(challenge))
            problems.push(`${scenarioId} ${exchange.id}: ${p}`);
        }
      } catch (error) {
        problems.push(`${scenarioId} ${exchange.id}: ${String(error)}`);
      }
    }
    expect(problems).toEqual([]);
    expect([...statuses].sort()).toEqual([401, 403]);
  });

  it('points every Bearer challenge at the metadata of the resource requested (RFC 9728 §5.1, §3)', async () => {
    let checked = 0;
    for (const { exchange } of await engineExchanges()) {
      const field = header(exchange.response.headers, 'www-authenticate');
      if (field === undefined) continue;
      for (const challenge of parseWwwAuthenticate(field)) {
        const metadata = challenge.params.find(
          (p) => p.name === 'resource_metadata',
        )?.value;
        if (metadata === undefined) continue;
        const requested = new URL(exchange.request.url);
        requested.search = '';
        expect(metadata, exchange.id).toBe(
          protectedResourceMetadataUrl(requested.href),
        );
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('sends each error code with its RFC 6750 §3.1 status and none without credentials, except where the step records the ToolHive deviation', async () => {
    const unexplained: string[] = [];
    let checked = 0;
    for (const { scenarioId, record, exchange } of await engineExchanges()) {
      const field = header(exchange.response.headers, 'www-authenticate');
      if (field === undefined) continue;
      for (const challenge of parseWwwAuthenticate(field)) {
        const error = challenge.params.find((p) => p.name === 'error')?.value;
        if (error === undefined) continue;
        checked += 1;
        const noCredentials =
          header(exchange.request.headers, 'authorization') === undefined;
        const deviates =
          exchange.response.status !== ERROR_STATUS[error] || noCredentials;
        if (
          deviates &&
          !record.deviations.includes('invalid-request-without-credentials')
        )
          unexplained.push(
            `${scenarioId} ${exchange.id}: ${exchange.response.status} error=${error}${noCredentials ? ' without credentials' : ''}`,
          );
      }
    }
    expect(unexplained).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });
});

describe("the engine's protected resource metadata", () => {
  it('conforms to §2, is served as JSON at the §3 URL of the resource it names (§3.3)', async () => {
    const documents = await wellKnownDocuments('oauth-protected-resource');
    expect(documents.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const { scenarioId, exchange, url, doc } of documents) {
      const resource = (doc as { resource?: unknown }).resource;
      const where = `${scenarioId} ${exchange.id} ${url}`;
      if (
        !/^application\/json\b/.test(
          header(exchange.response.headers, 'content-type') ?? '',
        )
      )
        problems.push(`${where}: not served as application/json`);
      for (const p of protectedResourceMetadataProblems(doc))
        problems.push(`${where}: ${p}`);
      if (
        typeof resource === 'string' &&
        protectedResourceMetadataUrl(resource) !== url
      )
        problems.push(
          `${where}: fetched from a URL not built from resource ${resource}`,
        );
    }
    expect(problems).toEqual([]);
  });
});

/**
 * Scenarios that serve metadata naming the wrong issuer on purpose, to show
 * the client refusing it (the scenario tests assert the refusal).
 */
const WRONG_ISSUER_ON_PURPOSE = new Set(
  listScenarios()
    .filter(
      (s) =>
        s.expected.result === 'failure' &&
        s.expected.failedCheck === 'as-issuer',
    )
    .map((s) => s.id),
);

describe("the engine's authorization server metadata", () => {
  it('has a scenario that serves a wrong issuer on purpose', () => {
    expect([...WRONG_ISSUER_ON_PURPOSE]).toEqual(['as-issuer-mismatch']);
  });

  for (const suffix of ['oauth-authorization-server', 'openid-configuration']) {
    it(`at /.well-known/${suffix}: conforms to §2 and names the issuer its URL was built from (§3, §3.3, §5)`, async () => {
      const documents = await wellKnownDocuments(suffix);
      expect(documents.length).toBeGreaterThan(5);
      const problems: string[] = [];
      for (const { scenarioId, exchange, url, doc } of documents) {
        const where = `${scenarioId} ${exchange.id} ${url}`;
        if (
          !/^application\/json\b/.test(
            header(exchange.response.headers, 'content-type') ?? '',
          )
        )
          problems.push(`${where}: not served as application/json`);
        for (const p of authorizationServerMetadataProblems(doc))
          problems.push(`${where}: ${p}`);
        const issuer = (doc as { issuer?: unknown }).issuer;
        if (typeof issuer !== 'string') continue;
        if ((WRONG_ISSUER_ON_PURPOSE as Set<string>).has(scenarioId)) continue;
        // §3.3 for RFC 8414's location; OpenID Connect Discovery appends the
        // well-known string to the issuer instead (§5), so both are accepted.
        const built = [
          authorizationServerMetadataUrl(issuer, suffix),
          `${issuer.replace(/\/$/, '')}/.well-known/${suffix}`,
        ];
        if (!built.includes(url))
          problems.push(`${where}: issuer ${issuer} does not build this URL`);
      }
      expect(problems).toEqual([]);
    });
  }
});
