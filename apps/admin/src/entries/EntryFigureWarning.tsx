import { Alert, AlertTitle } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Entry, LowResolutionWarning } from '@dsyb/contracts';

/**
 * Figures of the saved entry too small for the size they print at (the server's `low-resolution`
 * warnings, entry-warnings.ts): which figure, its pixels, its dpi and what would do. A warning,
 * not a refusal: the entry is saved and prints; 签发 lists them again.
 */
export const EntryFigureWarning = () => {
  const translate = useTranslate();
  const entry = useRecordContext<Entry>();
  const low = entry?.warnings?.filter((warning): warning is LowResolutionWarning => warning.code === 'low-resolution') ?? [];
  if (low.length === 0) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="entry-figure-warning">
      <AlertTitle>{translate('app.entries.figures_low_resolution')}</AlertTitle>
      {low.map((warning) => (
        <div key={warning.figure}>{warning.message}</div>
      ))}
    </Alert>
  );
};
