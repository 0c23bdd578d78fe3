import { describe, expect, it } from '@jest/globals';
import {
  duplicateLikelihood,
  entryDuplicateRequest,
  scorePercent,
  sourceDuplicateRequest,
  titleLongEnough,
} from './duplicates';

describe('titleLongEnough', () => {
  it('asks only once the title has four characters', () => {
    expect(titleLongEnough('')).toBe(false);
    expect(titleLongEnough('双创园')).toBe(false);
    expect(titleLongEnough('双创园开')).toBe(true);
    expect(titleLongEnough('  双创  ')).toBe(false);
    expect(titleLongEnough(undefined)).toBe(false);
    expect(titleLongEnough(42)).toBe(false);
  });

  it('counts characters beyond the basic plane as one each', () => {
    // Three characters are six UTF-16 units: not counted as six.
    expect(titleLongEnough('𠀀𠀁𠀂')).toBe(false);
    expect(titleLongEnough('𠀀𠀁𠀂𠀃')).toBe(true);
  });
});

describe('entryDuplicateRequest', () => {
  const form = { title: '芝麻街双创园正式开园 徐立毅出席', text: '芝麻街双创园正式开园。\n徐立毅出席仪式。', eventDate: '2020-10-11', eventDatePrecision: 'day' as const };

  it('sends the title, the body text and the day of a new entry', () => {
    expect(entryDuplicateRequest(form)).toEqual({
      title: '芝麻街双创园正式开园 徐立毅出席',
      text: '芝麻街双创园正式开园。\n徐立毅出席仪式。',
      eventDate: '2020-10-11',
    });
  });

  it('leaves out the entry being edited', () => {
    expect(entryDuplicateRequest({ ...form, entryId: '0c6f2f3e-8a55-4e0b-9f2a-3d8a1f6d1e01' })?.excludeEntryId).toBe('0c6f2f3e-8a55-4e0b-9f2a-3d8a1f6d1e01');
    expect(entryDuplicateRequest({ ...form, entryId: null })).not.toHaveProperty('excludeEntryId');
  });

  it('asks nothing while the title is shorter than four characters', () => {
    expect(entryDuplicateRequest({ ...form, title: '双创园' })).toBeUndefined();
    expect(entryDuplicateRequest({ ...form, title: undefined })).toBeUndefined();
  });

  it('sends no date when none is typed, a half-typed one, or one only to the month', () => {
    expect(entryDuplicateRequest({ ...form, eventDate: null })).not.toHaveProperty('eventDate');
    expect(entryDuplicateRequest({ ...form, eventDate: '2020-10' })).not.toHaveProperty('eventDate');
    expect(entryDuplicateRequest({ ...form, eventDate: '2020-10-01', eventDatePrecision: 'month' })).not.toHaveProperty('eventDate');
    expect(entryDuplicateRequest({ ...form, eventDatePrecision: undefined })?.eventDate).toBe('2020-10-11');
  });

  it('sends no empty text, and trims the title', () => {
    expect(entryDuplicateRequest({ ...form, title: '  区政府召开常务会议 ', text: ' \n ' })).toEqual({ title: '区政府召开常务会议', eventDate: '2020-10-11' });
  });

  it('keeps within the API limits on a very long body', () => {
    const request = entryDuplicateRequest({ ...form, title: '题'.repeat(800), text: '文'.repeat(300_000) });
    expect(request?.title).toHaveLength(500);
    expect(request?.text?.length).toBeLessThanOrEqual(200_000);
  });
});

describe('sourceDuplicateRequest', () => {
  it('asks with the headline and the source, which brings its own date and text', () => {
    expect(sourceDuplicateRequest({ id: 'a1', headline: ' 芝麻街双创园开园 ' })).toEqual({ title: '芝麻街双创园开园', sourceId: 'a1' });
  });
});

describe('duplicateLikelihood and scorePercent', () => {
  it.each([
    [1, '100%', 'likely'],
    [0.7, '70%', 'likely'],
    [0.696, '70%', 'likely'],
    [0.69, '69%', 'possible'],
    [0.5, '50%', 'possible'],
    [0.49, '49%', 'similar'],
    [0.3, '30%', 'similar'],
  ])('%p is shown as %s, %s', (score, shown, likelihood) => {
    expect(scorePercent(score)).toBe(shown);
    expect(duplicateLikelihood(score)).toBe(likelihood);
  });
});

