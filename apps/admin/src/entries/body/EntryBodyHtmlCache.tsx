/**
 * Keeps photos from making typing slow. ra-input-rich-text's RichTextInput serialises the whole
 * document to HTML on every change, hands it to the form, and then (its value-sync effect) parses
 * that same HTML back into the editor. With photos as data: URLs that is megabytes serialised and
 * megabytes parsed per keystroke. This extension remembers the HTML of the current document
 * (serialised once per change, not once per caller) and makes setContent of exactly that HTML a
 * no-op: the editor already shows it. Any other content (the saved entry when the form opens, a
 * version restored from the history) is set as before.
 */
import { commands, Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

export const BodyHtmlCache = Extension.create({
  name: 'bodyHtmlCache',
  // Lowest priority: its setContent comes after, and so replaces, the core's.
  priority: 1,

  onBeforeCreate() {
    const { editor } = this;
    const serialise = editor.getHTML.bind(editor);
    let cached: { doc: ProseMirrorNode; html: string } | undefined;
    editor.getHTML = () => {
      const { doc } = editor.state;
      if (cached?.doc !== doc) cached = { doc, html: serialise() };
      return cached.html;
    };
  },

  addCommands() {
    return {
      setContent: (content, options) => props =>
        typeof content === 'string' && content === props.editor.getHTML() ? true : commands.setContent(content, options)(props),
    };
  },
});
