// `npm run bench:import`: how fast a newspaper page becomes sources.
//  - parse: the two shared pages (seeds/sources/newspaper-page-*.txt) split into articles by
//    libs/intake's parser, 200 times each, in this process: ms per page (target ≤ 200 ms);
//  - import: 1,000 pages of text built from the shared pages (each with its own date, so no
//    article is a duplicate) previewed and saved through the real API into a throwaway database
//    (POST /api/source-imports/preview, then POST /api/source-imports), four pages at a time:
//    total seconds (target ≤ 60 s) and articles saved;
//  - ocr: one page image OCR'd by tesseract (when installed): seconds per page.
// Prints JSON; exits 0 either way (1 only when something could not be measured). IMPORT_PAGES
// changes the number of pages. Needs the build in dist/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchStack, client, percentile } from './bench-http.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = Number(process.env.IMPORT_PAGES ?? 1000);
const TARGETS = { parseMsPerPage: 200, importSeconds: 60 };
const seeds = ['a', 'b'].map((name) => readFileSync(path.join(root, `seeds/sources/newspaper-page-${name}.txt`), 'utf8'));

const stack = await benchStack('import');
try {
  // The parser, in this process, from the build.
  const require = createRequire(import.meta.url);
  require(path.join(root, 'scripts/register-paths.cjs'));
  const { parsePage, ocrImage, tesseractAvailable } = require(path.join(root, 'dist/libs/intake/src/index.js'));
  const parseTimes = [];
  for (let round = 0; round < 200; round += 1) {
    for (const text of seeds) {
      const started = performance.now();
      parsePage(text, { issueDate: '2020-09-10' });
      parseTimes.push(performance.now() - started);
    }
  }
  parseTimes.sort((a, b) => a - b);

  const request = client(stack.baseUrl);
  const login = await request('POST', '/api/auth/login', { body: { username: 'editor', password: 'demo12345' } });
  const token = login.body.accessToken;
  const day = (index) => new Date(Date.UTC(2000, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
  let saved = 0;
  let skipped = 0;
  const failures = [];
  const importStarted = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < PAGES) {
      const index = next++;
      const issueDate = day(index);
      const origin = { newspaper: '压测日报', issueDate, page: String((index % 8) + 1) };
      const preview = await request('POST', '/api/source-imports/preview', { token, body: { ...origin, text: seeds[index % 2] } });
      if (preview.status !== 200) { failures.push(`preview ${index}: ${preview.status} ${preview.text.slice(0, 200)}`); continue; }
      const articles = preview.body.articles.map(({ headline, text, bylines }) => ({ headline: headline || `无题${index}`, text, bylines }));
      const answer = await request('POST', '/api/source-imports', { token, body: { ...origin, articles } });
      if (answer.status !== 201) { failures.push(`save ${index}: ${answer.status} ${answer.text.slice(0, 200)}`); continue; }
      saved += answer.body.created.length;
      skipped += answer.body.skipped.length;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  const importSeconds = (performance.now() - importStarted) / 1000;

  let ocr = { secondsPerPage: null, note: '未安装 tesseract-ocr / tesseract-ocr-chi-sim' };
  if (ocrImage && (await tesseractAvailable())) {
    // A page image: the start of page B typeset by the product's own Typst typesetter, rasterised.
    const { compilePdf } = require(path.join(root, 'dist/libs/typeset/src/typesetter.js'));
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-ocr-'));
    try {
      const body = seeds[1].split('\n').filter((line) => line.trim()).slice(0, 6).join('\n\n');
      const { pdf } = compilePdf(`#set text(font: "Noto Sans SC", fallback: false, size: 11pt, lang: "zh")\n#set page(paper: "a4", margin: 2cm)\n${body.replace(/[#*_`$<>@\\[\]]/g, '')}`, { errorFrom: (diagnostics) => new Error(JSON.stringify(diagnostics)) });
      writeFileSync(path.join(dir, 'page.pdf'), pdf);
      execFileSync('pdftoppm', ['-r', '300', '-png', '-singlefile', path.join(dir, 'page.pdf'), path.join(dir, 'page')]);
      const started = performance.now();
      await ocrImage(readFileSync(path.join(dir, 'page.png')));
      ocr = { secondsPerPage: Number(((performance.now() - started) / 1000).toFixed(2)), note: 'A4 page of text at 300 dpi, chi_sim' };
    } catch (error) {
      ocr = { secondsPerPage: null, note: `OCR could not be measured: ${error.message}` };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const parseMsPerPage = { p50: percentile(parseTimes, 50), p95: percentile(parseTimes, 95), max: Number(parseTimes.at(-1).toFixed(1)) };
  const result = {
    pages: PAGES,
    parseMsPerPage,
    import: { seconds: Number(importSeconds.toFixed(1)), articlesSaved: saved, skipped, failures: failures.slice(0, 5), failed: failures.length },
    ocr,
    targets: TARGETS,
    met: { parse: parseMsPerPage.max <= TARGETS.parseMsPerPage, import: importSeconds <= TARGETS.importSeconds && failures.length === 0 },
  };
  console.log(JSON.stringify(result, null, 2));
  if (failures.length === PAGES) process.exitCode = 1;
} finally {
  await stack.stop();
}
