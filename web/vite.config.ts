// The web application's build: served by the API under /app/ (api/plugins/web-app.ts).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  // `npm run dev:web`: the pages reload as they change, the API answers from npm start.
  server: { proxy: { '^/(?!app/).*': { target: 'http://127.0.0.1:3000', changeOrigin: false } } },
});
