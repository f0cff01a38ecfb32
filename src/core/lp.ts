/** The sixteen Amazon Leadership Principles, keyed by the kebab-case of their official names. */
export const LEADERSHIP_PRINCIPLES = [
  {
    id: 'customer-obsession',
    name: 'Customer Obsession',
    meaning: 'Start from the customer and work backwards; earn and keep their trust.',
  },
  {
    id: 'ownership',
    name: 'Ownership',
    meaning: 'Act for the whole company and the long term, never "that is not my job".',
  },
  {
    id: 'invent-and-simplify',
    name: 'Invent and Simplify',
    meaning: 'Look for new ideas everywhere and make things simpler.',
  },
  {
    id: 'are-right-a-lot',
    name: 'Are Right, A Lot',
    meaning: 'Strong judgment and good instincts; seek views that disprove your own.',
  },
  {
    id: 'learn-and-be-curious',
    name: 'Learn and Be Curious',
    meaning: 'Never done learning; explore new possibilities.',
  },
  {
    id: 'hire-and-develop-the-best',
    name: 'Hire and Develop the Best',
    meaning: 'Raise the bar with every hire and coach people to grow.',
  },
  {
    id: 'insist-on-the-highest-standards',
    name: 'Insist on the Highest Standards',
    meaning: 'Keep raising the bar; defects do not get sent down the line.',
  },
  {
    id: 'think-big',
    name: 'Think Big',
    meaning: 'Set a bold direction that inspires results beyond the obvious.',
  },
  {
    id: 'bias-for-action',
    name: 'Bias for Action',
    meaning: 'Speed matters; many decisions are reversible and need no long study.',
  },
  {
    id: 'frugality',
    name: 'Frugality',
    meaning: 'Accomplish more with less; constraints breed resourcefulness.',
  },
  {
    id: 'earn-trust',
    name: 'Earn Trust',
    meaning: 'Listen, speak candidly, treat others with respect, own your mistakes.',
  },
  {
    id: 'dive-deep',
    name: 'Dive Deep',
    meaning: 'Stay connected to the details, audit often, be sceptical when numbers and stories differ.',
  },
  {
    id: 'have-backbone-disagree-and-commit',
    name: 'Have Backbone; Disagree and Commit',
    meaning: 'Challenge decisions respectfully, then commit wholly once decided.',
  },
  {
    id: 'deliver-results',
    name: 'Deliver Results',
    meaning: 'Focus on the key inputs and deliver them with quality and on time.',
  },
  {
    id: 'strive-to-be-earths-best-employer',
    name: "Strive to be Earth's Best Employer",
    meaning: 'Build a safer, more inclusive, more productive place to work and grow.',
  },
  {
    id: 'success-and-scale-bring-broad-responsibility',
    name: 'Success and Scale Bring Broad Responsibility',
    meaning: 'Consider the second-order effects of what you build on people and the world.',
  },
] as const;

export type LpId = (typeof LEADERSHIP_PRINCIPLES)[number]['id'];
export type LeadershipPrinciple = (typeof LEADERSHIP_PRINCIPLES)[number];

export const LP_IDS = LEADERSHIP_PRINCIPLES.map((lp) => lp.id) as [LpId, ...LpId[]];

const byId = new Map<string, LeadershipPrinciple>(LEADERSHIP_PRINCIPLES.map((lp) => [lp.id, lp]));

export function isLpId(value: string): value is LpId {
  return byId.has(value);
}

/** The display name of a principle id (the id itself when unknown). */
export function lpName(id: string): string {
  return byId.get(id)?.name ?? id;
}

export const LEVELS = ['sde1', 'sde2', 'senior'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_NAMES: Record<Level, string> = { sde1: 'SDE1', sde2: 'SDE2', senior: 'Senior SDE' };

export function isLevel(value: string): value is Level {
  return (LEVELS as readonly string[]).includes(value);
}

export const STAR_PARTS = ['situation', 'task', 'action', 'result', 'reflection'] as const;
export type StarPart = (typeof STAR_PARTS)[number];
