import * as path from 'node:path';
import type { NodeCompiler, NodeTypstDocument } from '@myriaddreamin/typst-ts-node-compiler';
import { bundledFontPaths, installedFallbackFonts } from './bundled-fonts';
import { cleanRunText } from './clean-text';
import { loadCommonCoverage, missingCharacters, printableAlternative, unprintableCharacters, type GlyphCoverage } from './font-coverage';
import { titleWords } from './title-words';
import { entryTypesetError, TypesetError, type EntryRef, type TypstDiagnostic } from './typeset-error';
import { toDiagnostics } from './typst-diagnostics';

/* ---------- the shared compiler ---------- */

export interface Typesetter {
  compiler: NodeCompiler;
  coverage: GlyphCoverage;
}

let shared: Typesetter | undefined;

/** A directory that does not exist: the compiler can read nothing but the files mapped into it. */
const WORKSPACE = path.join(__dirname, '.typst-workspace-without-files');

/**
 * One compiler per process, created on first use: creating it scans fonts (~0.1–0.2 s), and a
 * warm compiler reuses parsed fonts and layout caches between issues. Every document of the
 * library (issues, distribution stamps, registers) is compiled with it.
 *
 * typst-ts 0.7.0 offers no switch to leave system fonts out (its CompileArgs has only fontArgs,
 * workspace and inputs), so the templates name only the bundled families and turn Typst's font
 * fallback off; tests check with pdffonts that nothing else is embedded.
 *
 * The workspace is a directory that does not exist: a source reads no file but the images of
 * an issue, which are mapped into it as virtual files for one compilation (body-blocks.ts).
 */
export function typesetter(): Typesetter {
  if (!shared) {
    const fontPaths = [...bundledFontPaths(), ...installedFallbackFonts().map(({ file }) => file)];
    // The native compiler is loaded with the first compiler, not with the library: a thread that
    // imports the library for its checks, errors or Word export only (the worker's main thread,
    // the API until it prints a register) does not load it.
    const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler') as typeof import('@myriaddreamin/typst-ts-node-compiler');
    shared = {
      compiler: NodeCompiler.create({
        workspace: WORKSPACE,
        fontArgs: [{ fontPaths }],
      }),
      coverage: fontCoverage(),
    };
  }
  return shared;
}

let coverage: GlyphCoverage | undefined;

/**
 * What the fonts of every document can print: the bundled fonts and the installed fallbacks.
 * Read from the fonts' cmap tables only (a few kB), without a compiler: the API asks it of every
 * entry it saves.
 */
export function fontCoverage(): GlyphCoverage {
  coverage ??= loadCommonCoverage(
    bundledFontPaths(),
    installedFallbackFonts().map(({ file }) => file),
  );
  return coverage;
}

export interface MissingGlyph {
  character: string;
  /** What to put instead ('' = remove it), or null when only the editor can choose. */
  alternative: string | null;
}

/**
 * The characters of `texts` that no font can print, in order of first appearance, each with its
 * printable alternative: the render's own check (the same coverage and the same cleaning of the
 * text), asked before anything is typeset.
 */
export function missingGlyphs(texts: Iterable<string>): MissingGlyph[] {
  const fonts = fontCoverage();
  const missing = new Set<string>();
  for (const text of texts) for (const ch of missingCharacters(cleanRunText(text), fonts)) missing.add(ch);
  return [...missing].map((character) => ({ character, alternative: printableAlternative(character, fonts) }));
}

/** Creates the compiler ahead of the first render (e.g. at worker start-up). */
export function warmUpTypesetter(): void {
  typesetter();
  // Loads jieba's dictionary (about half a second) now rather than in the first render.
  titleWords('目录');
}

/**
 * Throws TypesetError "<prefix><what>含有字体无法显示的字符：…" for the first text the fonts cannot
 * print: checked before compiling, as Typst would print empty boxes (fallback off). A text of an
 * entry names the entry instead: "条目《标题》排版失败：<what>…", with its id and title.
 */
