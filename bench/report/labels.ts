// Hand-labelled samples (entities, conflicts, timeline, brief lede): filled in by the next commit.
import type { Section, SectionResult } from '../extract.ts';

export const section: Section = { name: 'labels', run: async (): Promise<SectionResult | null> => null };
