// Which of an element's attributes may carry untrusted text (a tooltip, an accessible name: both
// shown or read out) and so show control and format characters as escapes, as text does. The
// others (role, data-col, aria-hidden...) are the page's constants, set as they are: el() runs for
// every cell drawn while scrolling. Pure (no DOM) for tests.
import { visible } from '../../server/src/explain/plainText';

const TEXT_ATTRS = new Set(['title', 'aria-label']);

/** The value to set for attribute `name`. */
export function attrValue(name: string, value: string): string {
  return TEXT_ATTRS.has(name) ? visible(value) : value;
}
