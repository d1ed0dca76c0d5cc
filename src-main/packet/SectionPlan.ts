import type { GeneratedSection } from './layoutSections';
import type { PacketSection } from './PacketInput';

/** The user's section order split around the exhibits: what comes before them, after them, and whether they are included. */
export interface SectionPlan {
  front: GeneratedSection[];
  back: GeneratedSection[];
  includeExhibits: boolean;
}

export function planSections(sections: PacketSection[]): SectionPlan {
  const at = sections.indexOf('exhibits');
  const generated = (list: PacketSection[]): GeneratedSection[] => list.filter((s): s is GeneratedSection => s !== 'exhibits');
  if (at < 0) return { front: generated(sections), back: [], includeExhibits: false };
  return { front: generated(sections.slice(0, at)), back: generated(sections.slice(at + 1)), includeExhibits: true };
}
