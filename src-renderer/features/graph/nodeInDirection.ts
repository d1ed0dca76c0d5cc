import type { PlacedEdge, PlacedNode } from './layoutGraph';

export type Direction = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

const VECTORS: Record<Direction, [number, number]> = {
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
};

/**
 * The node an arrow key moves to: the nearest linked neighbour roughly in that direction (within
 * 60 degrees); when no neighbour lies that way, the nearest node of the whole graph that does.
 * Distance is weighted against the angle so "right" prefers what is straight to the right.
 */
export function nodeInDirection(nodes: readonly PlacedNode[], edges: readonly PlacedEdge[], from: PlacedNode, direction: Direction): PlacedNode | null {
  const [dx, dy] = VECTORS[direction];
  const best = (candidates: Iterable<PlacedNode>): PlacedNode | null => {
    let found: PlacedNode | null = null;
    let score = Infinity;
    for (const node of candidates) {
      if (node.id === from.id) continue;
      const vx = node.x - from.x;
      const vy = node.y - from.y;
      const distance = Math.hypot(vx, vy);
      if (distance === 0) continue;
      const cos = (vx * dx + vy * dy) / distance;
      if (cos < 0.5) continue;
      const weighted = distance * (2 - cos);
      if (weighted < score) {
        score = weighted;
        found = node;
      }
    }
    return found;
  };
  const neighbours = new Set<PlacedNode>();
  for (const edge of edges) {
    if (edge.source.id === from.id) neighbours.add(edge.target);
    if (edge.target.id === from.id) neighbours.add(edge.source);
  }
  return best(neighbours) ?? best(nodes);
}
