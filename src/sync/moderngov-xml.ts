import { XMLParser } from 'fast-xml-parser';
import { parse as parseHtml } from 'node-html-parser';

/** A parsed XML element: child elements by name, text as strings; repeated elements are always lists. */
export type XmlNode = { [name: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

/**
 * Elements that may repeat. ModernGov sends a single item as a single element, not a list, so these
 * are always read as lists.
 */
const LIST_ELEMENTS = new Set(['committee', 'meeting', 'agendaitem', 'linkeddoc', 'attendee', 'attachmentdetails']);

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  // Values stay strings ("0129" is an id, not a number); dates and flags are read by the caller.
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => LIST_ELEMENTS.has(name),
});

/** Why a response could not be read as the web service's XML. */
export type XmlProblem = 'html' | 'not-xml' | 'soap-fault';

export class XmlReadError extends Error {
  constructor(readonly problem: XmlProblem, detail: string) {
    super(detail);
    this.name = 'XmlReadError';
  }
}

/** Whether a body is an HTML page (a login page, a firewall's block page, an error page) rather than XML. */
export function looksLikeHtml(body: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>])/i.test(body) || (/<html[\s>]/i.test(body.slice(0, 2000)) && !/^\s*<\?xml/i.test(body));
}

/** Parses one web-service response. SOAP envelopes are unwrapped to the operation's result. */
export function readServiceXml(body: string, operation: string): XmlNode {
  if (looksLikeHtml(body)) throw new XmlReadError('html', 'the response is an HTML page, not XML');
  if (!/^\s*(?:<\?xml|<[A-Za-z])/.test(body)) throw new XmlReadError('not-xml', 'the response is not XML');
  let doc: XmlNode;
  try {
    doc = parser.parse(body, true) as XmlNode;
  } catch (error) {
    throw new XmlReadError('not-xml', `the response is not well-formed XML (${(error as Error).message})`);
  }
  const envelope = child(doc, 'Envelope');
  if (!envelope) return doc;
  const soapBody = child(envelope, 'Body');
  const fault = soapBody ? child(soapBody, 'Fault') : null;
  if (fault) throw new XmlReadError('soap-fault', `SOAP fault: ${text(fault, 'faultstring') ?? 'no reason given'}`);
  const response = soapBody ? child(soapBody, `${operation}Response`) : null;
  const result = response ? (response as XmlNode)[`${operation}Result`] : undefined;
  if (typeof result === 'string') return readServiceXml(result, operation);
  if (result && typeof result === 'object' && !Array.isArray(result)) return result;
  throw new XmlReadError('not-xml', `the SOAP response has no ${operation}Result`);
}

/** The first child element of that name, or null. */
export function child(node: XmlValue | null | undefined, name: string): XmlNode | null {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return null;
  const value = node[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first && typeof first === 'object' && !Array.isArray(first) ? first : null;
}

/** Every child element of that name (none, one or many). */
export function children(node: XmlValue | null | undefined, name: string): XmlNode[] {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return [];
  const value = node[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is XmlNode => typeof v === 'object' && v !== null && !Array.isArray(v));
}

/** The trimmed text of a child element; null when absent or empty. */
export function text(node: XmlValue | null | undefined, name: string): string | null {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return null;
  const value = node[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string') return null;
  const t = first.trim();
  return t ? t : null;
}

/** A ModernGov flag ("True" / "False"). */
export function flagOf(node: XmlValue | null | undefined, name: string): boolean {
  return /^true$/i.test(text(node, name) ?? '');
}

/**
 * Text the service escaped twice ("Members&#39; Question Time" once the XML is read): the remaining
 * HTML entities decoded and any markup dropped, by the HTML reader.
 */
export function plainText(value: string | null): string | null {
  if (value === null) return null;
  const t = parseHtml(value).text.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

/** "21/11/2025" -> "2025-11-21"; null when it is not a valid dd/mm/yyyy date. */
export function isoFromUkDate(value: string | null): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(value ?? '');
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** "2025-11-21" -> "21/11/2025", the date format the service takes. */
export function ukFromIsoDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
