import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  caseUpdateSchema, evidenceUpdateSchema, noteUpdateSchema, orderUpdateSchema, stakeholderUpdateSchema, websiteUpdateSchema,
} from '../../../src-main/contract/schemas';
import { dossierJson } from '../../helpers/dossierInProcess';
import { tempDir } from '../../helpers/tempDir';

const UPDATE_SCHEMAS = {
  case: caseUpdateSchema, evidence: evidenceUpdateSchema, website: websiteUpdateSchema,
  order: orderUpdateSchema, stakeholder: stakeholderUpdateSchema, note: noteUpdateSchema,
};

describe('update schemas fill in nothing the patch did not give', () => {
  for (const [kind, schema] of Object.entries(UPDATE_SCHEMAS)) {
    it(`${kind}: an empty patch parses to no values (a create default would overwrite the stored field)`, () => {
      const parsed = schema.parse({}) as Record<string, unknown>;
      expect(Object.entries(parsed).filter(([, v]) => v !== undefined)).toEqual([]);
    });
  }

  it('dossier edit NOTE --title keeps the body, and every other kind keeps its untouched fields', async () => {
    const file = path.join(tempDir(), 'c.dossier');
    await dossierJson(['new', file, '--title', 't', '--jurisdiction', 'SDNY']);
    const note = await dossierJson<{ id: string }>(['note', 'add', file, '--title', 'Plan', '--body', 'the body']);
    await dossierJson(['edit', file, note.id, '--title', 'Plan B']);
    expect((await dossierJson<{ item: { title: string; body: string } }>(['show', file, note.id])).item).toMatchObject({ title: 'Plan B', body: 'the body' });

    const order = await dossierJson<{ id: string }>(['order', 'add', file, '--title', 'TRO', '--docket', '1:23', '--court', 'EDNY', '--type', 'tro', '--judge', 'J', '--summary', 'order summary']);
    await dossierJson(['edit', file, order.id, '--title', 'TRO 2']);
    expect((await dossierJson<{ item: Record<string, unknown> }>(['show', file, order.id])).item).toMatchObject({ title: 'TRO 2', judge: 'J', summary: 'order summary', status: expect.any(String) });

    const site = await dossierJson<{ id: string }>(['site', 'add', file, 'keep-me.com', '--registrar', 'GoDaddy', '--role', 'c2']);
    const before = (await dossierJson<{ item: Record<string, unknown> }>(['show', file, site.id])).item;
    await dossierJson(['edit', file, site.id, '--asn', 'AS13335']);
    const after = (await dossierJson<{ item: Record<string, unknown> }>(['show', file, site.id])).item;
    expect(after).toMatchObject({ registrar: 'GoDaddy', role: before.role, asn: 'AS13335' });

    await dossierJson(['edit', file, 'case', '--title', 'renamed']);
    const summary = await dossierJson<{ info: Record<string, unknown> }>(['info', file]);
    expect(summary.info).toMatchObject({ title: 'renamed', jurisdiction: 'SDNY' });
  });
});
