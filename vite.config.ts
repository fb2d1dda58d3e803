import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { ocrAssets } from './scripts/ocr-assets';

// The renderer. `base: './'` so the same build is served from app://desk/ in Electron and from
// http://127.0.0.1:<port>/ by `npm run web`.
export default defineConfig({
  plugins: [react(), ocrAssets()],
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});
