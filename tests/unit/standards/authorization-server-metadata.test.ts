/**
 * The authorization server metadata against RFC 8414: §2 members, §3
 * well-known URL with path insertion, §3.3 issuer identity (and §5 for the
 * OpenID Connect location). The checker first proves itself on the RFC's own
 * examples and on broken documents.
 */
import { describe, expect, it } from 'vitest';
import {
  authorizationServerMetadataProblems,
  authorizationServerMetadataUrl,
} from './metadata';
import { RFC8414_METADATA, RFC8414_WELL_KNOWN } from './rfc-examples';

describe('the RFC 8414 checks', () => {
  it("build the RFC's well-known URL (§3.1) and accept its example document (§3.2)", () => {
    expect(authorizationServerMetadataUrl(RFC8414_WELL_KNOWN.issuer)).toBe(
      RFC8414_WELL_KNOWN.url,
    );
    expect(authorizationServerMetadataUrl(RFC8414_METADATA.issuer)).toBe(
      'https://server.example.com/.well-known/oauth-authorization-server',
    );
    expect(
      authorizationServerMetadataProblems(
        RFC8414_METADATA,
        RFC8414_METADATA.issuer,
      ),
    ).toEqual([]);
  });

  it('remove a terminating slash from the issuer path before inserting', () => {
    expect(authorizationServerMetadataUrl('https://as.example/tenant1/')).toBe(
      'https://as.example/.well-known/oauth-authorization-server/tenant1',
    );
    expect(
      authorizationServerMetadataUrl(
        'https://as.example/t',
        'openid-configuration',
      ),
    ).toBe('https://as.example/.well-known/openid-configuration/t');
  });

  const without = (name: keyof typeof RFC8414_METADATA) =>
    Object.fromEntries(
      Object.entries(RFC8414_METADATA).filter(([key]) => key !== name),
    );

  it.each([
    [without('issuer'), 'issuer is missing'],
    [without('authorization_endpoint'), 'authorization_endpoint is missing'],
    [without('token_endpoint'), 'token_endpoint is missing'],
    [
      without('response_types_supported'),
      'response_types_supported is missing',
    ],
    [
      { ...RFC8414_METADATA, issuer: 'http://server.example.com' },
      'not an https URL',
    ],
    [
      { ...RFC8414_METADATA, issuer: 'https://server.example.com?t=1' },
      'has a query',
    ],
    [
      { ...RFC8414_METADATA, issuer: 'https://server.example.com#x' },
      'has a fragment',
    ],
    [
      { ...RFC8414_METADATA, issuer: 'https://other.example.com' },
      'not identical',
    ],
    [
      { ...RFC8414_METADATA, token_endpoint: 'https://s.example/token#f' },
      'token_endpoint has a fragment',
    ],
    [
      { ...RFC8414_METADATA, scopes_supported: 'openid' },
      'scopes_supported is not an array',
    ],
    [
      {
        ...RFC8414_METADATA,
        token_endpoint_auth_signing_alg_values_supported: ['none'],
      },
      'lists none',
    ],
  ])('flag %j (%s)', (doc, problem) => {
    expect(
      authorizationServerMetadataProblems(doc, RFC8414_METADATA.issuer).join(
        '; ',
      ),
    ).toContain(problem);
  });

  it('need no authorization endpoint when no grant type uses it', () => {
    expect(
      authorizationServerMetadataProblems({
        ...without('authorization_endpoint'),
        grant_types_supported: ['client_credentials'],
      }),
    ).toEqual([]);
  });
});
