import { z } from 'zod';

/** Where a passage sits: every field is null when the document does not say. */
export const PlaceSchema = z.object({
  source: z.string(),
  council: z.string().nullable(),
  committee: z.string().nullable(),
  meetingDate: z.string().nullable(),
  item: z.string().nullable(),
  itemNumber: z.string().nullable(),
  page: z.number().int().nullable(),
  paragraph: z.string().nullable(),
  section: z.string().nullable(),
  docType: z.string().nullable(),
  /** For minutes printed in a later meeting's pack: that meeting's date (it approved them). */
  approvedAt: z.string().nullable().optional(),
  /** A link to the source (a synced paper's page on the council's site); null when unknown. */
  url: z.string().nullable(),
});
export type Place = z.infer<typeof PlaceSchema>;

/** A numbered citation: a place plus a quote copied verbatim from the source file. */
export const CitationSchema = PlaceSchema.extend({
  n: z.number().int(),
  chunkId: z.string().nullable(),
  quote: z.string(),
  /** Character span of the quote in the source file's original text. */
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
});
export type Citation = z.infer<typeof CitationSchema>;

export const RetrievedSchema = z.object({
  chunkId: z.string(),
  source: z.string(),
  text: z.string(),
  score: z.number(),
  place: PlaceSchema,
});
export type Retrieved = z.infer<typeof RetrievedSchema>;

export const AnswerKindSchema = z.enum(['answer', 'kpi', 'deadline', 'audit', 'ripa', 'not_found', 'error']);
export type AnswerKind = z.infer<typeof AnswerKindSchema>;

/** The one answer shape every front end renders (Slack, the local page, the CLI). */
export const AnswerSchema = z.object({
  id: z.string().optional(),
  question: z.string(),
  kind: AnswerKindSchema,
  answer: z.string(),
  citations: z.array(CitationSchema),
  retrieved: z.array(RetrievedSchema),
  notes: z.array(z.string()).default([]),
  /** Structured payload for kpi / deadline / audit / ripa answers. */
  data: z.unknown().optional(),
  timings: z.object({ totalMs: z.number() }).catchall(z.number()),
});
export type Answer = z.infer<typeof AnswerSchema>;
