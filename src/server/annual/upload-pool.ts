import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createLimiter } from '../limiter';
import type { UploadOutcome, UploadParser, UploadRequest } from './upload-parse';

/**
 * Uploaded files are read in worker threads, never on the thread that answers requests (decision
 * record 007, issue 17): a few workers kept warm, a bounded queue (beyond it, 503 with Retry-After),
 * a time budget and a heap limit per file. A worker past its budget or out of memory is terminated —
 * the file is refused with a clear 4xx — and a fresh one takes its place at the next upload.
 */

export type UploadPoolOptions = {
  size: number;
  maxQueue: number;
  /** From the moment a ready worker receives the file. */
  budgetMs: number;
  maxHeapMb: number;
};

export const UPLOAD_POOL_DEFAULTS: UploadPoolOptions = {
  size: Math.max(1, Math.min(2, availableParallelism() - 1)),
  maxQueue: 8,
  budgetMs: 10_000,
  maxHeapMb: 256,
};

const BOOT = new URL('./ts-worker.js', import.meta.url);
const ENTRY = new URL('./upload-worker.ts', import.meta.url);

const refused = (ja: string, en: string): UploadOutcome => ({ ok: false, message: `${ja} / ${en}` });

export function createUploadPool(options: Partial<UploadPoolOptions> = {}) {
  const o = { ...UPLOAD_POOL_DEFAULTS, ...options };
  const limiter = createLimiter({
    concurrency: o.size,
    maxQueue: o.maxQueue,
    retryAfterSeconds: Math.ceil(o.budgetMs / 1000),
    what: { ja: 'ファイルの読み取り', en: 'reading uploaded files' },
  });
  const idle: Worker[] = [];
  const live = new Set<Worker>();
  let terminated = 0;

  function spawn(): Promise<Worker> {
    const w = new Worker(BOOT, {
      workerData: { module: ENTRY.href },
      resourceLimits: { maxOldGenerationSizeMb: o.maxHeapMb },
    });
    w.unref(); // an idle worker does not keep the process alive
    live.add(w);
    w.once('exit', () => live.delete(w));
    return new Promise((resolve, reject) => {
      w.once('message', () => {
        w.off('error', reject);
        resolve(w);
      });
      w.once('error', reject);
    });
  }

  async function read({ body, contentType }: UploadRequest): Promise<UploadOutcome> {
    const w = idle.pop() ?? (await spawn());
    return new Promise<UploadOutcome>((resolve) => {
      const done = (outcome: UploadOutcome, keep: boolean) => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        if (keep) idle.push(w);
        else {
          terminated++;
          void w.terminate();
        }
        resolve(outcome);
      };
      const onMessage = (outcome: UploadOutcome) => done(outcome, true);
      const onError = (e: Error & { code?: string }) =>
        done(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? refused(
                'ファイルを読むのに必要なメモリが上限を超えました',
                'Reading the file needed more memory than allowed',
              )
            : refused('ファイルを読み取れません', 'The file could not be read'),
          false,
        );
      const timer = setTimeout(
        () =>
          done(
            refused(
              `ファイルの読み取りが制限時間（${o.budgetMs / 1000} 秒）を超えました`,
              `Reading the file took longer than allowed (${o.budgetMs / 1000} s)`,
            ),
            false,
          ),
        o.budgetMs,
      );
      w.on('message', onMessage);
      w.on('error', onError);
      const copy = body.slice(); // its own buffer, handed over without another copy
      w.postMessage({ body: copy, contentType } satisfies UploadRequest, [copy.buffer]);
    });
  }

  const parse: UploadParser = (request) => limiter.run(() => read(request));
  return {
    parse,
    /** Starts the workers now (main.ts), so the first upload does not wait for one to load. */
    warm: async () => {
      const ready = await Promise.all(Array.from({ length: o.size - live.size }, spawn));
      idle.push(...ready);
    },
    load: () => ({ ...limiter.load(), workers: live.size, terminated }),
    close: async () => {
      idle.length = 0;
      await Promise.all([...live].map((w) => w.terminate()));
    },
  };
}
export type UploadPool = ReturnType<typeof createUploadPool>;
