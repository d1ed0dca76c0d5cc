import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { spellOutControls } from '../contract/controlCharacters';
import { DossierError } from '../contract/errors';

/** Which order an appendix belongs to, and how to reach each registry, as recorded in the case. */
export interface AppendixHeading {
  /** "Appendix A to the Ex Parte Temporary Restraining Order of 2025-03-12 (ECF No. 17)". */
  heading: string;
  /** Short form for the CSV's order column: "Ex Parte Temporary Restraining Order (ECF No. 17)". */
  order: string;
  /** Contact line for a registry name ("Verisign (.com)"), or null when none is recorded. */
  registryContact: (registry: string) => string | null;
}

/**
 * The heading naming the order (title, date granted or filed, ECF number) and the registries'
 * contacts from the case's stakeholders of kind "registry" (matched by name or organisation, or
 * as the start of the registry's name: stakeholder "Verisign" for registry "Verisign (.com)").
 */
export function appendixHeading(caseFile: CaseFile, orderId: string): AppendixHeading {
  const order = prepareCached(caseFile.db, 'SELECT title, ecf_number, granted_at, filed_at FROM court_order WHERE id = ? AND deleted_at IS NULL').get(orderId) as
    | { title: string; ecf_number: string | null; granted_at: string | null; filed_at: string | null }
    | undefined;
  if (!order) throw new DossierError('NOT_FOUND', `No court order with id ${orderId} in this case.`);
  const date = (order.granted_at ?? order.filed_at)?.slice(0, 10);
  // Printed as one line (CLI, CSV, packet): a line break in a stored value is spelled out, never printed.
  const ecf = order.ecf_number ? `ECF No. ${spellOutControls(order.ecf_number)}` : 'ECF No. not recorded';
  const stakeholders = prepareCached(
    caseFile.db,
    "SELECT name, organization, email, phone, address FROM stakeholder WHERE kind = 'registry' AND deleted_at IS NULL ORDER BY name, id",
  ).all() as { name: string; organization: string | null; email: string | null; phone: string | null; address: string | null }[];
  return {
    heading: `Appendix A to the ${order.title}${date ? ` of ${date}` : ''} (${ecf})`,
    order: `${order.title} (${ecf})`,
    registryContact: (registry) => {
      const r = registry.toLowerCase();
      const match =
        stakeholders.find((s) => s.name.toLowerCase() === r || s.organization?.toLowerCase() === r) ??
        stakeholders.find((s) => r.startsWith(s.name.toLowerCase()) || (s.organization && r.startsWith(s.organization.toLowerCase())));
      // A stakeholder with no e-mail, phone or address gives no way to reach the registry.
      if (!match || !(match.email || match.phone || match.address)) return null;
      const parts = [match.organization && match.organization !== match.name ? `${match.name}, ${match.organization}` : match.name, match.email, match.phone, match.address?.replace(/\s*\n\s*/g, ', ')];
      return spellOutControls(parts.filter((p): p is string => !!p).join(' · '));
    },
  };
}
