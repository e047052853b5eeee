import { Document } from '@langchain/core/documents';
import { Embeddings } from '@langchain/core/embeddings';
import { BM25Retriever } from '@langchain/community/retrievers/bm25';
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

/** The plain LangChain split every baseline starts from: RecursiveCharacterTextSplitter, 1000 characters, 200 overlap. */
async function splitPlain(files: ReadonlyArray<{ source: string; text: string }>): Promise<Document[]> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  return splitter.splitDocuments(files.map((f) => new Document({ pageContent: f.text, metadata: { source: f.source } })));
}

/**
 * The plain keyword baseline the structure-aware pipeline must never fall below: RecursiveCharacterTextSplitter
 * (1000/200) into LangChain's BM25Retriever; no document structure, no metadata.
 */
export async function buildBm25Baseline(files: ReadonlyArray<{ source: string; text: string }>) {
  const docs = await splitPlain(files);
  return {
    chunks: docs.length,
    async search(question: string, k: number): Promise<Array<{ source: string; text: string }>> {
      const found = await BM25Retriever.fromDocuments(docs, { k }).invoke(question);
      return found.map((d) => ({ source: String(d.metadata.source), text: d.pageContent }));
    },
  };
}

/**
 * The plain LangChain vector pipeline: RecursiveCharacterTextSplitter (1000/200) into HNSWLib with the
 * same embedder; no BM25, no document structure.
 */
export async function buildBaseline(files: ReadonlyArray<{ source: string; text: string }>, embedder: Embedder) {
  const docs = await splitPlain(files);
  const store = await HNSWLib.fromDocuments(docs, new EmbedderAdapter(embedder));
  return {
    chunks: docs.length,
    async search(question: string, k: number): Promise<Array<{ source: string; text: string }>> {
      const found = await store.similaritySearch(question, k);
      return found.map((d) => ({ source: String(d.metadata.source), text: d.pageContent }));
    },
  };
}
