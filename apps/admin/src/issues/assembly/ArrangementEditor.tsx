import Save from '@mui/icons-material/Save';
import { Alert, Box, Button, Chip, Stack } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { IssueDetail, Section } from '@dsyb/contracts';
import { addEntry, arrangementOf, arrangementPayload, blocksSignOff, placedIds, sameArrangement, type Arrangement, type AssemblyEntry } from './arrangement';
import { ArrangementBoard } from './ArrangementBoard';
import { UnplacedEntries } from './UnplacedEntries';
import { useAssemblySave } from './useAssemblySave';
import { IssuePeriodProvider, OutOfPeriodSummary } from './IssuePeriod';

/**
 * The issue's entries by section, arranged on the page and saved in one PUT with the issue
 * version; beside them the entries that may be added. Until saved, the arrangement is a draft
 * of this page: 撤销改动 drops it.
 */
export const ArrangementEditor = ({ issue, sections, editable }: { issue: IssueDetail; sections: Section[]; editable: boolean }) => {
  const translate = useTranslate();
  const [draft, setDraft] = useState<Arrangement>();
  const { mutation, stale, reload } = useAssemblySave(
    (dataProvider, issueId, body: ReturnType<typeof arrangementPayload>) => dataProvider.arrangeIssue(issueId, body),
    { issueId: issue.id, saved: 'app.assembly.saved', onSaved: () => setDraft(undefined) },
  );
  const saved = arrangementOf(issue, sections);
  const arrangement = draft ?? saved;
  // An arrangement that places everything as saved is no change (a drag dropped where it
  // started, a section sorted that was in order): nothing to save, nothing to lose.
  const change = (next: Arrangement) => setDraft(sameArrangement(next, saved) ? undefined : next);
  const entries = Object.values(arrangement.entries).flat();
  const blocking = entries.filter(blocksSignOff).length;
  const placed = placedIds(arrangement);
  const removed: AssemblyEntry[] = Object.values(saved.entries)
    .flat()
    .filter(entry => !placed.has(entry.id));

  const coverage = { coverageStart: issue.coverageStart, coverageEnd: issue.coverageEnd };

  return (
    <Box data-testid="arrangement-editor">
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
        {editable ? (
          <>
            <Button
              variant="contained"
              startIcon={<Save />}
              disabled={!draft || mutation.isPending}
              onClick={() => mutation.mutate(arrangementPayload(arrangement, issue.version))}
            >
              {translate('app.assembly.save')}
            </Button>
            <Button disabled={!draft || mutation.isPending} onClick={() => setDraft(undefined)}>
              {translate('app.assembly.discard')}
            </Button>
            {draft ? <Chip size="small" color="info" label={translate('app.assembly.unsaved')} data-testid="arrangement-unsaved" /> : null}
          </>
        ) : null}
        <Box sx={{ flex: 1 }} />
        {entries.length > 0 && (issue.status === 'drafting' || issue.status === 'in_review') ? (
          <Chip
            color={blocking > 0 ? 'warning' : 'success'}
            variant="outlined"
            label={blocking > 0 ? translate('app.assembly.blocking_count', { smart_count: blocking }) : translate('app.assembly.all_approved')}
            data-testid="sign-off-readiness"
          />
        ) : null}
      </Stack>
      {stale !== undefined ? (
        <Alert
          severity="error"
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" onClick={reload}>
              {translate('app.assembly.reload')}
            </Button>
          }
          data-testid="assembly-stale"
        >
          {translate('app.assembly.stale', { yours: issue.version, current: stale })}
        </Alert>
      ) : null}
      <OutOfPeriodSummary entries={entries} coverage={coverage} />
      <Box sx={{ display: 'grid', gap: 3, alignItems: 'start', gridTemplateColumns: { xs: '1fr', lg: editable ? 'minmax(0, 3fr) minmax(0, 2fr)' : '1fr' } }}>
        <IssuePeriodProvider coverage={coverage}>
          <ArrangementBoard arrangement={arrangement} editable={editable && !mutation.isPending} showEmptySections={editable} drafting={issue.status === 'drafting'} onChange={change} />
        </IssuePeriodProvider>
        {editable ? <UnplacedEntries placed={placed} removed={removed} sections={sections} onAdd={entry => change(addEntry(arrangement, entry))} /> : null}
      </Box>
    </Box>
  );
};
