/**
 * ToolHive v0.44's token validation pipeline (pkg/auth/token.go ValidateToken),
 * step by step, each step yielding a named verdict:
 *
 *   parse → (malformed only) RFC 7662 introspection
 *         → alg RS or ES only → kid required → key from the JWKS cache
 *         → signature → exp (no leeway) → nbf → iss exact → aud (if configured)
 *         → sub required (claimsToIdentity)
 *
 * The JWKS cache mirrors jwx's jwk.Cache on the simulated clock: registered
 * lazily on the first validation, refreshed per Cache-Control max-age clamped
 * to 15 minutes..30 days (15 minutes without the header), and never refetched
 * because a kid is unknown.
 *
 * Error strings follow ToolHive's wrapping ("failed to parse token: ...") and
 * golang-jwt v5's error texts as closely as they are known.
 */
import { jwtVerify, errors as joseErrors, type JWK } from 'jose';
import type { CheckId, CheckVerdict } from '../engine/types';
import type { SimClock } from '../engine/clock';
import { decodeSegment, importPublic } from './jwt';
import { basicHeader, readJson } from './http-util';

export const JWKS_MIN_REFRESH_SECONDS = 15 * 60;
export const JWKS_MAX_REFRESH_SECONDS = 30 * 24 * 60 * 60;

export interface ValidatorConfig {
  /** --oidc-issuer; '' means not configured. */
  issuer: string;
  /** --oidc-audience; '' means aud is not checked. */
  audience: string;
  /** --oidc-jwks-url; when null the JWKS URL comes from OIDC discovery of the issuer. */
  jwksUrl: string | null;
  /** --oidc-introspection-url; null means no introspection fallback. */
  introspectionUrl: string | null;
  clientId: string | null;
  clientSecret: string | null;
}

export interface ValidationResult {
  ok: boolean;
  claims: Record<string, unknown> | null;
  verdicts: CheckVerdict[];
  /** Which 401 ToolHive sends: a token error or the identity (sub) error. */
  failure: null | {
    kind: 'invalid_token' | 'invalid_claims';
    message: string;
    check: CheckId;
  };
  /** True when the token went down the introspection branch. */
  introspected: boolean;
}

export interface JwksCacheState {
  jwksUrl: string | null;
  keys: JWK[] | null;
  fetchCount: number;
  fetchedAt: number | null;
  nextRefreshAt: number | null;
}

type Fetcher = (request: Request) => Promise<Response>;
/** In-process key lookup (embedded AS, WithKeyProvider). */
export type KeyProvider = (kid: string) => JWK | null;

const ALLOWED_ALGS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'];
/** Algorithms golang-jwt knows (so an unknown alg is "unavailable" rather than "unexpected"). */
const GO_JWT_KNOWN = [
  ...ALLOWED_ALGS,
  'PS256',
  'PS384',
  'PS512',
  'HS256',
  'HS384',
  'HS512',
  'EdDSA',
  'none',
];

/** Refresh interval from Cache-Control max-age, clamped as httprc does. */
export function refreshIntervalSeconds(cacheControl: string | null): number {
  const m = cacheControl ? /(?:^|,)\s*max-age=(\d+)/i.exec(cacheControl) : null;
  const raw = m?.[1] !== undefined ? Number(m[1]) : JWKS_MIN_REFRESH_SECONDS;
  return Math.min(
    JWKS_MAX_REFRESH_SECONDS,
    Math.max(JWKS_MIN_REFRESH_SECONDS, raw),
  );
}

/** Unix seconds as ISO 8601 UTC without milliseconds. */
function isoSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * Returns `fail`: it records a failed check, marks the checks after it as not
 * reached, and builds the failed result.
 */
function failureRecorder(v: CheckVerdict[], introspected: boolean) {
  return (
    id: CheckId,
    detail: string,
    message: string,
    rest: CheckId[],
    kind: 'invalid_token' | 'invalid_claims' = 'invalid_token',
    compare?: { expected: string; actual: string },
  ): ValidationResult => {
    v.push({ id, status: 'fail', detail, ...compare });
    for (const r of rest)
      v.push({ id: r, status: 'skip', detail: 'not reached' });
    return {
      ok: false,
      claims: null,
      verdicts: v,
      failure: { kind, message, check: id },
      introspected,
    };
  };
}

