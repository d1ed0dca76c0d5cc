import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { BIDI_CONTROL, CONTROL_CHARACTER, spellOutControls } from '../contract/controlCharacters';
import { DossierError } from '../contract/errors';
import type { AppendixGroup, AppendixRow } from '../contract/DossierApi';

export type { AppendixGroup, AppendixRow };


export const NOT_RECORDED = '(not recorded)';

/**
 * The websites an order covers (its "covers" links), each with the registry and registrar of its
 * registrable domain: the values recorded on any of the order's names under that domain
 * (www.example.com may carry them when example.com does not), several joined by "; " where the
 * names disagree, "(not recorded)" only where none records one. Registry and registrar belong to
 * the registrable domain, not to a name under it; taking them per name split one domain into two
 * Appendix A rows. IP addresses are their own key (they have no registrable domain).
 * One parameter: the order id. Shared by iterateAppendix and appendixOutline, so rows and outline agree.
 */
const COVERED_SITES = `
  WITH covered AS (
    SELECT w.*, coalesce(w.registrable_domain, w.host_ascii) AS domain_key
    FROM link l JOIN website w ON w.id = l.to_id
    WHERE l.from_id = ? AND l.relation = 'covers' AND l.deleted_at IS NULL AND w.deleted_at IS NULL
  ),
  registries AS (
    SELECT domain_key, group_concat(value, '; ' ORDER BY value COLLATE NOCASE, value) AS value
    FROM (SELECT DISTINCT domain_key, registry AS value FROM covered WHERE nullif(registry, '') IS NOT NULL) GROUP BY domain_key
  ),
  registrars AS (
    SELECT domain_key, group_concat(value, '; ' ORDER BY value COLLATE NOCASE, value) AS value
    FROM (SELECT DISTINCT domain_key, registrar AS value FROM covered WHERE nullif(registrar, '') IS NOT NULL) GROUP BY domain_key
  ),
  sites AS (
    SELECT c.*, coalesce(ry.value, '${NOT_RECORDED}') AS domain_registry, coalesce(rr.value, '${NOT_RECORDED}') AS domain_registrar
    FROM covered c LEFT JOIN registries ry USING (domain_key) LEFT JOIN registrars rr USING (domain_key)
  )`;

/**
 * The domains an order covers, grouped by registry then registrar (then registrable domain and
 * host), streamed in that order so a million-domain appendix is never held in memory. Change
 * together with the packet's Appendix A section.
 */
export function* iterateAppendix(caseFile: CaseFile, orderId: string): IterableIterator<AppendixRow> {
  const order = prepareCached(caseFile.db, 'SELECT id FROM court_order WHERE id = ? AND deleted_at IS NULL').get(orderId);
  if (!order) throw new DossierError('NOT_FOUND', `No court order with id ${orderId} in this case.`);
  const rows = prepareCached(
    caseFile.db,
    `${COVERED_SITES}
     SELECT domain_registry AS registry, domain_registrar AS registrar,
            registrar_iana_id, registrant, host_unicode, host_ascii, host_kind, url_path, status, id AS website_id,
            registrable_domain, flags
     FROM sites
     ORDER BY registry COLLATE NOCASE, registrar COLLATE NOCASE, domain_key,
              length(host_ascii), host_ascii, coalesce(url_path, ''), id`,
  );
  for (const row of rows.iterate(orderId) as IterableIterator<AppendixRow>) yield oneLineRow(row);
}

/**
 * The row with control characters spelled out (`\x0a`) in the fields printed as one line: the
 * contract refuses them, but a case file written by an older version or a merged copy may hold
 * one, and a line break in a registrar must not print as a registrar heading or a domain of its own.
 */
function oneLineRow(row: AppendixRow): AppendixRow {
  const { registry, registrar, registrar_iana_id, registrant, url_path } = row;
  const printed = `${registry}${registrar}${registrar_iana_id ?? ''}${registrant ?? ''}${url_path ?? ''}`;
  if (!CONTROL_CHARACTER.test(printed) && !BIDI_CONTROL.test(printed)) return row;
  return {
    ...row,
    registrar_iana_id: registrar_iana_id === null ? null : spellOutControls(registrar_iana_id),
    registry: spellOutControls(registry),
    registrar: spellOutControls(registrar),
    registrant: registrant === null ? null : spellOutControls(registrant),
    url_path: url_path === null ? null : spellOutControls(url_path),
  };
}


/** Counts per registry and registrar: the appendix's outline, cheap even for huge orders. */
export function appendixOutline(caseFile: CaseFile, orderId: string): AppendixGroup[] {
  const rows = prepareCached(
    caseFile.db,
    `${COVERED_SITES}
     SELECT domain_registry AS registry, domain_registrar AS registrar, max(registrar_iana_id) AS registrar_iana_id, count(*) AS count
     FROM sites GROUP BY 1, 2 ORDER BY 1 COLLATE NOCASE, 2 COLLATE NOCASE`,
  ).all(orderId) as { registry: string; registrar: string; registrar_iana_id: string | null; count: number }[];
  const groups: AppendixGroup[] = [];
  for (const row of rows) {
    let group = groups[groups.length - 1];
    if (!group || group.registry !== row.registry) {
      group = { registry: spellOutControls(row.registry), registrars: [], count: 0 };
      groups.push(group);
    }
    group.registrars.push({ registrar: spellOutControls(row.registrar), registrar_iana_id: row.registrar_iana_id, count: row.count });
    group.count += row.count;
  }
  return groups;
}
