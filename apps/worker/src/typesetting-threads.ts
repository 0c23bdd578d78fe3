import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnnualVolumeSnapshot, IssueSnapshot } from '@dsyb/domain';
import { TypesetError, type StampPageSize, type TypstDiagnostic } from '@dsyb/typeset';

/**
 * Long-lived typesetting threads, one per job the worker renders at once.
 *
 * Why threads: renderIssuePdf and renderAnnualVolumePdf are synchronous native calls (0.1–0.3 s
 * for an issue, seconds for an annual volume). On the main thread it would stop BullMQ's lock renewals and the stalled-job
 * checker for that long, so a big render could be taken for a dead worker and run twice.
 *
 * Why not BullMQ's sandboxed processors: they run the whole job in a child process or thread,
 * which would then need its own PostgreSQL client and storage, and each child warms its own
 * compiler. Here only the pure render crosses the thread boundary (snapshot in, PDF bytes out),
 * the compiler stays warm in the same thread for the life of the worker, and a hung or crashed
 * render costs one thread, replaced on the next job.
 */

/**
 * What a thread makes: an issue or an annual volume (年度大事记), told apart by `document`, or the
 * stamps a delivery prints on every page of its copy (a typesetting thread, typeset-thread.ts), or
 * a unit's copy, the final PDF with its stamp overlaid (a personalising thread,
 * personalise-thread.ts, which loads no fonts).
 */
export type ThreadWork =
  | DocumentWork
  | { stamps: string[]; page: StampPageSize }
  | { personalise: { pdf: Uint8Array; stamp: Uint8Array } };

export type DocumentWork = { document: 'issue'; snapshot: IssueSnapshot } | { document: 'annual-volume'; snapshot: AnnualVolumeSnapshot };

/** Main thread → typesetting thread. */
export type ThreadRequest = { id: number } & ThreadWork;

/** Typesetting thread → main thread. */
export type ThreadReply =
  | { type: 'ready' }
  /** `retire`: the thread has decoded many images and should be replaced (see typeset-thread.ts). */
  | { type: 'rendered'; id: number; pdf: Uint8Array; pages: number; warnings: string[]; retire?: boolean }
  | { type: 'failed'; id: number; typeset: true; message: string; entryId?: string; entryTitle?: string; diagnostics: TypstDiagnostic[] }
  | { type: 'failed'; id: number; typeset: false; message: string; stack?: string };

export interface ThreadRendering {
  pdf: Buffer;
  pages: number;
  warnings: string[];
}

/** The thread died or gave no answer in time: worth retrying, unlike a TypesetError. */
export class TypesettingThreadError extends Error {
  override readonly name = 'TypesettingThreadError';
}

export interface TypesettingThreadsOptions {
  size: number;
  timeoutMs: number;
  /** Starts one thread; tests pass stand-ins, the worker the compiled typeset-thread.js. */
  spawn?: () => Worker;
}

export const spawnTypesetThread = (): Worker => new Worker(path.join(__dirname, 'typeset-thread.js'));
/**
 * The personalising thread's heap is kept small, so V8 collects a finished copy's objects soon
 * rather than letting the heap grow: with it, a dispatch of the reference issue to 100 units peaks
 * at 364–375 MB for the whole worker (391–420 MB without the limits; bench:dispatch). A copy of a
 * 300-page, 5.7 MB PDF still takes 0.13–0.28 s within them.
 */
export const spawnPersonaliseThread = (): Worker => new Worker(path.join(__dirname, 'personalise-thread.js'), { resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 64 } });

export class TypesettingThreads {
  private readonly slots: ThreadSlot[];
  private readonly idle: ThreadSlot[];
  private readonly waiting: Array<(slot: ThreadSlot) => void> = [];
  private closed = false;

  constructor(options: TypesettingThreadsOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError(`size must be a positive integer, got ${options.size}`);
    const spawn = options.spawn ?? spawnTypesetThread;
    this.slots = Array.from({ length: options.size }, () => new ThreadSlot(spawn, options.timeoutMs));
    this.idle = [...this.slots];
  }

  /** Starts every thread and waits until each has loaded its fonts. */
  async start(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.warmUp()));
  }

  /** Renders on the first free thread; calls beyond the pool's size wait their turn. */
  render(snapshot: IssueSnapshot): Promise<ThreadRendering> {
    return this.run({ document: 'issue', snapshot });
  }

  /**
   * An annual volume (libs/typeset renderAnnualVolumePdf), queued like an issue. A year's volume is
   * a hundred times an issue's pages (a ten-year one, 3,300 events, takes over a minute), so it is
   * given VOLUME_TIMEOUT_FACTOR times an issue's time before the thread is taken for hung.
   */
  renderAnnualVolume(snapshot: AnnualVolumeSnapshot): Promise<ThreadRendering> {
    return this.run({ document: 'annual-volume', snapshot }, VOLUME_TIMEOUT_FACTOR);
  }

  /** One page of `page`'s size per stamp, each with its text at the foot (libs/typeset renderStampPdf). */
  stamps(stamps: string[], page: StampPageSize): Promise<ThreadRendering> {
    return this.run({ stamps, page });
  }

  /** The final PDF with page 1 of `stamp` drawn over every page (personalise-pdf.ts). */
  personalise(pdf: Uint8Array, stamp: Uint8Array): Promise<ThreadRendering> {
    return this.run({ personalise: { pdf, stamp } });
  }

  private async run(work: ThreadWork, timeoutFactor = 1): Promise<ThreadRendering> {
    const slot = await this.acquire();
    try {
      return await slot.render(work, timeoutFactor);
    } finally {
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.terminate()));
  }

  private acquire(): Promise<ThreadSlot> {
    if (this.closed) return Promise.reject(new TypesettingThreadError('排版线程已关闭'));
    const slot = this.idle.pop();
    if (slot) return Promise.resolve(slot);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: ThreadSlot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.idle.push(slot);
  }
}

