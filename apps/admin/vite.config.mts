import { fileURLToPath } from 'node:url';
import { constants as zlibConstants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const root = fileURLToPath(new URL('.', import.meta.url));
const ENTRY = fileURLToPath(new URL('./src/main.tsx', import.meta.url));
/** The pages of the build: the admin, and the page a unit opens from its link (/receive/<token>). */
const PAGES = { index: fileURLToPath(new URL('./index.html', import.meta.url)), receive: fileURLToPath(new URL('./receive.html', import.meta.url)) };
const SHELL_ENTRY = fileURLToPath(new URL('./src/boot/render.tsx', import.meta.url));
/** The screens people land on: the dashboard (after signing in) and the entries list. */
const LANDING_SCREENS = ['./src/dashboard/Dashboard.tsx', './src/entries/EntryList.tsx'].map((file) => fileURLToPath(new URL(file, import.meta.url)));

const resolve: UserConfig['resolve'] = {
  // ra-input-rich-text was installed with a nested, older @tiptap/core and @tiptap/pm, while
  // StarterKit uses the top-level ones: two ProseMirror cores in one editor break it (and
  // double the editor chunk). Every import of them resolves to the top-level copy.
  dedupe: ['@tiptap/core', '@tiptap/pm'],
  // The workflow rules are the server's own (libs/workflow: plain TypeScript, no framework), so
  // the admin offers exactly the buttons the server will accept, with the same Chinese reasons.
  alias: {
    '@dsyb/workflow': fileURLToPath(new URL('../../libs/workflow/src/index.ts', import.meta.url)),
    // The API's vocabulary, record shapes, writable fields and limits, from the one place they are defined.
    '@dsyb/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)),
  },
};

interface ChunkGroups {
  /** main.tsx and what it imports: small, so it runs (and asks for the first screen's data) at once. */
  boot: Set<string>;
  /**
   * The app's frame (boot/render.tsx: React, MUI, react-admin, the layout…) and the screens people
   * land on, so that opening the dashboard or the entries list takes three files.
   */
  shell: Set<string>;
}

/**
 * Which modules the entry and the shell's starting points really use, from a first build with automatic chunking
 * (in memory, not written): the modules of the chunk that starts at each and of the chunks those
 * import statically. Rolldown's own module graph cannot say this: through react-admin's and MUI's
 * index files every component is "imported", while after tree-shaking only what is used remains.
 */
async function measureChunkGroups(): Promise<ChunkGroups> {
  const result = await build({ configFile: false, root, base: '/', logLevel: 'silent', plugins: [react()], resolve, build: { write: false } });
  const chunks = (Array.isArray(result) ? result : [result]).flatMap((output) => ('output' in output ? output.output : [])).filter((item) => item.type === 'chunk');
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const modulesFrom = (startsHere: (chunk: (typeof chunks)[number]) => boolean, what: string): Set<string> => {
    const start = chunks.find(startsHere);
    if (!start) throw new Error(`vite.config.mts: no chunk starts at ${what}`);
    const seen = new Set<string>();
    const pending = [start.fileName];
    for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
      if (seen.has(file)) continue;
      seen.add(file);
      pending.push(...(byFile.get(file)?.imports ?? []));
    }
    return new Set([...seen].flatMap((file) => byFile.get(file)?.moduleIds ?? []));
  };
  // The entry chunk starts at index.html, which holds main.tsx.
  const boot = modulesFrom((chunk) => chunk.isEntry, 'index.html');
  if (!boot.has(ENTRY)) throw new Error(`vite.config.mts: the entry chunk does not hold ${ENTRY}`);
  const shell = [SHELL_ENTRY, ...LANDING_SCREENS].flatMap((start) => [...modulesFrom((chunk) => chunk.facadeModuleId === start, start)]);
  return { boot, shell: new Set(shell.filter((id) => !boot.has(id))) };
}

/**
 * The shell's files asked for by index.html itself, as it is read, beside main.tsx: otherwise
 * the browser learns of them only once main.tsx has run and imported boot/render.tsx.
 */
