import type { SearchFilters } from '../retrieve/passage-store.js';
import type { QuestionScope } from '../understand/read-question.js';
import { dateMatches } from '../understand/question-dates.js';

interface Placed {
  place: { council: string | null; committee: string | null; meetingDate: string | null };
}

/**
 * Whether a structured record (KPI row, audit, RIPA policy) lies inside the question's scope and the
 * front end's filters: a record from another council, committee or date range never answers.
 */
export function inScope(record: Placed, scope: QuestionScope, filters: SearchFilters): boolean {
  const p = record.place;
  const has = (value: string | null, wanted?: string): boolean => !wanted || (value ?? '').toLowerCase().includes(wanted.toLowerCase());
  if (scope.councils.length && !(p.council && scope.councils.includes(p.council))) return false;
  if (filters.councils?.length && !(p.council && filters.councils.includes(p.council))) return false;
  if (!has(p.council, filters.council) || !has(p.committee, filters.committee)) return false;
  // A meeting the question names by its date ("the 15 Sept 2017 committee"): only that meeting's records.
  const meetings = scope.dates.filter((d) => d.meeting);
  if (meetings.length && !meetings.some((d) => dateMatches(p.meetingDate, d))) return false;
  if (filters.from && (!p.meetingDate || p.meetingDate < filters.from)) return false;
  if (filters.to && (!p.meetingDate || p.meetingDate > filters.to)) return false;
  return true;
}
