import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The page's own files: HTML, CSS, JavaScript and an icon, nothing fetched from elsewhere. */
export const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
};

/** Only flat file names with a known extension are served, so that no path can leave the folder. */
const NAME = /^[a-z0-9][a-z0-9-]*\.(html|css|js|svg)$/;

/** The page may load only its own files: no CDN, no web font, no third-party script. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Serves `/` as index.html and `/NAME.EXT` from the public folder; answers 404 for anything else.
 * Files are read on each request, so edits show on reload.
 */
export async function serveStatic(pathname: string, res: ServerResponse, dir = PUBLIC_DIR): Promise<void> {
  const name = pathname === '/' ? 'index.html' : pathname.slice(1);
  const ext = NAME.exec(name)?.[1];
  const body = ext ? await readFile(join(dir, name)).catch(() => null) : null;
  if (!ext || !body) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[ext]!,
    'cache-control': 'no-cache',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(body);
}
