import PictureAsPdf from '@mui/icons-material/PictureAsPdf';
import Verified from '@mui/icons-material/Verified';
import { Alert, Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useCanAccess, useDataProvider, useGetList, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import type { IssueDetail, IssueStatus, Rendition, RenditionKind } from '@dsyb/contracts';
import { IssueTransitionButtons } from '../review/IssueTransitionButtons';
import { useRoles } from '../review/useRoles';
import { issueTransitions } from '../review/allowedTransitions';
import { downloadRendition } from './downloadRendition';
import { ExportWordButton } from './ExportWordButton';
import { isFinished } from './renditionFormat';
import { RenditionProgress } from './RenditionProgress';
import { RenditionFileButtons, RenditionTable } from './RenditionTable';

const PdfPreview = lazy(() => import('./PdfPreview'));

/** A final (正式版) is made only from a signed-off issue; the server refuses it before. */
const FINAL_ALLOWED: readonly IssueStatus[] = ['approved', 'published'];

/**
 * Typesetting of the issue: ask for a proof (or, once signed off, the final), follow it to the
 * end, and find every rendition made so far with its checksum, download and preview.
 */
export const RenditionPanel = (_props: { label?: false }) => {
  const issue = useRecordContext<IssueDetail>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  if (!issue) return null;
  return (
    <DocumentRenditionPanel
      filter={{ issueId: issue.id }}
      status={issue.status}
      request={kind => dataProvider.requestRendition(issue.id, kind)}
      fileName={rendition =>
        `${issue.title}-总第${issue.serialNumber}期-${translate(`app.renditions.kind.${rendition.kind}`)}${rendition.issueRevision > 1 ? `-第${rendition.issueRevision}版` : ''}.pdf`
      }
      finalReady={<FinalReady issue={issue} />}
      exportWord={
        <ExportWordButton url={`issues/${encodeURIComponent(issue.id)}/export.docx`} fallbackName={`总第${issue.serialNumber}期-${issue.year}年${issue.month}月.docx`} />
      }
    />
  );
};

/** What is typeset: an issue or an annual volume (年度大事记), both with the issue's workflow states. */
export interface RenditionDocument {
  /** Which renditions are this document's: `{ issueId }` or `{ volumeId }`. */
  filter: { issueId: string } | { volumeId: string };
  status: IssueStatus;
  /** Queues a rendition (or answers the one already made of unchanged content). */
  request: (kind: RenditionKind) => Promise<Rendition>;
  /** The name a downloaded PDF gets when the server gives none. */
  fileName: (rendition: Rendition) => string;
  /** Shown once the final of a signed-off document is made: the next step, 发布, beside it. */
  finalReady?: ReactNode;
  /** What proofs and finals are for, under the buttons (an issue's finals go to its units). */
  kindsHelp?: string;
  /** 导出 Word, after the request buttons (alone for those who may not request). */
  exportWord?: ReactNode;
}

/** The typesetting panel of any document: request buttons, progress, preview and the renditions made. */
export const DocumentRenditionPanel = ({
  filter,
  status,
  request: requestRendition,
  fileName,
  finalReady,
  kindsHelp = 'app.renditions.kinds_help',
  exportWord,
}: RenditionDocument) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [requested, setRequested] = useState<Rendition>();
  const [requesting, setRequesting] = useState<RenditionKind>();
  const [preview, setPreview] = useState<Rendition>();
  const { canAccess: canRequest } = useCanAccess({ resource: 'renditions', action: 'create' });
  const { data: renditions, refetch } = useGetList<Rendition>('renditions', {
    filter,
    sort: { field: 'createdAt', order: 'DESC' },
    pagination: { page: 1, perPage: 20 },
  });

  // A rendition still under way when the page opens is followed as if it had just been asked for.
  const followed = requested ?? renditions?.find(rendition => !isFinished(rendition));
  const followedFile = renditions?.find(rendition => rendition.id === followed?.id && rendition.status === 'done');

  const request = async (kind: RenditionKind) => {
    setRequesting(kind);
    try {
      setRequested(await requestRendition(kind));
      await refetch();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setRequesting(undefined);
    }
  };
  const download = (rendition: Rendition) =>
    downloadRendition(dataProvider, rendition.id, fileName(rendition)).catch((error: unknown) =>
      notify(error instanceof Error ? error.message : String(error), { type: 'error' }),
    );
  const fileActions = { previewId: preview?.id, onPreview: setPreview, onDownload: download };

  return (
    <Box data-testid="rendition-panel" sx={{ p: { xs: 0, md: 1 } }}>
      {canRequest ? (
        <RequestButtons issueStatus={status} busy={requesting !== undefined} onRequest={request} help={kindsHelp}>
          {exportWord}
        </RequestButtons>
      ) : (
        exportWord
      )}
      {status === 'approved' && renditions?.some(rendition => rendition.kind === 'final' && rendition.status === 'done') ? finalReady : null}
      {followed ? (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
          <Box sx={{ flex: 1 }}>
            <RenditionProgress key={followed.id} requested={followed} onFinished={() => void refetch()} />
          </Box>
          {followedFile ? <RenditionFileButtons rendition={followedFile} {...fileActions} /> : null}
        </Stack>
      ) : null}
      {preview ? (
        <Suspense fallback={<LinearProgress sx={{ my: 2 }} />}>
          <Box sx={{ my: 2 }}>
            <PdfPreview renditionId={preview.id} title={fileName(preview)} />
          </Box>
        </Suspense>
      ) : null}
      <Typography variant="subtitle1" component="h3" sx={{ mt: 3, fontWeight: 700 }}>
        {translate('app.renditions.history')}
      </Typography>
      {renditions && renditions.length > 0 ? (
        <RenditionTable renditions={renditions} {...fileActions} />
      ) : (
        <Typography color="text.secondary">{translate('app.renditions.none')}</Typography>
      )}
    </Box>
  );
};

