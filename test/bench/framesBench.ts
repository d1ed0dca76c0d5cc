import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { writeTransaction } from '../../src-main/casefile/writeTransaction';
import { linkRecords } from '../../src-main/links/linkService';
import { orderService } from '../../src-main/orders/orderService';
import { DossierHarness, PAGE_SCRIPT } from '../e2e/harness/DossierHarness';
import { serveRenderer } from '../e2e/harness/staticServer';
import { largeCaseHost, largeSiteCase } from '../helpers/largeSiteCase';
import { type Figure, latencyFigure, percentile } from './Figure';

const SITES = Number(process.env.DOSSIER_BENCH_UI_SITES ?? 200_000);
const GRAPH_LINKS = 1_500;
/** The marks useGraphLayout.ts sets when the graph goes to the worker and when positions arrive (the test project cannot import the renderer; a rename makes the bench throw). */
const GRAPH_SENT_MARK = 'dossier:graph-sent';
const GRAPH_PLACED_MARK = 'dossier:graph-placed';

interface FrameRecord {
  /** Time between successive requestAnimationFrame callbacks, ms. */
  deltas: number[];
  /** When each of those frames ended (performance.now()). */
  frameEnds: number[];
  /** Durations of long tasks (over 50 ms, the browser's own threshold), ms. */
  longTasks: number[];
  /** When each long task started. */
  longTaskStarts: number[];
  /** When the graph went to the worker (GRAPH_SENT_MARK), if it did. */
  sentAt: number | null;
  /** When the graph's positions arrived from the worker (GRAPH_PLACED_MARK), if they did. */
  placedAt: number | null;
}

// The in-page code is a string: tsx (esbuild keepNames) would wrap named functions in a __name()
// helper that does not exist in the page.
const START_FRAMES = `(() => {
  const record = { deltas: [], frameEnds: [], longTasks: [], longTaskStarts: [], running: true };
  const observer = new PerformanceObserver((list) => { for (const entry of list.getEntries()) { record.longTasks.push(entry.duration); record.longTaskStarts.push(entry.startTime); } });
  performance.clearMarks('${GRAPH_SENT_MARK}');
  performance.clearMarks('${GRAPH_PLACED_MARK}');
  observer.observe({ type: 'longtask', buffered: false });
  let last = performance.now();
  const tick = (now) => { record.deltas.push(now - last); record.frameEnds.push(now); last = now; if (record.running) requestAnimationFrame(tick); };
  requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
  window.__frames = { record, observer };
})()`;

// One more frame and a pause first, so a task still running at the end is reported.
const STOP_FRAMES = `new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))).then(() => {
  const { record, observer } = window.__frames;
  record.running = false;
  observer.disconnect();
  const sent = performance.getEntriesByName('${GRAPH_SENT_MARK}')[0];
  const placed = performance.getEntriesByName('${GRAPH_PLACED_MARK}')[0];
  return { ...record, sentAt: sent ? sent.startTime : null, placedAt: placed ? placed.startTime : null };
})`;

/** Starts a rAF loop and a longtask PerformanceObserver in the page; stopFrames() returns what they saw. */
async function startFrames(page: Page): Promise<void> {
  await page.evaluate(START_FRAMES);
}

async function stopFrames(page: Page): Promise<FrameRecord> {
  return (await page.evaluate(STOP_FRAMES)) as FrameRecord;
}

/** Only the frames and long tasks that end (frames) or start (tasks) between two moments. */
function between(record: FrameRecord, from: number, to: number): FrameRecord {
  const keep = (t: number) => t > from && t <= to;
  const frames = record.frameEnds.map((t, i) => [t, record.deltas[i]!] as const).filter(([t]) => keep(t));
  const tasks = record.longTaskStarts.map((t, i) => [t, record.longTasks[i]!] as const).filter(([t]) => keep(t));
  return {
    deltas: frames.map(([, d]) => d),
    frameEnds: frames.map(([t]) => t),
    longTasks: tasks.map(([, d]) => d),
    longTaskStarts: tasks.map(([t]) => t),
    sentAt: record.sentAt,
    placedAt: record.placedAt,
  };
}

/** p95 frame time and the longest stall (longest task, or longest frame if no task was long) of one run. */
function summarise(record: FrameRecord): { p95: number; longest: number; frames: number } {
  const sorted = [...record.deltas].sort((a, b) => a - b);
  return { p95: percentile(sorted, 95), longest: Math.max(0, ...record.longTasks, ...record.deltas), frames: sorted.length };
}

