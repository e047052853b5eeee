import { InputError } from '../errors.js';
import type { DeadlineService } from '../deadlines/index.js';
import { createCitationList } from '../extract/cite-span.js';
import type { RipaPolicy } from './ripa-policy.js';
import { RipaCheckInputSchema, RipaOutcomeSchema, type RipaCheckInputRaw, type RipaLine, type RipaOutcome } from './ripa-outcome.js';
import { expiryLine, line, registerLine, renewalLine, type LineContext, type SourceKind } from './ripa-lines.js';
import {
  approvalLine,
  authoriserLines,
  cancellationLine,
  intrusiveLine,
  permittedLine,
  recordsLine,
  reviewLine,
  seniorReason,
  welfareLine,
} from './ripa-policy-lines.js';
import { STATUTES } from './statutes.js';

export { RipaCheckInputSchema, RipaOutcomeSchema, type RipaCheckInput, type RipaCheckInputRaw, type RipaOutcome } from './ripa-outcome.js';
export { formatRipaOutcome, ripaOutcomeAnswer } from './format-ripa-outcome.js';

const TECHNIQUE_NAMES = { 'directed-surveillance': 'directed surveillance', chis: 'a CHIS', 'communications-data': 'communications data' } as const;

/** Whether the source is under 18, a vulnerable adult, or one of the two, from the form's answers. */
export function sourceKind(juvenileOrVulnerable: boolean, sourceUnder18: boolean | undefined): SourceKind {
  if (!juvenileOrVulnerable) return 'adult';
  if (sourceUnder18 === true) return 'juvenile';
  return sourceUnder18 === false ? 'vulnerable' : 'juvenile-or-vulnerable';
}

/**
 * The RIPA check behind `/ripa`: whether the technique may be authorised at all, who authorises
 * (the policy's own authorisers), the approval needed, expiry, renewal, review and register-copy
 * dates (computed by the deadline calculator), cancellation and records. Each line cites the policy
 * paragraph (verbatim from the corpus) or the statute. Pure apart from the deadline service.
 * Throws an InputError when the answers are not valid.
 */
export function checkRipa(input: RipaCheckInputRaw, policy: RipaPolicy | null, deadlines: DeadlineService, today?: string): RipaOutcome {
  const parsed = RipaCheckInputSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    throw new InputError('RIPA_BAD_INPUT', `The RIPA check could not read its answers (${issues}).`);
  }
  const i = parsed.data;
  const ctx: LineContext = { policy, deadlines, today, list: createCitationList() };
  const source = sourceKind(i.juvenileOrVulnerable, i.sourceUnder18);
  const notes: string[] = [];
  if (!policy) notes.push('No covert surveillance policy was found in the corpus, so only the statutory rules are shown; add the council’s policy to the corpus for its authorisers and local steps.');
  const base = {
    input: i,
    authoriser: null,
    inform: null,
    approval: null,
    expiry: null,
    renewalExpiry: null,
    registerCopyDue: null,
    policy: policy ? { title: policy.title, council: policy.place.council, source: policy.place.source } : null,
  };
  const comms = i.technique === 'communications-data';
  if (i.residentialOrPrivateVehicle && !comms) {
    const lines = [intrusiveLine(ctx)];
    return RipaOutcomeSchema.parse({ ...base, allowed: false, verdict: `Not allowed: ${TECHNIQUE_NAMES[i.technique]} in residential premises or a private vehicle would be intrusive surveillance, which the council cannot authorise.`, lines, citations: ctx.list.citations, notes });
  }
  if (i.residentialOrPrivateVehicle) notes.push('Residential premises or a private vehicle make no difference to a communications data request.');
  if (i.juvenileOrVulnerable && i.technique !== 'chis') notes.push('A juvenile or vulnerable source changes who authorises only for a CHIS.');
  if (i.approvalDate && comms) notes.push('Communications data periods run from OCDA’s grant, so no dates are computed here.');

  const lines: RipaLine[] = [permittedLine(ctx, i.technique)];
  const who = authoriserLines(ctx, i.technique, seniorReason(i.technique, source, i.confidentialInfoLikely));
  lines.push(...who.lines);
  if (comms && i.confidentialInfoLikely) {
    lines.push(line(ctx, 'note', "Confidential information: if the data is sought to identify a journalist's source, a Judicial Commissioner must approve it.", [], [STATUTES.journalistic]));
  }
  if (i.technique === 'chis') lines.push(welfareLine(ctx, source));
  const approval = approvalLine(ctx, i.technique);
  lines.push(approval.line);
  const expiry = expiryLine(ctx, i.technique, source, comms ? undefined : i.approvalDate);
  lines.push(expiry.line);
  const review = reviewLine(ctx, i.technique, i.confidentialInfoLikely);
  const renewal = renewalLine(ctx, i.technique, source, expiry.date?.date ?? null);
  lines.push(review, renewal.line);
  const register = comms ? null : registerLine(ctx, i.approvalDate);
  if (register) lines.push(register.line);
  lines.push(cancellationLine(ctx, i.technique));
  // Communications data records are kept through NAFN, outside the council's own register.
  if (!comms) lines.push(recordsLine(ctx));

  const verdict = comms
    ? `Allowed with authorisation: ${who.authoriser} authorises communications data requests made through NAFN.`
    : `Allowed with authorisation by ${who.authoriser}, and only once a magistrate has approved it.`;
  return RipaOutcomeSchema.parse({
    ...base,
    allowed: true,
    verdict,
    authoriser: who.authoriser,
    inform: who.inform,
    approval: approval.approval,
    expiry: expiry.date,
    renewalExpiry: renewal.date,
    registerCopyDue: register?.date ?? null,
    lines,
    citations: ctx.list.citations,
    notes,
  });
}
