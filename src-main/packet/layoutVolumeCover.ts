import { generatedPageGeometry } from './ExhibitRenderContext';
import { formatBatesRange } from './formatBates';
import { type LaidOutPage, LayoutFlow } from './LayoutFlow';
import type { BatesOptions, CaseCaption } from './PacketInput';
import type { FontMetricsSet } from '../fonts/packetFonts';
import type { PageLayout } from './pageLayout';

export interface VolumeCoverInfo {
  caption: CaseCaption;
  bates: BatesOptions;
  volume: number;
  volumeCount: number;
  /** What the volume holds, e.g. ["Exhibit 4", "Exhibit 7"] for "Exhibit 4 through Exhibit 7". */
  firstItem: string;
  lastItem: string;
  batesFirst: number;
  batesLast: number;
}

/**
 * The first page of volumes 2, 3...: court, case number and title, "VOLUME 2 OF 3", and which
 * exhibits and Bates numbers the volume holds, so each file identifies itself when filed alone.
 */
export function layoutVolumeCover(info: VolumeCoverInfo, pageSize: readonly [number, number], layout: PageLayout, metrics: FontMetricsSet): LaidOutPage {
  const flow = new LayoutFlow(generatedPageGeometry(pageSize, layout), metrics);
  flow.newPage();
  const centre = flow.left + flow.contentWidth / 2;
  flow.y = flow.top - 12;
  for (const line of info.caption.court.split('\n').flatMap((l) => flow.wrap(l.toUpperCase(), 'serifBold', 13, flow.contentWidth))) {
    flow.y -= 17;
    flow.text(line, centre, flow.y, { font: 'serifBold', size: 13 }, 'center');
  }
  flow.y -= 26;
  flow.text(flow.clean(`Case No. ${info.caption.docket}`, 'serif'), centre, flow.y, { font: 'serif', size: 12 }, 'center');
  flow.y -= 40;
  for (const line of flow.wrap(info.caption.title.toUpperCase(), 'serifBold', 14, flow.contentWidth - 36)) {
    flow.y -= 19;
    flow.text(line, centre, flow.y, { font: 'serifBold', size: 14 }, 'center');
  }
  flow.y -= 90;
  flow.text(`VOLUME ${info.volume} OF ${info.volumeCount}`, centre, flow.y, { font: 'serifBold', size: 26 }, 'center');
  flow.y -= 36;
  const items = info.firstItem === info.lastItem ? info.firstItem : `${info.firstItem} through ${info.lastItem}`;
  for (const line of flow.wrap(items, 'serif', 14, flow.contentWidth)) {
    flow.y -= 19;
    flow.text(line, centre, flow.y, { font: 'serif', size: 14 }, 'center');
  }
  flow.y -= 24;
  flow.text(flow.clean(`Bates ${formatBatesRange(info.bates, info.batesFirst, info.batesLast)}`, 'serif'), centre, flow.y, { font: 'serif', size: 11 }, 'center');
  return flow.pages[0] as LaidOutPage;
}
