// Closed vocabularies for scenario metadata, so coverage can be counted and a typo is an error.
// Each list says in a word what it means; scenarios/README.md explains how to choose.

/** The narrator's job. */
export const ROLES = [
  'backend',
  'frontend',
  'fullstack',
  'mobile-ios',
  'mobile-android',
  'data',
  'ml',
  'sre',
  'platform',
  'security',
  'qa',
  'engineering-manager',
  'operations',
] as const;

/** The roles the library must show (at least a few stories each). `fullstack` is allowed but not required. */
export const REQUIRED_ROLES = ROLES.filter((role) => role !== 'fullstack');

/** The business the story happens in: a sector, not a product. */
export const INDUSTRIES = [
  'retail', // online shops, marketplaces, grocery and food delivery
  'finance', // banks, payments, lending, trading, payroll money movement
  'insurance',
  'health', // hospitals, clinics, pharmacies, fitness and wellbeing apps
  'education',
  'travel', // booking, airlines, hotels
  'mobility', // ride-hailing, car sharing, public transport
  'logistics', // shipping, warehouses, fleets, parcel tracking
  'media', // news, video and music streaming, publishing
  'entertainment', // ticketing, live events
  'gaming',
  'social', // messaging, social networks, communities, dating
  'business-software', // software sold to businesses: invoicing, contracts, CRM, HR, support desks
  'developer-tools', // cloud, hosting, developer platforms sold to engineers
  'telecom',
  'energy',
  'public-sector',
  'manufacturing',
  'automotive',
  'real-estate',
  'advertising',
  'nonprofit',
] as const;

/** Who tells the story in the overview. A manager manages engineers or an operation. */
export const NARRATORS = ['sde1', 'sde2', 'senior', 'manager'] as const;

/** The gaps an LP-level follow-up can probe, in the order an interviewer usually reaches for them. */
export const FOLLOW_UP_GAPS = [
  'measurement', // the number: how you knew, before and after
  'own-part', // what you did yourself, as opposed to "we"
  'trade-off', // what you gave up, and why that was right
  'data', // the evidence behind the decision
  'differently', // what you would do differently
  'scope', // where your responsibility started and stopped
  'stakeholder', // the person or team you had to bring along
  'failure', // what went wrong or did not work
] as const;
