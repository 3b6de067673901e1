// First: configures zod before any schema is built (see zod-config.ts).
import './runtime/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectHost } from './runtime/host';
import { loadRuntimeConfig } from './runtime/runtime-config';

const root = createRoot(document.getElementById('root')!);
Promise.all([loadRuntimeConfig(), detectHost()]).then(
  ([config, host]) => {
    document.body.style.margin = '0';
    root.render(
      <StrictMode>
        <App config={config} host={host} />
      </StrictMode>,
    );
  },
  (error: unknown) => {
    root.render(<p role="alert">DX Navi could not start: {String(error)}</p>);
  },
);
