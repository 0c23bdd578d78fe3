import { describe, expect, it } from '@jest/globals';
import { nextIssueDefaults } from './nextIssue';

describe('a new issue starts as the one after the latest', () => {
  it('with the next serial number and month, published mid-month', () => {
    expect(nextIssueDefaults({ serialNumber: 97, year: 2020, month: 10 })).toEqual({ serialNumber: 98, year: 2020, month: 11, publicationDate: '2020-11-15', coverageStart: '2020-10-01', coverageEnd: '2020-10-31' });
  });

  it('in January of the next year after a December issue', () => {
    expect(nextIssueDefaults({ serialNumber: 99, year: 2020, month: 12 })).toEqual({ serialNumber: 100, year: 2021, month: 1, publicationDate: '2021-01-15', coverageStart: '2020-12-01', coverageEnd: '2020-12-31' });
  });

  it('as number 1 of this month when there is no issue yet', () => {
    expect(nextIssueDefaults(undefined, new Date(2026, 2, 3))).toEqual({ serialNumber: 1, year: 2026, month: 3, publicationDate: '2026-03-15', coverageStart: '2026-02-01', coverageEnd: '2026-02-28' });
  });
});
