import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/ApiProvider';
import { openConnection } from './api/connection';
import { launchSnapshotPath } from '../shared/launchSnapshot';
import { App } from './app/App';
import './styles/base.css';
import './styles/controls.css';
import './styles/layout.css';
import './styles/panels.css';
import './styles/tables.css';
import './styles/charts.css';
import './styles/tree.css';
import './styles/snapshots.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
// Read before the connection cleans the token out of the address bar.
const launchSnapshot = launchSnapshotPath(location.hash);
const connection = openConnection();
createRoot(container).render(
  <StrictMode>
    <ApiProvider connection={connection}>
      <App launchSnapshot={launchSnapshot} />
    </ApiProvider>
  </StrictMode>,
);
