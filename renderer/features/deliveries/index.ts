// Deliveries feature: the dispatcher's Deliveries list (assign a courier, pharmacy steps) and the courier view.
export { DispatcherDeliveries } from './DispatcherDeliveries';
export { CourierDeliveries } from './CourierDeliveries';
