/** Internal audit findings: records extracted at ingest, `/audit` look-ups and audit questions. */
export { auditExtractor, extractAudits } from './extract-audits.js';
export { AuditRecordSchema, readAuditRecords, type AuditRecord, type AuditSummary, type AuditNote, type OpinionLevel } from './audit-record.js';
export { auditAnswer, auditQueryAnswer, isAuditQuestion } from './audit-answer.js';
export { findAudits, groupAudits, type AuditMatch, type AuditSearch } from './find-audits.js';
