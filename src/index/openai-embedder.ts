import type OpenAI from 'openai';
import { AppError } from '../errors.js';
import { normalize, type Embedder } from './embedder.js';

const BATCH = 64;

/** Embeddings from an OpenAI-compatible endpoint (OpenAI, Azure OpenAI, Ollama, vLLM). */
export class OpenAIEmbedder implements Embedder {
  readonly id: string;
  readonly dims: number;
  private readonly client: OpenAI;
  private readonly model: string;

  constructor(client: OpenAI, model: string, dims: number) {
    this.client = client;
    this.model = model;
    this.dims = dims;
    this.id = `openai:${model}:${dims}`;
  }

  /** Asks the endpoint once for the model's vector size. */
  static async create(client: OpenAI, model: string): Promise<OpenAIEmbedder> {
    const probe = new OpenAIEmbedder(client, model, 0);
    const [v] = await probe.request(['dimension probe']);
    return new OpenAIEmbedder(client, model, v!.length);
  }

  private async request(texts: string[]): Promise<Float32Array[]> {
    try {
      const res = await this.client.embeddings.create({ model: this.model, input: texts });
      return [...res.data].sort((a, b) => a.index - b.index).map((d) => normalize(Float32Array.from(d.embedding)));
    } catch (cause) {
      throw new AppError('EMBEDDINGS_UNAVAILABLE', 'The embeddings service is not answering; the index was left as it was.', { cause });
    }
  }

  async embedDocuments(texts: readonly string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += BATCH) out.push(...(await this.request(texts.slice(i, i + BATCH))));
    return out;
  }

  async embedQuery(text: string): Promise<Float32Array> {
    const [v] = await this.request([text]);
    return v!;
  }
}
