import { describe, expect, it } from '@jest/globals';
import { changedData, creatableData } from './writableFields';

const entry = {
  id: 'e1',
  title: '区政府召开常务会议',
  sectionId: 's1',
  issueId: 'i1',
  sourceId: null,
  eventDate: '2020-09-17',
  eventDatePrecision: 'day',
  bodyHtml: '<p>9月17日，区政府召开常务会议。</p>',
  position: 1,
  status: 'draft',
  version: 4,
  createdAt: '2020-09-18T08:00:00.000Z',
  contributors: [{ contributorId: 'c1', role: 'reporter', name: '韩娟' }],
};

describe('what a save sends', () => {
  it('sends nothing when no stored field changed, so no new version is made', () => {
    expect(changedData('entries', { ...entry }, entry)).toBeUndefined();
    // The name the API adds to a credit is for display: dropping it is no change.
    expect(changedData('entries', { ...entry, contributors: [{ contributorId: 'c1', role: 'reporter' }] }, entry)).toBeUndefined();
  });

  it('sends the changed fields with the version that was read', () => {
    expect(changedData('entries', { ...entry, title: '区政府召开第12次常务会议', status: 'approved' }, entry)).toEqual({
      title: '区政府召开第12次常务会议',
      version: 4,
    });
  });

  it('clears a field the API lets be cleared, and leaves out an emptied required one', () => {
    expect(changedData('entries', { ...entry, issueId: '', title: '' }, entry)).toEqual({ issueId: null, version: 4 });
    const issue = { id: 'i1', title: '大事月报', deadline: '2020-10-10', version: 2, entryCount: 27 };
    expect(changedData('issues', { ...issue, deadline: '' }, issue)).toEqual({ deadline: null, version: 2 });
  });

  it('stores a month-precision event date as the first of its month', () => {
    expect(changedData('entries', { ...entry, eventDatePrecision: 'month' }, entry)).toEqual({
      eventDate: '2020-09-01',
      eventDatePrecision: 'month',
      version: 4,
    });
  });

  it('sends credits as contributor and role, without rows where nobody was picked', () => {
    const data = { ...entry, contributors: [{ contributorId: 'c1', role: 'reporter', name: '韩娟' }, { contributorId: '', role: 'correspondent' }, { contributorId: 'c2', role: 'photographer' }] };
    expect(changedData('entries', data, entry)).toEqual({
      contributors: [{ contributorId: 'c1', role: 'reporter' }, { contributorId: 'c2', role: 'photographer' }],
      version: 4,
    });
  });

  it('sends no version for a resource the server does not version', () => {
    const section = { id: 's1', key: 'politics', name: '时政要点', position: 2, active: true };
    expect(changedData('sections', { ...section, name: '时政' }, section)).toEqual({ name: '时政' });
  });
});

describe('what a create sends', () => {
  it('sends only the fields the API accepts', () => {
    expect(creatableData('issues', { year: 2020, month: 11, serialNumber: 98, publicationDate: '2020-11-15', id: 'x', entryCount: 0, sections: [] })).toEqual({
      year: 2020,
      month: 11,
      serialNumber: 98,
      publicationDate: '2020-11-15',
    });
  });

  it('leaves out a blank password, and the display name the API adds to a source credit', () => {
    expect(creatableData('users', { username: 'li', displayName: '李', roles: ['editor'], password: '' })).toEqual({ username: 'li', displayName: '李', roles: ['editor'] });
    expect(creatableData('sources', { headline: '标题', text: '正文', page: '', contributors: [{ contributorId: 'c1', role: 'reporter', name: '韩娟' }] })).toEqual({
      headline: '标题',
      text: '正文',
      page: null,
      contributors: [{ contributorId: 'c1', role: 'reporter' }],
    });
  });
});

describe('what a dictionary word (检索词典) sends', () => {
  const saved = { id: 't1', word: '芝麻街双创园', kind: 'place', note: null, createdAt: '2026-12-06T00:00:00Z', reindexed: 3 };

  it('creates with word, kind and note only (an empty note as none)', () => {
    expect(creatableData('search-terms', { word: '芝麻街双创园', kind: 'place', note: '', reindexed: 2 })).toEqual({ word: '芝麻街双创园', kind: 'place', note: null });
  });

  it('updates only what changed, never the count of the last answer; a cleared note as null', () => {
    expect(changedData('search-terms', { ...saved, kind: 'organisation' }, saved)).toEqual({ kind: 'organisation' });
    expect(changedData('search-terms', { ...saved, note: '' }, { ...saved, note: '园区' })).toEqual({ note: null });
    expect(changedData('search-terms', { ...saved }, saved)).toBeUndefined();
  });
});

describe('what an event of an annual volume (年度大事记) sends', () => {
  const event = {
    id: 'a1',
    volumeId: 'v1',
    sourceEntryId: 'e1',
    sourceIssue: { id: 'i1', serialNumber: 97 },
    title: '区政府召开常务会议',
    bodyHtml: '<p>9月17日，区政府召开常务会议。</p>',
    bodyText: '9月17日，区政府召开常务会议。',
    eventDate: '2020-09-17',
    eventDatePrecision: 'day',
    month: 9,
    excluded: false,
    edited: false,
    pending: null,
    version: 3,
  };

  it('adds one with its volume, title, date and body, nothing the API computes', () => {
    expect(creatableData('annual-volume-entries', { volumeId: 'v1', title: '区图书馆开馆', eventDate: '2020-09-30', eventDatePrecision: 'month', bodyHtml: '<p>本月，区图书馆开馆。</p>' })).toEqual({
      volumeId: 'v1',
      title: '区图书馆开馆',
      eventDate: '2020-09-01',
      eventDatePrecision: 'month',
      bodyHtml: '<p>本月，区图书馆开馆。</p>',
    });
  });

  it('edits only what changed, with the version that was read', () => {
    expect(changedData('annual-volume-entries', { ...event, title: '区政府召开第12次常务会议', month: 10, excluded: true }, event)).toEqual({ title: '区政府召开第12次常务会议', version: 3 });
    expect(changedData('annual-volume-entries', { ...event }, event)).toBeUndefined();
  });

  it('never sends the year of a volume again, which is set when it is compiled', () => {
    const volume = { id: 'v1', year: 2020, title: '中原区2020年大事记', compiler: '中原区地方史志办公室', publicationDate: '2021-01-20', version: 5, entryCount: 330 };
    expect(changedData('annual-volumes', { ...volume, title: '中原区2020年大事记（送审稿）' }, volume)).toEqual({ title: '中原区2020年大事记（送审稿）', version: 5 });
  });
});
