import { describe, expect, it } from '@jest/globals';
import type { Entry } from '@dsyb/contracts';
import { HttpError } from 'react-admin';
import { changedFields, mergeIntoCurrent, staleVersionOf, type EntryConflict } from './entryConflict';

const base: Entry = {
  id: 'e1',
  issueId: 'i1',
  sectionId: 's1',
  sourceId: null,
  title: '区政府召开常务会议',
  bodyText: '9月17日，区政府召开常务会议。',
  bodyHtml: '<p>9月17日，区政府召开常务会议。</p>',
  eventDate: '2020-09-17',
  eventDatePrecision: 'day',
  status: 'draft',
  version: 3,
  position: 1,
  createdAt: '2020-09-18T08:00:00.000Z',
  updatedAt: '2020-09-18T08:00:00.000Z',
};

describe('a save refused because a colleague saved first', () => {
  it('is recognised by the current version the 409 carries', () => {
    expect(staleVersionOf(new HttpError('版本已过期', 409, { message: '版本已过期', currentVersion: 5 }))).toBe(5);
  });

  it('is not confused with a workflow refusal, or with another error', () => {
    expect(staleVersionOf(new HttpError('条目已提交审核，不能修改', 409, { message: '条目已提交审核，不能修改' }))).toBeUndefined();
    expect(staleVersionOf(new HttpError('标题不能为空', 400, { currentVersion: 5 }))).toBeUndefined();
    expect(staleVersionOf(new Error('网络错误'))).toBeUndefined();
  });

  it('names the stored fields the user changed, not the ones only shown', () => {
    const mine = { ...base, title: '区政府召开第12次常务会议', status: 'approved', updatedAt: 'later', eventDate: '2020-09-18' };
    expect(changedFields(mine, { ...base })).toEqual(['title', 'eventDate']);
  });

  it("keeps the user's changes and the colleague's other changes when merged", () => {
    const mine = { ...base, title: '区政府召开第12次常务会议' };
    const conflict: EntryConflict = { mine, base, currentVersion: 4, message: '' };
    const current: Entry = { ...base, version: 4, bodyHtml: '<p>9月17日，区政府召开第12次常务会议。</p>', sectionId: 's2' };
    expect(mergeIntoCurrent(conflict, current)).toEqual({ ...current, title: '区政府召开第12次常务会议' });
  });

  it("lets the user's value win where both changed the same field", () => {
    const conflict: EntryConflict = { mine: { ...base, title: '我的标题' }, base, currentVersion: 4, message: '' };
    expect(mergeIntoCurrent(conflict, { ...base, version: 4, title: '同事的标题' }).title).toBe('我的标题');
  });
});
