/** `2026-01-15T09:00:00.000Z` → `2026-01-15 09:00:00 UTC`. */
export function formatInstant(iso: string): string {
  return iso
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/Z$/, ' UTC');
}
