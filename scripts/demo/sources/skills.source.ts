import type { DemoSkillType } from '@skillpath/demo-region';

/**
 * Hand-written skill definitions for the demo region. `esco` is the ESCO v1.1.1 preferred (or
 * alternative) label whose concept URI the skill carries; resolve-esco-uris.ts looks them up.
 */
export interface SkillSource {
  code: string;
  label: string;
  type: DemoSkillType;
  digital: boolean;
  essentialDigital?: boolean;
  esco?: string;
  broader?: string;
  alt?: string[];
  description?: string;
}

const eds = (code: string, label: string, alt: string[], description: string): SkillSource => ({
  code,
  label,
  type: 'transversal',
  digital: true,
  essentialDigital: true,
  alt,
  description,
});

const d = (
  code: string,
  label: string,
  type: DemoSkillType,
  extra: Partial<SkillSource> = {},
): SkillSource => ({
  code,
  label,
  type,
  digital: true,
  ...extra,
});

const n = (
  code: string,
  label: string,
  type: DemoSkillType,
  extra: Partial<SkillSource> = {},
): SkillSource => ({
  code,
  label,
  type,
  digital: false,
  ...extra,
});

export const SKILL_SOURCES: SkillSource[] = [
  // UK Essential Digital Skills framework: the six areas, so a roadmap can start from zero.
  eds(
    'eds-foundation',
    'Digital foundation skills',
    ['using a device', 'getting online', 'basic computer skills'],
    'Turning on a device, using a keyboard, mouse or touchscreen, connecting to Wi-Fi, and keeping passwords safe.',
  ),
  eds(
    'eds-communicating',
    'Communicating online',
    ['email and video calls', 'online messaging'],
    'Sending email and messages, joining video calls and sharing files with people you know.',
  ),
  eds(
    'eds-handling-information',
    'Handling information and content',
    ['searching online', 'finding information online'],
    'Searching the web, judging whether information can be trusted, and saving and organising files.',
  ),
  eds(
    'eds-transacting',
    'Transacting online',
    ['online banking', 'using online services', 'shopping online'],
    'Filling in online forms, using GOV.UK services, banking and shopping online safely.',
  ),
  eds(
    'eds-problem-solving',
    'Problem solving with digital tools',
    ['fixing simple tech problems'],
    'Using help pages, tutorials and search to fix simple problems and learn new things with a device.',
  ),
  eds(
    'eds-safe-legal-online',
    'Being safe and legal online',
    ['online safety', 'staying safe online', 'spotting scams'],
    'Spotting scams and phishing, using privacy settings, and respecting copyright and other people online.',
  ),

  // Core and transversal skills
  n('communication', 'Communication', 'transversal', {
    esco: 'communication',
    alt: ['communication skills'],
  }),
  n('written-communication', 'Written English', 'transversal', { alt: ['writing skills', 'literacy'] }),
  n('numeracy', 'Numeracy', 'transversal', {
    esco: 'apply numeracy skills',
    alt: ['maths', 'working with numbers'],
  }),
  n('teamwork', 'Teamwork', 'transversal', { esco: 'work in teams', alt: ['working in a team'] }),
  n('time-management', 'Time management', 'transversal', { esco: 'manage time' }),
  n('attention-to-detail', 'Attention to detail', 'transversal', { alt: ['accuracy'] }),
  n('adaptability', 'Adaptability', 'transversal', { esco: 'adapt to change' }),
  n('active-listening', 'Active listening', 'transversal', { esco: 'listen actively' }),
  n('critical-thinking', 'Critical thinking', 'transversal', { esco: 'think critically' }),
  n('problem-solving', 'Problem solving', 'transversal', { esco: 'solve problems' }),
  n('creativity', 'Creative thinking', 'transversal', { esco: 'think creatively', alt: ['creativity'] }),
  n('presentation-skills', 'Presenting to others', 'skill', {
    esco: 'prepare presentation material',
    alt: ['presentation skills'],
  }),
  n('leadership', 'Leadership', 'transversal', { esco: 'leadership principles' }),
  n('customer-service', 'Customer service', 'skill', { esco: 'customer service', alt: ['customer care'] }),
  n('complaint-handling', 'Handling complaints', 'skill', {
    esco: 'handle customer complaints',
    broader: 'customer-service',
  }),
  n('telephone-skills', 'Telephone customer contact', 'skill', {
    esco: 'answer incoming calls',
    broader: 'customer-service',
    alt: ['call handling'],
  }),
  d('live-chat-support', 'Live chat and messaging support', 'skill', {
    broader: 'customer-service',
    alt: ['webchat', 'chat support'],
  }),
  n('sales', 'Sales', 'skill', { esco: 'sales activities' }),
  n('confidentiality', 'Handling confidential information', 'skill', { esco: 'observe confidentiality' }),
  n('health-and-safety', 'Health and safety at work', 'knowledge', {
    esco: 'health and safety in the workplace',
  }),

  // Office and everyday digital
  d('computer-literacy', 'Computer literacy', 'skill', {
    esco: 'have computer literacy',
    alt: ['IT skills', 'using a computer'],
  }),
  d('office-software', 'Office software', 'knowledge', {
    esco: 'office software',
    alt: ['Microsoft 365', 'Google Workspace'],
  }),
  d('word-processing', 'Word processing', 'skill', {
    esco: 'use word processing software',
    broader: 'office-software',
    alt: ['Microsoft Word', 'Google Docs'],
  }),
  d('spreadsheets', 'Spreadsheets', 'skill', {
    esco: 'use spreadsheets software',
    broader: 'office-software',
    alt: ['Excel', 'Microsoft Excel', 'Google Sheets'],
  }),
  d('excel-advanced', 'Advanced Excel', 'skill', {
    broader: 'spreadsheets',
    alt: ['pivot tables', 'VLOOKUP', 'XLOOKUP'],
  }),
  d('presentation-software', 'Presentation software', 'skill', {
    esco: 'use presentation software',
    broader: 'office-software',
    alt: ['PowerPoint', 'Google Slides'],
  }),
  d('online-collaboration', 'Online collaboration tools', 'skill', {
    esco: 'use online tools to collaborate',
    alt: ['Microsoft Teams', 'Slack', 'shared documents'],
  }),
  d('video-conferencing', 'Video conferencing', 'skill', {
    broader: 'online-collaboration',
    alt: ['Zoom', 'Teams meetings'],
  }),
  d('touch-typing', 'Touch typing', 'skill', {
    esco: 'use free typing techniques',
    alt: ['keyboard skills', 'typing'],
  }),
  d('data-entry', 'Data entry', 'skill', { alt: ['keying data', 'inputting data'] }),
  d('records-management', 'Records management', 'skill', { esco: 'perform records management' }),
  n('office-administration', 'Office administration', 'skill', {
    esco: 'perform clerical duties',
    alt: ['admin', 'clerical work'],
  }),

  // Programming and web
  d('computer-programming', 'Computer programming', 'knowledge', {
    esco: 'computer programming',
    alt: ['coding', 'programming'],
  }),
  d('python', 'Python', 'knowledge', {
    esco: 'Python (computer programming)',
    broader: 'computer-programming',
    alt: ['Python 3'],
  }),
  d('javascript', 'JavaScript', 'knowledge', {
    esco: 'JavaScript',
    broader: 'computer-programming',
    alt: ['JS', 'ECMAScript'],
  }),
  d('typescript', 'TypeScript', 'knowledge', { esco: 'TypeScript', broader: 'javascript', alt: ['TS'] }),
  d('javascript-frameworks', 'JavaScript frameworks', 'knowledge', {
    esco: 'JavaScript Framework',
    broader: 'javascript',
    alt: ['React', 'Vue', 'Angular'],
  }),
  d('nodejs', 'Node.js', 'knowledge', { broader: 'javascript', alt: ['Node', 'Express'] }),
  d('java', 'Java', 'knowledge', { esco: 'Java (computer programming)', broader: 'computer-programming' }),
  d('csharp', 'C#', 'knowledge', { esco: 'C#', broader: 'computer-programming', alt: ['C sharp', '.NET'] }),
  d('php', 'PHP', 'knowledge', { esco: 'PHP', broader: 'computer-programming' }),
  d('r-programming', 'R', 'knowledge', {
    esco: 'R',
    broader: 'computer-programming',
    alt: ['R programming', 'RStudio'],
  }),
  d('shell-scripting', 'Shell scripting', 'skill', {
    broader: 'computer-programming',
    alt: ['Bash', 'PowerShell'],
  }),
  d('web-development', 'Web development', 'knowledge', {
    esco: 'web programming',
    alt: ['building websites'],
  }),
  d('html', 'HTML', 'skill', {
    esco: 'use markup languages',
    broader: 'web-development',
    alt: ['HTML5', 'markup'],
  }),
  d('css', 'CSS', 'knowledge', { esco: 'CSS', broader: 'web-development', alt: ['CSS3', 'stylesheets'] }),
  d('responsive-design', 'Responsive web design', 'skill', {
    broader: 'web-development',
    alt: ['mobile-first design'],
  }),
  d('web-accessibility', 'Web accessibility', 'knowledge', {
    esco: 'ICT accessibility standards',
    alt: ['WCAG', 'accessible design'],
  }),
  d('apis', 'Web APIs', 'skill', { broader: 'web-development', alt: ['REST APIs', 'JSON APIs'] }),
  d('version-control', 'Version control', 'knowledge', {
    esco: 'tools for software configuration management',
    alt: ['source control'],
  }),
  d('git', 'Git', 'skill', { broader: 'version-control', alt: ['GitHub', 'GitLab'] }),
  d('oop', 'Object-oriented programming', 'skill', {
    esco: 'use object-oriented programming',
    broader: 'computer-programming',
    alt: ['OOP'],
  }),
  d('algorithms', 'Algorithms', 'knowledge', { esco: 'algorithms', broader: 'computer-programming' }),
  d('debugging', 'Debugging', 'skill', { esco: 'debug software', alt: ['fixing bugs'] }),
  d('software-testing', 'Software testing', 'knowledge', {
    esco: 'levels of software testing',
    alt: ['QA testing', 'manual testing'],
  }),
  d('unit-testing', 'Unit testing', 'skill', {
    esco: 'perform software unit testing',
    broader: 'software-testing',
    alt: ['Jest', 'pytest'],
  }),
  d('test-automation', 'Test automation', 'skill', {
    esco: 'develop automated software tests',
    broader: 'software-testing',
    alt: ['Selenium', 'Playwright', 'Cypress'],
  }),
  d('test-planning', 'Test planning', 'skill', {
    esco: 'plan software testing',
    broader: 'software-testing',
    alt: ['test cases'],
  }),
  d('agile', 'Agile ways of working', 'knowledge', { esco: 'Agile development', alt: ['Scrum', 'Kanban'] }),
  d('software-design', 'Software design', 'knowledge', {
    esco: 'software design methodologies',
    alt: ['design patterns'],
  }),

  // Data
  d('data-analysis', 'Data analysis', 'skill', {
    esco: 'perform data analysis',
    alt: ['analysing data', 'data analytics'],
  }),
  d('statistics', 'Statistics', 'knowledge', { esco: 'statistics', broader: 'data-analysis' }),
  d('data-visualisation', 'Data visualisation', 'skill', {
    esco: 'deliver visual presentation of data',
    broader: 'data-analysis',
    alt: ['charts', 'dashboards'],
  }),
  d('business-intelligence', 'Business intelligence', 'knowledge', {
    esco: 'business intelligence',
    alt: ['BI'],
  }),
  d('power-bi', 'Power BI', 'skill', { broader: 'business-intelligence', alt: ['Microsoft Power BI'] }),
  d('tableau', 'Tableau', 'skill', { broader: 'business-intelligence' }),
  d('data-cleansing', 'Data cleaning', 'skill', {
    esco: 'perform data cleansing',
    broader: 'data-analysis',
    alt: ['data cleansing', 'data wrangling'],
  }),
  d('databases', 'Databases', 'knowledge', { esco: 'database', alt: ['relational databases'] }),
  d('sql', 'SQL', 'knowledge', {
    esco: 'SQL',
    broader: 'databases',
    alt: ['MySQL', 'PostgreSQL', 'SQL queries'],
  }),
  d('data-modelling', 'Data modelling', 'skill', { esco: 'create data models', broader: 'databases' }),
  d('etl', 'Data pipelines (ETL)', 'knowledge', {
    esco: 'data extraction, transformation and loading tools',
    broader: 'databases',
    alt: ['ETL', 'data pipelines'],
  }),
  d('data-mining', 'Data mining', 'knowledge', { esco: 'data mining', broader: 'data-analysis' }),
  d('machine-learning', 'Machine learning', 'knowledge', {
    esco: 'machine learning',
    alt: ['ML', 'scikit-learn'],
  }),
  d('deep-learning', 'Deep learning', 'knowledge', {
    esco: 'deep learning',
    broader: 'machine-learning',
    alt: ['neural networks', 'PyTorch', 'TensorFlow'],
  }),
  n('data-protection', 'Data protection (UK GDPR)', 'knowledge', {
    esco: 'GDPR',
    alt: ['GDPR', 'UK GDPR', 'Data Protection Act'],
  }),

  // Operating systems, cloud, DevOps and networks
  d('operating-systems', 'Operating systems', 'knowledge', {
    esco: 'operating systems',
    alt: ['Windows', 'macOS'],
  }),
  d('linux', 'Linux', 'knowledge', { broader: 'operating-systems', alt: ['Ubuntu', 'Linux command line'] }),
  d('install-os', 'Installing operating systems', 'skill', {
    esco: 'install operating system',
    broader: 'operating-systems',
    alt: ['imaging laptops'],
  }),
  d('install-software', 'Installing software', 'skill', { esco: 'install software' }),
  d('cloud-computing', 'Cloud computing', 'knowledge', { esco: 'cloud technologies', alt: ['cloud'] }),
  d('aws', 'Amazon Web Services', 'knowledge', { broader: 'cloud-computing', alt: ['AWS'] }),
  d('azure', 'Microsoft Azure', 'knowledge', { broader: 'cloud-computing', alt: ['Azure'] }),
  d('cloud-security', 'Cloud security', 'knowledge', {
    esco: 'cloud security and compliance',
    broader: 'cloud-computing',
  }),
  d('monitoring', 'Cloud monitoring', 'knowledge', {
    esco: 'cloud monitoring and reporting',
    broader: 'cloud-computing',
    alt: ['observability', 'logging'],
  }),
  d('devops', 'DevOps', 'knowledge', { esco: 'DevOps' }),
  d('ci-cd', 'Continuous integration and delivery', 'skill', {
    broader: 'devops',
    alt: ['CI/CD', 'GitHub Actions', 'pipelines'],
  }),
  d('containers', 'Containers', 'skill', { broader: 'devops', alt: ['Docker'] }),
  d('kubernetes', 'Kubernetes', 'skill', { broader: 'containers', alt: ['K8s'] }),
  d('infrastructure-as-code', 'Infrastructure as code', 'skill', { broader: 'devops', alt: ['Terraform'] }),
  d('ansible', 'Ansible', 'knowledge', { esco: 'Ansible', broader: 'infrastructure-as-code' }),
  d('ict-infrastructure', 'IT infrastructure', 'knowledge', { esco: 'ICT infrastructure' }),
  d('virtualisation', 'Virtualisation', 'knowledge', {
    broader: 'ict-infrastructure',
    alt: ['virtual machines', 'Hyper-V', 'VMware'],
  }),
  d('backups', 'Backups and recovery', 'skill', { esco: 'perform backups', broader: 'ict-infrastructure' }),
  d('networking', 'Computer networking', 'knowledge', {
    esco: 'ICT networking hardware',
    alt: ['networks', 'LAN', 'Wi-Fi'],
  }),
  d('tcp-ip', 'Network protocols (TCP/IP)', 'knowledge', {
    esco: 'ICT communications protocols',
    broader: 'networking',
    alt: ['TCP/IP', 'DNS', 'DHCP'],
  }),
  d('network-configuration', 'IP configuration', 'skill', {
    esco: 'maintain internet protocol configuration',
    broader: 'networking',
    alt: ['IP addressing', 'subnetting'],
  }),
  d('network-routing', 'Network routing and switching', 'knowledge', {
    esco: 'ICT network routing',
    broader: 'networking',
    alt: ['routing', 'switching'],
  }),
  d('firewalls', 'Firewalls', 'skill', { esco: 'implement a firewall', broader: 'networking' }),
  d('vpn', 'Virtual private networks', 'skill', {
    esco: 'implement a virtual private network',
    broader: 'networking',
    alt: ['VPN'],
  }),
  d('directory-services', 'Directory services', 'knowledge', {
    esco: 'distributed directory information services',
    alt: ['Active Directory', 'Entra ID'],
  }),

  // IT support
  d('it-support', 'IT support', 'skill', {
    esco: 'provide ICT support',
    alt: ['technical support', 'IT helpdesk'],
  }),
  d('helpdesk', 'Service desk', 'skill', {
    esco: 'handle helpdesk problems',
    broader: 'it-support',
    alt: ['helpdesk', 'ticketing'],
  }),
  d('remote-support', 'Remote support', 'skill', { broader: 'it-support', alt: ['remote desktop'] }),
  d('troubleshooting', 'Troubleshooting', 'skill', { esco: 'troubleshoot', alt: ['fault finding'] }),
  d('hardware-assembly', 'PC hardware', 'skill', {
    esco: 'assemble hardware components',
    alt: ['building PCs', 'replacing parts'],
  }),
  d('mobile-device-management', 'Mobile device management', 'knowledge', {
    esco: 'mobile device management',
    alt: ['MDM', 'Intune'],
  }),
  d('itil', 'IT service management (ITIL)', 'skill', {
    esco: 'apply operations for an ITIL-based environment',
    broader: 'it-support',
    alt: ['ITIL', 'ITSM'],
  }),

  // Cyber security
  d('cyber-security', 'Cyber security', 'knowledge', {
    esco: 'cyber security',
    alt: ['cybersecurity', 'IT security'],
  }),
  d('information-security', 'Information security policies', 'skill', {
    esco: 'apply information security policies',
    broader: 'cyber-security',
  }),
  d('network-security', 'Network security', 'knowledge', {
    esco: 'ICT network security risks',
    broader: 'cyber-security',
  }),
  d('security-threats', 'Security threats', 'knowledge', {
    esco: 'security threats',
    broader: 'cyber-security',
    alt: ['malware', 'phishing', 'ransomware'],
  }),
  d('attack-vectors', 'Attack vectors', 'knowledge', { esco: 'attack vectors', broader: 'security-threats' }),
  d('countermeasures', 'Cyber attack countermeasures', 'knowledge', {
    esco: 'cyber attack counter-measures',
    broader: 'cyber-security',
  }),
  d('incident-response', 'Security incident response', 'skill', {
    broader: 'cyber-security',
    alt: ['incident handling'],
  }),
  d('siem', 'Security monitoring (SIEM)', 'skill', {
    broader: 'cyber-security',
    alt: ['SIEM', 'SOC monitoring', 'Splunk'],
  }),
  d('vulnerability-assessment', 'Vulnerability assessment', 'skill', {
    esco: 'identify ICT system weaknesses',
    broader: 'cyber-security',
    alt: ['vulnerability scanning'],
  }),
  d('penetration-testing', 'Penetration testing', 'knowledge', {
    esco: 'penetration testing tool',
    broader: 'cyber-security',
    alt: ['ethical hacking', 'pen testing'],
  }),
  d('encryption', 'Encryption', 'knowledge', { esco: 'ICT encryption', broader: 'cyber-security' }),
  d('security-legislation', 'Cyber security law', 'knowledge', {
    esco: 'ICT security legislation',
    broader: 'cyber-security',
    alt: ['Computer Misuse Act'],
  }),
  d('risk-assessment', 'Security risk assessment', 'knowledge', {
    esco: 'assessment of risks and threats',
    broader: 'cyber-security',
  }),

  // UX and design
  d('ux-research', 'User research', 'skill', {
    esco: 'execute ICT user research activities',
    alt: ['UX research', 'user interviews'],
  }),
  d('user-centred-design', 'User-centred design', 'knowledge', {
    esco: 'usability engineering',
    alt: ['UCD', 'human-centred design'],
  }),
  d('usability-testing', 'Usability testing', 'skill', {
    esco: 'measure software usability',
    broader: 'ux-research',
  }),
  d('wireframing', 'Wireframing', 'skill', {
    esco: 'create website wireframe',
    broader: 'user-centred-design',
  }),
  d('prototyping', 'Prototyping', 'skill', {
    esco: 'create prototype of user experience solutions',
    broader: 'user-centred-design',
  }),
  d('figma', 'Figma', 'skill', { broader: 'prototyping' }),
  d('interaction-design', 'Interaction design', 'knowledge', {
    esco: 'software interaction design',
    broader: 'user-centred-design',
  }),
  d('information-architecture', 'Information architecture', 'knowledge', {
    esco: 'information architecture',
    broader: 'user-centred-design',
  }),
  d('graphic-design', 'Graphic design', 'knowledge', {
    esco: 'graphic design',
    alt: ['visual design', 'Canva'],
  }),
  d('content-design', 'Content design', 'knowledge', {
    esco: 'content development processes',
    alt: ['plain English writing for the web'],
  }),

  // Digital marketing
  d('digital-marketing', 'Digital marketing', 'knowledge', {
    esco: 'digital marketing techniques',
    alt: ['online marketing'],
  }),
  d('seo', 'Search engine optimisation', 'knowledge', {
    esco: 'search engine optimisation',
    broader: 'digital-marketing',
    alt: ['SEO'],
  }),
  d('ppc', 'Pay-per-click advertising', 'skill', {
    broader: 'digital-marketing',
    alt: ['PPC', 'Google Ads', 'paid search'],
  }),
  d('social-media-marketing', 'Social media marketing', 'knowledge', {
    esco: 'social media marketing techniques',
    broader: 'digital-marketing',
  }),
  d('social-media-management', 'Social media management', 'knowledge', {
    esco: 'social media management',
    broader: 'social-media-marketing',
    alt: ['community management'],
  }),
  d('content-marketing', 'Content marketing', 'knowledge', {
    esco: 'content marketing strategy',
    broader: 'digital-marketing',
  }),
  d('email-marketing', 'Email marketing', 'skill', {
    esco: 'execute email marketing',
    broader: 'digital-marketing',
    alt: ['Mailchimp', 'newsletters'],
  }),
  d('marketing-automation', 'Marketing automation', 'skill', { broader: 'digital-marketing' }),
  d('web-analytics', 'Web analytics', 'knowledge', {
    esco: 'web analytics',
    alt: ['Google Analytics', 'GA4'],
  }),
  n('copywriting', 'Copywriting', 'skill', { esco: 'perform copywriting' }),
  d('crm', 'Customer relationship management', 'knowledge', {
    esco: 'customer relationship management',
    alt: ['CRM'],
  }),
  d('crm-software', 'CRM software', 'skill', {
    esco: 'use customer relationship management software',
    broader: 'crm',
    alt: ['Salesforce', 'HubSpot', 'Dynamics 365'],
  }),
  d('ecommerce', 'E-commerce platforms', 'knowledge', {
    esco: 'e-commerce systems',
    alt: ['Shopify', 'online shop'],
  }),
  d('video-editing', 'Video editing', 'skill', {
    esco: 'edit digital moving images',
    alt: ['Premiere Pro', 'CapCut'],
  }),
  d('photo-editing', 'Photo editing', 'skill', { esco: 'edit photographs', alt: ['Photoshop'] }),

  // Business and projects
  n('project-management', 'Project management', 'knowledge', { esco: 'project management' }),
  n('business-analysis', 'Business analysis', 'knowledge', { esco: 'business analysis' }),
  n('requirements-gathering', 'Requirements gathering', 'skill', {
    broader: 'business-analysis',
    alt: ['user stories', 'requirements elicitation'],
  }),
  n('process-mapping', 'Process mapping', 'skill', {
    broader: 'business-analysis',
    alt: ['BPMN', 'process improvement'],
  }),
  n('stakeholder-engagement', 'Working with stakeholders', 'skill', { alt: ['stakeholder management'] }),

  // Advanced manufacturing
  n('manufacturing-processes', 'Manufacturing processes', 'knowledge', { esco: 'manufacturing processes' }),
  n('technical-drawings', 'Reading engineering drawings', 'skill', {
    esco: 'read engineering drawings',
    alt: ['technical drawings', 'blueprints'],
  }),
  n('electrical-principles', 'Electrical principles', 'knowledge', { esco: 'electricity' }),
  n('hydraulics', 'Hydraulics', 'knowledge', { esco: 'hydraulics' }),
  n('pneumatics', 'Pneumatics', 'knowledge', { esco: 'pneumatics' }),
  n('metrology', 'Metrology', 'knowledge', { esco: 'metrology', alt: ['precision measurement', 'CMM'] }),
  n('cnc-machining', 'CNC machining', 'skill', { alt: ['CNC', 'machining'] }),
  n('cnc-milling', 'CNC milling', 'skill', { esco: 'tend CNC milling machine', broader: 'cnc-machining' }),
  n('cnc-turning', 'CNC turning', 'skill', {
    esco: 'tend CNC lathe machine',
    broader: 'cnc-machining',
    alt: ['CNC lathe'],
  }),
  d('cnc-programming', 'CNC programming', 'skill', {
    esco: 'program a CNC controller',
    broader: 'cnc-machining',
    alt: ['G-code'],
  }),
  d('cad', 'CAD', 'knowledge', {
    esco: 'CAD software',
    alt: ['computer-aided design', 'SolidWorks', 'Fusion 360'],
  }),
  d('autocad', 'AutoCAD drawings', 'skill', {
    esco: 'create AutoCAD drawings',
    broader: 'cad',
    alt: ['AutoCAD'],
  }),
  d('cam', 'CAM software', 'knowledge', { esco: 'CAM software', alt: ['computer-aided manufacturing'] }),
  d('plc-programming', 'PLC programming', 'knowledge', {
    esco: 'programmable logic controller',
    alt: ['PLC', 'ladder logic', 'Siemens TIA Portal'],
  }),
  d('automation-technology', 'Industrial automation', 'knowledge', {
    esco: 'automation technology',
    alt: ['automation'],
  }),
  d('robotics', 'Robotics', 'knowledge', { esco: 'robotics', alt: ['industrial robots', 'cobots'] }),
  n('mechatronics', 'Mechatronic maintenance', 'skill', {
    esco: 'maintain mechatronic equipment',
    alt: ['mechatronics'],
  }),
  d('additive-manufacturing', 'Additive manufacturing', 'knowledge', {
    esco: '3D printing process',
    alt: ['3D printing'],
  }),
  n('lean-manufacturing', 'Lean manufacturing', 'knowledge', {
    esco: 'lean manufacturing',
    alt: ['lean', '5S', 'kaizen'],
  }),
  n('six-sigma', 'Six Sigma', 'knowledge', {
    esco: 'six sigma methods',
    broader: 'lean-manufacturing',
    alt: ['DMAIC'],
  }),
  n('quality-assurance', 'Quality assurance', 'knowledge', {
    esco: 'quality assurance procedures',
    alt: ['QA', 'ISO 9001'],
  }),
  n('quality-inspection', 'Quality inspection', 'skill', {
    esco: 'inspect quality of products',
    broader: 'quality-assurance',
  }),
  d('spc', 'Statistical process control', 'knowledge', {
    esco: 'statistical process control',
    broader: 'quality-assurance',
    alt: ['SPC'],
  }),
  n('root-cause-analysis', 'Root cause analysis', 'skill', {
    broader: 'quality-assurance',
    alt: ['5 whys', '8D'],
  }),

  // Digital health
  n('medical-terminology', 'Medical terminology', 'knowledge', { esco: 'medical terminology' }),
  n('anatomy-physiology', 'Anatomy and physiology', 'knowledge', { esco: 'human anatomy' }),
  d('clinical-coding', 'Clinical coding', 'knowledge', { esco: 'clinical coding' }),
  d('clinical-coding-procedures', 'Clinical coding procedures', 'skill', {
    esco: 'perform clinical coding procedures',
    broader: 'clinical-coding',
  }),
  d('icd-10', 'ICD-10 classification', 'knowledge', {
    broader: 'clinical-coding',
    alt: ['ICD-10', 'diagnosis coding'],
  }),
  d('opcs-4', 'OPCS-4 classification', 'knowledge', {
    broader: 'clinical-coding',
    alt: ['OPCS-4', 'procedure coding'],
  }),
  d('health-informatics', 'Health informatics', 'knowledge', {
    esco: 'health informatics',
    alt: ['digital health'],
  }),
  d('health-records', 'Health records management', 'knowledge', { esco: 'health records management' }),
  d('electronic-patient-records', 'Electronic patient record systems', 'skill', {
    esco: 'use electronic health records management system',
    broader: 'health-records',
    alt: ['EPR', 'EHR', 'patient records systems'],
  }),
  d('telehealth', 'Telehealth', 'skill', {
    esco: 'use e-health and mobile health technologies',
    alt: ['remote consultations', 'telemedicine'],
  }),
  d('health-data-standards', 'Health data standards', 'knowledge', {
    broader: 'health-informatics',
    alt: ['HL7 FHIR', 'SNOMED CT'],
  }),
  n('patient-confidentiality', 'Patient confidentiality', 'skill', {
    esco: 'maintain healthcare user data confidentiality',
    broader: 'confidentiality',
    alt: ['Caldicott principles'],
  }),
  n('information-governance', 'Information governance', 'knowledge', {
    alt: ['IG', 'Data Security and Protection Toolkit'],
  }),
  n('medical-statistics', 'Medical statistics', 'knowledge', {
    esco: 'medical statistics',
    broader: 'statistics',
  }),
];
