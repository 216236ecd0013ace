/**
 * `npx tsx bench/client-graph.ts [runs]`: how fast the client draws a large trace. Loads the
 * BUILT client (client/dist; `npm run build` first) from a small local server in real headless
 * Chromium, answers the trace query with a synthetic trace of 800 nodes and 1,200 links (2,000
 * elements) instead of asking the API, opens /trace?id=… and reads GraphController's User
 * Timing entries (client/src/graph/timings.ts):
 *
 * - first render: when Cytoscape first drew the graph, from navigation start;
 * - laid out: when the layout's positions were applied and the view fitted, from navigation start;
 * - layout: computing the layered layout alone; set graph: the whole synchronous update;
 *
 * then counts animation frames for two seconds while panning, with the whole graph in view and
 * at 100% zoom (where every label is drawn): by cy.panBy every frame, and by dragging with the
 * mouse, which is how people pan and what Cytoscape's textureOnViewport speeds up. Targets: a
 * laid-out graph within 1 s and panning at 30 frames a second or more. No Neo4j needed.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../client/test/browser.ts';
import { syntheticTrace } from '../client/src/graph/synthetic.ts';
import { graphTimings } from '../client/src/graph/timings.ts';
import { serveClient } from '../server/src/http/static-files.ts';

const runs = Number(process.argv[2] ?? 3);
const panMs = 2_000;
const targets = { laidOutMs: 1_000, fps: 30 };

const dist = fileURLToPath(new URL('../client/dist/', import.meta.url));
if (!existsSync(`${dist}index.html`)) {
  console.error('client/dist is missing: run `npm run build` first.');
  process.exit(1);
}

const server = createServer(async (request, response) => {
  const answer = await serveClient(dist, new URL(request.url ?? '/', 'http://localhost').pathname);
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  response.end(Buffer.from(await answer.arrayBuffer()));
});
await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const trace = syntheticTrace(800, 1_200);
const elements = trace.subgraph.nodes.length + trace.subgraph.edges.length;
const body = JSON.stringify({ data: { trace: { __typename: 'Trace', ...trace, paths: trace.paths.map((path) => ({ __typename: 'TracePath', ...path })) } } });

interface Run {
  dataMs: number;
  firstRenderMs: number;
  laidOutMs: number;
  layoutMs: number;
  setGraphMs: number;
  overviewFps: number;
  zoomedFps: number;
  overviewDragFps: number;
  zoomedDragFps: number;
}

type Counter = { frames: number; started: number; running: boolean };

/** Frames the page draws per second while the mouse drags the graph around for `panMs`. */
async function draggingFps(page: Page, zoom: number | null): Promise<number> {
  const box = (await page.locator('.graph-canvas').boundingBox())!;
  await page.evaluate((zoom) => {
    const { cy } = (document.querySelector('.graph-canvas') as HTMLElement & { _cyreg: { cy: Core } })._cyreg;
    cy.fit(undefined, 24);
    if (zoom !== null) cy.zoom({ level: zoom, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    const counter: Counter = { frames: 0, started: performance.now(), running: true };
    (window as unknown as { frameCounter: Counter }).frameCounter = counter;
    const tick = () => {
      if (!counter.running) return;
      counter.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, zoom);
  // Start in the padding the fit leaves, on no node, so the drag pans.
  const start = { x: box.x + 8, y: box.y + 8 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const ends = Date.now() + panMs;
  for (let step = 1; Date.now() < ends; step++) await page.mouse.move(start.x + 150 * Math.sin(step / 15) + 150, start.y + 80 * (1 - Math.cos(step / 15)));
  await page.mouse.up();
  return page.evaluate(() => {
    const counter = (window as unknown as { frameCounter: Counter }).frameCounter;
    counter.running = false;
    return (counter.frames * 1_000) / (performance.now() - counter.started);
  });
}

/** Frames drawn per second while the view pans a little every frame, for `panMs`. */
function panningFps(page: Page, zoom: number | null): Promise<number> {
  // Runs in the page: Cytoscape keeps its instance on the container as `_cyreg`.
  return page.evaluate(
    ({ zoom, panMs }) => {
      const container = document.querySelector('.graph-canvas') as HTMLElement & { _cyreg: { cy: Core } };
      const { cy } = container._cyreg;
      cy.fit(undefined, 24);
      if (zoom !== null) cy.zoom({ level: zoom, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      return new Promise<number>((done) => {
        let frames = 0;
        let direction = 1;
        const started = performance.now();
        const frame = (now: number) => {
          frames++;
          if (frames % 60 === 0) direction = -direction;
          cy.panBy({ x: 6 * direction, y: 2 * direction });
          if (now - started < panMs) requestAnimationFrame(frame);
          else done((frames * 1_000) / (now - started));
        };
        requestAnimationFrame(frame);
      });
    },
    { zoom, panMs },
  );
}

async function measure(): Promise<Run> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // tsx keeps function names by wrapping functions in __name(), which pages do not define.
    await page.addInitScript('globalThis.__name = (target) => target;');
    // urql sends queries as GET /graphql?operationName=…; answer the trace, refuse the rest.
    await page.route(
      (url) => url.pathname === '/graphql',
      async (route) => {
        const operation = new URL(route.request().url()).searchParams.get('operationName');
        if (operation === 'TraceView_Trace') await route.fulfill({ contentType: 'application/json', body });
        else
          await route.fulfill({
            contentType: 'application/json',
            body: JSON.stringify({ data: null, errors: [{ message: `${operation} is not part of this benchmark.` }] }),
          });
      },
    );
    await page.goto(`${origin}/trace?id=${encodeURIComponent(trace.root.id)}`);
    await page.waitForFunction(
      (names) => performance.getEntriesByName(names.laidOut).length > 0 && performance.getEntriesByName(names.firstRender).length > 0,
      graphTimings,
      { timeout: 60_000 },
    );
    const timings = await page.evaluate((names) => {
      const first = (name: string) => performance.getEntriesByName(name)[0]!;
      const data = performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname === '/graphql') as
        | PerformanceResourceTiming
        | undefined;
      return {
        dataMs: data?.responseEnd ?? NaN,
        firstRenderMs: first(names.firstRender).startTime,
        laidOutMs: first(names.laidOut).startTime,
        layoutMs: first(names.layout).duration,
        setGraphMs: first(names.setGraph).duration,
      };
    }, graphTimings);
    const overviewFps = await panningFps(page, null);
    const zoomedFps = await panningFps(page, 1);
    const overviewDragFps = await draggingFps(page, null);
    const zoomedDragFps = await draggingFps(page, 1);
    return { ...timings, overviewFps, zoomedFps, overviewDragFps, zoomedDragFps };
  } finally {
    await browser.close();
  }
}

try {
  console.log(
    `Client graph benchmark: a synthetic trace of ${trace.subgraph.nodes.length} nodes and ${trace.subgraph.edges.length} links (${elements} elements), ${runs} runs, headless Chromium.`,
  );
  const results: Run[] = [];
  for (let run = 0; run < runs; run++) results.push(await measure());
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const rows: [string, keyof Run, string, (value: number) => boolean][] = [
    ['trace data received (from navigation start)', 'dataMs', 'ms', () => true],
    ['set graph: diff, layout and positions', 'setGraphMs', 'ms', () => true],
    ['  of which layered layout', 'layoutMs', 'ms', () => true],
    ['graph laid out (from navigation start)', 'laidOutMs', 'ms', (value) => value < targets.laidOutMs],
    ['first render of the graph (from navigation start)', 'firstRenderMs', 'ms', (value) => value < targets.laidOutMs],
    ['panning by cy.panBy, whole graph in view', 'overviewFps', 'fps', (value) => value >= targets.fps],
    ['panning by cy.panBy at 100% zoom', 'zoomedFps', 'fps', (value) => value >= targets.fps],
    ['dragging with the mouse, whole graph in view', 'overviewDragFps', 'fps', (value) => value >= targets.fps],
    ['dragging with the mouse at 100% zoom', 'zoomedDragFps', 'fps', (value) => value >= targets.fps],
  ];
  const table = rows.map(([label, key, unit, meets]) => {
    const value = median(results.map((result) => result[key]));
    return {
      measure: label,
      median: `${value.toFixed(unit === 'fps' ? 1 : 0)} ${unit}`,
      runs: results.map((result) => result[key].toFixed(0)).join(' / '),
      target: key === 'dataMs' || key === 'setGraphMs' || key === 'layoutMs' ? '' : meets(value) ? 'met' : 'MISSED',
    };
  });
  console.table(table);
} finally {
  server.close();
}
