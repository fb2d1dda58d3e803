import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { ocrAssets } from './scripts/ocr-assets';
import { CONTENT_SECURITY_POLICY } from './electron/security';

// The renderer. `base: './'` so the same build is served from app://desk/ in Electron and from
// http://127.0.0.1:<port>/ by `npm run web`.
export default defineConfig({
  plugins: [
    react(),
    ocrAssets(),
    // The same build installs on a phone as an offline app (issue 19): a manifest that opens the quick log and
    // a service worker that precaches the app shell. The OCR files (megabytes, desktop use) are not precached.
    // The service worker is registered by src/main.tsx on http(s) only, never in the Electron shell.
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: {
        name: '장애 손실 계산기 · 빠른 기록',
        short_name: '빠른 기록',
        description: '장애 동안 받은 콜과 놓친 콜을 휴대폰에 바로 기록해요 / log calls on the phone while an outage lasts',
        lang: 'ko',
        start_url: './#/records/quick',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f4e79',
        icons: [{ src: 'pwa-icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,woff2}'],
        globIgnores: ['ocr/**'],
        maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
        navigateFallback: 'index.html',
      },
    }),
  ],
  base: './',
  // A library's eval-based feature probe swapped for its known answer (see the file): no CSP report.
  resolve: { alias: { '@stdlib/assert-has-generator-support': fileURLToPath(new URL('./src/vendor-shims/stdlib-has-generator-support.cjs', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
  // The shell's own Content-Security-Policy on every preview response: the e2e suite (and `npm run web`) run
  // the renderer under exactly the policy Electron enforces, so the OCR worker, its WebAssembly, the PDF
  // preview and downloads are checked against it even where the Electron binary cannot be run.
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});
