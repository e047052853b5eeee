import type { RipaParagraph } from './ripa-policy.js';
import type { RipaLine, RipaTechnique } from './ripa-outcome.js';
import { capital, line, pick, policyName, sentenceOf, type LineContext, type SourceKind } from './ripa-lines.js';
import { STATUTES } from './statutes.js';

const HEAD_OF_PAID_SERVICE = 'the Head of Paid Service (or, in their absence, the person acting as Head of Paid Service)';

/** Whether the activity is intrusive surveillance (in homes or private vehicles), which a council may never authorise. */
export function intrusiveLine(ctx: LineContext): RipaLine {
  const p = pick(ctx.policy, 'intrusive', /not|cannot|prohibit/i);
  const rule = sentenceOf(p[0], /\bnot\b|cannot|prohibit/i);
  const local = rule ? ` ${capital(policyName(ctx.policy))} says: “${rule}”` : '';
  return line(ctx, 'permitted', `Not allowed: covert surveillance in residential premises or a private vehicle (a device, or a person, in the home or vehicle) is intrusive surveillance, which the council may not authorise or carry out.${local}`, p, [STATUTES.intrusive]);
}

/** Phone taps and reading messages: interception, which no council may do. */
export function interceptionLine(ctx: LineContext): RipaLine {
  const p = pick(ctx.policy, 'communications-data', /content|telecommunications|subscriber/i).filter((x) => /content|bug|intercept/i.test(x.text));
  return line(ctx, 'permitted', "Not allowed: tapping a phone or reading someone's texts or emails is interception, which a council can never authorise; it may only obtain communications data (who, when and where, never the content) through NAFN.", p, [STATUTES.interception, STATUTES.commsAuthorisation]);
}

/** What the technique may be used for at all. */
export function permittedLine(ctx: LineContext, technique: RipaTechnique): RipaLine {
  if (technique === 'communications-data') {
    const p = pick(ctx.policy, 'communications-data', /nafn|national anti-fraud|system provided/i);
    return line(ctx, 'permitted', 'Allowed with authorisation: subscriber and other communications data (never the content of communications), applied for through NAFN.', p, [STATUTES.commsAuthorisation]);
  }
  const p = pick(ctx.policy, 'necessity', /preventing or detecting crime|necessary/i, 2);
  if (technique === 'chis') {
    return line(ctx, 'permitted', 'Allowed with authorisation: the use or conduct of a covert human intelligence source, where necessary to prevent or detect crime and proportionate.', p);
  }
  return line(ctx, 'permitted', "Allowed with authorisation: directed surveillance (covert, but not in homes or private vehicles), only to prevent or detect a crime punishable by at least six months' imprisonment or underage sales of alcohol or tobacco, and only where necessary and proportionate.", p, [STATUTES.crimeThreshold]);
}

/** Why a case needs the senior authoriser, or null when it does not. */
export function seniorReason(technique: RipaTechnique, source: SourceKind, confidential: boolean): string | null {
  if (technique === 'communications-data') return null;
  const reasons: string[] = [];
  if (technique === 'chis' && source !== 'adult') reasons.push(source === 'juvenile' ? 'the source is under 18' : source === 'vulnerable' ? 'the source is a vulnerable person' : 'the source is a juvenile or vulnerable person');
  if (confidential) reasons.push('confidential information is likely to be acquired');
  return reasons.length ? reasons.join(' and ') : null;
}

