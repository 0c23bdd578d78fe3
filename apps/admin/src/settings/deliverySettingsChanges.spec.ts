import { describe, expect, it } from '@jest/globals';
import type { DeliverySettings } from '@dsyb/contracts';
import { deliverySettingsChanges } from './deliverySettingsChanges';

const saved: DeliverySettings = {
  publicUrl: null,
  smtpHost: 'smtp.zhongyuan.gov.cn',
  smtpPort: 465,
  smtpSecure: true,
  smtpUser: 'office',
  smtpPasswordSet: true,
  sender: '中原区史志办 <office@example.gov.cn>',
  attachPdf: false,
  linkTtlDays: 90,
  overdueDays: 7,
  updatedAt: '2020-10-01T00:00:00Z',
};

describe('what the 分发设置 form sends', () => {
  it('sends nothing when nothing changed, and keeps the stored password when the field is blank', () => {
    expect(deliverySettingsChanges({ ...saved, smtpPassword: '', clearPassword: false }, saved)).toEqual({});
  });

  it('sends the changed fields, emptied text as null', () => {
    expect(deliverySettingsChanges({ ...saved, publicUrl: ' https://dsyb.zhongyuan.gov.cn ', smtpUser: '', overdueDays: 10 }, saved)).toEqual({
      publicUrl: 'https://dsyb.zhongyuan.gov.cn',
      smtpUser: null,
      overdueDays: 10,
    });
  });

  it('sends a new password as typed, or null to clear it', () => {
    expect(deliverySettingsChanges({ ...saved, smtpPassword: 's3cret pass' }, saved)).toEqual({ smtpPassword: 's3cret pass' });
    expect(deliverySettingsChanges({ ...saved, smtpPassword: 'ignored', clearPassword: true }, saved)).toEqual({ smtpPassword: null });
  });
});
