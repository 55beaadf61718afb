// Lock now: a header button that locks the workstation at once (the same lock as when idle).
import { Button } from '../../ui';
import { lockWorkstation } from './lock-actions';

export function LockButton() {
  return <Button onClick={lockWorkstation}>Lock</Button>;
}
