import Description from '@mui/icons-material/Description';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { saveFile } from '../saveFile';

/**
 * 导出 Word: saves the .docx the API serves at `url` (its path under /api: an issue's
 * `issues/<id>/export.docx`, an annual volume's `annual-volumes/<id>/export.docx`) under the name
 * the server gives it, or `fallbackName`. A refusal is shown with the server's reason. `size`
 * small where it sits among a page's small actions (the annual volume's toolbar).
 */
export const ExportWordButton = ({ url, fallbackName, size = 'medium' }: { url: string; fallbackName: string; size?: 'small' | 'medium' }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [busy, setBusy] = useState(false);
  const exportWord = async () => {
    setBusy(true);
    try {
      const { blob, filename } = await dataProvider.apiFile(url);
      saveFile(blob, filename ?? fallbackName);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    // "Word" as the program writes its name, not in the buttons' capitals.
    <Button variant="outlined" size={size} startIcon={<Description />} disabled={busy} onClick={() => void exportWord()} data-testid="export-word" sx={{ textTransform: 'none' }}>
      {translate('app.renditions.export_word')}
    </Button>
  );
};
