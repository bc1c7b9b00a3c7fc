import type { DemoDeliveryMode, DemoFunding, DemoOpportunityKind } from '../../../libs/catalogue/src/demo/demo-data.types';

/**
 * Hand-written courses, Skills Bootcamps and apprenticeships. Each template runs at one or more
 * providers; every run becomes one opportunity. Entry requirements chain so a resident with no
 * digital skills can go: digital basics (library) → qualification/course → bootcamp or
 * apprenticeship → job.
 */
export interface LearningRun {
  org: string;
  mode?: DemoDeliveryMode;
  /** ISO date; when absent the generator picks a cohort start date. */
  start?: string;
}

export interface LearningTemplate {
  key: string;
  kind: Exclude<DemoOpportunityKind, 'VACANCY'>;
  title: string;
  description: string;
  /** "skill:level ..." — entry requirements. */
  requires: string;
  teaches: string;
  rqfLevel: number | null;
  hoursPerWeek: number;
  durationWeeks: number;
  costPence: number;
  funding: DemoFunding | null;
  needsOwnDevice: boolean;
  mode: DemoDeliveryMode;
  runs: LearningRun[];
  occupation?: string;
  /** Apprenticeships only: yearly wage in pounds. */
  wagePounds?: number;
}

const ADULT_SKILLS_FUND: DemoFunding = { fundedCostPence: 0, minAge: 19 };
const FIRST_QUALIFICATION: DemoFunding = { fundedCostPence: 0, minAge: 19, maxPriorQualificationLevel: 2 };
const BOOTCAMP_ALL: DemoFunding = {
  fundedCostPence: 0,
  minAge: 19,
  employmentStatuses: ['EMPLOYED', 'SELF_EMPLOYED', 'UNEMPLOYED', 'ECONOMICALLY_INACTIVE'],
};
const BOOTCAMP_NOT_EMPLOYED: DemoFunding = {
  fundedCostPence: 0,
  minAge: 19,
  employmentStatuses: ['SELF_EMPLOYED', 'UNEMPLOYED', 'ECONOMICALLY_INACTIVE'],
};
const BENEFITS_REMISSION: DemoFunding = { fundedCostPence: 0, requiresBenefits: true };

const runsAt = (...orgs: (string | LearningRun)[]): LearningRun[] =>
  orgs.map((org) => (typeof org === 'string' ? { org } : org));

