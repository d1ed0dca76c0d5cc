import { ItemsView } from '../items/ItemsView';
import { orderConfig } from './orderConfig';

export function OrdersView() {
  return <ItemsView config={orderConfig} />;
}
