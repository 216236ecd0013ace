import { describe, expect, it } from 'vitest';
import { councilsNamed, inferOrganisation } from './organisation.ts';

describe('inferring the organisation behind a document', () => {
  it('counts the councils a text names, leaving out ones that name no place', () => {
    expect(councilsNamed('Avon County Council works with the County Council and Bristol City Council. Avon County Council leads.')).toEqual([
      { name: 'Avon County Council', count: 2 },
      { name: 'Bristol City Council', count: 1 },
    ]);
  });

  it('takes the council an inspection inspects, from its title or its verdict', () => {
    expect(inferOrganisation('Some text about Kent County Council.', 'Inspection of Kent local authority children’s services', true)).toMatchObject({
      name: 'Kent County Council',
      kind: 'COUNCIL',
    });
    expect(inferOrganisation('Nothing else.', 'Inspection of Hampshire local authority children’s services', true)).toMatchObject({
      name: 'Hampshire Council',
      quote: 'Inspection of Hampshire local authority',
    });
    expect(inferOrganisation('Children’s services in Derby City are good.', 'Derby City', true)).toMatchObject({ name: 'Derby City Council' });
  });

  it('takes the partnership or board a plan’s title names, then a health and wellbeing strategy’s board', () => {
    expect(inferOrganisation('Text.', 'Surrey Drug and Alcohol Partnership Annual Report', false)).toMatchObject({
      name: 'Surrey Drug and Alcohol Partnership',
      kind: 'PARTNERSHIP',
    });
    expect(inferOrganisation('The Dorset Health and Wellbeing Board agreed it.', 'Dorset Joint Health and Wellbeing Strategy 2020-2025', false)).toMatchObject({
      name: 'Dorset Health and Wellbeing Board',
      kind: 'BOARD',
    });
  });

  it('else takes the council named most often, and nothing when none is named', () => {
    expect(inferOrganisation('Leeds City Council and York Council. Leeds City Council again.', 'Tobacco Control Strategy', false)).toMatchObject({
      id: 'org/leeds-city-council',
    });
    expect(inferOrganisation('No council here.', 'Tobacco Control Strategy', false)).toBeUndefined();
  });
});
