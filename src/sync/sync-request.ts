import type { Config } from '../config.js';
import { InputError } from '../errors.js';
import { siteRoot } from './sync-papers.js';

/** What to sync: from the command line, else from the configuration. */
export interface SyncRequest {
  site: string;
  council: string;
  committees: string[];
  from?: string;
  to?: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!ISO_DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new InputError('SYNC_BAD_DATE', `--${name} must be a date written YYYY-MM-DD, such as 2025-11-01.`);
  }
  return value;
}

/** Checks and merges the sync's settings; throws InputError with one sentence saying what to set. */
export function syncRequest(flags: { site?: string; council?: string; committees?: string; from?: string; to?: string }, config: Config): SyncRequest {
  const siteText = flags.site ?? config.MODERNGOV_SITE;
  if (!siteText) throw new InputError('SYNC_NO_SITE', 'Say which ModernGov site to sync: --site https://democracy.example.gov.uk (or MODERNGOV_SITE in .env).');
  let site: string;
  try {
    const url = new URL(siteRoot(siteText));
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
    site = siteRoot(url.toString());
  } catch {
    throw new InputError('SYNC_BAD_SITE', `"${siteText}" is not a web address; give the site's root, such as https://democracy.example.gov.uk.`);
  }
  const council = (flags.council ?? config.COUNCIL_NAME)?.trim();
  if (!council) throw new InputError('SYNC_NO_COUNCIL', 'Say whose papers these are: --council "Example City Council" (or COUNCIL_NAME in .env).');
  const committees = flags.committees !== undefined ? flags.committees.split(',').map((c) => c.trim()).filter(Boolean) : config.MODERNGOV_COMMITTEES;
  const bad = committees.find((c) => !/^\d+$/.test(c));
  if (bad) throw new InputError('SYNC_BAD_COMMITTEE', `Committee ids are numbers (the CId in the site's addresses); "${bad}" is not one.`);
  const from = validDay(flags.from, 'from');
  const to = validDay(flags.to, 'to');
  if (from && to && from > to) throw new InputError('SYNC_BAD_WINDOW', `--from (${from}) is after --to (${to}).`);
  return { site, council, committees, from, to };
}
