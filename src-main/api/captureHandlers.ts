import { listCaptureRecords, listCaptures } from '../captures/captureRows';
import { findCapturePages, getCapturePage } from '../captures/captureService';
import { importCapture, reparseCapture } from '../captures/importCapture';
import { resolveCaptureResource } from '../captures/resolveCaptureResource';
import { buildReplayDocument } from '../captures/buildReplayDocument';
import type { HandlerMap } from './Handlers';

type CaptureChannel = 'captures.import' | 'captures.list' | 'captures.pages' | 'captures.page' | 'captures.records' | 'captures.resource' | 'captures.replay' | 'captures.reparse';

export const captureHandlers: HandlerMap<CaptureChannel> = {
  'captures.import': ({ path, taskId, websiteId, createSites, again, ...fields }, s) => {
    const caseFile = s.caseFile;
    const task = s.startTask(taskId);
    return importCapture(caseFile, path, { ...fields, websiteId, createSites, again }, { onProgress: task.report, signal: task.signal }).finally(task.finish);
  },
  'captures.list': (req, s) => listCaptures(s.caseFile.db, req.evidenceId),
  'captures.pages': (req, s) => findCapturePages(s.caseFile, req, req.limit),
  'captures.page': (req, s) => getCapturePage(s.caseFile, req.id),
  'captures.records': (req, s) => listCaptureRecords(s.caseFile.db, req.captureId, req.afterSeq, req.limit),
  'captures.resource': (req, s) => resolveCaptureResource(s.caseFile.db, req.captureId, req.url, req.at),
  'captures.replay': (req, s) => buildReplayDocument(s.caseFile.db, req.captureId, req.url, req.at),
  'captures.reparse': ({ evidenceId, taskId }, s) => {
    const caseFile = s.caseFile;
    const task = s.startTask(taskId);
    return reparseCapture(caseFile, evidenceId, { onProgress: task.report, signal: task.signal }).finally(task.finish);
  },
};
