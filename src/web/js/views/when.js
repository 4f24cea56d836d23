// The story's When: its day, or, when the sources put the event on different days, each day with
// the sources that give it, coloured by side as conflicting values are in the facts table.
import { fmtDay, fmtRange, h } from '../dom.js';

/** `published`: the reports' publication days in order, the fallback span when no event day is known. */
export function storyWhen(view, published, number) {
  const { when } = view;
  if (!when.sides.length) {
    if (!when.date) return fmtRange(published[0], published.at(-1));
    // No report states the day: the publication day stands in, and says so.
    if (when.basis === 'published')
      return h(
        'span',
        {
          class: 'when-published',
          title: 'No report states the day of the event; this is the day of publication',
        },
        fmtDay(when.date),
        ' (published)',
      );
    return fmtDay(when.date);
  }
  const outlet = new Map(view.sources.map((s) => [s.article, s.source]));
  return h(
    'span',
    { class: 'when-disputed' },
    h('span', { class: 'badge badge-conflict' }, 'disputed'),
    when.sides.map((s, i) => {
      const names = s.sources.map((id) => outlet.get(id)).join(', ');
      const tone = `val val-${Math.min(s.side, 4)}`;
      const day = s.evidence
        ? h(
            'a',
            {
              class: tone,
              href: `#/article/${encodeURIComponent(s.evidence.article)}?hl=${s.evidence.start}-${s.evidence.end}`,
              title: `Show where ${outlet.get(s.sources[0])} says this`,
            },
            fmtDay(s.date),
          )
        : h('span', { class: tone }, fmtDay(s.date));
      return [
        i ? h('span', { class: 'when-vs' }, 'vs') : null,
        h(
          'span',
          { class: 'when-side' },
          day,
          h(
            'span',
            { class: 'when-sources', title: names },
            s.sources.map((id) => `[${number.get(id)}]`).join(''),
          ),
        ),
      ];
    }),
  );
}
