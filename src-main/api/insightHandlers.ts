import { auditPage } from '../audit/auditPage';
import { auditReport } from '../integrity/auditReport';
import { linkGraph } from '../links/linkGraph';
import { caseOverview } from '../overview/caseOverview';
import { searchCase } from '../search/searchCase';
import { timeline } from '../timeline/timeline';
import type { HandlerMap } from './Handlers';

export const insightHandlers: HandlerMap<'search.query' | 'timeline.page' | 'graph.get' | 'audit.verify' | 'audit.page' | 'case.overview'> = {
  'search.query': (req, s) => searchCase(s.caseFile, req.text, { ...(req.limit ? { limit: req.limit } : {}), ...(req.kinds ? { kinds: req.kinds } : {}) }),
  'timeline.page': (req, s) => timeline(s.caseFile, req),
  'graph.get': (req, s) => linkGraph(s.caseFile, req.limit, { ...(req.relations ? { relations: req.relations } : {}), ...(req.kinds ? { kinds: req.kinds } : {}) }),
  'audit.verify': (_req, s) => auditReport(s.caseFile),
  'audit.page': (req, s) => auditPage(s.caseFile.db, req),
  'case.overview': (req, s) => caseOverview(s.caseFile, { withinDays: req.withinDays }),
};
