import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { GraphData } from '../contract/DossierApi';
import { DossierError } from '../contract/errors';
import { itemRef } from '../items/itemSpecs';

/**
 * The link graph for the Graph view, bounded: at most `limit` links (newest first) and their
 * endpoints, plus the case's unlinked orders, stakeholders, notes and evidence (small kinds).
 */
export function linkGraph(caseFile: CaseFile, limit = 1500): GraphData {
  const links = prepareCached(
    caseFile.db,
    'SELECT id, from_id, to_id, relation FROM link WHERE deleted_at IS NULL ORDER BY created_at DESC LIMIT ?',
  ).all(limit + 1) as { id: string; from_id: string; to_id: string; relation: string }[];
  const truncated = links.length > limit;
  const nodes = new Map<string, GraphData['nodes'][number]>();
  const addNode = (id: string): boolean => {
    if (nodes.has(id)) return true;
    try {
      const ref = itemRef(caseFile, id);
      nodes.set(id, { id, kind: ref.kind, title: ref.title });
      return true;
    } catch (error) {
      if (error instanceof DossierError && error.code === 'NOT_FOUND') return false;
      throw error;
    }
  };
  const edges: GraphData['edges'] = [];
  for (const link of links.slice(0, limit)) {
    if (addNode(link.from_id) && addNode(link.to_id)) {
      edges.push({ id: link.id, from: link.from_id, to: link.to_id, relation: link.relation });
    }
  }
  for (const table of ['court_order', 'stakeholder', 'note', 'evidence']) {
    const ids = prepareCached(caseFile.db, `SELECT id FROM ${table} WHERE deleted_at IS NULL ORDER BY created_at LIMIT 200`).pluck().all() as string[];
    for (const id of ids) addNode(id);
  }
  const totalEdges = truncated
    ? (prepareCached(caseFile.db, 'SELECT count(*) FROM link WHERE deleted_at IS NULL').pluck().get() as number)
    : links.length;
  return { nodes: [...nodes.values()], edges, truncated, totalEdges };
}
