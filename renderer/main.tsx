// Entry point: choose the host connection, build the typed client, mount the workbench.
import { createRoot } from 'react-dom/client';
import { createClient } from '../app/contract';
import { selectTransport } from './bridge/select-transport';
import { App } from './ui/App';
import { ErrorBanner } from './ui/ErrorBanner';
import { ErrorBoundary } from './ui/ErrorBoundary';

function mountPoint(): HTMLElement {
  const existing = document.getElementById('root');
  if (existing) return existing;
  const el = document.createElement('div');
  el.id = 'root';
  document.body.appendChild(el);
  return el;
}

const root = createRoot(mountPoint());
try {
  const transport = selectTransport();
  const client = createClient(transport.invoke);
  root.render(
    <ErrorBoundary>
      <App transport={transport} client={client} />
    </ErrorBoundary>,
  );
} catch (err) {
  root.render(<ErrorBanner message={err instanceof Error ? err.message : String(err)} />);
}
