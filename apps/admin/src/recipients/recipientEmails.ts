/**
 * A unit's e-mail addresses, checked as the server checks them: at most MAX_RECIPIENT_EMAILS,
 * each a valid address of at most MAX_LENGTH.recipient.email characters, and at least one when
 * the unit receives by e-mail.
 */
import { MAX_LENGTH, MAX_RECIPIENT_EMAILS } from '@dsyb/contracts';

/** name@domain.tld, no spaces: what a mail server accepts in practice. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export const isEmailAddress = (value: string) => value.length <= MAX_LENGTH.recipient.email && EMAIL.test(value);

/** The problem with the addresses (a translation key and its parameters), or undefined when there is none. */
export function emailsProblem(emails: unknown, deliveryMethod: unknown): { message: string; args?: Record<string, number | string> } | undefined {
  const list = Array.isArray(emails) ? emails.map(email => (typeof email === 'string' ? email.trim() : '')) : [];
  const filled = list.filter(email => email !== '');
  if (deliveryMethod === 'email' && filled.length === 0) return { message: 'app.recipients.email_required' };
  if (list.length > MAX_RECIPIENT_EMAILS) return { message: 'app.recipients.too_many_emails', args: { max: MAX_RECIPIENT_EMAILS } };
  const invalid = filled.find(email => !isEmailAddress(email));
  if (invalid !== undefined) return { message: 'app.recipients.email_invalid', args: { email: invalid } };
  if (new Set(filled.map(email => email.toLowerCase())).size < filled.length) return { message: 'app.recipients.email_repeated' };
  return undefined;
}
