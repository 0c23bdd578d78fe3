import { fileURLToPath } from 'node:url';
import { constants as zlibConstants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

/** The static imports of a module, and theirs, and so on. */
function staticClosure(entry: string, graph: ModuleGraph): Set<string> {
  const closure = new Set<string>();
  const pending = [entry];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const info = closure.has(next) ? null : graph.getModuleInfo(next);
    if (!info) continue;
    closure.add(next);
    pending.push(...info.importedIds);
  }
  return closure;
}

/**
 * The shell: what every screen needs, boot/render.tsx and all it imports statically (React, MUI,
 * react-admin, the layout…), except what the entry (main.tsx) imports itself, which must stay
 * small so that it runs, and asks for the first screen's data, before the shell has arrived.
 */
const SHELL_ENTRY = fileURLToPath(new URL('./src/boot/render.tsx', import.meta.url));
const ENTRY = fileURLToPath(new URL('./src/main.tsx', import.meta.url));
type ModuleGraph = { getModuleInfo(id: string): { importedIds: readonly string[] } | null };
let boot: Set<string> | undefined;
let shell: Set<string> | undefined;
function inBoot(id: string, graph: ModuleGraph): boolean {
  boot ??= staticClosure(ENTRY, graph);
  return boot.has(id);
}
function inShell(id: string, graph: ModuleGraph): boolean {
  shell ??= staticClosure(SHELL_ENTRY, graph);
  return shell.has(id) && !inBoot(id, graph);
}

/**
 * The admin is built into dist/admin, which the API serves at `/`; in development the
 * Vite server forwards `/api` to a locally running API instead.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [
    react(),
    { name: 'reset-chunk-groups', buildStart: () => void (boot = shell = undefined) },
    // Every file compressed once, at build time, as well as brotli and gzip can (the API sends the
    // .br or .gz beside a file as the browser asks: apps/api/src/admin-static.ts).
    compression({
      algorithms: [defineAlgorithm('brotliCompress', { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }), defineAlgorithm('gzip', { level: 9 })],
      threshold: 1024,
      skipIfLargerOrEqual: true,
    }),
  ],
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
    // The shell (below) is one file of 1.3 MB, about 380 KB compressed.
    chunkSizeWarningLimit: 1400,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The shell in one file, not the dozens automatic splitting makes of it (it splits by which
            // screens share a module, though the shell is always loaded first): a browser fetches only
            // six files at a time from one server. Each screen adds a small file of its own; the editor
            // (TipTap) and the diff stay apart until they are opened.
            { name: (id: string, graph: ModuleGraph) => (inShell(id, graph) ? 'shell' : null), debugName: 'shell' },
            // The entry's own modules, which the shell uses too (the preloaded answers): first, so the
            // shell does not take them in with its dependencies.
            { name: (id: string, graph: ModuleGraph) => (inBoot(id, graph) ? 'boot' : null), debugName: 'boot', priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
