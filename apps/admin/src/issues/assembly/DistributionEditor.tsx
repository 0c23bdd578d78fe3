import Save from '@mui/icons-material/Save';
import { Alert, Box, Button, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import type { IssueDetail, Recipient, RecipientUnit } from '@dsyb/contracts';
import { RecipientsEditor } from './RecipientsEditor';
import { useAssemblySave } from './useAssemblySave';

/** 发放范围 of the issue: edited and saved on its own (PUT …/recipients with the issue version), or read. */
export const DistributionEditor = ({ issue, editable }: { issue: IssueDetail; editable: boolean }) => {
  const translate = useTranslate();
  const [draft, setDraft] = useState<RecipientUnit[]>();
  const { data: units } = useGetList<Recipient>(
    'recipients',
    { filter: { active: true }, sort: { field: 'position', order: 'ASC' }, pagination: { page: 1, perPage: 500 } },
    { enabled: editable },
  );
  const { mutation, stale, reload } = useAssemblySave(
    (dataProvider, issueId, body: { version: number; recipientIds: string[] }) => dataProvider.setIssueRecipients(issueId, body),
    { issueId: issue.id, saved: 'app.assembly.recipients_saved', onSaved: () => setDraft(undefined) },
  );
  const chosen = draft ?? issue.recipients;

  if (!editable) {
    return chosen.length === 0 ? (
      <Typography color="text.secondary">{translate('app.issues.distribution_empty')}</Typography>
    ) : (
      <Typography sx={{ lineHeight: 1.9 }} data-testid="assembly-recipients">
        {/* Unit names contain 、 (区人大、区政协): the list is separated by ， as the PDF prints it. */}
        {chosen.map(unit => unit.name).join('，')}
      </Typography>
    );
  }
  return (
    <Box data-testid="distribution-editor">
      {stale !== undefined ? (
        <Alert severity="error" sx={{ mb: 2 }} action={<Button color="inherit" onClick={reload}>{translate('app.assembly.reload')}</Button>}>
          {translate('app.assembly.stale', { yours: issue.version, current: stale })}
        </Alert>
      ) : null}
      <RecipientsEditor chosen={chosen} units={units ?? []} onChange={setDraft} />
      <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
        <Button
          variant="contained"
          startIcon={<Save />}
          disabled={!draft || mutation.isPending}
          onClick={() => mutation.mutate({ version: issue.version, recipientIds: chosen.map(unit => unit.id) })}
        >
          {translate('app.assembly.save_recipients')}
        </Button>
        <Button disabled={!draft || mutation.isPending} onClick={() => setDraft(undefined)}>
          {translate('app.assembly.discard')}
        </Button>
        {draft ? <Chip size="small" color="info" label={translate('app.assembly.unsaved')} /> : null}
      </Stack>
    </Box>
  );
};
