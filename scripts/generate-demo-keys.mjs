#!/usr/bin/env node
// Generates the simulator's DEMO signing keys and writes them to
// src/simulator/actors/demo-keys.ts. These keys are public on purpose: they
// sign tokens for fake hosts in a teaching simulator and must never protect
// anything real. Run once; the output is committed so transcripts are stable.
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(
  new URL('../src/simulator/actors/demo-keys.ts', import.meta.url),
);

function rsa(kid) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    ...privateKey.export({ format: 'jwk' }),
    kid,
    alg: 'RS256',
    use: 'sig',
  };
}
function ec(kid) {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    ...privateKey.export({ format: 'jwk' }),
    kid,
    alg: 'ES256',
    use: 'sig',
  };
}

const keys = {
  asMain: rsa('demo-as-rs256-2026-01'),
  asRotated: rsa('demo-as-rs256-2026-02'),
  asEc: ec('demo-as-es256-2026-01'),
  idp: rsa('demo-idp-rs256-1'),
  kubernetes: rsa('demo-k8s-sa-rs256-1'),
};

const body = `/**
 * DEMO KEYS. NOT SECRET. DO NOT USE FOR ANYTHING REAL.
 *
 * Private JWKs committed on purpose so the simulator signs the same token
 * string for the same claims on every run (RS256 is deterministic; ES256 is
 * not, so the EC key is only published in the JWKS, never used to sign).
 * Regenerate with \`node scripts/generate-demo-keys.mjs\`.
 */
export interface DemoJwk {
  kty: string;
  kid: string;
  alg: 'RS256' | 'ES256';
  use: 'sig';
  [member: string]: string;
}

export const DEMO_KEYS = ${JSON.stringify(keys, null, 2)} as const satisfies Record<string, DemoJwk>;

export type DemoKeyName = keyof typeof DEMO_KEYS;
`;
writeFileSync(out, body);
console.log('wrote', out);
