import type { VolumeState } from './assemblePacket';
import type { OutlineItem } from './buildOutline';
import type { PacketSection } from './PacketInput';

const MAX_TITLE = 120;

function clip(s: string): string {
  return s.length > MAX_TITLE ? `${s.slice(0, MAX_TITLE - 1)}…` : s;
}

/** Bookmarks of one volume, in the user's section order: each section, and each exhibit under "Exhibits". */
export function volumeOutline(vol: VolumeState, order: PacketSection[], firstExhibitVolume: number): OutlineItem[] {
  const items: OutlineItem[] = [];
  for (const section of order) {
    if (section === 'exhibits') {
      const first = vol.exhibits[0];
      if (!first) continue;
      items.push({
        title: vol.number > firstExhibitVolume ? 'Exhibits (continued)' : 'Exhibits',
        page: first.ref,
        children: vol.exhibits.map((e) => ({ title: clip(`${e.exhibit.label} — ${e.exhibit.title}${vol.part ? ` (Part ${vol.part.index} of ${vol.part.count})` : ''}`), page: e.ref })),
        // A long list starts folded so the sections stay in view.
        closed: vol.exhibits.length > 25,
      });
    } else {
      const s = vol.sections.find((x) => x.section === section);
      if (s) items.push({ title: s.title, page: s.ref });
    }
  }
  return items;
}
