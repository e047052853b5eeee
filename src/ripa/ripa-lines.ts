import { applyRuleOverrides, computeDeadline, type DeadlineResult, type DeadlineService } from '../deadlines/index.js';
import { shortDate, type CitationList } from '../extract/cite-span.js';
import { plain, sentenceSpans } from '../audit/audit-text.js';
import { paragraphsFor, type RipaParagraph, type RipaPolicy, type RipaTopic } from './ripa-policy.js';
import type { RipaDate, RipaLine, RipaLineTopic, RipaTechnique } from './ripa-outcome.js';
import { STATUTES, type StatuteRef } from './statutes.js';

/** What every line builder needs: the policy (if the corpus has one), the calculator and the citations so far. */
export interface LineContext {
  policy: RipaPolicy | null;
  deadlines: DeadlineService;
  today?: string;
  list: CitationList;
}

/** Whether the source is under 18, a vulnerable adult, or one of the two (unknown which). */
export type SourceKind = 'adult' | 'juvenile' | 'vulnerable' | 'juvenile-or-vulnerable';

/**
 * The paragraphs about a topic, those matching `prefer` first. Beyond the first, only paragraphs
 * under a heading about the topic are added: a paragraph that merely mentions it is no authority.
 */
export function pick(policy: RipaPolicy | null, topic: RipaTopic, prefer?: RegExp, max = 1): RipaParagraph[] {
  const found = paragraphsFor(policy, topic);
  const sorted = prefer ? [...found.filter((p) => prefer.test(p.text)), ...found.filter((p) => !prefer.test(p.text))] : found;
  return sorted.filter((p, i) => i === 0 || p.headingTopics.includes(topic)).slice(0, max);
}

/** The sentence of a paragraph matching a pattern, as plain text without its paragraph number. */
export function sentenceOf(p: RipaParagraph | undefined, re: RegExp): string | null {
  if (!p) return null;
  const text = p.text.replace(/^\d{1,2}(?:\.\d{1,2})*\s+/, '');
  for (const [a, b] of sentenceSpans(text)) {
    const s = plain(text.slice(a, b));
    if (re.test(s)) return s;
  }
  return null;
}

/** A line with the policy paragraphs it cites. */
export function line(ctx: LineContext, topic: RipaLineTopic, text: string, paragraphs: readonly RipaParagraph[], statutes: StatuteRef[] = []): RipaLine {
  const refs = ctx.policy ? paragraphs.map((p) => Number(ctx.list.cite(ctx.policy!.place, p.span).slice(1, -1))) : [];
  return { topic, text, refs: [...new Set(refs)], statutes };
}

