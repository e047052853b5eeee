import type { Glossary } from '../extract/mine-glossary.js';

/**
 * Abbreviations of local government that officers type but papers often spell out (and so never define).
 * General vocabulary of English and Welsh councils, not any one council's.
 */
export const COMMON_ACRONYMS: Glossary = {
  FOI: 'Freedom of Information',
  EIR: 'Environmental Information Regulations',
  SAR: 'Subject Access requests',
  DPA: 'Data Protection Act',
  EHCP: 'Education Health and Care Plan',
  SEN: 'special educational needs',
  SEND: 'special educational needs and disability',
  ASC: 'Adult Social Care',
  ASCH: 'Adult Social Care and Health',
  CYPE: 'Children Young People and Education',
  UASC: 'unaccompanied asylum seeking children',
  NEET: 'not in education employment or training',
  CNA: 'Care Needs Assessment',
  CQC: 'Care Quality Commission',
  KSI: 'killed or seriously injured',
  LAC: 'looked after children',
  DOI: 'declarations of interest',
  AGM: 'annual general meeting',
  PCN: 'Penalty Charge Notice',
  MTFS: 'Medium Term Financial Strategy',
  MTFP: 'Medium Term Financial Plan',
  HRA: 'Housing Revenue Account',
  CIL: 'Community Infrastructure Levy',
  LGSCO: 'Local Government and Social Care Ombudsman',
  TV: 'television',
  'T&F': 'Task and Finish',
  'O&S': 'Overview and Scrutiny',
};

/**
 * Short forms of statutes and regimes that papers use both ways, often without defining them: a search
 * adds the words to the short form (never replaces it), so that a paper that only spells it out is found.
 */
export const COMMON_EXPANSIONS: Glossary = {
  RIPA: 'Regulation of Investigatory Powers Act',
  CHIS: 'Covert Human Intelligence Source',
  GDPR: 'General Data Protection Regulation',
  TRO: 'Traffic Regulation Order',
  CAZ: 'Clean Air Zone',
  LGA: 'Local Government Association',
};
