import { useRef, useState } from 'react';
import type { RedactionBox } from '../../../src-main/contract/redaction';
import type { Evidence } from '../../../src-main/contract/records';
import { call } from '../../api';
import { useQuery } from '../../data/useQuery';

/**
 * The exhibit's image with a box drawn by dragging; the box is given to `onBox` in the image's own
 * pixels (what redact add --box takes), whatever size the image is shown at.
 */
export function BoxDrawer({ item, onBox }: { item: Evidence; onBox: (box: RedactionBox) => void }) {
  const preview = useQuery(['redaction-image', item.id, item.content_sha256], [], () => call('evidence.preview', { id: item.id, maxBytes: 5_000_000 }));
  const image = preview.data?.image_data_url && /^data:image\/(png|jpeg);base64,/i.test(preview.data.image_data_url) ? preview.data.image_data_url : null;
  const img = useRef<HTMLImageElement>(null);
  // The drag lives in refs: pointer events come faster than renders, and the box must be the last one seen.
  const start = useRef<{ x: number; y: number } | null>(null);
  const current = useRef<{ x: number; y: number; w: number; h: number } | null>(null);
  const [box, setBox] = useState<{ x: number; y: number; w: number; h: number } | null>(null);

  const point = (e: React.PointerEvent) => {
    const r = img.current!.getBoundingClientRect();
    return { x: Math.max(0, Math.min(r.width, e.clientX - r.left)), y: Math.max(0, Math.min(r.height, e.clientY - r.top)) };
  };
  const show = (b: { x: number; y: number; w: number; h: number } | null) => {
    current.current = b;
    setBox(b);
  };
  const finish = () => {
    const el = img.current;
    const b = current.current;
    start.current = null;
    show(null);
    if (!el || !b || b.w < 2 || b.h < 2) return;
    const scale = el.naturalWidth / el.getBoundingClientRect().width;
    onBox({ x: Math.round(b.x * scale), y: Math.round(b.y * scale), w: Math.round(b.w * scale), h: Math.round(b.h * scale) });
  };

  if (!image) return <p className="faint small">{preview.error ?? 'Loading the image…'}</p>;
  return (
    <div
      className="redaction-drawer"
      style={{ position: 'relative', display: 'inline-block', cursor: 'crosshair', touchAction: 'none' }}
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
      <img ref={img} src={image} alt={`${item.exhibit_label}: drag to draw a box to black out`} draggable={false} style={{ maxWidth: '100%', display: 'block' }} />
      {box ? <div aria-hidden style={{ position: 'absolute', left: box.x, top: box.y, width: box.w, height: box.h, background: 'rgba(0,0,0,0.7)' }} /> : null}
    </div>
  );
}
