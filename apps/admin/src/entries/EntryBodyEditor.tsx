/**
 * The rich-text body editor (TipTap through ra-input-rich-text). Loaded on demand by
 * EntryBodyInput, so the editor's code is fetched only when an entry form opens.
 *
 * It offers what the printed chronicle has: paragraphs, bold, bulleted and numbered lists.
 * Headings, italics, links, code, quotes and colours are not part of the schema, so text pasted
 * from a web page or a word processor arrives as plain paragraphs.
 */
import StarterKit from '@tiptap/starter-kit';
import { RichTextInput, type RichTextInputProps } from 'ra-input-rich-text';
import { EntryBodyToolbar } from './EntryBodyToolbar';
import { entryBodySx } from './entryBodyStyle';

const editorOptions: RichTextInputProps['editorOptions'] = {
  extensions: [
    StarterKit.configure({
      heading: false,
      blockquote: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      italic: false,
      strike: false,
      underline: false,
      link: false,
    }),
  ],
};

const EntryBodyEditor = (props: RichTextInputProps) => (
  <RichTextInput
    editorOptions={editorOptions}
    toolbar={<EntryBodyToolbar />}
    sx={{ '& .ProseMirror': { ...entryBodySx, minHeight: '16rem', maxWidth: 'none', px: 2 } }}
    {...props}
  />
);

export default EntryBodyEditor;
