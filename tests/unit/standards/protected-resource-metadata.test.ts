/**
 * The protected resource metadata document against RFC 9728: §2 members,
 * §3 well-known URL, §3.3 resource identity. The checker first proves itself
 * on the RFC's own examples and on broken documents.
 */
import { describe, expect, it } from 'vitest';
import {
  protectedResourceMetadataProblems,
  protectedResourceMetadataUrl,
} from './metadata';
import { RFC9728_METADATA, RFC9728_WELL_KNOWN } from './rfc-examples';

describe('the RFC 9728 checks', () => {
  it("build the RFC's well-known URL (§3.1) and accept its example document (§3.2)", () => {
    expect(protectedResourceMetadataUrl(RFC9728_WELL_KNOWN.resource)).toBe(
      RFC9728_WELL_KNOWN.url,
    );
    expect(
      protectedResourceMetadataProblems(
        RFC9728_METADATA,
        RFC9728_METADATA.resource,
      ),
    ).toEqual([]);
  });

  it('insert the well-known string before the path and query, dropping a slash after the host', () => {
    expect(protectedResourceMetadataUrl('https://r.example/')).toBe(
      'https://r.example/.well-known/oauth-protected-resource',
    );
    expect(protectedResourceMetadataUrl('https://r.example/a/b?x=1')).toBe(
      'https://r.example/.well-known/oauth-protected-resource/a/b?x=1',
    );
  });

  it.each([
    [{}, 'resource is missing'],
    [{ resource: 'http://resource.example.com' }, 'not an https URL'],
    [{ resource: 'https://resource.example.com#top' }, 'fragment'],
    [
      { ...RFC9728_METADATA, resource: 'https://resource.example.com/other' },
      'not identical',
    ],
    [
      { ...RFC9728_METADATA, authorization_servers: 'https://as.example.com' },
      'authorization_servers is not an array',
    ],
    [
      { ...RFC9728_METADATA, authorization_servers: ['https://as.example?x'] },
      'has a query',
    ],
    [
      { ...RFC9728_METADATA, bearer_methods_supported: ['cookie'] },
      'bearer_methods_supported has "cookie"',
    ],
    [
      { ...RFC9728_METADATA, resource_signing_alg_values_supported: ['none'] },
      'lists none',
    ],
    [{ ...RFC9728_METADATA, jwks_uri: 'http://r.example/jwks' }, 'jwks_uri'],
    [[RFC9728_METADATA], 'not a JSON object'],
  ])('flag %j (%s)', (doc, problem) => {
    expect(
      protectedResourceMetadataProblems(doc, RFC9728_METADATA.resource).join(
        '; ',
      ),
    ).toContain(problem);
  });
});
