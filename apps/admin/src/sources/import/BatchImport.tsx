import UploadFile from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, Card, CardContent, LinearProgress, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { sourceImports, type ImportBatch } from '../../providers/sourceImports';
import { errorMessage } from '../../review/useTransitions';
import type { PageOrigin } from './importDraft';

const ACCEPTED = '.pdf,.docx,.png,.jpg,.jpeg,.tif,.tiff,.webp,.txt';

/**
 * 批量导入: a month of page files at once. The worker reads, splits and saves them one by one;
 * the card follows its progress and lists each file's outcome (saved, duplicates skipped, or why
 * it failed) without the per-article check the single-page desk offers.
 */
export const BatchImport = ({ origin }: { origin: PageOrigin }) => {
  const translate = useTranslate();
  const [files, setFiles] = useState<File[]>([]);
  const [batch, setBatch] = useState<ImportBatch | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = batch !== null && (batch.status === 'queued' || batch.status === 'running');

  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => {
      sourceImports.batch(batch.id).then(setBatch, (failure: unknown) => setError(errorMessage(failure)));
    }, 1000);
    return () => clearInterval(timer);
  }, [running, batch?.id]);

  const start = async () => {
    setError(null);
    try {
      setBatch(await sourceImports.startBatch(origin, files));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <Card data-testid="batch-import">
      <CardContent>
        <Typography variant="h6" gutterBottom>{translate('app.source_import.batch.title')}</Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>{translate('app.source_import.batch.help')}</Typography>
        <Stack direction="row" spacing={2} sx={{ my: 1, alignItems: "center" }}>
          <Button component="label" variant="outlined" startIcon={<UploadFile />} disabled={running}>
            {translate('app.source_import.batch.choose')}
            <input hidden type="file" multiple accept={ACCEPTED} data-testid="batch-files" onChange={event => setFiles([...(event.target.files ?? [])])} />
          </Button>
          <Typography variant="body2">{translate('app.source_import.batch.chosen', { count: files.length })}</Typography>
          <Button variant="contained" disabled={files.length === 0 || running} onClick={() => void start()} data-testid="batch-start">
            {translate('app.source_import.batch.start')}
          </Button>
        </Stack>
        {error ? <Alert severity="error">{error}</Alert> : null}
        {batch ? (
          <Box data-testid="batch-progress">
            <LinearProgress variant="determinate" value={batch.total ? (batch.processed / batch.total) * 100 : 0} sx={{ my: 1 }} />
            <Typography variant="body2">
              {translate('app.source_import.batch.progress', { processed: batch.processed, total: batch.total, created: batch.created, skipped: batch.skipped, failed: batch.failed })}
            </Typography>
            <List dense>
              {batch.files.map(file => (
                <ListItem key={file.id} disableGutters>
                  <ListItemText
                    primary={file.name}
                    secondary={
                      file.status === 'failed'
                        ? translate('app.source_import.batch.file_failed', { message: file.message ?? '' })
                        : file.status === 'done'
                          ? translate('app.source_import.batch.file_done', { created: file.created, skipped: file.skipped }) + (file.message ? `（${file.message}）` : '')
                          : translate(`app.source_import.batch.file_${file.status}`)
                    }
                    slotProps={{ secondary: { color: file.status === "failed" ? "error" : "text.secondary" } }}
                  />
                </ListItem>
              ))}
            </List>
          </Box>
        ) : null}
      </CardContent>
    </Card>
  );
};
