import { useEffect, useRef, useState } from 'react';
import type { GraphData } from '../../../src-main/contract/DossierApi';
import type { GraphLayoutAnswer, GraphLayoutRequest } from './graphLayout.worker';
import { startGraphLayoutWorker } from './startGraphLayoutWorker';
import { seedGraph, type PlacedEdge, type PlacedNode } from './layoutGraph';

/** Marked on the page's timeline when the graph goes to the worker and when its positions arrive. */
export const GRAPH_SENT_MARK = 'dossier:graph-sent';
export const GRAPH_PLACED_MARK = 'dossier:graph-placed';

/** A placed graph, or null while the worker is still placing it. */
export type GraphLayout = { nodes: PlacedNode[]; edges: PlacedEdge[] } | null;

/**
 * Lays `data` out in a module worker from the app's own bundle (CSP `worker-src 'self'`); the
 * main thread only copies the positions it gets back onto freshly seeded nodes, so the window
 * keeps painting while a big case settles. One worker per graph view, ended when the view goes.
 */
export function useGraphLayout(data: GraphData | undefined): { layout: GraphLayout; error: string | null } {
  const workerRef = useRef<Worker | null>(null);
  const seqRef = useRef(0);
  const [layout, setLayout] = useState<GraphLayout>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const worker = startGraphLayoutWorker();
    workerRef.current = worker;
    return () => {
      worker.terminate();
      workerRef.current = null;
    };
  }, []);

  useEffect(() => {
    const worker = workerRef.current;
    if (!data || !worker) return;
    const seq = ++seqRef.current;
    const onMessage = (event: MessageEvent<GraphLayoutAnswer>) => {
      if (event.data.seq !== seqRef.current) return;
      // A user-timing mark (cheap, visible in DevTools) so `npm run bench` can tell the layout's
      // frames from the drawing's.
      performance.mark(GRAPH_PLACED_MARK);
      const placed = seedGraph(data);
      placed.nodes.forEach((n, i) => {
        n.x = event.data.x[i] ?? n.x;
        n.y = event.data.y[i] ?? n.y;
      });
      setError(null);
      setLayout(placed);
    };
    const onError = () => setError('The graph could not be laid out. Reload the view; the links are also listed in “Show as table”.');
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.postMessage({ seq, graph: data } satisfies GraphLayoutRequest);
    performance.mark(GRAPH_SENT_MARK);
    return () => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
    };
  }, [data]);

  return { layout, error };
}
