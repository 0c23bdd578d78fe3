import ContentCopy from '@mui/icons-material/ContentCopy';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  List,
  ListItem,
  ListItemText,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { MAX_LENGTH, type Delivery } from '@dsyb/contracts';
import type { RemindResult } from '../providers/distribution';
import { unitsToPhone } from './deliveryStatus';

/** A unit's new link, as the server answered it once. */
export interface UnitLink {
  unit: string;
  link: string;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The links just made (by 分发 or 重发), each with a copy button. They are shown in full only
 * now: the server keeps their hash, not the links.
 */
export const LinksDialog = ({ title, links, onClose }: { title: string; links: UnitLink[]; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [copied, setCopied] = useState<string>();
  const copyText = async (text: string, key: string) => {
    if (await copy(text)) setCopied(key);
    else notify('app.distribution.copy_failed', { type: 'warning' });
  };
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth data-testid="delivery-links">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('app.distribution.links_once')}
        </Alert>
        <List dense disablePadding>
          {links.map(({ unit, link }) => (
            <ListItem key={link} disableGutters sx={{ display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr auto', md: '14rem 1fr auto' }, alignItems: 'center' }}>
              <Typography variant="body2" sx={{ fontWeight: 600, gridColumn: { xs: '1 / -1', md: 'auto' } }}>
                {unit}
              </Typography>
              <TextField
                value={link}
                size="small"
                fullWidth
                slotProps={{ htmlInput: { readOnly: true, 'aria-label': unit, style: { fontFamily: 'monospace', fontSize: '0.8rem' } } }}
                onFocus={event => event.target.select()}
              />
              <Tooltip title={translate(copied === link ? 'app.distribution.copied' : 'app.distribution.copy')}>
                <IconButton onClick={() => void copyText(link, link)} aria-label={translate('app.distribution.copy')} color={copied === link ? 'success' : 'default'}>
                  <ContentCopy fontSize="small" />
                </IconButton>
              </Tooltip>
            </ListItem>
          ))}
        </List>
      </DialogContent>
      <DialogActions>
        {links.length > 1 ? (
          <Button startIcon={<ContentCopy />} onClick={() => void copyText(links.map(({ unit, link }) => `${unit}\t${link}`).join('\n'), 'all')}>
            {translate(copied === 'all' ? 'app.distribution.copied' : 'app.distribution.copy_all')}
          </Button>
        ) : null}
        <Button variant="contained" onClick={onClose}>
          {translate('app.distribution.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** 登记纸质签收: the signer's name as written on the slip (may be left empty). */
export const PaperReceiptDialog = ({
  unit,
  busy,
  onConfirm,
  onClose,
}: {
  unit: string;
  busy: boolean;
  onConfirm: (name: string | undefined) => void;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const [name, setName] = useState('');
  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth>
      <Box
        component="form"
        onSubmit={event => {
          event.preventDefault();
          onConfirm(name.trim() || undefined);
        }}
      >
        <DialogTitle>{translate('app.distribution.paper_receipt_title', { unit })}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.distribution.paper_receipt_help')}
          </Typography>
          <TextField
            autoFocus
            fullWidth
            label={translate('app.distribution.signer')}
            value={name}
            onChange={event => setName(event.target.value)}
            slotProps={{ htmlInput: { maxLength: MAX_LENGTH.delivery.confirmedByName } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {translate('app.distribution.paper_receipt')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
};

/** After 提醒逾期单位: how many were e-mailed, and whom to phone (link and paper units), with their numbers. */
export const RemindResultDialog = ({ result, onClose }: { result: RemindResult; onClose: () => void }) => {
  const translate = useTranslate();
  const toPhone = unitsToPhone(result.deliveries);
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid="remind-result">
      <DialogTitle>{translate('app.distribution.remind_title')}</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>{translate('app.distribution.reminded', { smart_count: result.reminded })}</Typography>
        <Typography variant="body2" color="text.secondary">
          {translate(toPhone.length > 0 ? 'app.distribution.to_phone' : 'app.distribution.to_phone_none')}
        </Typography>
        <List dense>
          {toPhone.map((delivery: Delivery) => (
            <ListItem key={delivery.id} disableGutters>
              <ListItemText
                primary={`${delivery.unit.name}（${translate(`app.recipients.method.${delivery.method}`)}）`}
                secondary={[delivery.unit.contactPerson, delivery.unit.phone ?? translate('app.distribution.no_phone')].filter(Boolean).join(' · ')}
              />
            </ListItem>
          ))}
        </List>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {translate('app.distribution.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
