// Articles stored before the store kept derived rows get theirs from the runner, before the
// runner's first write (a story's list rows are recomputed from its articles' rows at every write).
import type { Store } from '../../store/store.ts';
import { deriveRows } from './rows.ts';

/** Articles derived per write: a few MB of JSON read at a time. */
const PAGE = 500;

/** Derives and writes the rows of every stored article without them; returns how many. */
export async function backfillDerivedRows(store: Store): Promise<number> {
  let done = 0;
  for (;;) {
    const page = await store.articlesWithoutDerivedRows(PAGE);
    if (!page.length) return done;
    await store.writeDerived(deriveRows(page));
    done += page.length;
    // Every row given is stored: a page that came back again would loop for ever.
    if (page.length < PAGE) return done;
  }
}
