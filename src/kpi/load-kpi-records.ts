import { join } from 'node:path';
import { listCorpus } from '../index/index-files.js';
import { loadFile } from '../ingest/load-file.js';
import { parseDocument } from '../parse/parse-document.js';
import { extractKpis } from './extract-kpis.js';
import { toKpiRecords, type KpiRecord } from './kpi-record.js';

/** KPI records read straight from the corpus files (for an index built before the KPI extractor ran). */
export async function kpiRecordsFromCorpus(corpusDir: string): Promise<KpiRecord[]> {
  const out: KpiRecord[] = [];
  for (const name of await listCorpus(corpusDir)) {
    try {
      const loaded = await loadFile(join(corpusDir, name), name);
      out.push(...extractKpis(parseDocument(name, loaded.text, loaded.pageStarts)));
    } catch {
      // An unreadable file has no KPI tables to offer; ingest reports it by name.
      continue;
    }
  }
  return out;
}

/**
 * The KPI records of an index (validated back through KpiRecordSchema), or, when the index holds no
 * "kpi" records at all, those read from the corpus folder.
 */
export async function loadKpiRecords(indexRecords: Record<string, unknown[]>, corpusDir: string): Promise<{ records: KpiRecord[]; fromIndex: boolean }> {
  const stored = indexRecords['kpi'];
  if (stored) return { records: toKpiRecords(stored), fromIndex: true };
  return { records: await kpiRecordsFromCorpus(corpusDir), fromIndex: false };
}
