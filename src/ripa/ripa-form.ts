import { z } from 'zod';
import { InputError } from '../errors.js';
import { parseDateText, type DeadlineService } from '../deadlines/index.js';
import type { Answer } from '../types.js';
import { checkRipa } from './check-ripa.js';
import { ripaOutcomeAnswer } from './format-ripa-outcome.js';
import type { RipaPolicy } from './ripa-policy.js';
import { RipaTechniqueSchema, type RipaCheckInputRaw } from './ripa-outcome.js';

/** One question of the `/ripa` form, for a front end to render (a Slack modal, the local page). */
export interface RipaFormField {
  id: 'technique' | 'source' | 'confidential' | 'premises' | 'approvalDate';
  label: string;
  kind: 'select' | 'yes-no' | 'date';
  required: boolean;
  options?: ReadonlyArray<{ value: string; label: string }>;
}

/** The form's questions, in order. */
export const RIPA_FORM_FIELDS: readonly RipaFormField[] = [
  {
    id: 'technique',
    label: 'Technique',
    kind: 'select',
    required: true,
    options: [
      { value: 'directed-surveillance', label: 'Directed surveillance' },
      { value: 'chis', label: 'Covert human intelligence source (CHIS)' },
      { value: 'communications-data', label: 'Communications data' },
    ],
  },
  {
    id: 'source',
    label: 'Is the source a juvenile or vulnerable person?',
    kind: 'select',
    required: false,
    options: [
      { value: 'no', label: 'No' },
      { value: 'juvenile', label: 'Yes: under 18' },
      { value: 'vulnerable', label: 'Yes: a vulnerable adult' },
      { value: 'juvenile-or-vulnerable', label: 'Yes: not sure which' },
    ],
  },
  { id: 'confidential', label: 'Is confidential information (legal, medical, journalistic) likely to be obtained?', kind: 'yes-no', required: false },
  { id: 'premises', label: 'Will it take place in residential premises or a private vehicle?', kind: 'yes-no', required: false },
  { id: 'approvalDate', label: "Date of the magistrate's approval (or expected approval)", kind: 'date', required: false },
];

const YesNo = z.union([z.boolean(), z.enum(['yes', 'no'])]).transform((v) => v === true || v === 'yes');

/** The form's submitted values, as any front end collects them. */
export const RipaFormValuesSchema = z
  .object({
    technique: RipaTechniqueSchema,
    source: z.enum(['no', 'juvenile', 'vulnerable', 'juvenile-or-vulnerable']).optional(),
    confidential: YesNo.optional(),
    premises: YesNo.optional(),
    approvalDate: z.string().trim().min(1).optional(),
  })
  .strict();
export type RipaFormValues = z.input<typeof RipaFormValuesSchema>;

/** The check's input from the form's values; the date may be typed in any accepted format. */
export function ripaInputFromForm(values: RipaFormValues, today: string): RipaCheckInputRaw {
  const parsed = RipaFormValuesSchema.safeParse(values);
  if (!parsed.success) {
    throw new InputError('RIPA_BAD_FORM', `The RIPA form could not be read (${parsed.error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`).join('; ')}).`);
  }
  const v = parsed.data;
  const source = v.source ?? 'no';
  return {
    technique: v.technique,
    juvenileOrVulnerable: source !== 'no',
    ...(source === 'juvenile' ? { sourceUnder18: true } : source === 'vulnerable' ? { sourceUnder18: false } : {}),
    confidentialInfoLikely: v.confidential ?? false,
    residentialOrPrivateVehicle: v.premises ?? false,
    ...(v.approvalDate ? { approvalDate: parseDateText(v.approvalDate, { today }) } : {}),
  };
}

/** `/ripa` in one call: the form's values checked against the policy, in the one answer shape. */
export function answerRipaForm(values: RipaFormValues, policy: RipaPolicy | null, deadlines: DeadlineService, today: string): Answer {
  const started = performance.now();
  const outcome = checkRipa(ripaInputFromForm(values, today), policy, deadlines, today);
  return ripaOutcomeAnswer(outcome, '/ripa', performance.now() - started);
}
