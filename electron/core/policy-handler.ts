// The policy:get-effective handler: the effective policy (values with their sources) and the ignored values.
import { ipcOk } from '../../shared/ipc';
import type { IpcHandlers } from './ipc-dispatch';
import type { MergedPolicy } from './policy-merge';

const MAX_REPORTED_ISSUES = 200;

export function createPolicyHandler(merged: () => MergedPolicy): Pick<IpcHandlers, 'policy:get-effective'> {
  return {
    'policy:get-effective': () => {
      const { policy, issues } = merged();
      return ipcOk({ policy, issues: issues.slice(0, MAX_REPORTED_ISSUES) });
    },
  };
}
