import { buildSchema, type GraphQLEnumType, type GraphQLField, type GraphQLInputObjectType, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphModelTypeDefs } from '../../schema/graph-model-sdl.ts';
import {
  acyclicChains,
  allLinkRules,
  authorityKinds,
  bases,
  documentKinds,
  evidenceGrades,
  evidenceKinds,
  HIERARCHY,
  hierarchy,
  hierarchyTypes,
  itemLabels,
  linkRules,
  loaderLinkRules,
  nodeLabels,
  observationStatuses,
  organisationKinds,
  PLAN_AND_PROVISION_HIERARCHY,
  PLAN_HIERARCHY,
  placing,
  planItemLabels,
  planKinds,
  planStatuses,
  polarities,
  relationshipTypes,
} from '../../schema/graph-model.ts';
import type { Statement } from './db/gateway.ts';
import { typeDefs } from './graphql/schema.ts';

const labels = new Set<string>(nodeLabels);
const types = new Set<string>(relationshipTypes);

describe('the graph model', () => {
  it('names each label, type and value once, as a GraphQL enum value can be written', () => {
    const lists = {
      nodeLabels,
      relationshipTypes,
      planKinds,
      planStatuses,
      evidenceKinds,
      evidenceGrades,
      authorityKinds,
      organisationKinds,
      polarities,
      observationStatuses,
      documentKinds,
      bases,
    };
    for (const [name, list] of Object.entries(lists)) {
      expect(new Set(list).size, name).toBe(list.length);
      for (const value of list) expect(value, name).toMatch(/^[A-Za-z][A-Za-z_]*$/);
    }
  });

  it('places items only under known labels, each label by a link type of its own', () => {
    for (const [child, rule] of Object.entries(hierarchy)) {
      expect(labels.has(child), child).toBe(true);
      expect(types.has(rule.type), rule.type).toBe(true);
      for (const parent of rule.parents) expect(labels.has(parent), `${child} under ${parent}`).toBe(true);
    }
    expect(new Set(hierarchyTypes).size).toBe(Object.keys(hierarchy).length);
    expect(planItemLabels).toEqual(['Priority', 'Objective', 'Action']);
  });

  it('has a rule for every relationship type, naming known labels only', () => {
    expect(Object.keys(allLinkRules).sort()).toEqual([...relationshipTypes].sort());
    for (const [type, rule] of Object.entries({ ...linkRules, ...loaderLinkRules, ...allLinkRules })) {
      expect(types.has(type), type).toBe(true);
      for (const label of [...rule.from, ...rule.to]) expect(labels.has(label), `${type}: ${label}`).toBe(true);
    }
    // A stated link never places an item: the hierarchy comes from `parent` alone.
    for (const type of hierarchyTypes) expect(Object.keys(linkRules)).not.toContain(type);
    for (const [child, rule] of Object.entries(hierarchy)) {
      expect(allLinkRules[rule.type].to).toContain(child);
      expect(allLinkRules[rule.type].from).toEqual(expect.arrayContaining([...rule.parents]));
    }
    expect(itemLabels).not.toContain('Document');
    expect(itemLabels).not.toContain('Observation');
    for (const types of Object.values(acyclicChains)) for (const type of types) expect(relationshipTypes).toContain(type);
  });

  it('writes the hierarchy in Cypher as the alternation of its link types', () => {
    expect(HIERARCHY.split('|')).toEqual([...hierarchyTypes]);
    expect(PLAN_HIERARCHY).toBe('HAS_PRIORITY|HAS_OBJECTIVE|HAS_ACTION');
    expect(PLAN_HIERARCHY.split('|')).toEqual(planItemLabels.map((label) => hierarchy[label].type));
    expect(PLAN_AND_PROVISION_HIERARCHY.split('|')).toEqual([...PLAN_HIERARCHY.split('|'), hierarchy.Provision.type]);
    expect(placing('Priority', 'Objective')).toBe('HAS_PRIORITY|HAS_OBJECTIVE');
    expect(() => placing('Plan' as never)).toThrow('Plan sits under nothing in the graph model');
  });
});

describe("the API's enums of the model", () => {
  const schema = buildSchema([...typeDefs()].join('\n'));
  const values = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map(({ value }) => value);

  it('are rendered from the model, with descriptions, into the schema the server serves', () => {
    expect(values('NodeLabel')).toEqual([...nodeLabels]);
    expect(values('LinkType')).toEqual([...relationshipTypes]);
    expect(values('Basis')).toEqual([...bases]);
    expect(graphModelTypeDefs()).toMatch(/"""\n[^"]+\n"""\nenum NodeLabel/);
    for (const basis of (schema.getType('Basis') as GraphQLEnumType).getValues()) expect(basis.description).toBeTruthy();
  });

  it('type the fields and arguments that hold a label or a link type', () => {
    const field = (type: string, name: string) => String((schema.getType(type) as GraphQLObjectType | GraphQLInputObjectType).getFields()[name]!.type);
    const argument = (of: GraphQLField<unknown, unknown> | undefined, name: string) => String(of?.args.find((arg) => arg.name === name)?.type);
    expect(field('GraphNode', 'label')).toBe('NodeLabel!');
    expect(field('GraphEdge', 'type')).toBe('LinkType!');
    expect(field('LabelCount', 'label')).toBe('NodeLabel!');
    expect(field('NodeInput', 'label')).toBe('NodeLabel!');
    expect(field('LinkInput', 'type')).toBe('LinkType!');
    const mutations = schema.getMutationType()!.getFields();
    for (const mutation of ['deleteLink', 'acceptSuggestion', 'rejectSuggestion']) expect(argument(mutations[mutation], 'type'), mutation).toBe('LinkType!');
    expect(argument(schema.getQueryType()!.getFields().search, 'labels')).toBe('[NodeLabel!]');
  });
});

// Every statement of the query modules, however many there are.
const modules = import.meta.glob<{ statements?: Record<string, Statement> }>(['./queries/*.ts', '!./queries/*.test.ts'], { eager: true });
const statements = Object.values(modules).flatMap((module) => Object.values(module.statements ?? {}));

describe('the Cypher of the query modules', () => {
  it('has been collected', () => {
    expect(statements.length).toBeGreaterThan(60);
  });

  it('names only labels and relationship types of the model', () => {
    // Beside the model's labels: every node of the model is also an Entity, Change records the
    // history, and the statute catalogue and its effects are reference data kept outside the model.
    const known = new Set([...labels, 'Entity', 'Change', 'StatuteEntry', 'Effect']);
    const knownTypes = new Set([...types, 'AFFECTS']);
    for (const { name, text } of statements) {
      // Relationship patterns `[r:A|B*1..3]` and predicates `r:A|B`: types are upper case.
      for (const [, found] of text.matchAll(/\w?:((?:[A-Z][A-Z_]+)(?:\|[A-Z][A-Z_]+)*)\b/g))
        for (const type of found!.split('|')) expect(knownTypes.has(type), `${name} names ${type}`).toBe(true);
      // Node patterns `(n:Entity:Plan)` and predicates `n:Plan|Priority`: labels are capitalised words.
      for (const [, found] of text.matchAll(/\w?:((?:[A-Z][a-z]\w*)(?:[:|][A-Z][a-z]\w*)*)\b/g))
        for (const label of found!.split(/[:|]/)) expect(known.has(label), `${name} names ${label}`).toBe(true);
    }
  });
});
