/**
 * Small JOSE helpers over jose: import the committed demo keys once, sign,
 * publish public JWKs, and decode tokens for display.
 */
import {
  SignJWT,
  base64url,
  importJWK,
  exportSPKI,
  type CryptoKey,
  type JWK,
} from 'jose';
import { DEMO_KEYS, type DemoKeyName } from './demo-keys';
import type { DecodedToken } from '../engine/types';

const PRIVATE_MEMBERS = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi']);
const privateCache = new Map<DemoKeyName, Promise<CryptoKey>>();
const publicCache = new Map<string, Promise<CryptoKey>>();

export function kidOf(name: DemoKeyName): string {
  return DEMO_KEYS[name].kid;
}

/** The public half of a demo key as a JWK (kty, kid, alg, use and key members). */
export function publicJwk(name: DemoKeyName): JWK {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(DEMO_KEYS[name])) {
    if (!PRIVATE_MEMBERS.has(k)) out[k] = v;
  }
  return out as JWK;
}

function privateKey(name: DemoKeyName): Promise<CryptoKey> {
  let p = privateCache.get(name);
  if (!p) {
    const jwk = DEMO_KEYS[name];
    p = importJWK({ ...jwk }, jwk.alg) as Promise<CryptoKey>;
    privateCache.set(name, p);
  }
  return p;
}

/** Imports a public JWK for `alg`; cached by kid, alg and modulus/coordinates. */
export function importPublic(jwk: JWK, alg: string): Promise<CryptoKey> {
  const cacheKey = `${alg}|${jwk.kid ?? ''}|${jwk.n ?? ''}${jwk.x ?? ''}`;
  let p = publicCache.get(cacheKey);
  if (!p) {
    p = importJWK(jwk, alg) as Promise<CryptoKey>;
    publicCache.set(cacheKey, p);
    p.catch(() => publicCache.delete(cacheKey));
  }
  return p;
}

/** The public key of a demo key as a PEM SPKI string (used by the HS256 confusion attack). */
export async function publicPem(name: DemoKeyName): Promise<string> {
  const jwk = publicJwk(name);
  const key = await importJWK(jwk, DEMO_KEYS[name].alg, { extractable: true });
  return exportSPKI(key as CryptoKey);
}

/**
 * Signs `claims` with a demo key. RS256 (PKCS#1 v1.5) is deterministic, so the
 * same header and claims give the same token string on every run.
 */
export async function signWithDemoKey(
  name: DemoKeyName,
  claims: Record<string, unknown>,
  header: { typ?: string; kid?: string | null } = {},
): Promise<string> {
  const jwk = DEMO_KEYS[name];
  const protectedHeader: Record<string, string> = { alg: jwk.alg };
  const kid = header.kid === undefined ? jwk.kid : header.kid;
  if (kid !== null) protectedHeader.kid = kid;
  if (header.typ) protectedHeader.typ = header.typ;
  return new SignJWT(claims)
    .setProtectedHeader(protectedHeader as { alg: string })
    .sign(await privateKey(name));
}

/** UTF-8 text of one base64url segment; throws on any other character. */
function b64urlDecodeToString(part: string): string {
  // jose's decoder (like atob) skips white space and accepts padding; a JWT
  // segment may contain neither.
  if (!/^[A-Za-z0-9_-]*$/.test(part)) throw new Error('not base64url');
  const bytes = base64url.decode(part);
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** Decodes a JSON object from one base64url JWT segment, or null. */
export function decodeSegment(
  part: string | undefined,
): Record<string, unknown> | null {
  if (part === undefined) return null;
  try {
    const v: unknown = JSON.parse(b64urlDecodeToString(part));
    return v !== null && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function decodeToken(
  raw: string,
  role: DecodedToken['role'],
): DecodedToken {
  const parts = raw.split('.');
  if (parts.length !== 3) return { raw, header: null, claims: null, role };
  return {
    raw,
    header: decodeSegment(parts[0]),
    claims: decodeSegment(parts[1]),
    role,
  };
}

/** A token's `aud` as a list: one string, or the strings of an array (RFC 7519 §4.1.3). */
export function audienceList(aud: unknown): string[] {
  if (typeof aud === 'string') return [aud];
  return Array.isArray(aud)
    ? aud.filter((a): a is string => typeof a === 'string')
    : [];
}
