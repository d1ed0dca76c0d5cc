import { ItemsView } from '../items/ItemsView';
import { stakeholderConfig } from './stakeholderConfig';

export function StakeholdersView() {
  return <ItemsView config={stakeholderConfig} />;
}
