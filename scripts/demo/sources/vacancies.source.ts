import type { Sector } from './organisations.source';

/** How the generator writes vacancies for one occupation. */
export interface VacancyTemplate {
  occupation: string;
  /** [title, trainee?] — trainee roles ask for one level less on every skill. */
  titles: [string, boolean][];
  sectors: Sector[];
  /** Yearly wage range in pounds for the standard role; trainee roles pay about 80%. */
  wage: [number, number];
  /** How many vacancies to write. */
  count: number;
  /** Things the job holder does, in the second person. */
  duties: string[];
  /** Share of roles offered as hybrid / fully remote. */
  hybridShare: number;
  remoteShare: number;
  partTimeShare: number;
}

export const VACANCY_TEMPLATES: VacancyTemplate[] = [
  {
    occupation: 'software-developer', sectors: ['digital'], wage: [32000, 45000], count: 12, hybridShare: 0.6, remoteShare: 0.15, partTimeShare: 0,
    titles: [['Software Developer', false], ['Junior Software Developer', true], ['Graduate Software Engineer', true], ['Full Stack Developer', false]],
    duties: ['build new features in TypeScript and Node.js', 'write tests and review colleagues\u2019 code', 'fix bugs reported by customers', 'take part in planning and stand-ups', 'improve the performance of our APIs'],
  },
  {
    occupation: 'junior-web-developer', sectors: ['digital', 'marketing'], wage: [24000, 30000], count: 9, hybridShare: 0.5, remoteShare: 0.1, partTimeShare: 0.1,
    titles: [['Junior Web Developer', true], ['Web Developer', false], ['WordPress Developer', false]],
    duties: ['build and update client websites', 'turn designs into accessible, responsive pages', 'fix layout problems across browsers', 'help clients update their content', 'keep sites fast and secure'],
  },
  {
    occupation: 'front-end-developer', sectors: ['digital'], wage: [30000, 42000], count: 7, hybridShare: 0.6, remoteShare: 0.2, partTimeShare: 0,
    titles: [['Front-end Developer', false], ['Junior Front-end Developer', true], ['React Developer', false]],
    duties: ['build user interfaces in React and TypeScript', 'work closely with designers on new screens', 'make sure everything meets accessibility standards', 'write component tests', 'improve page load times'],
  },
  {
    occupation: 'devops-engineer', sectors: ['digital'], wage: [38000, 52000], count: 6, hybridShare: 0.6, remoteShare: 0.25, partTimeShare: 0,
    titles: [['DevOps Engineer', false], ['Junior DevOps Engineer', true], ['Platform Engineer', false]],
    duties: ['maintain our CI/CD pipelines', 'run services in containers on Kubernetes', 'automate infrastructure with Terraform', 'respond to alerts and fix incidents', 'help developers ship safely'],
  },
  {
    occupation: 'cloud-engineer', sectors: ['digital'], wage: [32000, 45000], count: 6, hybridShare: 0.5, remoteShare: 0.2, partTimeShare: 0,
    titles: [['Cloud Support Engineer', false], ['Junior Cloud Engineer', true], ['Azure Support Engineer', false]],
    duties: ['set up and look after cloud servers and storage', 'monitor costs and performance', 'keep accounts and backups secure', 'answer technical questions from customers', 'document how systems are built'],
  },
  {
    occupation: 'data-analyst', sectors: ['digital', 'office', 'health', 'customer-contact'], wage: [27000, 38000], count: 14, hybridShare: 0.6, remoteShare: 0.1, partTimeShare: 0.1,
    titles: [['Data Analyst', false], ['Junior Data Analyst', true], ['Reporting Analyst', false], ['Insight Analyst', false], ['Trainee Data Analyst', true]],
    duties: ['build Power BI dashboards for managers', 'clean and join data from different systems', 'write SQL queries to answer business questions', 'explain findings in plain English', 'automate monthly reports'],
  },
  {
    occupation: 'machine-learning-engineer', sectors: ['digital'], wage: [45000, 60000], count: 3, hybridShare: 0.6, remoteShare: 0.3, partTimeShare: 0,
    titles: [['Machine Learning Engineer', false], ['AI Engineer', false]],
    duties: ['train and deploy deep learning models', 'build data pipelines for model training', 'monitor models in production', 'work with data scientists on new products'],
  },
  {
    occupation: 'cyber-security-analyst', sectors: ['digital'], wage: [30000, 42000], count: 8, hybridShare: 0.4, remoteShare: 0.1, partTimeShare: 0,
    titles: [['Cyber Security Analyst', false], ['SOC Analyst', false], ['Junior Security Analyst', true]],
    duties: ['monitor security alerts in our SIEM', 'investigate suspicious activity', 'help customers recover from incidents', 'run vulnerability scans and report findings', 'keep our playbooks up to date'],
  },
  {
    occupation: 'it-support-technician', sectors: ['digital', 'office', 'health', 'manufacturing', 'customer-contact'], wage: [22000, 28000], count: 22, hybridShare: 0.1, remoteShare: 0, partTimeShare: 0.1,
    titles: [['IT Support Technician', false], ['IT Technician', false], ['Junior IT Support Technician', true], ['Desktop Support Technician', false], ['Trainee IT Support Analyst', true]],
    duties: ['set up laptops, phones and user accounts', 'fix hardware and software faults', 'help staff in person and by remote desktop', 'keep an accurate record of assets', 'install updates and new software'],
  },
  {
    occupation: 'service-desk-analyst', sectors: ['digital', 'customer-contact', 'office'], wage: [21000, 26500], count: 14, hybridShare: 0.3, remoteShare: 0.05, partTimeShare: 0.15,
    titles: [['IT Service Desk Analyst', false], ['1st Line Support Analyst', false], ['Helpdesk Analyst', false], ['Trainee Service Desk Analyst', true]],
    duties: ['answer calls, emails and chats from users', 'log and prioritise tickets', 'reset passwords and unlock accounts', 'solve problems first time where you can', 'pass complex issues to second line with clear notes'],
  },
  {
    occupation: 'network-technician', sectors: ['digital'], wage: [25000, 33000], count: 7, hybridShare: 0, remoteShare: 0, partTimeShare: 0,
    titles: [['Network Technician', false], ['Network Support Engineer', false], ['Junior Network Engineer', true]],
    duties: ['install and configure switches and Wi-Fi', 'set up firewalls and VPNs', 'find and fix network faults on site', 'keep network diagrams up to date'],
  },
  {
    occupation: 'software-tester', sectors: ['digital'], wage: [26000, 36000], count: 7, hybridShare: 0.6, remoteShare: 0.15, partTimeShare: 0,
    titles: [['Software Tester', false], ['QA Tester', false], ['Junior Test Engineer', true]],
    duties: ['plan and run tests on new releases', 'write clear bug reports', 'automate browser tests', 'check fixes before they go live'],
  },
  {
    occupation: 'digital-marketer', sectors: ['marketing', 'customer-contact'], wage: [23000, 32000], count: 12, hybridShare: 0.5, remoteShare: 0.1, partTimeShare: 0.2,
    titles: [['Digital Marketing Executive', false], ['Digital Marketing Assistant', true], ['Marketing Executive', false], ['Junior Digital Marketer', true]],
    duties: ['plan and run social media and email campaigns', 'write engaging copy for our website', 'report on campaign results every month', 'manage our Google Ads budget', 'keep our CRM data tidy'],
  },
  {
    occupation: 'seo-specialist', sectors: ['marketing'], wage: [25000, 34000], count: 5, hybridShare: 0.6, remoteShare: 0.2, partTimeShare: 0.1,
    titles: [['SEO Specialist', false], ['SEO Executive', false], ['Junior SEO Executive', true]],
    duties: ['research keywords for client campaigns', 'audit websites for technical SEO problems', 'write and optimise content', 'report rankings and traffic to clients'],
  },
  {
    occupation: 'social-media-coordinator', sectors: ['marketing', 'customer-contact', 'health'], wage: [21000, 27000], count: 7, hybridShare: 0.5, remoteShare: 0.1, partTimeShare: 0.3,
    titles: [['Social Media Coordinator', false], ['Social Media Assistant', true], ['Community Manager', false]],
    duties: ['plan and post content across our social channels', 'reply to comments and messages quickly', 'shoot and edit short videos', 'grow our online community'],
  },
  {
    occupation: 'ux-designer', sectors: ['digital', 'marketing'], wage: [32000, 45000], count: 6, hybridShare: 0.7, remoteShare: 0.15, partTimeShare: 0,
    titles: [['UX Designer', false], ['Junior UX Designer', true], ['Service Designer', false]],
    duties: ['run interviews and usability tests with users', 'create wireframes and prototypes in Figma', 'turn research into clear design decisions', 'work with developers to build accessible services'],
  },
  {
    occupation: 'content-editor', sectors: ['marketing', 'digital', 'health'], wage: [24000, 31000], count: 5, hybridShare: 0.6, remoteShare: 0.2, partTimeShare: 0.3,
    titles: [['Digital Content Editor', false], ['Content Designer', false], ['Web Content Assistant', true]],
    duties: ['write and edit web pages in plain English', 'make sure content is accessible', 'publish updates in our content management system', 'review pages for accuracy and search'],
  },
  {
    occupation: 'business-analyst', sectors: ['digital', 'office', 'health'], wage: [32000, 45000], count: 6, hybridShare: 0.6, remoteShare: 0.1, partTimeShare: 0,
    titles: [['Business Analyst', false], ['Junior Business Analyst', true], ['Process Improvement Analyst', false]],
    duties: ['run workshops to understand what teams need', 'map current and future processes', 'write user stories and acceptance criteria', 'check new systems deliver what was agreed'],
  },
  {
    occupation: 'project-support-officer', sectors: ['office', 'digital', 'health', 'manufacturing'], wage: [23000, 29000], count: 8, hybridShare: 0.5, remoteShare: 0, partTimeShare: 0.2,
    titles: [['Project Support Officer', false], ['Project Coordinator', false], ['PMO Assistant', true]],
    duties: ['keep project plans and risk logs up to date', 'organise meetings and take notes', 'prepare weekly status reports', 'chase actions across teams'],
  },
  {
    occupation: 'digital-customer-service-adviser', sectors: ['customer-contact'], wage: [21000, 24500], count: 26, hybridShare: 0.3, remoteShare: 0.1, partTimeShare: 0.35,
    titles: [['Customer Service Adviser', false], ['Digital Customer Service Adviser', false], ['Customer Support Agent (Web Chat)', false], ['Contact Centre Adviser', false], ['Customer Service Assistant', true]],
    duties: ['help customers by phone, email and web chat', 'solve problems with orders, bills and bookings', 'record every conversation in our CRM', 'handle complaints calmly and fairly', 'spot ways to make things easier for customers'],
  },
  {
    occupation: 'data-entry-clerk', sectors: ['office', 'health', 'customer-contact'], wage: [20500, 23500], count: 14, hybridShare: 0.2, remoteShare: 0.05, partTimeShare: 0.4,
    titles: [['Data Entry Clerk', false], ['Data Entry Administrator', false], ['Data Input Assistant', true]],
    duties: ['enter orders, invoices and customer details accurately', 'check records for duplicates and errors', 'scan and index documents', 'meet daily accuracy and speed targets'],
  },
  {
    occupation: 'office-administrator', sectors: ['office', 'health', 'manufacturing', 'customer-contact'], wage: [21000, 26000], count: 16, hybridShare: 0.2, remoteShare: 0, partTimeShare: 0.35,
    titles: [['Office Administrator', false], ['Administrative Assistant', true], ['Team Administrator', false], ['Receptionist and Administrator', false]],
    duties: ['manage diaries, post and email', 'prepare letters and documents', 'keep spreadsheets and records up to date', 'welcome visitors and answer calls', 'order supplies and process invoices'],
  },
  {
    occupation: 'advanced-manufacturing-technician', sectors: ['manufacturing'], wage: [27000, 35000], count: 10, hybridShare: 0, remoteShare: 0, partTimeShare: 0,
    titles: [['Manufacturing Technician', false], ['Production Engineering Technician', false], ['Process Technician', false], ['Trainee Manufacturing Technician', true]],
    duties: ['set up and run automated production lines', 'use line data to reduce waste and downtime', 'lead small continuous improvement projects', 'support quality checks and root cause investigations'],
  },
  {
    occupation: 'cnc-machinist', sectors: ['manufacturing'], wage: [26000, 34000], count: 10, hybridShare: 0, remoteShare: 0, partTimeShare: 0,
    titles: [['CNC Machinist', false], ['CNC Setter Operator', false], ['CNC Programmer', false], ['Trainee CNC Operator', true]],
    duties: ['set up and run CNC mills and lathes', 'edit programs to improve cycle times', 'check parts against drawings with precision gauges', 'keep the machine shop safe and tidy'],
  },
  {
    occupation: 'automation-technician', sectors: ['manufacturing'], wage: [30000, 40000], count: 7, hybridShare: 0, remoteShare: 0, partTimeShare: 0,
    titles: [['Automation Technician', false], ['Controls Technician', false], ['Maintenance Technician (PLC)', false]],
    duties: ['fault-find PLC-controlled machinery', 'maintain robots, sensors and pneumatics', 'make small program changes safely', 'plan preventive maintenance'],
  },
  {
    occupation: 'quality-technician', sectors: ['manufacturing'], wage: [25000, 32000], count: 7, hybridShare: 0, remoteShare: 0, partTimeShare: 0,
    titles: [['Quality Technician', false], ['Quality Inspector', false], ['Trainee Quality Inspector', true]],
    duties: ['inspect parts with CMM and hand gauges', 'record measurements and SPC data', 'investigate defects and customer complaints', 'keep quality records audit-ready'],
  },
  {
    occupation: 'cad-technician', sectors: ['manufacturing'], wage: [25000, 33000], count: 5, hybridShare: 0.3, remoteShare: 0, partTimeShare: 0,
    titles: [['CAD Technician', false], ['Design Technician', false], ['Junior CAD Technician', true]],
    duties: ['produce 2D drawings and 3D models of parts', 'update drawings after engineering changes', 'prepare drawings for the machine shop', 'keep the drawing register up to date'],
  },
  {
    occupation: 'clinical-coder', sectors: ['health'], wage: [24000, 30000], count: 7, hybridShare: 0.5, remoteShare: 0.1, partTimeShare: 0.2,
    titles: [['Clinical Coder', false], ['Trainee Clinical Coder', true], ['Clinical Coding Officer', false]],
    duties: ['code diagnoses and procedures from patient records', 'check coding against national standards', 'query unclear notes with clinicians', 'meet coding deadlines each month'],
  },
  {
    occupation: 'health-informatics-officer', sectors: ['health'], wage: [27000, 35000], count: 6, hybridShare: 0.5, remoteShare: 0.05, partTimeShare: 0.1,
    titles: [['Health Informatics Officer', false], ['Information Analyst (Health)', false], ['Digital Health Support Officer', true]],
    duties: ['produce reports from patient record systems', 'keep health data accurate and secure', 'support clinics using telehealth', 'help roll out new digital services'],
  },
  {
    occupation: 'medical-records-clerk', sectors: ['health'], wage: [21000, 24000], count: 10, hybridShare: 0.1, remoteShare: 0, partTimeShare: 0.4,
    titles: [['Medical Records Administrator', false], ['Patient Services Administrator', false], ['GP Receptionist and Administrator', false], ['Medical Records Assistant', true]],
    duties: ['keep electronic patient records up to date', 'book and change appointments', 'handle requests for records securely', 'scan letters into patient records'],
  },
];