export const LEARNING_TEMPLATES: LearningTemplate[] = [
  // ---- Digital foundations: no entry requirements, free, devices provided ----
  {
    key: 'get-online-basics', kind: 'COURSE', title: 'Get Online: Digital Basics',
    description: 'A relaxed beginners\u2019 course for people who have never used a computer or tablet, or want more confidence. Learn to switch on, use a touchscreen and keyboard, connect to Wi-Fi, send an email and spot a scam. Devices are provided and you can bring a friend.',
    requires: '', teaches: 'eds-foundation:2 eds-communicating:1 eds-safe-legal-online:1',
    rqfLevel: null, hoursPerWeek: 2, durationWeeks: 6, costPence: 0, funding: null, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('larkfield-library', 'fernhill-centre', 'moss-lane-hub', 'blackley-learning-rooms', 'ashburn-library',
      'kirkside-centre', 'langworthy-digital-cafe', 'heatonbrook-library', 'hurstfold-centre', 'greenway-library', 'scholesfield-hub', 'leighbank-centre'),
  },
  {
    key: 'smartphone-confidence', kind: 'COURSE', title: 'Make the Most of Your Smartphone',
    description: 'Bring your phone and learn to use apps, make video calls, take and share photos, and use the NHS App and online banking safely. Small groups with volunteer digital champions.',
    requires: '', teaches: 'eds-foundation:1 eds-communicating:2 eds-transacting:1 eds-safe-legal-online:1',
    rqfLevel: null, hoursPerWeek: 1.5, durationWeeks: 4, costPence: 0, funding: null, needsOwnDevice: true, mode: 'IN_PERSON',
    runs: runsAt('larkfield-library', 'ashburn-library', 'langworthy-digital-cafe', 'hurstfold-centre', 'scholesfield-hub', 'moss-lane-hub'),
  },
  {
    key: 'staying-safe-online', kind: 'COURSE', title: 'Staying Safe Online',
    description: 'A short online course on strong passwords, two-step verification, spotting phishing emails and scam texts, and keeping your personal information private.',
    requires: 'eds-foundation:1', teaches: 'eds-safe-legal-online:2 eds-transacting:1',
    rqfLevel: null, hoursPerWeek: 2, durationWeeks: 3, costPence: 0, funding: null, needsOwnDevice: true, mode: 'ONLINE',
    runs: runsAt('brightwell-online', 'learnwise-online'),
  },
  {
    key: 'functional-english-l1', kind: 'COURSE', title: 'Functional Skills English Level 1',
    description: 'Improve your reading, writing, speaking and listening for work and everyday life. Free for adults who do not yet have a GCSE in English at grade 4 or above.',
    requires: '', teaches: 'communication:2 written-communication:2 active-listening:2',
    rqfLevel: 1, hoursPerWeek: 3, durationWeeks: 20, costPence: 45000, funding: FIRST_QUALIFICATION, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('croal-valley-college', 'roch-bridge-college', 'douglas-bank-college', 'medlock-college'),
  },
  {
    key: 'functional-maths-l1', kind: 'COURSE', title: 'Functional Skills Maths Level 1',
    description: 'Build confidence with numbers: percentages, fractions, measures, budgets and reading charts. Free for adults without a GCSE in maths at grade 4 or above.',
    requires: '', teaches: 'numeracy:2 problem-solving:1',
    rqfLevel: 1, hoursPerWeek: 3, durationWeeks: 20, costPence: 45000, funding: FIRST_QUALIFICATION, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('croal-valley-college', 'etherow-technical-college', 'mersey-vale-college', 'medlock-college'),
  },
  {
    key: 'customer-service-starter', kind: 'COURSE', title: 'Customer Service Skills for Work',
    description: 'A free short course for job seekers: what good customer service looks like, dealing with difficult conversations, working in a team and what employers look for at interview.',
    requires: '', teaches: 'customer-service:1 communication:2 teamwork:2 complaint-handling:1',
    rqfLevel: null, hoursPerWeek: 6, durationWeeks: 3, costPence: 0, funding: null, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('hurstfold-centre', 'blackley-learning-rooms', 'leighbank-centre'),
  },

  // ---- Essential Digital Skills qualification and everyday IT ----
  {
    key: 'edsq', kind: 'COURSE', title: 'Essential Digital Skills Qualification (Entry 3 / Level 1)',
    description: 'The national Essential Digital Skills qualification, free for adults whose digital skills are below Level 1. Covers using devices, communicating, handling information, buying and applying for things online, solving problems and staying safe and legal online. Laptops are provided in class.',
    requires: 'eds-foundation:1', teaches: 'eds-foundation:3 eds-communicating:3 eds-handling-information:3 eds-transacting:3 eds-problem-solving:3 eds-safe-legal-online:3 computer-literacy:2 online-collaboration:1',
    rqfLevel: 1, hoursPerWeek: 4, durationWeeks: 12, costPence: 35000, funding: ADULT_SKILLS_FUND, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('croal-valley-college', 'medlock-college', 'roch-bridge-college', 'etherow-technical-college', 'douglas-bank-college',
      'mersey-vale-college', { org: 'learnwise-online', mode: 'ONLINE' }),
  },
  {
    key: 'computer-skills-for-work', kind: 'COURSE', title: 'Computer Skills for Work',
    description: 'Learn the office software employers expect: writing letters and CVs in a word processor, simple spreadsheets, presentations, shared calendars and Teams. Includes touch-typing practice.',
    requires: 'eds-foundation:2', teaches: 'office-software:2 word-processing:2 spreadsheets:2 presentation-software:2 online-collaboration:2 video-conferencing:2 touch-typing:2 computer-literacy:2',
    rqfLevel: 1, hoursPerWeek: 4, durationWeeks: 8, costPence: 0, funding: null, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('moss-lane-hub', 'kirkside-centre', 'heatonbrook-library', 'greenway-library', 'fernhill-centre', { org: 'brightwell-online', mode: 'ONLINE' }),
  },
  {
    key: 'office-admin-l2', kind: 'COURSE', title: 'Business Administration Certificate Level 2',
    description: 'Prepare for office and admin roles: managing diaries and email, producing documents, keeping records, data protection and handling customer enquiries.',
    requires: 'office-software:2 communication:2', teaches: 'office-administration:3 records-management:2 data-entry:2 data-protection:2 word-processing:3 time-management:2 customer-service:2',
    rqfLevel: 2, hoursPerWeek: 6, durationWeeks: 16, costPence: 80000, funding: FIRST_QUALIFICATION, needsOwnDevice: false, mode: 'HYBRID',
    runs: runsAt('roch-bridge-college', 'mersey-vale-college', { org: 'learnwise-online', mode: 'ONLINE' }),
  },
  {
    key: 'spreadsheets-for-work', kind: 'COURSE', title: 'Spreadsheets for Work: Excel Beyond the Basics',
    description: 'Formulas, lookups, pivot tables, charts and checking data for mistakes. Good preparation for data entry, admin and data analysis roles.',
    requires: 'spreadsheets:2', teaches: 'spreadsheets:3 excel-advanced:3 data-entry:3 data-cleansing:2 attention-to-detail:2 data-visualisation:1',
    rqfLevel: 2, hoursPerWeek: 3, durationWeeks: 8, costPence: 29500, funding: BENEFITS_REMISSION, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('medlock-college', 'douglas-bank-college', { org: 'brightwell-online', mode: 'ONLINE' }, { org: 'openstep-digital', mode: 'ONLINE' }),
  },
  {
    key: 'data-entry-skills', kind: 'COURSE', title: 'Data Entry and Records Skills',
    description: 'Short practical course in fast, accurate keyboard work, entering data into forms and databases, checking your work and keeping personal data safe.',
    requires: 'eds-foundation:2', teaches: 'data-entry:2 touch-typing:2 attention-to-detail:2 records-management:1 data-protection:1',
    rqfLevel: null, hoursPerWeek: 5, durationWeeks: 4, costPence: 0, funding: null, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('ashburn-library', 'scholesfield-hub'),
  },

  // ---- Tier 2: first steps into a digital career ----
  {
    key: 'intro-to-coding', kind: 'COURSE', title: 'Introduction to Coding',
    description: 'Write your first web page and your first program. A friendly taster for people thinking about a career in tech, with no experience needed beyond everyday computer use.',
    requires: 'eds-foundation:2', teaches: 'computer-programming:1 html:1 css:1 problem-solving:2',
    rqfLevel: 1, hoursPerWeek: 3, durationWeeks: 6, costPence: 0, funding: null, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('blackley-learning-rooms', 'langworthy-digital-cafe', { org: 'brightwell-online', mode: 'ONLINE' }),
  },
  {
    key: 'web-design-fundamentals', kind: 'COURSE', title: 'Web Design Fundamentals: HTML, CSS and JavaScript',
    description: 'Build and publish a small, accessible website that works on phones. Covers HTML, CSS layout, a little JavaScript and the basics of accessibility.',
    requires: 'computer-programming:1', teaches: 'html:2 css:2 javascript:1 responsive-design:1 web-accessibility:1 web-development:2',
    rqfLevel: 2, hoursPerWeek: 4, durationWeeks: 10, costPence: 49500, funding: ADULT_SKILLS_FUND, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('medlock-college', 'croal-valley-college', { org: 'brightwell-online', mode: 'ONLINE' }),
  },
  {
    key: 'python-beginners', kind: 'COURSE', title: 'Python Programming for Beginners',
    description: 'Learn to program in Python: variables, loops, functions, working with files and fixing errors. Weekly live sessions plus exercises you can do at your own pace.',
    requires: 'eds-problem-solving:2', teaches: 'python:2 computer-programming:2 algorithms:1 debugging:1 problem-solving:2',
    rqfLevel: 2, hoursPerWeek: 5, durationWeeks: 8, costPence: 39900, funding: BENEFITS_REMISSION, needsOwnDevice: true, mode: 'ONLINE',
    runs: runsAt('openstep-digital', 'brightwell-online', { org: 'cottonworks-code', mode: 'HYBRID' }),
  },
  {
    key: 'sql-essentials', kind: 'COURSE', title: 'SQL and Databases Essentials',
    description: 'Query real datasets with SQL: selecting, filtering, joining and summarising data, and designing simple tables.',
    requires: 'spreadsheets:2', teaches: 'sql:2 databases:2 data-modelling:1',
    rqfLevel: 3, hoursPerWeek: 4, durationWeeks: 6, costPence: 34900, funding: BENEFITS_REMISSION, needsOwnDevice: true, mode: 'ONLINE',
    runs: runsAt('openstep-digital', 'loomhouse-data'),
  },
  {
    key: 'it-technical-support-l2', kind: 'COURSE', title: 'IT Technical Support Certificate Level 2',
    description: 'Hands-on introduction to IT support: how computers work, installing Windows and software, fixing common faults, home and office networks, and helping users politely and clearly.',
    requires: 'eds-problem-solving:2 computer-literacy:2', teaches: 'operating-systems:2 hardware-assembly:2 install-software:2 install-os:2 troubleshooting:2 it-support:2 helpdesk:1 networking:1 customer-service:2',
    rqfLevel: 2, hoursPerWeek: 6, durationWeeks: 14, costPence: 95000, funding: FIRST_QUALIFICATION, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('croal-valley-college', 'etherow-technical-college', 'douglas-bank-college', 'medlock-college'),
  },
  {
    key: 'digital-customer-service-l2', kind: 'COURSE', title: 'Digital Customer Service Certificate Level 2',
    description: 'Serve customers well by phone, email, web chat and social media. Practise with a real CRM system, learn to handle complaints and keep customer data safe.',
    requires: 'eds-communicating:2', teaches: 'customer-service:3 complaint-handling:2 telephone-skills:2 live-chat-support:2 crm-software:2 crm:2 communication:3 data-protection:1',
    rqfLevel: 2, hoursPerWeek: 5, durationWeeks: 10, costPence: 65000, funding: ADULT_SKILLS_FUND, needsOwnDevice: false, mode: 'HYBRID',
    runs: runsAt('roch-bridge-college', 'mersey-vale-college', 'etherow-technical-college', { org: 'learnwise-online', mode: 'ONLINE' }),
  },
  {
    key: 'intro-digital-marketing', kind: 'COURSE', title: 'Introduction to Digital Marketing',
    description: 'How businesses find customers online: social media, search, email and content, with a small campaign of your own by the end.',
    requires: 'eds-communicating:2 eds-handling-information:2', teaches: 'digital-marketing:2 social-media-marketing:2 seo:1 content-marketing:1 web-analytics:1 copywriting:1',
    rqfLevel: 2, hoursPerWeek: 3, durationWeeks: 8, costPence: 25000, funding: BENEFITS_REMISSION, needsOwnDevice: true, mode: 'ONLINE',
    runs: runsAt('openstep-digital', 'brightwell-online', { org: 'spindle-design-school', mode: 'HYBRID' }),
  },
  {
    key: 'intro-cyber-security', kind: 'COURSE', title: 'Introduction to Cyber Security',
    description: 'How attacks happen and how organisations defend themselves: threats, passwords and encryption, data protection law and what a security analyst does day to day.',
    requires: 'eds-safe-legal-online:3 computer-literacy:2', teaches: 'cyber-security:2 security-threats:2 information-security:2 encryption:1 data-protection:2 security-legislation:1',
    rqfLevel: 2, hoursPerWeek: 4, durationWeeks: 8, costPence: 45000, funding: ADULT_SKILLS_FUND, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('etherow-technical-college', { org: 'millstone-cyber', mode: 'HYBRID' }, { org: 'openstep-digital', mode: 'ONLINE' }),
  },
  {
    key: 'networking-essentials', kind: 'COURSE', title: 'Networking Essentials',
    description: 'How networks work, from cables and Wi-Fi to IP addresses, routers and firewalls. Practical lab sessions with real switches and routers.',
    requires: 'operating-systems:2', teaches: 'networking:2 tcp-ip:2 network-configuration:2 network-routing:1 firewalls:1 vpn:1 network-security:1',
    rqfLevel: 3, hoursPerWeek: 4, durationWeeks: 10, costPence: 75000, funding: FIRST_QUALIFICATION, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('croal-valley-college', 'etherow-technical-college'),
  },
  {
    key: 'linux-essentials', kind: 'COURSE', title: 'Linux Essentials',
    description: 'Get comfortable on the Linux command line: files, users and permissions, installing packages, and writing simple shell scripts.',
    requires: 'operating-systems:2', teaches: 'linux:2 shell-scripting:1 operating-systems:3',
    rqfLevel: 3, hoursPerWeek: 4, durationWeeks: 6, costPence: 29900, funding: BENEFITS_REMISSION, needsOwnDevice: true, mode: 'ONLINE',
    runs: runsAt('openstep-digital', { org: 'millstone-cyber', mode: 'HYBRID' }),
  },
  {
    key: 'ux-foundations', kind: 'COURSE', title: 'UX Design Foundations',
    description: 'Learn how designers find out what users need: interviews, journey maps, sketching, wireframes and testing ideas with real people.',
    requires: 'eds-handling-information:3', teaches: 'ux-research:2 user-centred-design:2 wireframing:2 prototyping:1 usability-testing:1 interaction-design:1',
    rqfLevel: 3, hoursPerWeek: 3, durationWeeks: 8, costPence: 45000, funding: BENEFITS_REMISSION, needsOwnDevice: true, mode: 'HYBRID',
    runs: runsAt('spindle-design-school', { org: 'brightwell-online', mode: 'ONLINE' }),
  },
  {
    key: 'content-design-course', kind: 'COURSE', title: 'Writing for the Web: Content Design',
    description: 'Write clear, accessible web content in plain English, structure pages so people find what they need, and learn the basics of SEO.',
    requires: 'eds-handling-information:2 written-communication:2', teaches: 'content-design:3 copywriting:3 web-accessibility:2 seo:2 written-communication:3',
    rqfLevel: 3, hoursPerWeek: 3, durationWeeks: 8, costPence: 39500, funding: BENEFITS_REMISSION, needsOwnDevice: true, mode: 'ONLINE',
    runs: runsAt('openstep-digital'),
  },
  {
    key: 'project-support-essentials', kind: 'COURSE', title: 'Project Support Essentials',
    description: 'The tools and habits of a good project support officer: plans, risk logs, meeting notes, status reports and agile boards.',
    requires: 'office-software:2', teaches: 'project-management:2 agile:1 stakeholder-engagement:1 time-management:3 communication:2 spreadsheets:2 online-collaboration:2',
    rqfLevel: 3, hoursPerWeek: 3, durationWeeks: 6, costPence: 32500, funding: BENEFITS_REMISSION, needsOwnDevice: true, mode: 'ONLINE',
    runs: runsAt('learnwise-online', 'brightwell-online'),
  },
  {
    key: 'ml-with-python', kind: 'COURSE', title: 'Machine Learning with Python',
    description: 'Train and evaluate classic machine learning models with scikit-learn: regression, classification, clustering and how to avoid fooling yourself. Deep learning is not covered.',
    requires: 'python:2 statistics:2', teaches: 'machine-learning:3 statistics:3 python:3 data-cleansing:3',
    rqfLevel: 4, hoursPerWeek: 6, durationWeeks: 10, costPence: 120000, funding: null, needsOwnDevice: true, mode: 'ONLINE',
    runs: runsAt('openstep-digital'),
  },

  // ---- Engineering and manufacturing ----
  {
    key: 'engineering-foundations-l2', kind: 'COURSE', title: 'Engineering Foundations Level 2',
    description: 'Workshop and classroom course covering reading drawings, measuring, hand and machine tools, electrical principles, hydraulics and pneumatics, and working safely.',
    requires: 'numeracy:2', teaches: 'technical-drawings:2 health-and-safety:2 manufacturing-processes:2 electrical-principles:1 metrology:1 hydraulics:1 pneumatics:1',
    rqfLevel: 2, hoursPerWeek: 12, durationWeeks: 12, costPence: 120000, funding: FIRST_QUALIFICATION, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('croal-valley-college', 'douglas-bank-college', 'etherow-technical-college'),
  },
  {
    key: 'cad-essentials', kind: 'COURSE', title: 'CAD Essentials: 2D Drawings and 3D Models',
    description: 'Produce engineering drawings in AutoCAD and 3D models in a parametric CAD package, to British Standards drawing conventions.',
    requires: 'technical-drawings:2 computer-literacy:2', teaches: 'cad:2 autocad:2 technical-drawings:3',
    rqfLevel: 3, hoursPerWeek: 4, durationWeeks: 10, costPence: 85000, funding: FIRST_QUALIFICATION, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('douglas-bank-college', 'lathe-and-line', 'croal-valley-college'),
  },
  {
    key: 'cnc-machining-l2', kind: 'COURSE', title: 'CNC Machining Level 2',
    description: 'Set up and run CNC mills and lathes, write simple G-code, and check parts with micrometers and verniers.',
    requires: 'technical-drawings:2 numeracy:2', teaches: 'cnc-machining:2 cnc-milling:2 cnc-turning:2 cnc-programming:1 metrology:2 quality-inspection:1',
    rqfLevel: 2, hoursPerWeek: 10, durationWeeks: 12, costPence: 150000, funding: FIRST_QUALIFICATION, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('lathe-and-line', 'douglas-bank-college'),
  },
  {
    key: 'plc-programming-l3', kind: 'COURSE', title: 'PLC Programming and Industrial Automation Level 3',
    description: 'Program PLCs in ladder logic, wire sensors and actuators, and fault-find automated systems on training rigs.',
    requires: 'electrical-principles:1', teaches: 'plc-programming:2 automation-technology:2 electrical-principles:2 troubleshooting:2',
    rqfLevel: 3, hoursPerWeek: 6, durationWeeks: 10, costPence: 140000, funding: FIRST_QUALIFICATION, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('lathe-and-line', 'etherow-technical-college'),
  },
  {
    key: 'lean-and-quality', kind: 'COURSE', title: 'Lean Manufacturing and Quality Tools',
    description: 'Reduce waste and defects with 5S, value-stream mapping, root cause analysis, SPC charts and an introduction to Six Sigma.',
    requires: 'manufacturing-processes:1', teaches: 'lean-manufacturing:2 six-sigma:1 quality-assurance:2 spc:2 root-cause-analysis:2 quality-inspection:2',
    rqfLevel: 3, hoursPerWeek: 6, durationWeeks: 5, costPence: 60000, funding: ADULT_SKILLS_FUND, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('douglas-bank-college', 'lathe-and-line'),
  },

  {
    key: 'quality-assurance-l3', kind: 'COURSE', title: 'Quality Assurance and Inspection Level 3',
    description: 'Become the person who signs parts off: inspection plans, measuring equipment, ISO 9001 quality systems, SPC and solving problems at their root cause.',
    requires: 'manufacturing-processes:2', teaches: 'quality-assurance:3 quality-inspection:3 metrology:2 spc:2 root-cause-analysis:3 six-sigma:2',
    rqfLevel: 3, hoursPerWeek: 6, durationWeeks: 12, costPence: 130000, funding: FIRST_QUALIFICATION, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('lathe-and-line', 'croal-valley-college'),
  },

  // ---- Digital health ----
  {
    key: 'medical-terminology', kind: 'COURSE', title: 'Medical Terminology for Health Administration',
    description: 'Understand the words used in patient records and letters: body systems, common conditions, procedures and abbreviations. Ideal for admin and records roles in health.',
    requires: 'eds-foundation:2 communication:2', teaches: 'medical-terminology:2 anatomy-physiology:1 patient-confidentiality:2 health-records:1',
    rqfLevel: 2, hoursPerWeek: 3, durationWeeks: 8, costPence: 19500, funding: BENEFITS_REMISSION, needsOwnDevice: false, mode: 'ONLINE',
    runs: runsAt('learnwise-online', { org: 'mersey-vale-college', mode: 'IN_PERSON' }),
  },
  {
    key: 'health-admin-records', kind: 'COURSE', title: 'Health and Care Administration with Digital Records',
    description: 'Work confidently with electronic patient records: registering patients, booking appointments, updating records, information governance and patient confidentiality.',
    requires: 'office-software:2', teaches: 'electronic-patient-records:2 health-records:2 patient-confidentiality:2 information-governance:2 data-entry:2 customer-service:2 telehealth:1',
    rqfLevel: 2, hoursPerWeek: 5, durationWeeks: 10, costPence: 70000, funding: FIRST_QUALIFICATION, needsOwnDevice: false, mode: 'HYBRID',
    runs: runsAt('mersey-vale-college', 'medlock-college'),
  },
  {
    key: 'clinical-coding-foundations', kind: 'COURSE', title: 'Clinical Coding Foundations',
    description: 'An introduction to clinical coding with ICD-10 and OPCS-4, coding practice on anonymised case notes, and the national coding standards.',
    requires: 'medical-terminology:2', teaches: 'clinical-coding:2 clinical-coding-procedures:2 icd-10:2 opcs-4:2 anatomy-physiology:2 attention-to-detail:2',
    rqfLevel: 3, hoursPerWeek: 6, durationWeeks: 10, costPence: 110000, funding: ADULT_SKILLS_FUND, needsOwnDevice: false, mode: 'HYBRID',
    runs: runsAt('kingfisher-health-data', { org: 'learnwise-online', mode: 'ONLINE' }),
  },
  {
    key: 'telehealth-support', kind: 'COURSE', title: 'Telehealth and Digital Health Support',
    description: 'Help patients use video consultations, remote monitoring kits and health apps, and support colleagues with digital health tools.',
    requires: 'eds-communicating:3', teaches: 'telehealth:2 customer-service:2 patient-confidentiality:1 eds-problem-solving:3',
    rqfLevel: 2, hoursPerWeek: 4, durationWeeks: 6, costPence: 0, funding: null, needsOwnDevice: false, mode: 'HYBRID',
    runs: runsAt('kingfisher-health-data'),
  },

  // ---- Skills Bootcamps ----
  {
    key: 'bootcamp-software-dev', kind: 'BOOTCAMP', title: 'Skills Bootcamp in Software Development',
    description: 'Sixteen intensive weeks building real web applications in JavaScript and TypeScript with Node.js, React, SQL and Git, working in agile teams on a project for a local employer. Guaranteed interview with a partner employer at the end.',
    requires: 'computer-programming:1 eds-problem-solving:3', teaches: 'computer-programming:3 javascript:3 typescript:2 javascript-frameworks:2 nodejs:2 html:3 css:3 responsive-design:2 web-accessibility:2 apis:2 sql:2 git:3 version-control:3 unit-testing:2 debugging:3 oop:2 agile:2 web-development:3 problem-solving:3 teamwork:3',
    rqfLevel: 4, hoursPerWeek: 16, durationWeeks: 16, costPence: 650000, funding: BOOTCAMP_ALL, needsOwnDevice: false, mode: 'HYBRID',
    runs: runsAt('irwell-digital-academy', 'cottonworks-code', { org: 'irwell-digital-academy', mode: 'ONLINE' }),
  },
  {
    key: 'bootcamp-data-analytics', kind: 'BOOTCAMP', title: 'Skills Bootcamp in Data Analytics',
    description: 'Twelve weeks learning to clean, analyse and present data with Excel, SQL, Python and Power BI, ending in a portfolio project on real public data from Greater Manchester.',
    requires: 'spreadsheets:2 numeracy:2', teaches: 'data-analysis:3 sql:3 python:2 statistics:2 data-visualisation:3 power-bi:3 data-cleansing:3 excel-advanced:3 spreadsheets:3 business-intelligence:2 databases:2 data-protection:2 presentation-skills:2',
    rqfLevel: 3, hoursPerWeek: 12, durationWeeks: 12, costPence: 480000, funding: BOOTCAMP_ALL, needsOwnDevice: true, mode: 'ONLINE',
    runs: runsAt('loomhouse-data', { org: 'loomhouse-data', mode: 'HYBRID' }, 'openstep-digital'),
  },
  {
    key: 'bootcamp-cyber', kind: 'BOOTCAMP', title: 'Skills Bootcamp in Cyber Security',
    description: 'Fourteen weeks training as a junior security analyst: network security, Linux, monitoring alerts in a SIEM, responding to incidents and testing for vulnerabilities in a safe lab.',
    requires: 'cyber-security:2 networking:1', teaches: 'cyber-security:3 network-security:3 security-threats:3 attack-vectors:2 incident-response:2 siem:2 vulnerability-assessment:2 penetration-testing:2 countermeasures:2 risk-assessment:2 firewalls:2 encryption:2 linux:2 security-legislation:2',
    rqfLevel: 4, hoursPerWeek: 14, durationWeeks: 14, costPence: 700000, funding: BOOTCAMP_ALL, needsOwnDevice: false, mode: 'HYBRID',
    runs: runsAt('millstone-cyber', { org: 'millstone-cyber', mode: 'ONLINE' }),
  },
  {
    key: 'bootcamp-cloud-devops', kind: 'BOOTCAMP', title: 'Skills Bootcamp in Cloud and DevOps Engineering',
    description: 'Sixteen weeks on the tools DevOps teams use every day: Linux, Git, CI/CD pipelines, Docker, Kubernetes, Terraform and Ansible on AWS and Azure.',
    requires: 'linux:2 computer-programming:1', teaches: 'cloud-computing:3 aws:2 azure:2 devops:3 ci-cd:3 containers:3 kubernetes:2 infrastructure-as-code:2 ansible:2 git:3 version-control:3 monitoring:2 shell-scripting:3 python:2 linux:3 cloud-security:2 networking:2 backups:2',
    rqfLevel: 4, hoursPerWeek: 15, durationWeeks: 16, costPence: 750000, funding: BOOTCAMP_ALL, needsOwnDevice: true, mode: 'ONLINE',
    runs: runsAt('millstone-cyber', 'openstep-digital', { org: 'cottonworks-code', mode: 'HYBRID' }),
  },
  {
    key: 'bootcamp-it-support', kind: 'BOOTCAMP', title: 'Skills Bootcamp in IT Support',
    description: 'Ten weeks preparing for your first IT support job: service desk practice with a real ticketing system, Windows and accounts, Active Directory, phones and laptops, networks and backups, and how to explain tech to anyone. Laptops provided.',
    requires: 'eds-problem-solving:2 computer-literacy:2', teaches: 'it-support:3 helpdesk:3 itil:2 remote-support:2 directory-services:2 mobile-device-management:2 install-os:3 install-software:3 troubleshooting:3 operating-systems:3 hardware-assembly:2 networking:2 backups:2 customer-service:3 communication:3',
    rqfLevel: 3, hoursPerWeek: 15, durationWeeks: 10, costPence: 400000, funding: BOOTCAMP_NOT_EMPLOYED, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('irwell-digital-academy', 'croal-valley-college', 'douglas-bank-college'),
  },
  {
    key: 'bootcamp-digital-marketing', kind: 'BOOTCAMP', title: 'Skills Bootcamp in Digital Marketing',
    description: 'Twelve weeks running live campaigns for local small businesses: SEO, paid search, social media, email, content, video and analytics.',
    requires: 'digital-marketing:1 eds-communicating:3', teaches: 'digital-marketing:3 seo:3 ppc:2 social-media-marketing:3 social-media-management:3 content-marketing:3 email-marketing:3 web-analytics:3 copywriting:3 marketing-automation:2 crm-software:2 video-editing:2 photo-editing:2 graphic-design:2 ecommerce:2',
    rqfLevel: 3, hoursPerWeek: 10, durationWeeks: 12, costPence: 450000, funding: BOOTCAMP_ALL, needsOwnDevice: true, mode: 'HYBRID',
    runs: runsAt('spindle-design-school', { org: 'openstep-digital', mode: 'ONLINE' }),
  },
  {
    key: 'bootcamp-ux', kind: 'BOOTCAMP', title: 'Skills Bootcamp in UX and Service Design',
    description: 'Twelve weeks of research, design and testing on a live brief: user interviews, journey maps, wireframes and clickable Figma prototypes, with accessibility built in.',
    requires: 'ux-research:1', teaches: 'ux-research:3 usability-testing:3 wireframing:3 prototyping:3 figma:3 interaction-design:3 information-architecture:2 web-accessibility:2 user-centred-design:3 content-design:2 html:1',
    rqfLevel: 4, hoursPerWeek: 12, durationWeeks: 12, costPence: 550000, funding: BOOTCAMP_ALL, needsOwnDevice: true, mode: 'HYBRID',
    runs: runsAt('spindle-design-school'),
  },
  {
    key: 'bootcamp-software-testing', kind: 'BOOTCAMP', title: 'Skills Bootcamp in Software Testing',
    description: 'Ten weeks learning to plan and run tests, write clear bug reports and automate browser tests with Playwright and JavaScript.',
    requires: 'computer-programming:1', teaches: 'software-testing:3 test-planning:3 test-automation:2 unit-testing:2 agile:2 debugging:2 javascript:2 attention-to-detail:3 sql:1 git:2',
    rqfLevel: 3, hoursPerWeek: 12, durationWeeks: 10, costPence: 450000, funding: BOOTCAMP_ALL, needsOwnDevice: true, mode: 'ONLINE',
    runs: runsAt('cottonworks-code', { org: 'irwell-digital-academy', mode: 'HYBRID' }),
  },
  {
    key: 'bootcamp-business-analysis', kind: 'BOOTCAMP', title: 'Skills Bootcamp in Business Analysis',
    description: 'Ten weeks on requirements, process mapping, stakeholder workshops, user stories and presenting data, with a real project from a partner organisation.',
    requires: 'office-software:2', teaches: 'business-analysis:3 requirements-gathering:3 process-mapping:3 stakeholder-engagement:3 agile:3 project-management:2 data-analysis:2 presentation-skills:3 excel-advanced:2',
    rqfLevel: 4, hoursPerWeek: 10, durationWeeks: 10, costPence: 420000, funding: BOOTCAMP_ALL, needsOwnDevice: true, mode: 'ONLINE',
    runs: runsAt('loomhouse-data'),
  },
  {
    key: 'bootcamp-cnc-cad', kind: 'BOOTCAMP', title: 'Skills Bootcamp in Advanced Manufacturing: CNC and CAD/CAM',
    description: 'Twelve weeks in a working machine shop: CAD models to CAM toolpaths to finished parts on 3- and 5-axis CNC machines, with inspection on a CMM.',
    requires: 'technical-drawings:2', teaches: 'cnc-machining:3 cnc-programming:3 cnc-milling:3 cnc-turning:3 cad:3 cam:2 metrology:3 quality-inspection:3 technical-drawings:3 health-and-safety:2 manufacturing-processes:2',
    rqfLevel: 3, hoursPerWeek: 20, durationWeeks: 12, costPence: 600000, funding: BOOTCAMP_ALL, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('lathe-and-line', 'douglas-bank-college'),
  },
  {
    key: 'bootcamp-automation', kind: 'BOOTCAMP', title: 'Skills Bootcamp in Automation and Robotics',
    description: 'Ten weeks programming PLCs and industrial robots, and maintaining pneumatic, hydraulic and mechatronic systems on a training production line.',
    requires: 'electrical-principles:1', teaches: 'plc-programming:3 automation-technology:3 robotics:2 mechatronics:2 pneumatics:2 hydraulics:2 electrical-principles:2 health-and-safety:3 troubleshooting:2 manufacturing-processes:3 lean-manufacturing:2 quality-assurance:2',
    rqfLevel: 3, hoursPerWeek: 20, durationWeeks: 10, costPence: 650000, funding: BOOTCAMP_ALL, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('lathe-and-line', 'etherow-technical-college'),
  },
  {
    key: 'bootcamp-health-data', kind: 'BOOTCAMP', title: 'Skills Bootcamp in Health Data and Informatics',
    description: 'Twelve weeks on how health data is recorded, shared and used: patient record systems, information governance, SQL and Power BI reporting, data standards and telehealth.',
    requires: 'spreadsheets:2 eds-handling-information:3', teaches: 'health-informatics:3 data-analysis:2 sql:2 power-bi:2 health-data-standards:2 information-governance:3 medical-statistics:2 electronic-patient-records:2 data-protection:3 telehealth:2',
    rqfLevel: 4, hoursPerWeek: 12, durationWeeks: 12, costPence: 520000, funding: BOOTCAMP_ALL, needsOwnDevice: true, mode: 'HYBRID',
    runs: runsAt('kingfisher-health-data', { org: 'kingfisher-health-data', mode: 'ONLINE' }),
  },

  // ---- Apprenticeships (paid jobs with training) ----
  {
    key: 'appr-it-support', kind: 'APPRENTICESHIP', title: 'Information Communications Technician Apprenticeship (Level 3)',
    description: 'Earn while you learn as an IT support apprentice: supporting staff, setting up devices and accounts, and fixing faults, with one day a week of training.',
    requires: 'communication:2 numeracy:2 computer-literacy:2', teaches: 'it-support:3 helpdesk:3 troubleshooting:3 operating-systems:3 install-software:3 install-os:3 networking:2 directory-services:2 customer-service:3 itil:2 remote-support:2',
    rqfLevel: 3, hoursPerWeek: 37.5, durationWeeks: 78, costPence: 0, funding: null, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt({ org: 'kestrel-it' }, { org: 'brightmill-technologies' }), occupation: 'it-support-technician', wagePounds: 18500,
  },
  {
    key: 'appr-customer-service', kind: 'APPRENTICESHIP', title: 'Customer Service Practitioner Apprenticeship (Level 2)',
    description: 'Join a busy contact centre team as an apprentice, helping customers by phone, chat and email while working towards a Level 2 qualification.',
    requires: 'eds-communicating:2', teaches: 'customer-service:3 live-chat-support:3 crm-software:3 crm:2 complaint-handling:2 telephone-skills:3 eds-communicating:3 eds-handling-information:3 touch-typing:2 data-protection:2',
    rqfLevel: 2, hoursPerWeek: 37.5, durationWeeks: 56, costPence: 0, funding: null, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('tandem-contact', 'greenhey-energy', 'ashgrove-home'), occupation: 'digital-customer-service-adviser', wagePounds: 16500,
  },
  {
    key: 'appr-business-admin', kind: 'APPRENTICESHIP', title: 'Business Administrator Apprenticeship (Level 3)',
    description: 'An office-based apprenticeship covering admin systems, records, data, communication and project support.',
    requires: 'communication:2 office-software:1', teaches: 'office-administration:3 word-processing:3 spreadsheets:3 online-collaboration:3 records-management:2 data-entry:2 project-management:2 communication:3 time-management:2',
    rqfLevel: 3, hoursPerWeek: 37.5, durationWeeks: 78, costPence: 0, funding: null, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('coachhouse-legal', 'canalside-homes'), occupation: 'office-administrator', wagePounds: 17500,
  },
  {
    key: 'appr-software-developer', kind: 'APPRENTICESHIP', title: 'Software Developer Apprenticeship (Level 4)',
    description: 'Two years building and testing software in a real development team, with structured training in programming, testing, databases and agile delivery.',
    requires: 'computer-programming:1 numeracy:2', teaches: 'computer-programming:4 javascript:3 typescript:3 nodejs:3 javascript-frameworks:2 sql:3 git:3 unit-testing:3 debugging:3 agile:3 apis:3 oop:3 problem-solving:3 teamwork:3 cloud-computing:1',
    rqfLevel: 4, hoursPerWeek: 37.5, durationWeeks: 104, costPence: 0, funding: null, needsOwnDevice: false, mode: 'HYBRID',
    runs: runsAt('copperfield-digital', 'northbeam-software'), occupation: 'software-developer', wagePounds: 21000,
  },
  {
    key: 'appr-data-technician', kind: 'APPRENTICESHIP', title: 'Data Technician Apprenticeship (Level 3)',
    description: 'Collect, clean and report on data for a growing analytics team, learning Excel, SQL and Power BI on the job.',
    requires: 'numeracy:2 spreadsheets:2', teaches: 'data-analysis:3 spreadsheets:3 excel-advanced:3 sql:3 data-cleansing:3 data-visualisation:3 power-bi:2 statistics:2 data-protection:2',
    rqfLevel: 3, hoursPerWeek: 37.5, durationWeeks: 78, costPence: 0, funding: null, needsOwnDevice: false, mode: 'HYBRID',
    runs: runsAt('quayside-analytics', 'parkway-mutual'), occupation: 'data-analyst', wagePounds: 19500,
  },
  {
    key: 'appr-cyber', kind: 'APPRENTICESHIP', title: 'Cyber Security Technician Apprenticeship (Level 3)',
    description: 'Work in a security operations centre watching for attacks and helping respond to incidents, with training towards recognised security qualifications.',
    requires: 'computer-literacy:2 numeracy:2 eds-safe-legal-online:3', teaches: 'cyber-security:3 network-security:3 security-threats:3 incident-response:3 siem:3 linux:2 vulnerability-assessment:2 networking:2 risk-assessment:2',
    rqfLevel: 3, hoursPerWeek: 37.5, durationWeeks: 78, costPence: 0, funding: null, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('redmere-cyber'), occupation: 'cyber-security-analyst', wagePounds: 20000,
  },
  {
    key: 'appr-network', kind: 'APPRENTICESHIP', title: 'Network Technician Apprenticeship (Level 3)',
    description: 'Install and configure networks, switches, Wi-Fi and firewalls for business customers across Greater Manchester.',
    requires: 'computer-literacy:2 numeracy:2', teaches: 'networking:3 tcp-ip:3 network-configuration:3 network-routing:2 firewalls:2 vpn:2 troubleshooting:3 ict-infrastructure:2 operating-systems:2',
    rqfLevel: 3, hoursPerWeek: 37.5, durationWeeks: 78, costPence: 0, funding: null, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('tandle-networks', 'cloudfold-hosting'), occupation: 'network-technician', wagePounds: 19000,
  },
  {
    key: 'appr-devops', kind: 'APPRENTICESHIP', title: 'DevOps Engineer Apprenticeship (Level 4)',
    description: 'Join a platform team automating builds, tests and deployments, and looking after cloud infrastructure.',
    requires: 'linux:2 computer-programming:2', teaches: 'devops:3 ci-cd:3 containers:3 cloud-computing:3 infrastructure-as-code:3 shell-scripting:3 git:3 linux:3 monitoring:3 cloud-security:2 kubernetes:2',
    rqfLevel: 4, hoursPerWeek: 37.5, durationWeeks: 104, costPence: 0, funding: null, needsOwnDevice: false, mode: 'HYBRID',
    runs: runsAt('cloudfold-hosting'), occupation: 'devops-engineer', wagePounds: 22500,
  },
  {
    key: 'appr-digital-marketer', kind: 'APPRENTICESHIP', title: 'Digital Marketer Apprenticeship (Level 3)',
    description: 'Plan and run social, search and email campaigns for agency clients, and learn to measure what works.',
    requires: 'eds-communicating:3 written-communication:2', teaches: 'digital-marketing:3 social-media-marketing:3 social-media-management:2 seo:2 content-marketing:2 web-analytics:2 copywriting:2 email-marketing:2 ppc:1',
    rqfLevel: 3, hoursPerWeek: 37.5, durationWeeks: 78, costPence: 0, funding: null, needsOwnDevice: false, mode: 'HYBRID',
    runs: runsAt('saltbox-digital', 'ashgrove-home'), occupation: 'digital-marketer', wagePounds: 18000,
  },
  {
    key: 'appr-engineering-technician', kind: 'APPRENTICESHIP', title: 'Engineering Technician Apprenticeship (Level 3)',
    description: 'A three-year apprenticeship on a modern production site: machining, automation, quality and continuous improvement, with day release to college.',
    requires: 'numeracy:2', teaches: 'manufacturing-processes:3 lean-manufacturing:2 quality-assurance:2 automation-technology:2 technical-drawings:3 health-and-safety:3 cnc-machining:3 cnc-programming:2 metrology:2 electrical-principles:2 root-cause-analysis:2',
    rqfLevel: 3, hoursPerWeek: 37.5, durationWeeks: 156, costPence: 0, funding: null, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('atherbrook-manufacturing', 'greyfriar-precision', 'tameview-aerospace'), occupation: 'advanced-manufacturing-technician', wagePounds: 17000,
  },
  {
    key: 'appr-maintenance-mechatronics', kind: 'APPRENTICESHIP', title: 'Engineering Maintenance (Mechatronics) Apprenticeship (Level 3)',
    description: 'Keep automated lines running: PLCs, robots, sensors, pneumatics and hydraulics, with planned and breakdown maintenance.',
    requires: 'numeracy:2', teaches: 'plc-programming:3 automation-technology:3 mechatronics:3 robotics:2 electrical-principles:3 pneumatics:2 hydraulics:2 troubleshooting:3 health-and-safety:3',
    rqfLevel: 3, hoursPerWeek: 37.5, durationWeeks: 156, costPence: 0, funding: null, needsOwnDevice: false, mode: 'IN_PERSON',
    runs: runsAt('holcroft-automation', 'brindle-packaging'), occupation: 'automation-technician', wagePounds: 17500,
  },
  {
    key: 'appr-clinical-coder', kind: 'APPRENTICESHIP', title: 'Clinical Coder Apprenticeship (Level 4)',
    description: 'Train as a clinical coder in a busy coding team, learning ICD-10 and OPCS-4 and the national standards through to accredited coder level.',
    requires: 'communication:2 eds-handling-information:2', teaches: 'clinical-coding:3 clinical-coding-procedures:3 icd-10:3 opcs-4:3 medical-terminology:3 anatomy-physiology:2 patient-confidentiality:3 electronic-patient-records:2 attention-to-detail:3',
    rqfLevel: 4, hoursPerWeek: 37.5, durationWeeks: 104, costPence: 0, funding: null, needsOwnDevice: false, mode: 'HYBRID',
    runs: runsAt('carebridge-clinical', 'irkside-health'), occupation: 'clinical-coder', wagePounds: 20500,
  },
  {
    key: 'appr-health-informatics', kind: 'APPRENTICESHIP', title: 'Health Data and Informatics Apprenticeship (Level 3)',
    description: 'Support a health informatics team: running reports from patient record systems, keeping data accurate and helping roll out digital services.',
    requires: 'spreadsheets:2 communication:2', teaches: 'health-informatics:3 data-analysis:2 sql:2 information-governance:3 electronic-patient-records:3 power-bi:2 health-records:2 data-protection:2',
    rqfLevel: 3, hoursPerWeek: 37.5, durationWeeks: 78, costPence: 0, funding: null, needsOwnDevice: false, mode: 'HYBRID',
    runs: runsAt('hartshead-community-health'), occupation: 'health-informatics-officer', wagePounds: 19000,
  },
  {
    key: 'appr-software-tester', kind: 'APPRENTICESHIP', title: 'Software Tester Apprenticeship (Level 4)',
    description: 'Test booking and payment software used by thousands of people: writing test plans, exploratory testing and automating checks.',
    requires: 'computer-programming:1 numeracy:2', teaches: 'software-testing:3 test-planning:3 test-automation:3 unit-testing:2 agile:2 attention-to-detail:3 javascript:2 sql:2 git:2',
    rqfLevel: 4, hoursPerWeek: 37.5, durationWeeks: 78, costPence: 0, funding: null, needsOwnDevice: false, mode: 'HYBRID',
    runs: runsAt('northbeam-software'), occupation: 'software-tester', wagePounds: 21000,
  },
];
