import { z } from 'zod';
import { RipaFormValuesSchema, type RipaFormField, type RipaFormValues } from '../ripa/ripa-form.js';

const Option = z.object({ value: z.string() });
/** One input's value in a view_submission's `view.state.values`, for the element types the form uses. */
const StateValue = z.object({
  type: z.string(),
  selected_option: Option.nullable().optional(),
  selected_options: z.array(Option).optional(),
  selected_date: z.string().nullable().optional(),
});
const StateValues = z.record(z.string(), z.record(z.string(), StateValue));
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export type RipaFormRead = { ok: true; values: RipaFormValues } | { ok: false; errors: Record<string, string> };

const MESSAGES: Record<RipaFormField['kind'], string> = {
  select: 'Please choose one of the options.',
  'yes-no': 'Please tick the box or leave it empty.',
  date: 'Please choose a date from the calendar.',
};

/** The value a field's input holds, as the domain's form expects it; undefined when left empty. */
function valueOf(field: RipaFormField, input: z.infer<typeof StateValue> | undefined): string | undefined {
  if (!input) return undefined;
  if (field.kind === 'select') return input.selected_option?.value;
  if (field.kind === 'yes-no') return input.selected_options?.some((o) => o.value === 'yes') ? 'yes' : 'no';
  return input.selected_date ?? undefined;
}

/**
 * The `/ripa` modal's submitted `view.state.values` as the form's values, checked with the domain's
 * schema; otherwise one message per input block, keyed by block id, for `response_action: "errors"`.
 */
export function readRipaForm(state: unknown, fields: readonly RipaFormField[]): RipaFormRead {
  const first = fields[0]?.id ?? 'technique';
  const parsed = StateValues.safeParse(state);
  if (!parsed.success) return { ok: false, errors: { [first]: 'The form could not be read; please try again.' } };
  const raw: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = valueOf(field, parsed.data[field.id]?.[field.id]);
    if (value === undefined) continue;
    if (field.kind === 'date' && !IsoDay.safeParse(value).success) errors[field.id] = MESSAGES.date;
    else raw[field.id] = value;
  }
  const checked = RipaFormValuesSchema.safeParse(raw);
  if (checked.success && !Object.keys(errors).length) return { ok: true, values: checked.data };
  for (const issue of checked.success ? [] : checked.error.issues) {
    const field = fields.find((f) => f.id === issue.path[0]) ?? fields[0];
    if (field) errors[field.id] ??= MESSAGES[field.kind];
  }
  return { ok: false, errors };
}
