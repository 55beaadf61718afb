// What a mutation handler is given and what it answers.
import type { Queryable } from '../../db/database';
import type { Principal } from '../../http/request-context';
import type { EntityState, RejectionReason } from '../../../shared/sync/protocol';
import type { MutationArgs, MutationName } from '../../../shared/sync/mutations';
import type { Role } from '../../../shared/domain/roles';

export interface MutationContext {
  tx: Queryable;
  principal: Principal;
  clientId: string;
  baseVersion: number | undefined;
  now: Date;
}

export type MutationOutcome =
  | { status: 'applied'; state: EntityState; patientId: string | null }
  | {
      status: 'rejected';
      reason: RejectionReason;
      message: string;
      current: EntityState | null;
      patientId: string | null;
      /** Keep what the handler wrote before rejecting (e.g. the losing side of a conflict). Default: roll back. */
      keepWrites?: boolean;
    };

export interface MutationHandler<N extends MutationName = MutationName> {
  name: N;
  roles: readonly Role[];
  apply(ctx: MutationContext, args: MutationArgs<N>): Promise<MutationOutcome>;
}

export const reject = (reason: RejectionReason, message: string, current: EntityState | null = null, patientId: string | null = null): MutationOutcome => ({
  status: 'rejected', reason, message, current, patientId,
});
