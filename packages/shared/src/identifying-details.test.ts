import { describe, expect, it } from 'vitest';
import { findIdentifyingDetails, type IdentifyingDetailKind } from './identifying-details.js';

function kinds(text: string): IdentifyingDetailKind[] {
  return findIdentifyingDetails(text).map((detail) => detail.kind);
}

describe('findIdentifyingDetails', () => {
  it.each<[string, IdentifyingDetailKind, string]>([
    ['Ik sprak mevrouw Jansen over haar schulden.', 'name', 'mevrouw Jansen'],
    ['Meneer van der Berg wilde niet praten.', 'name', 'Meneer van der Berg'],
    ['Toen zei Fatima El Amrani dat ze wilde werken.', 'name', 'Fatima El Amrani'],
    ['Zijn BSN is 123456782, dat stond in het dossier.', 'bsn', '123456782'],
    ['Het nummer 1234.56.782 stond erbij.', 'bsn', '1234.56.782'],
    ['Bel haar op 06-12345678 als het kan.', 'phone', '06-12345678'],
    ['Of op +31 6 1234 5678.', 'phone', '+31 6 1234 5678'],
    ['Vast nummer 010 1234567 werkt niet.', 'phone', '010 1234567'],
    ['Mail naar k.devries@voorbeeld.nl voor de afspraak.', 'email', 'k.devries@voorbeeld.nl'],
    ['Ze woont op de Dorpsstraat 12a.', 'postal_address', 'Dorpsstraat 12a'],
    ['Postcode 3011 AB, dicht bij het station.', 'postal_address', '3011 AB'],
    ['Het gesprek was op 3-4-2025.', 'exact_date', '3-4-2025'],
    ['Het gesprek was op 2025-04-03.', 'exact_date', '2025-04-03'],
    ['We spraken elkaar op 14 maart in de ochtend.', 'exact_date', '14 maart'],
  ])('finds it in %j', (text, kind, found) => {
    const details = findIdentifyingDetails(text);
    expect(details).toContainEqual({ kind, text: found, index: text.indexOf(found) });
  });

  it('finds nothing in a lesson written without a client in it', () => {
    expect(findIdentifyingDetails('Als ik eerst vraag wat de klant zelf wil, gaat het gesprek beter. In het voorjaar proberen we dat.')).toEqual([]);
  });

  it('lists several findings in reading order, without counting one piece twice', () => {
    expect(kinds('Mevrouw Jansen (06-12345678, BSN 123456782) kwam op 3 april.')).toEqual(['name', 'phone', 'bsn', 'exact_date']);
  });

  it('counts a month without a day as no exact date', () => {
    expect(kinds('In maart 2025 hebben we het besproken.')).toEqual([]);
  });
});
