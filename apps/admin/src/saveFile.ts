/**
 * Hands a file fetched with the bearer token (a plain link could not fetch it) to the browser
 * as a download, through a blob URL.
 */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has read the URL once the download starts; keep it a little while for slow starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
