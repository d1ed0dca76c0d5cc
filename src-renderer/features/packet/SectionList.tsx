import type { PacketRequestOptions } from '../../../src-main/contract/DossierApi';
import { Icon } from '../../components/Icon';

export type PacketSectionName = NonNullable<PacketRequestOptions['sections']>[number];

/** Every section in the packet engine's default order (src-main/packet/PacketInput PACKET_SECTIONS). */
export const SECTION_LABELS: Record<PacketSectionName, string> = {
  cover: 'Cover page',
  toc: 'Table of contents',
  declaration: 'Declaration with hashes',
  index: 'Exhibit index',
  appendix: 'Appendix A: domains of the order',
  orders: 'Court orders',
  custody: 'Chain of custody report',
  audit: 'Audit chain heads',
  exhibits: 'Exhibits (cover sheet + pages)',
};

export interface SectionChoice {
  name: PacketSectionName;
  included: boolean;
}

/** The packet's sections as an ordered checklist: tick to include, move up or down to reorder. */
export function SectionList({ sections, onChange, appendixDisabled }: { sections: SectionChoice[]; onChange: (next: SectionChoice[]) => void; appendixDisabled: boolean }) {
  const move = (index: number, by: -1 | 1) => {
    const next = [...sections];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
  };
  return (
    <ol className="section-list" aria-label="Sections">
      {sections.map((section, index) => {
        const label = SECTION_LABELS[section.name];
        const disabled = section.name === 'appendix' && appendixDisabled;
        return (
          <li key={section.name} className={`section-item ${section.included && !disabled ? '' : 'is-off'}`}>
            <label className="check-label">
              <input
                type="checkbox"
                checked={section.included && !disabled}
                disabled={disabled}
                onChange={(e) => onChange(sections.map((s) => (s.name === section.name ? { ...s, included: e.target.checked } : s)))}
              />
              <span className="tabular faint">{index + 1}.</span> {label}
              {disabled ? <span className="faint small"> (choose an order first)</span> : null}
            </label>
            <span className="section-moves">
              <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Move ${label} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                <Icon name="arrowUp" size={13} />
              </button>
              <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Move ${label} down`} disabled={index === sections.length - 1} onClick={() => move(index, 1)}>
                <Icon name="arrowDown" size={13} />
              </button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
