import type { Logger } from '../logger.js';
import type { DeadlineService } from '../deadlines/index.js';
import type { KpiRecord } from '../kpi/kpi-record.js';
import type { AuditRecord } from '../audit/audit-record.js';
import type { RipaPolicy } from '../ripa/ripa-policy.js';
import type { PassageStore, SearchFilters } from '../retrieve/passage-store.js';
import type { QuestionReading } from '../understand/read-question.js';
import type { Answer } from '../types.js';
import type { AssistantDeps } from '../route/answer-question.js';

/** What every skill may use; built once per assistant. */
export interface SkillContext {
  store: PassageStore;
  logger: Logger;
  deadlines: DeadlineService;
  kpis: readonly KpiRecord[];
  audits: readonly AuditRecord[];
  ripaPolicies: readonly RipaPolicy[];
  llm?: AssistantDeps['llm'];
  /** Today's date, ISO. */
  today: string;
}

/** Per question: the reading and the filters a front end set (`--council`, `--from`, …). */
export interface SkillRequest {
  reading: QuestionReading;
  filters: SearchFilters;
  history: string[];
  id?: string;
}

/** A skill's claim on a question: how sure it is (0..1), why, and the answer it would give. */
export interface Claim {
  skill: string;
  score: number;
  evidence: string;
  answer: () => Promise<Answer>;
}

/** One kind of answer the assistant can give. `claim` is cheap and never throws for a question it does not own. */
export interface Skill {
  name: string;
  claim(request: SkillRequest, context: SkillContext): Claim | null;
}
