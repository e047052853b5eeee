import { createDeadlineService, type DeadlineService } from '../../src/deadlines/index.js';
import { extractRipaPolicies } from '../../src/ripa/extract-ripa-policy.js';
import type { RipaPolicy } from '../../src/ripa/ripa-policy.js';
import { corpusDocs, fixtureDoc } from '../audit/corpus.js';

/** The Kent policy from the bundled corpus. */
export function kentPolicy(): RipaPolicy {
  const [policy] = corpusDocs().flatMap((d) => extractRipaPolicies(d));
  return policy!;
}

/** Another council's policy with different authorisers and local periods. */
export function anytownPolicy(): RipaPolicy {
  const [policy] = extractRipaPolicies(fixtureDoc(new URL('./fixtures/anytown-ripa-policy.txt', import.meta.url)));
  return policy!;
}

/** The deadline calculator with the bundled rules and calendar, England and Wales. */
export function deadlineService(): DeadlineService {
  return createDeadlineService({ nation: 'england-and-wales' });
}