function preloadShell(): Plugin {
  return {
    name: 'dsyb-preload-shell',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, filename }) {
        // The admin's page only: the unit's page (receive.html) does not load the shell.
        if (filename !== PAGES.index) return [];
        const chunks = Object.values(bundle ?? {}).filter((item) => item.type === 'chunk');
        const shell = chunks.find((chunk) => chunk.name === 'shell');
        if (!shell) throw new Error('vite.config.mts: the build has no shell chunk');
        const entries = new Set(chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName));
        return [...shell.imports.filter((file) => !entries.has(file)), shell.fileName].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

const RECEIVE_DIR = fileURLToPath(new URL('./src/receive/', import.meta.url));
/** The mark of the unit's page's own copy of a module the admin uses too. */
const RECEIVE_COPY = '?receive-page';
/** The unit's page preloads no modules, so it goes without Vite's modulepreload polyfill (the admin's boot file holds it). */
const NO_POLYFILL = '\0dsyb-receive-page-no-polyfill';

/**
 * The unit's page (receive.html, src/receive/) uses a few of the admin's modules (the date and
 * size formats, the contracts' limits, the API's address). Shared, they would sit in the admin's
 * boot and shell files (the chunk groups below take every module those use), and a unit's phone
 * would download the admin to open its link. So the page gets its own copy of each module it
 * imports from outside its folder, under another id: the admin's files stay exactly as they were.
 */
function receivePageOwnCopies(): Plugin {
  return {
    name: 'dsyb-receive-page-own-copies',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source === 'vite/modulepreload-polyfill' && importer?.startsWith(PAGES.receive)) return NO_POLYFILL;
      if (!importer || !(importer.startsWith(RECEIVE_DIR) || importer.endsWith(RECEIVE_COPY))) return null;
      const resolved = await this.resolve(source, importer.replace(RECEIVE_COPY, ''), { ...options, skipSelf: true });
      if (!resolved || resolved.external || resolved.id.startsWith('\0') || resolved.id.includes('?') || resolved.id.includes('/node_modules/') || resolved.id.startsWith(RECEIVE_DIR)) return resolved;
      return { ...resolved, id: `${resolved.id}${RECEIVE_COPY}` };
    },
    load(id) {
      return id === NO_POLYFILL ? '' : null;
    },
  };
}

/** `vite` in development: a unit's link, /receive/<token>, opens the unit's page as the API serves it. */
function receivePageInDevelopment(): Plugin {
  return {
    name: 'dsyb-receive-page-dev',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        if (request.url?.startsWith('/receive/')) request.url = '/receive.html';
        next();
      });
    },
  };
}

/**
 * The admin is built into dist/admin, which the API serves at `/`; in development the
 * Vite server forwards `/api` to a locally running API instead.
 */
export default defineConfig(async ({ command }) => {
  const groups = command === 'build' ? await measureChunkGroups() : { boot: new Set<string>(), shell: new Set<string>() };
  return {
    root,
    base: '/',
    plugins: [
      receivePageOwnCopies(),
      receivePageInDevelopment(),
      react(),
      preloadShell(),
      // Every file compressed once, at build time, as well as brotli and gzip can (the API sends the
      // .br or .gz beside a file as the browser asks: apps/api/src/admin-static.ts).
      compression({
        algorithms: [defineAlgorithm('brotliCompress', { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }), defineAlgorithm('gzip', { level: 9 })],
        threshold: 1024,
        skipIfLargerOrEqual: true,
      }),
    ],
    resolve,
    build: {
      outDir: '../../dist/admin',
      emptyOutDir: true,
      // The shell (below) is one file of about 1.2 MB, 310 KB as brotli.
      chunkSizeWarningLimit: 1400,
      rolldownOptions: {
        input: PAGES,
        output: {
          codeSplitting: {
            groups: [
              // The entry's own modules first, so that the shell does not take them in: it uses
              // them too (the preloaded answers).
              { name: (id: string) => (groups.boot.has(id) ? 'boot' : null), debugName: 'boot', priority: 1 },
              // The shell in one file, not the dozens automatic splitting makes of it (it splits by
              // which screens share a module, though the shell is always loaded first): a browser
              // fetches only six files at a time from one server. Other screens add files of their
              // own; the editor (TipTap), the diff and the PDF preview stay apart until opened.
              { name: (id: string) => (groups.shell.has(id) ? 'shell' : null), debugName: 'shell' },
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
  };
});
