/**
 * Owns one Cytoscape instance for the life of a graph view, outside React: created once on
 * mount, changed by id-keyed diffs, destroyed on unmount. React passes it data; it never
 * re-creates the renderer because a component re-rendered.
 */
import cytoscape, { type CollectionReturnValue, type Core, type ElementDefinition, type EventObject, type NodeSingular, type Position } from 'cytoscape';
import { layeredLayout, toSegments } from './layeredLayout.ts';
import { minDrawnLabelSize, stylesheet } from './stylesheet.ts';
import { graphTimings } from './timings.ts';
import { labelFont, toElements, type EdgeData, type GraphElements, type GraphInput } from './toElements.ts';

export interface GraphControllerOptions {
  /** A node was clicked or tapped. */
  onSelect?: (id: string) => void;
  /** The pointer moved onto a node (its id) or off it (null). */
  onPoint?: (id: string | null) => void;
}

/** On arrival and after changes, labels are drawn at least this many pixels high where the graph allows (see arrivalView). */
export const minReadableLabelPx = 12;
// The zoom that draws labels at that size, with a little room so rounding never takes it below.
const readableZoom = (minReadableLabelPx + 0.25) / labelFont.size;
// Graphs up to this many nodes open readable, around the root, when fitting all of them would
// draw their labels too small; larger ones open whole, as an overview to zoom into.
const readableUpTo = 60;
// How far from the centre of the view the root may open, as a share of half the view: well inside it.
const rootOffCentre = 0.5;

