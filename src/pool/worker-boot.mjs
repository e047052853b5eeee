// The entry of an answering worker thread. Under tsx (npm start, vitest) the TypeScript loader is
// registered here first: Node 20 does not apply `--import tsx` from a worker's execArgv.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
