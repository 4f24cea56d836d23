// The store's derived rows, computed by the runner (the store folds nothing and parses no
// mentions): per written article its index row (source key, folded search variants) and the
// places and entity spellings the story list counts, each once per article.
import type { Article, Mentions } from '../../model/index.ts';
import type { ArticleEntityFormRow, ArticleIndexRow, ArticlePlaceRow, DerivedRows } from '../../store/store.ts';
import { nameKey, searchVariants } from '../../text/fold.ts';

/** What derivation reads of a written article. */
export interface Derivable {
  article: Pick<Article, 'id' | 'source' | 'title' | 'text'>;
  mentions: Pick<Mentions, 'places' | 'entities'>;
}

export function indexRow({ article: a }: Derivable): ArticleIndexRow {
  return {
    articleId: a.id,
    sourceKey: nameKey(a.source),
    titleVariants: searchVariants(a.title),
    textVariants: searchVariants(a.text),
  };
}

/**
 * Keys of names already folded: an article names the same people and places again and again, and
 * a story's articles each other's (folding was most of deriving, on the runner's thread).
 */
const keys = new Map<string, string>();
const KEYS_KEPT = 50_000;

function keyOf(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    if (keys.size >= KEYS_KEPT) keys.clear();
    keys.set(name, (key = nameKey(name)));
  }
  return key;
}

/** The article's places, once per key (the first mention's reading). */
export function placeRows({ article, mentions }: Derivable): ArticlePlaceRow[] {
  const rows = new Map<string, ArticlePlaceRow>();
  for (const p of mentions.places ?? []) {
    const key = keyOf(p.name);
    if (!rows.has(key))
      rows.set(key, { articleId: article.id, key, name: p.name, country: p.country, lat: p.lat, lon: p.lon });
  }
  return [...rows.values()];
}

/** The article's entity spellings, once per (entity key, spelling). */
export function entityFormRows({ article, mentions }: Derivable): ArticleEntityFormRow[] {
  const rows = new Map<string, ArticleEntityFormRow>();
  // A mention repeating an earlier one's name and spelling adds nothing: skipped before any folding.
  const seen = new Map<string, Set<string>>();
  for (const e of mentions.entities ?? []) {
    let texts = seen.get(e.name);
    if (!texts) seen.set(e.name, (texts = new Set()));
    else if (texts.has(e.text)) continue;
    texts.add(e.text);
    const key = keyOf(e.name);
    const id = `${key}\u0000${e.text}`;
    if (!rows.has(id)) rows.set(id, { articleId: article.id, key, name: e.name, type: e.type, form: e.text });
  }
  return [...rows.values()];
}

/** Every derived row of these articles, flat, in article order. */
export function deriveRows(articles: Iterable<Derivable>): DerivedRows {
  const out: DerivedRows = { articleIndex: [], articlePlaces: [], articleEntityForms: [] };
  for (const w of articles) {
    out.articleIndex.push(indexRow(w));
    out.articlePlaces.push(...placeRows(w));
    out.articleEntityForms.push(...entityFormRows(w));
  }
  return out;
}
