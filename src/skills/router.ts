import { auditSkill } from './audit-skill.js';
import { CLAIM_SCORES, SKILL_ORDER } from './claim-scores.js';
import { deadlineSkill } from './deadline-skill.js';
import { documentsSkill } from './documents-skill.js';
import { kpiSkill } from './kpi-skill.js';
import { ripaSkill } from './ripa-skill.js';
import type { Claim, Skill, SkillContext, SkillRequest } from './skill.js';
import { unheldName } from '../understand/scope-check.js';

/** The skills the assistant has. A new one (decisions, risks) is a file and a line here, with its scores in claim-scores.ts. */
export const SKILLS: readonly Skill[] = [deadlineSkill, ripaSkill, auditSkill, kpiSkill, documentsSkill];

const order = (name: string): number => {
  const i = (SKILL_ORDER as readonly string[]).indexOf(name);
  return i < 0 ? SKILL_ORDER.length : i;
};

/** Every claim on a question, best first: the highest score, then the more specific skill. */
export function claims(request: SkillRequest, context: SkillContext, skills: readonly Skill[] = SKILLS): Claim[] {
  const out: Claim[] = [];
  // A question about something no paper mentions ("Norfolk's audit opinion") is not any record's to answer:
  // the documents say what they do not hold. (Deadlines come from the statutes, not the papers.)
  const { reading } = request;
  const unheld = unheldName(reading, (t) => context.store.known(t)) !== null || reading.unheldCouncils.length > 0;
  for (const skill of skills) {
    if (unheld && skill.name !== 'documents' && skill.name !== 'deadline') continue;
    const claim = skill.claim(request, context);
    if (claim && (claim.skill === 'documents' || claim.score >= CLAIM_SCORES.documents)) out.push(claim);
  }
  return out.sort((a, b) => b.score - a.score || order(a.skill) - order(b.skill));
}

/** The claim that answers: the best one; the documents when no other skill is surer than they are. */
export function route(request: SkillRequest, context: SkillContext, skills: readonly Skill[] = SKILLS): Claim {
  const best = claims(request, context, skills)[0];
  if (!best) throw new Error('no skill claimed the question; the documents skill must always claim');
  return best;
}
