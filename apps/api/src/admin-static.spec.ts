import { describe, expect, it } from '@jest/globals';
import { pageFor } from './admin-static';

describe('the page an address opens', () => {
  it("opens the unit's page for a unit's link", () => {
    expect(pageFor('/receive/3q2-Xz_8kLm')).toBe('/receive.html');
    expect(pageFor('/receive/3q2-Xz_8kLm/')).toBe('/receive.html');
  });

  it('opens the admin for every other address', () => {
    expect(pageFor('/')).toBe('/index.html');
    expect(pageFor('/issues')).toBe('/index.html');
    expect(pageFor('/receive')).toBe('/index.html');
    expect(pageFor('/receiver/x')).toBe('/index.html');
  });
});
