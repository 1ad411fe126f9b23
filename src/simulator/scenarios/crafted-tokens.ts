/**
 * Tokens a scenario sends on purpose: tampered, unsigned, confused-key,
 * kid-less, replayed from another server, or from Kubernetes. All are built
 * deterministically from the client's real token and the demo keys.
 */
import { SignJWT, base64url } from 'jose';
import type { World } from '../world/world';
import { SimError } from '../engine/errors';
import {
  decodeSegment,
  kidOf,
  publicPem,
  signWithDemoKey,
} from '../actors/jwt';

export type CraftKind =
  | 'bad-signature'
  | 'alg-none'
  | 'hs256-public-key'
  | 'missing-kid'
  | 'other-audience'
  | 'kubernetes-service-account';

function realToken(world: World): {
  raw: string;
  claims: Record<string, unknown>;
} {
  const raw = world.client.state.accessToken;
  const claims = raw ? decodeSegment(raw.split('.')[1]) : null;
  if (!raw || !claims)
    throw new SimError(
      'missing_prerequisite',
      'the client has no JWT access token to tamper with',
    );
  return { raw, claims };
}

export async function craftToken(
  world: World,
  kind: CraftKind,
): Promise<string> {
  switch (kind) {
    case 'bad-signature': {
      const { raw } = realToken(world);
      const [h, p, sig = ''] = raw.split('.');
      const i = Math.floor(sig.length / 2);
      const flipped = sig[i] === 'A' ? 'B' : 'A';
      return `${h}.${p}.${sig.slice(0, i)}${flipped}${sig.slice(i + 1)}`;
    }
    case 'alg-none': {
      const { claims } = realToken(world);
      const header = { alg: 'none', kid: kidOf('asMain'), typ: 'at+jwt' };
      return `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(claims))}.`;
    }
    case 'hs256-public-key': {
      const { claims } = realToken(world);
      const secret = new TextEncoder().encode(await publicPem('asMain'));
      return new SignJWT(claims)
        .setProtectedHeader({
          alg: 'HS256',
          kid: kidOf('asMain'),
          typ: 'at+jwt',
        })
        .sign(secret);
    }
    case 'missing-kid': {
      const { claims } = realToken(world);
      return signWithDemoKey('asMain', claims, { typ: 'at+jwt', kid: null });
    }
    case 'other-audience': {
      const { claims } = realToken(world);
      return world.as.mintAccessToken({
        sub: String(claims.sub ?? world.config.user.sub),
        aud: world.urls.otherMcp,
        clientId: String(claims.client_id ?? ''),
        scope: String(claims.scope ?? ''),
      });
    }
    case 'kubernetes-service-account': {
      const iat = world.clock.epochSeconds();
      return signWithDemoKey('kubernetes', {
        aud: [world.urls.mcp],
        exp: iat + 3600,
        iat,
        iss: 'https://kubernetes.default.svc',
        'kubernetes.io': {
          namespace: 'agents',
          serviceaccount: { name: 'report-bot' },
        },
        nbf: iat,
        sub: 'system:serviceaccount:agents:report-bot',
      });
    }
  }
}
