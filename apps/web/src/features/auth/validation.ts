// Mirrors the shared schemas loosely: the server has the final word, this only saves a round trip.
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

export function isTotpCode(value: string): boolean {
  return /^\d{6}$/.test(value.trim());
}

export const minimumPasswordLength = 12;
