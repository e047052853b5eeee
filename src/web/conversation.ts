/** One message of the local conversation, kept as Slack would hold it: Block Kit and a fallback text. */
export interface LocalMessage {
  ts: string;
  channelId: string;
  /** The parent's ts for a reply in a thread; null at the top level. */
  threadTs: string | null;
  /** The Slack user id of the author (the local user, or the bot user). */
  userId: string;
  fromBot: boolean;
  text: string;
  blocks: unknown[];
  /** Seen only by the local user in Slack ("Only visible to you"). */
  ephemeral: boolean;
}

/** A modal as the Web API returns it: the app's view plus the id Slack gives it. */
export interface LocalView extends Record<string, unknown> {
  id: string;
  hash: string;
}

/** What the page is told over Server-Sent Events. */
export type PageEvent =
  | { type: 'reset'; messages: LocalMessage[]; users: Record<string, string> }
  | { type: 'message'; message: LocalMessage }
  | { type: 'update'; message: LocalMessage }
  | { type: 'delete'; ts: string }
  | { type: 'view_open' | 'view_update' | 'view_push'; view: LocalView }
  | { type: 'notice'; text: string };

/**
 * The messages of the local conversation in order, with Slack-style timestamps that increase
 * strictly; every change is published to the page. The oldest messages are dropped beyond `maxMessages`.
 */
export class Conversation {
  private readonly messages = new Map<string, LocalMessage>();
  private lastMicros = 0;

  constructor(
    private readonly publish: (event: PageEvent) => void,
    private readonly options: { now?: () => number; maxMessages?: number } = {},
  ) {}

  /** A fresh message ts, "1700000000.000123", later than every earlier one. */
  nextTs(): string {
    const micros = Math.max(Math.floor((this.options.now ?? Date.now)() * 1000), this.lastMicros + 1);
    this.lastMicros = micros;
    return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  post(input: Omit<LocalMessage, 'ts'>): LocalMessage {
    const message: LocalMessage = { ...input, ts: this.nextTs() };
    this.messages.set(message.ts, message);
    const max = this.options.maxMessages ?? 1_000;
    for (const ts of this.messages.keys()) {
      if (this.messages.size <= max) break;
      this.messages.delete(ts);
    }
    this.publish({ type: 'message', message });
    return message;
  }

  update(ts: string, patch: Partial<Pick<LocalMessage, 'text' | 'blocks' | 'ephemeral'>>): LocalMessage | null {
    const current = this.messages.get(ts);
    if (!current) return null;
    const message = { ...current, ...patch };
    this.messages.set(ts, message);
    this.publish({ type: 'update', message });
    return message;
  }

  delete(ts: string): boolean {
    if (!this.messages.delete(ts)) return false;
    this.publish({ type: 'delete', ts });
    return true;
  }

  get(ts: string): LocalMessage | undefined {
    return this.messages.get(ts);
  }

  list(): LocalMessage[] {
    return [...this.messages.values()];
  }

  /** Shows the page a line that Slack itself would show (a failed command, say). */
  notice(text: string): void {
    this.publish({ type: 'notice', text });
  }
}
