import AddPhotoAlternate from '@mui/icons-material/AddPhotoAlternate';
import FormatBold from '@mui/icons-material/FormatBold';
import FormatListBulleted from '@mui/icons-material/FormatListBulleted';
import FormatListNumbered from '@mui/icons-material/FormatListNumbered';
import Redo from '@mui/icons-material/Redo';
import Undo from '@mui/icons-material/Undo';
import { Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useEffect, useReducer, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTiptapEditor } from 'ra-input-rich-text';
import { useTranslate } from 'react-admin';
import { useImageFileInserter } from './EntryBodyImages';

type Editor = NonNullable<ReturnType<typeof useTiptapEditor>>;

/** Re-renders on every editor transaction, so the buttons show the formatting at the cursor. */
function useEditorTransactions(editor: Editor | null | undefined): void {
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    if (!editor) return;
    editor.on('transaction', rerender);
    return () => {
      editor.off('transaction', rerender);
    };
  }, [editor]);
}

/**
 * Whether the user is writing a photo's caption (EntryBodyFigure's field). Focus moving to the
 * toolbar itself leaves the answer as it was: the toolbar acts on where the user was writing.
 */
function useWritingCaption(toolbar: RefObject<HTMLElement | null>): boolean {
  const [writingCaption, setWritingCaption] = useState(false);
  useEffect(() => {
    const onFocus = (event: FocusEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target && toolbar.current?.contains(target)) return;
      setWritingCaption(Boolean(target?.closest('.entry-figure-caption')));
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, [toolbar]);
  return writingCaption;
}

/**
 * Bold, the two kinds of list, images, undo and redo: what the printed chronicle can show. A
 * caption prints as plain text (libs/rich-text, libs/typeset), so while one is being written
 * bold and lists are not offered.
 */
export const EntryBodyToolbar = () => {
  const editor = useTiptapEditor();
  const translate = useTranslate();
  const insertImageFiles = useImageFileInserter();
  const fileInput = useRef<HTMLInputElement>(null);
  const toolbar = useRef<HTMLDivElement>(null);
  useEditorTransactions(editor);
  const writingCaption = useWritingCaption(toolbar);
  const disabled = !editor?.isEditable;
  const active = (name: string) => Boolean(editor && !editor.isDestroyed && editor.isActive(name));

  const button = (value: string, label: string, icon: ReactNode, run: (editor: Editor) => void, selected = false) => (
    <ToggleButton
      value={value}
      selected={selected}
      aria-label={translate(label)}
      title={translate(label)}
      onClick={() => editor && run(editor)}
    >
      {icon}
    </ToggleButton>
  );

  return (
    <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: 'center' }} data-testid="entry-body-toolbar" ref={toolbar}>
      <ToggleButtonGroup size="small" disabled={disabled || writingCaption}>
        {button('bold', 'app.editor.bold', <FormatBold fontSize="inherit" />, e => e.chain().focus().toggleBold().run(), active('bold'))}
      </ToggleButtonGroup>
      <ToggleButtonGroup size="small" disabled={disabled || writingCaption}>
        {button(
          'bulletList',
          'app.editor.bullet_list',
          <FormatListBulleted fontSize="inherit" />,
          e => e.chain().focus().toggleBulletList().run(),
          active('bulletList'),
        )}
        {button(
          'orderedList',
          'app.editor.ordered_list',
          <FormatListNumbered fontSize="inherit" />,
          e => e.chain().focus().toggleOrderedList().run(),
          active('orderedList'),
        )}
      </ToggleButtonGroup>
      <ToggleButtonGroup size="small" disabled={disabled}>
        {button('image', 'app.editor.insert_image', <AddPhotoAlternate fontSize="inherit" />, () => fileInput.current?.click())}
      </ToggleButtonGroup>
      {/* The picker offers PNG and JPEG; whatever else is chosen is refused with the reason. */}
      <input
        ref={fileInput}
        type="file"
        accept="image/png,image/jpeg"
        multiple
        hidden
        data-testid="entry-body-image-file"
        onChange={event => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          if (editor && files.length > 0) void insertImageFiles(editor, files);
        }}
      />
      <ToggleButtonGroup size="small" disabled={disabled}>
        {button('undo', 'app.editor.undo', <Undo fontSize="inherit" />, e => e.chain().focus().undo().run())}
        {button('redo', 'app.editor.redo', <Redo fontSize="inherit" />, e => e.chain().focus().redo().run())}
      </ToggleButtonGroup>
      {writingCaption ? (
        <Typography variant="caption" color="text.secondary" data-testid="caption-plain-text">
          {translate('app.editor.caption_plain')}
        </Typography>
      ) : null}
    </Stack>
  );
};
