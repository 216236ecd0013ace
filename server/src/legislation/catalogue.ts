/**
 * A built-in catalogue of the Acts, statutory instruments and statutory guidance that an English
 * council's people and place services cite (children's and adults' social care, education and
 * SEND, public health and tobacco, housing and homelessness, community safety, equality, data
 * protection, local government), and a tolerant finder of citations of them in free text.
 *
 * Each legislation.gov.uk identifier is the Act's chapter or the instrument's SI number for the
 * year in its title; an entry whose number was not certain is left out rather than guessed.
 * Ids follow the seed data (`authority/care-act-2014`), so an imported document and the hand-made
 * seed files name the same Authority node.
 */
import { slugify } from '../text.ts';

export type AuthorityKind = 'ACT' | 'REGULATION' | 'STATUTORY_GUIDANCE';

export interface CatalogueEntry {
  /** Graph id in the project's style, e.g. `authority/care-act-2014`. */
  id: string;
  /** Canonical title, as legislation.gov.uk or the publishing department gives it. */
  title: string;
  kind: AuthorityKind;
  year?: number;
  /** legislation.gov.uk identifier (Acts and statutory instruments only), e.g. `ukpga/2014/23`. */
  legislationId?: string;
  /**
   * Informal names and misspellings, matched without regard to case, `&` for "and", apostrophes
   * and line breaks. An alias with a year matches only with that year; one without a year also
   * matches when the text gives the year.
   */
  aliases: readonly string[];
  /** Names matched only with exactly this capitalisation: acronyms ("CSWA 2017"), "Prevent duty". */
  exactAliases?: readonly string[];
  /** True when the title without its year names this authority unambiguously ("the Care Act"). */
  yearOptional?: boolean;
}

/** Ids follow the seed data: `authority/` and the whole title as a slug, without a leading "The". */
const slug = (title: string) => slugify(title.replace(/^the\s+/i, ''), Number.POSITIVE_INFINITY);

/** The id of the Authority node a title names, as the catalogue makes it: `authority/care-act-2014`. */
export const authorityIdOf = (title: string) => `authority/${slug(title)}`;

type Details = Partial<Pick<CatalogueEntry, 'id' | 'year' | 'aliases' | 'exactAliases' | 'yearOptional'>>;

/** An Act (`ukpga/<year>/<chapter>`) or statutory instrument (`uksi/<year>/<number>`); the year is the title's. */
function legislation(kind: 'ACT' | 'REGULATION', title: string, legislationId: string, details: Details): CatalogueEntry {
  return { id: `authority/${slug(title)}`, title, kind, year: Number(title.slice(-4)), legislationId, aliases: [], ...details };
}
const act = (title: string, legislationId: string, details: Details = {}) => legislation('ACT', title, legislationId, details);
const regulation = (title: string, legislationId: string, details: Details = {}) => legislation('REGULATION', title, legislationId, details);
const guidance = (title: string, details: Details = {}): CatalogueEntry => ({
  id: `authority/${slug(title)}`,
  title,
  kind: 'STATUTORY_GUIDANCE',
  aliases: [],
  ...details,
});

/**
 * The catalogue, grouped by field. A title names one entry: the tests check that every title and
 * alias finds its own entry and no neighbour ("Children Act 2004" is not the Children and
 * Families Act 2014, nor the Housing Act 1996 the Housing Act 2004).
 */
