import { describe, expect, it } from '@jest/globals';
import { emailsProblem, isEmailAddress } from './recipientEmails';

describe("a unit's e-mail addresses", () => {
  it('needs at least one when the unit receives by e-mail, and none otherwise', () => {
    expect(emailsProblem([], 'email')).toEqual({ message: 'app.recipients.email_required' });
    expect(emailsProblem(['  '], 'email')).toEqual({ message: 'app.recipients.email_required' });
    expect(emailsProblem(undefined, 'email')).toEqual({ message: 'app.recipients.email_required' });
    expect(emailsProblem([], 'link')).toBeUndefined();
    expect(emailsProblem(undefined, 'paper')).toBeUndefined();
    expect(emailsProblem(['bgs@zhongyuan.gov.cn'], 'email')).toBeUndefined();
  });

  it('refuses an invalid address, naming it, and more than five', () => {
    expect(emailsProblem(['bgs@zhongyuan.gov.cn', 'bgs zhongyuan'], 'email')).toEqual({ message: 'app.recipients.email_invalid', args: { email: 'bgs zhongyuan' } });
    expect(emailsProblem(['a@b.cn', 'c@d.cn', 'e@f.cn', 'g@h.cn', 'i@j.cn', 'k@l.cn'], 'email')).toEqual({ message: 'app.recipients.too_many_emails', args: { max: 5 } });
    expect(emailsProblem(['Office@b.cn', 'office@b.cn'], 'link')).toEqual({ message: 'app.recipients.email_repeated' });
  });

  it('takes ordinary addresses and refuses what no mail server would', () => {
    expect(isEmailAddress('zhang.san+yb@mail.zhongyuan.gov.cn')).toBe(true);
    expect(isEmailAddress('office@localhost')).toBe(false);
    expect(isEmailAddress('@zhongyuan.gov.cn')).toBe(false);
    expect(isEmailAddress('a@b..cn')).toBe(false);
    expect(isEmailAddress(`${'a'.repeat(250)}@b.cn`)).toBe(false);
  });
});
