/** RIPA authorisation rules: the policy from the corpus, the check behind `/ripa`, plain questions. */
export { ripaPolicyExtractor, extractRipaPolicies } from './extract-ripa-policy.js';
export { RipaPolicySchema, selectRipaPolicy, paragraphsFor, type RipaPolicy, type RipaParagraph, type RipaTopic } from './ripa-policy.js';
export { checkRipa, sourceKind } from './check-ripa.js';
export {
  RipaCheckInputSchema,
  RipaOutcomeSchema,
  RipaTechniqueSchema,
  type RipaCheckInput,
  type RipaCheckInputRaw,
  type RipaOutcome,
  type RipaLine,
  type RipaTechnique,
} from './ripa-outcome.js';
export { formatRipaOutcome, ripaOutcomeAnswer } from './format-ripa-outcome.js';
export { ripaAnswer, isRipaQuestion } from './ripa-answer.js';
export { RIPA_FORM_FIELDS, RipaFormValuesSchema, answerRipaForm, ripaInputFromForm, type RipaFormField, type RipaFormValues } from './ripa-form.js';
export { STATUTES, type StatuteRef } from './statutes.js';
