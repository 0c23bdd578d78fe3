import type { AppDataProvider } from '../providers/dataProvider';
import { saveFile } from '../saveFile';

/** Saves a rendition's PDF, under the name the server gives it. */
export async function downloadRendition(dataProvider: AppDataProvider, renditionId: string, fallbackName: string): Promise<void> {
  const { blob, filename } = await dataProvider.renditionFile(renditionId);
  saveFile(blob, filename ?? fallbackName);
}
