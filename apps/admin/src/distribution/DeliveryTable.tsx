import { alpha, Box, Button, Chip, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { Delivery } from '@dsyb/contracts';
import { formatDateTime } from '../formatDate';
import { formatBytes } from '../renditions/renditionFormat';
import { countLabel, mailLabel, pdfLabel, receiptLabel, rowState, supersedingRevision, type Label } from './deliveryStatus';

export type DeliveryAction = 'resend' | 'revoke' | 'paper-receipt';

const COLUMNS = ['unit', 'method', 'paper_copies', 'pdf', 'mail', 'opened', 'downloaded', 'receipt'] as const;

const TONE_COLOUR: Record<Label['tone'], string | undefined> = {
  default: undefined,
  info: 'info.main',
  success: 'success.main',
  warning: 'warning.main',
  error: 'error.main',
};

/** A cell's text coloured by its tone, with the server's detail (the mail server's error) under it. */
const LabelText = ({ label }: { label: Label }) => {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="body2" sx={{ color: TONE_COLOUR[label.tone], whiteSpace: 'pre-line' }}>
        {translate(label.key, label.params)}
      </Typography>
      {label.detail ? (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', maxWidth: '16rem', wordBreak: 'break-word' }}>
          {label.detail}
        </Typography>
      ) : null}
    </>
  );
};

/**
 * 发放情况: one row per unit in list order. Overdue rows are tinted and marked 逾期; deliveries of
 * an earlier revision (shown on request) are greyed and say which revision replaced them.
 */
export const DeliveryTable = ({
  deliveries,
  currentRevision,
  canAct,
  onAction,
}: {
  deliveries: Delivery[];
  currentRevision: number;
  canAct: boolean;
  onAction: (action: DeliveryAction, delivery: Delivery) => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const time = (iso: string) => formatDateTime(iso, locale);
  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="delivery-table">
        <TableHead>
          <TableRow>
            {COLUMNS.map(column => (
              <TableCell key={column} sx={{ whiteSpace: 'nowrap' }} align={column === 'paper_copies' ? 'right' : 'left'}>
                {translate(`app.distribution.columns.${column}`)}
              </TableCell>
            ))}
            {canAct ? <TableCell>{translate('app.distribution.columns.actions')}</TableCell> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {deliveries.map(delivery => {
            const state = rowState(delivery);
            return (
              <TableRow
                key={delivery.id}
                data-testid="delivery-row"
                data-state={state}
                sx={theme => ({
                  verticalAlign: 'top',
                  ...(state === 'overdue' ? { bgcolor: alpha(theme.palette.error.main, 0.07) } : {}),
                  ...(state === 'superseded' ? { opacity: 0.55, bgcolor: theme.palette.action.hover } : {}),
                })}
              >
                <TableCell sx={{ minWidth: '11rem' }}>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {delivery.unit.name}
                  </Typography>
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    {delivery.unit.category}
                  </Typography>
                  <Stack direction="row" spacing={0.5} sx={{ mt: 0.5 }} useFlexGap>
                    {state === 'overdue' ? <Chip size="small" color="error" label={translate('app.distribution.overdue_chip')} /> : null}
                    {state === 'superseded' ? (
                      <Chip size="small" variant="outlined" label={translate('app.distribution.superseded', { revision: supersedingRevision(delivery, deliveries, currentRevision) })} />
                    ) : null}
                  </Stack>
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate(`app.recipients.method.${delivery.method}`)}</TableCell>
                <TableCell align="right">{delivery.paperCopies}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <LabelText label={pdfLabel(delivery, formatBytes)} />
                </TableCell>
                <TableCell>
                  <LabelText label={mailLabel(delivery, time)} />
                </TableCell>
                <TableCell>
                  <LabelText label={countLabel(delivery.firstOpenedAt, delivery.openCount, 'opened', time)} />
                </TableCell>
                <TableCell>
                  <LabelText label={countLabel(delivery.firstDownloadedAt, delivery.downloadCount, 'downloaded', time)} />
                </TableCell>
                <TableCell>
                  <LabelText label={receiptLabel(delivery, time)} />
                  {delivery.linkExpiresAt && !delivery.confirmedAt && !delivery.linkRevoked && state !== 'superseded' ? (
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                      {translate('app.distribution.link_expires', { date: time(delivery.linkExpiresAt) })}
                    </Typography>
                  ) : null}
                </TableCell>
                {canAct ? (
                  <TableCell>
                    {state === 'superseded' ? null : (
                      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
                        <Button size="small" onClick={() => onAction('resend', delivery)}>
                          {translate('app.distribution.resend')}
                        </Button>
                        <Button size="small" color="warning" disabled={delivery.linkRevoked} onClick={() => onAction('revoke', delivery)}>
                          {translate('app.distribution.revoke')}
                        </Button>
                        {delivery.confirmedAt ? null : (
                          <Button size="small" onClick={() => onAction('paper-receipt', delivery)}>
                            {translate('app.distribution.paper_receipt')}
                          </Button>
                        )}
                      </Box>
                    )}
                  </TableCell>
                ) : null}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