/**
 * Once the final of a signed-off issue is made, the step after checking it: 发布, right here
 * beside the file, for whoever may publish.
 */
const FinalReady = ({ issue }: { issue: IssueDetail }) => {
  const roles = useRoles();
  if (!issueTransitions(issue.status, roles).includes('publish')) return null;
  return <FinalReadyNotice message="app.renditions.final_ready" action={<IssueTransitionButtons issue={issue} only={['publish']} />} />;
};

/** 正式版已生成…: the message, and the publish button beside it. */
export const FinalReadyNotice = ({ message, action }: { message: string; action: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Alert severity="success" role="status" sx={{ mt: 2, alignItems: 'center' }} data-testid="final-ready" action={action}>
      {translate(message)}
    </Alert>
  );
};

/**
 * 生成校样, and 生成正式版 once the issue is signed off: then the final is what is asked for, so it
 * is the prominent one; `children` (导出 Word) after them. A line says what each is for.
 */
const RequestButtons = ({
  issueStatus,
  busy,
  onRequest,
  help,
  children,
}: {
  issueStatus: IssueStatus;
  busy: boolean;
  onRequest: (kind: RenditionKind) => void;
  help: string;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const finalAllowed = FINAL_ALLOWED.includes(issueStatus);
  return (
    <>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Button variant={finalAllowed ? 'outlined' : 'contained'} startIcon={<PictureAsPdf />} disabled={busy} onClick={() => onRequest('proof')}>
          {translate('app.renditions.request_proof')}
        </Button>
        {finalAllowed ? (
          <Button variant="contained" startIcon={<Verified />} disabled={busy} onClick={() => onRequest('final')}>
            {translate('app.renditions.request_final')}
          </Button>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate('app.renditions.final_after_sign_off')}
          </Typography>
        )}
        {children}
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate(help)}
      </Typography>
    </>
  );
};