/** Nodes are never enlarged past this when fitting, so a three-node graph is not drawn huge. */
const maxFitZoom = 1.2;
const fitPadding = 24;
// Beyond this many nodes, moving every node smoothly costs more than it helps.
const maxAnimatedNodes = 300;
const animationMs = 300;
// The focus ring and the double outline of the root reach this far beyond a node's box.
const ringMargin = 12;
// Browsers refuse canvases much past 16,384 pixels a side; this leaves room for a pixel ratio of 2 or more.
const maxExportSide = 6_000;
// View changes closer together than this are one movement (an animation, a pan frame by frame).
const movementGapMs = 100;
// Dashed and dotted links go back to their patterns once the view has been still this long.
const stillAfterMs = 150;
// Below this many dashed or dotted links their patterns are cheap to redraw every frame.
const minPatternedLinksToSimplify = 250;

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export class GraphController {
  private cy: Core | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private hasRendered = false;
  private hasLaidOut = false;
  /** Nodes carry labels; false while a large graph's first drawing goes without (see setGraph). */
  private labelled = true;
  private lastMoveAt = -Infinity;
  private stillTimer: ReturnType<typeof setTimeout> | undefined;
  /** Cytoscape reported a pan or zoom gesture since the last view change was handled. */
  private gestureMove = false;
  /** The user has panned or zoomed since the last fit, so resizing should not refit. */
  private userMoved = false;
  private focusedId: string | null = null;
  private selectedId: string | null = null;
  private pointedId: string | null = null;
  /** The user asked to see the whole graph (fit), so resizing keeps all of it in view. */
  private showingWhole = false;

  constructor(private readonly options: GraphControllerOptions = {}) {}

  /** Creates the renderer in `container`. Call once; destroy() releases it. */
  mount(container: HTMLElement): void {
    if (this.cy) throw new Error('This graph is already mounted; destroy it first.');
    const cy = cytoscape({
      container,
      style: stylesheet,
      minZoom: 0.02,
      maxZoom: 4,
      // Positions come from the layout; letting people drag nodes would let labels overlap.
      autoungrabify: true,
      // Selection lives in the URL (the detail panel); the .selected class mirrors it.
      autounselectify: true,
      boxSelectionEnabled: false,
      // While the view moves, show a snapshot instead of redrawing every element: large graphs
      // pan and zoom smoothly, and the sharp drawing returns as soon as the view stops.
      textureOnViewport: true,
    });
    cy.on('tap', 'node', (event: EventObject) => this.options.onSelect?.((event.target as NodeSingular).id()));
    cy.on('mouseover', 'node', (event: EventObject) => {
      container.style.cursor = 'pointer';
      this.point((event.target as NodeSingular).id());
    });
    cy.on('mouseout', 'node', () => {
      container.style.cursor = '';
      this.point(null);
    });
    cy.on('dragpan scrollzoom pinchzoom', () => {
      this.userMoved = true;
      this.gestureMove = true;
    });
    // Gestures report themselves just after the view changes, in the same call: decide after it.
    cy.on('viewport', () => queueMicrotask(() => this.viewMoved()));
    cy.on('render', () => {
      if (this.hasRendered || cy.nodes().empty()) return;
      this.hasRendered = true;
      performance.mark(graphTimings.firstRender);
      // Once this frame is on screen.
      if (!this.labelled) setTimeout(() => this.showLabels(), 0);
    });
    // Cytoscape follows window resizes but not its container's (the detail panel opening).
    this.resizeObserver = new ResizeObserver(() => {
      cy.resize();
      if (!this.userMoved) this.arrive(false);
    });
    this.resizeObserver.observe(container);
    this.cy = cy;
  }

  /**
   * Shows `graph`: removes what is gone, adds what is new and updates what changed, keyed by
   * id, in one batch. The layout is computed again only when nodes or links came or went (or a
   * label changed size); then nodes move to their new places (smoothly for small graphs, new
   * nodes growing out of a neighbour already shown) and the view fits the graph.
   */
  setGraph(graph: GraphInput, { rootId = null }: { rootId?: string | null } = {}): void {
    const cy = this.live();
    const started = performance.now();
    const elements = toElements(graph, { rootId });
    const wanted = new Set<string>();
    for (const { data } of [...elements.nodes, ...elements.edges]) wanted.add(data.id);
    const stale = cy.elements().filter((element) => !wanted.has(element.id()));
    const shown = new Map<string, Record<string, unknown>>();
    cy.elements().forEach((element) => {
      shown.set(element.id(), element.data() as Record<string, unknown>);
    });

    const changes = new Map<string, Record<string, unknown>>();
    let resized = false;
    for (const { data } of [...elements.nodes, ...elements.edges]) {
      const current = shown.get(data.id);
      if (!current) continue;
      const changed = Object.entries(data).filter(([key, value]) => current[key] !== value);
      if (changed.length === 0) continue;
      resized ||= changed.some(([key]) => key === 'width' || key === 'height');
      changes.set(data.id, Object.fromEntries(changed));
    }
    const addedCount = wanted.size - (shown.size - stale.length);
    const layout = stale.nonempty() || addedCount > 0 || resized ? this.computeLayout(elements) : null;
    const animate = layout !== null && this.hasLaidOut && elements.nodes.length <= maxAnimatedNodes && !reducedMotion();
    const neighbours = animate ? neighbourIndex(elements) : null;
    // Labels are much of the work of a first drawing. Where the whole graph fits only at a zoom
    // too small to draw them, they are added just after it is on screen, changing no pixel of it.
    if (!this.hasRendered && layout && elements.nodes.length > 0) this.labelled = labelsDrawnAt(this.arrivalView(layout.box, null, elements.nodes.length).zoom);
    const classes = this.labelled ? ['labelled'] : [];

    cy.batch(() => {
      cy.remove(stale);
      for (const [id, data] of changes) cy.getElementById(id).data(data);
      const added: ElementDefinition[] = [];
      for (const node of elements.nodes) {
        if (shown.has(node.data.id)) continue;
        const position = layout && (animate ? this.startingPoint(neighbours!.get(node.data.id) ?? []) : layout.positions.get(node.data.id));
        added.push(position ? { ...node, position, classes } : { ...node, classes });
      }
      for (const edge of elements.edges) {
        const segments = layout ? segmentData(edge.data, layout) : null;
        if (!shown.has(edge.data.id)) added.push(segments ? { ...edge, data: { ...edge.data, ...segments } } : edge);
        else if (layout) updateSegments(cy.getElementById(edge.data.id), segments);
      }
      cy.add(added);
      if (layout && !animate) for (const [id, position] of layout.positions) if (shown.has(id)) cy.getElementById(id).position(position);
      this.applyMarks();
    });

    if (layout) {
      if (animate) {
        cy.nodes()
          .layout({
            name: 'preset',
            positions: Object.fromEntries(layout.positions),
            fit: false,
            animate: true,
            animationDuration: animationMs,
            stop: () => performance.mark(graphTimings.laidOut),
          })
          .run();
      } else {
        performance.mark(graphTimings.laidOut);
      }
      this.hasLaidOut = true;
      this.showingWhole = false;
      if (elements.nodes.length > 0) this.showView(this.arrivalView(layout.box, layout.positions.get(rootId ?? '') ?? null, elements.nodes.length), animate);
    }
    performance.measure(graphTimings.setGraph, { start: started });
  }

  /**
   * Keyboard focus from the list of nodes: draws the focus ring on `id` (none for null) and
   * brings it into view, centred, when it is off-screen or too small to read.
   */
  focus(id: string | null): void {
    this.focusedId = id;
    this.applyMarks();
    if (id) this.reveal(id);
  }

  /** The node shown in the detail panel: highlighted and brought into view. */
  select(id: string | null): void {
    this.selectedId = id;
    this.applyMarks();
    if (id) this.reveal(id);
  }

  /** Fits the whole graph in view, however small that draws it, animated unless the user prefers reduced motion. */
  fit(animate = true): void {
    const box = this.nodesBox();
    if (!box) return;
    this.showingWhole = true;
    this.showView(this.viewportFor(box), animate);
  }

  /** Zooms in (factor above 1) or out around the centre of the view. */
  zoomBy(factor: number): void {
    const cy = this.live();
    this.userMoved = true;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  /**
   * The whole graph as a PNG on white at twice its size (Cytoscape multiplies by the screen's
   * pixel ratio too), less for graphs so large the image would pass what browsers can draw,
   * with every label and line pattern and without focus or selection marks.
   */
  exportPng(): Blob {
    const cy = this.live();
    this.showLabels();
    const { w, h } = cy.elements().boundingBox();
    const scale = Math.min(2, maxExportSide / w, maxExportSide / h);
    cy.nodes('.focused, .selected').removeClass('focused selected');
    cy.edges('.moving').removeClass('moving');
    try {
      return cy.png({ output: 'blob', full: true, scale, bg: '#fff' });
    } finally {
      this.applyMarks();
    }
  }

  /** Releases the renderer and its listeners. The controller cannot be used again. */
  destroy(): void {
    clearTimeout(this.stillTimer);
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.cy?.destroy();
    this.cy = null;
  }

  private live(): Core {
    if (!this.cy) throw new Error('The graph is not mounted.');
    return this.cy;
  }

  private showLabels(): void {
    if (this.labelled || !this.cy) return;
    this.labelled = true;
    const cy = this.cy;
    cy.nodes().addClass('labelled');
    cy.one('render', () => performance.mark(graphTimings.labelled));
  }

  /**
   * While the view moves without a gesture (animations, programmatic pans), a large graph's
   * dashed and dotted links are drawn solid, and get their patterns back once the view is still:
   * Cytoscape redraws every element on each such frame, and the patterns cost most of it. Gestures
   * are drawn from a snapshot (textureOnViewport), patterns included, so they are left alone.
   */
  private viewMoved(): void {
    const cy = this.cy;
    if (!cy) return;
    if (this.gestureMove) {
      this.gestureMove = false;
      return;
    }
    const now = performance.now();
    const moving = now - this.lastMoveAt < movementGapMs;
    this.lastMoveAt = now;
    if (!moving) return;
    if (this.stillTimer === undefined) {
      const patterned = cy.edges('[basis != "STATED"]');
      if (patterned.length < minPatternedLinksToSimplify) return;
      patterned.addClass('moving');
    }
    clearTimeout(this.stillTimer);
    this.stillTimer = setTimeout(() => {
      this.stillTimer = undefined;
      this.cy?.edges('.moving').removeClass('moving');
    }, stillAfterMs);
  }

  private point(id: string | null): void {
    this.pointedId = id;
    this.applyMarks();
    this.options.onPoint?.(id);
  }

  /** Marks the selected and focused nodes, and names the links of those and of the node pointed at. */
  private applyMarks(): void {
    const cy = this.live();
    cy.batch(() => {
      cy.nodes('.focused, .selected').removeClass('focused selected');
      cy.edges('.named').removeClass('named');
      if (this.selectedId) cy.getElementById(this.selectedId).addClass('selected');
      if (this.focusedId) cy.getElementById(this.focusedId).addClass('focused');
      for (const id of [this.selectedId, this.focusedId, this.pointedId]) if (id) cy.getElementById(id).connectedEdges().addClass('named');
    });
  }

  /** Where a new node appears before it moves to its place: on a neighbour already shown. */
  private startingPoint(neighbourIds: readonly string[]): Position | undefined {
    const cy = this.live();
    for (const id of neighbourIds) {
      const shown = cy.getElementById(id);
      if (shown.nonempty()) return { ...shown.position() };
    }
    return undefined;
  }

  /** Positions, bends and the box the graph will fill, with the focus ring's margin. */
  private computeLayout({ nodes, edges }: GraphElements): ComputedLayout {
    const started = performance.now();
    const cy = this.live();
    const { positions, bends } = layeredLayout(
      nodes.map(({ data }) => data),
      edges.map(({ data }) => data),
      { aspect: cy.width() / Math.max(cy.height(), 1) || undefined },
    );
    performance.measure(graphTimings.layout, { start: started });
    const box = { x1: Infinity, x2: -Infinity, y1: Infinity, y2: -Infinity };
    for (const { data } of nodes) {
      const { x, y } = positions.get(data.id)!;
      box.x1 = Math.min(box.x1, x - data.width / 2 - ringMargin);
      box.x2 = Math.max(box.x2, x + data.width / 2 + ringMargin);
      box.y1 = Math.min(box.y1, y - data.height / 2 - ringMargin);
      box.y2 = Math.max(box.y2, y + data.height / 2 + ringMargin);
    }
    return { positions, bends, box };
  }

  /** The box of every node, with the focus ring's margin; null when there are none. */
  private nodesBox(): Box | null {
    const nodes = this.live().nodes();
    if (nodes.empty()) return null;
    const box = nodes.boundingBox({ includeLabels: false });
    return { x1: box.x1 - ringMargin, x2: box.x2 + ringMargin, y1: box.y1 - ringMargin, y2: box.y2 + ringMargin };
  }

  /** Shows the graph as on arrival (arrivalView): after a resize, while the user has not moved the view. */
  private arrive(animate: boolean): void {
    if (this.showingWhole) {
      this.fit(animate);
      return;
    }
    const box = this.nodesBox();
    if (!box) return;
    const root = this.live().nodes('[?root]').first();
    this.showView(this.arrivalView(box, root.nonempty() ? root.position() : null, this.live().nodes().length), animate);
  }

  /**
   * The view a graph opens with: all of `box` when that draws labels readably (minReadableLabelPx)
   * or the graph is too large to read whole anyway; otherwise the readable zoom, around `centre`
   * (the root) as far as the box allows, so the view never shows empty space beside it.
   */
  private arrivalView(box: Box, centre: Position | null, nodeCount: number): { zoom: number; pan: Position } {
    const whole = this.viewportFor(box);
    if (whole.zoom >= readableZoom || nodeCount > readableUpTo) return whole;
    const cy = this.live();
    const zoom = readableZoom;
    // From the root a little towards the middle of the graph, so the view shows the root and as much
    // of the rest as fits (above a traced action, the law; below an Act, what depends on it).
    const along = (low: number, high: number, side: number, root: number | undefined) => {
      const half = side / 2 / zoom;
      const middle = (low + high) / 2;
      if (high - low <= 2 * half) return middle;
      const wanted = root === undefined ? middle : root + Math.sign(middle - root) * Math.min(Math.abs(middle - root), half * rootOffCentre);
      return Math.min(Math.max(wanted, low + half), high - half);
    };
    const x = along(box.x1, box.x2, cy.width(), centre?.x);
    const y = along(box.y1, box.y2, cy.height(), centre?.y);
    return { zoom, pan: { x: cy.width() / 2 - zoom * x, y: cy.height() / 2 - zoom * y } };
  }

  /** The zoom and pan that fit `box` in view. */
  private viewportFor(box: Box): { zoom: number; pan: Position } {
    const cy = this.live();
    const width = Math.max(cy.width() - 2 * fitPadding, 1);
    const height = Math.max(cy.height() - 2 * fitPadding, 1);
    const zoom = Math.max(cy.minZoom(), Math.min(maxFitZoom, width / (box.x2 - box.x1), height / (box.y2 - box.y1)));
    return { zoom, pan: { x: cy.width() / 2 - (zoom * (box.x1 + box.x2)) / 2, y: cy.height() / 2 - (zoom * (box.y1 + box.y2)) / 2 } };
  }

  private showView({ zoom, pan }: { zoom: number; pan: Position }, animate: boolean): void {
    const cy = this.live();
    this.userMoved = false;
    cy.stop(true);
    if (animate && !reducedMotion()) cy.animate({ zoom, pan }, { duration: animationMs });
    else cy.viewport({ zoom, pan });
  }

  private reveal(id: string): void {
    const cy = this.live();
    const node = cy.getElementById(id);
    if (node.empty()) return;
    this.showLabels();
    const box = node.renderedBoundingBox({ includeLabels: false });
    const inView = box.x1 >= 0 && box.y1 >= 0 && box.x2 <= cy.width() && box.y2 <= cy.height();
    if (inView && cy.zoom() >= readableZoom) return;
    const zoom = cy.zoom() >= readableZoom ? cy.zoom() : 1;
    const { x, y } = node.position();
    const pan = { x: cy.width() / 2 - zoom * x, y: cy.height() / 2 - zoom * y };
    this.userMoved = true;
    cy.stop(true);
    if (reducedMotion()) cy.viewport({ zoom, pan });
    else cy.animate({ zoom, pan }, { duration: 200 });
  }
}

type Box = { x1: number; x2: number; y1: number; y2: number };

interface ComputedLayout {
  positions: Map<string, Position>;
  bends: Map<string, Position[]>;
  box: Box;
}

/**
 * Whether Cytoscape draws labels at `zoom`: it skips those smaller on screen than
 * min-zoomed-font-size, sizing them at the zoom rounded up to a power of two (its texture level).
 */
function labelsDrawnAt(zoom: number): boolean {
  return labelFont.size * 2 ** Math.ceil(Math.log2(zoom * window.devicePixelRatio)) >= minDrawnLabelSize;
}

type SegmentData = { segmentWeights: number[]; segmentDistances: number[] };

/** The ids next to each node, for placing new nodes beside one already shown. */
function neighbourIndex({ edges }: GraphElements): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    const around = index.get(from);
    if (around) around.push(to);
    else index.set(from, [to]);
  };
  for (const { data } of edges) {
    add(data.source, data.target);
    add(data.target, data.source);
  }
  return index;
}

/** A link spanning rows bends through the lanes the layout kept for it (see stylesheet.ts). */
function segmentData(edge: EdgeData, { positions, bends }: ComputedLayout): SegmentData | null {
  const points = bends.get(edge.id);
  if (!points) return null;
  const { weights, distances } = toSegments(positions.get(edge.source)!, positions.get(edge.target)!, points);
  return { segmentWeights: weights, segmentDistances: distances };
}

function updateSegments(edge: CollectionReturnValue, segments: SegmentData | null): void {
  const current = edge.data('segmentWeights') as number[] | undefined;
  if (!segments) {
    if (current) edge.removeData('segmentWeights segmentDistances');
    return;
  }
  const same = (a: readonly number[] | undefined, b: readonly number[]) => a?.length === b.length && a.every((value, i) => value === b[i]);
  if (!same(current, segments.segmentWeights) || !same(edge.data('segmentDistances') as number[] | undefined, segments.segmentDistances)) edge.data(segments);
}
