const euros = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' });

/** Cents as a price, e.g. 1299 → €12.99. */
export function formatPrice(cents: number): string {
  return euros.format(cents / 100);
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The short form of an id that people read out: its last six characters. */
export function shortId(id: string): string {
  return id.slice(-6);
}

/** A price typed by a person (`12.99`, `12,99`, `12`) in cents; null when it is not one. */
export function parsePrice(text: string): number | null {
  const normalized = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(normalized)) return null;
  return Math.round(Number(normalized) * 100);
}