/** "the Northshire County Council policy" or "the council's policy". */
export function policyName(policy: RipaPolicy | null): string {
  return policy?.place.council ? `the ${policy.place.council} policy` : "the council's policy";
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
/** The text with its first letter in capitals. */
export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "three months", "1 month". */
export function months(n: number): string {
  return `${WORDS[n] ?? n} month${n === 1 ? '' : 's'}`;
}

function asDate(r: DeadlineResult): RipaDate {
  return { rule: r.rule, date: r.due, dateText: r.dueText, counts: r.counts, citation: r.basis.citation };
}

function ruleOf(ctx: LineContext, id: string): { amount: number; statute: StatuteRef } | null {
  const r = ctx.deadlines.rules.find((x) => x.id === id);
  return r ? { amount: r.amount, statute: { citation: r.basis.citation, text: r.basis.text, ...(r.basis.url ? { url: r.basis.url } : {}) } } : null;
}

/** The deadline rule for how long an authorisation lasts. */
export function expiryRule(technique: RipaTechnique, source: SourceKind): string | null {
  if (technique === 'directed-surveillance') return 'ripa-directed-surveillance';
  if (technique === 'chis') return source === 'juvenile' || source === 'juvenile-or-vulnerable' ? 'ripa-juvenile-chis' : 'ripa-chis';
  return null;
}

/** How long an authorisation lasts, and when it ends if the approval date is known. */
export function expiryLine(ctx: LineContext, technique: RipaTechnique, source: SourceKind, approvalDate?: string): { line: RipaLine; date: RipaDate | null } {
  if (technique === 'communications-data') {
    return { line: line(ctx, 'expiry', 'Lasts one month from the date OCDA grants it; it can be renewed for a further month.', [], [STATUTES.commsDuration]), date: null };
  }
  const id = expiryRule(technique, source)!;
  const rule = ruleOf(ctx, id);
  const juvenile = id === 'ripa-juvenile-chis';
  const para = juvenile ? [] : pick(ctx.policy, 'duration', /cease|months?/);
  if (!rule) return { line: line(ctx, 'expiry', 'The deadline rules hold no period for this authorisation.', para), date: null };
  const period = `${months(rule.amount)} beginning with the day of the magistrate's approval`;
  const statutes = [rule.statute];
  // The form may not say whether the source is under 18 or a vulnerable adult: give both periods.
  const adult = source === 'juvenile-or-vulnerable' ? ruleOf(ctx, 'ripa-chis') : null;
  const adultDate = adult && approvalDate ? asDate(ctx.deadlines.compute('ripa-chis', approvalDate, ctx.today)) : null;
  const unknown = adult ? `, for a source under 18; for a vulnerable adult source, ${months(adult.amount)}${adultDate ? ` (to the end of ${adultDate.dateText})` : ''}` : '';
  if (adult) statutes.push(adult.statute);
  if (!approvalDate) return { line: line(ctx, 'expiry', `Lasts ${period}${unknown}, unless renewed or cancelled sooner.`, para, statutes), date: null };
  const result = asDate(ctx.deadlines.compute(id, approvalDate, ctx.today));
  const text = `Expires: ceases to have effect at the end of ${result.dateText} (${period}${unknown}).`;
  return { line: line(ctx, 'expiry', text, para, statutes), date: result };
}

/** How renewal works, with the renewal's expiry when the last day of the current authorisation (ISO) is known. */
export function renewalLine(ctx: LineContext, technique: RipaTechnique, source: SourceKind, currentEnds: string | null): { line: RipaLine; date: RipaDate | null } {
  if (technique === 'communications-data') {
    return { line: line(ctx, 'renewal', 'Renewal: for one further month at a time, through NAFN and OCDA.', [], [STATUTES.commsDuration]), date: null };
  }
  const juvenile = technique === 'chis' && (source === 'juvenile' || source === 'juvenile-or-vulnerable');
  const id = technique === 'chis' ? 'ripa-chis-renewal' : 'ripa-directed-surveillance-renewal';
  const rule = ruleOf(ctx, id);
  const paras = pick(ctx.policy, 'renewal', /renew/, 2).filter((p) => p.headingTopics.includes('renewal') || p.topics.includes('renewal'));
  const amount = juvenile ? (ruleOf(ctx, 'ripa-juvenile-chis')?.amount ?? 4) : (rule?.amount ?? null);
  const whoRenews = sentenceOf(paras.find((p) => /entitled to grant/i.test(p.text)), /entitled to grant|can renew|may renew/i);
  const parts = [
    `Renewal: yes, if it is still necessary and proportionate, the Authorising Officer may renew it in writing before it ends${amount ? ` for a further ${months(amount)}` : ''}.`,
    'The renewal takes effect when the current authorisation would otherwise cease, and it needs a magistrate’s approval before then.',
    ...(whoRenews ? [`${capital(policyName(ctx.policy))} says: “${whoRenews}”`] : []),
  ];
  const statutes = [...(rule ? [rule.statute] : []), STATUTES.judicialRenewal];
  let date: RipaDate | null = null;
  if (currentEnds && rule && !juvenile) {
    date = asDate(ctx.deadlines.compute(id, currentEnds, ctx.today));
    parts.push(`If renewed, it runs to the end of ${date.dateText}.`);
  }
  return { line: line(ctx, 'renewal', parts.join(' '), paras, statutes), date };
}

/** The copy of an authorisation, renewal or cancellation to the central register, with its due date. */
export function registerLine(ctx: LineContext, dated?: string): { line: RipaLine; date: RipaDate | null } {
  const para = pick(ctx.policy, 'register-copy', /working days/);
  const days = ctx.policy?.facts.registerWorkingDays ?? null;
  const base = ctx.deadlines.rules.find((r) => r.id === 'ripa-register-copy');
  if (!para.length || !days) {
    const text = `Central register: ${ctx.policy ? `${policyName(ctx.policy)} in the corpus sets no period` : 'no council policy in the corpus sets a period'} for sending a copy to the central register${base ? `; the configured rule is ${base.amount} working days (${base.basis.citation})` : ''}.`;
    const result = dated && base ? asDate(ctx.deadlines.compute('ripa-register-copy', dated, ctx.today)) : null;
    return { line: line(ctx, 'register-copy', result ? `${text} By that rule: ${result.dateText}.` : text, []), date: result };
  }
  const p = para[0]!;
  const to = /(?:forwarded|sent|sends?|given|copied|passed) to (?:the )?(.+?) within\b/i.exec(p.text)?.[1];
  const text = `Central register: send a copy of the authorisation (and of any renewal or cancellation)${to ? ` to the ${to}` : ''} within ${days} working days`;
  if (!dated || !base) return { line: line(ctx, 'register-copy', `${text}.`, para), date: null };
  // The council's own policy sets the period: the calculator counts it, citing that paragraph.
  const rules = applyRuleOverrides(ctx.deadlines.rules, {
    rules: {
      'ripa-register-copy': {
        amount: days,
        basis: {
          citation: `${ctx.policy!.place.council ?? 'Council'} covert surveillance policy${p.number ? `, para ${p.number}` : ''}`,
          text: `Council policy: ${p.text}`,
          source: ctx.policy!.place.source,
          quote: p.span.quote,
          ...(ctx.policy!.place.council ? { council: ctx.policy!.place.council } : {}),
          document: ctx.policy!.title,
          ...(p.number ? { paragraph: p.number } : {}),
        },
      },
    },
  });
  const result = asDate(computeDeadline({ rule: 'ripa-register-copy', date: dated, today: ctx.today, nation: ctx.deadlines.nation, rules, calendar: ctx.deadlines.calendar }));
  return { line: line(ctx, 'register-copy', `${text}: by ${result.dateText} for an authorisation dated ${shortDate(dated)}.`, para), date: result };
}
