// The baseline every run is compared with: Readability.js on a linkedom document. Only the
// benchmark uses these two packages (they are devDependencies).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** Block ends become line breaks, so two paragraphs never run together into one false word. */
const BLOCK_END =
  /<\/(?:p|div|li|h[1-6]|tr|td|th|blockquote|pre|section|article|dd|dt|figcaption)\s*>|<br\s*\/?>/gi;

/** Readability's article text for a page, or '' when it finds none (or throws on the markup). */
export function readabilityText(html: string): string {
  try {
    const { document } = parseHTML(html);
    const article = new Readability(document as unknown as Document).parse();
    if (!article?.content) return article?.textContent ?? '';
    const text = parseHTML(`<html><body>${article.content.replace(BLOCK_END, '$&\n')}</body></html>`).document
      .body?.textContent;
    return text ?? article.textContent ?? '';
  } catch {
    return '';
  }
}
