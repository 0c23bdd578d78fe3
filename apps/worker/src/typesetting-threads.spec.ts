import { Worker } from 'node:worker_threads';
import type { AnnualVolumeSnapshot, IssueSnapshot } from '@dsyb/domain';
import { TypesetError } from '@dsyb/typeset';
import { TypesettingThreads, TypesettingThreadError } from './typesetting-threads';

/**
 * Stand-in threads that speak the real protocol (typeset-thread.ts) without Typst, so that the
 * pool's handling of answers, errors, crashes and overruns can be tested on its own. What each
 * does is chosen by the snapshot's issueId, or volumeId for an annual volume. (The real thread is
 * exercised end to end by e2e/render-queue.e2e-spec.ts and scripts/bench-render.mjs.)
 */
const STAND_IN = `
const { parentPort, threadId } = require('node:worker_threads');
const busy = (ms) => { const end = Date.now() + ms; while (Date.now() < end); };
parentPort.postMessage({ type: 'ready' });
parentPort.on('message', ({ id, document, snapshot }) => {
  if (document !== 'issue' && document !== 'annual-volume') {
    parentPort.postMessage({ type: 'failed', id, typeset: false, message: 'unknown document ' + document });
    return;
  }
  const [what, arg] = (document === 'issue' ? snapshot.issueId : snapshot.volumeId).split(':');
  if (what === 'crash') process.exit(3);
  if (what === 'hang') for (;;);
  if (what === 'busy') busy(Number(arg));
  if (what === 'typeset') {
    parentPort.postMessage({ type: 'failed', id, typeset: true, message: '条目《坏条目》排版失败：含有字体无法显示的字符', entryId: 'entry-7', entryTitle: '坏条目', diagnostics: [] });
    return;
  }
  const pdf = new TextEncoder().encode('%PDF-thread-' + threadId);
  const warnings = document === 'issue' ? ['a warning'] : ['年度大事记 ' + snapshot.volumeId];
  parentPort.postMessage({ type: 'rendered', id, pdf, pages: 3, warnings, retire: what === 'retire' }, [pdf.buffer]);
});
`;

let spawned = 0;
const spawnStandIn = () => {
  spawned += 1;
  return new Worker(STAND_IN, { eval: true });
};
const issue = (issueId: string) => ({ issueId }) as IssueSnapshot;
const volume = (volumeId: string) => ({ volumeId }) as AnnualVolumeSnapshot;

let pools: TypesettingThreads[] = [];
function pool(options: { size?: number; timeoutMs?: number } = {}): TypesettingThreads {
  const threads = new TypesettingThreads({ size: options.size ?? 1, timeoutMs: options.timeoutMs ?? 10_000, spawn: spawnStandIn });
  pools.push(threads);
  return threads;
}

afterEach(async () => {
  await Promise.all(pools.map((threads) => threads.close()));
  pools = [];
});

it('renders in a thread and hands back the PDF bytes, page count and warnings', async () => {
  const threads = pool();
  await threads.start();
  const rendering = await threads.render(issue('ok'));
  expect(rendering.pdf.toString('latin1')).toMatch(/^%PDF-thread-\d+$/);
  expect(rendering).toMatchObject({ pages: 3, warnings: ['a warning'] });
});

it('renders an annual volume on the same threads, telling the thread which document it is', async () => {
  const threads = pool();
  await threads.start();
  const [rendering, issueRendering] = await Promise.all([threads.renderAnnualVolume(volume('volume-2020')), threads.render(issue('ok'))]);
  expect(rendering.pdf.toString('latin1')).toMatch(/^%PDF-thread-\d+$/);
  expect(rendering).toMatchObject({ pages: 3, warnings: ['年度大事记 volume-2020'] });
  expect(issueRendering.warnings).toEqual(['a warning']);
  await expect(threads.renderAnnualVolume(volume('typeset'))).rejects.toThrow(new TypesetError('条目《坏条目》排版失败：含有字体无法显示的字符'));
});

it('keeps the main thread free while a render runs, so lock renewals and queries go on', async () => {
  const threads = pool();
  await threads.start();
  let ticks = 0;
  const timer = setInterval(() => (ticks += 1), 20);
  await threads.render(issue('busy:600'));
  clearInterval(timer);
  // A render on the main thread would allow none at all.
  expect(ticks).toBeGreaterThanOrEqual(5);
});

it('passes on a typesetting error as a TypesetError naming the entry, for the editor', async () => {
  const threads = pool();
  const failure = await threads.render(issue('typeset')).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(TypesetError);
  expect(failure).toMatchObject({ message: '条目《坏条目》排版失败：含有字体无法显示的字符', entryId: 'entry-7', entryTitle: '坏条目' });
});

it('fails the render of a thread that dies, and starts a new thread for the next one', async () => {
  const threads = pool();
  const first = (await threads.render(issue('ok'))).pdf.toString('latin1');
  await expect(threads.render(issue('crash'))).rejects.toThrow(new TypesettingThreadError('排版线程意外退出（退出码 3）'));
  const next = (await threads.render(issue('ok'))).pdf.toString('latin1');
  expect(next).not.toBe(first);
});

it('gives up on a render that overruns its time, and the next render runs on a new thread', async () => {
  const threads = pool({ timeoutMs: 1000 });
  await expect(threads.render(issue('hang'))).rejects.toThrow('排版超时：1 秒内未完成');
  await expect(threads.render(issue('ok'))).resolves.toMatchObject({ pages: 3 });
});

it('runs as many renders at once as it has threads; the others wait their turn', async () => {
  const threads = pool({ size: 2 });
  await threads.start();
  const started = Date.now();
  const renderings = await Promise.all([1, 2, 3, 4].map(() => threads.render(issue('busy:300'))));
  const elapsed = Date.now() - started;
  expect(new Set(renderings.map((rendering) => rendering.pdf.toString('latin1'))).size).toBe(2);
  // Two rounds of two: not four renders in a row, not four at once.
  expect(elapsed).toBeGreaterThanOrEqual(550);
});

it('fails what is under way when closed, and refuses new renders', async () => {
  const threads = pool();
  await threads.start();
  const underWay = threads.render(issue('busy:2000')).catch((error: unknown) => error);
  await new Promise((resolve) => setTimeout(resolve, 100));
  await threads.close();
  expect(await underWay).toEqual(new TypesettingThreadError('排版线程已关闭'));
  await expect(threads.render(issue('ok'))).rejects.toThrow('排版线程已关闭');
});

it('replaces a thread that asks to retire after its render (memory of decoded images), starting the next one at once', async () => {
  const threads = pool();
  await threads.start();
  const before = spawned;
  const retiring = await threads.render(issue('retire'));
  expect(retiring).toMatchObject({ pages: 3, warnings: ['a warning'] });
  // The successor is spawned as the old thread answers, not when the next job arrives.
  expect(spawned).toBe(before + 1);
  const next = await threads.render(issue('ok'));
  expect(next.pdf.toString('latin1')).not.toBe(retiring.pdf.toString('latin1'));
  expect(spawned).toBe(before + 1);
});
