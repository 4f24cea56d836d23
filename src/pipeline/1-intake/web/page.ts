// A fetched page → a raw report: bytes decoded by the page's declared or sniffed charset.
import type { RawReport } from '../../../model/index.ts';
import { decodeHtml } from '../../2-extract/charset.ts';
import { FetchError } from './errors.ts';
import type { FetchResponse } from './fetch.ts';

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** The response's text, decoded (BOM, Content-Type charset, <meta>/XML declaration, sniffing). */
export function responseText(res: FetchResponse): string {
  return decodeHtml(res.body, header(res.headers['content-type'])).html;
}

/** A page as a raw report; `url` is the identity to give it (canonical). Throws for non-text types. */
export function pageReport(res: FetchResponse, url: string, sourceHint?: string): RawReport {
  const type = header(res.headers['content-type']).split(';')[0].trim().toLowerCase();
  const isHtml = !type || /html|xml/.test(type);
  if (!isHtml && type !== 'text/plain')
    throw new FetchError('decode', `unsupported content type ${type} at ${res.url}`);
  return {
    format: isHtml ? 'html' : 'text',
    path: null,
    url,
    content: responseText(res),
    ...(sourceHint ? { sourceHint } : {}),
  };
}
