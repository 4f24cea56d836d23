// Incremental upkeep of the story list's indexes (story-index.ts holds the full rebuild): a write
// changes a story's places and entity spellings only by the articles it adds, replaces or moves,
// so only those articles' mentions are read (new ones from the batch, no JSON round trip), and
// their contributions are added to / taken from per-story counts. Stats and sources are
// recomputed per touched story from indexed columns, never from the articles' JSON.
import type { Mentions } from '../../model/index.ts';
import type { PackedBatch } from './batch-write.ts';
import { foldName } from './fold.ts';
import type { Statements } from './story-index.ts';

/** What the batch's articles were before it: their story and mentions (null when new). */
export interface BeforeWrite {
  touched: Set<string>;
  /** Touched stories that had no articles before the batch: their index rows are only inserted. */
  fresh: Set<string>;
  previous: Map<string, { storyId: string; mentions: Named } | null>;
}

/** What the story list counts of an article's mentions: its places and entity spellings. */
export interface Named {
  places: Pick<Mentions['places'][number], 'name' | 'country' | 'lat' | 'lon'>[];
  entities: Pick<Mentions['entities'][number], 'name' | 'text' | 'type'>[];
}

/** Call inside the write transaction, before the batch is applied. */
export function beforeWrite(stmt: Statements, batch: PackedBatch): BeforeWrite {
  const touched = new Set<string>(batch.stories.map((s) => s.id));
  const previous: BeforeWrite['previous'] = new Map();
  const current = stmt('SELECT story_id, mentions_json FROM articles WHERE id = ?');
  const note = (articleId: string, storyId: string) => {
    touched.add(storyId);
    if (previous.has(articleId)) return;
    const row = current.get(articleId) as { story_id: string; mentions_json: string } | undefined;
    previous.set(articleId, row ? { storyId: row.story_id, mentions: JSON.parse(row.mentions_json) as Mentions } : null);
    if (row) touched.add(row.story_id);
  };
  for (const w of batch.articles) note(w.id, w.storyId);
  for (const m of batch.moves ?? []) note(m.articleId, m.storyId);
  const any = stmt('SELECT 1 FROM articles WHERE story_id = ? LIMIT 1').pluck();
  const fresh = new Set([...touched].filter((id) => any.get(id) === undefined));
  return { touched, fresh, previous };
}

interface PlaceCount {
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  n: number;
}
interface FormCount {
  key: string;
  name: string;
  type: string;
  form: string;
  n: number;
}

/** Per story: place key → count change, entity form → count change (each article counts once per key). */
class Deltas {
  places = new Map<string, Map<string, PlaceCount>>();
  forms = new Map<string, Map<string, FormCount>>();

  add(storyId: string, m: Named, sign: 1 | -1): void {
    let places = this.places.get(storyId);
    if (!places) this.places.set(storyId, (places = new Map()));
    let forms = this.forms.get(storyId);
    if (!forms) this.forms.set(storyId, (forms = new Map()));
    const seen = new Set<string>();
    for (const p of m.places ?? []) {
      const key = foldName(p.name);
      if (seen.has(`p:${key}`)) continue;
      seen.add(`p:${key}`);
      const pl = places.get(key) ?? { name: p.name, country: p.country, lat: p.lat, lon: p.lon, n: 0 };
      pl.n += sign;
      places.set(key, pl);
    }
    for (const e of m.entities ?? []) {
      const key = foldName(e.name);
      const fk = `${key}\u0000${e.text}`;
      if (seen.has(`e:${fk}`)) continue;
      seen.add(`e:${fk}`);
      const f = forms.get(fk) ?? { key, name: e.name, type: e.type, form: e.text, n: 0 };
      f.n += sign;
      forms.set(fk, f);
    }
  }
}

/** Call inside the same transaction, after the batch is applied. */
export function afterWrite(stmt: Statements, before: BeforeWrite, batch: PackedBatch): void {
  const written = new Map(batch.articles.map((w) => [w.id, w.named]));
  const storyOf = stmt('SELECT story_id FROM articles WHERE id = ?').pluck();
  const deltas = new Deltas();
  for (const [id, prev] of before.previous) {
    const storyId = storyOf.get(id) as string;
    const mentions = written.get(id);
    // A move without a new version changes nothing when the article stays where it was.
    if (prev && !mentions && prev.storyId === storyId) continue;
    if (prev) deltas.add(prev.storyId, prev.mentions, -1);
    deltas.add(storyId, mentions ?? prev!.mentions, 1);
  }
  applyPlaces(stmt, deltas.places, before.fresh);
  applyForms(stmt, deltas.forms, before.fresh);
  refreshStats(stmt, before.touched);
}

