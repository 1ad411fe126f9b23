/**
 * Seeded, deterministic identifiers: authorization codes, state, PKCE
 * verifiers, jti, client ids and opaque tokens. Each label has its own
 * counter, so adding a draw for one purpose never shifts another.
 */
import { base64url } from 'jose';

/** cyrb53-style string hash to a 32-bit seed. */
function hash32(input: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 =
    Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^
    Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 =
    Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^
    Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/** mulberry32: small, fast, good enough for teaching ids (not for secrets). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class SeededIds {
  readonly seed: string;
  #counters = new Map<string, number>();

  constructor(seed = 'toolhive-auth-simulator') {
    this.seed = seed;
  }

  /** `byteLength` pseudo-random bytes for `label`, advancing that label's counter. */
  bytes(label: string, byteLength: number): Uint8Array {
    const n = (this.#counters.get(label) ?? 0) + 1;
    this.#counters.set(label, n);
    const next = mulberry32(hash32(`${this.seed}|${label}|${n}`));
    const out = new Uint8Array(byteLength);
    for (let i = 0; i < byteLength; i++) out[i] = Math.floor(next() * 256);
    return out;
  }

  /** base64url of `byteLength` bytes (32 bytes give a 43-character PKCE verifier). */
  token(label: string, byteLength = 32): string {
    return base64url.encode(this.bytes(label, byteLength));
  }

  /** Lower-case hex of `byteLength` bytes. */
  hex(label: string, byteLength = 8): string {
    return Array.from(this.bytes(label, byteLength), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');
  }
}
