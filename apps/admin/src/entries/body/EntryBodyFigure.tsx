/**
 * An image with its caption in the entry body: the TipTap node for
 * `<figure><img src="data:image/png;base64,…"><figcaption>说明</figcaption></figure>`, exactly the
 * shape the API keeps (apps/api/src/entries/entry-body.ts) and the PDF prints (libs/rich-text).
 *
 * The figure is one atom: the image and its caption move, copy and delete together, and the
 * caption is plain text (the PDF prints it so), typed in a field under the image. TipTap's own
 * figure example keeps the caption as editable node content instead; that makes Enter split a
 * figure in two (both with the image) and a figure with no caption yet count as an empty
 * document, which ra-input-rich-text saves as an empty body.
 */
import { Node, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { NodeView } from '@tiptap/pm/view';

export interface FigureOptions {
  /** Labels shown in the editor, read when a figure is drawn (the user's language). */
  labels: () => FigureLabels;
  /** Image files pasted or dropped into the editor; `position` is where they were dropped. */
  onImageFiles: (editor: Editor, files: File[], position?: number) => void;
}

export interface FigureLabels {
  caption: string;
  remove: string;
  notPrinted: string;
}

/** What the PDF embeds (libs/domain imageFromSource): PNG or JPEG as a base64 data: URL. */
export const isPrintableImageSource = (src: string): boolean => /^data:image\/(png|jpeg);base64,/i.test(src);

const imageOf = (element: HTMLElement): HTMLImageElement | null =>
  element instanceof HTMLImageElement ? element : element.querySelector('img');

export const Figure = Node.create<FigureOptions>({
  name: 'figure',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return {
      labels: () => ({ caption: 'Caption', remove: 'Remove image', notPrinted: 'Not printed' }),
      onImageFiles: () => undefined,
    };
  },

  addAttributes() {
    return {
      src: { default: '', rendered: false, parseHTML: element => imageOf(element)?.getAttribute('src') ?? '' },
      // The text as typed: not trimmed or collapsed here, or a space typed at the end would
      // vanish when the form hands the saved HTML back to the editor.
      caption: { default: '', rendered: false, parseHTML: element => element.querySelector('figcaption')?.textContent ?? '' },
    };
  },

  parseHTML() {
    return [
      { tag: 'figure', getAttrs: element => (imageOf(element)?.getAttribute('src') ? null : false) },
      // An image standing alone (older bodies, or pasted): a figure without caption. Only images
      // the PDF can print are taken from pasted web pages; the others are left out.
      { tag: 'img[src]', getAttrs: element => (isPrintableImageSource(element.getAttribute('src') ?? '') ? null : false) },
    ];
  },

  renderHTML({ node }) {
    return ['figure', ['img', { src: node.attrs.src as string }], ['figcaption', node.attrs.caption as string]];
  },

  renderText({ node }) {
    return node.attrs.caption as string;
  },

  addNodeView() {
    return ({ node, getPos, editor }) => figureView(node, getPos, editor, this.options.labels());
  },

  addProseMirrorPlugins() {
    const { editor, options } = this;
    return [
      new Plugin({
        key: new PluginKey('figureFiles'),
        props: {
          // A screenshot or a copied image arrives as a file; text copied from a word processor
          // may bring a picture of itself along, so files count only when there is no text.
          handlePaste: (_view, event) => {
            const files = Array.from(event.clipboardData?.files ?? []);
            if (files.length === 0 || (event.clipboardData?.getData('text/plain') ?? '').trim() !== '') return false;
            options.onImageFiles(editor, files);
            return true;
          },
          handleDrop: (view, event, _slice, moved) => {
            const files = Array.from(event.dataTransfer?.files ?? []);
            if (moved || files.length === 0) return false;
            event.preventDefault();
            options.onImageFiles(editor, files, view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos);
            return true;
          },
        },
      }),
    ];
  },
});

type FigureNode = Parameters<NodeView['update'] & {}>[0];

/**
 * The figure as drawn in the editor: the image, a delete button, and the caption field. The
 * caption goes into the document as it is typed (after an input method has finished composing,
 * so pinyin is not stored half-typed).
 */
function figureView(initial: FigureNode, getPos: () => number | undefined, editor: Editor, labels: FigureLabels): NodeView {
  let node = initial;
  const dom = document.createElement('figure');
  dom.className = 'entry-figure';
  dom.contentEditable = 'false';
  dom.dataset.testid = 'entry-figure';

  const image = document.createElement('img');
  image.alt = '';
  image.draggable = false;
  const warning = document.createElement('div');
  warning.className = 'entry-figure-warning';
  warning.textContent = labels.notPrinted;

  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'entry-figure-remove';
  remove.textContent = '✕';
  remove.title = labels.remove;
  remove.setAttribute('aria-label', labels.remove);
  remove.addEventListener('click', () => {
    const pos = getPos();
    if (pos === undefined) return;
    editor.chain().focus().deleteRange({ from: pos, to: pos + node.nodeSize }).run();
  });

  const caption = document.createElement('input');
  caption.type = 'text';
  caption.className = 'entry-figure-caption';
  caption.placeholder = labels.caption;
  caption.setAttribute('aria-label', labels.caption);
  let composing = false;
  const commitCaption = () => {
    const pos = getPos();
    if (pos === undefined || caption.value === node.attrs.caption || !editor.isEditable) return;
    editor.view.dispatch(editor.view.state.tr.setNodeAttribute(pos, 'caption', caption.value));
  };
  caption.addEventListener('compositionstart', () => {
    composing = true;
  });
  caption.addEventListener('compositionend', () => {
    composing = false;
    commitCaption();
  });
  caption.addEventListener('input', () => {
    if (!composing) commitCaption();
  });
  // Enter ends the caption: writing goes on in a new paragraph under the figure.
  caption.addEventListener('keydown', event => {
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    const pos = getPos();
    if (pos === undefined) return;
    const after = pos + node.nodeSize;
    const { state } = editor.view;
    const tr = state.tr.insert(after, state.schema.nodes.paragraph.create());
    editor.view.dispatch(tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView());
    editor.view.focus();
  });

  const show = (next: FigureNode) => {
    const src = next.attrs.src as string;
    if (image.getAttribute('src') !== src) image.src = src;
    warning.hidden = isPrintableImageSource(src);
    // Not while the field is being typed in: the document may trail it by a composition.
    if (document.activeElement !== caption && caption.value !== next.attrs.caption) caption.value = next.attrs.caption as string;
    caption.readOnly = !editor.isEditable;
    remove.hidden = !editor.isEditable;
  };
  show(node);
  // The delete button sits on the image's corner, whatever the image's width.
  const frame = document.createElement('div');
  frame.className = 'entry-figure-frame';
  frame.append(image, remove);
  dom.append(frame, warning, caption);

  return {
    dom,
    update: next => {
      if (next.type !== node.type) return false;
      node = next;
      show(node);
      return true;
    },
    // Typing in the caption and clicking the button are the field's and the button's own.
    stopEvent: event => event.target === caption || event.target === remove,
    ignoreMutation: () => true,
  };
}
