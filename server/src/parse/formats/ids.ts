// The shipped formats' ids, as a type the model can name without importing the formats themselves
// (which sit above it). index.ts checks that its registry ships exactly these, in this order.
export const FORMAT_IDS = ['ccm', 'sms', 'plain', 'cbs', 'psadt', 'wu', 'setup', 'portal', 'inventory', 'intunemac', 'msi'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];
