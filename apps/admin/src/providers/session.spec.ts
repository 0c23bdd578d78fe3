import { describe, expect, it } from '@jest/globals';
import { isTokenExpired } from './session';

const jwt = (claims: object) => `header.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.signature`;
const NOW = Date.parse('2020-10-15T08:00:00Z');

describe('a session whose token has expired', () => {
  it('is sent to the login page without asking the server', () => {
    expect(isTokenExpired(jwt({ sub: 'u1', exp: NOW / 1000 - 1 }), NOW)).toBe(true);
    expect(isTokenExpired(jwt({ sub: 'u1', exp: NOW / 1000 + 3600 }), NOW)).toBe(false);
  });

  it('is left for the server to judge when the token cannot be read', () => {
    expect(isTokenExpired('not-a-jwt', NOW)).toBe(false);
    expect(isTokenExpired('a.%%%.c', NOW)).toBe(false);
    expect(isTokenExpired(jwt({ sub: 'u1' }), NOW)).toBe(false);
  });
});
