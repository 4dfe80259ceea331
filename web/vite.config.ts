/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` serves the app with hot reload and forwards the api to a running stack
// (./bookhub start, or BOOKHUB_API_URL); the gateways' URLs come from the api's /api/config.
const api = process.env.BOOKHUB_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    // Straight into the jar Maven packages: the api serves classpath:/static.
    outDir: 'target/classes/static',
    emptyOutDir: true,
  },
  server: { proxy: { '/api': api } },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // The first render of a file can take seconds on a busy two-core machine.
    testTimeout: 15_000,
  },
});
