import * as path from 'node:path';
import { NodeCompiler, type NodeTypstDocument } from '@myriaddreamin/typst-ts-node-compiler';
import type { IssueSnapshot } from '@dsyb/domain';
import { bundledFontPaths } from './bundled-fonts';
import { describeCharacter, loadCommonCoverage, missingCharacters, type GlyphCoverage } from './font-coverage';
import { prepareTypesetData, textsOf, type PreparedIssue } from './typeset-data';
import { describeEntry, TypesetError } from './typeset-error';
import type { TypesetSettings } from './typeset-settings';
import { toDiagnostics, typesetErrorFromDiagnostics } from './typst-diagnostics';
import { sourceFor } from './typst-source';

export interface RenderedIssue {
  pdf: Buffer;
  /** Number of pages, from the compiled document (not guessed from the PDF bytes). */
  pages: number;
  /** The exact source that was compiled; worth storing next to the PDF for diagnosis. */
  typstSource: string;
  /**
   * Compiler warnings, and images printed as placeholders ("条目《…》第1张图片未嵌入：…"), if any.
   * The PDF is complete nevertheless.
   */
  warnings: string[];
  /**
   * Pixels of the images embedded, 0 for text only: what decoding them cost in memory. A
   * compiled document's native memory (its decoded images included) goes only when V8 collects
   * the JS object that holds it, and V8, which does not see that memory, takes its time; so the
   * worker replaces a typesetting thread once it has decoded many pixels, which frees it all
   * (apps/worker/src/typeset-thread.ts).
   */
  imagePixels: number;
}

/**
 * Typesets one issue to PDF. Synchronous: the Typst compiler is a native module with a
 * synchronous API, and a 25-page issue takes on the order of 100 ms once the compiler is warm.
 * A worker that must stay responsive meanwhile should call this from a worker thread.
 *
 * Throws TypesetError (with entryId/entryTitle when an entry is at fault); never returns a
 * PDF from a failed compilation.
 */
export function renderIssuePdf(snapshot: IssueSnapshot, settings?: TypesetSettings): RenderedIssue {
  const prepared = prepareTypesetData(snapshot, settings);
  assertPrintable(prepared, typesetter().coverage);
  const typstSource = sourceFor(prepared);
  return compileToPdf(typstSource, prepared);
}

function compileToPdf(typstSource: string, prepared: PreparedIssue): RenderedIssue {
  const { compiler } = typesetter();
  try {
    // The images are files only the compiler sees, for this compilation only.
    for (const { path: file, bytes } of prepared.images) {
      compiler.mapShadow(WORKSPACE + file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
    const { document, warnings } = compileDocument(compiler, typstSource, prepared);
    const pdf = compiler.pdf(document);
    const pages = document.numOfPages;
    if (pages < 1 || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new TypesetError('排版失败：生成的 PDF 无效');
    }
    return { pdf, pages, typstSource, warnings: [...prepared.notices, ...warnings], imagePixels: prepared.imagePixels };
  } catch (error) {
    // The native module can also throw (e.g. an internal compiler error): same contract.
    if (error instanceof TypesetError) throw error;
    throw new TypesetError(`排版失败：${error instanceof Error ? error.message : String(error)}`);
  } finally {
    // Typst memoises aggressively; without eviction a long-running worker keeps every past
    // issue's layout in memory. Results of the last three compilations stay cached: enough for
    // a proof re-rendered right after a correction, while a worker moving from issue to issue
    // (or through a yearly volume) holds 30–40 MB less than with ten (scripts/bench-render.mjs).
    // Decoded images are another order of size (3–4 bytes a pixel) and seldom come back (the
    // next issue has other photos): after a render with images the whole cache goes, which
    // returns their memory at once, at the price of the next render laying out from scratch.
    compiler.evictCache(prepared.images.length > 0 ? 0 : 3);
    if (prepared.images.length > 0) compiler.resetShadow();
  }
}

function compileDocument(
  compiler: NodeCompiler,
  typstSource: string,
  prepared: PreparedIssue,
): { document: NodeTypstDocument; warnings: string[] } {
  const result = compiler.compile({ mainFileContent: typstSource });
  const error = result.hasError() ? result.takeError() : null;
  if (error) {
    throw typesetErrorFromDiagnostics(toDiagnostics(error.shortDiagnostics), prepared.entries, prepared.data.page.paper);
  }
  const document = result.result;
  if (!document) throw new TypesetError('排版失败：编译器没有返回文档');
  const warnings = toDiagnostics(result.takeWarnings()?.shortDiagnostics ?? []).map((d) => d.message);
  return { document, warnings };
}

/* ---------- the shared compiler ---------- */

interface Typesetter {
  compiler: NodeCompiler;
  coverage: GlyphCoverage;
}

let shared: Typesetter | undefined;

/** A directory that does not exist: the compiler can read nothing but the images mapped into it. */
const WORKSPACE = path.join(__dirname, '.typst-workspace-without-files');

/**
 * One compiler per process, created on first use: creating it scans fonts (~0.1–0.2 s), and a
 * warm compiler reuses parsed fonts and layout caches between issues.
 *
 * typst-ts 0.7.0 offers no switch to leave system fonts out (its CompileArgs has only fontArgs,
 * workspace and inputs), so the template names only the bundled families and turns Typst's font
 * fallback off; tests check with pdffonts that nothing else is embedded.
 *
 * The workspace is a directory that does not exist: the source reads no file but the images of
 * the issue, which are mapped into it as virtual files for one compilation (body-blocks.ts).
 */
function typesetter(): Typesetter {
  if (!shared) {
    const fontPaths = bundledFontPaths();
    shared = {
      compiler: NodeCompiler.create({
        workspace: WORKSPACE,
        fontArgs: [{ fontPaths }],
      }),
      coverage: loadCommonCoverage(fontPaths),
    };
  }
  return shared;
}

/** Creates the compiler ahead of the first render (e.g. at worker start-up). */
export function warmUpTypesetter(): void {
  typesetter();
}

/** Fails, naming the entry, when some text has characters the bundled fonts cannot print. */
function assertPrintable(prepared: PreparedIssue, coverage: GlyphCoverage): void {
  for (const { text, entry, what } of textsOf(prepared)) {
    const missing = missingCharacters(text, coverage);
    if (missing.length === 0) continue;
    const chars = missing.slice(0, 5).map(describeCharacter).join('、');
    const problem = `${what}含有字体无法显示的字符：${chars}${missing.length > 5 ? ' 等' : ''}`;
    if (!entry) throw new TypesetError(`排版失败：${problem}`);
    throw new TypesetError(`${describeEntry(entry.id, entry.title)}排版失败：${problem}`, {
      entryId: entry.id,
      entryTitle: typeof entry.title === 'string' ? entry.title : undefined,
    });
  }
}
