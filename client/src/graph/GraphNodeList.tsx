import { useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { layerNames, type VisualKind } from './kinds.ts';

export interface ListedNode {
  id: string;
  title: string;
  /** What it is: "Act", "Strategic Priority 2". */
  description: string;
  visual: VisualKind;
  layer: number;
  /** Links it has in the graph. */
  links: number;
}

export interface GraphNodeListProps {
  /** In reading order: layer by layer from the top. */
  nodes: readonly ListedNode[];
  rootId?: string | null;
  /** What the root is to the page, e.g. "the item traced". */
  rootMeaning?: string;
  selectedId: string | null;
  /** A button took focus (its id) or focus left the list (null). */
  onFocusNode: (id: string | null) => void;
  /** Click or Enter on a button. */
  onOpen: (id: string) => void;
  /** A note after a node's name, e.g. what choosing it does when it does not open its details. */
  nodeNote?: (id: string) => string | undefined;
  headingId: string;
  headingLevel: 2 | 3;
}

const keySteps: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, Home: -Infinity, End: Infinity };

/**
 * The graph's nodes as buttons, layer by layer: the keyboard and screen-reader way into the
 * graph. One button is in the tab order at a time; the arrow keys, Home and End move between
 * them, and the graph shows the focused node with a focus ring. Enter opens its details.
 */
export function GraphNodeList({ nodes, rootId, rootMeaning, selectedId, onFocusNode, onOpen, nodeNote, headingId, headingLevel }: GraphNodeListProps) {
  const list = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const ids = nodes.map(({ id }) => id);
  const tabStop = [activeId, selectedId, rootId].find((id) => id && ids.includes(id)) ?? ids[0];

  const moveFrom = (index: number, event: KeyboardEvent) => {
    const step = keySteps[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = Math.min(nodes.length - 1, Math.max(0, index + step));
    list.current?.querySelector<HTMLButtonElement>(`[data-node-index="${next}"]`)?.focus();
  };
  const leave = (event: FocusEvent) => {
    if (!list.current?.contains(event.relatedTarget as Node | null)) onFocusNode(null);
  };

  const Heading = `h${headingLevel}` as const;
  const Part = `h${headingLevel + 1}` as 'h3' | 'h4';
  const layers = [...new Set(nodes.map(({ layer }) => layer))];
  return (
    <section className="graph-nodes" aria-labelledby={headingId}>
      <Heading id={headingId} className="graph-heading">
        Items in this graph ({nodes.length})
      </Heading>
      <p className="hint">Each item opens its details. In the list, the arrow keys move from item to item and show each one on the graph.</p>
      <div ref={list} className="node-scroll" onBlur={leave}>
        {layers.map((layer) => (
          <div key={layer}>
            <Part className="layer-heading">{layerNames[layer]}</Part>
            <ul className="node-list">
              {nodes.map((node, index) =>
                node.layer !== layer ? null : (
                  <li key={node.id} className={node.id === selectedId ? 'is-selected' : undefined}>
                    <button
                      type="button"
                      className="node-button"
                      data-node-index={index}
                      data-node-id={node.id}
                      tabIndex={node.id === tabStop ? 0 : -1}
                      onFocus={() => {
                        setActiveId(node.id);
                        onFocusNode(node.id);
                      }}
                      onKeyDown={(event) => moveFrom(index, event)}
                      onClick={() => onOpen(node.id)}
                    >
                      <span className="badge">{node.description}</span> {node.title}
                      {node.id === rootId && rootMeaning && <span className="node-note"> ({rootMeaning})</span>}
                      {nodeNote?.(node.id) && <span className="node-note"> ({nodeNote(node.id)})</span>}
                      {node.id === selectedId && <span className="node-note"> (open in the details panel)</span>}
                    </button>
                    <span className="node-links">
                      {node.links} {node.links === 1 ? 'link' : 'links'}
                    </span>
                  </li>
                ),
              )}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