/** Makes sure the renderer and the harness's page script are built (the same build the e2e suite uses). */
function ensureBuilt(): void {
  if (fs.existsSync('out/renderer/index.html') && fs.existsSync(PAGE_SCRIPT)) return;
  const built = spawnSync(process.execPath, ['scripts/run-e2e.mjs', '--list'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('Building the renderer for the frame bench failed (node scripts/run-e2e.mjs --list).');
}

/**
 * Frame times in Debian Chromium with the built renderer: scrolling the website list of a
 * 200,000-site case (End/Home and the wheel) and laying out a 1,500-link graph, each as p95 frame
 * time and longest stall, against an empty page's rAF loop measured in the same run.
 */
export async function framesBench(): Promise<Figure[]> {
  ensureBuilt();
  const source = await largeSiteCase(SITES);
  const server = await serveRenderer('out/renderer');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const harness = new DossierHarness(page, new URL(server.url).origin);
  try {
    // Baseline: the same browser idling on an empty page for two seconds.
    await page.goto('about:blank');
    await startFrames(page);
    await page.waitForTimeout(2_000);
    const baseline = summarise(await stopFrames(page));

    const file = harness.casePath('bench.dossier');
    fs.copyFileSync(source, file);
    await harness.attach();
    await harness.call('case.open', { path: file });
    const caseFile = harness.session.caseFile;
    writeTransaction(caseFile, () => {
      const order = orderService.create(caseFile, { title: 'Seizure order', docket: '1:24-cv-7', court: 'E.D. Va.', order_type: 'seizure' });
      const ids = caseFile.db.prepare('SELECT id FROM website ORDER BY rowid LIMIT ?').pluck().all(GRAPH_LINKS) as string[];
      for (const id of ids) linkRecords(caseFile, { from_id: order.id, to_id: id, relation: 'covers' });
    });
    await page.goto(server.url);
    const nav = page.getByRole('navigation', { name: 'Case sections' });
    await nav.getByRole('button', { name: /^Websites/ }).click();
    const grid = page.getByRole('grid');
    const row = (n: number) => grid.getByRole('row').filter({ hasText: largeCaseHost(n) });
    await row(1).waitFor();

    await grid.focus();
    await startFrames(page);
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('End');
      await row(SITES).waitFor();
      await page.keyboard.press('Home');
      await row(1).waitFor();
    }
    const keys = summarise(await stopFrames(page));

    await row(1).hover();
    await startFrames(page);
    for (let i = 0; i < 40; i++) {
      await page.mouse.wheel(0, 1_200);
      await page.waitForTimeout(30);
    }
    const wheel = summarise(await stopFrames(page));

    await startFrames(page);
    await nav.getByRole('button', { name: /^Graph/ }).click();
    await page.getByText(`${GRAPH_LINKS.toLocaleString('en-US')} links`).waitFor({ timeout: 120_000 });
    const graphRecord = await stopFrames(page);
    if (graphRecord.sentAt === null || graphRecord.placedAt === null) throw new Error('The graph was drawn but the layout marks are missing (renamed in useGraphLayout.ts?).');
    const layoutPhase = summarise(between(graphRecord, graphRecord.sentAt, graphRecord.placedAt));
    const graph = summarise(graphRecord);

    const note = (what: string, r: { frames: number }) =>
      `${what}; ${r.frames} frames; baseline: empty page's rAF loop in the same Chromium (${baseline.frames} frames), longest = longest task or frame`;
    return [
      latencyFigure(`ui: ${SITES} sites, End/Home x3, p95 frame`, keys.p95, baseline.p95, 'ms', note('End then Home three times', keys)),
      latencyFigure(`ui: ${SITES} sites, End/Home x3, longest stall`, keys.longest, baseline.longest, 'ms', note('End then Home three times', keys)),
      latencyFigure(`ui: ${SITES} sites, wheel, p95 frame`, wheel.p95, baseline.p95, 'ms', note('40 wheel steps of 1,200 px', wheel)),
      latencyFigure(`ui: ${SITES} sites, wheel, longest stall`, wheel.longest, baseline.longest, 'ms', note('40 wheel steps of 1,200 px', wheel)),
      latencyFigure(`ui: graph ${GRAPH_LINKS} links, while the worker lays out, p95 frame`, layoutPhase.p95, baseline.p95, 'ms', note(`from sending the graph to the worker until its positions arrive (${Math.round(graphRecord.placedAt - graphRecord.sentAt)} ms)`, layoutPhase)),
      latencyFigure(`ui: graph ${GRAPH_LINKS} links, while the worker lays out, longest stall`, layoutPhase.longest, baseline.longest, 'ms', note(`from sending the graph to the worker until its positions arrive (${Math.round(graphRecord.placedAt - graphRecord.sentAt)} ms)`, layoutPhase)),
      latencyFigure(`ui: graph ${GRAPH_LINKS} links, click to drawn, p95 frame`, graph.p95, baseline.p95, 'ms', note('from clicking Graph until drawn: switching views, layout in the worker, then React draws the 1,501 nodes on the main thread', graph)),
      latencyFigure(`ui: graph ${GRAPH_LINKS} links, click to drawn, longest stall`, graph.longest, baseline.longest, 'ms', note('from clicking Graph until drawn: switching views, layout in the worker, then React draws the 1,501 nodes on the main thread', graph)),
    ];
  } finally {
    await browser.close();
    await server.close();
    harness.dispose();
  }
}
