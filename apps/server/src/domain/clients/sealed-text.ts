import { unwrapKey, wrapKey } from '../../crypto/envelope.js';

/**
 * Personal data that only its owner ever needs to read back (a client's phone number or e-mail,
 * a typed name under a consent) is stored encrypted with the master key, which never lives in the
 * database: a copy of the database alone does not reveal it.
 */
export function sealText(masterKey: Buffer, text: string): string {
  return wrapKey(masterKey, Buffer.from(text, 'utf8'));
}

export function openText(masterKey: Buffer, sealed: string): string {
  return unwrapKey(masterKey, sealed).toString('utf8');
}
