/**
 * ToolHive v0.44's token validation pipeline (pkg/auth/token.go ValidateToken),
 * step by step, each step yielding a named verdict:
 *
 *   parse → (malformed only) RFC 7662 introspection
 *         → alg RS or ES only → kid required → key from the JWKS cache
 *         → signature → exp (no leeway) → nbf → iss exact → aud (if configured)
 *         → sub required (claimsToIdentity)
 *
 * Keys come from an in-process provider (embedded AS) or the JWKS cache
 * (jwks-cache.ts).
 *
 * Error strings follow ToolHive's wrapping ("failed to parse token: ...") and
 * golang-jwt v5's error texts as closely as they are known.
 */
import { jwtVerify, errors as joseErrors, type JWK } from 'jose';
import type { CheckId, CheckVerdict } from '../../engine/types';
import type { SimClock } from '../../engine/clock';
import { decodeSegment, importPublic } from '../jwt';
import { JwksCache, type Fetcher, type JwksCacheState } from './jwks-cache';
import {
  failureRecorder,
  isoSeconds,
  type ValidationResult,
  type ValidatorConfig,
} from './results';
import { claimsAndIdentity } from './claims';
import { ALLOWED_ALGS, GO_JWT_KNOWN, parseMalformed } from './jwt-rules';
import { introspect } from './introspection';

export type { ValidationResult, ValidatorConfig };

/** In-process key lookup (embedded AS, WithKeyProvider). */
export type KeyProvider = (kid: string) => JWK | null;

export class ToolHiveValidator {
  readonly config: ValidatorConfig;
  readonly #clock: SimClock;
  readonly #fetch: Fetcher;
  readonly #keyProvider: KeyProvider | null;
  readonly #jwks: JwksCache;

  constructor(
    config: ValidatorConfig,
    clock: SimClock,
    fetcher: Fetcher,
    keyProvider: KeyProvider | null = null,
  ) {
    this.config = config;
    this.#clock = clock;
    this.#fetch = fetcher;
    this.#keyProvider = keyProvider;
    this.#jwks = new JwksCache(config.jwksUrl, config.issuer, clock, fetcher);
  }

  get cache(): Readonly<JwksCacheState> {
    return this.#jwks.state;
  }

  /** The background JWKS refresh: runs when simulated time has reached the schedule. */
  refreshIfDue(): Promise<boolean> {
    return this.#jwks.refreshIfDue();
  }

