import { describe, expect, it } from '@jest/globals';
import { canAccess } from './access';

describe('what the admin offers each role', () => {
  it('lets editors write entries and issues, and reviewers only read them', () => {
    expect(canAccess(['editor'], { resource: 'entries', action: 'edit' })).toBe(true);
    expect(canAccess(['reviewer'], { resource: 'entries', action: 'edit' })).toBe(false);
    expect(canAccess(['reviewer'], { resource: 'issues', action: 'show' })).toBe(true);
  });

  it('keeps users, sections and the audit trail for administrators', () => {
    expect(canAccess(['editor', 'reviewer'], { resource: 'users', action: 'list' })).toBe(false);
    expect(canAccess(['editor'], { resource: 'sections', action: 'create' })).toBe(false);
    expect(canAccess(['admin'], { resource: 'audit-events', action: 'list' })).toBe(true);
    expect(canAccess(['admin'], { resource: 'audit-events', action: 'delete' })).toBe(false);
  });

  it('lets editors and administrators write the district dictionary (检索词典), and reviewers read it', () => {
    expect(canAccess(['editor'], { resource: 'search-terms', action: 'create' })).toBe(true);
    expect(canAccess(['admin'], { resource: 'search-terms', action: 'edit' })).toBe(true);
    expect(canAccess(['reviewer'], { resource: 'search-terms', action: 'list' })).toBe(true);
    expect(canAccess(['reviewer'], { resource: 'search-terms', action: 'edit' })).toBe(false);
    expect(canAccess(['reviewer'], { resource: 'search-terms', action: 'delete' })).toBe(false);
  });

  it('offers nothing without a role, or on a resource it does not know', () => {
    expect(canAccess([], { resource: 'entries', action: 'list' })).toBe(false);
    expect(canAccess(['admin'], { resource: 'payments', action: 'list' })).toBe(false);
  });
});
