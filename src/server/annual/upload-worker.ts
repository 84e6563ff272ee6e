import { parentPort } from 'node:worker_threads';
import { parseUploadRequest, type UploadRequest } from './upload-parse';

/** A worker thread of the upload pool: one upload in, its table or its refusal out (upload-pool.ts). */
const port = parentPort;
if (!port) throw new Error('upload-worker.ts runs as a worker thread');
port.on('message', (request: UploadRequest) => {
  void parseUploadRequest(request).then((outcome) => port.postMessage(outcome));
});
port.postMessage('ready');
