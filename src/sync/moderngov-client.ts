import { AppError } from '../errors.js';
import { HttpFailure, PoliteHttp, type HttpResponse } from './polite-http.js';
import { readServiceXml, XmlReadError, type XmlNode } from './moderngov-xml.js';

/** The site, or what to check about it, could not give us its papers. One sentence for the user. */
export class SyncSiteError extends AppError {
  constructor(site: string, what: string, options: { cause?: unknown; detail?: string } = {}) {
    super('SYNC_SITE', `The ModernGov site ${site} ${what}`, options);
    this.name = 'SyncSiteError';
  }
}

const SOAP_NAMESPACE = 'http://moderngov.co.uk/namespaces';

function xmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The SOAP 1.1 request for an operation: the parameters as elements of the operation in ModernGov's namespace. */
export function soapEnvelope(operation: string, params: Record<string, string>): string {
  const args = Object.entries(params).map(([k, v]) => `<${k}>${xmlEscape(v)}</${k}>`).join('');
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<soap:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">' +
    `<soap:Body><${operation} xmlns="${SOAP_NAMESPACE}">${args}</${operation}></soap:Body></soap:Envelope>`
  );
}

/**
 * A client of one site's `mgWebService.asmx`. It calls the web service with GET and, when the site
 * refuses GET (some installs speak only SOAP 1.1), with SOAP from then on.
 */
export class ModernGovClient {
  private style: 'get' | 'soap' | null = null;

  constructor(readonly site: string, readonly http: PoliteHttp) {}

  /** Calls an operation and returns its parsed XML; throws SyncSiteError with one clear sentence. */
  async call(operation: string, params: Record<string, string> = {}): Promise<XmlNode> {
    if (this.style === 'soap') {
      const res = await this.soap(operation, params).catch((error: unknown) => {
        throw this.unreachable(error);
      });
      return this.read(operation, res);
    }
    let res: HttpResponse;
    try {
      res = await this.get(operation, params);
    } catch (error) {
      throw this.unreachable(error);
    }
    if (this.style === null && refusesGet(res)) {
      const soapRes = await this.soap(operation, params).catch((error: unknown) => {
        throw this.unreachable(error);
      });
      if (soapRes.status < 400) {
        this.style = 'soap';
        return this.read(operation, soapRes);
      }
    }
    const parsed = this.read(operation, res);
    this.style = 'get';
    return parsed;
  }

  private get(operation: string, params: Record<string, string>): Promise<HttpResponse> {
    const query = new URLSearchParams(params).toString();
    return this.http.request(`${this.site}/mgWebService.asmx/${operation}${query ? `?${query}` : ''}`);
  }

  private soap(operation: string, params: Record<string, string>): Promise<HttpResponse> {
    return this.http.request(`${this.site}/mgWebService.asmx`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${SOAP_NAMESPACE}/${operation}"` },
      body: soapEnvelope(operation, params),
    });
  }

  private read(operation: string, res: HttpResponse): XmlNode {
    const body = res.body.toString('utf8');
    const detail = `${operation}: HTTP ${res.status}, ${res.contentType}, ${body.slice(0, 300)}`;
    if (res.status >= 400) {
      throw new SyncSiteError(this.site, `answered ${operation} with an error (HTTP ${res.status}); check that the address is the site's root (the part before /mgWebService.asmx) and try again later.`, { detail });
    }
    try {
      return readServiceXml(body, operation);
    } catch (error) {
      if (error instanceof XmlReadError && error.problem === 'html') {
        throw new SyncSiteError(this.site, 'answered with a web page instead of the web service\'s XML (a login or firewall page?); check that its web service is open to this server.', { cause: error, detail });
      }
      throw new SyncSiteError(this.site, `sent a ${operation} answer that is not the web service's XML; check the address.`, { cause: error, detail });
    }
  }

  private unreachable(error: unknown): SyncSiteError {
    const reason = error instanceof HttpFailure ? error.message : String(error);
    return new SyncSiteError(this.site, `could not be reached (${reason}); check the address and this server's network access to it.`, { cause: error, detail: reason });
  }
}

/** An .asmx service with GET switched off answers with an error status, not with XML. */
function refusesGet(res: HttpResponse): boolean {
  return res.status === 404 || res.status === 405 || (res.status === 500 && /request format|unrecognized|not supported/i.test(res.body.toString('utf8')));
}
