/**
 * Vite configuration of the admin console (管理后台). The console is a single-page app
 * served by the Gongkai server under /admin/, so every asset URL starts with /admin/.
 * Built by tools/build/build.mjs (`npm run build`, or `npm ci` through `prepare`).
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Folder of this file: src/web/admin. */
const adminRoot = path.dirname(fileURLToPath(import.meta.url));
/** The repository root, three levels up. */
const repoRoot = path.resolve(adminRoot, '../../..');

export default defineConfig({
  root: adminRoot,
  base: '/admin/',
  plugins: [react()],
  // The server runs beside the dev server during development: `vite dev` proxies the API.
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: path.join(repoRoot, 'dist/admin'),
    emptyOutDir: true,
    // The screens are lazy routes: Rollup puts the Ant Design components only one screen uses
    // (Table, Tree, DatePicker…) into that screen's chunks. What every page needs (Ant Design's
    // core, Form, Menu, TreeSelect for the switcher) stays in the entry chunk (about 250 kB gzipped, plus 100 kB for React).
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      output: {
        // React and the router change far less often than the console: their own chunk keeps caches warm.
        manualChunks(id) {
          return /node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//.test(id)
            ? 'react'
            : undefined;
        },
      },
    },
  },
});