export const legislationCatalogue: readonly CatalogueEntry[] = [
  // --- Adults' social care, health and mental capacity ---
  act('Care Act 2014', 'ukpga/2014/23', { aliases: ['the Care Act'], exactAliases: ['CA 2014'], yearOptional: true }),
  act('Health and Social Care Act 2012', 'ukpga/2012/7'),
  act('Health and Social Care Act 2008', 'ukpga/2008/14'),
  act('Health and Social Care Act 2001', 'ukpga/2001/15'),
  act('Health and Care Act 2022', 'ukpga/2022/31', { yearOptional: true }),
  act('Health and Social Care (Community Health and Standards) Act 2003', 'ukpga/2003/43', { yearOptional: true }),
  act('Health and Social Care (Safety and Quality) Act 2015', 'ukpga/2015/28', { yearOptional: true }),
  act('Health and Social Care (National Data Guardian) Act 2018', 'ukpga/2018/31', { yearOptional: true }),
  act('National Health Service Act 2006', 'ukpga/2006/41', { aliases: ['NHS Act 2006'] }),
  act('National Health Service and Community Care Act 1990', 'ukpga/1990/19', { aliases: ['NHS and Community Care Act 1990'], yearOptional: true }),
  act('Health Act 2006', 'ukpga/2006/28'),
  act('Health Act 2009', 'ukpga/2009/21'),
  act('Health Services and Public Health Act 1968', 'ukpga/1968/46', { yearOptional: true }),
  act('Local Authority Social Services Act 1970', 'ukpga/1970/42', { yearOptional: true }),
  act('Local Government and Public Involvement in Health Act 2007', 'ukpga/2007/28', { yearOptional: true }),
  act('Community Care (Delayed Discharges etc.) Act 2003', 'ukpga/2003/5', { aliases: ['Community Care (Delayed Discharges) Act 2003'], yearOptional: true }),
  act('Care Standards Act 2000', 'ukpga/2000/14', { yearOptional: true }),
  act('Mental Capacity Act 2005', 'ukpga/2005/9', { exactAliases: ['MCA 2005'], yearOptional: true }),
  act('Mental Capacity (Amendment) Act 2019', 'ukpga/2019/18', { yearOptional: true }),
  act('Mental Health Act 1983', 'ukpga/1983/20', { exactAliases: ['MHA 1983'], yearOptional: true }),
  act('Mental Health Act 2007', 'ukpga/2007/12', { exactAliases: ['MHA 2007'] }),
  act('Mental Health Units (Use of Force) Act 2018', 'ukpga/2018/27', { aliases: ["Seni's Law"], yearOptional: true }),
  act('Chronically Sick and Disabled Persons Act 1970', 'ukpga/1970/44', { yearOptional: true }),
  act('Disabled Persons (Services, Consultation and Representation) Act 1986', 'ukpga/1986/33', { yearOptional: true }),
  act('Autism Act 2009', 'ukpga/2009/15', { yearOptional: true }),
  act('Down Syndrome Act 2022', 'ukpga/2022/18', { yearOptional: true }),
  act('Carers (Recognition and Services) Act 1995', 'ukpga/1995/12', { yearOptional: true }),
  act('Carers and Disabled Children Act 2000', 'ukpga/2000/16', { yearOptional: true }),
  act('Carers (Equal Opportunities) Act 2004', 'ukpga/2004/15', { yearOptional: true }),
  act('Access to Health Records Act 1990', 'ukpga/1990/23', { yearOptional: true }),
  act('Safeguarding Vulnerable Groups Act 2006', 'ukpga/2006/47', { yearOptional: true }),
  act('Protection of Freedoms Act 2012', 'ukpga/2012/9', { yearOptional: true }),
  regulation('The Care and Support (Eligibility Criteria) Regulations 2015', 'uksi/2015/313', {
    aliases: ['Care Act eligibility regulations'],
    yearOptional: true,
  }),
  regulation('The Care and Support (Assessment) Regulations 2014', 'uksi/2014/2827', { yearOptional: true }),
  regulation('The Care and Support (Charging and Assessment of Resources) Regulations 2014', 'uksi/2014/2672', { yearOptional: true }),
  regulation('The Care and Support and Aftercare (Choice of Accommodation) Regulations 2014', 'uksi/2014/2670', { yearOptional: true }),
  regulation('The Care and Support (Deferred Payment) Regulations 2014', 'uksi/2014/2671', { yearOptional: true }),
  regulation('The Care and Support (Preventing Needs for Care and Support) Regulations 2014', 'uksi/2014/2673', { yearOptional: true }),
  regulation('The Care and Support (Independent Advocacy Support) (No. 2) Regulations 2014', 'uksi/2014/2889', { yearOptional: true }),
  regulation('The Care and Support (Direct Payments) Regulations 2014', 'uksi/2014/2871', { yearOptional: true }),
  regulation('The Care and Support (Market Oversight Criteria) Regulations 2015', 'uksi/2015/314', { yearOptional: true }),
  regulation('The Care and Support (Ordinary Residence) (Specified Accommodation) Regulations 2014', 'uksi/2014/2828', { yearOptional: true }),
  regulation('The Health and Social Care Act 2008 (Regulated Activities) Regulations 2014', 'uksi/2014/2936', {
    aliases: ['Regulated Activities Regulations 2014', 'Fundamental Standards Regulations 2014'],
  }),
  regulation('The Care Quality Commission (Registration) Regulations 2009', 'uksi/2009/3112', { yearOptional: true }),
  regulation('The Local Authority Social Services and National Health Service Complaints (England) Regulations 2009', 'uksi/2009/309', {
    aliases: [
      'Local Authority Social Services and NHS Complaints (England) Regulations 2009',
      'Local Authority Social Services and NHS Complaints Regulations 2009',
    ],
    yearOptional: true,
  }),
  regulation('The Mental Capacity (Deprivation of Liberty: Standard Authorisations, Assessments and Ordinary Residence) Regulations 2008', 'uksi/2008/1858', {
    yearOptional: true,
  }),
  regulation('The NHS Bodies and Local Authorities Partnership Arrangements Regulations 2000', 'uksi/2000/617', { yearOptional: true }),
  regulation(
    'The National Health Service Commissioning Board and Clinical Commissioning Groups (Responsibilities and Standing Rules) Regulations 2012',
    'uksi/2012/2996',
    { aliases: ['NHS Standing Rules Regulations 2012'] },
  ),
  guidance('Care and support statutory guidance', { year: 2014, aliases: ['Care Act statutory guidance', 'Care Act guidance'] }),
  guidance('Mental Health Act 1983: Code of Practice', {
    id: 'authority/mental-health-act-code-of-practice',
    year: 2015,
    aliases: ['Mental Health Act Code of Practice', 'Mental Health Act 1983 Code of Practice'],
  }),
  guidance('Mental Capacity Act 2005 Code of Practice', {
    id: 'authority/mental-capacity-act-code-of-practice',
    year: 2007,
    aliases: ['Mental Capacity Act Code of Practice'],
  }),
  guidance('Deprivation of Liberty Safeguards: Code of Practice', {
    year: 2008,
    aliases: ['Deprivation of Liberty Safeguards Code of Practice'],
    exactAliases: ['DoLS Code of Practice'],
  }),

  // --- Children's social care, safeguarding, adoption and care leavers ---
  act('Children Act 1989', 'ukpga/1989/41', { exactAliases: ['CA 1989'] }),
  act('Children Act 2004', 'ukpga/2004/31', { exactAliases: ['CA 2004'] }),
  act('Children and Families Act 2014', 'ukpga/2014/6', { exactAliases: ['CFA 2014'], yearOptional: true }),
  act('Children and Social Work Act 2017', 'ukpga/2017/16', { exactAliases: ['CSWA 2017'], yearOptional: true }),
  act('Children (Leaving Care) Act 2000', 'ukpga/2000/35', { aliases: ['Leaving Care Act 2000'], yearOptional: true }),
  act('Children and Young Persons Act 1963', 'ukpga/1963/37'),
  act('Children and Young Persons Act 1969', 'ukpga/1969/54'),
  act('Children and Young Persons Act 2008', 'ukpga/2008/23'),
  act('Children and Adoption Act 2006', 'ukpga/2006/20', { yearOptional: true }),
  act('Children, Schools and Families Act 2010', 'ukpga/2010/26', { yearOptional: true }),
  act('Adoption and Children Act 2002', 'ukpga/2002/38', { yearOptional: true }),
  act('Protection of Children Act 1999', 'ukpga/1999/14', { yearOptional: true }),
  act('Family Law Act 1996', 'ukpga/1996/27', { yearOptional: true }),
  act('Child Poverty Act 2010', 'ukpga/2010/9', { yearOptional: true }),
  act('Female Genital Mutilation Act 2003', 'ukpga/2003/31', { exactAliases: ['FGM Act 2003'], yearOptional: true }),
  act('Forced Marriage (Civil Protection) Act 2007', 'ukpga/2007/20', { yearOptional: true }),
  act('Marriage and Civil Partnership (Minimum Age) Act 2022', 'ukpga/2022/28', { yearOptional: true }),
  regulation('The Breaks for Carers of Disabled Children Regulations 2011', 'uksi/2011/707', {
    aliases: ['Short Breaks Regulations 2011', 'Breaks for Carers Regulations 2011'],
    yearOptional: true,
  }),
  regulation('The Care Planning, Placement and Case Review (England) Regulations 2010', 'uksi/2010/959', {
    id: 'authority/care-planning-placement-and-case-review-regulations-2010',
    aliases: ['Care Planning Regulations 2010'],
    yearOptional: true,
  }),
  regulation('The Care Leavers (England) Regulations 2010', 'uksi/2010/2571', { yearOptional: true }),
  regulation('The Fostering Services (England) Regulations 2011', 'uksi/2011/581', { yearOptional: true }),
  regulation("The Children's Homes (England) Regulations 2015", 'uksi/2015/541', { yearOptional: true }),
  regulation('The Adoption Agencies Regulations 2005', 'uksi/2005/389'),
  regulation('The Adoption Support Services Regulations 2005', 'uksi/2005/691'),
  regulation('The Suitability of Adopters Regulations 2005', 'uksi/2005/1712'),
  regulation('The Local Authority Adoption Service (England) Regulations 2003', 'uksi/2003/370'),
  regulation('The Special Guardianship Regulations 2005', 'uksi/2005/1109'),
  regulation('The Children (Private Arrangements for Fostering) Regulations 2005', 'uksi/2005/1533', { yearOptional: true }),
  regulation('The Children (Secure Accommodation) Regulations 1991', 'uksi/1991/1505', { yearOptional: true }),
  regulation('The Children Act 1989 Representations Procedure (England) Regulations 2006', 'uksi/2006/1738', { yearOptional: true }),
  regulation('The Visits to Former Looked After Children in Detention (England) Regulations 2010', 'uksi/2010/2797', { yearOptional: true }),
  regulation('The Local Safeguarding Children Boards Regulations 2006', 'uksi/2006/90', { aliases: ['LSCB Regulations 2006'] }),
  regulation('The Local Safeguarding Children Boards (Review) Regulations 2013', 'uksi/2013/2299', {
    aliases: ['LSCB (Review) Regulations 2013'],
    yearOptional: true,
  }),
  regulation('The Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018', 'uksi/2018/789', { yearOptional: true }),
  regulation('The Supported Accommodation (England) Regulations 2023', 'uksi/2023/416', { yearOptional: true }),
  guidance('Working Together to Safeguard Children', { exactAliases: ['Working Together 2015', 'Working Together 2018', 'Working Together 2023'] }),
  guidance('Keeping Children Safe in Education', { exactAliases: ['KCSIE'] }),
  guidance("Children's social care national framework", { year: 2023 }),
  guidance('The Children Act 1989 guidance and regulations Volume 2: care planning, placement and case review', {
    year: 2010,
    aliases: ['Children Act 1989 guidance and regulations Volume 2', 'Children Act 1989 Volume 2'],
  }),
  guidance('The Children Act 1989 guidance and regulations Volume 3: planning transition to adulthood for care leavers', {
    year: 2010,
    aliases: ['Children Act 1989 guidance and regulations Volume 3', 'Children Act 1989 Volume 3'],
  }),
  guidance('Sufficiency: statutory guidance on securing sufficient accommodation for looked after children', { year: 2010 }),
  guidance('Promoting the education of looked-after children and previously looked-after children', {
    year: 2018,
    aliases: ['Promoting the education of looked after children'],
  }),
  guidance('Promoting the health and well-being of looked-after children', { year: 2015 }),
  guidance('Applying corporate parenting principles to looked-after children and care leavers', { year: 2018 }),
  guidance('Statutory guidance on children who run away or go missing from home or care', {
    year: 2014,
    aliases: ['Children who run away or go missing from home or care'],
  }),
  guidance('Special guardianship guidance'),
  guidance('Adoption: statutory guidance', { year: 2013, aliases: ['Adoption statutory guidance'] }),
  guidance('Multi-agency statutory guidance on female genital mutilation', { year: 2016, aliases: ['FGM multi-agency statutory guidance'] }),
  guidance('Multi-agency statutory guidance for dealing with forced marriage', { aliases: ['Forced marriage statutory guidance'] }),

  // --- Education, early years and SEND ---
  act('Education Act 1996', 'ukpga/1996/56'),
  act('Education Act 2002', 'ukpga/2002/32'),
  act('Education Act 2005', 'ukpga/2005/18'),
  act('Education Act 2011', 'ukpga/2011/21'),
  act('Education (No. 2) Act 1986', 'ukpga/1986/61'),
  act('Education Reform Act 1988', 'ukpga/1988/40', { yearOptional: true }),
  act('Education and Inspections Act 2006', 'ukpga/2006/40', { exactAliases: ['EIA 2006'], yearOptional: true }),
  act('Education and Skills Act 2008', 'ukpga/2008/25', { yearOptional: true }),
  act('Education and Adoption Act 2016', 'ukpga/2016/6', { yearOptional: true }),
  act('School Standards and Framework Act 1998', 'ukpga/1998/31', { yearOptional: true }),
  act('Learning and Skills Act 2000', 'ukpga/2000/21', { yearOptional: true }),
  act('Apprenticeships, Skills, Children and Learning Act 2009', 'ukpga/2009/22', { yearOptional: true }),
  act('Academies Act 2010', 'ukpga/2010/32', { yearOptional: true }),
  act('Further and Higher Education Act 1992', 'ukpga/1992/13', { yearOptional: true }),
  act('Teaching and Higher Education Act 1998', 'ukpga/1998/30', { yearOptional: true }),
  act('Higher Education and Research Act 2017', 'ukpga/2017/29', { yearOptional: true }),
  act('Skills and Post-16 Education Act 2022', 'ukpga/2022/21', { yearOptional: true }),
  act('Special Educational Needs and Disability Act 2001', 'ukpga/2001/10', { exactAliases: ['SENDA 2001'], yearOptional: true }),
  act('Childcare Act 2006', 'ukpga/2006/21'),
  act('Childcare Act 2016', 'ukpga/2016/5'),
  regulation('The Special Educational Needs and Disability Regulations 2014', 'uksi/2014/1530', {
    id: 'authority/send-regulations-2014',
    aliases: ['SEND Regulations 2014', 'SEN and Disability Regulations 2014', 'SEND Regulations'],
    yearOptional: true,
  }),
  regulation('The Special Educational Needs (Personal Budgets) Regulations 2014', 'uksi/2014/1652', { yearOptional: true }),
  regulation('The Special Educational Needs and Disability (Detained Persons) Regulations 2015', 'uksi/2015/62', { yearOptional: true }),
  regulation('The School Admissions (Admission Arrangements and Co-ordination of Admission Arrangements) (England) Regulations 2012', 'uksi/2012/8', {
    yearOptional: true,
  }),
  regulation('The Education (Pupil Registration) (England) Regulations 2006', 'uksi/2006/1751', { aliases: ['Pupil Registration Regulations 2006'] }),
  regulation('The School Discipline (Pupil Exclusions and Reviews) (England) Regulations 2012', 'uksi/2012/1033', { yearOptional: true }),
  regulation('The Education (Independent School Standards) Regulations 2014', 'uksi/2014/3283', { aliases: ['Independent School Standards Regulations 2014'] }),
  regulation('The Childcare (Early Years Register) Regulations 2008', 'uksi/2008/974', { yearOptional: true }),
  regulation('The Childcare (General Childcare Register) Regulations 2008', 'uksi/2008/975', { yearOptional: true }),
  guidance('Special educational needs and disability code of practice: 0 to 25 years', {
    id: 'authority/send-code-of-practice-2014',
    year: 2014,
    aliases: [
      'SEND Code of Practice',
      'SEN and Disability Code of Practice',
      'Special Educational Needs and Disability Code of Practice',
      'SEN Code of Practice',
    ],
    exactAliases: ['SEND CoP'],
  }),
  guidance('Statutory framework for the early years foundation stage', {
    aliases: ['Early Years Foundation Stage statutory framework', 'EYFS statutory framework', 'Early Years Foundation Stage framework'],
    exactAliases: ['EYFS framework'],
  }),
  guidance('School Admissions Code'),
  guidance('School Admission Appeals Code'),
  guidance('Supporting pupils at school with medical conditions'),
  guidance('Suspension and permanent exclusion from maintained schools, academies and pupil referral units in England', {
    year: 2022,
    aliases: ['Suspension and permanent exclusion guidance'],
  }),
  guidance('Working together to improve school attendance', { year: 2024 }),
  guidance('Alternative provision: statutory guidance for local authorities', { year: 2013, aliases: ['Alternative provision statutory guidance'] }),
  guidance('Children missing education: statutory guidance for local authorities', { year: 2016, aliases: ['Children missing education statutory guidance'] }),
  guidance('Early education and childcare: statutory guidance for local authorities', { aliases: ['Early education and childcare statutory guidance'] }),
  guidance("Statutory guidance on the roles and responsibilities of the Director of Children's Services and the Lead Member for Children's Services", {
    year: 2013,
    aliases: ["Statutory guidance on the roles and responsibilities of the Director of Children's Services"],
  }),

  // --- Public health, tobacco, alcohol and environmental health ---
  act('Public Health (Control of Disease) Act 1984', 'ukpga/1984/22', { yearOptional: true }),
  act('Coronavirus Act 2020', 'ukpga/2020/7', { yearOptional: true }),
  act('Tobacco Advertising and Promotion Act 2002', 'ukpga/2002/36', { yearOptional: true }),
  act('Children and Young Persons (Protection from Tobacco) Act 1991', 'ukpga/1991/23', { yearOptional: true }),
  act('Sunbeds (Regulation) Act 2010', 'ukpga/2010/20', { yearOptional: true }),
  act('Licensing Act 2003', 'ukpga/2003/17'),
  act('Gambling Act 2005', 'ukpga/2005/19'),
  act('Misuse of Drugs Act 1971', 'ukpga/1971/38', { yearOptional: true }),
  act('Psychoactive Substances Act 2016', 'ukpga/2016/2', { yearOptional: true }),
  act('Food Safety Act 1990', 'ukpga/1990/16', { yearOptional: true }),
  act('Health and Safety at Work etc. Act 1974', 'ukpga/1974/37', { aliases: ['Health and Safety at Work Act 1974'], yearOptional: true }),
  act('Environmental Protection Act 1990', 'ukpga/1990/43', { yearOptional: true }),
  act('Environment Act 1995', 'ukpga/1995/25'),
  act('Environment Act 2021', 'ukpga/2021/30'),
  act('Clean Air Act 1993', 'ukpga/1993/11'),
  act('Noise Act 1996', 'ukpga/1996/37'),
  act('Climate Change Act 2008', 'ukpga/2008/27', { yearOptional: true }),
  regulation('The Smoke-free (Premises and Enforcement) Regulations 2006', 'uksi/2006/3368', { yearOptional: true }),
  regulation('The Smoke-free (Exemptions and Vehicles) Regulations 2007', 'uksi/2007/765', { yearOptional: true }),
  regulation('The Smoke-free (Penalties and Discounted Amounts) Regulations 2007', 'uksi/2007/764', { yearOptional: true }),
  regulation('The Smoke-free (Signs) Regulations 2012', 'uksi/2012/1536', { yearOptional: true }),
  regulation('The Smoke-free (Private Vehicles) Regulations 2015', 'uksi/2015/286', { yearOptional: true }),
  regulation('The Smoke-free (Vehicle Operators and Penalty Notices) Regulations 2007', 'uksi/2007/760', { yearOptional: true }),
  regulation('The Children and Young Persons (Sale of Tobacco etc.) Order 2007', 'uksi/2007/767', { yearOptional: true }),
  regulation('The Protection from Tobacco (Sales from Vending Machines) (England) Regulations 2010', 'uksi/2010/864', { yearOptional: true }),
  regulation('The Standardised Packaging of Tobacco Products Regulations 2015', 'uksi/2015/829', { yearOptional: true }),
  regulation('The Nicotine Inhaling Products (Age of Sale and Proxy Purchasing) Regulations 2015', 'uksi/2015/895', { yearOptional: true }),
  regulation('The Tobacco and Related Products Regulations 2016', 'uksi/2016/507', { yearOptional: true }),
  regulation('The Health Protection (Notification) Regulations 2010', 'uksi/2010/659', { yearOptional: true }),
  regulation('The Local Authority (Public Health, Health and Wellbeing Boards and Health Scrutiny) Regulations 2013', 'uksi/2013/218', { yearOptional: true }),
  regulation('The Local Authorities (Public Health Functions and Entry to Premises by Local Healthwatch Representatives) Regulations 2013', 'uksi/2013/351', {
    yearOptional: true,
  }),
  guidance('Statutory guidance on joint strategic needs assessments and joint health and wellbeing strategies', {
    year: 2013,
    aliases: ['JSNA and JHWS statutory guidance'],
  }),

  // --- Housing and homelessness ---
  act('Housing Act 1985', 'ukpga/1985/68'),
  act('Housing Act 1988', 'ukpga/1988/50'),
  act('Housing Act 1996', 'ukpga/1996/52'),
  act('Housing Act 2004', 'ukpga/2004/34'),
  act('Homelessness Act 2002', 'ukpga/2002/7', { yearOptional: true }),
  act('Homelessness Reduction Act 2017', 'ukpga/2017/13', { exactAliases: ['HRA 2017'], yearOptional: true }),
  act('Housing and Regeneration Act 2008', 'ukpga/2008/17', { yearOptional: true }),
  act('Housing and Planning Act 2016', 'ukpga/2016/22', { yearOptional: true }),
  act('Housing Grants, Construction and Regeneration Act 1996', 'ukpga/1996/53', { yearOptional: true }),
  act('Local Government and Housing Act 1989', 'ukpga/1989/42', { yearOptional: true }),
  act('Protection from Eviction Act 1977', 'ukpga/1977/43', { yearOptional: true }),
  act('Landlord and Tenant Act 1985', 'ukpga/1985/70'),
  act('Mobile Homes Act 1983', 'ukpga/1983/34'),
  act('Prevention of Social Housing Fraud Act 2013', 'ukpga/2013/3', { yearOptional: true }),
  act('Deregulation Act 2015', 'ukpga/2015/20'),
  act('Homes (Fitness for Human Habitation) Act 2018', 'ukpga/2018/34', { yearOptional: true }),
  act('Tenant Fees Act 2019', 'ukpga/2019/4', { yearOptional: true }),
  act('Building Safety Act 2022', 'ukpga/2022/30', { yearOptional: true }),
  act('Social Housing (Regulation) Act 2023', 'ukpga/2023/36', { yearOptional: true }),
  act('Supported Housing (Regulatory Oversight) Act 2023', 'ukpga/2023/26', { yearOptional: true }),
  act('Building Act 1984', 'ukpga/1984/55'),
  act('Fire Safety Act 2021', 'ukpga/2021/24'),
  regulation('The Homelessness (Priority Need for Accommodation) (England) Order 2002', 'uksi/2002/2051', { yearOptional: true }),
  regulation('The Homelessness (Suitability of Accommodation) (England) Order 2003', 'uksi/2003/3326'),
  regulation('The Homelessness (Suitability of Accommodation) (England) Order 2012', 'uksi/2012/2601'),
  regulation('The Homelessness (Review Procedure etc.) Regulations 2018', 'uksi/2018/223', {
    aliases: ['Homelessness (Review Procedure) Regulations 2018'],
    yearOptional: true,
  }),
  regulation('The Allocation of Housing and Homelessness (Eligibility) (England) Regulations 2006', 'uksi/2006/1294', { yearOptional: true }),
  regulation('The Housing Health and Safety Rating System (England) Regulations 2005', 'uksi/2005/3208', { yearOptional: true }),
  regulation('The Licensing of Houses in Multiple Occupation (Prescribed Description) (England) Order 2018', 'uksi/2018/221', { yearOptional: true }),
  regulation('The Smoke and Carbon Monoxide Alarm (England) Regulations 2015', 'uksi/2015/1693'),
  regulation('The Electrical Safety Standards in the Private Rented Sector (England) Regulations 2020', 'uksi/2020/312', { yearOptional: true }),
  regulation('The Energy Efficiency (Private Rented Property) (England and Wales) Regulations 2015', 'uksi/2015/962', { yearOptional: true }),
  regulation('The Gas Safety (Installation and Use) Regulations 1998', 'uksi/1998/2451', { yearOptional: true }),
  regulation('The Regulatory Reform (Housing Assistance) (England and Wales) Order 2002', 'uksi/2002/1860', { yearOptional: true }),
  regulation('The Regulatory Reform (Fire Safety) Order 2005', 'uksi/2005/1541', { yearOptional: true }),
  guidance('Homelessness code of guidance for local authorities', {
    id: 'authority/homelessness-code-of-guidance',
    year: 2018,
    aliases: ['Homelessness Code of Guidance'],
  }),
  guidance('Allocation of accommodation: guidance for local housing authorities in England', { year: 2012 }),

  // --- Community safety, domestic abuse, exploitation, youth justice and Prevent ---
  act('Crime and Disorder Act 1998', 'ukpga/1998/37', { yearOptional: true }),
  act('Criminal Justice Act 2003', 'ukpga/2003/44'),
  act('Criminal Justice and Immigration Act 2008', 'ukpga/2008/4', { yearOptional: true }),
  act('Criminal Justice and Courts Act 2015', 'ukpga/2015/2', { yearOptional: true }),
  act('Legal Aid, Sentencing and Punishment of Offenders Act 2012', 'ukpga/2012/10', { exactAliases: ['LASPO 2012', 'LASPO Act 2012'], yearOptional: true }),
  act('Sentencing Act 2020', 'ukpga/2020/17'),
  act('Youth Justice and Criminal Evidence Act 1999', 'ukpga/1999/23', { yearOptional: true }),
  act('Police and Criminal Evidence Act 1984', 'ukpga/1984/60', { exactAliases: ['PACE 1984'], yearOptional: true }),
  act('Rehabilitation of Offenders Act 1974', 'ukpga/1974/53', { yearOptional: true }),
  act('Offender Management Act 2007', 'ukpga/2007/21', { yearOptional: true }),
  act('Anti-social Behaviour Act 2003', 'ukpga/2003/38'),
  act('Anti-social Behaviour, Crime and Policing Act 2014', 'ukpga/2014/12', { yearOptional: true }),
  act('Police and Justice Act 2006', 'ukpga/2006/48', { yearOptional: true }),
  act('Police Reform and Social Responsibility Act 2011', 'ukpga/2011/13', { yearOptional: true }),
  act('Policing and Crime Act 2017', 'ukpga/2017/3'),
  act('Police, Crime, Sentencing and Courts Act 2022', 'ukpga/2022/32', { exactAliases: ['PCSC Act 2022'], yearOptional: true }),
  act('Domestic Abuse Act 2021', 'ukpga/2021/17', { yearOptional: true }),
  act('Domestic Violence, Crime and Victims Act 2004', 'ukpga/2004/28', { yearOptional: true }),
  act('Victims and Prisoners Act 2024', 'ukpga/2024/21', { yearOptional: true }),
  act('Protection from Harassment Act 1997', 'ukpga/1997/40', { yearOptional: true }),
  act('Stalking Protection Act 2019', 'ukpga/2019/9', { yearOptional: true }),
  act('Sexual Offences Act 2003', 'ukpga/2003/42'),
  act('Serious Crime Act 2015', 'ukpga/2015/9'),
  act('Modern Slavery Act 2015', 'ukpga/2015/30', { yearOptional: true }),
  act('Violent Crime Reduction Act 2006', 'ukpga/2006/38', { yearOptional: true }),
  act('Offensive Weapons Act 2019', 'ukpga/2019/17', { yearOptional: true }),
  act('Terrorism Act 2000', 'ukpga/2000/11'),
  act('Counter-Terrorism and Security Act 2015', 'ukpga/2015/6', { exactAliases: ['Prevent duty', 'PREVENT duty', 'Prevent Duty'], yearOptional: true }),
  act('Counter-Terrorism and Border Security Act 2019', 'ukpga/2019/3', { yearOptional: true }),
  act('Regulation of Investigatory Powers Act 2000', 'ukpga/2000/23', { exactAliases: ['RIPA 2000'], yearOptional: true }),
  act('Investigatory Powers Act 2016', 'ukpga/2016/25', { yearOptional: true }),
  act('Online Safety Act 2023', 'ukpga/2023/50', { yearOptional: true }),
  act('Civil Contingencies Act 2004', 'ukpga/2004/36', { yearOptional: true }),
  act('Fire and Rescue Services Act 2004', 'ukpga/2004/21', { yearOptional: true }),
  act('Immigration and Asylum Act 1999', 'ukpga/1999/33'),
  act('Nationality, Immigration and Asylum Act 2002', 'ukpga/2002/41', { yearOptional: true }),
  act('Immigration Act 2014', 'ukpga/2014/22'),
  act('Immigration Act 2016', 'ukpga/2016/19'),
  act('Nationality and Borders Act 2022', 'ukpga/2022/36', { yearOptional: true }),
  act('Illegal Migration Act 2023', 'ukpga/2023/37', { yearOptional: true }),
  regulation('The Crime and Disorder (Formulation and Implementation of Strategy) Regulations 2007', 'uksi/2007/1830', { yearOptional: true }),
  regulation('The Crime and Disorder (Overview and Scrutiny) Regulations 2009', 'uksi/2009/942', { yearOptional: true }),
  guidance('Domestic Abuse Statutory Guidance', { year: 2022 }),
  guidance('Multi-agency statutory guidance for the conduct of domestic homicide reviews', {
    year: 2016,
    aliases: ['Domestic Homicide Review statutory guidance', 'Domestic Homicide Reviews statutory guidance'],
  }),
  guidance('Serious Violence Duty: statutory guidance', {
    year: 2022,
    aliases: ['Serious Violence Duty statutory guidance', 'Serious Violence Duty guidance'],
  }),
  guidance('Prevent duty guidance', { year: 2015, exactAliases: ['Prevent duty guidance', 'Prevent Duty Guidance', 'PREVENT duty guidance'] }),
  guidance('Channel duty guidance: protecting people susceptible to radicalisation', {
    year: 2015,
    exactAliases: ['Channel duty guidance', 'Channel Duty Guidance'],
  }),
  guidance('Modern slavery: statutory guidance for England and Wales', { year: 2020, aliases: ['Modern Slavery statutory guidance'] }),

  // --- Equality, rights, welfare and social value ---
  act('Equality Act 2010', 'ukpga/2010/15', { aliases: ['Equalities Act 2010', 'the Equalities Act'], yearOptional: true }),
  act('Human Rights Act 1998', 'ukpga/1998/42', { yearOptional: true }),
  act('Disability Discrimination Act 1995', 'ukpga/1995/50', { exactAliases: ['DDA 1995'] }),
  act('Disability Discrimination Act 2005', 'ukpga/2005/13', { exactAliases: ['DDA 2005'] }),
  act('Race Relations Act 1976', 'ukpga/1976/74'),
  act('Race Relations (Amendment) Act 2000', 'ukpga/2000/34', { yearOptional: true }),
  act('Sex Discrimination Act 1975', 'ukpga/1975/65'),
  act('Gender Recognition Act 2004', 'ukpga/2004/7', { yearOptional: true }),
  act('Marriage (Same Sex Couples) Act 2013', 'ukpga/2013/30', { yearOptional: true }),
  act('British Sign Language Act 2022', 'ukpga/2022/34', { exactAliases: ['BSL Act 2022'], yearOptional: true }),
  act('Armed Forces Act 2006', 'ukpga/2006/52'),
  act('Armed Forces Act 2021', 'ukpga/2021/35'),
  act('Public Services (Social Value) Act 2012', 'ukpga/2012/3', { aliases: ['Social Value Act 2012', 'the Social Value Act'], yearOptional: true }),
  act('Employment Rights Act 1996', 'ukpga/1996/18', { yearOptional: true }),
  act('Welfare Reform Act 2012', 'ukpga/2012/5'),
  act('Welfare Reform and Work Act 2016', 'ukpga/2016/7', { yearOptional: true }),
  act('Social Security Contributions and Benefits Act 1992', 'ukpga/1992/4', { yearOptional: true }),
  act('Social Security Administration Act 1992', 'ukpga/1992/5', { yearOptional: true }),
  act('Consumer Rights Act 2015', 'ukpga/2015/15', { yearOptional: true }),
  regulation('The Equality Act 2010 (Specific Duties) Regulations 2011', 'uksi/2011/2260'),
  regulation('The Equality Act 2010 (Specific Duties and Public Authorities) Regulations 2017', 'uksi/2017/353'),
  regulation('The Equality Act 2010 (Gender Pay Gap Information) Regulations 2017', 'uksi/2017/172'),
  regulation('The Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018', 'uksi/2018/952', {
    aliases: ['Public Sector Bodies Accessibility Regulations 2018'],
    yearOptional: true,
  }),
  guidance('Equality Act 2010 Code of Practice: Services, public functions and associations', { year: 2011 }),

  // --- Information and data protection ---
  act('Data Protection Act 2018', 'ukpga/2018/12', { exactAliases: ['DPA 2018'] }),
  act('Data Protection Act 1998', 'ukpga/1998/29', { exactAliases: ['DPA 1998'] }),
  act('Freedom of Information Act 2000', 'ukpga/2000/36', { exactAliases: ['FOIA 2000', 'FOI Act 2000'], yearOptional: true }),
  act('Computer Misuse Act 1990', 'ukpga/1990/18', { yearOptional: true }),
  act('Digital Economy Act 2017', 'ukpga/2017/30', { yearOptional: true }),
  regulation('The Environmental Information Regulations 2004', 'uksi/2004/3391', { exactAliases: ['EIR 2004'], yearOptional: true }),
  regulation('The Privacy and Electronic Communications (EC Directive) Regulations 2003', 'uksi/2003/2426', {
    aliases: ['Privacy and Electronic Communications Regulations 2003'],
    exactAliases: ['PECR 2003'],
    yearOptional: true,
  }),

  // --- Local government, commissioning and audit ---
  act('Local Government Act 1972', 'ukpga/1972/70'),
  act('Local Government Act 1999', 'ukpga/1999/27'),
  act('Local Government Act 2000', 'ukpga/2000/22'),
  act('Local Government Act 2003', 'ukpga/2003/26'),
  act('Local Government Finance Act 1992', 'ukpga/1992/14'),
  act('Localism Act 2011', 'ukpga/2011/20', { yearOptional: true }),
  act('Local Audit and Accountability Act 2014', 'ukpga/2014/2', { yearOptional: true }),
  act('Local Democracy, Economic Development and Construction Act 2009', 'ukpga/2009/20', { yearOptional: true }),
  act('Cities and Local Government Devolution Act 2016', 'ukpga/2016/1', { yearOptional: true }),
  act('Levelling-up and Regeneration Act 2023', 'ukpga/2023/55', { yearOptional: true }),
  act('Sustainable Communities Act 2007', 'ukpga/2007/23', { yearOptional: true }),
  act('Procurement Act 2023', 'ukpga/2023/54'),
  regulation('The Public Contracts Regulations 2015', 'uksi/2015/102', { exactAliases: ['PCR 2015'] }),
  regulation('The Health Care Services (Provider Selection Regime) Regulations 2023', 'uksi/2023/1348', {
    aliases: ['Provider Selection Regime Regulations 2023'],
    yearOptional: true,
  }),
  regulation('The Accounts and Audit Regulations 2015', 'uksi/2015/234'),
];

