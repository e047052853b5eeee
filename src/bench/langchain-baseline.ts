import { Document } from '@langchain/core/documents';
import { Embeddings } from '@langchain/core/embeddings';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { Embedder } from '../index/embedder.js';

/** Our embedder behind LangChain's Embeddings interface, so the baseline uses the same vectors. */
class EmbedderAdapter extends Embeddings {
  private readonly embedder: Embedder;

  constructor(embedder: Embedder) {
    super({});
    this.embedder = embedder;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return (await this.embedder.embedDocuments(texts)).map((v) => Array.from(v));
  }

  async embedQuery(text: string): Promise<number[]> {
    return Array.from(await this.embedder.embedQuery(text));
  }
}

/**
 * The plain LangChain pipeline we compare against: RecursiveCharacterTextSplitter (1000/200) into
 * HNSWLib with the same embedder; no BM25, no document structure.
 */
export async function buildBaseline(files: ReadonlyArray<{ source: string; text: string }>, embedder: Embedder) {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const docs = await splitter.splitDocuments(files.map((f) => new Document({ pageContent: f.text, metadata: { source: f.source } })));
  const store = await HNSWLib.fromDocuments(docs, new EmbedderAdapter(embedder));
  return {
    chunks: docs.length,
    async search(question: string, k: number): Promise<Array<{ source: string; text: string }>> {
      const found = await store.similaritySearch(question, k);
      return found.map((d) => ({ source: String(d.metadata.source), text: d.pageContent }));
    },
  };
}
