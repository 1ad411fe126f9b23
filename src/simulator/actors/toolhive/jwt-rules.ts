/**
 * What golang-jwt v5 (as ToolHive calls it) accepts before any key is used:
 * the algorithms ToolHive's key function allows, the ones golang-jwt knows at
 * all, and when a token counts as malformed (the only case ToolHive sends to
 * introspection).
 */
import { decodeSegment } from '../jwt';

export const ALLOWED_ALGS = [
  'RS256',
  'RS384',
  'RS512',
  'ES256',
  'ES384',
  'ES512',
];
/** Algorithms golang-jwt knows (so an unknown alg is "unavailable" rather than "unexpected"). */
export const GO_JWT_KNOWN = [
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
