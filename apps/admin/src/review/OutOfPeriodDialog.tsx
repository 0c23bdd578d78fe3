import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, List, ListItem, ListItemText } from '@mui/material';
import { HttpError, useTranslate } from 'react-admin';
import type { OutOfPeriodEntry } from '@dsyb/contracts';

export interface OutOfPeriodRefusal {
  entries: OutOfPeriodEntry[];
  coverageStart: string;
  coverageEnd: string;
}

/** The entries a 409 at 送审/签发 lists as dated outside the period, or undefined for any other error. */
export function outOfPeriodRefusal(error: unknown): OutOfPeriodRefusal | undefined {
  if (!(error instanceof HttpError) || error.status !== 409) return undefined;
  const body = error.body as { code?: unknown; outOfPeriod?: unknown; coverageStart?: unknown; coverageEnd?: unknown } | undefined;
  if (body?.code !== 'out_of_period' || !Array.isArray(body.outOfPeriod)) return undefined;
  return { entries: body.outOfPeriod as OutOfPeriodEntry[], coverageStart: String(body.coverageStart), coverageEnd: String(body.coverageEnd) };
}

/**
 * 送审 or 签发 held back by the server: these entries are dated outside the period the issue
 * covers. Offices do carry late events, so the editor may go on, having seen the list.
 */
export const OutOfPeriodDialog = ({
  refusal,
  actionLabel,
  busy,
  onConfirm,
  onClose,
}: {
  refusal: OutOfPeriodRefusal | undefined;
  actionLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  return (
    <Dialog open={refusal !== undefined} onClose={onClose} aria-labelledby="out-of-period-title" data-testid="out-of-period-dialog">
      <DialogTitle id="out-of-period-title">{translate('app.dates.out_of_period_title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {refusal ? translate('app.dates.out_of_period_intro', { coverage: coverageText(refusal, translate) }) : null}
        </DialogContentText>
        <List dense>
          {refusal?.entries.map((entry) => (
            <ListItem key={entry.id ?? entry.title} disableGutters data-testid="out-of-period-entry">
              <ListItemText primary={`《${entry.title}》`} secondary={entry.eventDateLabel} />
            </ListItem>
          ))}
        </List>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" color="warning" disabled={busy} onClick={onConfirm} data-testid="out-of-period-confirm">
          {translate('app.dates.out_of_period_confirm', { action: actionLabel })}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

function coverageText(refusal: OutOfPeriodRefusal, translate: (key: string, options?: object) => string): string {
  const chinese = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
  return translate('app.issues.coverage_range', { start: chinese(refusal.coverageStart), end: chinese(refusal.coverageEnd) });
}
