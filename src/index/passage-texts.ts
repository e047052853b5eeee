import { closeSync, fstatSync, linkSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Chunk } from '../parse/parse-document.js';

/**
 * The passages' texts (verbatim and index text) are not held in memory: they live in one file per index,
 * `texts.bin`, read when a passage is shown or read. The file is shared by versions (a hard link) and
 * only ever appended to: a new version appends its new files' texts, and each version's manifest says
 * where each of its files' texts start. A reader opens the file once, when it loads the index, so it
 * keeps reading it after a newer version replaces its folder. When more than half the file is texts of
 * files no longer indexed, the next build writes a fresh file with only the live ones.
 */
export const TEXTS = 'texts.bin';

/** A passage as its segment stores it: its texts are at `at` = [offset in its file's texts, bytes of text, bytes of index text]. */
export type StoredChunk = Omit<Chunk, 'text' | 'indexText'> & { at: [number, number, number] };

/** Texts read recently, kept so that a passage read many times while answering is read from the file once. */
const CACHED = 4096;

/** A reader dropped without being closed (an index replaced by a newer one) closes its file when collected. */
const unclosed = new FinalizationRegistry<number>((fd) => closeSync(fd));

/** The texts file of a loaded index, open for reading for as long as the index is used. */
export class TextsReader {
  private fd: number;
  private readonly cache = new Map<number, string>();

  constructor(path: string) {
    this.fd = openSync(path, 'r');
    unclosed.register(this, this.fd, this);
  }

  /** The bytes at [offset, offset + length). */
  bytes(offset: number, length: number): Buffer {
    const buf = Buffer.allocUnsafe(length);
    for (let done = 0; done < length; ) {
      const n = readSync(this.fd, buf, done, length - done, offset + done);
      if (n === 0) throw new Error(`${TEXTS} ends before byte ${offset + length}: the index is damaged; run npm run ingest -- --rebuild`);
      done += n;
    }
    return buf;
  }

  /** The text of `bytes` bytes at `offset` (each text starts at its own offset, which keys the cache). */
  read(offset: number, bytes: number): string {
    if (bytes === 0) return '';
    const hit = this.cache.get(offset);
    if (hit !== undefined) {
      // Most recently used last, so that the oldest is dropped first.
      this.cache.delete(offset);
      this.cache.set(offset, hit);
      return hit;
    }
    const text = this.bytes(offset, bytes).toString('utf8');
    this.cache.set(offset, text);
    if (this.cache.size > CACHED) this.cache.delete(this.cache.keys().next().value!);
    return text;
  }

  /** A stored passage whose texts are read from this file when asked for (`base`: where its file's texts start). */
  chunk(stored: StoredChunk, base: number): Chunk {
    const { at, ...rest } = stored;
    const [offset, textBytes, indexBytes] = at;
    const reader = this;
    return {
      ...rest,
      get text() {
        return reader.read(base + offset, textBytes);
      },
      get indexText() {
        return reader.read(base + offset + textBytes, indexBytes);
      },
    };
  }

  close(): void {
    if (this.fd < 0) return;
    unclosed.unregister(this);
    closeSync(this.fd);
    this.fd = -1;
  }
}

/** Where one file's texts are in the texts file: [start, bytes]. */
export type TextsSpan = [number, number];

/**
 * Writes a new version's texts file: the live one hard-linked and appended to, or (`fresh`, or when it
 * holds more dead texts than live ones) a new file with the kept files' texts copied in first.
 */
export class TextsWriter {
  private readonly fd: number;
  private end: number;
  /** Where each kept file's texts are now (changed only when the file was written afresh). */
  readonly kept = new Map<string, TextsSpan>();

  constructor(dir: string, prev: { dir: string; kept: ReadonlyArray<{ name: string; span: TextsSpan }> } | null) {
    const path = join(dir, TEXTS);
    const live = prev ? prev.kept.reduce((n, k) => n + k.span[1], 0) : 0;
    let size = 0;
    if (prev) {
      const old = openSync(join(prev.dir, TEXTS), 'r');
      size = fstatSync(old).size;
      closeSync(old);
    }
    if (prev && size <= 2 * live) {
      linkSync(join(prev.dir, TEXTS), path);
      this.fd = openSync(path, 'a');
      // The end of the file, not the manifest's: a build that failed may have left texts after it.
      this.end = fstatSync(this.fd).size;
      for (const k of prev.kept) this.kept.set(k.name, k.span);
      return;
    }
    this.fd = openSync(path, 'w');
    this.end = 0;
    if (prev) {
      const old = new TextsReader(join(prev.dir, TEXTS));
      try {
        for (const k of prev.kept) this.kept.set(k.name, [this.write(old.bytes(k.span[0], k.span[1])), k.span[1]]);
      } finally {
        old.close();
      }
    }
  }

  private write(bytes: Buffer): number {
    const at = this.end;
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done);
    this.end += bytes.length;
    return at;
  }

  /** Appends a file's passages' texts; returns where they start and the passages as their segment stores them. */
  append(chunks: readonly Chunk[]): { span: TextsSpan; stored: StoredChunk[] } {
    const parts: Buffer[] = [];
    const stored: StoredChunk[] = [];
    let offset = 0;
    for (const c of chunks) {
      const { text: _t, indexText: _i, ...rest } = c;
      const text = Buffer.from(c.text, 'utf8');
      const index = Buffer.from(c.indexText, 'utf8');
      stored.push({ ...rest, at: [offset, text.length, index.length] });
      parts.push(text, index);
      offset += text.length + index.length;
    }
    return { span: [this.write(Buffer.concat(parts)), offset], stored };
  }

  close(): void {
    closeSync(this.fd);
  }
}
