import { Autocomplete, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { AnnualIndexTerm } from '@dsyb/contracts';
import { mergeTargets } from '../indexTerms';

/** 合并到…: picks the accepted term this one is another name of (同一人的不同称谓). */
export const MergeTermDialog = ({
  term,
  terms,
  onClose,
  onMerge,
}: {
  term: AnnualIndexTerm;
  terms: AnnualIndexTerm[];
  onClose: () => void;
  onMerge: (target: AnnualIndexTerm) => void;
}) => {
  const translate = useTranslate();
  const [target, setTarget] = useState<AnnualIndexTerm | null>(null);
  const options = mergeTargets(terms, term);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" data-testid="index-merge-dialog">
      <DialogTitle>{translate('app.annual_volumes.index.merge_title', { term: term.term })}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate('app.annual_volumes.index.merge_help', { term: term.term })}</DialogContentText>
        <Autocomplete
          options={options}
          value={target}
          onChange={(_event, value) => setTarget(value)}
          getOptionLabel={option => `${option.term}（${translate(`app.annual_volumes.index.kinds.${option.kind}`)}）`}
          isOptionEqualToValue={(option, value) => option.id === value.id}
          noOptionsText={translate('app.annual_volumes.index.no_targets')}
          renderInput={params => <TextField {...params} autoFocus label={translate('app.annual_volumes.index.merge_target')} />}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={!target} onClick={() => target && onMerge(target)} data-testid="index-merge-confirm">
          {translate('app.annual_volumes.index.merge_confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
