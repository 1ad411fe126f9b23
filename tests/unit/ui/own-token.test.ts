import { describe, expect, it } from 'vitest';
import type { CheckVerdict } from '../../../src/simulator';
import { checkOwnToken } from '../../../src/components/Simulator/lib/own-token';

/** What the simulated ToolHive says about a token signed by a foreign key. */
const FOREIGN_KEY: CheckVerdict[] = [
  { id: 'jwt-parse', status: 'pass', detail: 'three segments' },
  { id: 'alg', status: 'pass', detail: 'RS256 is allowed' },
  { id: 'kid', status: 'pass', detail: 'kid prod-1' },
  { id: 'jwks-key', status: 'fail', detail: 'kid prod-1 not found' },
  { id: 'signature', status: 'skip', detail: 'not reached' },
  { id: 'exp', status: 'skip', detail: 'not reached' },
  { id: 'aud', status: 'skip', detail: 'not reached' },
];
const NOW = 1_800_000_000;
const CLAIMS = {
  iss: 'https://login.corp.example',
  aud: ['https://tools.corp.example/mcp'],
  sub: 'u-17',
  exp: NOW + 600,
};

function byId(vs: CheckVerdict[], id: string): CheckVerdict | undefined {
  return vs.find((v) => v.id === id);
}

describe('check your own token', () => {
  it('goes on after a key it cannot know and marks it unverified', () => {
    const r = checkOwnToken(FOREIGN_KEY, CLAIMS, {
      issuer: 'https://login.corp.example',
      audience: 'https://tools.corp.example/mcp',
      now: NOW,
    });
    expect(byId(r.verdicts, 'jwks-key')?.status).toBe('skip');
    expect(byId(r.verdicts, 'jwks-key')?.detail).toMatch(/^could not verify/);
    for (const id of ['exp', 'iss', 'aud', 'sub']) {
      expect(byId(r.verdicts, id)?.status, id).toBe('pass');
      expect(byId(r.verdicts, id)?.detail, id).toMatch(
        /signature not verified/,
      );
    }
    expect(r.unverified).toBe(true);
    expect(r.accepted).toBe(false);
  });

  it("checks the reader's audience and issuer, with both values", () => {
    const r = checkOwnToken(FOREIGN_KEY, CLAIMS, {
      issuer: 'https://login.corp.example/',
      audience: 'https://other.corp.example/mcp',
      now: NOW + 601,
    });
    expect(byId(r.verdicts, 'aud')).toMatchObject({
      status: 'fail',
      expected: 'https://other.corp.example/mcp',
      actual: 'https://tools.corp.example/mcp',
    });
    expect(byId(r.verdicts, 'iss')?.status).toBe('fail');
    expect(byId(r.verdicts, 'exp')?.status).toBe('fail');
    expect(byId(r.verdicts, 'exp')?.detail).toContain('1 s ago');
  });

  it('leaves iss and aud unchecked, and says so, when no value is given', () => {
    const r = checkOwnToken(FOREIGN_KEY, CLAIMS, {
      issuer: '',
      audience: ' ',
      now: NOW,
    });
    expect(byId(r.verdicts, 'iss')?.status).toBe('skip');
    expect(byId(r.verdicts, 'aud')?.detail).toMatch(/^not checked/);
  });

  it('keeps the verdicts when the token is not a readable JWT', () => {
    const verdicts: CheckVerdict[] = [
      { id: 'alg', status: 'fail', detail: 'none is not RS* or ES*' },
    ];
    const r = checkOwnToken(verdicts, CLAIMS, {
      issuer: '',
      audience: '',
      now: NOW,
    });
    expect(r.verdicts).toEqual(verdicts);
    expect(r.accepted).toBe(false);
  });
});
