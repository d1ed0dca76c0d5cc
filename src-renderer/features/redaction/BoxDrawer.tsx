import { useRef, useState } from 'react';
import type { RedactionBox } from '../../../src-main/contract/redaction';
import type { Evidence } from '../../../src-main/contract/records';
import { call } from '../../api';
import { displayText } from '../../components/displayText';
import { useQuery } from '../../data/useQuery';

type Rect = { x: number; y: number; w: number; h: number };

/**
 * A picture to draw a redaction box on by dragging: the exhibit's image, or a page of its PDF
 * (rendered by main). The box is given to `onBox` in the units redact add --box takes (image
 * pixels, or PDF points from the page's top-left), whatever size the picture is shown at. Boxes
 * already on the page are shown as they will be burnt in.
 */
export function BoxDrawer({ item, pdf, existing, onBox }: { item: Evidence; pdf: boolean; existing: readonly { page: number; box: RedactionBox }[]; onBox: (box: RedactionBox, page: number) => void }) {
  const [page, setPage] = useState(1);
  const picture = useQuery(['redaction-picture', item.id, item.content_sha256, pdf ? page : 0], [], async () => {
    if (pdf) {
      const p = await call('redact.pageImage', { exhibit: item.id, page });
      return { url: p.imageDataUrl, width: p.widthPoints, pages: p.pages };
    }
    const preview = await call('evidence.preview', { id: item.id, maxBytes: 5_000_000 });
    return { url: preview.image_data_url, width: null, pages: 1 };
  });
  const url = picture.data?.url && /^data:image\/(png|jpeg);base64,/i.test(picture.data.url) ? picture.data.url : null;
  const img = useRef<HTMLImageElement>(null);
  const [natural, setNatural] = useState<{ w: number; h: number } | null>(null);
  // The drag lives in refs: pointer events come faster than renders, and the box must be the last one seen.
  const start = useRef<{ x: number; y: number } | null>(null);
  const current = useRef<Rect | null>(null);
  const [box, setBox] = useState<Rect | null>(null);

  /** Units (pixels or points) per displayed CSS pixel, and per natural image pixel. */
  const units = () => {
    const el = img.current!;
    const perNatural = picture.data?.width ? picture.data.width / el.naturalWidth : 1;
    return { perShown: (el.naturalWidth / el.getBoundingClientRect().width) * perNatural, perNatural };
  };
  const point = (e: React.PointerEvent) => {
    const r = img.current!.getBoundingClientRect();
    return { x: Math.max(0, Math.min(r.width, e.clientX - r.left)), y: Math.max(0, Math.min(r.height, e.clientY - r.top)) };
  };
  const show = (b: Rect | null) => {
    current.current = b;
    setBox(b);
  };
  const finish = () => {
    const b = current.current;
    start.current = null;
    show(null);
    if (!img.current || !b || b.w < 2 || b.h < 2) return;
    const k = units().perShown;
    const round = (n: number) => Math.round(n * k * 100) / 100;
    onBox({ x: round(b.x), y: round(b.y), w: round(b.w), h: round(b.h) }, page);
  };
  const pages = picture.data?.pages ?? 1;
  const widthUnits = natural ? natural.w * (picture.data?.width ? picture.data.width / natural.w : 1) : null;
  const heightUnits = natural && widthUnits ? (natural.h * widthUnits) / natural.w : null;

  return (
    <div>
      {pdf ? (
        <div className="evidence-actions" role="group" aria-label="Page to draw on">
          <button type="button" className="btn btn-sm" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            Previous page
          </button>
          <span className="faint small">
            Page {page} of {pages}
          </span>
          <button type="button" className="btn btn-sm" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
            Next page
          </button>
        </div>
      ) : null}
      {!url ? (
        <p className="faint small">{picture.error ?? 'Loading the picture…'}</p>
      ) : (
        <div
          className="redaction-drawer"
          style={{ position: 'relative', display: 'inline-block', cursor: 'crosshair', touchAction: 'none', border: '1px solid var(--border, #ccc)' }}
          data-testid="box-drawer"
          onPointerDown={(e) => {
            e.preventDefault();
            e.currentTarget.setPointerCapture(e.pointerId);
            start.current = point(e);
            show({ ...start.current, w: 0, h: 0 });
          }}
          onPointerMove={(e) => {
            const s0 = start.current;
            if (!s0) return;
            const p = point(e);
            show({ x: Math.min(p.x, s0.x), y: Math.min(p.y, s0.y), w: Math.abs(p.x - s0.x), h: Math.abs(p.y - s0.y) });
          }}
          onPointerUp={finish}
        >
          <img
            ref={img}
            src={url}
            alt={`${displayText(item.exhibit_label)}${pdf ? `, page ${page}` : ''}: drag to draw a box to black out`}
            draggable={false}
            style={{ maxWidth: '100%', display: 'block' }}
            onLoad={(e) => setNatural({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
          />
          {widthUnits && heightUnits
            ? existing
                .filter((b) => b.page === page)
                .map((b, i) => (
                  <div
                    key={i}
                    aria-hidden
                    style={{ position: 'absolute', left: `${(b.box.x / widthUnits) * 100}%`, top: `${(b.box.y / heightUnits) * 100}%`, width: `${(b.box.w / widthUnits) * 100}%`, height: `${(b.box.h / heightUnits) * 100}%`, background: '#000' }}
                  />
                ))
            : null}
          {box ? <div aria-hidden style={{ position: 'absolute', left: box.x, top: box.y, width: box.w, height: box.h, background: 'rgba(0,0,0,0.6)' }} /> : null}
        </div>
      )}
    </div>
  );
}
