// How amounts and times read to staff in the UK: pounds and pence, dates in London's time.

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });
const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' });
const monthName = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Pence (a whole number) as pounds: 34500 → "£345.00". */
export const money = (pence) => (pence === null || pence === undefined ? '' : pounds.format(pence / 100));

/** An RFC 3339 UTC instant as London's date and time. */
export const when = (instant) => (instant ? dateTime.format(new Date(instant)) : '');

export const day = (instant) => (instant ? date.format(new Date(instant)) : '');

/** "2026-03" → "Mar 2026". */
export const month = (yyyyMm) => monthName.format(new Date(`${yyyyMm}-01T00:00:00Z`));

/** A decimal ratio string ("0.125") as a percentage ("12.5%"); an em dash when there is none yet. */
export const percent = (ratio) => (ratio === null || ratio === undefined ? '—' : `${Number((Number(ratio) * 100).toFixed(2))}%`);

/** A state's wire name ("awaiting_approval") as words ("Awaiting approval"). */
export const words = (name) => (name ? name.charAt(0).toUpperCase() + name.slice(1).replace(/[_.]/g, ' ') : '');
