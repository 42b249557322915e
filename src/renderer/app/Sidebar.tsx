import { VIEWS, type ViewId } from './views';

interface SidebarProps {
  view: ViewId;
  onNavigate: (view: ViewId) => void;
  /** Watches still sampling, shown beside "Watches". */
  activeWatchCount: number;
}

export function Sidebar({ view, onNavigate, activeWatchCount }: SidebarProps) {
  return (
    <nav className="sidebar" aria-label="Views">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Heapdeck
      </div>
      {VIEWS.map((item, index) => (
        <button
          key={item.id}
          type="button"
          className={item.id === view ? 'nav-button active' : 'nav-button'}
          aria-current={item.id === view ? 'page' : undefined}
          data-testid={`nav-${item.id}`}
          title={`${item.label} (Alt+${index + 1})`}
          onClick={() => onNavigate(item.id)}
        >
          <span>{item.label}</span>
          {item.id === 'watches' && activeWatchCount > 0 && (
            <span className="nav-count" aria-label={`${activeWatchCount} watching`}>
              {activeWatchCount}
            </span>
          )}
        </button>
      ))}
    </nav>
  );
}
