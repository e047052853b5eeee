/** An error the user may see: a stable `code`, one helpful sentence, and the underlying cause for the log. */
export class AppError extends Error {
  readonly code: string;
  readonly userMessage: string;

  constructor(code: string, userMessage: string, options: { cause?: unknown; detail?: string } = {}) {
    super(options.detail ?? userMessage, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = userMessage;
  }
}

/** Input the user typed is not usable (bad date, unknown rule, unknown KPI...). */
export class InputError extends AppError {
  constructor(code: string, userMessage: string, options: { cause?: unknown; detail?: string } = {}) {
    super(code, userMessage, options);
    this.name = 'InputError';
  }
}

/** A file in the corpus could not be read; ingest reports it and goes on. */
export class IngestError extends AppError {
  readonly file: string;

  constructor(file: string, reason: string, options: { cause?: unknown } = {}) {
    super('INGEST_UNREADABLE', `${file}: ${reason}`, options);
    this.name = 'IngestError';
    this.file = file;
  }
}

/** The one sentence to show a user for any thrown value: never a stack trace. */
export function userMessageOf(error: unknown): string {
  if (error instanceof AppError) return error.userMessage;
  return 'Something went wrong on our side; the details have been logged. Please try again.';
}
