import { Button, Chip, Menu, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { INDEX_TERM_KINDS, type AnnualIndexTerm, type IndexTermKind, type IndexTermStatus } from '@dsyb/contracts';
import { errorMessage } from '../../review/useTransitions';
import { MergeTermDialog } from './MergeTermDialog';

const KIND_COLORS: Record<IndexTermKind, 'primary' | 'success' | 'secondary'> = { person: 'primary', place: 'success', organisation: 'secondary' };

/** What changes a term: its decision, its kind, or the term it is another name of. */
export type TermChange = { status: Exclude<IndexTermStatus, 'merged'> } | { kind: IndexTermKind } | { mergedIntoId: string };

/** The terms of one group: the term, its kind (人名/地名/机构名, changeable), how many events name it, and the decisions open to it. */
export const IndexTermTable = ({ terms, allTerms, editable }: { terms: AnnualIndexTerm[]; allTerms: AnnualIndexTerm[]; editable: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider();
  const [busy, setBusy] = useState<string>();
  const [merging, setMerging] = useState<AnnualIndexTerm>();
  const change = async (term: AnnualIndexTerm, data: TermChange) => {
    setBusy(term.id);
    try {
      await dataProvider.update('annual-index-terms', { id: term.id, data: { version: term.version, ...data }, previousData: term });
      notify('app.annual_volumes.index.updated', { type: 'success', messageArgs: { term: term.term } });
    } catch (error) {
      notify(errorMessage(error), { type: 'error', multiLine: true });
    } finally {
      setBusy(undefined);
      refresh();
    }
  };
  const heading = (key: string) => translate(`app.annual_volumes.index.${key}`);
  return (
    <>
      {/* Fixed columns, so that the groups' tables line up one under the other. */}
      <Table size="small" sx={{ tableLayout: 'fixed' }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: '30%' }}>{heading('term')}</TableCell>
            <TableCell sx={{ width: '7rem' }}>{heading('kind')}</TableCell>
            <TableCell align="right" sx={{ width: '6rem' }}>
              {heading('occurrences')}
            </TableCell>
            <TableCell sx={{ width: '7rem' }}>{heading('origin')}</TableCell>
            {editable ? <TableCell align="right">{heading('actions')}</TableCell> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {terms.map(term => (
            <TableRow key={term.id} data-testid="index-term" data-term={term.term} data-status={term.status}>
              <TableCell sx={{ fontWeight: 600 }}>
                {term.term}
                {term.mergedIntoTerm ? (
                  <Chip size="small" variant="outlined" sx={{ ml: 1 }} label={translate('app.annual_volumes.index.merged_into', { term: term.mergedIntoTerm })} />
                ) : null}
              </TableCell>
              <TableCell>
                <KindChip term={term} editable={editable && busy !== term.id} onChange={kind => void change(term, { kind })} />
              </TableCell>
              <TableCell align="right">{term.occurrences}</TableCell>
              <TableCell sx={{ color: 'text.secondary' }}>{translate(`app.annual_volumes.index.origins.${term.origin}`)}</TableCell>
              {editable ? (
                <TableCell align="right">
                  <TermActions term={term} busy={busy === term.id} onChange={data => void change(term, data)} onMerge={() => setMerging(term)} />
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {merging ? (
        <MergeTermDialog
          term={merging}
          terms={allTerms}
          onClose={() => setMerging(undefined)}
          onMerge={target => {
            const term = merging;
            setMerging(undefined);
            void change(term, { mergedIntoId: target.id });
          }}
        />
      ) : null}
    </>
  );
};

/** 采用 · 不收录 · 合并到… as the term's state allows; a merged term can be taken out again. */
const TermActions = ({ term, busy, onChange, onMerge }: { term: AnnualIndexTerm; busy: boolean; onChange: (data: TermChange) => void; onMerge: () => void }) => {
  const translate = useTranslate();
  const label = (key: string) => translate(`app.annual_volumes.index.${key}`);
  return (
    <Stack direction="row" spacing={0.5} sx={{ justifyContent: 'flex-end' }}>
      {term.status !== 'accepted' && term.status !== 'merged' ? (
        <Button size="small" disabled={busy} onClick={() => onChange({ status: 'accepted' })} data-testid="index-accept">
          {label('accept')}
        </Button>
      ) : null}
      {term.status === 'merged' ? (
        <Button size="small" disabled={busy} onClick={() => onChange({ status: 'accepted' })} data-testid="index-unmerge">
          {label('unmerge')}
        </Button>
      ) : null}
      {term.status === 'proposed' || term.status === 'accepted' ? (
        <Button size="small" disabled={busy} onClick={onMerge} data-testid="index-merge">
          {label('merge_into')}
        </Button>
      ) : null}
      {term.status !== 'suppressed' && term.status !== 'merged' ? (
        <Button size="small" color="warning" disabled={busy} onClick={() => onChange({ status: 'suppressed' })} data-testid="index-suppress">
          {label('suppress')}
        </Button>
      ) : null}
    </Stack>
  );
};

/** 人名 / 地名 / 机构名, and for editors a menu to correct it. */
const KindChip = ({ term, editable, onChange }: { term: AnnualIndexTerm; editable: boolean; onChange: (kind: IndexTermKind) => void }) => {
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const kindLabel = (kind: IndexTermKind) => translate(`app.annual_volumes.index.kinds.${kind}`);
  return (
    <>
      <Chip
        size="small"
        color={KIND_COLORS[term.kind]}
        variant="outlined"
        label={kindLabel(term.kind)}
        onClick={editable ? event => setAnchor(event.currentTarget) : undefined}
        data-testid="index-kind"
      />
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {INDEX_TERM_KINDS.filter(kind => kind !== term.kind).map(kind => (
          <MenuItem
            key={kind}
            onClick={() => {
              setAnchor(null);
              onChange(kind);
            }}
          >
            {translate('app.annual_volumes.index.change_kind', { kind: kindLabel(kind) })}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
