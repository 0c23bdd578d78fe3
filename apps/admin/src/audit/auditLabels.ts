/**
 * The action codes the API records (apps/api: `entity.verb`) and the entity types, labelled
 * through the catalogue (app.audit.actions.<code>, app.audit.entities.<type>); a code the
 * catalogue does not know yet is shown as it is.
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'entry.create',
  'entry.update',
  'entry.delete',
  'entry.submit',
  'entry.resubmit',
  'entry.withdraw',
  'entry.approve',
  'entry.return',
  'entry.comment',
  'issue.create',
  'issue.update',
  'issue.delete',
  'issue.arrange',
  'issue.recipients',
  'issue.submit_review',
  'issue.sign_off',
  'issue.return',
  'issue.publish',
  'issue.seed',
  'issue.correction_start',
  'issue.correction_return',
  'issue.correct',
  'issue.dispatch',
  'rendition.request',
  'delivery.send',
  'delivery.send_failed',
  'delivery.open',
  'delivery.download',
  'delivery.confirm',
  'delivery.paper_receipt',
  'delivery.resend',
  'delivery.revoke',
  'delivery.remind',
  'delivery.remind_send',
  'delivery.recover',
  'source.create',
  'source.update',
  'source.delete',
  'source.import',
  'contributor.create',
  'contributor.update',
  'contributor.delete',
  'section.create',
  'section.update',
  'section.delete',
  'recipient.create',
  'recipient.update',
  'recipient.delete',
  'user.create',
  'user.update',
  'user.delete',
  'user.password_change',
  'settings.masthead_update',
  'settings.delivery_update',
] as const;

export const AUDIT_ENTITY_TYPES = ['user', 'entry', 'issue', 'rendition', 'source', 'contributor', 'section', 'recipient', 'masthead_settings', 'delivery', 'delivery_settings'] as const;

export const auditActionLabel = (code: string) => `app.audit.actions.${code}`;
export const auditEntityLabel = (type: string) => `app.audit.entities.${type}`;

export const auditActionChoices = AUDIT_ACTIONS.map(code => ({ id: code, name: auditActionLabel(code) }));
export const auditEntityChoices = AUDIT_ENTITY_TYPES.map(type => ({ id: type, name: auditEntityLabel(type) }));

/** Where each kind of entity is worked on in the admin. */
export const ENTITY_PAGES: Record<string, { resource: string; type: 'show' | 'edit' } | undefined> = {
  entry: { resource: 'entries', type: 'show' },
  issue: { resource: 'issues', type: 'show' },
  source: { resource: 'sources', type: 'show' },
  contributor: { resource: 'contributors', type: 'edit' },
  section: { resource: 'sections', type: 'edit' },
  recipient: { resource: 'recipients', type: 'edit' },
  user: { resource: 'users', type: 'edit' },
};
