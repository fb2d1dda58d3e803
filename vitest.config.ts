import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Unit and component tests only: Playwright specs live in tests/e2e and run through scripts/e2e.mjs.
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['tests/global-tmp.ts'],
  },
});
