import { readdirSync, readFileSync } from 'node:fs';
import { parseDocument, type ParsedDocument } from '../../src/parse/parse-document.js';

/** The bundled corpus folder. */
export const CORPUS_DIR = new URL('../../corpus/', import.meta.url);

const cache = new Map<string, ParsedDocument>();

/** The bundled corpus files, parsed once per test file. */
export function corpusDocs(): ParsedDocument[] {
  return readdirSync(CORPUS_DIR)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((name) => {
      let doc = cache.get(name);
      if (!doc) cache.set(name, (doc = parseDocument(name, readFileSync(new URL(name, CORPUS_DIR), 'utf8'))));
      return doc;
    });
}

/** The original text of a corpus file. */
export function corpusText(name: string): string {
  return readFileSync(new URL(name, CORPUS_DIR), 'utf8');
}

/** A fixture file of a test folder, parsed as a corpus file. */
export function fixtureDoc(url: URL): ParsedDocument {
  const name = url.pathname.split('/').at(-1)!;
  return parseDocument(name, readFileSync(url, 'utf8'));
}
