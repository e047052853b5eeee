import { z } from 'zod';
import { DocPlaceSchema, SpanSchema } from '../extract/cite-span.js';

/** An audit opinion on the usual four-level scale, whatever words the council uses for it. */
export const OpinionLevelSchema = z.enum(['substantial', 'adequate', 'limited', 'none']);
export type OpinionLevel = z.infer<typeof OpinionLevelSchema>;

/** Priority of a finding (High / Medium / Low, or the council's equivalent). */
export const PriorityLevelSchema = z.enum(['high', 'medium', 'low']);
export type PriorityLevel = z.infer<typeof PriorityLevelSchema>;

/** How far a management action has got, when a paper says. */
export const ActionStatusSchema = z.enum(['implemented', 'in-progress', 'planned', 'overdue']);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

/** The meeting a paper went to. */
export const MeetingSchema = z.object({
  committee: z.string().nullable(),
  /** ISO date of the meeting (for minutes, the meeting they record). */
  date: z.string().nullable(),
  item: z.string().nullable(),
  itemNumber: z.string().nullable(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

/** A point made in a summary (a key strength, a reason for the prospects opinion), with its words. */
export const AuditPointSchema = z.object({ text: z.string(), span: SpanSchema });
export type AuditPoint = z.infer<typeof AuditPointSchema>;

/** An area for development, with its priority when the summary gives one. */
export const AuditFindingSchema = AuditPointSchema.extend({
  priority: PriorityLevelSchema.nullable(),
  /** The priority as printed ("High", "Priority 1"). */
  priorityLabel: z.string().nullable(),
});
export type AuditFinding = z.infer<typeof AuditFindingSchema>;

/** A row of the summary of management responses: issues raised and action plans per priority. */
export const ManagementResponseSchema = z.object({
  priority: PriorityLevelSchema.nullable(),
  label: z.string(),
  issuesRaised: z.number().int().nullable(),
  actionPlans: z.number().int().nullable(),
  riskAccepted: z.number().int().nullable(),
  span: SpanSchema,
});
export type ManagementResponse = z.infer<typeof ManagementResponseSchema>;

/** One internal audit report summary as printed in a committee paper. */
export const AuditSummarySchema = z.object({
  kind: z.literal('summary'),
  /** The audit's reference (e.g. "CA07-2023"), or null when the summary has none. */
  ref: z.string().nullable(),
  title: z.string(),
  heading: SpanSchema,
  /** The opinion in the council's words ("LIMITED", "Reasonable assurance"). */
  opinion: z.string().nullable(),
  opinionLevel: OpinionLevelSchema.nullable(),
  /** The opinion line, with the prospects line when it is printed right after it. */
  opinionSpan: SpanSchema.nullable(),
  /** Prospects for improvement in the council's words ("GOOD", "Very Good"). */
  prospects: z.string().nullable(),
  prospectsSpan: SpanSchema.nullable(),
  strengths: z.array(AuditPointSchema),
  findings: z.array(AuditFindingSchema),
  prospectsBasis: z.array(AuditPointSchema),
  managementResponses: z.array(ManagementResponseSchema),
  place: DocPlaceSchema,
  meeting: MeetingSchema,
});
export type AuditSummary = z.infer<typeof AuditSummarySchema>;

/**
 * A paragraph about audits outside their summaries: `update` (a progress report on the management
 * actions), `mention` (a minute or paragraph naming an audit) or `overview` (a count of opinions,
 * the annual opinion).
 */
export const AuditNoteSchema = z.object({
  kind: z.enum(['update', 'mention', 'overview']),
  refs: z.array(z.string()),
  /** Titles given with the references ("CS05-2023 Social Care Debt Recovery"). */
  titles: z.array(z.object({ ref: z.string(), title: z.string() })),
  text: z.string(),
  status: ActionStatusSchema.nullable(),
  /** Listed actions under the paragraph ("(i) The creation of new 'smart forms'..."). */
  actions: z.array(AuditPointSchema),
  span: SpanSchema,
  place: DocPlaceSchema,
  meeting: MeetingSchema,
});
export type AuditNote = z.infer<typeof AuditNoteSchema>;

/** Every record the audit extractor stores. */
export const AuditRecordSchema = z.union([AuditSummarySchema, AuditNoteSchema]);
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

/** Validates stored records back into audit records, dropping any that do not parse (an older index). */
export function readAuditRecords(records: readonly unknown[] | undefined): AuditRecord[] {
  const out: AuditRecord[] = [];
  for (const r of records ?? []) {
    const parsed = AuditRecordSchema.safeParse(r);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}
