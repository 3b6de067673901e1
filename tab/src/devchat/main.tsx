// First: configures zod before any schema is built (see zod-config.ts).
import '../runtime/zod-config';
import { createRoot } from 'react-dom/client';
import { detectHost } from '../runtime/host';
import { loadRuntimeConfig } from '../runtime/runtime-config';
import { DevChat } from './DevChat';

const root = createRoot(document.getElementById('root')!);
Promise.all([loadRuntimeConfig(), detectHost()]).then(
  ([config, host]) => {
    document.body.style.margin = '0';
    root.render(<DevChat config={config} host={host} />);
  },
  (error: unknown) => root.render(<p role="alert">Dev chat could not start: {String(error)}</p>),
);
