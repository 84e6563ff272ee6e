import { parentPort } from 'node:worker_threads';
import { parseUpload } from './upload-parse';

/** A worker thread of the upload pool: one file in, its table or its refusal out (upload-pool.ts). */
const port = parentPort;
if (!port) throw new Error('upload-worker.ts runs as a worker thread');
port.on('message', (bytes: Uint8Array) => port.postMessage(parseUpload(bytes)));
port.postMessage('ready');
