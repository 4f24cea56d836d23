// Articles stored before the store kept derived rows get theirs from the runner, before the
// runner's first write (a story's list rows are recomputed from its articles' rows at every write).
import type { Store } from '../../store/store.ts';
import { deriveRows } from './rows.ts';

/** Articles derived per write: a few MB of JSON read at a time. */
const PAGE = 500;

/** Derives and writes the rows of every stored article without them; returns how many. */
export async function backfillDerivedRows(store: Store): Promise<number> {
  const done = new Set<string>();
  for (;;) {
    const page = await store.articlesWithoutDerivedRows(PAGE);
    if (!page.length) return done.size;
    // A store that listed an article again after taking its rows would make this loop for ever.
    const again = page.find((s) => done.has(s.article.id));
    if (again) throw new Error(`store: article ${again.article.id} still lacks derived rows after they were written`);
    await store.writeDerived(deriveRows(page));
    for (const s of page) done.add(s.article.id);
  }
}
