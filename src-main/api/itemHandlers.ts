import { addCustodyEvent, listCustody } from '../evidence/custody';
import { updateEvidence } from '../evidence/evidenceService';
import { deleteItem, itemDetail, listItems } from '../items/itemOperations';
import { linkedItems } from '../items/linkedItems';
import { linkRecords, unlinkRecords } from '../links/linkService';
import { setWebsiteStatusNamingOrder } from '../links/setWebsiteStatusNamingOrder';
import { noteService } from '../notes/noteService';
import { orderService } from '../orders/orderService';
import { stakeholderService } from '../stakeholders/stakeholderService';
import { addWebsite, updateWebsite, websiteStatusHistory } from '../websites/websiteService';
import type { HandlerMap } from './Handlers';

type ItemChannels =
  | 'items.list' | 'items.get' | 'items.delete'
  | 'websites.add' | 'websites.update' | 'websites.setStatus' | 'websites.statusHistory'
  | 'orders.create' | 'orders.update' | 'stakeholders.create' | 'stakeholders.update' | 'notes.create' | 'notes.update'
  | 'evidence.update' | 'evidence.custody' | 'evidence.addCustody'
  | 'links.create' | 'links.delete' | 'links.list';

export const itemHandlers: HandlerMap<ItemChannels> = {
  'items.list': ({ kind, ...options }, s) => listItems(s.caseFile, kind, options),
  'items.get': (req, s) => itemDetail(s.caseFile, req.id, req.includeDeleted ? { includeDeleted: true } : {}),
  'items.delete': (req, s) => {
    deleteItem(s.caseFile, req.id);
    return null;
  },
  'websites.add': (req, s) => addWebsite(s.caseFile, req),
  'websites.update': (req, s) => updateWebsite(s.caseFile, req.id, req.patch, req.expectedHlc),
  'websites.setStatus': ({ id, status, ...options }, s) => setWebsiteStatusNamingOrder(s.caseFile, id, status, options),
  'websites.statusHistory': (req, s) => websiteStatusHistory(s.caseFile, req.id),
  'orders.create': (req, s) => orderService.create(s.caseFile, req),
  'orders.update': (req, s) => orderService.update(s.caseFile, req.id, req.patch, req.expectedHlc),
  'stakeholders.create': (req, s) => stakeholderService.create(s.caseFile, req),
  'stakeholders.update': (req, s) => stakeholderService.update(s.caseFile, req.id, req.patch, req.expectedHlc),
  'notes.create': (req, s) => noteService.create(s.caseFile, req),
  'notes.update': (req, s) => noteService.update(s.caseFile, req.id, req.patch, req.expectedHlc),
  'evidence.update': (req, s) => updateEvidence(s.caseFile, req.id, req.patch, req.expectedHlc),
  'evidence.custody': (req, s) => listCustody(s.caseFile, req.id),
  'evidence.addCustody': (req, s) => addCustodyEvent(s.caseFile, req),
  'links.create': (req, s) => linkRecords(s.caseFile, req),
  'links.delete': (req, s) => {
    unlinkRecords(s.caseFile, req.id);
    return null;
  },
  'links.list': (req, s) => linkedItems(s.caseFile, req.id, req.limit, req.offset),
};
