// The main navigation: one button per workspace the role may use; the current one carries aria-current.
import type { WorkspaceId } from './workspaces';
import { WORKSPACE_LABELS } from './workspaces';

export interface MainNavProps {
  items: readonly WorkspaceId[];
  current: WorkspaceId;
  onSelect: (workspace: WorkspaceId) => void;
}

export function MainNav({ items, current, onSelect }: MainNavProps) {
  return (
    <nav aria-label="Main" className="hc-nav">
      <ul className="hc-nav__list">
        {items.map((id) => (
          <li key={id}>
            <button
              type="button"
              className="hc-nav__item"
              aria-current={id === current ? 'page' : undefined}
              onClick={() => onSelect(id)}
            >
              {WORKSPACE_LABELS[id]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