  /** Key lookup by kid: in-process provider first, then the JWKS cache. */
  async #lookup(
    kid: string,
    fetcher: Fetcher,
  ): Promise<{ jwk: JWK | null; source: string }> {
    const inProcess = this.#keyProvider?.(kid) ?? null;
    if (inProcess) return { jwk: inProcess, source: 'in-process key provider' };
    return this.#jwks.lookup(kid, fetcher);
  }

  /**
   * Validates a bearer token. `fetcher` makes the server-to-server calls
   * (JWKS, introspection) on behalf of the request being answered.
   */
  async validate(
    raw: string,
    fetcher: Fetcher = this.#fetch,
  ): Promise<ValidationResult> {
    const v: CheckVerdict[] = [];
    const pass = (id: CheckId, detail: string) =>
      v.push({ id, status: 'pass', detail });
    const fail = failureRecorder(v, false);
    const JWT_CHECKS: CheckId[] = [
      'alg',
      'kid',
      'jwks-key',
      'signature',
      'exp',
      'nbf',
      'iss',
      'aud',
      'sub',
    ];

    // 0. Lazy OIDC discovery of the JWKS URL, on the first request (and again after a failure).
    if (this.#jwks.state.jwksUrl === null && this.config.issuer) {
      const url = await this.#jwks.discoverJwksUrl(fetcher);
      if (url) {
        pass(
          'oidc-discovery',
          `jwks_uri ${url} from the issuer's openid-configuration (first request)`,
        );
      } else if (this.#keyProvider) {
        v.push({
          id: 'oidc-discovery',
          status: 'skip',
          detail:
            'discovery failed; the in-process key provider is used instead',
        });
      } else {
        return fail(
          'oidc-discovery',
          'OIDC discovery failed, so every token is rejected until it succeeds',
          'failed to discover the OIDC configuration',
          ['jwt-parse', 'introspection', ...JWT_CHECKS],
        );
      }
    }

    // 1. Parse (golang-jwt ParseUnverified + signature decode).
    const malformed = parseMalformed(raw);
    if (malformed) {
      // Not a failure by itself: a malformed JWT is the one case ToolHive introspects.
      v.push({
        id: 'jwt-parse',
        status: 'skip',
        detail: `not a JWT (${malformed}), so ToolHive tries introspection`,
      });
      return introspect(
        this.config,
        this.#clock.epochSeconds(),
        raw,
        v,
        malformed,
        fetcher,
      );
    }
    const parts = raw.split('.');
    const header = decodeSegment(parts[0]) ?? {};
    const claims = decodeSegment(parts[1]) ?? {};
    pass('jwt-parse', 'three base64url segments with JSON header and claims');
    v.push({
      id: 'introspection',
      status: 'skip',
      detail: 'only malformed tokens are introspected',
    });

    // 2. alg: only RSA and ECDSA methods pass the key function's type switch.
    const alg = header.alg;
    if (typeof alg !== 'string' || !GO_JWT_KNOWN.includes(alg)) {
      const why =
        typeof alg !== 'string'
          ? 'signing method (alg) is unspecified'
          : 'signing method (alg) is unavailable';
      return fail(
        'alg',
        `${String(alg)} is not a known signing method`,
        `failed to parse token: token is unverifiable: ${why}`,
        JWT_CHECKS.slice(1),
        'invalid_token',
        { expected: ALLOWED_ALGS.join(', '), actual: String(alg) },
      );
    }
    if (!ALLOWED_ALGS.includes(alg)) {
      return fail(
        'alg',
        `${alg} is not RS* or ES*`,
        `failed to parse token: token is unverifiable: error while executing keyfunc: unexpected signing method: ${alg}`,
        JWT_CHECKS.slice(1),
        'invalid_token',
        { expected: ALLOWED_ALGS.join(', '), actual: alg },
      );
    }
    pass('alg', `${alg} is allowed`);

    // 3. kid required.
    const kid = header.kid;
    if (typeof kid !== 'string' || kid === '') {
      return fail(
        'kid',
        'no kid in the header',
        'failed to parse token: token is unverifiable: error while executing keyfunc: token header missing kid',
        JWT_CHECKS.slice(2),
        'invalid_token',
        { expected: 'a kid naming a published key', actual: 'no kid' },
      );
    }
    pass('kid', `kid ${kid}`);

    // 4. key lookup.
    const { jwk, source } = await this.#lookup(kid, fetcher);
    if (!jwk) {
      return fail(
        'jwks-key',
        `kid ${kid} not found (${source}); no refetch until the next scheduled refresh`,
        `failed to parse token: token is unverifiable: error while executing keyfunc: key ID ${kid} not found in JWKS`,
        JWT_CHECKS.slice(3),
        'invalid_token',
        {
          expected: `a key with kid ${kid} (${source})`,
          actual: 'no such key',
        },
      );
    }
    pass('jwks-key', `found in ${source}`);

    // 5. signature, exp and nbf (golang-jwt Parse with default validator, no leeway).
    let key;
    try {
      key = await importPublic(jwk, alg);
    } catch {
      return fail(
        'signature',
        `key ${kid} cannot verify ${alg}`,
        'failed to parse token: token signature is invalid: key is of invalid type',
        JWT_CHECKS.slice(4),
      );
    }
    try {
      await jwtVerify(raw, key, {
        algorithms: [alg],
        currentDate: this.#clock.date(),
        clockTolerance: 0,
      });
    } catch (e) {
      if (
        e instanceof joseErrors.JWSSignatureVerificationFailed ||
        e instanceof joseErrors.JWSInvalid ||
        e instanceof joseErrors.JOSENotSupported
      ) {
        const goText = alg.startsWith('RS')
          ? 'crypto/rsa: verification error'
          : 'ecdsa: verification error';
        return fail(
          'signature',
          'signature does not verify with the published key',
          `failed to parse token: token signature is invalid: ${goText}`,
          JWT_CHECKS.slice(4),
          'invalid_token',
          {
            expected: `a signature made with key ${kid}`,
            actual: 'the signature does not verify',
          },
        );
      }
      pass('signature', 'verified with the published key');
      if (e instanceof joseErrors.JWTExpired) {
        return fail(
          'exp',
          `exp ${String(claims.exp)} is not after now ${this.#clock.epochSeconds()} (no leeway)`,
          'failed to parse token: token has invalid claims: token is expired',
          JWT_CHECKS.slice(5),
          'invalid_token',
          {
            expected: `exp after now, ${isoSeconds(this.#clock.epochSeconds())}`,
            actual: `exp ${typeof claims.exp === 'number' ? isoSeconds(claims.exp) : String(claims.exp)}`,
          },
        );
      }
      if (
        e instanceof joseErrors.JWTClaimValidationFailed &&
        e.claim === 'nbf'
      ) {
        pass('exp', 'not expired');
        return fail(
          'nbf',
          `nbf ${String(claims.nbf)} is in the future`,
          'failed to parse token: token has invalid claims: token is not valid yet',
          JWT_CHECKS.slice(6),
        );
      }
      const claim =
        e instanceof joseErrors.JWTClaimValidationFailed ? e.claim : 'claims';
      return fail(
        claim === 'exp' ? 'exp' : 'nbf',
        `claim ${claim} has an invalid type`,
        'failed to parse token: token has invalid claims: token is malformed',
        claim === 'exp' ? JWT_CHECKS.slice(5) : JWT_CHECKS.slice(6),
      );
    }
    pass('signature', 'verified with the published key');
    return claimsAndIdentity(
      this.config,
      this.#clock.epochSeconds(),
      claims,
      v,
      false,
      true,
    );
  }
}
