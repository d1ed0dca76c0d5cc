import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import type { GraphData } from '../contract/DossierApi';
import type { ItemKind } from '../contract/enums';
import { DossierError } from '../contract/errors';
import { itemRef } from '../items/itemSpecs';

/** Which links the graph draws: only these relations and/or links touching these kinds of item. */
export interface GraphFilter {
  relations?: readonly string[];
  kinds?: readonly ItemKind[];
}

/**
 * The link graph for the Graph view, bounded: at most `limit` links (newest first) that pass the
 * filter, and their endpoints, plus the case's unlinked orders, stakeholders, notes and evidence
 * (small kinds). `totalEdges` counts every link passing the filter, so the view can say
 * "1,500 of 205,800 shown"; `relations` counts every live link by relation, to choose from.
 */
export function linkGraph(caseFile: CaseFile, limit = 1500, filter: GraphFilter = {}): GraphData {
  const where = ['deleted_at IS NULL'];
  const params: string[] = [];
  if (filter.relations?.length) {
    where.push(`relation IN (${filter.relations.map(() => '?').join(', ')})`);
    params.push(...filter.relations);
  }
  if (filter.kinds?.length) {
    const marks = filter.kinds.map(() => '?').join(', ');
    where.push(`(from_kind IN (${marks}) OR to_kind IN (${marks}))`);
    params.push(...filter.kinds, ...filter.kinds);
  }
  const condition = where.join(' AND ');
  const links = prepareCached(
    caseFile.db,
    `SELECT id, from_id, to_id, relation FROM link WHERE ${condition} ORDER BY created_at DESC LIMIT ?`,
  ).all(...params, limit + 1) as { id: string; from_id: string; to_id: string; relation: string }[];
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
    ? (prepareCached(caseFile.db, `SELECT count(*) FROM link WHERE ${condition}`).pluck().get(...params) as number)
    : links.length;
  const relations = prepareCached(
    caseFile.db,
    'SELECT relation, count(*) AS count FROM link WHERE deleted_at IS NULL GROUP BY relation ORDER BY count DESC, relation',
  ).all() as { relation: string; count: number }[];
  return { nodes: [...nodes.values()], edges, truncated, totalEdges, relations };
}
