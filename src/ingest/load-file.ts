import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseHtml, type HTMLElement, type Node } from 'node-html-parser';
import { IngestError } from '../errors.js';

/** The text of one corpus file, with true page starts when the format has pages (PDF). */
export interface LoadedFile {
  text: string;
  pageStarts: Array<{ offset: number; page: number }> | null;
}

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.pdf', '.html', '.htm'];

function looksBinary(buf: Buffer): boolean {
  const sample = buf.subarray(0, 8000);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > sample.length * 0.1;
}

async function loadPdf(buf: Buffer, name: string): Promise<LoadedFile> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  let pages: string[];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(buf));
    pages = (await extractText(pdf, { mergePages: false })).text;
  } catch (cause) {
    throw new IngestError(name, 'could not be read as a PDF (it may be corrupt or encrypted)', { cause });
  }
  const pageStarts: Array<{ offset: number; page: number }> = [];
  let text = '';
  pages.forEach((pageText, i) => {
    pageStarts.push({ offset: text.length, page: i + 1 });
    text += `${pageText.trim()}\n\n`;
  });
  if (!text.trim()) throw new IngestError(name, 'is a PDF with no text layer (a scan?); run it through OCR first');
  return { text, pageStarts };
}

const BLOCK_TAGS = new Set(['p', 'div', 'section', 'article', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'tr', 'table', 'ul', 'ol', 'header', 'footer', 'blockquote', 'pre']);

function htmlToText(node: Node, out: string[]): void {
  if (node.nodeType === 3) {
    out.push(node.text.replace(/\s+/g, ' '));
    return;
  }
  const el = node as HTMLElement;
  const tag = el.rawTagName?.toLowerCase() ?? '';
  if (['script', 'style', 'noscript', 'template', 'head'].includes(tag)) return;
  if (tag === 'tr') {
    const cells = el.childNodes.filter((c) => ['td', 'th'].includes((c as HTMLElement).rawTagName?.toLowerCase() ?? ''));
    out.push(`\n${cells.map((c) => c.text.replace(/\s+/g, ' ').trim()).join('\t')}\n`);
    return;
  }
  if (/^h[1-6]$/.test(tag)) out.push('\n\n');
  else if (BLOCK_TAGS.has(tag)) out.push('\n');
  for (const child of el.childNodes) htmlToText(child, out);
  if (BLOCK_TAGS.has(tag)) out.push(/^(h[1-6]|p|table|ul|ol)$/.test(tag) ? '\n\n' : '\n');
}

/** Whether a text file is HTML markup: it opens with a tag and is full of block tags. */
function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4000);
  return /^\s*</.test(head) && (head.match(/<\/?(?:p|div|h[1-6]|li|ul|ol|table|tr|td|span|section|article|br|time|button)\b[^>]*>/gi) ?? []).length >= 8;
}

/**
 * Reads a corpus file as text: plain text and Markdown as they are, PDF page by page, HTML without markup.
 * Throws IngestError (with the file name and the reason) for empty, binary, corrupt or unsupported files.
 */
export async function loadFile(path: string, name: string): Promise<LoadedFile> {
  const ext = extname(name).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(ext)) {
    throw new IngestError(name, `unsupported file type "${ext || 'none'}" (supported: ${SUPPORTED_EXTENSIONS.join(', ')})`);
  }
  const buf = await readFile(path);
  if (buf.length === 0 || !buf.toString('utf8').trim()) throw new IngestError(name, 'is empty');
  if (ext === '.pdf') {
    if (!buf.subarray(0, 1024).toString('latin1').includes('%PDF-')) throw new IngestError(name, 'is not a PDF (no %PDF header)');
    return loadPdf(buf, name);
  }
  if (looksBinary(buf)) throw new IngestError(name, 'looks like a binary file, not text');
  const raw = buf.toString('utf8').replace(/\r\n?/g, '\n');
  // A page saved as text keeps its markup: read it as the HTML it is.
  if (ext === '.html' || ext === '.htm' || looksLikeHtml(raw)) {
    const out: string[] = [];
    htmlToText(parseHtml(raw, { blockTextElements: { script: false, style: false, pre: true } }), out);
    const text = out.join('').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
    if (!text) throw new IngestError(name, 'is an HTML page with no text');
    return { text: `${text}\n`, pageStarts: null };
  }
  return { text: raw, pageStarts: null };
}
