/**
 * Moving simulated time, and what it sets off: ToolHive's background JWKS
 * refresh once the schedule is due, and the client's token expiring.
 */
import type { World } from './world';
import { decodeToken } from '../actors/jwt';

export async function advanceWorld(
  world: World,
  seconds: number,
): Promise<void> {
  const before = world.clock.epochSeconds();
  world.clock.advance(seconds);
  const ctx = world.ctx;
  ctx.clockEvents.push({
    at: world.clock.iso(),
    kind: 'clock-advanced',
    detail: `advanced ${seconds} s`,
  });
  for (const [name, th] of [
    ['ToolHive', world.toolhive],
    ['other MCP server', world.otherMcp],
  ] as const) {
    if (await th.validator.refreshIfDue()) {
      ctx.clockEvents.push({
        at: world.clock.iso(),
        kind: 'jwks-refresh',
        detail: `${name} refreshed its JWKS cache (fetch ${th.validator.cache.fetchCount})`,
      });
    }
  }
  const exp = decodeToken(world.client.state.accessToken ?? '', 'access-token')
    .claims?.exp;
  if (
    typeof exp === 'number' &&
    exp > before &&
    exp <= world.clock.epochSeconds()
  ) {
    ctx.clockEvents.push({
      at: world.clock.iso(),
      kind: 'token-expired',
      detail: `the access token expired at ${new Date(exp * 1000).toISOString()}`,
    });
  }
}