export class ToolHiveValidator {
  readonly config: ValidatorConfig;
  readonly #clock: SimClock;
  readonly #fetch: Fetcher;
  readonly #keyProvider: KeyProvider | null;
  readonly #cache: JwksCacheState;
  /** Called after each JWKS fetch, for clock-event reporting. */
  onJwksFetch: ((state: JwksCacheState) => void) | null = null;

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
    this.#cache = {
      jwksUrl: config.jwksUrl,
      keys: null,
      fetchCount: 0,
      fetchedAt: null,
      nextRefreshAt: null,
    };
  }

  get cache(): Readonly<JwksCacheState> {
    return this.#cache;
  }

  /** The background refresh: runs when simulated time has reached the schedule. */
  async refreshIfDue(): Promise<boolean> {
    const c = this.#cache;
    if (
      c.keys === null ||
      c.nextRefreshAt === null ||
      this.#clock.now() < c.nextRefreshAt
    )
      return false;
    await this.#fetchJwks();
    return true;
  }

  async #discoverJwksUrl(): Promise<string | null> {
    if (this.#cache.jwksUrl) return this.#cache.jwksUrl;
    if (!this.config.issuer) return null;
    const res = await this.#fetch(
      new Request(
        `${this.config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
        { headers: { accept: 'application/json' } },
      ),
    );
    const doc =
      res.status === 200
        ? ((await readJson(res)) as { jwks_uri?: unknown } | undefined)
        : undefined;
    if (typeof doc?.jwks_uri !== 'string') return null;
    this.#cache.jwksUrl = doc.jwks_uri;
    return doc.jwks_uri;
  }

  async #fetchJwks(): Promise<void> {
    const c = this.#cache;
    if (!c.jwksUrl) return;
    const res = await this.#fetch(
      new Request(c.jwksUrl, { headers: { accept: 'application/json' } }),
    );
    const body = (await readJson(res)) as { keys?: unknown } | undefined;
    c.fetchCount += 1;
    c.fetchedAt = this.#clock.now();
    c.nextRefreshAt =
      c.fetchedAt +
      refreshIntervalSeconds(res.headers.get('cache-control')) * 1000;
    if (res.status === 200 && Array.isArray(body?.keys))
      c.keys = body.keys as JWK[];
    else if (c.keys === null) c.keys = [];
    this.onJwksFetch?.(c);
  }

  /** Key lookup by kid: in-process provider first, then the JWKS cache. No refetch on a miss. */
  async #lookup(kid: string): Promise<{ jwk: JWK | null; source: string }> {
    const inProcess = this.#keyProvider?.(kid) ?? null;
    if (inProcess) return { jwk: inProcess, source: 'in-process key provider' };
    const c = this.#cache;
    if (c.keys === null) {
      const url = await this.#discoverJwksUrl();
      if (!url) return { jwk: null, source: 'no JWKS URL (discovery failed)' };
      await this.#fetchJwks();
    } else if (
      c.nextRefreshAt !== null &&
      this.#clock.now() >= c.nextRefreshAt
    ) {
      await this.#fetchJwks();
    }
    const jwk = (c.keys ?? []).find((k) => k.kid === kid) ?? null;
    return {
      jwk,
      source: `JWKS cache (fetched ${c.fetchCount} time${c.fetchCount === 1 ? '' : 's'})`,
    };
  }

  async validate(raw: string): Promise<ValidationResult> {
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
    if (this.#cache.jwksUrl === null && this.config.issuer) {
      const url = await this.#discoverJwksUrl();
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
      return this.#introspect(raw, v, malformed);
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
    const { jwk, source } = await this.#lookup(kid);
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
    return this.#claimsAndIdentity(claims, v, false, true);
  }

  /** ToolHive's validateClaims (iss, aud, exp required) and then claimsToIdentity (sub). */
  #claimsAndIdentity(
    claims: Record<string, unknown>,
    v: CheckVerdict[],
    introspected: boolean,
    parsedJwt: boolean,
  ): ValidationResult {
    const fail = failureRecorder(v, introspected);
    const now = this.#clock.epochSeconds();
    const exp = claims.exp;
    if (parsedJwt) {
      if (typeof exp === 'number')
        v.push({
          id: 'exp',
          status: 'pass',
          detail: `expires in ${exp - now} s`,
        });
      v.push({
        id: 'nbf',
        status: 'pass',
        detail: typeof claims.nbf === 'number' ? 'nbf reached' : 'no nbf claim',
      });
    }
    const expPending = !parsedJwt || typeof exp !== 'number';
    if (this.config.issuer) {
      const iss = typeof claims.iss === 'string' ? claims.iss.trim() : '';
      if (iss !== this.config.issuer.trim()) {
        return fail(
          'iss',
          `iss ${String(claims.iss)} is not ${this.config.issuer}`,
          'invalid issuer',
          ['aud', ...(expPending ? (['exp'] as CheckId[]) : []), 'sub'],
          'invalid_token',
          { expected: this.config.issuer, actual: String(claims.iss) },
        );
      }
      v.push({
        id: 'iss',
        status: 'pass',
        detail: `iss equals ${this.config.issuer}`,
      });
    } else {
      v.push({ id: 'iss', status: 'skip', detail: 'no issuer configured' });
    }
    if (this.config.audience) {
      const aud = claims.aud;
      const list =
        typeof aud === 'string'
          ? [aud]
          : Array.isArray(aud)
            ? aud.filter((a): a is string => typeof a === 'string')
            : [];
      if (!list.includes(this.config.audience)) {
        return fail(
          'aud',
          `aud ${JSON.stringify(aud ?? null)} does not contain ${this.config.audience}`,
          'invalid audience',
          [...(expPending ? (['exp'] as CheckId[]) : []), 'sub'],
          'invalid_token',
          {
            expected: this.config.audience,
            actual: list.length ? list.join(', ') : '(no aud claim)',
          },
        );
      }
      v.push({
        id: 'aud',
        status: 'pass',
        detail: `aud contains ${this.config.audience}`,
      });
    } else {
      v.push({
        id: 'aud',
        status: 'skip',
        detail: 'no audience configured, so aud is not checked',
      });
    }
    if (expPending) {
      // validateClaims: exp is required, and (for introspected claims) must be in the future.
      if (typeof exp !== 'number' || now > exp) {
        return fail(
          'exp',
          typeof exp !== 'number' ? 'exp claim missing' : 'expired',
          'token expired',
          ['sub'],
        );
      }
      v.push({
        id: 'exp',
        status: 'pass',
        detail: `expires in ${exp - now} s`,
      });
    }
    if (typeof claims.sub !== 'string' || claims.sub === '') {
      return fail(
        'sub',
        'sub is missing or empty, so no identity can be built',
        'Invalid authentication claims',
        [],
        'invalid_claims',
        { expected: 'a non-empty sub claim', actual: 'no sub claim' },
      );
    }
    v.push({ id: 'sub', status: 'pass', detail: `identity ${claims.sub}` });
    return { ok: true, claims, verdicts: v, failure: null, introspected };
  }

  async #introspect(
    raw: string,
    v: CheckVerdict[],
    why: string,
  ): Promise<ValidationResult> {
    const rest: CheckId[] = ['iss', 'aud', 'exp', 'sub'];
    const fail = (detail: string, message: string): ValidationResult => {
      v.push({ id: 'introspection', status: 'fail', detail });
      rest.forEach((id) =>
        v.push({ id, status: 'skip', detail: 'not reached' }),
      );
      return {
        ok: false,
        claims: null,
        verdicts: v,
        failure: { kind: 'invalid_token', message, check: 'introspection' },
        introspected: true,
      };
    };
    void why;
    if (!this.config.introspectionUrl)
      return fail(
        'no introspection URL configured',
        'no introspection endpoint available',
      );
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    };
    if (this.config.clientId && this.config.clientSecret)
      headers.authorization = basicHeader(
        this.config.clientId,
        this.config.clientSecret,
      );
    const res = await this.#fetch(
      new Request(this.config.introspectionUrl, {
        method: 'POST',
        headers,
        body: new URLSearchParams({
          token: raw,
          token_type_hint: 'access_token',
        }).toString(),
      }),
    );
    if (res.status === 401)
      return fail(
        'the introspection endpoint refused our credentials',
        'introspection unauthorized',
      );
    const body = (await readJson(res)) as Record<string, unknown> | undefined;
    if (res.status !== 200 || !body)
      return fail(
        `introspection returned ${res.status}`,
        `introspection failed with status ${res.status}`,
      );
    if (body.active !== true) return fail('active: false', 'invalid token');
    v.push({
      id: 'introspection',
      status: 'pass',
      detail: 'active: true; only exp, sub, aud, scope and iss are kept',
    });
    const kept: Record<string, unknown> = {};
    for (const k of ['exp', 'sub', 'aud', 'scope', 'iss'])
      if (k in body) kept[k] = body[k];
    return this.#claimsAndIdentity(kept, v, true, false);
  }
}

/** Returns why golang-jwt would call the token malformed, or null if it parses. */
export function parseMalformed(raw: string): string | null {
  const [h = '', p = '', sig = '', ...extra] = raw.split('.');
  if (raw.split('.').length !== 3 || extra.length)
    return 'token contains an invalid number of segments';
  const b64 = /^[A-Za-z0-9_-]*={0,2}$/;
  if (!b64.test(h) || decodeSegment(h.replace(/=+$/, '')) === null)
    return 'could not base64 or JSON decode header';
  if (!b64.test(p) || decodeSegment(p.replace(/=+$/, '')) === null)
    return 'could not base64 or JSON decode claim';
  if (!b64.test(sig)) return 'could not base64 decode signature';
  return null;
}
