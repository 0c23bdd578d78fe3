import { composeDeliveryMail, type DeliveryMailInput } from './delivery-mail';

const input: DeliveryMailInput = {
  unitName: '区委办公室',
  issue: { title: '大事月报', serialNumber: 97, year: 2020, month: 10 },
  issueRevision: 1,
  link: 'https://dsyb.example.gov.cn/receive/abc_DEF-123',
  expiresAt: new Date('2021-01-12T16:30:00Z'),
  reason: 'dispatch',
  office: { name: '中原区地方史志办公室', phone: '0371-67180000' },
  attached: false,
};

it('writes the unit a Chinese message with its link and the link’s expiry on the office clock', () => {
  const mail = composeDeliveryMail(input);
  expect(mail.subject).toBe('《大事月报》总第97期（2020年10月）请查收 — 发至区委办公室');
  expect(mail.text).toContain('区委办公室：');
  expect(mail.text).toContain('https://dsyb.example.gov.cn/receive/abc_DEF-123');
  // 16:30 UTC on the 12th is the 13th in Zhengzhou.
  expect(mail.text).toContain('链接有效期至2021年1月13日');
  expect(mail.text).toContain('0371-67180000');
  expect(mail.html).toContain('<a href="https://dsyb.example.gov.cn/receive/abc_DEF-123">');
});

it('says when the copy replaces one corrected, and when it is a reminder', () => {
  expect(composeDeliveryMail({ ...input, issueRevision: 2 }).subject).toContain('勘误后的第2版');
  expect(composeDeliveryMail({ ...input, issueRevision: 2 }).text).toContain('此前收到的版本作废');
  expect(composeDeliveryMail({ ...input, reason: 'reminder' }).subject).toBe('【签收提醒】《大事月报》总第97期（2020年10月）尚待签收');
});

it('escapes what it puts into HTML', () => {
  const mail = composeDeliveryMail({ ...input, unitName: '<script>x</script>' });
  expect(mail.html).not.toContain('<script>');
  expect(mail.html).toContain('&#60;script&#62;');
});