// A positive change to a story new in this batch is an insert; otherwise the row is updated (or
// inserted when missing); rows that fall to zero are dropped.
function applyPlaces(stmt: Statements, byStory: Deltas['places'], fresh: Set<string>): void {
  const bump = stmt('UPDATE story_places SET article_count = article_count + ? WHERE story_id = ? AND place_key = ?');
  const put = stmt(
    'INSERT INTO story_places (story_id, place_key, name, country, lat, lon, article_count) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const drop = stmt('DELETE FROM story_places WHERE story_id = ? AND article_count <= 0');
  for (const [storyId, places] of byStory) {
    let fell = false;
    for (const [key, p] of places) {
      if (p.n === 0) continue;
      fell ||= p.n < 0;
      if (p.n > 0 && fresh.has(storyId)) put.run(storyId, key, p.name, p.country, p.lat, p.lon, p.n);
      else if (bump.run(p.n, storyId, key).changes === 0 && p.n > 0) put.run(storyId, key, p.name, p.country, p.lat, p.lon, p.n);
    }
    if (fell) drop.run(storyId);
  }
}

function applyForms(stmt: Statements, byStory: Deltas['forms'], fresh: Set<string>): void {
  const bump = stmt(
    'UPDATE story_entity_forms SET article_count = article_count + ? WHERE story_id = ? AND entity_key = ? AND form = ?',
  );
  const put = stmt(
    'INSERT INTO story_entity_forms (story_id, entity_key, name, type, form, article_count) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const drop = stmt('DELETE FROM story_entity_forms WHERE story_id = ? AND article_count <= 0');
  for (const [storyId, forms] of byStory) {
    let fell = false;
    for (const f of forms.values()) {
      if (f.n === 0) continue;
      fell ||= f.n < 0;
      if (f.n > 0 && fresh.has(storyId)) put.run(storyId, f.key, f.name, f.type, f.form, f.n);
      else if (bump.run(f.n, storyId, f.key, f.form).changes === 0 && f.n > 0) put.run(storyId, f.key, f.name, f.type, f.form, f.n);
    }
    if (fell) drop.run(storyId);
  }
}

/** Stats and sources of each touched story, from the articles' indexed columns (emptied stories drop out). */
function refreshStats(stmt: Statements, ids: Set<string>): void {
  const story = stmt('SELECT updated_at FROM stories WHERE id = ?').pluck();
  const stats = stmt(
    'SELECT COUNT(*) AS n, MIN(published) AS first, MAX(published) AS last FROM articles WHERE story_id = ?',
  );
  const sources = stmt('SELECT DISTINCT source FROM articles WHERE story_id = ?').pluck();
  const clear = ['story_stats', 'story_sources', 'story_places', 'story_entity_forms'].map((t) =>
    stmt(`DELETE FROM ${t} WHERE story_id = ?`),
  );
  const clearSources = clear[1];
  const putStats = stmt(
    'INSERT OR REPLACE INTO story_stats (story_id, article_count, source_count, first_pub, last_pub, updated_at, conflicts) VALUES (?, ?, ?, ?, ?, ?, NULL)',
  );
  const putSource = stmt('INSERT INTO story_sources (story_id, source, source_key) VALUES (?, ?, ?)');
  for (const id of ids) {
    const updatedAt = story.get(id) as string | undefined;
    const s = stats.get(id) as { n: number; first: string | null; last: string | null };
    if (updatedAt === undefined || !s.n) {
      for (const c of clear) c.run(id); // emptied stories are not listed
      continue;
    }
    const bySourceKey = new Map<string, string>();
    for (const source of sources.all(id) as string[]) bySourceKey.set(foldName(source), source);
    clearSources.run(id);
    for (const [key, name] of bySourceKey) putSource.run(id, name, key);
    putStats.run(id, s.n, bySourceKey.size, s.first, s.last, updatedAt);
  }
}
