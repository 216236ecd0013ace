import { describe, expect, it } from 'vitest';
import { checkSeed, SeedValidationError, validateSeeds, type SeedFault } from './seed-files.ts';

/** A seed file carrying its document, checked and validated as an import is. */
function validate(content: string, nodes: Record<string, unknown>[]) {
  const faults: SeedFault[] = [];
  const parsed = checkSeed(
    { document: { id: 'document/large', title: 'Large', file: 'large.txt', kind: 'STRATEGY', content }, curation: { by: 'Test', at: '2026-01-01' }, nodes },
    'large.yaml',
    null,
    faults,
  );
  expect(faults).toEqual([]);
  try {
    return { batch: validateSeeds([parsed!], faults), faults: [] as string[] };
  } catch (error) {
    if (error instanceof SeedValidationError) return { batch: undefined, faults: error.faults.map(({ path, message }) => `${path}: ${message}`) };
    throw error;
  }
}

const plan = { id: 'big', label: 'Plan', title: 'Big plan', kind: 'STRATEGY', status: 'ADOPTED', source: { section: 'Title', excerpt: 'Big plan' } };

// Correctness at size, not speed (that is bench/'s): room for a busy machine, while a quadratic
// step at these sizes would still run far past it.
describe('validating large documents', { timeout: 30_000 }, () => {
  it('takes a hierarchy 20,000 levels deep, and still finds a cycle at the bottom of one', () => {
    const depth = 20_000;
    const content = `Big plan\n${Array.from({ length: depth }, (_, index) => `Item ${index}`).join('\n')}`;
    const chain = Array.from({ length: depth }, (_, index) => ({
      id: `big/i${index}`,
      label: 'Priority',
      parent: index === 0 ? 'big' : `big/i${index - 1}`,
      title: `Item ${index}`,
      source: { section: 'Items', excerpt: `Item ${index}` },
    }));
    const { batch, faults } = validate(content, [plan, ...chain]);
    expect(faults).toEqual([]);
    expect(batch!.links.filter(({ type }) => type === 'HAS_PRIORITY')).toHaveLength(depth);

    const looped = chain.map((node, index) => (index === 0 ? { ...node, parent: `big/i${depth - 1}` } : node));
    const cycle = validate(content, [plan, ...looped]).faults;
    expect(cycle).toHaveLength(1);
    expect(cycle[0]).toMatch(/^: cycle: big\/i\d+ → .* → big\/i\d+$/);
    expect(cycle[0]!.split(' → ')).toHaveLength(depth + 1);
  });

  it('gives 10,000 children of one parent their positions in order', () => {
    const children = Array.from({ length: 10_000 }, (_, index) => ({
      id: `big/a${index}`,
      label: 'Action',
      parent: 'big',
      title: `Action ${index}`,
      source: { section: 'Actions', excerpt: `Action ${index}.` },
    }));
    const content = `Big plan\n${children.map(({ title }) => `${title}.`).join('\n')}`;
    const { batch, faults } = validate(content, [plan, ...children]);
    expect(faults).toEqual([]);
    const positions = batch!.nodes.filter(({ label }) => label === 'Action').map(({ props }) => props.position);
    expect(positions).toEqual(children.map((_, index) => index));
  });

  it('finds excerpts quoted out of the document’s order, and still reports one that is not there', () => {
    const content = 'Big plan\nFirst point.\nSecond   point\nacross a line.\nThird point.';
    const node = (id: string, excerpt: string) => ({ id: `big/${id}`, label: 'Action', parent: 'big', title: excerpt, source: { section: 'Points', excerpt } });
    const inAnyOrder = validate(content, [
      plan,
      node('c', 'Third point.'),
      node('a', 'First point.'),
      node('b', 'Second point across a line.'),
      node('a2', 'First point.'),
    ]);
    expect(inAnyOrder.faults).toEqual([]);
    const missing = validate(content, [plan, node('c', 'Third point.'), node('x', 'Fourth point.'), node('a', 'First point.')]);
    expect(missing.faults).toEqual(['nodes[2].source.excerpt: excerpt not found word for word in large.txt: "Fourth point."']);
  });
});
