import { findDateInText, resolveDateMatch } from '../deadlines/parse-date-text.js';
import type { RipaTechnique } from './ripa-outcome.js';
import type { SourceKind } from './ripa-lines.js';

/** What a plain RIPA question asks about. */
export type RipaQuestionTopic =
  | 'interception'
  | 'intrusive'
  | 'permitted'
  | 'authoriser'
  | 'approval'
  | 'duration'
  | 'renewal'
  | 'review'
  | 'register-copy'
  | 'cancellation'
  | 'retention'
  | 'social-media'
  | 'communications-data'
  | 'necessity'
  | 'sro'
  | 'cctv';

/** A RIPA question read: its topics, technique, source, whether confidential information is involved, a date. */
export interface RipaQuestion {
  topics: RipaQuestionTopic[];
  technique: RipaTechnique | null;
  /** Every technique the question names, in its order ("directed surveillance … vs a CHIS"). */
  named: RipaTechnique[];
  source: SourceKind;
  confidential: boolean;
  /** An ISO date the question gives ("approved on 1 June 2026"), if any. */
  date: string | null;
}

const RIPA = /\bripa\b|\bcovert\w*|\bsurveillance\b|\bchis\b|human intelligence|\binformants?\b|\bunder-?cover\b|communications data|\bnafn\b|\bocda\b|investigatory powers/i;
const WATCHING = /\b(?:cameras?|film(?:ing)?|video\w*|photograph\w*|track(?:er|ing device)|bug(?:s|ging)?|listening device|follow(?:ing)?(?!\s+up)|watch(?:ing)?|observ\w*|spy(?:ing)?)\b/i;
/** A device or person inside someone's home or vehicle. */
const INSIDE = /\b(?:in|inside|into|within)\s+(?:someone'?s?|somebody'?s?|a|the|their|his|her|suspects?'?s?|targets?'?s?|private)?\s*(?:car|vehicle|van|home|house|flat|bedroom|living room)\b/i;
const ONLINE = /\b(?:facebook|instagram|twitter|tiktok|social media|online profiles?|profiles?|fake (?:account|profile)|legends?|friend requests?|whatsapp|marketplace|online)\b/i;
const INVESTIGATING = /\bsuspects?\b|investigat\w*|\btraders?\b|\btargets?\b|\bevidence\b|\bcovert\w*|\bsecret\w*|\boffenders?\b|\bfraud\w*|\brogue\b/i;
const COMMS = /communications data|\bsubscriber\b|phone (?:records?|numbers?|company|bills?)|\btelecom\w*|\bip address\w*|\bnafn\b|\bocda\b/i;
const MAGISTRATE = /\bmagistrates?'?\b|justice of the peace|judicial approval/i;
const REGISTER = /\bcentral (?:register|record)\b|\bregister cop(?:y|ies)\b|cop(?:y|ies) (?:to|for) the (?:central )?register|\bcop(?:y|ies) of (?:the |an |any |each |our )?(?:authori[sz]ation|renewal|cancellation)s?\b|\b(?:send|get|forward|pass)\w*\s+(?:a |the |our )?cop(?:y|ies)\b/i;
const INTERCEPT = /\b(?:bug|intercept|tap)\w*\b[^?]{0,30}\b(?:phones?|calls?|lines?|emails?|messages?|texts?)\b|\bread (?:their |someone'?s |the |his |her )?(?:texts?|text messages|emails?|messages)\b|\blisten(?:ing)? (?:in )?to (?:their |someone'?s |the )?(?:phone )?calls?\b/i;
/** Activity figures and policy history are for document search (the annual report), not the rules. */
const ACTIVITY = /\breportable errors?\b|\berrors?\b|\bhow many\b|\bnumber of\b|\bstatistics\b|\bpolicy (?:has )?(?:been )?(?:changed|updated|amended)\b|\bchanges? (?:to|in) the policy\b|\bhas the [\w\s]*policy changed\b|\breport\b|\blast\s+year'?s?\b|\bsentenc(?:e|ed|es)\b|\bconvict\w*|\bprosecut\w*|\bfined\b|\buse of\b[^?]*\bpowers?\b|\boversight\b|\boutcomes?\b|\bscrutin\w*|\b20\d\d[/-]\d\d\b(?![/-]\d)/i;

