import { Chip, Stack, Typography } from '@mui/material';
import { DataTable, List, ReferenceField, SearchInput, SelectInput, useRecordContext, useTranslate } from 'react-admin';
import { TimestampField } from '../fields/TimestampField';
import { CalendarDateInput } from '../fields/CalendarDateInput';
import type { AuditEvent } from '@dsyb/contracts';
import { AuditEventDetail } from './AuditEventDetail';
import { auditActionChoices, auditActionLabel, auditEntityChoices, auditEntityLabel, ENTITY_PAGES } from './auditLabels';

/** A calendar day from the date picker as the instant it starts (or ends) in the reader's time zone. */
const startOfDay = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`).toISOString() : value);
const endOfDay = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59.999`).toISOString() : value);
/** The instant in the filter read back as its day in the reader's time zone. */
const localDay = (value: unknown) => {
  if (typeof value !== 'string' || value === '') return '';
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return '';
  return `${instant.getFullYear()}-${String(instant.getMonth() + 1).padStart(2, '0')}-${String(instant.getDate()).padStart(2, '0')}`;
};

const auditFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="action" source="action" choices={auditActionChoices} alwaysOn sx={{ minWidth: '12rem' }} />,
  <SelectInput key="entityType" source="entityType" choices={auditEntityChoices} alwaysOn sx={{ minWidth: '10rem' }} />,
  <CalendarDateInput key="createdAt_gte" source="createdAt_gte" format={localDay} parse={startOfDay} helperText={false} alwaysOn />,
  <CalendarDateInput key="createdAt_lte" source="createdAt_lte" format={localDay} parse={endOfDay} helperText={false} alwaysOn />,
];

/**
 * 审计日志: who did what to which record, newest first, filtered by action, kind of record and
 * period; a row opens to show the record before and after. Read-only, for administrators.
 */
const AuditEventList = () => (
  <List sort={{ field: 'createdAt', order: 'DESC' }} filters={auditFilters} perPage={50} exporter={false}>
    <DataTable<AuditEvent> bulkActionButtons={false} rowClick="expand" expand={<AuditEventDetail />}>
      <DataTable.Col source="createdAt" field={TimestampField} sx={{ whiteSpace: 'nowrap' }} />
      <DataTable.Col source="actorName" disableSort />
      <DataTable.Col source="action" field={AuditActionField} />
      <DataTable.Col source="entityType" field={AuditEntityField} />
      <DataTable.Col source="ip" disableSort />
    </DataTable>
  </List>
);

/** 登录, 修改条目, 发布期刊 … (the code itself when the catalogue has no label for it). */
const AuditActionField = (_props: { source?: string }) => {
  const record = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2" title={record.action} data-testid="audit-action">
      {translate(auditActionLabel(record.action), { _: record.action })}
    </Typography>
  );
};

/** The kind of record, and the record itself by name, linked to where it is worked on. */
const AuditEntityField = (_props: { source?: string }) => {
  const record = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  if (!record) return null;
  const page = ENTITY_PAGES[record.entityType];
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Chip size="small" variant="outlined" label={translate(auditEntityLabel(record.entityType), { _: record.entityType })} />
      {page && record.entityId ? (
        <ReferenceField source="entityId" reference={page.resource} link={page.type} emptyText={record.entityId.slice(0, 8)} />
      ) : null}
    </Stack>
  );
};

export default AuditEventList;
