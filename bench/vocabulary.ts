/**
 * The words synthetic councils are made of: service domains with their plans, priorities,
 * objectives, actions, measures, owners, themes and statute, and the shared national context
 * (authorities and themes) every council draws on. Modelled on the seed data, so titles, units,
 * codes and legislation ids look like the real thing to the queries and to full-text search.
 */

export type Polarity = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | 'NEUTRAL';

export interface MeasureWords {
  title: string;
  unit: string;
  polarity: Polarity;
}

export interface AuthorityWords {
  key: string;
  title: string;
  kind: 'ACT' | 'REGULATION' | 'STATUTORY_GUIDANCE' | 'NATIONAL_POLICY' | 'NATIONAL_REVIEW' | 'FRAMEWORK' | 'INSPECTION_FRAMEWORK' | 'DATA_SOURCE';
  /** legislation.gov.uk id; Acts and SIs only. */
  legislationId?: string;
  year?: number;
  /** What the authority asks of a council, for rationales: "the duty to …". */
  duty: string;
}

export interface ThemeWords {
  key: string;
  title: string;
  text: string;
}

export type DomainKey = 'children' | 'adults' | 'health' | 'housing' | 'safety' | 'economy' | 'environment' | 'council';

export interface Domain {
  key: DomainKey;
  /** Titles of the strategies a council writes for this domain. */
  plans: string[];
  /** The directorate that owns the domain. */
  directorate: string;
  roles: string[];
  themes: string[];
  authorities: string[];
  priorities: string[];
  objectives: string[];
  /** What an action does something to: "the reablement service". */
  actionObjects: string[];
  measures: MeasureWords[];
  /** Statistics a plan's needs assessment reports, not tied to any action. */
  context: MeasureWords[];
  /** The board or partnership that oversees the domain's plans, if any. */
  board?: { title: string; kind: 'BOARD' | 'PARTNERSHIP'; shortName: string };
}

const higher = (title: string, unit = 'per cent'): MeasureWords => ({ title, unit, polarity: 'HIGHER_IS_BETTER' });
const lower = (title: string, unit = 'per cent'): MeasureWords => ({ title, unit, polarity: 'LOWER_IS_BETTER' });
const neutral = (title: string, unit = 'people'): MeasureWords => ({ title, unit, polarity: 'NEUTRAL' });

export const themes: ThemeWords[] = [
  { key: 'housing', title: 'Housing', text: 'Access to housing, suitable housing options and adaptations for residents and vulnerable people.' },
  { key: 'older-people', title: 'Older people', text: 'Residents aged 65 and over, particularly the growing 85+ population most likely to need social care.' },
  { key: 'learning-disability', title: 'Learning disability and autism', text: 'Adults and children with a learning disability or autism and their families.' },
  { key: 'child-poverty', title: 'Child poverty', text: 'Children growing up in low-income households and the cost of living for families.' },
  { key: 'best-start-in-life', title: 'Best start in life', text: 'Pregnancy and the early years: health, development and school readiness.' },
  { key: 'safeguarding', title: 'Safeguarding', text: 'Protecting children and adults at risk from abuse, neglect and exploitation.' },
  { key: 'mental-health', title: 'Mental health', text: 'Emotional wellbeing and mental health services for all ages.' },
  { key: 'unpaid-carers', title: 'Unpaid carers', text: 'People who look after a family member or friend without pay, including young carers.' },
  { key: 'prevention-and-early-help', title: 'Prevention and early help', text: 'Acting early to prevent, reduce or delay the need for statutory services.' },
  { key: 'health-inequalities', title: 'Health inequalities', text: 'Unfair differences in health between groups and places.' },
  { key: 'children-looked-after', title: 'Children looked after', text: 'Children in the care of the council and the council as corporate parent.' },
  { key: 'care-leavers', title: 'Care leavers', text: 'Young people leaving care and the support the council owes them up to age 25.' },
  { key: 'education-and-attainment', title: 'Education and attainment', text: 'School places, attendance, attainment and progress of pupils.' },
  { key: 'employment-and-skills', title: 'Employment and skills', text: 'Jobs, apprenticeships, adult learning and routes into work.' },
  { key: 'disproportionality-and-equity', title: 'Disproportionality and equity', text: 'Fair outcomes for groups over-represented in services or under-served by them.' },
  { key: 'partnership-working', title: 'Partnership working', text: 'Joint work with the NHS, police, schools and the voluntary sector.' },
  { key: 'send', title: 'Special educational needs and disabilities', text: 'Children and young people with SEND from birth to 25.' },
  { key: 'coproduction-and-user-voice', title: 'Co-production and user voice', text: 'Designing services with the people who use them.' },
  { key: 'workforce', title: 'Workforce', text: 'Recruiting, retaining and developing staff in the council and the care sector.' },
  { key: 'community-safety', title: 'Community safety', text: 'Crime, anti-social behaviour, domestic abuse and serious violence.' },
  { key: 'climate-and-environment', title: 'Climate and environment', text: 'Carbon reduction, air quality, waste, flooding and green spaces.' },
];

