import { Alert, Box, LinearProgress } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';

type PreviewState = { status: 'loading' } | { status: 'ready'; url: string } | { status: 'error'; message: string };

/**
 * A rendition's PDF inside the page, in the browser's own PDF viewer. The file needs the bearer
 * token, so it is fetched here and shown from a blob URL (the API's CSP allows blob: frames).
 * Loaded on demand: most visits to an issue never open a preview.
 */
const PdfPreview = ({ renditionId, title }: { renditionId: string; title: string }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const [state, setState] = useState<PreviewState>({ status: 'loading' });

  useEffect(() => {
    let url: string | undefined;
    let cancelled = false;
    setState({ status: 'loading' });
    dataProvider.renditionFile(renditionId).then(
      ({ blob }) => {
        if (cancelled) return;
        url = URL.createObjectURL(blob);
        setState({ status: 'ready', url });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [dataProvider, renditionId]);

  if (state.status === 'loading') return <LinearProgress sx={{ my: 2 }} />;
  if (state.status === 'error') {
    return <Alert severity="error">{translate('app.renditions.preview_failed', { message: state.message })}</Alert>;
  }
  return (
    <Box
      component="iframe"
      src={state.url}
      title={title}
      data-testid="pdf-preview"
      sx={{ width: '100%', height: '80vh', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'grey.100' }}
    />
  );
};

export default PdfPreview;
