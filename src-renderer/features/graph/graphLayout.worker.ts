/**
 * The graph's force layout, off the main thread: a big case takes seconds to settle, and on the
 * main thread that froze the window. Receives the graph as the server sent it and answers with
 * positions only (two Float64Arrays in node order, transferred, not copied).
 */
import type { GraphData } from '../../../src-main/contract/DossierApi';
import { layoutGraph } from './layoutGraph';

/** What the page sends: one graph to place, tagged so a stale answer can be told apart. */
export interface GraphLayoutRequest {
  seq: number;
  graph: GraphData;
}

/** What the worker answers: x and y of node i at index i. */
export interface GraphLayoutAnswer {
  seq: number;
  x: Float64Array;
  y: Float64Array;
}

/** The dedicated-worker globals this file uses (the renderer's tsconfig types `self` as a Window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<GraphLayoutRequest>) => void) | null;
  postMessage(message: GraphLayoutAnswer, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  const { seq, graph } = event.data;
  const { nodes } = layoutGraph(graph);
  const x = new Float64Array(nodes.length);
  const y = new Float64Array(nodes.length);
  nodes.forEach((n, i) => {
    x[i] = n.x;
    y[i] = n.y;
  });
  scope.postMessage({ seq, x, y }, [x.buffer, y.buffer]);
};
