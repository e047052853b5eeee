import { z } from 'zod';
import { PlaceSchema } from '../types.js';

/** RAG status as printed in performance reports. */
export const RagSchema = z.enum(['GREEN', 'AMBER', 'RED']);
export type Rag = z.infer<typeof RagSchema>;

/** Direction of travel, as the report's own legend defines its arrows or words. */
export const DirectionSchema = z.enum(['improving', 'worsening', 'stable', 'new']);
export type Direction = z.infer<typeof DirectionSchema>;

/** Whether a higher or a lower figure is the better one. */
export const PolaritySchema = z.enum(['higher', 'lower']);
export type Polarity = z.infer<typeof PolaritySchema>;

/** The period a result covers: "July 2017", "Quarter 2 2022/23". Dates are ISO (YYYY-MM-DD). */
export const KpiPeriodSchema = z.object({
  label: z.string(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  /** The phrase of the report the period was read from ("results up to the end of July 2017"). */
  evidence: z.string().nullable(),
});
export type KpiPeriod = z.infer<typeof KpiPeriodSchema>;

/** A verbatim span of the source file: `text === doc.text.slice(start, end)`. */
export const SpanSchema = z.object({ text: z.string(), start: z.number().int(), end: z.number().int() });
export type Span = z.infer<typeof SpanSchema>;

/** What a report says about its own RAG totals ("7 KPIs did not meet the floor standard (Red)"). */
export const RagCountsSchema = z.object({
  green: z.number().int().nullable(),
  amber: z.number().int().nullable(),
  red: z.number().int().nullable(),
  total: z.number().int().nullable(),
  quote: SpanSchema,
});
export type RagCounts = z.infer<typeof RagCountsSchema>;

/**
 * One row of a KPI or activity-indicator table, with the report context needed to answer from it.
 * Figures are kept as printed ("95%", "1,778"); a figure the report does not give stays null.
 */
export const KpiRecordSchema = z.object({
  id: z.string(),
  kind: z.enum(['kpi', 'activity']),
  ref: z.string().nullable(),
  name: z.string(),
  /** Most specific service area the report files the row under ("Governance and Law"). */
  area: z.string().nullable(),
  /** Heading of the summary table or directorate the row belongs to, when different from the area. */
  group: z.string().nullable(),
  value: z.string().nullable(),
  valueNumber: z.number().nullable(),
  /** Where the value came from: the table row, or a sentence of the commentary (charts lost). */
  valueSource: z.enum(['table', 'commentary']).nullable(),
  /** Column header the value was read from ("Latest Month", "Actual"). */
  valueLabel: z.string().nullable(),
  rag: RagSchema.nullable(),
  direction: DirectionSchema.nullable(),
  /** The direction cell as printed, conversion debris included. */
  directionRaw: z.string().nullable(),
  ytd: z.string().nullable(),
  ytdRag: RagSchema.nullable(),
  target: z.string().nullable(),
  floor: z.string().nullable(),
  previous: z.string().nullable(),
  previousLabel: z.string().nullable(),
  expectedUpper: z.string().nullable(),
  expectedLower: z.string().nullable(),
  /** "Yes", "Above", "Below" for activity indicators tracked within an expected range. */
  inExpectedRange: z.string().nullable(),
  polarity: PolaritySchema.nullable(),
  /** Printed cells that are not figures but explain one ("YTD: Snapshot data"). */
  notes: z.array(z.string()),
  period: KpiPeriodSchema.nullable(),
  meetingDate: z.string().nullable(),
  reportTitle: z.string().nullable(),
  place: PlaceSchema,
  /** The table row, verbatim. */
  row: SpanSchema,
  /** The commentary sentence a figure was taken from, verbatim. */
  commentary: SpanSchema.nullable(),
  /** The report's own statement of its RAG totals. */
  reportCounts: RagCountsSchema.nullable(),
});
export type KpiRecord = z.infer<typeof KpiRecordSchema>;

/** Validates stored records back into KpiRecords, dropping any that do not fit the schema. */
export function toKpiRecords(stored: readonly unknown[] | undefined): KpiRecord[] {
  const out: KpiRecord[] = [];
  for (const item of stored ?? []) {
    const parsed = KpiRecordSchema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}
