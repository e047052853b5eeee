import { z } from 'zod';
import { CitationSchema } from '../types.js';
import { StatuteRefSchema } from './statutes.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date in the form YYYY-MM-DD');

/** The covert techniques a council may use under RIPA and the IPA. */
export const RipaTechniqueSchema = z.enum(['directed-surveillance', 'chis', 'communications-data']);
export type RipaTechnique = z.infer<typeof RipaTechniqueSchema>;

/** The answers to the `/ripa` form (and the CLI flags). */
export const RipaCheckInputSchema = z
  .object({
    technique: RipaTechniqueSchema,
    /** The CHIS is a juvenile (under 18) or a vulnerable person. */
    juvenileOrVulnerable: z.boolean().default(false),
    /** With juvenileOrVulnerable: true for a source under 18, false for a vulnerable adult; unknown when absent. */
    sourceUnder18: z.boolean().optional(),
    /** Confidential information (legal privilege, confidential personal or journalistic material) is likely. */
    confidentialInfoLikely: z.boolean().default(false),
    /** The activity is in residential premises or a private vehicle. */
    residentialOrPrivateVehicle: z.boolean().default(false),
    /** The date the magistrate approved (or is expected to approve) the authorisation. */
    approvalDate: IsoDate.optional(),
  })
  .strict();
export type RipaCheckInput = z.infer<typeof RipaCheckInputSchema>;
export type RipaCheckInputRaw = z.input<typeof RipaCheckInputSchema>;

/** What a line of the outcome is about. */
export const RipaLineTopicSchema = z.enum([
  'permitted',
  'authoriser',
  'inform',
  'approval',
  'expiry',
  'renewal',
  'review',
  'register-copy',
  'cancellation',
  'records',
  'welfare',
  'social-media',
  'route',
  'necessity',
  'note',
]);
export type RipaLineTopic = z.infer<typeof RipaLineTopicSchema>;

/** One line of an outcome, with the policy paragraphs (citation numbers) and statutes behind it. */
export const RipaLineSchema = z.object({
  topic: RipaLineTopicSchema,
  text: z.string(),
  refs: z.array(z.number().int()),
  statutes: z.array(StatuteRefSchema),
});
export type RipaLine = z.infer<typeof RipaLineSchema>;

/** A date worked out by the deadline calculator, with the rule that gave it. */
export const RipaDateSchema = z.object({ rule: z.string(), date: IsoDate, dateText: z.string(), counts: z.string(), citation: z.string() });
export type RipaDate = z.infer<typeof RipaDateSchema>;

/** The outcome of the RIPA check: allowed or not, who authorises, approvals, dates, each line cited. */
export const RipaOutcomeSchema = z.object({
  input: RipaCheckInputSchema,
  allowed: z.boolean(),
  verdict: z.string(),
  authoriser: z.string().nullable(),
  inform: z.string().nullable(),
  approval: z.string().nullable(),
  expiry: RipaDateSchema.nullable(),
  renewalExpiry: RipaDateSchema.nullable(),
  registerCopyDue: RipaDateSchema.nullable(),
  lines: z.array(RipaLineSchema),
  /** Policy paragraphs quoted verbatim from the corpus, numbered as the lines' refs. */
  citations: z.array(CitationSchema),
  notes: z.array(z.string()),
  policy: z.object({ title: z.string(), council: z.string().nullable(), source: z.string() }).nullable(),
});
export type RipaOutcome = z.infer<typeof RipaOutcomeSchema>;