export function assertPrintable(texts: Iterable<{ text: string; what: string; entry?: EntryRef }>, prefix: string): void {
  const { coverage } = typesetter();
  for (const { text, what, entry } of texts) {
    const unprintable = unprintableCharacters(text, coverage);
    if (!unprintable) continue;
    if (!entry) throw new TypesetError(`${prefix}${what}${unprintable}`);
    throw entryTypesetError(entry, `${what}${unprintable}`);
  }
}

export interface CompiledPdf {
  pdf: Buffer;
  /** Number of pages, from the compiled document (not guessed from the PDF bytes). */
  pages: number;
  /** Compiler warnings, if any. */
  warnings: string[];
}

export interface CompileOptions {
  /** Files only the compiler sees (an issue's images), for this compilation only; paths inside the workspace. */
  files?: ReadonlyArray<{ path: string; bytes: Uint8Array }>;
  /** The error to throw for a failed compilation, from its diagnostics. */
  errorFrom: (diagnostics: TypstDiagnostic[]) => TypesetError;
  /** Keep nothing of this compilation's layout cached (a large document: see below). */
  dropCache?: boolean;
}

/**
 * Compiles a complete Typst source to PDF with the shared compiler. Throws TypesetError (the
 * native module can throw too: same contract); never returns a PDF from a failed compilation.
 */
export function compilePdf(typstSource: string, { files = [], errorFrom, dropCache = false }: CompileOptions): CompiledPdf {
  const { compiler } = typesetter();
  try {
    for (const { path: file, bytes } of files) {
      compiler.mapShadow(WORKSPACE + file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
    const { document, warnings } = compileDocument(compiler, typstSource, errorFrom);
    const pdf = compiler.pdf(document);
    const pages = document.numOfPages;
    if (pages < 1 || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new TypesetError('排版失败：生成的 PDF 无效');
    }
    return { pdf, pages, warnings };
  } catch (error) {
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
    // So does an annual volume's: 150–300 MB for 330 events, and a correction moves every page
    // after it, so the next render gains little from it (4 renders of a 330-event volume, one
    // title changed each time: 2.0–2.5 s of CPU each and a 492–526 MB peak with nothing cached,
    // 2.3–2.8 s and 671–678 MB with three compilations kept).
    compiler.evictCache(files.length > 0 || dropCache ? 0 : 3);
    if (files.length > 0) compiler.resetShadow();
  }
}

/**
 * The images of `files` that Typst cannot decode (a truncated or corrupt file has a valid
 * header, so only decoding tells), each compiled alone in a page of its own: the compiler's own
 * decoders, so what passes here prints. Used after a compilation failed, to find which figure
 * broke it; an issue whose images all decode pays nothing.
 */
export function undecodableImages(files: ReadonlyArray<{ path: string; bytes: Uint8Array }>): Set<string> {
  const { compiler } = typesetter();
  const broken = new Set<string>();
  for (const { path: file, bytes } of files) {
    try {
      compiler.mapShadow(WORKSPACE + file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      const result = compiler.compile({ mainFileContent: `#image(${JSON.stringify(file)})` });
      if (result.hasError() || !result.result) broken.add(file);
    } catch {
      broken.add(file);
    } finally {
      compiler.evictCache(0);
      compiler.resetShadow();
    }
  }
  return broken;
}

function compileDocument(
  compiler: NodeCompiler,
  typstSource: string,
  errorFrom: CompileOptions['errorFrom'],
): { document: NodeTypstDocument; warnings: string[] } {
  const result = compiler.compile({ mainFileContent: typstSource });
  const error = result.hasError() ? result.takeError() : null;
  if (error) throw errorFrom(toDiagnostics(error.shortDiagnostics));
  const document = result.result;
  if (!document) throw new TypesetError('排版失败：编译器没有返回文档');
  const warnings = toDiagnostics(result.takeWarnings()?.shortDiagnostics ?? []).map((d) => d.message);
  return { document, warnings };
}
