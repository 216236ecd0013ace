import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { graphViews } from './src/routing/graph-views.ts';

/**
 * When the page first opened is a view that draws a graph (a shared link to a trace), index.html
 * starts fetching the drawing's chunk at once, beside the app's own code. Otherwise the chunk is
 * only asked for once the app has run, and is the last thing the drawing waits for.
 */
function preloadGraphChunkForGraphViews(): Plugin {
  return {
    name: 'preload-graph-chunk-for-graph-views',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunk = Object.values(bundle ?? {}).find((output) => output.type === 'chunk' && output.facadeModuleId?.endsWith('/src/graph/GraphView.tsx'));
        if (!chunk) throw new Error('No chunk of its own for src/graph/GraphView.tsx: is it still imported on demand (LazyGraphView)?');
        return [
          {
            tag: 'script',
            injectTo: 'head',
            // The view is read from the path as the app's router reads it (parseRoute).
            children: `if (${JSON.stringify(graphViews)}.includes(location.pathname.replace(/^\\/+|\\/+$/g, ''))) document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', crossOrigin: '', href: ${JSON.stringify(`/${chunk.fileName}`)} }));`,
          },
        ];
      },
    },
  };
}

// The client is built into client/dist and served by the API server in production; in
// development Vite serves it and forwards /graphql to the API. The build has no source maps:
// served, they would hand anyone the client's source as written.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), preloadGraphChunkForGraphViews()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    port: 5173,
    proxy: { '/graphql': `http://localhost:${process.env.PORT ?? 4000}`, '/auth/config': `http://localhost:${process.env.PORT ?? 4000}` },
  },
});