/** Who authorises, and who must be told: from the policy's words, with the statutory level behind them. */
export function authoriserLines(ctx: LineContext, technique: RipaTechnique, reason: string | null): { lines: RipaLine[]; authoriser: string; inform: string | null } {
  if (technique === 'communications-data') {
    const p = pick(ctx.policy, 'communications-data', /made aware/i);
    const authoriser = 'the Office for Communications Data Authorisations (OCDA)';
    return { lines: [line(ctx, 'authoriser', `Who authorises: ${authoriser}, not a council officer; the council applies through NAFN, and its designated officers confirm the application is made in the course of their duties.`, p, [STATUTES.commsAuthorisation])], authoriser, inform: null };
  }
  if (reason) {
    const p = pick(ctx.policy, 'senior-authoriser', /head of paid service|chief executive|must be/i);
    const authoriser = ctx.policy?.facts.seniorAuthoriser ? `the ${ctx.policy.facts.seniorAuthoriser.replace(/^the\s+/i, '')}` : HEAD_OF_PAID_SERVICE;
    const lines = [line(ctx, 'authoriser', `Who authorises: ${authoriser}, not an ordinary Authorising Officer, because ${reason}.`, p, [STATUTES.seniorLevel])];
    const informed = ctx.policy?.facts.informed ?? null;
    const inform = informed ? `the ${informed.replace(/^the\s+/i, '')}` : null;
    if (inform) lines.push(line(ctx, 'inform', `Inform: ${inform} must also be informed.`, p));
    return { lines, authoriser, inform };
  }
  const p = pick(ctx.policy, 'authorising-officer', /designat|by name|appoint/i);
  const who = sentenceOf(p[0], /designat|appoint|by name/i);
  const text = `Who authorises: an Authorising Officer designated under ${policyName(ctx.policy)}${who ? ` (“${who}”)` : ''}.`;
  return { lines: [line(ctx, 'authoriser', text, p, [STATUTES.authorisingLevel])], authoriser: 'an Authorising Officer', inform: null };
}

/** The approval needed before the authorisation takes effect. */
export function approvalLine(ctx: LineContext, technique: RipaTechnique): { line: RipaLine; approval: string } {
  if (technique === 'communications-data') {
    const approval = 'OCDA authorisation (no magistrate)';
    return { line: line(ctx, 'approval', "Approval (communications data): no magistrate's approval is needed; OCDA's authorisation is the approval.", [], [STATUTES.commsAuthorisation]), approval };
  }
  const p = pick(ctx.policy, 'judicial-approval', /magistrate|judicial|approval order/i);
  const approval = "a magistrate's approval order (Magistrates' Court) before it takes effect";
  return { line: line(ctx, 'approval', "Approval: the authorisation does not take effect until a magistrate (justice of the peace) approves it; the applicant, or an officer they nominate, applies to the Magistrates' Court for an approval order.", p, [STATUTES.judicialGrant]), approval };
}

/** How reviews work. */
export function reviewLine(ctx: LineContext, technique: RipaTechnique, confidential: boolean): RipaLine {
  if (technique === 'communications-data') return line(ctx, 'review', 'Reviews: none are set for communications data; the authorisation lapses after a month.', [], [STATUTES.commsDuration]);
  const p = pick(ctx.policy, 'review', /how often|regular|review/i, 2);
  const how = sentenceOf(p.find((x) => /how often|frequen/i.test(x.text)), /how often|frequen/i);
  const attention = confidential ? ' Where confidential information is involved, the review must look particularly at whether the activity still needs to continue.' : '';
  const text = p.length
    ? `Reviews: the Authorising Officer reviews the authorisation regularly and records the result on the central record${how ? ` (“${how}”)` : ''}; there is no fixed statutory review date, so set the first review when authorising.${attention}`
    : `Reviews: ${ctx.policy ? `${policyName(ctx.policy)} in the corpus says nothing on reviews` : 'no council policy in the corpus covers reviews'}; the codes of practice expect regular reviews at intervals the Authorising Officer sets.${attention}`;
  return line(ctx, 'review', text, p);
}

/** How and when an authorisation is cancelled. */
export function cancellationLine(ctx: LineContext, technique: RipaTechnique): RipaLine {
  if (technique === 'communications-data') return line(ctx, 'cancellation', 'Cancellation: tell NAFN at once if the data is no longer needed.', [], [STATUTES.commsDuration]);
  const p = pick(ctx.policy, 'cancellation', /cancel/i, 2);
  return line(ctx, 'cancellation', "Cancellation: the Authorising Officer who granted or last renewed it must cancel it as soon as it no longer meets the criteria; it does not simply 'expire' when the work stops, so stop the activity and record the cancellation on the central register.", p, [STATUTES.cancellation]);
}

