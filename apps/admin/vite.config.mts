import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The admin is built into dist/admin, which the API serves at `/`; in development the
 * Vite server forwards `/api` to a locally running API instead.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  resolve: {
    // ra-input-rich-text was installed with a nested, older @tiptap/core and @tiptap/pm, while
    // StarterKit uses the top-level ones: two ProseMirror cores in one editor break it (and
    // double the editor chunk). Every import of them resolves to the top-level copy.
    dedupe: ['@tiptap/core', '@tiptap/pm'],
    // The workflow rules are the server's own (libs/workflow: plain TypeScript, no framework), so
    // the admin offers exactly the buttons the server will accept, with the same Chinese reasons.
    alias: {
      '@dsyb/workflow': fileURLToPath(new URL('../../libs/workflow/src/index.ts', import.meta.url)),
    },
  },
  build: {
    outDir: '../../dist/admin',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
