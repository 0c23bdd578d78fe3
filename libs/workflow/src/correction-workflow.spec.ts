import { decideCorrection, decideCorrectionStart } from './index';

it('lets editors start a correction of a published issue only, one at a time', () => {
  expect(decideCorrectionStart('published', ['editor'])).toEqual({ ok: true, to: 'pending' });
  expect(decideCorrectionStart('published', ['admin'])).toEqual({ ok: true, to: 'pending' });
  expect(decideCorrectionStart('published', ['reviewer'])).toMatchObject({ ok: false, reason: 'role', message: '只有编辑或管理员可以发起勘误（您的角色：审核）。' });
  expect(decideCorrectionStart('approved', ['editor'], { label: '总第97期' })).toMatchObject({ ok: false, reason: 'state', message: '总第97期尚未发布，直接修改条目即可，无需勘误。' });
  expect(decideCorrectionStart('published', ['editor'], { pending: true })).toMatchObject({ ok: false, reason: 'state' });
});

it('lets reviewers sign off or return (with a comment) a pending correction, editors neither', () => {
  expect(decideCorrection('sign_off', 'pending', ['reviewer'])).toEqual({ ok: true, to: 'signed_off' });
  expect(decideCorrection('sign_off', 'pending', ['editor'])).toMatchObject({ ok: false, reason: 'role' });
  expect(decideCorrection('sign_off', 'signed_off', ['reviewer'])).toMatchObject({ ok: false, reason: 'state', message: '该勘误已签发，无需重复签发。' });
  expect(decideCorrection('return', 'pending', ['reviewer'], { comment: '' })).toMatchObject({ ok: false, reason: 'input' });
  expect(decideCorrection('return', 'pending', ['reviewer'], { comment: '原因写得不清楚' })).toEqual({ ok: true, to: 'returned' });
  expect(decideCorrection('return', 'returned', ['admin'], { comment: '原因写得不清楚' })).toMatchObject({ ok: false, reason: 'state' });
});