export const authorities: AuthorityWords[] = [
  { key: 'care-act-2014', title: 'Care Act 2014', kind: 'ACT', legislationId: 'ukpga/2014/23', year: 2014, duty: 'the duty to promote wellbeing and to prevent, reduce or delay needs for care and support' },
  { key: 'children-act-1989', title: 'Children Act 1989', kind: 'ACT', legislationId: 'ukpga/1989/41', year: 1989, duty: 'the duty to safeguard and promote the welfare of children in need' },
  { key: 'children-act-2004', title: 'Children Act 2004', kind: 'ACT', legislationId: 'ukpga/2004/31', year: 2004, duty: 'the duty to cooperate to improve the wellbeing of children' },
  { key: 'children-and-families-act-2014', title: 'Children and Families Act 2014', kind: 'ACT', legislationId: 'ukpga/2014/6', year: 2014, duty: 'the duties to children and young people with special educational needs in Part 3' },
  { key: 'children-and-social-work-act-2017', title: 'Children and Social Work Act 2017', kind: 'ACT', legislationId: 'ukpga/2017/16', year: 2017, duty: 'the corporate parenting principles and the local offer for care leavers' },
  { key: 'childcare-act-2006', title: 'Childcare Act 2006', kind: 'ACT', legislationId: 'ukpga/2006/21', year: 2006, duty: 'the duty to secure sufficient childcare and early years provision' },
  { key: 'education-act-1996', title: 'Education Act 1996', kind: 'ACT', legislationId: 'ukpga/1996/56', year: 1996, duty: 'the duties on school attendance and suitable education' },
  { key: 'education-and-inspections-act-2006', title: 'Education and Inspections Act 2006', kind: 'ACT', legislationId: 'ukpga/2006/40', year: 2006, duty: 'the duty to secure positive activities for young people' },
  { key: 'education-and-skills-act-2008', title: 'Education and Skills Act 2008', kind: 'ACT', legislationId: 'ukpga/2008/25', year: 2008, duty: 'the duty to promote participation in education or training to age 18' },
  { key: 'equality-act-2010', title: 'Equality Act 2010', kind: 'ACT', legislationId: 'ukpga/2010/15', year: 2010, duty: 'the public sector equality duty' },
  { key: 'mental-capacity-act-2005', title: 'Mental Capacity Act 2005', kind: 'ACT', legislationId: 'ukpga/2005/9', year: 2005, duty: 'the duty to support people to make their own decisions and to act in their best interests' },
  { key: 'mental-health-act-1983', title: 'Mental Health Act 1983', kind: 'ACT', legislationId: 'ukpga/1983/20', year: 1983, duty: 'the duty to provide aftercare under section 117' },
  { key: 'health-and-social-care-act-2012', title: 'Health and Social Care Act 2012', kind: 'ACT', legislationId: 'ukpga/2012/7', year: 2012, duty: 'the duty to take steps to improve the health of local people' },
  { key: 'health-and-care-act-2022', title: 'Health and Care Act 2022', kind: 'ACT', legislationId: 'ukpga/2022/31', year: 2022, duty: 'the duty to cooperate with the NHS through the integrated care system' },
  { key: 'lgpih-act-2007', title: 'Local Government and Public Involvement in Health Act 2007', kind: 'ACT', legislationId: 'ukpga/2007/28', year: 2007, duty: 'the duty to prepare a joint strategic needs assessment' },
  { key: 'chronically-sick-and-disabled-persons-act-1970', title: 'Chronically Sick and Disabled Persons Act 1970', kind: 'ACT', legislationId: 'ukpga/1970/44', year: 1970, duty: 'the duty to arrange adaptations and services for disabled children' },
  { key: 'carers-recognition-act-1995', title: 'Carers (Recognition and Services) Act 1995', kind: 'ACT', legislationId: 'ukpga/1995/12', year: 1995, duty: 'the duty to assess the needs of carers' },
  { key: 'housing-act-1996', title: 'Housing Act 1996', kind: 'ACT', legislationId: 'ukpga/1996/52', year: 1996, duty: 'the homelessness duties in Part 7' },
  { key: 'homelessness-reduction-act-2017', title: 'Homelessness Reduction Act 2017', kind: 'ACT', legislationId: 'ukpga/2017/13', year: 2017, duty: 'the duties to prevent and relieve homelessness' },
  { key: 'housing-act-2004', title: 'Housing Act 2004', kind: 'ACT', legislationId: 'ukpga/2004/34', year: 2004, duty: 'the duty to keep housing conditions under review and license houses in multiple occupation' },
  { key: 'housing-and-regeneration-act-2008', title: 'Housing and Regeneration Act 2008', kind: 'ACT', legislationId: 'ukpga/2008/17', year: 2008, duty: 'the regulation of social housing providers' },
  { key: 'localism-act-2011', title: 'Localism Act 2011', kind: 'ACT', legislationId: 'ukpga/2011/20', year: 2011, duty: 'the general power of competence and the tenancy strategy duty' },
  { key: 'domestic-abuse-act-2021', title: 'Domestic Abuse Act 2021', kind: 'ACT', legislationId: 'ukpga/2021/17', year: 2021, duty: 'the duty to provide support to victims in safe accommodation' },
  { key: 'crime-and-disorder-act-1998', title: 'Crime and Disorder Act 1998', kind: 'ACT', legislationId: 'ukpga/1998/37', year: 1998, duty: 'the duty to formulate and implement a strategy to reduce crime and disorder' },
  { key: 'anti-social-behaviour-crime-and-policing-act-2014', title: 'Anti-social Behaviour, Crime and Policing Act 2014', kind: 'ACT', legislationId: 'ukpga/2014/12', year: 2014, duty: 'the powers and the community trigger for anti-social behaviour' },
  { key: 'counter-terrorism-and-security-act-2015', title: 'Counter-Terrorism and Security Act 2015', kind: 'ACT', legislationId: 'ukpga/2015/6', year: 2015, duty: 'the Prevent duty' },
  { key: 'modern-slavery-act-2015', title: 'Modern Slavery Act 2015', kind: 'ACT', legislationId: 'ukpga/2015/30', year: 2015, duty: 'the duty to notify the Home Office of suspected victims' },
  { key: 'police-and-justice-act-2006', title: 'Police and Justice Act 2006', kind: 'ACT', legislationId: 'ukpga/2006/48', year: 2006, duty: 'the scrutiny of crime and disorder matters' },
  { key: 'licensing-act-2003', title: 'Licensing Act 2003', kind: 'ACT', legislationId: 'ukpga/2003/17', year: 2003, duty: 'the licensing objectives' },
  { key: 'police-crime-sentencing-and-courts-act-2022', title: 'Police, Crime, Sentencing and Courts Act 2022', kind: 'ACT', legislationId: 'ukpga/2022/32', year: 2022, duty: 'the serious violence duty' },
  { key: 'climate-change-act-2008', title: 'Climate Change Act 2008', kind: 'ACT', legislationId: 'ukpga/2008/27', year: 2008, duty: 'the national net zero target and adaptation reporting' },
  { key: 'environment-act-2021', title: 'Environment Act 2021', kind: 'ACT', legislationId: 'ukpga/2021/30', year: 2021, duty: 'the biodiversity duty and consistent waste collections' },
  { key: 'environmental-protection-act-1990', title: 'Environmental Protection Act 1990', kind: 'ACT', legislationId: 'ukpga/1990/43', year: 1990, duty: 'the duty to collect household waste and keep land clear of litter' },
  { key: 'flood-and-water-management-act-2010', title: 'Flood and Water Management Act 2010', kind: 'ACT', legislationId: 'ukpga/2010/29', year: 2010, duty: 'the duty to develop a local flood risk management strategy' },
  { key: 'planning-and-compulsory-purchase-act-2004', title: 'Planning and Compulsory Purchase Act 2004', kind: 'ACT', legislationId: 'ukpga/2004/5', year: 2004, duty: 'the duty to prepare a local plan' },
  { key: 'levelling-up-and-regeneration-act-2023', title: 'Levelling-up and Regeneration Act 2023', kind: 'ACT', legislationId: 'ukpga/2023/55', year: 2023, duty: 'the levelling-up missions and the reformed plan-making system' },
  { key: 'social-value-act-2012', title: 'Public Services (Social Value) Act 2012', kind: 'ACT', legislationId: 'ukpga/2012/3', year: 2012, duty: 'the duty to consider social value in procurement' },
  { key: 'ascl-act-2009', title: 'Apprenticeships, Skills, Children and Learning Act 2009', kind: 'ACT', legislationId: 'ukpga/2009/22', year: 2009, duty: 'the duty to secure education and training for young people' },
  { key: 'local-government-act-1999', title: 'Local Government Act 1999', kind: 'ACT', legislationId: 'ukpga/1999/27', year: 1999, duty: 'the best value duty' },
  { key: 'local-government-act-2000', title: 'Local Government Act 2000', kind: 'ACT', legislationId: 'ukpga/2000/22', year: 2000, duty: 'the executive arrangements and overview and scrutiny' },
  { key: 'send-regulations-2014', title: 'Special Educational Needs and Disability Regulations 2014', kind: 'REGULATION', legislationId: 'uksi/2014/1530', year: 2014, duty: 'the time limits for education, health and care needs assessments' },
  { key: 'care-planning-regulations-2010', title: 'Care Planning, Placement and Case Review (England) Regulations 2010', kind: 'REGULATION', legislationId: 'uksi/2010/959', year: 2010, duty: 'the requirements for care plans and reviews of looked after children' },
  { key: 'eligibility-regulations-2015', title: 'Care and Support (Eligibility Criteria) Regulations 2015', kind: 'REGULATION', legislationId: 'uksi/2015/313', year: 2015, duty: 'the national eligibility criteria for care and support' },
  { key: 'breaks-for-carers-regulations-2011', title: 'Breaks for Carers of Disabled Children Regulations 2011', kind: 'REGULATION', legislationId: 'uksi/2011/707', year: 2011, duty: 'the duty to provide short breaks for carers of disabled children' },
  { key: 'suitability-of-accommodation-order-2012', title: 'Homelessness (Suitability of Accommodation) (England) Order 2012', kind: 'REGULATION', legislationId: 'uksi/2012/2601', year: 2012, duty: 'the standards of accommodation offered to homeless households' },
  { key: 'working-together-2023', title: 'Working Together to Safeguard Children 2023', kind: 'STATUTORY_GUIDANCE', year: 2023, duty: 'the multi-agency safeguarding arrangements' },
  { key: 'send-code-of-practice', title: 'Special educational needs and disability code of practice: 0 to 25 years', kind: 'STATUTORY_GUIDANCE', year: 2015, duty: 'the code for identifying and supporting children with SEND' },
  { key: 'care-and-support-statutory-guidance', title: 'Care and support statutory guidance', kind: 'STATUTORY_GUIDANCE', year: 2014, duty: 'the guidance on assessment, market shaping and safeguarding adults' },
  { key: 'homelessness-code-of-guidance', title: 'Homelessness code of guidance for local authorities', kind: 'STATUTORY_GUIDANCE', year: 2018, duty: 'the guidance on homelessness strategies and reviews' },
  { key: 'keeping-children-safe-in-education', title: 'Keeping children safe in education', kind: 'STATUTORY_GUIDANCE', year: 2024, duty: 'the safeguarding duties of schools and colleges' },
  { key: 'serious-violence-duty-guidance', title: 'Serious Violence Duty: statutory guidance', kind: 'STATUTORY_GUIDANCE', year: 2022, duty: 'the guidance on a local serious violence strategy' },
  { key: 'nhs-long-term-plan', title: 'The NHS Long Term Plan', kind: 'NATIONAL_POLICY', year: 2019, duty: 'the commitment to prevention and integrated community care' },
  { key: 'people-at-the-heart-of-care', title: 'People at the Heart of Care: adult social care reform white paper', kind: 'NATIONAL_POLICY', year: 2021, duty: 'the ten-year vision for choice, control and independence in social care' },
  { key: 'net-zero-strategy', title: 'Net Zero Strategy: Build Back Greener', kind: 'NATIONAL_POLICY', year: 2021, duty: 'the national pathway to net zero' },
  { key: 'levelling-up-white-paper', title: 'Levelling Up the United Kingdom', kind: 'NATIONAL_POLICY', year: 2022, duty: 'the missions for pay, skills and pride in place' },
  { key: 'independent-review-of-childrens-social-care', title: "The independent review of children's social care", kind: 'NATIONAL_REVIEW', year: 2022, duty: 'the recommendations on family help and care' },
  { key: 'ilacs', title: "Inspecting local authority children's services (ILACS) framework", kind: 'INSPECTION_FRAMEWORK', year: 2023, duty: "the inspection of children's social care" },
  { key: 'cqc-local-authority-assessment', title: 'CQC local authority assessment framework', kind: 'INSPECTION_FRAMEWORK', year: 2023, duty: 'the assessment of how councils meet their Care Act duties' },
  { key: 'care-leavers-covenant', title: 'Care Leavers Covenant', kind: 'FRAMEWORK', year: 2018, duty: 'the pledge of support for care leavers' },
  { key: 'think-local-act-personal', title: 'Think Local Act Personal', kind: 'FRAMEWORK', year: 2011, duty: 'the principles of personalised care' },
  { key: 'jsna', title: 'Joint Strategic Needs Assessment (JSNA)', kind: 'DATA_SOURCE', duty: 'the shared evidence on local needs' },
  { key: 'census-2021', title: 'Census 2021', kind: 'DATA_SOURCE', year: 2021, duty: 'the population evidence' },
  { key: 'indices-of-deprivation-2019', title: 'English Indices of Deprivation 2019', kind: 'DATA_SOURCE', year: 2019, duty: 'the evidence on relative deprivation' },
];

