import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The client is built into client/dist and served by the API server in production; in
// development Vite serves it and forwards /graphql to the API.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    proxy: { '/graphql': `http://localhost:${process.env.PORT ?? 4000}` },
  },
});
