// Deliveries feature: the dispatcher's Deliveries list (pharmacy steps; couriers assigned on the dispatch board,
// or here outside the service cities) and the courier view.
export { DispatcherDeliveries } from './DispatcherDeliveries';
export { CourierDeliveries } from './CourierDeliveries';
