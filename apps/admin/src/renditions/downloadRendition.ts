import type { AppDataProvider } from '../providers/dataProvider';

/**
 * Saves a rendition's PDF. The file is behind the bearer token, so a plain link cannot fetch it:
 * it is fetched with the token and handed to the browser as a blob URL.
 */
export async function downloadRendition(dataProvider: AppDataProvider, renditionId: string, fallbackName: string): Promise<void> {
  const { blob, filename } = await dataProvider.renditionFile(renditionId);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename ?? fallbackName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has read the URL once the download starts; keep it a little while for slow starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
