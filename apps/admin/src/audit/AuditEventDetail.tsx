import { Box, Paper, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditEvent } from '@dsyb/contracts';

const asObject = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** The fields whose value differs between before and after. */
function changedKeys(before: unknown, after: unknown): string[] {
  const a = asObject(before);
  const b = asObject(after);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(key => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

/** An audit event opened: what changed, and the record before and after as JSON. */
export const AuditEventDetail = () => {
  const record = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.before == null && record.after == null) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ p: 1 }}>
        {translate('app.audit.no_content')}
      </Typography>
    );
  }
  const changed = record.before != null && record.after != null ? changedKeys(record.before, record.after) : [];
  return (
    <Box sx={{ p: 1 }} data-testid="audit-detail">
      {changed.length > 0 ? (
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('app.audit.changed_fields', { fields: changed.join('、') })}
        </Typography>
      ) : null}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <Json title={translate('app.audit.before')} value={record.before} />
        <Json title={translate('app.audit.after')} value={record.after} />
      </Box>
      {record.entityId ? (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          {translate('app.audit.entity_id', { id: record.entityId })}
        </Typography>
      ) : null}
    </Box>
  );
};

const Json = ({ title, value }: { title: string; value: unknown }) => {
  const translate = useTranslate();
  return (
    <Paper variant="outlined" sx={{ p: 1.5, minWidth: 0 }}>
      <Typography variant="subtitle2" gutterBottom>
        {title}
      </Typography>
      {value == null ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.audit.nothing')}
        </Typography>
      ) : (
        <Box component="pre" sx={{ m: 0, fontSize: '0.8rem', whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: '40vh', overflow: 'auto' }}>
          {JSON.stringify(value, null, 2)}
        </Box>
      )}
    </Paper>
  );
};