export const actionVerbs = [
  'Expand',
  'Commission',
  'Review',
  'Introduce',
  'Develop',
  'Deliver',
  'Strengthen',
  'Roll out',
  'Pilot',
  'Co-produce',
  'Integrate',
  'Extend',
  'Redesign',
  'Promote',
  'Embed',
];

export const actionQualifiers = [
  'across the borough',
  'in the most deprived wards',
  'with schools and health partners',
  'with the voluntary and community sector',
  'for families on low incomes',
  'by the end of the plan period',
  'with people who use the service',
  'in every locality',
  'through the integrated care partnership',
  'within existing budgets',
];

export const domains: Record<DomainKey, Domain> = {
  children: {
    key: 'children',
    plans: ["Children and Young People's Plan", 'Early Help Strategy', 'SEND Strategy', 'Corporate Parenting Strategy'],
    directorate: "Children's Services",
    roles: [
      "Executive Director of Children's Services",
      'Director of Education and Inclusion',
      'Head of Early Help',
      'Head of Children in Care and Care Leavers',
      'Principal Social Worker',
      'SEND Service Manager',
      'Virtual School Head',
      'Cabinet Member for Children and Families',
    ],
    themes: ['best-start-in-life', 'safeguarding', 'children-looked-after', 'care-leavers', 'education-and-attainment', 'send', 'child-poverty', 'prevention-and-early-help'],
    authorities: [
      'children-act-1989',
      'children-act-2004',
      'children-and-families-act-2014',
      'children-and-social-work-act-2017',
      'childcare-act-2006',
      'education-act-1996',
      'education-and-inspections-act-2006',
      'send-regulations-2014',
      'care-planning-regulations-2010',
      'breaks-for-carers-regulations-2011',
      'working-together-2023',
      'send-code-of-practice',
      'keeping-children-safe-in-education',
      'independent-review-of-childrens-social-care',
      'care-leavers-covenant',
    ],
    priorities: [
      'Every child has the best start in life',
      'Children and young people are safe from harm',
      'Children in our care and care leavers thrive',
      'Children with SEND achieve their potential',
      'Young people are ready for adulthood and work',
      'Families get the right help at the right time',
      'Every child attends a good school',
      'Reduce the impact of child poverty',
    ],
    objectives: [
      'Strengthen early help for families',
      'Improve the quality of social work practice',
      'Increase the sufficiency of local placements',
      'Improve the timeliness of EHC needs assessments',
      'Raise the attainment of disadvantaged pupils',
      'Support young people into education, employment or training',
      'Reduce exclusions and improve attendance',
      'Improve transitions to adult services',
      'Strengthen multi-agency safeguarding arrangements',
      'Give children a voice in the services they use',
    ],
    actionObjects: [
      'family hubs in every locality',
      'the foster carer recruitment campaign',
      'the local offer for care leavers',
      'supported lodgings for care leavers',
      'speech and language support in early years settings',
      'the multi-agency safeguarding hub',
      'EHC plan annual reviews',
      'specialist SEND places in mainstream schools',
      'a school attendance support team',
      'the edge-of-care service',
      'independent visitors for children in care',
      'health assessments for children looked after',
      'short breaks for disabled children',
      'a youth offer in each neighbourhood',
      'contextual safeguarding training',
      'the funded childcare entitlement',
      'the personal education plan process',
      'mental health support teams in schools',
      'apprenticeships for care leavers',
      'the Staying Close programme',
    ],
    measures: [
      higher('Care leavers aged 19-21 in education, employment or training'),
      neutral('Children looked after per 10,000 children', 'rate per 10,000'),
      higher('EHC plans issued within 20 weeks'),
      lower('Re-referrals to children’s social care within 12 months'),
      lower('Pupils persistently absent from school'),
      higher('Take-up of funded early education by eligible two-year-olds'),
      lower('Children subject to a second or subsequent child protection plan'),
      lower('Young people aged 16-17 not in education, employment or training'),
      higher('Children in foster care placed with in-house carers'),
      higher('Children reaching a good level of development at the end of Reception'),
    ],
    context: [
      neutral('Children aged 0-4'),
      neutral('Children aged 5-15'),
      neutral('Pupils eligible for free school meals', 'per cent'),
      neutral('Children in relative low-income families', 'per cent'),
      neutral('Children in need'),
      neutral('Children subject to a child protection plan'),
      neutral('Pupils with an EHC plan'),
      neutral('Children looked after'),
    ],
    board: { title: 'Safeguarding Children Partnership', kind: 'PARTNERSHIP', shortName: 'SCP' },
  },
  adults: {
    key: 'adults',
    plans: ['Adult Social Care Strategy', 'Ageing Well Strategy', 'Carers Strategy', 'Learning Disability and Autism Strategy'],
    directorate: 'Adults and Health',
    roles: [
      'Executive Director of Adult Social Care',
      'Director of Commissioning',
      'Head of Adult Safeguarding',
      'Principal Occupational Therapist',
      'Head of Reablement',
      'Carers Lead',
      'Cabinet Member for Adult Social Care',
    ],
    themes: ['older-people', 'learning-disability', 'unpaid-carers', 'mental-health', 'prevention-and-early-help', 'coproduction-and-user-voice', 'workforce', 'housing'],
    authorities: [
      'care-act-2014',
      'mental-capacity-act-2005',
      'mental-health-act-1983',
      'care-and-support-statutory-guidance',
      'eligibility-regulations-2015',
      'health-and-care-act-2022',
      'chronically-sick-and-disabled-persons-act-1970',
      'carers-recognition-act-1995',
      'people-at-the-heart-of-care',
      'think-local-act-personal',
    ],
    priorities: [
      'People live independently at home for longer',
      'Unpaid carers are recognised and supported',
      'People with a learning disability or autism live fulfilling lives',
      'Adults at risk are safeguarded',
      'Care and support is personalised and joined up',
      'A sustainable and skilled care workforce',
      'A good quality care market with real choice',
    ],
    objectives: [
      'Expand reablement and short-term support',
      'Increase the uptake of direct payments',
      "Improve carers' assessments and breaks",
      'Reduce reliance on residential care',
      'Develop supported living options',
      'Improve safeguarding practice and learning',
      'Shape a sustainable home care market',
      'Improve hospital discharge arrangements',
      'Support the recruitment and retention of care staff',
    ],
    actionObjects: [
      'the reablement service',
      'technology-enabled care',
      "carers' assessments",
      "a carers' breaks fund",
      'extra care housing schemes',
      'the direct payments support service',
      'home care commissioning by locality',
      'the shared lives scheme',
      'Deprivation of Liberty Safeguards reviews',
      "the safeguarding adults board's learning reviews",
      'community equipment and adaptations',
      'the hospital discharge hub',
      'the care workforce recruitment campaign',
      'strengths-based assessment training',
      'supported employment for people with a learning disability',
      'information and advice services',
      'day opportunities',
      'dementia-friendly communities',
      'the falls prevention programme',
      'annual health checks for people with a learning disability',
    ],
    measures: [
      higher('Older people still at home 91 days after discharge into reablement'),
      lower('Permanent admissions to care homes, aged 65 and over', 'rate per 100,000'),
      higher('Carer-reported quality of life', 'score'),
      higher('People receiving direct payments'),
      higher('Adults with a learning disability in paid employment'),
      higher('Safeguarding enquiries where the risk was reduced or removed'),
      lower('Delayed transfers of care', 'days per month'),
      lower('Care staff vacancy rate'),
    ],
    context: [
      neutral('Residents aged 65 and over'),
      neutral('Residents aged 85 and over'),
      neutral('Unpaid carers'),
      neutral('Adults receiving long-term support'),
      neutral('People living with dementia'),
      neutral('Adults with a learning disability known to GPs'),
    ],
    board: { title: 'Safeguarding Adults Board', kind: 'BOARD', shortName: 'SAB' },
  },
  health: {
    key: 'health',
    plans: ['Joint Health and Wellbeing Strategy', 'Public Health Strategy', 'Mental Health and Wellbeing Strategy'],
    directorate: 'Adults and Health',
    roles: ['Director of Public Health', 'Consultant in Public Health', 'Health Improvement Manager', 'Chair of the Health and Wellbeing Board'],
    themes: ['health-inequalities', 'mental-health', 'prevention-and-early-help', 'partnership-working', 'disproportionality-and-equity'],
    authorities: ['health-and-social-care-act-2012', 'health-and-care-act-2022', 'lgpih-act-2007', 'nhs-long-term-plan', 'jsna', 'equality-act-2010', 'mental-health-act-1983'],
    priorities: [
      'Reduce health inequalities between our communities',
      'Improve mental health and wellbeing',
      'Help people live healthier lives',
      'Prevent ill health and premature death',
      'Create healthy places to live',
    ],
    objectives: [
      'Reduce smoking prevalence',
      'Increase physical activity',
      'Reduce harm from alcohol and drugs',
      'Improve access to mental health support',
      'Increase the uptake of NHS Health Checks',
      'Tackle obesity in children and adults',
      'Improve immunisation coverage',
      'Reduce suicide and self-harm',
    ],
    actionObjects: [
      'the stop smoking service',
      'NHS Health Checks outreach',
      'the healthy weight programme for families',
      'social prescribing link workers',
      'the suicide prevention action plan',
      'drug and alcohol treatment services',
      'community health champions',
      'the healthy schools programme',
      'active travel routes',
      'mental health first aid training',
      'the local immunisation plan',
      'a health inequalities toolkit for commissioners',
    ],
    measures: [
      lower('Smoking prevalence in adults'),
      higher('Physically active adults'),
      higher('Healthy life expectancy at birth', 'years'),
      lower('Suicide rate', 'rate per 100,000'),
      lower('Children in Year 6 living with obesity'),
      higher('NHS Health Check uptake'),
      higher('Successful completion of drug treatment'),
    ],
    context: [
      neutral('Life expectancy at birth', 'years'),
      neutral('Premature mortality from cardiovascular disease', 'rate per 100,000'),
      neutral('Adults with depression', 'per cent'),
      neutral('Alcohol-related hospital admissions', 'rate per 100,000'),
      neutral('Adults overweight or obese', 'per cent'),
    ],
    board: { title: 'Health and Wellbeing Board', kind: 'BOARD', shortName: 'HWB' },
  },
  housing: {
    key: 'housing',
    plans: ['Housing Strategy', 'Homelessness and Rough Sleeping Strategy', 'Private Sector Housing Strategy'],
    directorate: 'Place',
    roles: ['Director of Housing', 'Head of Housing Options', 'Private Sector Housing Manager', 'Rough Sleeping Coordinator', 'Cabinet Member for Housing'],
    themes: ['housing', 'health-inequalities', 'child-poverty', 'older-people', 'community-safety'],
    authorities: [
      'housing-act-1996',
      'homelessness-reduction-act-2017',
      'housing-act-2004',
      'homelessness-code-of-guidance',
      'suitability-of-accommodation-order-2012',
      'housing-and-regeneration-act-2008',
      'localism-act-2011',
      'domestic-abuse-act-2021',
    ],
    priorities: [
      'Prevent homelessness wherever possible',
      'End rough sleeping',
      'Increase the supply of affordable homes',
      'Improve standards in private rented homes',
      "Homes that meet people's needs as they age",
    ],
    objectives: [
      'Intervene earlier to prevent homelessness',
      'Reduce the use of temporary accommodation',
      'Deliver new council homes',
      'Tackle damp and mould in rented homes',
      'Bring empty homes back into use',
      'Increase accessible and adapted housing',
    ],
    actionObjects: [
      'the homelessness prevention fund',
      'a rough sleeping outreach team',
      'the housing first programme',
      'selective licensing of private rented homes',
      'the council house building programme',
      'the empty homes scheme',
      'disabled facilities grants',
      'a damp and mould response protocol',
      'the temporary accommodation procurement plan',
      'the tenancy sustainment service',
      'safe accommodation for survivors of domestic abuse',
    ],
    measures: [
      higher('Households where homelessness was prevented'),
      lower('Households in temporary accommodation', 'households'),
      lower('People sleeping rough on a single night', 'people'),
      higher('Affordable homes delivered', 'homes'),
      higher('Empty homes brought back into use', 'homes'),
    ],
    context: [
      neutral('Households on the housing register', 'households'),
      neutral('Median house price to earnings ratio', 'ratio'),
      neutral('Private rented households', 'per cent'),
      neutral('Overcrowded households', 'per cent'),
    ],
  },
  safety: {
    key: 'safety',
    plans: ['Community Safety Partnership Plan', 'Domestic Abuse Strategy', 'Serious Violence Strategy'],
    directorate: 'Place',
    roles: ['Head of Community Safety', 'Domestic Abuse Coordinator', 'Anti-social Behaviour Manager', 'Prevent Coordinator', 'Cabinet Member for Communities'],
    themes: ['community-safety', 'safeguarding', 'partnership-working', 'disproportionality-and-equity', 'mental-health'],
    authorities: [
      'crime-and-disorder-act-1998',
      'domestic-abuse-act-2021',
      'anti-social-behaviour-crime-and-policing-act-2014',
      'counter-terrorism-and-security-act-2015',
      'modern-slavery-act-2015',
      'police-and-justice-act-2006',
      'licensing-act-2003',
      'police-crime-sentencing-and-courts-act-2022',
      'serious-violence-duty-guidance',
    ],
    priorities: [
      'Reduce serious violence',
      'Tackle domestic abuse and violence against women and girls',
      'Reduce anti-social behaviour',
      'Protect vulnerable people from exploitation',
      'Build safe and cohesive communities',
    ],
    objectives: [
      'Intervene early with young people at risk of violence',
      'Improve support for victims of domestic abuse',
      'Use enforcement powers consistently',
      'Disrupt county lines and exploitation',
      'Increase reporting of hate crime',
    ],
    actionObjects: [
      'the serious violence needs assessment',
      'independent domestic violence advisers',
      'the MARAC process',
      'public space protection orders',
      'the community trigger process',
      'Prevent training for frontline staff',
      'a youth violence diversion programme',
      'CCTV in the town centre',
      'the modern slavery referral pathway',
      'licensing enforcement in the night-time economy',
    ],
    measures: [
      lower('Knife crime offences', 'offences'),
      lower('Repeat referrals to MARAC'),
      lower('Anti-social behaviour incidents', 'incidents'),
      higher('Residents who feel safe after dark'),
      higher('Hate crime reports', 'reports'),
    ],
    context: [
      neutral('Recorded crime', 'rate per 1,000'),
      neutral('Domestic abuse incidents', 'incidents'),
      neutral('First-time entrants to the youth justice system', 'rate per 100,000'),
    ],
    board: { title: 'Community Safety Partnership', kind: 'PARTNERSHIP', shortName: 'CSP' },
  },
  economy: {
    key: 'economy',
    plans: ['Economic Growth Strategy', 'Skills and Employment Plan', 'Town Centre Regeneration Plan'],
    directorate: 'Place',
    roles: ['Director of Regeneration', 'Head of Economic Development', 'Employment and Skills Manager', 'Cabinet Member for Growth'],
    themes: ['employment-and-skills', 'child-poverty', 'partnership-working', 'disproportionality-and-equity'],
    authorities: [
      'localism-act-2011',
      'levelling-up-and-regeneration-act-2023',
      'social-value-act-2012',
      'ascl-act-2009',
      'education-and-skills-act-2008',
      'planning-and-compulsory-purchase-act-2004',
      'levelling-up-white-paper',
    ],
    priorities: [
      'Good jobs for local people',
      'A skilled workforce for a growing economy',
      'Vibrant town centres',
      'Support local businesses to start and grow',
      'An inclusive economy that tackles poverty',
    ],
    objectives: [
      'Increase apprenticeships with local employers',
      'Improve adult skills and digital inclusion',
      'Attract inward investment',
      'Bring vacant town centre units back into use',
      'Increase local spend through procurement',
    ],
    actionObjects: [
      'the employment support hub',
      'the adult learning offer',
      'a business start-up programme',
      'the town centre masterplan',
      'the social value framework in contracts',
      'digital skills training in libraries',
      'a local supplier directory',
      'the shop front improvement grant',
      'the apprenticeship levy transfer scheme',
    ],
    measures: [
      higher('Employment rate, aged 16-64'),
      higher('Apprenticeship starts', 'starts'),
      lower('Vacant town centre units'),
      higher('Council spend with local suppliers'),
      higher('Residents qualified to Level 3 or above'),
    ],
    context: [
      neutral('Median weekly earnings', 'pounds'),
      neutral('Claimant count', 'per cent'),
      neutral('Business births', 'businesses'),
      neutral('Residents with no qualifications', 'per cent'),
    ],
  },
  environment: {
    key: 'environment',
    plans: ['Climate Emergency Action Plan', 'Waste and Recycling Strategy', 'Local Flood Risk Management Strategy'],
    directorate: 'Place',
    roles: ['Director of Environment', 'Climate Change Manager', 'Head of Waste Services', 'Lead Local Flood Officer', 'Cabinet Member for Climate'],
    themes: ['climate-and-environment', 'health-inequalities', 'partnership-working'],
    authorities: [
      'climate-change-act-2008',
      'environment-act-2021',
      'environmental-protection-act-1990',
      'flood-and-water-management-act-2010',
      'net-zero-strategy',
      'planning-and-compulsory-purchase-act-2004',
    ],
    priorities: [
      'A net zero council by 2030',
      'Cleaner air for everyone',
      'Less waste and more recycling',
      'A borough resilient to flooding and heat',
      'More trees and green spaces',
    ],
    objectives: [
      'Decarbonise council buildings and fleet',
      'Increase household recycling',
      'Expand electric vehicle charging',
      'Reduce surface water flood risk',
      'Increase tree canopy cover',
    ],
    actionObjects: [
      'the council fleet electrification programme',
      'food waste collections',
      'on-street electric vehicle chargers',
      'the tree planting programme',
      'a retrofit scheme for social housing',
      'sustainable drainage in new developments',
      'the air quality action plan',
      'school streets',
      'solar panels on council buildings',
    ],
    measures: [
      lower("Council's own carbon emissions", 'tonnes CO2e'),
      higher('Household waste sent for reuse, recycling or composting'),
      lower('Annual mean nitrogen dioxide', 'micrograms per cubic metre'),
      higher('Public electric vehicle charge points', 'charge points'),
      higher('Trees planted', 'trees'),
    ],
    context: [
      neutral('Per capita carbon emissions', 'tonnes CO2e'),
      neutral('Properties at risk of surface water flooding', 'properties'),
      neutral('Households in fuel poverty', 'per cent'),
    ],
  },
  council: {
    key: 'council',
    plans: ['Corporate Plan', 'Council Plan', 'Borough Plan'],
    directorate: 'Resources',
    roles: ['Chief Executive', 'Director of Finance (Section 151 Officer)', 'Monitoring Officer', 'Head of Customer Services', 'Head of HR and Organisational Development', 'Leader of the Council'],
    themes: ['workforce', 'coproduction-and-user-voice', 'partnership-working', 'disproportionality-and-equity'],
    authorities: ['local-government-act-1999', 'local-government-act-2000', 'equality-act-2010', 'social-value-act-2012', 'localism-act-2011'],
    priorities: ['A well-run council that listens and delivers value for money'],
    objectives: [
      'Balance the budget over the medium term',
      'Make it easier to contact us online',
      'Develop a diverse, skilled workforce',
      'Strengthen engagement with residents',
    ],
    actionObjects: [
      'the medium-term financial strategy',
      'the digital customer portal',
      "the residents' survey",
      'the equality impact assessment process',
      'the social value policy in procurement',
      'the staff apprenticeship programme',
      'the complaints and learning process',
    ],
    measures: [
      higher('Residents satisfied with the way the council runs things'),
      higher('Customer contacts resolved online'),
      lower('Staff turnover'),
      higher('Savings delivered against plan'),
    ],
    context: [neutral('Residents', 'people'), neutral('Council tax collection rate', 'per cent'), neutral('Staff employed by the council', 'people')],
  },
};