const TOPICS: Array<[RipaQuestionTopic, RegExp]> = [
  ['interception', INTERCEPT],
  ['intrusive', new RegExp(`\\bintrusive\\b|\\bbug(?:s|ging)?\\b|listening device|residential premises|private vehicle|${INSIDE.source}`, 'i')],
  ['authoriser', /\bwho\b[^?]{0,40}\b(?:authori[sz]e|sign|grant|approve)|\bauthori[sz]ing officers?\b|\blevel of authori|head of paid service|chief executive|\bwho can\b/i],
  ['approval', /\bmagistrates?'?\b|justice of the peace|\bjudicial\b|court approval|\bjp\b|approval order/i],
  ['renewal', /\brenew\w*|\bextend\w*|\bextension\b|run(?:s|ning)? out|about to (?:end|expire|lapse)|\b(?:isn'?t|not) (?:finished|over|complete)|\bcarry on\b|\bstill (?:need|going|running)/i],
  ['duration', /\bhow long\b[^?]*\b(?:last|valid|run|good for|authori[sz]ation)|\bexpir\w*|\bduration\b|\blasts?\b(?!\s+years?\b)|\bcease\w*|\bend date\b/i],
  ['review', /\breview\w*/i],
  ['cancellation', /\bcancel\w*|\bexpire\w* automatically|\bwhen the (?:job|work|operation|activity|investigation) (?:is|has) (?:done|finished|over|complete|ended)|no longer (?:needed|necessary)|\b(?:operation|surveillance|investigation) (?:has )?(?:ended|finished|stopped)|\bfinished early\b/i],
  ['register-copy', new RegExp(`${REGISTER.source}|\\bregister\\b`, 'i')],
  ['retention', /\b(?:keep|kept|retain\w*|retention|store|destroy)\b[^?]*\b(?:records?|forms?|documents?|paperwork|authori[sz]ations?|files?)\b|\brecords?\b[^?]*\b(?:keep|kept|retain\w*)\b/i],
  ['social-media', ONLINE],
  ['communications-data', COMMS],
  ['necessity', /\bwhat (?:crimes?|offences?)\b|crime threshold|\bsix months\b|\bgrounds\b|\bproportionate\b|\bnecessary\b/i],
  ['sro', /senior responsible officer|\bsro\b/i],
  ['cctv', /\bcctv\b/i],
];

/** Whether a question is about covert surveillance rules at all. */
export function isRipaQuestion(question: string): boolean {
  const q = question.replace(/[’‘]/g, "'");
  if (RIPA.test(q) || INTERCEPT.test(q)) return true;
  // Watching or filming counts when someone is being investigated, or when it is inside a home or vehicle.
  if (WATCHING.test(q) && (INVESTIGATING.test(q) || INSIDE.test(q))) return true;
  if (ONLINE.test(q) && INVESTIGATING.test(q)) return true;
  if (MAGISTRATE.test(q) && /\bneed|approv|authori|sign|go to|attend/i.test(q)) return true;
  if (COMMS.test(q) && INVESTIGATING.test(q)) return true;
  if (/\bauthori[sz]ations?\b/i.test(q) && /\bcancel\w*|\brenew\w*|\breview\w*|\bexpir\w*|\boperations?\b/i.test(q)) return true;
  return REGISTER.test(q);
}

function techniqueOf(q: string): RipaTechnique | null {
  if (/\bchis\b|human intelligence|\binformants?\b|\bunder-?cover\b|\bsources?\b|\brelationship\b|\bjuvenile\b/i.test(q)) return 'chis';
  if (COMMS.test(q)) return 'communications-data';
  if (/surveillance|\bcameras?\b|\bfilm\w*|\bvideo\b|\bobserv\w*|\bfollow\w*|\bwatch\w*|\bbug\w*/i.test(q)) return 'directed-surveillance';
  return null;
}

/** The techniques a question names, in the order it names them. */
function techniquesNamed(q: string): RipaTechnique[] {
  const found: Array<[number, RipaTechnique]> = [];
  const at = (re: RegExp, t: RipaTechnique): void => {
    const m = re.exec(q);
    if (m) found.push([m.index, t]);
  };
  at(/\bchis\b|human intelligence|\binformants?\b|\bunder-?cover\b/i, 'chis');
  at(COMMS, 'communications-data');
  at(/\bsurveillance\b/i, 'directed-surveillance');
  return found.sort((a, b) => a[0] - b[0]).map(([, t]) => t);
}

function dateOf(q: string, today: string): string | null {
  const m = findDateInText(q);
  if (!m) return null;
  try {
    return resolveDateMatch(m, { today, missingYear: 'nearest' });
  } catch {
    // An impossible or ambiguous date is left out; the rules are still answered.
    return null;
  }
}

/** Reads a plain RIPA question; null when it is not about the rules (or asks for activity figures). */
export function readRipaQuestion(question: string, today: string): RipaQuestion | null {
  const q = question.replace(/[’‘]/g, "'");
  if (!isRipaQuestion(q) || ACTIVITY.test(q)) return null;
  let topics = TOPICS.filter(([, re]) => re.test(q)).map(([t]) => t);
  // "Outside someone's house" is not in it; and a register question is about the central register, not any register.
  if (/\boutside\b|\bfrom the (?:street|road|pavement)\b|\bpublic place\b/i.test(q)) topics = topics.filter((t) => t !== 'intrusive');
  if (topics.includes('register-copy') && !REGISTER.test(q) && !/\bregister\b[^?]{0,30}\b(?:cop|send|sent|forward)|\b(?:cop|send|sent|forward)\w*\b[^?]{0,30}\bregister\b/i.test(q)) {
    topics = topics.filter((t) => t !== 'register-copy');
  }
  // "How long do we keep the authorisation records?" is about records, not how long the authorisation lasts.
  if (topics.includes('retention') && !/\bexpir|\blasts?\b|\bvalid\b/i.test(q)) topics = topics.filter((t) => t !== 'duration');
  // "Does it expire automatically when the job is done?" is about cancelling, not the period.
  if (topics.includes('cancellation') && /\bautomatically\b|\bwhen the (?:job|work|operation|activity|investigation)\b/i.test(q)) topics = topics.filter((t) => t !== 'duration');
  // A phone tap is interception, not intrusive surveillance.
  if (topics.includes('interception')) topics = ['interception'];
  // "For how long can it be renewed?" asks about the renewal's length.
  // ("How long does it last before it has to be renewed?" still asks how long it lasts.)
  if (topics.includes('renewal') && !findDateInText(q) && !/\blasts?\b|\bvalid\b|\bexpir/i.test(q)) topics = topics.filter((t) => t !== 'duration');
  const confidential = /confidential|legal(?:ly)? privilege|journalis\w*|\bsolicitors?\b|\blawyers?\b|\bmedical\b|\bclergy\b/i.test(q);
  // "What if we pick up confidential information?": who must authorise it, and the closer review.
  if (!topics.length && confidential) topics = ['authoriser', 'review'];
  if (!topics.length && techniqueOf(q) && /\b(?:can|may|could)\s+(?:we|i|officers?|staff)\b|\ballowed\b|\bpermitted\b|\blawful\b/i.test(q)) topics = ['permitted'];
  if (!topics.length) return null;
  const juvenile = /\bjuvenile|under[- ]?1[68]\b|\bchild(?:ren)?\b|\bminors?\b|\byoung (?:person|people)\b|\bteenager/i.test(q);
  const vulnerable = /\bvulnerable\b/i.test(q);
  const source: SourceKind = juvenile && vulnerable ? 'juvenile-or-vulnerable' : juvenile ? 'juvenile' : vulnerable ? 'vulnerable' : 'adult';
  return {
    topics,
    technique: techniqueOf(q),
    named: techniquesNamed(q),
    source,
    confidential,
    date: dateOf(q, today),
  };
}
