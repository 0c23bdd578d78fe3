/**
 * What the 分发设置 form sends: only the fields that changed, with emptied text fields as null
 * (cleared); the SMTP password only when one was typed (a new one) or clearing was asked for
 * (null), so an empty password field keeps the stored one.
 */
import type { DeliverySettings } from '@dsyb/contracts';
import type { DeliverySettingsChanges } from '../providers/distribution';

/** The form's values: the settings, the password typed (blank: keep) and whether to clear it. */
export type DeliverySettingsForm = Partial<DeliverySettings> & { smtpPassword?: string | null; clearPassword?: boolean };

const TEXT = ['publicUrl', 'smtpHost', 'smtpUser', 'sender'] as const;
const OTHER = ['smtpPort', 'smtpSecure', 'attachPdf', 'linkTtlDays', 'overdueDays'] as const;

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

export function deliverySettingsChanges(values: DeliverySettingsForm, saved: DeliverySettings): DeliverySettingsChanges {
  const changes: DeliverySettingsChanges = {};
  for (const field of TEXT) {
    const value = text(values[field]);
    if (value !== text(saved[field])) changes[field] = value;
  }
  for (const field of OTHER) {
    const value = values[field];
    if (value !== undefined && value !== null && value !== saved[field]) Object.assign(changes, { [field]: value });
  }
  if (values.clearPassword) changes.smtpPassword = null;
  else if (typeof values.smtpPassword === 'string' && values.smtpPassword !== '') changes.smtpPassword = values.smtpPassword;
  return changes;
}
