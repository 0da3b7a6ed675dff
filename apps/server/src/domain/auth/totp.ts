import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const issuer = 'Spreekkamer';

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export async function describeTotp(secretBase32: string, label: string): Promise<{ otpauthUrl: string; qrSvg: string }> {
  const otpauthUrl = totpFor(secretBase32, label).toString();
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { otpauthUrl, qrSvg };
}

/** Accepts the current code and one period either side, for clocks that drift a little. */
export function isValidTotp(secretBase32: string, code: string, now: Date): boolean {
  return totpFor(secretBase32, '').validate({ token: code, timestamp: now.getTime(), window: 1 }) !== null;
}

export function currentTotp(secretBase32: string, now: Date): string {
  return totpFor(secretBase32, '').generate({ timestamp: now.getTime() });
}
