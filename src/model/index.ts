// The data model: types only, imported by every other folder, importing nothing of the app.
export type * from './article.ts';
export type * from './mention.ts';
export type * from './story.ts';
export { noMentions } from './mention.ts';
export type * from './alert.ts';
export { ALERT_KINDS } from './alert.ts';
