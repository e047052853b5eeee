import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubReply {
  status?: number;
  headers?: Record<string, string>;
  /** The chat message content (JSON text for structured output), or a raw body when status is not 200. */
  content?: string;
  body?: unknown;
  /** Never answer (to provoke a client timeout). */
  hang?: boolean;
}

interface ChatRequest {
  model: string;
  messages: Array<{ role: string; content: string }>;
  response_format?: { type: string };
}

/**
 * A local server that speaks the OpenAI HTTP API (/v1/chat/completions, /v1/embeddings) for tests.
 * Replies are taken from a queue, one per request; the last one repeats.
 */
export async function startStubOpenAI(replies: Array<StubReply | ((req: ChatRequest) => StubReply)>): Promise<{
  baseURL: string;
  requests: ChatRequest[];
  close(): Promise<void>;
}> {
  const requests: ChatRequest[] = [];
  const open = new Set<ServerResponse>();
  let i = 0;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      if (req.url?.endsWith('/embeddings')) {
        const input = (JSON.parse(raw) as { input: string[] }).input;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ object: 'list', data: input.map((_, index) => ({ object: 'embedding', index, embedding: [1, 0, 0] })), model: 'stub' }));
        return;
      }
      const body = JSON.parse(raw) as ChatRequest;
      requests.push(body);
      const next = replies[Math.min(i++, replies.length - 1)]!;
      const reply = typeof next === 'function' ? next(body) : next;
      if (reply.hang) {
        open.add(res);
        return;
      }
      const status = reply.status ?? 200;
      res.writeHead(status, { 'content-type': 'application/json', ...reply.headers });
      if (status !== 200) {
        res.end(JSON.stringify(reply.body ?? { error: { message: 'stub error', type: 'server_error' } }));
        return;
      }
      res.end(
        JSON.stringify({
          id: 'chatcmpl-stub',
          object: 'chat.completion',
          created: 1,
          model: body.model,
          choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: reply.content ?? '', refusal: null } }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: async () => {
      for (const res of open) res.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
