import { describe, expect, it } from '@jest/globals';
import { mergeTargets, termsByStatus } from './indexTerms';

describe('the index of an annual volume', () => {
  const terms = [
    { id: '1', term: '中原区', status: 'accepted' as const },
    { id: '2', term: '徐立毅', status: 'proposed' as const },
    { id: '3', term: '区委', status: 'suppressed' as const },
    { id: '4', term: '棉纺路', status: 'accepted' as const },
    { id: '5', term: '中原', status: 'merged' as const },
  ];

  it('lists the terms still to decide first, then accepted, merged and left out', () => {
    expect(termsByStatus(terms).map(group => [group.status, group.terms.map(term => term.id)])).toEqual([
      ['proposed', ['2']],
      ['accepted', ['1', '4']],
      ['merged', ['5']],
      ['suppressed', ['3']],
    ]);
  });

  it('offers to merge a term only into the other accepted terms', () => {
    expect(mergeTargets(terms, { id: '2' }).map(term => term.id).sort()).toEqual(['1', '4']);
    expect(mergeTargets(terms, { id: '1' }).map(term => term.id)).toEqual(['4']);
  });
});
