/**
 * The lines every reader passes over the same way: page furniture, the list items of a
 * furniture section ("Contents", "References") and the publisher's line.
 */
import { type ClassifiedLine, isFurnitureSectionHeading } from './classify.ts';
import { FURNITURE, type Output, USED } from './document-output.ts';

/** Whether the reader is inside a furniture section, whose list items are furniture too. */
export interface FurnitureState {
  furnitureSection: boolean;
}

const listKinds = new Set<ClassifiedLine['kind']>(['bullet', 'numbered', 'lettered']);

/**
 * Gives the line its verdict when it is furniture or the publisher's line, and says so; any other
 * line ends a furniture section and is left to the reader.
 */
export function readFurniture(output: Output, state: FurnitureState, line: ClassifiedLine, index: number): boolean {
  if (line.kind === 'furniture') {
    output.status[index] = FURNITURE;
    if (isFurnitureSectionHeading(line.body)) state.furnitureSection = true;
    return true;
  }
  if (state.furnitureSection && listKinds.has(line.kind)) {
    output.status[index] = FURNITURE;
    return true;
  }
  state.furnitureSection = false;
  if (line.kind !== 'publisher') return false;
  output.status[index] = USED;
  return true;
}
