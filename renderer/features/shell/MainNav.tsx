// The main navigation: one button per workspace the role may use; the current one carries aria-current.
// A workspace may show a count (e.g. unread messages) beside its button, read out as the button's description.
import type { WorkspaceId } from './workspaces';
import { WORKSPACE_LABELS } from './workspaces';

export interface MainNavProps {
  items: readonly WorkspaceId[];
  current: WorkspaceId;
  onSelect: (workspace: WorkspaceId) => void;
  /** Short counts to show beside workspaces, e.g. { inbox: '3 unread' }. */
  counts?: Partial<Record<WorkspaceId, string>>;
}

export function MainNav({ items, current, onSelect, counts = {} }: MainNavProps) {
  return (
    <nav aria-label="Main" className="hc-nav">
      <ul className="hc-nav__list">
        {items.map((id) => {
          const count = counts[id];
          const countId = `hc-nav-count-${id}`;
          return (
            <li key={id} className="hc-nav__entry">
              <button
                type="button"
                className="hc-nav__item"
                aria-current={id === current ? 'page' : undefined}
                aria-describedby={count ? countId : undefined}
                onClick={() => onSelect(id)}
              >
                {WORKSPACE_LABELS[id]}
              </button>
              {count ? <span id={countId} className="hc-nav__count">{count}</span> : null}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
