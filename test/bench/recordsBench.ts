import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCase } from '../../src-main/case/caseInfo';
import { closeCaseFile } from '../../src-main/casefile/openCaseFile';
import { writeTransaction } from '../../src-main/casefile/writeTransaction';
import { stakeholderService } from '../../src-main/stakeholders/stakeholderService';
import { searchCase } from '../../src-main/search/searchCase';
import { type Figure, latencyFigure, percentile, throughputFigure } from './Figure';

const ROWS = 100_000;
const BATCH = 1000;
const WORDS = ['registrar', 'registry', 'hosting', 'counsel', 'partner', 'victim', 'payments', 'captcha', 'outlook', 'phishing', 'seizure', 'abuse'];

function row(i: number) {
  return {
    name: `Stakeholder ${i} ${WORDS[i % WORDS.length]}`,
    organization: `Org ${i % 977} ${WORDS[(i * 7) % WORDS.length]}`,
    kind: 'other' as const,
    role: `role ${WORDS[(i * 3) % WORDS.length]} ${i % 10 === 0 ? 'rareword' + i : ''}`,
    email: `person${i}@example.org`,
  };
}

/** 100k records through the services (validation, history, audit, FTS) against bare prepared inserts. */
export function recordsBench(): Figure[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-'));
  const actor = { name: 'bench', device: 'bench' };
  try {
    const bare = createCase(path.join(dir, 'bare.dossier'), { title: 'bare' }, actor);
    const insert = bare.db.prepare(
      `INSERT INTO stakeholder (id, name, organization, kind, role, email, created_at, created_by, updated_at, updated_by, hlc)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let start = performance.now();
    for (let b = 0; b < ROWS; b += BATCH) {
      bare.db.transaction(() => {
        for (let i = b; i < b + BATCH; i += 1) {
          const r = row(i);
          const now = new Date().toISOString();
          insert.run(`id-${i}`, r.name, r.organization, r.kind, r.role, r.email, now, 'bench', now, 'bench', now);
        }
      })();
    }
    const bareRate = ROWS / ((performance.now() - start) / 1000);

    const ours = createCase(path.join(dir, 'services.dossier'), { title: 'services' }, actor);
    start = performance.now();
    for (let b = 0; b < ROWS; b += BATCH) {
      writeTransaction(ours, () => {
        for (let i = b; i < b + BATCH; i += 1) stakeholderService.create(ours, row(i));
      });
    }
    const ourRate = ROWS / ((performance.now() - start) / 1000);

    const queries = [...WORDS, 'rareword5000', 'rareword99990', 'org 12', 'person777', 'nothingmatches'];
    const ourTimes: number[] = [];
    const bareTimes: number[] = [];
    const bareSearch = ours.db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT 50');
    for (let round = 0; round < 5; round += 1) {
      for (const q of queries) {
        let t = performance.now();
        searchCase(ours, q, { limit: 50 });
        ourTimes.push(performance.now() - t);
        t = performance.now();
        bareSearch.all(`"${q.split(' ')[0]}"*`);
        bareTimes.push(performance.now() - t);
      }
    }
    ourTimes.sort((a, b) => a - b);
    bareTimes.sort((a, b) => a - b);
    closeCaseFile(bare);
    closeCaseFile(ours);
    return [
      throughputFigure('records.add_100k_via_services', ourRate, bareRate, 'rows/s', 'baseline: bare prepared INSERT loop, same rows, same batches'),
      latencyFigure('search.p50_100k', percentile(ourTimes, 50), percentile(bareTimes, 50), 'ms', 'baseline: bare FTS5 MATCH LIMIT 50'),
      latencyFigure('search.p95_100k', percentile(ourTimes, 95), percentile(bareTimes, 95), 'ms', 'baseline: bare FTS5 MATCH LIMIT 50'),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