/** How long the records are kept. */
export function recordsLine(ctx: LineContext): RipaLine {
  const p = pick(ctx.policy, 'retention', /years?/i);
  const years = ctx.policy?.facts.retentionYears;
  const rule = sentenceOf(p[0], /years?/i);
  const text = years
    ? `Records: keep them for at least ${years} years${rule ? ` (“${rule}”)` : ''}.`
    : `Records: ${ctx.policy ? `${policyName(ctx.policy)} in the corpus sets no retention period` : 'no council policy in the corpus sets a retention period'}.`;
  return line(ctx, 'records', text, p);
}

/** The extra safeguards for a source under 18 or a vulnerable source. */
export function welfareLine(ctx: LineContext, source: SourceKind): RipaLine {
  const p = pick(ctx.policy, 'chis-welfare', /risk assessment/i);
  const juvenile = source !== 'adult' && source !== 'vulnerable';
  const text = juvenile
    ? 'Safeguards: an enhanced risk assessment of the source’s welfare before authorising; a source under 16 may never be used against their parent or guardian and needs an appropriate adult at meetings.'
    : 'Safeguards: a documented risk assessment of the source’s security and welfare before authorising.';
  return line(ctx, 'welfare', text, p, juvenile ? [STATUTES.chisWelfare, STATUTES.juveniles] : [STATUTES.chisWelfare]);
}

/** Internet and social media investigations: own accounts, open sources, getting past privacy settings. */
export function socialMediaLines(ctx: LineContext, question: string): RipaLine[] {
  const personal = /\b(?:own|personal|private|my)\b[^?]{0,30}\b(?:account|profile|facebook|instagram|phone|laptop|device|equipment)/i.test(question);
  const restricted = /friend request|private profile|\brestricted\b|\blocked\b|closed group|join (?:a |the )?group|befriend|message (?:them|him|her)|friends only|privacy settings|fake (?:profile|account)|\bchis\b/i.test(question);
  const about = (re: RegExp): RipaParagraph[] => pick(ctx.policy, 'social-media', re, 2).filter((p) => re.test(p.text));
  const own = about(/personal (?:equipment|(?:social media )?accounts?)|own (?:equipment|accounts?|devices?)/i)[0];
  const ownRule = sentenceOf(own, /personal|own/i);
  const kit = about(/legends?|equipment not linked|false on-?line/i).filter((p) => p !== own).slice(0, 1);
  const open = [...about(/open source|single view/i), ...about(/same considerations|lifestyle|repeated/i)].slice(0, 2);
  const gate = about(/restricted|friends|access controls/i).slice(0, 1);
  // Lines are made in the order they are shown, so that citation numbers run in order.
  const ownLine = (): RipaLine =>
    line(ctx, 'social-media', `${personal ? 'No. ' : ''}Never use your own equipment or personal social media accounts for an investigation${ownRule ? `: “${ownRule}”` : '.'} Use the council’s equipment and its approved online identities (“legends”) instead.`, [...(own ? [own] : []), ...kit]);
  const lines = personal ? [ownLine()] : [];
  lines.push(line(ctx, 'social-media', "Looking once at open, public information is unlikely to need an authorisation; repeatedly viewing or recording someone's online life is treated like offline surveillance and may need a directed surveillance authorisation.", open));
  if (restricted || gate.length) {
    lines.push(line(ctx, 'social-media', 'Getting past privacy settings (for example a friend request to see a “friends only” profile, or building a relationship online) needs a CHIS authorisation, and directed surveillance if appropriate, before any attempt is made.', gate));
  }
  if (!personal && (own || kit.length)) lines.push(ownLine());
  return lines;
}

/** A policy paragraph on a topic, quoted in a line ("Senior Responsible Officer: …"). */
export function quotedLine(ctx: LineContext, topic: 'sro' | 'cctv', label: string, prefer: RegExp): RipaLine | null {
  const p = pick(ctx.policy, topic, prefer)[0];
  const s = sentenceOf(p, prefer);
  return p && s ? line(ctx, 'note', `${label}: “${s}”`, [p]) : null;
}
