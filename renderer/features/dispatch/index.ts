// The dispatch feature: the coordinator's board, and the field status control on the assignee's schedule.
export { DispatchWorkspace } from './DispatchWorkspace';
export { FieldStatusControl } from './FieldStatusControl';
export { showRequestOnBoard, resetDispatchViewStore } from './dispatch-store';
