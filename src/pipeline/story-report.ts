// Assembles one story's report (the PRODUCT.md contract) from its stored articles. Pure.
//   aggregate mentions (entities linked across articles) → compare sources → brief and timeline.
import type { StoryRecord, StoryReport } from '../model/index.ts';
import type { StoredArticle } from '../store/store.ts';
import { storyKind } from './4-cluster/kind.ts';
import { representativeTitle } from './4-cluster/story-title.ts';
import { aggregateMentions, shownEntities } from './5-compare/aggregate.ts';
import { compareSources } from './5-compare/compare.ts';
import { storyHowMany } from './5-compare/story-counts.ts';
import { whenSides } from './5-compare/when.ts';
import { writeBrief } from './6-brief/brief.ts';
import { buildTimeline } from './6-brief/timeline.ts';

export function buildStoryReport(story: StoryRecord, stored: StoredArticle[], opts: { withText?: boolean } = {}): StoryReport {
  const agg = aggregateMentions(stored);
  // The facts compared are about the entities shown, so no row names what the entity list leaves out.
  const entities = shownEntities(agg);
  const { comparison, facts } = compareSources(stored, entities);
  // A disputed day is shown with its sides, led by the best-supported one, never as settled.
  const disputed = whenSides(facts);
  const when = disputed ? disputed[0].date : agg.when;
  const howMany = storyHowMany(stored, new Map(stored.map((s) => [s.article.id, s.article.title])), facts);
  return {
    id: story.id,
    // The stored title, as the story list shows it (the assigner's choice, near-copies not counted twice).
    title: story.title || representativeTitle(stored.map((s) => s.article.title)),
    when,
    when_disputed: disputed,
    when_basis: whenBasis(when, !!disputed, stored),
    kind: storyKind(stored.filter((s) => !s.copyOf).map((s) => s.article)),
    where: agg.where,
    articles: stored.map(({ article: a, mentions, copyOf }) => ({
      id: a.id,
      source: a.source,
      title: a.title,
      published: a.published?.date ?? null,
      // A month's stand-in day is no day the report states.
      event_date: mentions.eventDate && !mentions.eventDate.month ? mentions.eventDate.date : null,
      language: a.language,
      path: a.path,
      url: a.url,
      copy_of: copyOf,
      ...(opts.withText ? { text: a.text } : {}),
    })),
    entities,
    places: agg.places,
    dates: agg.dates,
    figures: agg.figures,
    quotes: agg.quotes,
    comparison,
    brief: writeBrief(stored, facts, comparison, undefined, howMany),
    timeline: buildTimeline(stored, facts),
    how_many: howMany,
  };
}

/** A day no report states (no article's event day has a span in its text) is the publication day standing in. */
function whenBasis(when: string | null, disputed: boolean, stored: StoredArticle[]): StoryReport['when_basis'] {
  if (!when) return null;
  // A day the headline gives is stated by the report too; only the publication day standing in is not.
  return disputed || stored.some((s) => (s.mentions.eventDate?.span && !s.mentions.eventDate.month) || s.mentions.eventDate?.headline) ? 'text' : 'published';
}
