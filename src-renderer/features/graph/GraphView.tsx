import { type KeyboardEvent, type PointerEvent, type WheelEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { GraphData } from '../../../src-main/contract/DossierApi';
import { ITEM_KINDS, type ItemKind } from '../../../src-main/contract/enums';
import { call } from '../../api';
import { useQuery } from '../../data/useQuery';
import { displayText } from '../../components/displayText';
import { formatCount, KIND_LABEL, KIND_PLURAL } from '../../components/labels';
import { hiddenCharactersSentence } from '../../components/UntrustedText';
import { useApp } from '../app/appStore';
import { DetailPane } from '../items/DetailPane';
import { ITEM_CONFIGS } from '../items/itemConfigs';
import type { PlacedNode } from './layoutGraph';
import { GraphLinkFilters, type GraphLinkFilter } from './GraphLinkFilters';
import { LinkTable } from './LinkTable';
import { nodeInDirection } from './nodeInDirection';
import { nodeLabel } from './nodeLabel';
import { useGraphLayout } from './useGraphLayout';

/** Above this many nodes, labels are drawn only when zoomed in (or for the hovered and selected node). */
const LABEL_LIMIT = 160;
/** The most links drawn at once; the filters choose which. */
const GRAPH_LIMIT = 1500;
/** Titles of every kind and the links between them. */
const GRAPH_TOPICS = [...ITEM_KINDS, 'links'] as const;

/** Every link between records as a picture; click an item to see it beside the graph. */
export function GraphView() {
  const [filter, setFilter] = useState<GraphLinkFilter>({ relation: '', kind: '' });
  const { data, error } = useQuery(['graph', GRAPH_LIMIT, filter.relation, filter.kind], GRAPH_TOPICS, () =>
    call('graph.get', {
      limit: GRAPH_LIMIT,
      ...(filter.relation ? { relations: [filter.relation] } : {}),
      ...(filter.kind ? { kinds: [filter.kind] } : {}),
    }),
  );
  // Keep the filter's choices while a new graph loads (the select would otherwise lose its value).
  const relations = useRef<GraphData['relations']>([]);
  if (data) relations.current = data.relations;
  const [selected, setSelected] = useState<{ id: string; kind: ItemKind } | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const [view, setView] = useState({ x: 0, y: 0, k: 1 });
  const drag = useRef<{ x: number; y: number; vx: number; vy: number } | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);


  const { layout, error: layoutError } = useGraphLayout(data);
  // Fit the drawing, but never zoom in past 1:1: a handful of nodes should look like a handful, not fill the screen.
  const [canvas, setCanvas] = useState({ w: 900, h: 600 });
  const canvasRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = canvasRef.current;
    if (!element) return;
    const measure = () => setCanvas({ w: Math.max(element.clientWidth, 200), h: Math.max(element.clientHeight, 200) });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const bounds = useMemo(() => {
    if (!layout || layout.nodes.length === 0) return { x: -canvas.w / 2, y: -canvas.h / 2, w: canvas.w, h: canvas.h };
    const xs = layout.nodes.map((n) => n.x);
    const ys = layout.nodes.map((n) => n.y);
    // Labels run to the right of their node: leave room for them.
    const minX = Math.min(...xs) - 60;
    const maxX = Math.max(...xs) + 240;
    const minY = Math.min(...ys) - 50;
    const maxY = Math.max(...ys) + 50;
    const scale = Math.max(1, (maxX - minX) / canvas.w, (maxY - minY) / canvas.h);
    const w = canvas.w * scale;
    const h = canvas.h * scale;
    return { x: (minX + maxX) / 2 - w / 2, y: (minY + maxY) / 2 - h / 2, w, h };
  }, [layout, canvas]);

  const neighbours = useMemo(() => {
    const focus = hovered ?? selected?.id;
    if (!focus || !layout) return null;
    const set = new Set([focus]);
    for (const e of layout.edges) {
      if (e.source.id === focus) set.add(e.target.id);
      if (e.target.id === focus) set.add(e.source.id);
    }
    return set;
  }, [hovered, selected, layout]);

  function onWheel(event: WheelEvent<SVGSVGElement>) {
    const factor = Math.exp(-event.deltaY * 0.0015);
    setView((v) => ({ ...v, k: Math.min(6, Math.max(0.2, v.k * factor)) }));
  }
  // One Tab stop for the whole drawing (roving tabindex); arrows walk to neighbours, Shift+arrows
  // pan, + and - zoom, 0 resets: everything the mouse does, by keyboard.
  const [focusId, setFocusId] = useState<string | null>(null);
  const [asTable, setAsTable] = useState(false);
  const nodeRefs = useRef(new Map<string, SVGGElement>());
  const rovingId = focusId && layout?.nodes.some((n) => n.id === focusId) ? focusId : (selected?.id ?? layout?.nodes[0]?.id ?? null);
  function onNodeKeyDown(event: KeyboardEvent<SVGGElement>, node: PlacedNode) {
    const key = event.key;
    if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      setSelected({ id: node.id, kind: node.kind });
    } else if ((key === 'ArrowUp' || key === 'ArrowDown' || key === 'ArrowLeft' || key === 'ArrowRight') && !event.shiftKey && layout) {
      event.preventDefault();
      const next = nodeInDirection(layout.nodes, layout.edges, node, key);
      if (next) {
        setFocusId(next.id);
        nodeRefs.current.get(next.id)?.focus();
      }
    }
  }
  function onCanvasKeyDown(event: KeyboardEvent<SVGSVGElement>) {
    const step = (bounds.w / view.k) * 0.1;
    const pans: Record<string, [number, number]> = { ArrowUp: [0, -step], ArrowDown: [0, step], ArrowLeft: [-step, 0], ArrowRight: [step, 0] };
    const pan = event.shiftKey ? pans[event.key] : undefined;
    if (pan) {
      event.preventDefault();
      setView((v) => ({ ...v, x: v.x + pan[0], y: v.y + pan[1] }));
    } else if (event.key === '+' || event.key === '=') {
      event.preventDefault();
      setView((v) => ({ ...v, k: Math.min(6, v.k * 1.25) }));
    } else if (event.key === '-') {
      event.preventDefault();
      setView((v) => ({ ...v, k: Math.max(0.2, v.k / 1.25) }));
    } else if (event.key === '0') {
      event.preventDefault();
      setView({ x: 0, y: 0, k: 1 });
    }
  }

  function onPointerDown(event: PointerEvent<SVGSVGElement>) {
    if ((event.target as Element).closest('.graph-node')) return;
    drag.current = { x: event.clientX, y: event.clientY, vx: view.x, vy: view.y };
    (event.currentTarget as Element).setPointerCapture(event.pointerId);
  }
  function onPointerMove(event: PointerEvent<SVGSVGElement>) {
    const d = drag.current;
    const svg = svgRef.current;
    if (!d || !svg) return;
    const scale = bounds.w / svg.clientWidth / view.k;
    setView((v) => ({ ...v, x: d.vx - (event.clientX - d.x) * scale, y: d.vy - (event.clientY - d.y) * scale }));
  }

  const counts = useMemo(() => {
    const c: Partial<Record<ItemKind, number>> = {};
    for (const n of layout?.nodes ?? []) c[n.kind] = (c[n.kind] ?? 0) + 1;
    return c;
  }, [layout]);

  const w = bounds.w / view.k;
  const h = bounds.h / view.k;
  const cx = bounds.x + bounds.w / 2 + view.x;
  const cy = bounds.y + bounds.h / 2 + view.y;
  const showLabels = (layout?.nodes.length ?? 0) <= LABEL_LIMIT || view.k >= 2;
  /** User units per CSS px of the drawing. */
  const unit = w / canvas.w;

  return (
    <div className="items-view">
      <div className="items-main">
        <header className="view-header">
          <div className="view-title">
            <h1>Graph</h1>
            {layout ? (
              <span className="muted small">
                {formatCount(layout.nodes.length)} {layout.nodes.length === 1 ? 'item' : 'items'} ·{' '}
                {data && data.totalEdges > layout.edges.length
                  ? `${formatCount(layout.edges.length)} of ${formatCount(data.totalEdges)} links shown (the newest${filter.relation || filter.kind ? ' matching the filter' : ''})`
                  : `${formatCount(layout.edges.length)} links`}
              </span>
            ) : null}
          </div>
          <div className="view-tools">
            <GraphLinkFilters filter={filter} relations={relations.current} onChange={setFilter} />
            <ul className="legend" aria-label="Legend">
              {ITEM_KINDS.map((kind) => (
                <li key={kind}>
                  <span className={`kind-dot kind-${kind}`} aria-hidden="true" /> {KIND_PLURAL[kind]} <span className="faint">{counts[kind] ?? 0}</span>
                </li>
              ))}
            </ul>
            <button type="button" className="btn btn-sm" onClick={() => setAsTable((t) => !t)} aria-pressed={asTable}>
              {asTable ? 'Show as graph' : 'Show as table'}
            </button>
            {asTable ? null : (
              <button type="button" className="btn btn-sm" onClick={() => setView({ x: 0, y: 0, k: 1 })}>
                Reset view
              </button>
            )}
          </div>
        </header>
        {error || layoutError ? (
          <div className="vtable-error" role="alert">
            {error ?? layoutError}
          </div>
        ) : null}
        {asTable && layout ? <LinkTable edges={layout.edges} onOpen={(n) => setSelected({ id: n.id, kind: n.kind })} /> : null}
        <div className="graph-canvas" ref={canvasRef} hidden={asTable}>
          {layout && layout.nodes.length === 0 ? (
            <div className="empty-state">
              <h2>Nothing to draw yet</h2>
              <p className="muted">Link items to each other (an order to the domains it covers, evidence to what it shows) and the graph appears here.</p>
            </div>
          ) : null}
          {layout && layout.nodes.length > 0 ? (
            <svg
              ref={svgRef}
              className="graph-svg"
              viewBox={`${cx - w / 2} ${cy - h / 2} ${w} ${h}`}
              onWheel={onWheel}
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={() => (drag.current = null)}
              onKeyDown={onCanvasKeyDown}
              role="group"
              aria-label="Link graph: arrow keys move between linked items, Shift+arrows pan, + and − zoom, 0 resets"
              style={{ ['--graph-unit' as string]: unit }}
            >
              <g className="graph-edges">
                {layout.edges.map((e) => (
                  <line
                    key={e.id}
                    x1={e.source.x}
                    y1={e.source.y}
                    x2={e.target.x}
                    y2={e.target.y}
                    className={neighbours && !(neighbours.has(e.source.id) && neighbours.has(e.target.id)) ? 'is-dim' : ''}
                  >
                    <title>{`${displayText(e.source.title)} — ${displayText(e.relation)} → ${displayText(e.target.title)}`}</title>
                  </line>
                ))}
              </g>
              <g>
                {layout.nodes.map((n: PlacedNode) => {
                  // Sizes in screen px (times user units per px), so dots and labels stay readable at any fit or zoom.
                  const r = (6 + Math.min(n.degree, 10) * 0.8) * unit;
                  // The name starts with exactly what is drawn (WCAG 2.5.3), then the full title if cut,
                  // and says when the title's hidden characters were spelled out (the flag of UntrustedText).
                  const { shown, full, hidden } = nodeLabel(n.title);
                  const warning = hidden ? hiddenCharactersSentence('The title') : '';
                  const name = `${shown}${shown === full ? '' : ` (${full})`}, ${KIND_LABEL[n.kind]}${warning ? `. ${warning}` : ''}`;
                  const dim = neighbours && !neighbours.has(n.id);
                  return (
                    <g
                      key={n.id}
                      className={`graph-node ${selected?.id === n.id ? 'is-selected' : ''} ${dim ? 'is-dim' : ''}`}
                      transform={`translate(${n.x} ${n.y})`}
                      ref={(el) => {
                        if (el) nodeRefs.current.set(n.id, el);
                        else nodeRefs.current.delete(n.id);
                      }}
                      role="button"
                      tabIndex={n.id === rovingId ? 0 : -1}
                      aria-label={name}
                      onClick={() => {
                        setFocusId(n.id);
                        setSelected({ id: n.id, kind: n.kind });
                      }}
                      onKeyDown={(e) => onNodeKeyDown(e, n)}
                      onPointerEnter={() => setHovered(n.id)}
                      onPointerLeave={() => setHovered(null)}
                      onFocus={() => setHovered(n.id)}
                      onBlur={() => setHovered(null)}
                    >
                      <circle r={r} className={`node-${n.kind}`} />
                      {showLabels || hovered === n.id || selected?.id === n.id ? (
                        <text x={r + 4 * unit} y={4 * unit} className={`graph-label ${hidden ? 'has-hidden' : ''}`}>
                          {shown}
                        </text>
                      ) : null}
                      <title>{warning ? `${full}\n${warning}` : full}</title>
                    </g>
                  );
                })}
              </g>
            </svg>
          ) : null}
        </div>
      </div>
      {selected ? <DetailPane key={selected.id} config={ITEM_CONFIGS[selected.kind] as never} id={selected.id} onClose={() => setSelected(null)} /> : null}
    </div>
  );
}