/** Council-wide priorities of a corporate plan, each with the service domains it speaks for. */
export const corporatePriorities: { title: string; domains: DomainKey[] }[] = [
  { title: 'Children and young people have the best start in life', domains: ['children'] },
  { title: 'Residents live healthy, independent lives', domains: ['adults', 'health'] },
  { title: 'Everyone has a safe, secure and affordable home', domains: ['housing'] },
  { title: 'Safe and confident communities', domains: ['safety'] },
  { title: 'A thriving economy with good jobs and skills', domains: ['economy'] },
  { title: 'A clean, green and sustainable borough', domains: ['environment'] },
  { title: 'A well-run council that listens and delivers value for money', domains: ['council'] },
];

/** Service domains a council may write strategies for besides children's and adults' services. */
export const optionalDomains: DomainKey[] = ['health', 'housing', 'safety', 'economy', 'environment'];

export const placeStarts = ['Ash', 'Brook', 'Cold', 'Elm', 'Fair', 'Green', 'High', 'Kings', 'Long', 'Mill', 'North', 'Oak', 'Red', 'South', 'Stone', 'West', 'Wood', 'Bridge', 'Church', 'Marsh'];
export const placeEnds = ['field', 'ford', 'ham', 'ley', 'mere', 'ton', 'worth', 'bury', 'dale', 'wick'];
export const councilKinds = ['Borough Council', 'District Council', 'City Council', 'County Council', 'Metropolitan Borough Council'];
export const wardWords = ['Abbey', 'Castle', 'Park', 'Central', 'Heath', 'Riverside', "St Mary's", 'Victoria', 'Hill', 'Priory', 'Market', 'Meadow', 'Station', 'Common', 'Grange', 'Valley'];
export const compass = ['North', 'South', 'East', 'West', 'Upper', 'Lower', 'Old'];
export const breakdowns = [['Male', 'Female'], ['Aged 0-17', 'Aged 18-64', 'Aged 65+'], ['White', 'Asian', 'Black', 'Mixed', 'Other']];

