/**
 * The rich-text body editor (TipTap through ra-input-rich-text). Loaded on demand by
 * EntryBodyInput, so the editor's code is fetched only when an entry form opens.
 *
 * It offers what the printed chronicle has: paragraphs, bold, bulleted and numbered lists, and
 * images with captions (EntryBodyFigure). Headings, italics, links, code, quotes and colours are
 * not part of the schema, so text pasted from a web page or a word processor arrives as plain
 * paragraphs.
 */
import StarterKit from '@tiptap/starter-kit';
import { RichTextInput, type RichTextInputProps } from 'ra-input-rich-text';
import { useMemo, useRef } from 'react';
import { useTranslate } from 'react-admin';
import { Figure } from './EntryBodyFigure';
import { BodyHtmlCache } from './EntryBodyHtmlCache';
import { useImageFileInserter } from './EntryBodyImages';
import { EntryBodyToolbar } from './EntryBodyToolbar';
import { entryBodySx, entryFigureEditingSx } from './entryBodyStyle';

const starterKit = StarterKit.configure({
  heading: false,
  blockquote: false,
  code: false,
  codeBlock: false,
  horizontalRule: false,
  italic: false,
  strike: false,
  underline: false,
  link: false,
});

const EntryBodyEditor = (props: RichTextInputProps) => {
  const translate = useTranslate();
  const insertImageFiles = useImageFileInserter();
  // The editor is made once per form (a change of options makes a new one); what it calls back
  // is read through refs, so it always uses the current language and notifications.
  const latest = useRef({ translate, insertImageFiles });
  latest.current = { translate, insertImageFiles };
  const editorOptions = useMemo<RichTextInputProps['editorOptions']>(
    () => ({
      extensions: [
        starterKit,
        BodyHtmlCache,
        Figure.configure({
          labels: () => ({
            caption: latest.current.translate('app.editor.image_caption'),
            remove: latest.current.translate('app.editor.remove_image'),
            notPrinted: latest.current.translate('app.editor.image_not_printed'),
          }),
          onImageFiles: (editor, files, position) => void latest.current.insertImageFiles(editor, files, position),
        }),
      ],
    }),
    [],
  );
  return (
    <RichTextInput
      editorOptions={editorOptions}
      toolbar={<EntryBodyToolbar />}
      sx={{ '& .ProseMirror': { ...entryBodySx, ...entryFigureEditingSx, minHeight: '16rem', maxWidth: 'none', px: 2 } }}
      {...props}
    />
  );
};

export default EntryBodyEditor;
