import { z } from 'zod';

/** A statutory (or code of practice) source for a line of a RIPA answer. */
export const StatuteRefSchema = z.object({
  citation: z.string(),
  text: z.string(),
  url: z.string().url().optional(),
});
export type StatuteRef = z.infer<typeof StatuteRefSchema>;

const RIPA = 'https://www.legislation.gov.uk/ukpga/2000/23/section';
const IPA = 'https://www.legislation.gov.uk/ukpga/2016/25/section';

/**
 * The statutory parts of a RIPA answer: fixed by law, the same for every council. Periods are not
 * here: they come from the deadline rules (data/deadline-rules.json), which compute the dates.
 */
export const STATUTES = {
  intrusive: {
    citation: 'RIPA 2000 ss.26(3), 32',
    text: 'Covert surveillance in residential premises or a private vehicle, by a person or a device there, is intrusive surveillance (s.26(3)); only the Secretary of State and senior law-enforcement officers may authorise it (s.32), never a local authority.',
    url: `${RIPA}/32`,
  },
  judicialGrant: {
    citation: 'RIPA 2000 s.32A (inserted by the Protection of Freedoms Act 2012, s.38)',
    text: "A local authority's directed surveillance or CHIS authorisation does not take effect until a justice of the peace (magistrate) has made an order approving it.",
    url: `${RIPA}/32A`,
  },
  judicialRenewal: {
    citation: 'RIPA 2000 s.32B',
    text: "A local authority's renewal of a directed surveillance or CHIS authorisation also needs a magistrate's approval before it takes effect.",
    url: `${RIPA}/32B`,
  },
  authorisingLevel: {
    citation: 'SI 2010/521, Schedule',
    text: 'In a local authority, directed surveillance and CHIS authorisations are granted by a Director, Head of Service, Service Manager or equivalent (Regulation of Investigatory Powers (Directed Surveillance and Covert Human Intelligence Sources) Order 2010).',
    url: 'https://www.legislation.gov.uk/uksi/2010/521/contents',
  },
  seniorLevel: {
    citation: 'Home Office Covert Surveillance and CHIS Codes of Practice, Annex A',
    text: 'Where confidential information is likely to be acquired, or the source is a juvenile or vulnerable person, a local authority authorisation must be given by the Head of Paid Service (or, in their absence, the person acting as Head of Paid Service).',
    url: 'https://www.gov.uk/government/publications/covert-surveillance-and-covert-human-intelligence-sources-codes-of-practice',
  },
  crimeThreshold: {
    citation: 'SI 2010/521 art 7A (inserted by SI 2012/1500)',
    text: "A local authority may authorise directed surveillance only to prevent or detect a criminal offence punishable by at least six months' imprisonment, or an offence of selling alcohol or tobacco to children.",
    url: 'https://www.legislation.gov.uk/uksi/2012/1500/contents/made',
  },
  juveniles: {
    citation: 'SI 2000/2793 (Juveniles Order), as amended by SI 2018/715',
    text: 'A source under 18 needs an enhanced risk assessment; a source under 16 may not be used against their parent or guardian and needs an appropriate adult at meetings; the authorisation lasts four months.',
    url: 'https://www.legislation.gov.uk/uksi/2000/2793/contents',
  },
  chisWelfare: {
    citation: 'Home Office CHIS Code of Practice (security and welfare of sources)',
    text: 'Before a CHIS is authorised, and while it is used, a risk assessment must consider the security and welfare of the source, and of others, arising from the tasking.',
    url: 'https://www.gov.uk/government/publications/covert-surveillance-and-covert-human-intelligence-sources-codes-of-practice',
  },
  cancellation: {
    citation: 'RIPA 2000 s.45',
    text: 'The person who granted or last renewed an authorisation must cancel it once satisfied that it no longer meets the criteria on which it was granted.',
    url: `${RIPA}/45`,
  },
  interception: {
    citation: 'IPA 2016 ss.3, 6',
    text: 'Intercepting a communication in the course of its transmission without lawful authority is an offence (s.3); interception warrants are not available to local authorities (s.6), so a council may never tap a phone or read the content of messages.',
    url: `${IPA}/3`,
  },
  commsAuthorisation: {
    citation: 'IPA 2016 ss.60A, 73, 76',
    text: "A local authority's requests for communications data are authorised by the Investigatory Powers Commissioner's Office for Communications Data Authorisations (OCDA), not by a magistrate, and go through a single point of contact (for councils, NAFN); the content of communications can never be obtained.",
    url: `${IPA}/60A`,
  },
  commsDuration: {
    citation: 'IPA 2016 s.65',
    text: 'A communications data authorisation lasts one month from the date it is granted and may be renewed for one further month at a time.',
    url: `${IPA}/65`,
  },
  journalistic: {
    citation: 'IPA 2016 s.77',
    text: "Communications data sought to identify or confirm a journalist's source needs the approval of a Judicial Commissioner.",
    url: `${IPA}/77`,
  },
} satisfies Record<string, StatuteRef>;
