import { formatLongDate, humanizeCode } from './formatText';
import type { LayoutFlow } from './LayoutFlow';
import { layoutTable } from './layoutTable';
import type { SectionContext } from './SectionContext';

/**
 * Court orders chosen for the filing (filingOrders): one block per order with its ECF number,
 * court, docket, judge, type, dates, status and summary.
 */
export function layoutCourtOrders(flow: LayoutFlow, ctx: SectionContext): void {
  flow.newPage();
  flow.heading('COURT ORDERS', 13, 10);
  const orders = ctx.input.orders;
  if (orders.length === 0) {
    flow.paragraph('No court orders are part of this filing.', { font: 'serifItalic', size: 11 });
    return;
  }
  orders.forEach((order, i) => {
    flow.subheading(`${i + 1}. ${order.title}${order.ecfNumber ? ` (ECF No. ${order.ecfNumber})` : ''}`);
    const date = (d: string | null | undefined): string => (d ? formatLongDate(d) : '—');
    layoutTable(
      flow,
      [
        { header: '', share: 1, font: 'serifBold' },
        { header: '', share: 2.2 },
        { header: '', share: 1, font: 'serifBold' },
        { header: '', share: 2.2 },
      ],
      [
        ['Court', order.court, 'Type', humanizeCode(order.type)],
        ['Docket', order.docket, 'Status', humanizeCode(order.status)],
        ['Judge', order.judge ?? '—', 'Filed', date(order.filedAt)],
        ['Granted', date(order.grantedAt), 'Served', date(order.servedAt)],
        ['Expires', date(order.expiresAt), 'ECF No.', order.ecfNumber ?? 'not recorded'],
      ],
      { size: 9.5, header: false, rowRules: false, topRule: false },
    );
    if (order.summary) {
      flow.moveDown(4);
      flow.paragraph(order.summary, { font: 'serif', size: 10.5, leading: 14, spaceAfter: 4 });
    }
    flow.moveDown(10);
  });
}
