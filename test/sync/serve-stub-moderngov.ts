/**
 * By hand: `npx tsx test/sync/serve-stub-moderngov.ts [PORT]` serves Gloucester's captured ModernGov
 * responses on 127.0.0.1 until stopped, for trying `npm run sync -- --site http://127.0.0.1:PORT ...`.
 */
import { gloucesterSite } from './gloucester-site.js';
import { startStubModernGov } from './stub-moderngov.js';

const server = await startStubModernGov(gloucesterSite(), Number(process.argv[2] ?? 0));
process.stdout.write(`${server.url}\n`);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
process.once('SIGINT', () => void server.close().then(() => process.exit(0)));
