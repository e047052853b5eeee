import { z } from 'zod';
import { DocPlaceSchema, SpanSchema } from '../extract/cite-span.js';

/** What a policy paragraph is about; a paragraph may be about several things. */
export const RipaTopicSchema = z.enum([
  'intrusive',
  'authorising-officer',
  'senior-authoriser',
  'judicial-approval',
  'retention',
  'duration',
  'review',
  'renewal',
  'cancellation',
  'register-copy',
  'social-media',
  'communications-data',
  'necessity',
  'sro',
  'cctv',
  'chis-welfare',
  'training',
  'oversight',
  'definition',
]);
export type RipaTopic = z.infer<typeof RipaTopicSchema>;

/** One paragraph of the policy with its verbatim span. */
export const RipaParagraphSchema = z.object({
  /** The paragraph's number ("4.2"), or null for an unnumbered paragraph (a glossary entry). */
  number: z.string().nullable(),
  /** The heading it sits under ("4. Obtaining Authorisation"). */
  heading: z.string().nullable(),
  /** Topics from the heading, when the heading names one. */
  headingTopics: z.array(RipaTopicSchema),
  /** Topics from the paragraph's own words. */
  topics: z.array(RipaTopicSchema),
  /** Readable text (debris and page footers removed); the span keeps the exact words. */
  text: z.string(),
  span: SpanSchema,
});
export type RipaParagraph = z.infer<typeof RipaParagraphSchema>;

const Months = z.object({ directedSurveillance: z.number().int().nullable(), chis: z.number().int().nullable() });

/** Local settings read from the policy's words; null where the policy does not say. */
export const RipaFactsSchema = z.object({
  /** Who authorises a juvenile or vulnerable CHIS or likely confidential information. */
  seniorAuthoriser: z.string().nullable(),
  /** Who must also be told in those cases. */
  informed: z.string().nullable(),
  retentionYears: z.number().int().nullable(),
  registerWorkingDays: z.number().int().nullable(),
  durationMonths: Months,
  renewalMonths: Months,
});
export type RipaFacts = z.infer<typeof RipaFactsSchema>;

/** A council's covert surveillance (RIPA) policy as found in the corpus. */
export const RipaPolicySchema = z.object({
  kind: z.literal('ripa-policy'),
  title: z.string(),
  titleSpan: SpanSchema,
  place: DocPlaceSchema,
  paragraphs: z.array(RipaParagraphSchema),
  facts: RipaFactsSchema,
});
export type RipaPolicy = z.infer<typeof RipaPolicySchema>;

/**
 * The policy in force from stored records: the one from the latest meeting (a policy is re-endorsed
 * each year), then the one with most paragraphs. Records that do not parse are ignored.
 */
export function selectRipaPolicy(records: readonly unknown[] | undefined): RipaPolicy | null {
  return readRipaPolicies(records)[0] ?? null;
}

/** Every policy record that parses, newest first, then the fullest. */
export function readRipaPolicies(records: readonly unknown[] | undefined): RipaPolicy[] {
  const policies = (records ?? []).flatMap((r) => {
    const p = RipaPolicySchema.safeParse(r);
    return p.success ? [p.data] : [];
  });
  policies.sort((a, b) => (b.place.meetingDate ?? '').localeCompare(a.place.meetingDate ?? '') || b.paragraphs.length - a.paragraphs.length);
  return policies;
}

/** The paragraphs about a topic: those under a heading about it first, then in the policy's order. */
export function paragraphsFor(policy: RipaPolicy | null, topic: RipaTopic): RipaParagraph[] {
  if (!policy) return [];
  const hits = policy.paragraphs.filter((p) => p.topics.includes(topic) || (p.topics.length === 0 && p.headingTopics.includes(topic)));
  const underHeading = hits.filter((p) => p.headingTopics.includes(topic));
  return [...underHeading, ...hits.filter((p) => !p.headingTopics.includes(topic))];
}
