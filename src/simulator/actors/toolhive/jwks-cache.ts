/**
 * ToolHive's JWKS cache, modelled on jwx's jwk.Cache on the simulated clock:
 * registered lazily on the first validation (after OIDC discovery when no
 * JWKS URL is configured), refreshed per Cache-Control max-age clamped to 15
 * minutes..30 days (15 minutes without the header), and never refetched
 * because a kid is unknown.
 */
import type { JWK } from 'jose';
import type { SimClock } from '../../engine/clock';
import { readJson } from '../http-util';

const JWKS_MIN_REFRESH_SECONDS = 15 * 60;
const JWKS_MAX_REFRESH_SECONDS = 30 * 24 * 60 * 60;

export type Fetcher = (request: Request) => Promise<Response>;

export interface JwksCacheState {
  jwksUrl: string | null;
  keys: JWK[] | null;
  fetchCount: number;
  fetchedAt: number | null;
  nextRefreshAt: number | null;
}

/** Refresh interval from Cache-Control max-age, clamped as httprc does. */
export function refreshIntervalSeconds(cacheControl: string | null): number {
  const m = cacheControl ? /(?:^|,)\s*max-age=(\d+)/i.exec(cacheControl) : null;
  const raw = m?.[1] !== undefined ? Number(m[1]) : JWKS_MIN_REFRESH_SECONDS;
  return Math.min(
    JWKS_MAX_REFRESH_SECONDS,
    Math.max(JWKS_MIN_REFRESH_SECONDS, raw),
  );
}

export class JwksCache {
  readonly #issuer: string;
  readonly #clock: SimClock;
  /** The fetch used when a call does not pass its own (background refresh). */
  readonly #fetch: Fetcher;
  readonly #state: JwksCacheState;

  constructor(
    jwksUrl: string | null,
    issuer: string,
    clock: SimClock,
    fetcher: Fetcher,
  ) {
    this.#issuer = issuer;
    this.#clock = clock;
    this.#fetch = fetcher;
    this.#state = {
      jwksUrl,
      keys: null,
      fetchCount: 0,
      fetchedAt: null,
      nextRefreshAt: null,
    };
  }

  get state(): Readonly<JwksCacheState> {
    return this.#state;
  }

  /** The background refresh: runs when simulated time has reached the schedule. */
  async refreshIfDue(): Promise<boolean> {
    const c = this.#state;
    if (
      c.keys === null ||
      c.nextRefreshAt === null ||
      this.#clock.now() < c.nextRefreshAt
    )
      return false;
    await this.#fetchJwks(this.#fetch);
    return true;
  }

  /** OIDC discovery of the JWKS URL from the issuer (when none is configured). */
  async discoverJwksUrl(
    fetcher: Fetcher = this.#fetch,
  ): Promise<string | null> {
    if (this.#state.jwksUrl) return this.#state.jwksUrl;
    if (!this.#issuer) return null;
    const res = await fetcher(
      new Request(
        `${this.#issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
        { headers: { accept: 'application/json' } },
      ),
    );
    const doc =
      res.status === 200
        ? ((await readJson(res)) as { jwks_uri?: unknown } | undefined)
        : undefined;
    if (typeof doc?.jwks_uri !== 'string') return null;
    this.#state.jwksUrl = doc.jwks_uri;
    return doc.jwks_uri;
  }

  async #fetchJwks(fetcher: Fetcher): Promise<void> {
    const c = this.#state;
    if (!c.jwksUrl) return;
    const res = await fetcher(
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
  }

  /** Key lookup by kid. Registers (and first fetches) the set on first use; no refetch on a miss. */
  async lookup(
    kid: string,
    fetcher: Fetcher = this.#fetch,
  ): Promise<{ jwk: JWK | null; source: string }> {
    const c = this.#state;
    if (c.keys === null) {
      const url = await this.discoverJwksUrl(fetcher);
      if (!url) return { jwk: null, source: 'no JWKS URL (discovery failed)' };
      await this.#fetchJwks(fetcher);
    } else if (
      c.nextRefreshAt !== null &&
      this.#clock.now() >= c.nextRefreshAt
    ) {
      await this.#fetchJwks(fetcher);
    }
    const jwk = (c.keys ?? []).find((k) => k.kid === kid) ?? null;
    return {
      jwk,
      source: `JWKS cache (fetched ${c.fetchCount} time${c.fetchCount === 1 ? '' : 's'})`,
    };
  }
}
