import ArrowDropDown from '@mui/icons-material/ArrowDropDown';
import NotificationsActive from '@mui/icons-material/NotificationsActive';
import Send from '@mui/icons-material/Send';
import { Alert, Box, Button, FormControlLabel, LinearProgress, Menu, MenuItem, Stack, Switch, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, useCanAccess, useGetList, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { Delivery, IssueDetail, Rendition } from '@dsyb/contracts';
import { distribution, type RegisterFormat, type RemindResult } from '../providers/distribution';
import { errorMessage } from '../review/useTransitions';
import { saveFile } from '../saveFile';
import { anyPending, dispatchBlocked, overdueDeliveries, rowState } from './deliveryStatus';
import { LinksDialog, PaperReceiptDialog, RemindResultDialog, type UnitLink } from './DeliveryDialogs';
import { DeliveryTable, type DeliveryAction } from './DeliveryTable';

/** While a personalised PDF is being made or an e-mail sent, the board looks again this often. */
const POLL_MS = 5_000;

type Dialog =
  | { kind: 'links'; title: string; links: UnitLink[] }
  | { kind: 'confirm-resend' | 'confirm-revoke' | 'paper-receipt'; delivery: Delivery }
  | { kind: 'reminded'; result: RemindResult };


/**
 * 发放情况 of a published issue: 分发 to every unit on its list, then each unit's personalised
 * PDF, e-mail, openings, downloads and receipt, with 重发, 撤销链接, 登记纸质签收, 提醒逾期单位 and
 * the 发放登记表. It refreshes itself while PDFs or e-mails are under way.
 */
const DistributionPanel = (_props: { label?: false }) => {
  const issue = useRecordContext<IssueDetail>();
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [showAll, setShowAll] = useState(false);
  const [dialog, setDialog] = useState<Dialog>();
  const { canAccess: canAct = false } = useCanAccess({ resource: 'deliveries', action: 'create' });
  const issueId = issue?.id;
  const { data: deliveries, isPending, error } = useQuery({
    queryKey: ['deliveries', issueId, showAll ? 'all' : 'current'],
    queryFn: () => distribution.deliveries(issueId as string, showAll),
    enabled: Boolean(issueId),
    refetchInterval: query => (anyPending(query.state.data) ? POLL_MS : false),
  });
  // The same list as the typesetting tab: whether the final PDF of this revision is done.
  const { data: renditions } = useGetList<Rendition>(
    'renditions',
    { filter: { issueId }, sort: { field: 'createdAt', order: 'DESC' }, pagination: { page: 1, perPage: 20 } },
    { enabled: Boolean(issueId) },
  );

  const reload = () => queryClient.invalidateQueries({ queryKey: ['deliveries'] });
  const failed = (failure: unknown) => {
    notify(errorMessage(failure), { type: 'error', multiLine: true, autoHideDuration: 10_000 });
    void reload();
  };
  const dispatch = useMutation({
    mutationFn: () => distribution.dispatch(issueId as string),
    onSuccess: result => {
      setDialog({
        kind: 'links',
        title: translate('app.distribution.dispatched_title', { smart_count: result.deliveries.length }),
        links: result.deliveries.map(delivery => ({ unit: delivery.unit.name, link: delivery.link })),
      });
      void reload();
    },
    onError: failed,
  });
  const act = useMutation({
    mutationFn: async ({ action, delivery, name }: { action: DeliveryAction; delivery: Delivery; name?: string }) => {
      if (action === 'resend') return { action, delivery: await distribution.resend(delivery.id) };
      if (action === 'revoke') return { action, delivery: await distribution.revoke(delivery.id) };
      return { action, delivery: await distribution.paperReceipt(delivery.id, name) };
    },
    onSuccess: ({ action, delivery }) => {
      if (action === 'resend' && delivery.link) {
        setDialog({ kind: 'links', title: translate('app.distribution.resent_title', { unit: delivery.unit.name }), links: [{ unit: delivery.unit.name, link: delivery.link }] });
      } else {
        setDialog(undefined);
        notify(action === 'revoke' ? 'app.distribution.revoked' : 'app.distribution.paper_receipt_done', { type: 'success' });
      }
      void reload();
    },
    onError: failure => {
      setDialog(undefined);
      failed(failure);
    },
  });
  const remind = useMutation({
    mutationFn: () => distribution.remind(issueId as string),
    onSuccess: result => {
      setDialog({ kind: 'reminded', result });
      void reload();
    },
    onError: failed,
  });
  const downloadRegister = (format: RegisterFormat) =>
    distribution
      .register(issueId as string, format)
      .then(({ blob, filename }) => saveFile(blob, filename ?? `${issue?.title ?? ''}-总第${issue?.serialNumber ?? ''}期-${translate('app.distribution.register')}.${format}`))
      .catch(failed);

  if (!issue) return null;
  // This revision's deliveries (the toggle adds earlier revisions' ones).
  const current = (deliveries ?? []).filter(delivery => delivery.issueRevision === issue.revision && rowState(delivery) !== 'superseded');
  const blocked = dispatchBlocked(issue, renditions, deliveries);
  const overdue = overdueDeliveries(deliveries);
  const confirmed = current.filter(delivery => delivery.confirmedAt).length;

  return (
    // A grid of one shrinkable column: the wide table scrolls inside the page instead of widening it.
    <Box data-testid="distribution-panel" sx={{ p: { xs: 0, md: 1 }, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)' }}>
      {canAct && current.length === 0 ? (
        <Box sx={{ mb: 2 }}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <Button variant="contained" startIcon={<Send />} disabled={blocked !== undefined || dispatch.isPending} onClick={() => dispatch.mutate()} data-testid="dispatch">
              {translate('app.distribution.dispatch')}
            </Button>
            {blocked ? (
              <Typography variant="body2" color="text.secondary" data-testid="dispatch-blocked">
                {translate(blocked)}
              </Typography>
            ) : null}
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate('app.distribution.dispatch_help')}
          </Typography>
        </Box>
      ) : null}
      {current.length > 0 ? (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }} useFlexGap>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
            {translate('app.distribution.summary', { confirmed, total: current.length })}
          </Typography>
          {canAct ? (
            <Button
              variant="outlined"
              color={overdue.length > 0 ? 'error' : 'primary'}
              startIcon={<NotificationsActive />}
              disabled={overdue.length === 0 || remind.isPending}
              onClick={() => remind.mutate()}
              data-testid="remind"
            >
              {translate('app.distribution.remind', { smart_count: overdue.length })}
            </Button>
          ) : null}
          <RegisterMenu onDownload={format => void downloadRegister(format)} />
          <Box sx={{ flex: 1 }} />
          <FormControlLabel control={<Switch checked={showAll} onChange={event => setShowAll(event.target.checked)} />} label={translate('app.distribution.show_superseded')} />
        </Stack>
      ) : null}
      {canAct && current.length > 0 && blocked && blocked !== 'app.distribution.blocked.dispatched' ? (
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate(blocked)}
        </Alert>
      ) : null}
      {anyPending(deliveries) ? (
        <Typography variant="body2" color="text.secondary" role="status" sx={{ mb: 1 }}>
          {translate('app.distribution.refreshing')}
        </Typography>
      ) : null}
      {isPending && issueId ? <LinearProgress sx={{ my: 2 }} /> : null}
      {error ? <Alert severity="error">{errorMessage(error)}</Alert> : null}
      {deliveries && deliveries.length === 0 ? <Typography color="text.secondary">{translate('app.distribution.empty')}</Typography> : null}
      {deliveries && deliveries.length > 0 ? (
        <DeliveryTable
          deliveries={deliveries}
          currentRevision={issue.revision}
          canAct={canAct}
          onAction={(action, delivery) => setDialog({ kind: action === 'resend' ? 'confirm-resend' : action === 'revoke' ? 'confirm-revoke' : 'paper-receipt', delivery })}
        />
      ) : null}

      {dialog?.kind === 'links' ? <LinksDialog title={dialog.title} links={dialog.links} onClose={() => setDialog(undefined)} /> : null}
      {dialog?.kind === 'reminded' ? <RemindResultDialog result={dialog.result} onClose={() => setDialog(undefined)} /> : null}
      {dialog?.kind === 'paper-receipt' ? (
        <PaperReceiptDialog
          unit={dialog.delivery.unit.name}
          busy={act.isPending}
          onClose={() => setDialog(undefined)}
          onConfirm={name => act.mutate({ action: 'paper-receipt', delivery: dialog.delivery, name })}
        />
      ) : null}
      {dialog?.kind === 'confirm-resend' || dialog?.kind === 'confirm-revoke' ? (
        <Confirm
          isOpen
          loading={act.isPending}
          title={translate(dialog.kind === 'confirm-resend' ? 'app.distribution.resend_title' : 'app.distribution.revoke_title', { unit: dialog.delivery.unit.name })}
          content={translate(dialog.kind === 'confirm-resend' ? 'app.distribution.resend_confirm' : 'app.distribution.revoke_confirm')}
          confirm={dialog.kind === 'confirm-resend' ? 'app.distribution.resend' : 'app.distribution.revoke'}
          confirmColor={dialog.kind === 'confirm-revoke' ? 'warning' : 'primary'}
          onConfirm={() => act.mutate({ action: dialog.kind === 'confirm-resend' ? 'resend' : 'revoke', delivery: dialog.delivery })}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
    </Box>
  );
};

/** 发放登记表: the PDF to print and file, or the Excel sheet. */
const RegisterMenu = ({ onDownload }: { onDownload: (format: RegisterFormat) => void }) => {
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const choose = (format: RegisterFormat) => {
    setAnchor(null);
    onDownload(format);
  };
  return (
    <>
      <Button variant="outlined" endIcon={<ArrowDropDown />} onClick={event => setAnchor(event.currentTarget)} aria-haspopup="menu" data-testid="register-menu">
        {translate('app.distribution.register')}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => choose('pdf')}>{translate('app.distribution.register_pdf')}</MenuItem>
        <MenuItem onClick={() => choose('xlsx')}>{translate('app.distribution.register_xlsx')}</MenuItem>
      </Menu>
    </>
  );
};

export default DistributionPanel;