export const partners: { title: string; kind: 'NHS_BODY' | 'VOLUNTARY' | 'EDUCATION' | 'BUSINESS'; shortName: string }[] = [
  { title: 'Integrated Care Board', kind: 'NHS_BODY', shortName: 'ICB' },
  { title: 'Community and Mental Health NHS Foundation Trust', kind: 'NHS_BODY', shortName: 'NHS Trust' },
  { title: 'Council for Voluntary Service', kind: 'VOLUNTARY', shortName: 'CVS' },
  { title: 'College', kind: 'EDUCATION', shortName: 'College' },
  { title: 'Chamber of Commerce', kind: 'BUSINESS', shortName: 'Chamber' },
];

/** Inspection frameworks the synthetic inspections follow: children's services by Ofsted, adults' by CQC. */
export const inspections = [
  {
    key: 'ofsted',
    domain: 'children' as const,
    inspectorate: { id: 'ofsted', title: "Office for Standards in Education, Children's Services and Skills", shortName: 'Ofsted' },
    framework: 'ilacs',
    title: "Inspection of children's social care services",
    judgements: [
      'Overall effectiveness',
      'The impact of leaders on social work practice with children and families',
      'The experiences and progress of children who need help and protection',
      'The experiences and progress of children in care',
      'The experiences and progress of care leavers',
    ],
  },
  {
    key: 'cqc',
    domain: 'adults' as const,
    inspectorate: { id: 'cqc', title: 'Care Quality Commission', shortName: 'CQC' },
    framework: 'cqc-local-authority-assessment',
    title: 'Local authority assessment: how the council meets its duties under the Care Act',
    judgements: ['Working with people', 'Providing support', 'How the council ensures safety within the system', 'Leadership'],
  },
];

export const grades = ['OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE'] as const;

/** Sentences of an inspection report about one thing the council does, by kind of evidence. */
export const evidenceSentences: Record<'STRENGTH' | 'FINDING' | 'AREA_FOR_IMPROVEMENT' | 'RECOMMENDATION', ((object: string) => string)[]> = {
  STRENGTH: [
    (object) => `Effective use of ${object} helps people make progress.`,
    (object) => `Leaders have invested in ${object}, which is making a difference.`,
    (object) => `Partners value ${object} and use it well.`,
  ],
  FINDING: [
    (object) => `Inspectors saw variable use of ${object}.`,
    (object) => `The council has recently reorganised ${object}.`,
  ],
  AREA_FOR_IMPROVEMENT: [
    (object) => `The quality and timeliness of ${object} are not consistent.`,
    (object) => `Too few people benefit from ${object}.`,
    (object) => `Management oversight of ${object} is not yet strong enough.`,
  ],
  RECOMMENDATION: [
    (object) => `The council should improve the consistency and reach of ${object}.`,
    (object) => `Leaders should strengthen management oversight of ${object}.`,
    (object) => `The council should make sure that ${object} is timely and effective for everyone who needs it.`,
  ],
};
