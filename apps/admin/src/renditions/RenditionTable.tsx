import Download from '@mui/icons-material/Download';
import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import { Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography, type ChipProps } from '@mui/material';
import { RecordContextProvider, useLocaleState, useTranslate } from 'react-admin';
import { StatusChip } from '../fields/StatusChip';
import { formatDateTime } from '../formatDate';
import type { Rendition, RenditionStatus } from '@dsyb/contracts';
import { formatBytes, shortHash } from './renditionFormat';

const STATUS_COLORS: Record<RenditionStatus, ChipProps['color']> = {
  queued: 'default',
  running: 'info',
  done: 'success',
  failed: 'error',
};

export interface RenditionFileActions {
  previewId: string | undefined;
  onPreview: (rendition: Rendition | undefined) => void;
  onDownload: (rendition: Rendition) => void;
}

/** Download and preview of a finished rendition's PDF. */
export const RenditionFileButtons = ({ rendition, previewId, onPreview, onDownload }: RenditionFileActions & { rendition: Rendition }) => {
  const translate = useTranslate();
  if (rendition.status !== 'done') return null;
  const previewing = previewId === rendition.id;
  return (
    <Stack direction="row" spacing={1}>
      <Button size="small" startIcon={<Download />} onClick={() => onDownload(rendition)} data-testid="rendition-download">
        {translate('app.renditions.download')}
      </Button>
      <Button
        size="small"
        startIcon={previewing ? <VisibilityOff /> : <Visibility />}
        onClick={() => onPreview(previewing ? undefined : rendition)}
        data-testid="rendition-preview"
      >
        {translate(previewing ? 'app.renditions.hide_preview' : 'app.renditions.preview')}
      </Button>
    </Stack>
  );
};

/**
 * The revision whose final replaced a superseded one: the newest final still current, or else the
 * next revision (a correction's final not made yet).
 */
export function supersedingRevision(rendition: Rendition, renditions: readonly Rendition[]): number {
  const current = renditions.filter(other => other.kind === 'final' && !other.supersededAt).map(other => other.issueRevision);
  return current.length ? Math.max(...current) : rendition.issueRevision + 1;
}

/**
 * The issue's past renditions, newest first: when, which kind (and which revision, once the issue
 * has been corrected), how it went, and the file; a final replaced by a correction's says so and
 * stays downloadable.
 */
export const RenditionTable = ({ renditions, ...actions }: RenditionFileActions & { renditions: Rendition[] }) => {
  const translate = useTranslate();
  const corrected = renditions.some(rendition => rendition.issueRevision > 1);
  const [locale] = useLocaleState();
  const heading = (field: string) => translate(`resources.renditions.fields.${field}`);
  return (
    <Table size="small" data-testid="rendition-table">
      <TableHead>
        <TableRow>
          <TableCell>{heading('createdAt')}</TableCell>
          <TableCell>{heading('kind')}</TableCell>
          <TableCell>{heading('status')}</TableCell>
          <TableCell align="right">{heading('pages')}</TableCell>
          <TableCell align="right">{heading('bytes')}</TableCell>
          <TableCell>{heading('sha256')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {renditions.map(rendition => (
          <TableRow
            key={rendition.id}
            data-testid="rendition-row"
            data-status={rendition.status}
            data-kind={rendition.kind}
            data-revision={rendition.issueRevision}
            data-superseded={rendition.supersededAt ? 'true' : undefined}
          >
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(rendition.createdAt, locale)}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {translate(`app.renditions.kind.${rendition.kind}`)}
              {corrected ? translate('app.renditions.revision', { revision: rendition.issueRevision }) : null}
            </TableCell>
            <TableCell>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <RecordContextProvider value={rendition}>
                  <StatusChip resource="renditions" colors={STATUS_COLORS} />
                </RecordContextProvider>
                {rendition.supersededAt ? (
                  <Typography component="span" variant="body2" color="text.secondary" data-testid="rendition-superseded" sx={{ whiteSpace: 'nowrap' }}>
                    {translate('app.renditions.superseded', { revision: supersedingRevision(rendition, renditions) })}
                  </Typography>
                ) : null}
              </Stack>
            </TableCell>
            <TableCell align="right">{rendition.pages ?? ''}</TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
              {rendition.bytes != null ? formatBytes(rendition.bytes) : ''}
            </TableCell>
            <TableCell>
              {rendition.sha256 ? (
                <Tooltip title={<span style={{ fontFamily: 'monospace' }}>{rendition.sha256}</span>}>
                  <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace', cursor: 'help' }} data-testid="rendition-sha256">
                    {shortHash(rendition.sha256)}
                  </Typography>
                </Tooltip>
              ) : null}
            </TableCell>
            <TableCell align="right">
              <RenditionFileButtons rendition={rendition} {...actions} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
