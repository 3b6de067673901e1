import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * `npm run build` (what is deployed) builds with `--mode deploy`: the tab only. Every other build (npm start, npm
 * test, benchmarks) also builds the dev chat page, which only the local stack serves.
 */
export default defineConfig(({ mode }) => ({
  root,
  plugins: [react()],
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: resolve(root, 'index.html'),
        ...(mode === 'deploy' ? {} : { devchat: resolve(root, 'devchat.html') }),
      },
    },
  },
}));