/** How many times an issue's render time an annual volume is given (RENDER_TIMEOUT_MS × 10: 20 minutes by default). */
export const VOLUME_TIMEOUT_FACTOR = 10;

interface Pending {
  id: number;
  resolve: (rendering: ThreadRendering) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface RunningThread {
  worker: Worker;
  /** Settles once the thread has loaded its fonts, or fails if it dies first. */
  ready: Promise<void>;
  failReady: (error: Error) => void;
}

/** One thread at a time, replaced when it dies or overruns; renders one snapshot at a time. */
class ThreadSlot {
  private thread: RunningThread | undefined;
  private pending: Pending | undefined;
  private sequence = 0;

  constructor(private readonly spawn: () => Worker, private readonly timeoutMs: number) {}

  async warmUp(): Promise<void> {
    await this.running().ready;
  }

  async render(work: ThreadWork, timeoutFactor: number): Promise<ThreadRendering> {
    const thread = this.running();
    await thread.ready;
    const id = ++this.sequence;
    const timeoutMs = this.timeoutMs * timeoutFactor;
    return new Promise<ThreadRendering>((resolve, reject) => {
      const timer = setTimeout(() => {
        // A native compile cannot be interrupted from outside; the thread is dropped instead,
        // and V8 ends it as soon as the compiler returns control.
        void this.discard(thread, new TypesettingThreadError(`排版超时：${Math.round(timeoutMs / 1000)} 秒内未完成`));
      }, timeoutMs);
      this.pending = { id, resolve, reject, timer };
      thread.worker.postMessage({ id, ...work } satisfies ThreadRequest);
    });
  }

  async terminate(): Promise<void> {
    const thread = this.thread;
    if (thread) await this.discard(thread, new TypesettingThreadError('排版线程已关闭'));
  }

  private running(): RunningThread {
    this.thread ??= this.startThread();
    return this.thread;
  }

  private startThread(): RunningThread {
    const worker = this.spawn();
    let markReady: () => void = () => undefined;
    let failReady: (error: Error) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    // Whoever awaits `ready` sees the failure; this only keeps an unawaited one from crashing the process.
    ready.catch(() => undefined);
    const thread: RunningThread = { worker, ready, failReady };
    worker.on('message', (reply: ThreadReply) => {
      if (reply.type === 'ready') markReady();
      else this.settle(reply, thread);
    });
    worker.on('error', (error: Error) => this.lost(thread, new TypesettingThreadError(`排版线程出错：${error.message}`)));
    worker.on('exit', (code: number) => this.lost(thread, new TypesettingThreadError(`排版线程意外退出（退出码 ${code}）`)));
    return thread;
  }

  private settle(reply: Exclude<ThreadReply, { type: 'ready' }>, thread: RunningThread): void {
    if (reply.type === 'rendered' && reply.retire) this.retire(thread);
    const pending = this.pending;
    // A late answer from a render that already timed out has no one waiting for it.
    if (!pending || pending.id !== reply.id) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    if (reply.type === 'rendered') {
      pending.resolve({ pdf: Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength), pages: reply.pages, warnings: reply.warnings });
    } else if (reply.typeset) {
      pending.reject(new TypesetError(reply.message, { entryId: reply.entryId, entryTitle: reply.entryTitle, diagnostics: reply.diagnostics }));
    } else {
      const error = new Error(reply.message);
      if (reply.stack) error.stack = reply.stack;
      pending.reject(error);
    }
  }

  /**
   * Replaces a thread that asked for it after answering: it ends, and its successor starts
   * loading fonts now, so the next render does not wait for them.
   */
  private retire(thread: RunningThread): void {
    if (this.thread !== thread) return;
    this.thread = undefined;
    void thread.worker.terminate();
    this.running();
  }

  /** The thread is gone (crash, exit): whatever it was rendering fails, the next render starts a new one. */
  private lost(thread: RunningThread, reason: Error): void {
    // A thread already replaced is ending as asked; its slot has moved on.
    if (this.thread === thread) this.drop(thread, reason);
  }

  /** Ends a thread on purpose (timeout, shutdown), failing whatever waits on it. */
  private async discard(thread: RunningThread, reason: Error): Promise<void> {
    if (this.thread === thread) this.drop(thread, reason);
    await thread.worker.terminate();
  }

  private drop(thread: RunningThread, reason: Error): void {
    this.thread = undefined;
    thread.failReady(reason);
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    pending.reject(reason);
  }
}
