import type { OrganisationKind, ProviderType } from '@skillpath/demo-region';

/** Employer sectors used to match vacancy templates to plausible employers. */
export type Sector = 'digital' | 'marketing' | 'customer-contact' | 'office' | 'manufacturing' | 'health';

export interface OrganisationSource {
  code: string;
  name: string;
  kind: OrganisationKind;
  providerType?: ProviderType;
  sectors?: Sector[];
  /** Outward code of the main site; the borough comes from the districts table. */
  district: string;
  description: string;
}

const provider = (
  code: string,
  name: string,
  providerType: ProviderType,
  district: string,
  description: string,
): OrganisationSource => ({
  code,
  name,
  kind: 'PROVIDER',
  providerType,
  district,
  description,
});

const employer = (
  code: string,
  name: string,
  sectors: Sector[],
  district: string,
  description: string,
): OrganisationSource => ({
  code,
  name,
  kind: 'EMPLOYER',
  sectors,
  district,
  description,
});

/** Every organisation here is invented for the demo; none is, or speaks for, a real organisation. */
export const ORGANISATION_SOURCES: OrganisationSource[] = [
  // Colleges
  provider(
    'croal-valley-college',
    'Croal Valley College',
    'COLLEGE',
    'BL1',
    'A further education college in Bolton with adult evening classes and engineering workshops.',
  ),
  provider(
    'medlock-college',
    'Medlock College of Technology',
    'COLLEGE',
    'M13',
    'A city-centre college for adults and school leavers, strong in computing and health courses.',
  ),
  provider(
    'roch-bridge-college',
    'Roch Bridge College',
    'COLLEGE',
    'OL11',
    'A college in Rochdale offering adult learning, English and maths, and digital qualifications.',
  ),
  provider(
    'etherow-technical-college',
    'Etherow Technical College',
    'COLLEGE',
    'OL6',
    'A technical college in Ashton-under-Lyne with engineering, IT and business courses.',
  ),
  provider(
    'douglas-bank-college',
    'Douglas Bank College',
    'COLLEGE',
    'WN1',
    'A college in Wigan town centre with a manufacturing centre and a digital skills suite.',
  ),
  provider(
    'mersey-vale-college',
    'Mersey Vale College',
    'COLLEGE',
    'SK1',
    'A college in Stockport offering adult courses, health and care, and IT qualifications.',
  ),
  // Skills Bootcamp providers
  provider(
    'irwell-digital-academy',
    'Irwell Digital Skills Academy',
    'BOOTCAMP',
    'M4',
    'Runs free Skills Bootcamps in software development and IT support for adults changing career.',
  ),
  provider(
    'cottonworks-code',
    'Cottonworks Code Academy',
    'BOOTCAMP',
    'M50',
    'A coding school at Salford Quays running evening and weekend bootcamps.',
  ),
  provider(
    'loomhouse-data',
    'Loomhouse Data School',
    'BOOTCAMP',
    'M1',
    'Teaches data analysis, SQL and Power BI in small cohorts, online and in Manchester.',
  ),
  provider(
    'millstone-cyber',
    'Millstone Cyber Academy',
    'BOOTCAMP',
    'BL9',
    'A cyber security and cloud training centre in Bury.',
  ),
  provider(
    'spindle-design-school',
    'Spindle Design School',
    'BOOTCAMP',
    'M20',
    'Teaches user experience design and digital marketing in Didsbury and online.',
  ),
  provider(
    'lathe-and-line',
    'Lathe & Line Engineering Training',
    'BOOTCAMP',
    'OL9',
    'Engineering training centre in Chadderton for CNC, CAD, PLC and robotics.',
  ),
  provider(
    'kingfisher-health-data',
    'Kingfisher Health Data Academy',
    'BOOTCAMP',
    'M6',
    'Trains people for digital roles in health and care: informatics, records and clinical coding.',
  ),
  // Apprenticeship training providers
  provider(
    'northway-apprenticeships',
    'Northway Apprenticeships',
    'TRAINING_PROVIDER',
    'M32',
    'An apprenticeship training provider working with employers across Greater Manchester.',
  ),
  provider(
    'forgeline-training',
    'Forgeline Training',
    'TRAINING_PROVIDER',
    'M17',
    'Engineering and manufacturing apprenticeships, based in Trafford Park.',
  ),
  provider(
    'carrow-digital',
    'Carrow Digital Apprenticeships',
    'TRAINING_PROVIDER',
    'M5',
    'Digital, data and cyber apprenticeships for employers large and small.',
  ),
  // Libraries and community centres (digital foundations)
  provider(
    'larkfield-library',
    'Larkfield Community Library',
    'COMMUNITY',
    'BL3',
    'A community library in Bolton with free computers, Wi-Fi and weekly digital help sessions.',
  ),
  provider(
    'fernhill-centre',
    'Fernhill Community Centre',
    'COMMUNITY',
    'BL9',
    'A community centre in Bury with a digital drop-in and laptop loans.',
  ),
  provider(
    'moss-lane-hub',
    'Moss Lane Neighbourhood Hub',
    'COMMUNITY',
    'M14',
    'A neighbourhood learning hub in south Manchester offering free beginners\u2019 IT courses.',
  ),
  provider(
    'blackley-learning-rooms',
    'Northside Learning Rooms',
    'COMMUNITY',
    'M9',
    'Free adult learning in north Manchester, including help getting online.',
  ),
  provider(
    'ashburn-library',
    'Ashburn Community Library',
    'COMMUNITY',
    'OL8',
    'A community library in Oldham with digital champions and free tablets to borrow.',
  ),
  provider(
    'kirkside-centre',
    'Kirkside Community Centre',
    'COMMUNITY',
    'OL12',
    'A community centre in Rochdale running a weekly digital caf\u00e9.',
  ),
  provider(
    'langworthy-digital-cafe',
    'Langworthy Digital Caf\u00e9',
    'COMMUNITY',
    'M6',
    'A friendly drop-in in Salford where volunteers help people get online.',
  ),
  provider(
    'heatonbrook-library',
    'Heatonbrook Library',
    'COMMUNITY',
    'SK5',
    'A community library in Stockport with free beginners\u2019 computer courses.',
  ),
  provider(
    'hurstfold-centre',
    'Hurstfold Community Centre',
    'COMMUNITY',
    'OL7',
    'A community centre in Tameside offering digital skills and job club sessions.',
  ),
  provider(
    'greenway-library',
    'Greenway Community Library',
    'COMMUNITY',
    'M32',
    'A community library in Stretford with computers, printing and digital help.',
  ),
  provider(
    'scholesfield-hub',
    'Scholesfield Community Hub',
    'COMMUNITY',
    'WN1',
    'A community hub in Wigan with free courses for adults and a laptop lending scheme.',
  ),
  provider(
    'leighbank-centre',
    'Leighbank Community Centre',
    'COMMUNITY',
    'WN7',
    'A community centre in Leigh with a digital inclusion programme.',
  ),
  // Online providers
  provider(
    'brightwell-online',
    'Brightwell Online Learning',
    'ONLINE',
    'M2',
    'Self-paced online courses with tutor support, from basic IT to programming.',
  ),
  provider(
    'openstep-digital',
    'OpenStep Digital',
    'ONLINE',
    'M50',
    'Live online classes in data, cloud and digital marketing.',
  ),
  provider(
    'learnwise-online',
    'Learnwise Online College',
    'ONLINE',
    'M33',
    'An online college offering accredited short courses in health, admin and IT.',
  ),

  // Employers: digital
  employer(
    'copperfield-digital',
    'Copperfield Digital',
    ['digital'],
    'M4',
    'A software studio building web and mobile apps for charities and public services.',
  ),
  employer(
    'northbeam-software',
    'Northbeam Software',
    ['digital'],
    'M1',
    'Makes booking and payments software used by leisure centres across the UK.',
  ),
  employer(
    'quayside-analytics',
    'Quayside Analytics',
    ['digital', 'office'],
    'M50',
    'A data consultancy helping retailers and councils make sense of their data.',
  ),
  employer(
    'redmere-cyber',
    'Redmere Cyber Defence',
    ['digital'],
    'M15',
    'A managed security service watching over the networks of small and medium businesses.',
  ),
  employer(
    'brightmill-technologies',
    'Brightmill Technologies',
    ['digital', 'customer-contact'],
    'SK3',
    'A managed IT services company looking after schools and small businesses.',
  ),
  employer(
    'kestrel-it',
    'Kestrel IT Services',
    ['digital'],
    'BL1',
    'IT support and networking for offices and warehouses across Bolton and Wigan.',
  ),
  employer(
    'tandle-networks',
    'Tandle Networks',
    ['digital'],
    'OL1',
    'Installs and maintains business networks, Wi-Fi and CCTV.',
  ),
  employer(
    'cloudfold-hosting',
    'Cloudfold Hosting',
    ['digital'],
    'M17',
    'A hosting and cloud company with a data centre in Trafford Park.',
  ),
  employer(
    'thistledown-finance',
    'Thistledown Finance',
    ['digital', 'customer-contact', 'office'],
    'M2',
    'An online lender and savings provider with a contact centre in Manchester.',
  ),
  // Employers: marketing and design
  employer(
    'saltbox-digital',
    'Saltbox Digital Agency',
    ['marketing', 'digital'],
    'M3',
    'A digital marketing agency running search, social and email campaigns.',
  ),
  employer(
    'marigold-finch',
    'Marigold & Finch Marketing',
    ['marketing'],
    'WA14',
    'A small marketing team serving hospitality and retail businesses.',
  ),
  employer(
    'cobalt-lane-design',
    'Cobalt Lane Design',
    ['marketing', 'digital'],
    'M20',
    'A design studio for websites, apps and services.',
  ),
  // Employers: customer contact and office
  employer(
    'ashgrove-home',
    'Ashgrove Home Retail',
    ['customer-contact', 'office', 'marketing'],
    'OL9',
    'An online homeware retailer with a warehouse and contact centre in Chadderton.',
  ),
  employer(
    'tandem-contact',
    'Tandem Contact Centres',
    ['customer-contact'],
    'M22',
    'Runs customer service for energy, travel and telecoms firms.',
  ),
  employer(
    'greenhey-energy',
    'Greenhey Energy',
    ['customer-contact', 'office'],
    'BL9',
    'A small energy supplier with its customer service team in Bury.',
  ),
  employer(
    'canalside-homes',
    'Canalside Homes',
    ['customer-contact', 'office'],
    'WN7',
    'A housing association with homes across Wigan and Salford.',
  ),
  employer(
    'parkway-mutual',
    'Parkway Mutual Insurance',
    ['customer-contact', 'office', 'digital'],
    'SK8',
    'A mutual insurer with its head office in Cheadle.',
  ),
  employer(
    'blackthorn-logistics',
    'Blackthorn Logistics',
    ['office', 'customer-contact'],
    'M44',
    'A warehousing and distribution firm near the Manchester Ship Canal.',
  ),
  employer(
    'coachhouse-legal',
    'Coachhouse Legal Services',
    ['office'],
    'OL11',
    'A law firm handling conveyancing and wills for clients across the North West.',
  ),
  employer(
    'riverstone-accountancy',
    'Riverstone Accountancy',
    ['office'],
    'M33',
    'An accountancy practice for small businesses in Sale.',
  ),
  // Employers: advanced manufacturing
  employer(
    'atherbrook-manufacturing',
    'Atherbrook Advanced Manufacturing',
    ['manufacturing'],
    'M46',
    'Makes precision components for rail and medical devices on automated lines.',
  ),
  employer(
    'holcroft-automation',
    'Holcroft Automation Systems',
    ['manufacturing'],
    'OL10',
    'Designs and installs automated production and packing lines.',
  ),
  employer(
    'greyfriar-precision',
    'Greyfriar Precision Components',
    ['manufacturing'],
    'BL5',
    'A CNC machining company producing parts for aerospace and energy.',
  ),
  employer(
    'tameview-aerospace',
    'Tameview Aerospace Components',
    ['manufacturing'],
    'SK16',
    'Machines and inspects aircraft parts to tight tolerances.',
  ),
  employer(
    'brindle-packaging',
    'Brindle Packaging',
    ['manufacturing'],
    'M24',
    'A packaging manufacturer running high-speed automated lines.',
  ),
  employer(
    'crossfield-foods',
    'Crossfield Foods',
    ['manufacturing', 'office'],
    'WN2',
    'A food manufacturer producing ready meals for supermarkets.',
  ),
  employer(
    'silverline-textiles',
    'Silverline Technical Textiles',
    ['manufacturing'],
    'OL12',
    'Makes technical fabrics for medical and safety products.',
  ),
  // Employers: health and care
  employer(
    'irkside-health',
    'Irkside Health Partnership',
    ['health', 'office'],
    'M8',
    'A partnership of GP surgeries and community clinics in north Manchester.',
  ),
  employer(
    'greenmoor-pcn',
    'Greenmoor Primary Care Network',
    ['health'],
    'BL3',
    'A group of GP practices in Bolton working together on digital services.',
  ),
  employer(
    'carebridge-clinical',
    'Carebridge Clinical Services',
    ['health', 'office'],
    'SK2',
    'An independent provider of outpatient clinics and diagnostics.',
  ),
  employer(
    'lumen-remote-care',
    'Lumen Remote Care',
    ['health', 'digital', 'customer-contact'],
    'M50',
    'Runs telehealth and remote monitoring services for patients at home.',
  ),
  employer(
    'hartshead-community-health',
    'Hartshead Community Health',
    ['health', 'office'],
    'OL6',
    'A community interest company running clinics and health records services in Tameside.',
  ),

  {
    code: 'gm-skills-partnership',
    name: 'Greater Manchester Skills Partnership (demo)',
    kind: 'PARTNERSHIP',
    district: 'M1',
    description:
      'A demo partnership of colleges, community providers and employers that runs cohorts and watches where local demand for skills outruns supply.',
  },
];
