import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { GraphData } from '../../../src-main/contract/DossierApi';

export interface PlacedNode extends SimulationNodeDatum {
  id: string;
  kind: GraphData['nodes'][number]['kind'];
  title: string;
  degree: number;
  x: number;
  y: number;
}

export interface PlacedEdge {
  id: string;
  source: PlacedNode;
  target: PlacedNode;
  relation: string;
}

/**
 * The graph's nodes and edges with deterministic starting positions (so the same case always
 * looks the same) and each node's degree. Cheap: the main thread builds this, the worker too.
 */
export function seedGraph(data: GraphData): { nodes: PlacedNode[]; edges: PlacedEdge[] } {
  const degree = new Map<string, number>();
  for (const e of data.edges) {
    degree.set(e.from, (degree.get(e.from) ?? 0) + 1);
    degree.set(e.to, (degree.get(e.to) ?? 0) + 1);
  }
  const nodes: PlacedNode[] = data.nodes.map((n, i) => {
    const angle = i * 2.399963;
    const radius = 12 * Math.sqrt(i + 1);
    return { ...n, degree: degree.get(n.id) ?? 0, x: Math.cos(angle) * radius, y: Math.sin(angle) * radius };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = data.edges
    .filter((e) => byId.has(e.from) && byId.has(e.to))
    .map((e) => ({ id: e.id, source: byId.get(e.from)!, target: byId.get(e.to)!, relation: e.relation }));
  return { nodes, edges };
}

/**
 * Places the nodes with a force simulation run to rest up front (no animation: a still picture
 * is easier to read and costs nothing after layout). Unlinked items drift to the rim. Seconds of
 * work on a big case, so the app runs it in graphLayout.worker.ts, never on the main thread.
 */
export function layoutGraph(data: GraphData): { nodes: PlacedNode[]; edges: PlacedEdge[] } {
  const { nodes, edges } = seedGraph(data);
  const simulation = forceSimulation<PlacedNode>(nodes)
    .force('charge', forceManyBody<PlacedNode>().strength(-320).distanceMax(600))
    .force('link', forceLink<PlacedNode, PlacedEdge>(edges).id((n) => n.id).distance(120).strength(0.5))
    .force('collide', forceCollide<PlacedNode>((n) => 22 + Math.min(n.degree, 12)))
    .force('x', forceX<PlacedNode>(0).strength(0.04))
    .force('y', forceY<PlacedNode>(0).strength(0.04))
    .force('center', forceCenter(0, 0))
    .stop();
  const ticks = nodes.length > 1500 ? 120 : nodes.length > 500 ? 200 : 300;
  for (let i = 0; i < ticks; i++) simulation.tick();
  return { nodes, edges };
}
