// @ts-check
/**
 * The entry of every worker thread the server starts (upload-pool.ts). The server runs from its
 * TypeScript sources (tsx, vitest), and Node 20 does not hand tsx's loader on to worker threads, so
 * the worker registers it here and then imports the real module named in workerData.
 */
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(/** @type {{ module: string }} */ (workerData).module, import.meta.url);
