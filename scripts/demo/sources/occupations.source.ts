import type { DemoSkillLevel, ProficiencyLevel } from '@skillpath/demo-region';

export interface OccupationSource {
  code: string;
  /** ESCO occupation preferred or alternative label. */
  esco?: string;
  title: string;
  description: string;
  essential: DemoSkillLevel[];
  optional: DemoSkillLevel[];
}

/** "python:3 sql:2" → [{skill:'python',level:3},{skill:'sql',level:2}] */
export function levels(spec: string): DemoSkillLevel[] {
  return spec
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => {
      const [skill, level] = part.split(':');
      const n = Number(level);
      if (!skill || !Number.isInteger(n) || n < 1 || n > 5) throw new Error(`bad skill level "${part}"`);
      return { skill, level: n as ProficiencyLevel };
    });
}

const o = (
  code: string,
  esco: string | undefined,
  title: string,
  description: string,
  essential: string,
  optional: string,
): OccupationSource => ({
  code,
  esco,
  title,
  description,
  essential: levels(essential),
  optional: levels(optional),
});

/**
 * The 30 target occupations. DEMO_UNREACHABLE_OCCUPATION (machine learning engineer) is
 * deliberately out of reach: it needs deep learning, which nothing in the region teaches.
 */

export const OCCUPATION_SOURCES: OccupationSource[] = [
  o(
    'software-developer',
    'software developer',
    'Software developer',
    'Designs, writes, tests and maintains software for a team, usually working in an agile way with version control and code review.',
    'computer-programming:3 javascript:3 git:2 unit-testing:2 sql:2 debugging:3 agile:2 problem-solving:3',
    'typescript:2 nodejs:2 apis:2 oop:2 cloud-computing:1 teamwork:2',
  ),
  o(
    'junior-web-developer',
    'web developer',
    'Junior web developer',
    'Builds and updates websites and web pages with HTML, CSS and JavaScript, making them work on phones and for disabled users.',
    'html:3 css:3 javascript:2 git:2 responsive-design:2 web-accessibility:2',
    'javascript-frameworks:2 php:1 seo:1 debugging:2 teamwork:2',
  ),
  o(
    'front-end-developer',
    'user interface developer',
    'Front-end developer',
    'Builds the parts of websites and apps people see and use, turning designs into accessible, fast interfaces.',
    'javascript:3 typescript:2 javascript-frameworks:2 html:3 css:3 git:2 web-accessibility:2',
    'unit-testing:2 figma:1 apis:2 responsive-design:3',
  ),
  o(
    'devops-engineer',
    'DevOps engineer',
    'DevOps engineer',
    'Automates how software is built, tested and released, and keeps the services it runs on reliable.',
    'linux:3 ci-cd:3 containers:3 cloud-computing:3 shell-scripting:3 git:3 infrastructure-as-code:2',
    'kubernetes:2 ansible:2 python:2 monitoring:2 aws:2 cloud-security:2',
  ),
  o(
    'cloud-engineer',
    'cloud engineer',
    'Cloud support engineer',
    'Sets up and looks after cloud services, networks and accounts, keeping them secure and within budget.',
    'cloud-computing:3 linux:2 networking:2 cloud-security:2 monitoring:2 shell-scripting:2',
    'aws:2 azure:2 infrastructure-as-code:2 backups:2 python:1',
  ),
  o(
    'data-analyst',
    'data analyst',
    'Data analyst',
    'Collects, cleans and analyses data, and turns it into charts, dashboards and plain-English findings people can act on.',
    'data-analysis:3 sql:3 spreadsheets:3 data-visualisation:3 data-cleansing:3 statistics:2',
    'python:2 power-bi:3 excel-advanced:3 data-protection:2 presentation-skills:2',
  ),
  o(
    'machine-learning-engineer',
    'machine learning systems designer',
    'Machine learning engineer',
    'Builds, trains and deploys machine learning models, including deep neural networks, into production systems.',
    'python:3 machine-learning:3 deep-learning:3 statistics:3 sql:2 git:2',
    'cloud-computing:2 containers:2 data-cleansing:3',
  ),
  o(
    'cyber-security-analyst',
    'ICT security technician',
    'Cyber security analyst',
    'Monitors systems for attacks, investigates alerts and helps the organisation fix weaknesses before they are exploited.',
    'cyber-security:3 network-security:3 security-threats:3 incident-response:2 siem:2 linux:2',
    'vulnerability-assessment:2 penetration-testing:1 risk-assessment:2 security-legislation:2 encryption:2',
  ),
  o(
    'it-support-technician',
    'ICT technician',
    'IT support technician',
    'Sets up computers, phones and accounts, fixes hardware and software faults, and helps staff with IT problems in person and remotely.',
    'it-support:2 troubleshooting:2 operating-systems:2 install-software:2 customer-service:2 networking:1',
    'helpdesk:2 directory-services:1 install-os:2 hardware-assembly:2 remote-support:2 itil:1',
  ),
  o(
    'service-desk-analyst',
    'ICT help desk agent',
    'IT service desk analyst',
    'First point of contact for IT problems: logs calls and chats, solves what can be solved straight away and passes on the rest.',
    'helpdesk:3 it-support:2 customer-service:3 itil:2 troubleshooting:2 communication:3',
    'remote-support:2 directory-services:2 mobile-device-management:1 telephone-skills:2',
  ),
  o(
    'network-technician',
    'ICT network technician',
    'Network technician',
    'Installs, configures and fixes networks, switches, Wi-Fi and firewalls, and keeps records of how they are set up.',
    'networking:3 tcp-ip:3 network-configuration:3 network-routing:2 firewalls:2 troubleshooting:3',
    'vpn:2 network-security:2 linux:2 ict-infrastructure:2',
  ),
  o(
    'software-tester',
    'software tester',
    'Software tester',
    'Plans and runs tests on software, writes clear bug reports, and automates repetitive checks.',
    'software-testing:3 test-planning:3 test-automation:2 attention-to-detail:3 agile:2',
    'javascript:2 sql:1 git:2 unit-testing:2 debugging:2',
  ),
  o(
    'digital-marketer',
    'online marketer',
    'Digital marketing executive',
    'Plans and runs online campaigns across search, social media and email, and reports on what worked.',
    'digital-marketing:3 social-media-marketing:3 seo:2 content-marketing:2 web-analytics:2 copywriting:2',
    'email-marketing:2 ppc:2 crm-software:2 video-editing:1 graphic-design:1',
  ),
  o(
    'seo-specialist',
    'search engine optimisation expert',
    'SEO specialist',
    'Improves how websites rank in search engines through content, technical fixes and links, and measures the results.',
    'seo:3 web-analytics:3 content-marketing:2 html:1 copywriting:2',
    'ppc:2 spreadsheets:2 digital-marketing:2',
  ),
  o(
    'social-media-coordinator',
    'online community manager',
    'Social media coordinator',
    'Plans and posts content on social media, replies to comments and messages, and grows an online community.',
    'social-media-management:3 social-media-marketing:2 copywriting:2 photo-editing:2 communication:3',
    'video-editing:2 web-analytics:2 graphic-design:2 customer-service:2',
  ),
  o(
    'ux-designer',
    'user experience analyst',
    'UX designer',
    'Researches what users need, designs and tests wireframes and prototypes, and makes services easier to use.',
    'ux-research:3 wireframing:3 prototyping:3 usability-testing:2 user-centred-design:3 figma:2',
    'interaction-design:2 information-architecture:2 web-accessibility:2 html:1',
  ),
  o(
    'content-editor',
    'web content manager',
    'Digital content editor',
    'Writes, edits and publishes web pages and online content in plain English, keeping it accurate and accessible.',
    'content-design:3 copywriting:3 web-accessibility:2 seo:2 written-communication:3',
    'html:1 photo-editing:1 web-analytics:1',
  ),
  o(
    'business-analyst',
    'ICT business analyst',
    'Business analyst',
    'Works out what a business needs from a new system or process, writes it down clearly and checks it is delivered.',
    'business-analysis:3 requirements-gathering:3 process-mapping:3 stakeholder-engagement:3 data-analysis:2',
    'agile:2 sql:1 excel-advanced:2 presentation-skills:2',
  ),
  o(
    'project-support-officer',
    'project support officer',
    'Project support officer',
    'Keeps projects on track: plans, records, risks, meeting notes and reports, using online tools and spreadsheets.',
    'project-management:2 spreadsheets:2 online-collaboration:2 time-management:3 communication:2',
    'agile:2 presentation-software:2 stakeholder-engagement:2',
  ),
  o(
    'digital-customer-service-adviser',
    'customer service representative',
    'Digital customer service adviser',
    'Helps customers by phone, email, web chat and social media, solving problems and recording everything in a CRM system.',
    'customer-service:2 live-chat-support:2 crm-software:2 eds-communicating:3 eds-handling-information:2',
    'complaint-handling:2 telephone-skills:2 touch-typing:2 data-protection:1',
  ),
  o(
    'data-entry-clerk',
    'data entry clerk',
    'Data entry clerk',
    'Types information accurately into computer systems and databases, checking it and keeping records up to date.',
    'data-entry:2 touch-typing:2 spreadsheets:2 attention-to-detail:2 eds-foundation:3',
    'data-protection:1 records-management:1 office-software:2',
  ),
  o(
    'office-administrator',
    'office clerk',
    'Office administrator',
    'Runs the day-to-day admin of an office: diaries, documents, email, spreadsheets and records.',
    'office-administration:2 word-processing:2 spreadsheets:2 online-collaboration:2 communication:2',
    'records-management:2 data-entry:2 time-management:2 customer-service:1',
  ),
  o(
    'advanced-manufacturing-technician',
    'industrial engineering technician',
    'Advanced manufacturing technician',
    'Sets up, runs and improves automated production lines, using data and lean methods to reduce waste and faults.',
    'manufacturing-processes:3 lean-manufacturing:2 quality-assurance:2 automation-technology:2 technical-drawings:2 health-and-safety:2',
    'plc-programming:2 cad:1 spc:2 root-cause-analysis:2 robotics:1',
  ),
  o(
    'cnc-machinist',
    'computer numerical control machine operator',
    'CNC machinist',
    'Sets up, programs and runs CNC milling machines and lathes to make precision parts, and checks them against drawings.',
    'cnc-machining:3 cnc-programming:2 technical-drawings:3 metrology:2 health-and-safety:2',
    'cnc-milling:3 cnc-turning:3 cam:2 quality-inspection:2',
  ),
  o(
    'automation-technician',
    'automation engineering technician',
    'Automation and controls technician',
    'Installs, programs and fixes PLCs, robots and other automated equipment on production lines.',
    'plc-programming:3 automation-technology:3 electrical-principles:2 troubleshooting:2 health-and-safety:2',
    'robotics:2 pneumatics:2 hydraulics:2 mechatronics:2',
  ),
  o(
    'quality-technician',
    'quality engineering technician',
    'Quality technician',
    'Inspects parts and processes, records measurements, finds the root cause of defects and keeps quality systems up to date.',
    'quality-assurance:3 quality-inspection:3 metrology:2 spc:2 root-cause-analysis:2',
    'six-sigma:1 lean-manufacturing:2 spreadsheets:2 technical-drawings:2',
  ),
  o(
    'cad-technician',
    'drafter',
    'CAD technician',
    'Produces 2D drawings and 3D models of parts and assemblies with CAD software from engineers\u2019 sketches and specifications.',
    'cad:3 autocad:2 technical-drawings:3 manufacturing-processes:2',
    'cam:1 additive-manufacturing:1 attention-to-detail:2',
  ),
  o(
    'clinical-coder',
    'clinical coder',
    'Clinical coder',
    'Reads patient records and turns diagnoses and procedures into standard codes (ICD-10 and OPCS-4) used for funding and research.',
    'clinical-coding:3 clinical-coding-procedures:3 icd-10:3 opcs-4:2 medical-terminology:3 patient-confidentiality:2',
    'anatomy-physiology:2 electronic-patient-records:2 attention-to-detail:3',
  ),
  o(
    'health-informatics-officer',
    undefined,
    'Health informatics officer',
    'Looks after health data and the systems that hold it, produces reports for clinical teams and supports digital health projects.',
    'health-informatics:3 data-analysis:2 sql:2 information-governance:3 electronic-patient-records:2',
    'power-bi:2 health-data-standards:2 telehealth:2 medical-statistics:2 data-protection:2',
  ),
  o(
    'medical-records-clerk',
    'medical records clerk',
    'Medical records administrator',
    'Keeps patient records accurate and up to date in electronic systems, books appointments and handles requests for information.',
    'electronic-patient-records:2 health-records:2 patient-confidentiality:2 data-entry:2 customer-service:2',
    'medical-terminology:1 telehealth:1 records-management:2',
  ),
];
