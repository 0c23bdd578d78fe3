import { describe, expect, it } from '@jest/globals';
import type { Issue, IssueStatus } from '@dsyb/contracts';
import { issuesForPanels, statusesFollowed } from './dashboardIssues';

const issue = (id: string, status: IssueStatus, publicationDate: string) => ({ id, status, publicationDate }) as Issue;
const october = issue('97', 'approved', '2020-10-15');
const november = issue('98', 'drafting', '2020-11-15');
const december = issue('99', 'drafting', '2020-12-15');

describe('the issues the dashboard puts first', () => {
  it('follows the issues of each role', () => {
    expect(statusesFollowed(['editor'])).toEqual(['drafting', 'in_review']);
    expect(statusesFollowed(['editor', 'reviewer'])).toEqual(['drafting', 'in_review', 'approved']);
  });

  it("shows an editor the issues being compiled, due first, not last month's waiting to be published", () => {
    expect(issuesForPanels([december, october, november], ['editor'])).toEqual([november, december]);
  });

  it('shows a reviewer the signed-off issue', () => {
    expect(issuesForPanels([december, october, november], ['reviewer'])).toEqual([october]);
  });

  it('shows the issue due first when none is followed, to say what it waits for', () => {
    expect(issuesForPanels([december, november], ['reviewer'])).toEqual([november]);
  });
});
