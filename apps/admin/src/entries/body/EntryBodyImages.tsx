/**
 * Image files into the entry body: checked the way the PDF will check them, read as a data: URL
 * (the body carries its images; there is no upload store) and inserted as a figure with an empty
 * caption, whose field then has the focus.
 */
import type { Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { useCallback } from 'react';
import { useNotify } from 'react-admin';
import { MIN_PRINT_DPI, printedFigure } from '@dsyb/contracts';
import { MAX_BODY_HTML, megabytes } from './bodyText';

/** The largest image file the editor takes: a photo or scan for print, well under the PDF's 5 MB. */
export const MAX_IMAGE_FILE_BYTES = 2 * 1024 * 1024;
/** The typesetter decodes each image in memory; the same limits as libs/domain embedded-image.ts. */
const MAX_IMAGE_SIDE = 12_000;
const MAX_IMAGE_PIXELS = 25_000_000;

type ImageRead = { ok: true; src: string; width: number; height: number } | { ok: false; message: string; args: Record<string, string | number> };

const isPng = (bytes: Uint8Array) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => bytes[i] === byte);
const isJpeg = (bytes: Uint8Array) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

/** Judged by the bytes, as the PDF judges them: a GIF renamed to .png is still refused. */
export async function readImageFile(file: File): Promise<ImageRead> {
  const name = file.name;
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const type = isPng(head) ? 'image/png' : isJpeg(head) ? 'image/jpeg' : undefined;
  if (!type) return { ok: false, message: 'app.editor.image_unsupported', args: { name } };
  if (file.size > MAX_IMAGE_FILE_BYTES) {
    return { ok: false, message: 'app.editor.image_too_large', args: { name, size: megabytes(file.size), limit: megabytes(MAX_IMAGE_FILE_BYTES) } };
  }
  let width: number;
  let height: number;
  try {
    const bitmap = await createImageBitmap(file);
    ({ width, height } = bitmap);
    bitmap.close();
  } catch {
    return { ok: false, message: 'app.editor.image_unreadable', args: { name } };
  }
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    return { ok: false, message: 'app.editor.image_too_many_pixels', args: { name, width, height } };
  }
  return { ok: true, src: await dataUrl(new Blob([file], { type })), width, height };
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsDataURL(blob);
  });
}

/**
 * Inserts a figure at `position` (where a file was dropped) or after the selection, splitting a
 * paragraph the cursor stands in, selects it and puts the cursor in its caption field.
 */
export function insertFigure(editor: Editor, src: string, position?: number): void {
  const { state, view } = editor;
  const figure = state.schema.nodes.figure.create({ src, caption: '' });
  const at = position ?? state.selection.to;
  const tr = state.tr.replaceRangeWith(at, at, figure);
  let figurePos: number | undefined;
  tr.doc.descendants((node, pos) => {
    if (node === figure) figurePos = pos;
    return figurePos === undefined;
  });
  if (figurePos === undefined) return;
  view.dispatch(tr.setSelection(NodeSelection.create(tr.doc, figurePos)).scrollIntoView());
  (view.nodeDOM(figurePos) as HTMLElement | null)?.querySelector('input')?.focus();
}

/** Checks, reads and inserts image files one by one, saying in a notification why one is refused. */
export function useImageFileInserter(): (editor: Editor, files: File[], position?: number) => Promise<void> {
  const notify = useNotify();
  return useCallback(
    async (editor: Editor, files: File[], position?: number) => {
      let at = position;
      for (const file of files) {
        const read = await readImageFile(file);
        if (editor.isDestroyed || !editor.isEditable) return;
        if (!read.ok) {
          notify(read.message, { type: 'error', messageArgs: read.args, autoHideDuration: 10_000 });
          continue;
        }
        if (editor.getHTML().length + read.src.length > MAX_BODY_HTML) {
          notify('app.editor.image_body_full', { type: 'error', messageArgs: { name: file.name, limit: megabytes(MAX_BODY_HTML) }, autoHideDuration: 10_000 });
          continue;
        }
        insertFigure(editor, read.src, at);
        at = undefined; // the next file goes after this one
        // Inserted, but it will print soft: said now, where the picture was chosen (and again by
        // the server's warning once saved).
        const printed = printedFigure(read);
        if (printed.low) {
          notify('app.editor.image_low_resolution', {
            type: 'warning',
            messageArgs: { name: file.name, width: read.width, height: read.height, dpi: printed.dpi, min: MIN_PRINT_DPI, needed: printed.neededWidth },
            autoHideDuration: 15_000,
          });
        }
      }
    },
    [notify],
  );
}
