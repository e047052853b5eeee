import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/errors.js';
import { loadFile } from '../../src/ingest/load-file.js';
import { chunkDocument, parseDocument } from '../../src/parse/parse-document.js';
import { makePdf } from '../helpers/make-pdf.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('loadFile', () => {
  const dir = tempDir();

  it('reads a PDF page by page and keeps true page numbers for citations', async () => {
    const path = join(dir, 'pack.pdf');
    writeFileSync(path, makePdf(['Agenda for the Audit Committee', 'Internal audit gave Substantial assurance on payroll.', 'Fraud losses were nil.']));
    const loaded = await loadFile(path, 'pack.pdf');
    expect(loaded.pageStarts?.map((p) => p.page)).toEqual([1, 2, 3]);
    const chunks = chunkDocument(parseDocument('pack.pdf', loaded.text, loaded.pageStarts));
    expect(chunks.find((c) => c.text.includes('Substantial assurance'))!.place.page).toBe(2);
    expect(chunks.find((c) => c.text.includes('Fraud losses'))!.place.page).toBe(3);
  });

  it('turns HTML into text with table rows as tab-separated lines', async () => {
    const path = join(dir, 'minutes.html');
    writeFileSync(
      path,
      '<html><head><style>p{}</style><script>alert(1)</script></head><body><h1>Minutes</h1><p>The <b>Committee</b> met.</p>' +
        '<table><tr><th>Ref</th><th>Indicator</th><th>RAG</th></tr><tr><td>GL02</td><td>FOI on time</td><td>GREEN</td></tr></table></body></html>',
    );
    const { text } = await loadFile(path, 'minutes.html');
    expect(text).toContain('Minutes');
    expect(text).toContain('The Committee met.');
    expect(text).toContain('GL02\tFOI on time\tGREEN');
    expect(text).not.toContain('alert');
  });

  it('reads a page saved with a .txt name as the HTML it is', async () => {
    const path = join(dir, 'minutes.html.txt');
    writeFileSync(path, `<div class="minutes">\n<h4>APOLOGIES</h4>\n<p>Cllr. A. Jones sent apologies.</p>\n<p>The Clerk read the minutes.</p>\n<ul><li>One</li><li>Two</li></ul>\n<p>Closed at 8pm.</p>\n</div>\n`);
    const { text } = await loadFile(path, 'minutes.html.txt');
    expect(text).not.toMatch(/<p>|<h4>/);
  });

  it('rejects empty, binary, non-PDF and unsupported files with the file name and reason', async () => {
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ['blank.md', '   \n\n', /blank\.md: is empty/],
      ['photo.txt', Buffer.from([0xff, 0xd8, 0, 0, 0x10]), /photo\.txt: looks like a binary file/],
      ['fake.pdf', 'hello', /fake\.pdf: is not a PDF/],
      ['sheet.xlsx', 'data', /sheet\.xlsx: unsupported file type/],
    ];
    for (const [name, content, message] of cases) {
      writeFileSync(join(dir, name), content);
      const error = await loadFile(join(dir, name), name).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IngestError);
      expect((error as IngestError).userMessage).toMatch(message);
    }
  });
});
