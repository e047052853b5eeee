import { randomUUID } from 'node:crypto';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Answer } from '../types.js';
import { describeRequest, type RequestFields } from './describe-request.js';

/** What is known about one Slack request while it is handled; written to its one log line at the end. */
export interface RequestState {
  requestId: string;
  fields: RequestFields;
  /** A child logger carrying the request id, user, channel and name. */
  log: Logger;
  /** `performance.now()` when the request arrived. */
  receivedAt: number;
  ackMs: number | null;
  answerMs: number | null;
  outcome: string;
  kind: string | null;
  cited: string[];
  errorCode: string | null;
  /** Whether the user has already been told about a failure (so they are told once). */
  userNotified: boolean;
}

// Keyed by Bolt's per-request context object, so that no untyped property is added to it.
const states = new WeakMap<object, RequestState>();

const ms = (from: number): number => Math.round((performance.now() - from) * 10) / 10;

/** Starts the state of a request (called by the request-log middleware). */
export function beginRequest(context: object, logger: Logger, body: unknown, ids: { requestId?: unknown; receivedAt?: unknown }): RequestState {
  const fields = describeRequest(body);
  const requestId = typeof ids.requestId === 'string' ? ids.requestId : randomUUID();
  const state: RequestState = {
    requestId,
    fields,
    log: logger.child({ requestId, userId: fields.userId, channelId: fields.channelId, [fields.type]: fields.name }),
    receivedAt: typeof ids.receivedAt === 'number' ? ids.receivedAt : performance.now(),
    ackMs: null,
    answerMs: null,
    outcome: 'handled',
    kind: null,
    cited: [],
    errorCode: null,
    userNotified: false,
  };
  states.set(context, state);
  return state;
}

/** The state of the request `context` belongs to (begun on the spot if no middleware did). */
export function requestOf(context: object, logger: Logger, body?: unknown): RequestState {
  return states.get(context) ?? beginRequest(context, logger, body, {});
}

export function markAck(state: RequestState): void {
  state.ackMs ??= ms(state.receivedAt);
}

export function noteAnswer(state: RequestState, answer: Answer, startedAt: number): void {
  state.answerMs = ms(startedAt);
  state.kind = answer.kind;
  state.cited = answer.citations.map((c) => c.chunkId ?? `${c.source}#quote`);
  state.outcome = answer.kind === 'error' ? 'input_error' : 'answered';
}

/** Records a failure on the request and logs the whole error once. */
export function noteFailure(state: RequestState, error: unknown): void {
  state.outcome = 'failed';
  state.errorCode = error instanceof AppError ? error.code : 'INTERNAL';
  state.log.error({ err: error, errorCode: state.errorCode }, 'slack handler failed');
}

/** The request's one summary line: who, where, what, how long, which chunks were cited. */
export function logRequest(state: RequestState, retryNum: unknown): void {
  const { fields } = state;
  state.log.info(
    {
      type: fields.type,
      teamId: fields.teamId,
      ...(typeof retryNum === 'number' ? { retryNum } : {}),
      outcome: state.outcome,
      kind: state.kind,
      cited: state.cited,
      ackMs: state.ackMs,
      answerMs: state.answerMs,
      totalMs: ms(state.receivedAt),
      ...(state.errorCode ? { errorCode: state.errorCode } : {}),
    },
    'slack request',
  );
}