const byId = new Map(legislationCatalogue.map((entry) => [entry.id, entry]));

/** The catalogue entry with this id (`authority/care-act-2014`), if any. */
export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return byId.get(id);
}

export interface Citation {
  authority: CatalogueEntry;
  /** The citation exactly as the text writes it, including any "section 17 of" (for excerpts). */
  matched: string;
  /** Offset of `matched` in the text. */
  index: number;
  /** The provision named with it: "17" for "section 17 of …", "Part 3", "Schedule 2", "regulation 5". */
  section?: string;
}

interface Variant {
  entry: CatalogueEntry;
  /** Sticky: tried only where a word that can begin the name begins in the text. */
  pattern: RegExp;
  /** Whether the name may appear without its year (then extra checks keep ordinary prose out). */
  yearless: boolean;
  exact: boolean;
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const yearAtEnd = /\s*\(?((?:1[89]|20)\d\d)\)?$/;
/** Bracketed parts of an instrument's title that citations often leave out. */
const omissible = /^\((?:England(?: and Wales)?|No\. ?\d+)\)$/i;

/** One word of a name as a tolerant pattern: "&" for "and", optional brackets, possessives, hyphens. */
function wordPattern(word: string): string {
  if (/^(and|&)$/i.test(word)) return '(?:and|&amp;|&)';
  const core = word.replace(/^\(|\)$/g, '').replace(/[:,]$/, '');
  const open = word.startsWith('(') ? '\\(?' : '';
  const close = word.endsWith(')') ? '\\)?' : '';
  const punctuation = word.endsWith(':') ? ':?' : word.endsWith(',') ? ',?' : '';
  const hyphenated = core
    .split('-')
    .map((part) => escapeRegExp(part.replace(/['’]s$/i, '')))
    .join('[-‐–\\s]?');
  const possessive = /^(act|regulations?|code|of|the|to|in|for|on)$/i.test(core) ? '' : "(?:['’]?s)?['’]?";
  return `${open}${hyphenated}${possessive}${close}${punctuation}`;
}

/** The name's words as a pattern; "(England)" and "(No. 2)" may be left out or written. */
function namePattern(name: string): string {
  const units = name
    .trim()
    .replace(/^the\s+/i, '')
    .match(/\((?:England and Wales|England|No\. ?\d+)\)|\S+/gi)!;
  return units
    .map((unit, index) => {
      const separator = index === 0 ? '' : '\\s+';
      if (!omissible.test(unit)) return `${separator}${wordPattern(unit)}`;
      return `(?:${separator}${unit.split(' ').map(wordPattern).join('\\s+')})?`;
    })
    .join('');
}

/**
 * The lower-case words a text must have where a name begins: its first word, and that word
 * without hyphens ("Smoke-free" is also written "Smokefree", "Anti-social" "Antisocial").
 */
function firstWords(name: string): string[] {
  const first = name
    .trim()
    .replace(/^the\s+/i, '')
    .split(/\s+/)[0]!
    .replace(/['’]s?$/i, '')
    .toLowerCase();
  const parts = first.split(/[-‐–]/).map((part) => part.replace(/\W/g, ''));
  return [...new Set([parts[0]!, parts.join('')])];
}

/** Variants by the lower-case word they begin with, so one pass over the text's words finds every name. */
function buildIndex(entries: readonly CatalogueEntry[]): Map<string, Variant[]> {
  const index = new Map<string, Variant[]>();
  for (const entry of entries) {
    const anyYear = entry.kind === 'STATUTORY_GUIDANCE' || entry.year === undefined;
    const yearGroup = anyYear ? '(?:19|20)\\d\\d' : String(entry.year);
    const add = (text: string, exact: boolean, yearOptional: boolean) => {
      const written = text.match(yearAtEnd);
      const name = written ? text.slice(0, written.index) : text;
      const yearRequired = Boolean(written) && !yearOptional;
      const yearPart = `(?:\\s*,?\\s*\\(?(${written ? written[1] : yearGroup})\\)?)`;
      const source = `(?<![\\w'’&-])${namePattern(name)}${yearPart}${yearRequired ? '' : '?'}(?![\\w'’-])`;
      const variant: Variant = { entry, pattern: new RegExp(source, exact ? 'y' : 'iy'), yearless: !yearRequired, exact };
      for (const word of firstWords(name)) index.set(word, [...(index.get(word) ?? []), variant]);
    };
    add(entry.title, false, Boolean(entry.yearOptional) || entry.year === undefined || entry.kind === 'STATUTORY_GUIDANCE');
    for (const alias of entry.aliases) add(alias, false, !yearAtEnd.test(alias));
    for (const alias of entry.exactAliases ?? []) add(alias, true, !yearAtEnd.test(alias));
  }
  return index;
}

let variantsByFirstWord: Map<string, Variant[]> | undefined;
const builtInIds = new Set(legislationCatalogue.flatMap(({ legislationId }) => (legislationId ? [legislationId] : [])));
/** Capitalised words that may stand right before an Act's name without being part of it. */
const leadingWords = new Set([
  'the',
  'this',
  'that',
  'under',
  'of',
  'in',
  'by',
  'see',
  'our',
  'its',
  'their',
  'with',
  'and',
  'to',
  'a',
  'new',
  'current',
  'revised',
  'amended',
  'within',
  'per',
  'as',
  'following',
  'also',
]);

/**
 * Whether a name found without its year is really a citation: it must not continue a longer
 * title ("Care Act" inside "Health and Social Care Act"), be followed by another year ("Care Act
 * 2015" is not the Care Act 2014), or be ordinary lower-case prose ("duty of care act").
 */
function plausibleYearless(text: string, start: number, end: number, exact: boolean): boolean {
  const matched = text.slice(start, end);
  if (!exact && !/[A-Z]/.test(matched)) return false;
  if (/^\s*,?\s*\(?\s*(?:1[89]|20)\d\d\b/.test(text.slice(end, end + 12))) return false;
  const before = text.slice(Math.max(0, start - 60), start);
  const words = before.match(/(?:^|[^\S\n\t]|\()([\w'’&;-]+) (?:([\w'’&;-]+) )?$/);
  if (!words) return true;
  const [, first, second] = words;
  const previous = second ?? first!;
  const capitalised = (word: string | undefined) => Boolean(word && /^[A-Z]/.test(word) && !leadingWords.has(word.toLowerCase()));
  if (capitalised(previous)) return false;
  if (second && /^(and|&|&amp;)$/i.test(second) && capitalised(first)) return false;
  return true;
}

/** "section 17 of the", "s.1 of the", "Part 3 of the", "Schedule 2 to the" just before a name. */
const sectionBefore =
  /(?<![\w'’])(?:(?:sections?|sec\.|ss?\.\s?|s(?=\d))\s*(\d+[A-Z]?(?:\(\d+[a-z]?\))*)|(part|schedule|chapter|regulation|reg\.)\s+(\d+[A-Z]?|[IVX]+))\s+(?:of|to|under)\s+(?:the\s+)?$/i;
/** ", section 17", " s.17", " (s17)" just after a name. */
const sectionAfter = /^\s*,?\s*\(?\s*(?:section|s\.\s?|s(?=\d))\s*(\d+[A-Z]?(?:\(\d+[a-z]?\))*)\)?/i;
const divisionNames: Record<string, string> = { part: 'Part', schedule: 'Schedule', chapter: 'Chapter', regulation: 'regulation', 'reg.': 'regulation' };

/**
 * Finds citations of catalogued authorities in free text, tolerant of case, "&" for "and",
 * apostrophes ("Children's"), line breaks, informal names ("Equalities Act 2010", "the Care
 * Act") and a leading provision ("section 17 of the Children Act 1989"). A name that is
 * ambiguous without its year ("the Children Act") is not reported. Overlapping candidates
 * resolve to the longest, so "Health and Social Care Act 2012" never also yields the Care Act.
 * Instruments are found with or without "(England)" or "(No. 2)", hyphenated words with or
 * without the hyphen ("Smokefree"). The text is read once, word by word, and only the names that
 * can begin with a word are tried there, so the time grows with the text, not with the text
 * times the catalogue.
 *
 * `extra` entries (the stored statute catalogue's, see stored-catalogue.ts) are looked for beside
 * the built-in ones, by their title with its year; one whose identifier the built-in catalogue
 * holds is left to the built-in entry, which knows the informal names.
 *
 * @example
 * findCitations('duties under s.1 of the Care Act 2014')
 * // → [{ authority: { id: 'authority/care-act-2014', … }, matched: 's.1 of the Care Act 2014', index: 13, section: '1' }]
 */
export function findCitations(text: string, extra: readonly CatalogueEntry[] = []): Citation[] {
  variantsByFirstWord ??= buildIndex(legislationCatalogue);
  const index = variantsByFirstWord;
  const extraIndex = extra.length ? buildIndex(extra.filter(({ legislationId }) => !legislationId || !builtInIds.has(legislationId))) : null;
  const candidates: { entry: CatalogueEntry; start: number; end: number }[] = [];
  const tryAt = (position: number, word: string) => {
    const extraVariants = extraIndex?.get(word);
    const variants = extraVariants ? [...(index.get(word) ?? []), ...extraVariants] : (index.get(word) ?? []);
    for (const variant of variants) {
      variant.pattern.lastIndex = position;
      const match = variant.pattern.exec(text);
      if (!match) continue;
      const end = position + match[0].length;
      if (variant.yearless && match[1] === undefined && !plausibleYearless(text, position, end, variant.exact)) continue;
      candidates.push({ entry: variant.entry, start: position, end });
    }
  };
  // One pass over the text's words: each name is tried only where a word it can begin with stands.
  for (const word of text.matchAll(/[A-Za-z0-9]+/g)) {
    const lower = word[0].toLowerCase();
    tryAt(word.index, lower);
    // "Childrens Act" is found under "children", as "Children's Act" is.
    if (lower.endsWith('s')) tryAt(word.index, lower.slice(0, -1));
  }
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const citations: Citation[] = [];
  let reached = 0;
  for (const { entry, start, end } of candidates) {
    if (start < reached) continue;
    let from = start;
    let to = end;
    let section: string | undefined;
    const windowStart = Math.max(reached, start - 60);
    const before = sectionBefore.exec(text.slice(windowStart, start));
    const after = before ? null : sectionAfter.exec(text.slice(end, end + 30));
    if (before) {
      from = windowStart + before.index;
      section = before[1] ?? `${divisionNames[before[2]!.toLowerCase()]} ${before[3]}`;
    } else if (after) {
      to = end + after[0].length;
      section = after[1];
    }
    reached = to;
    citations.push({ authority: entry, matched: text.slice(from, to), index: from, ...(section ? { section } : {}) });
  }
  return citations;
}
