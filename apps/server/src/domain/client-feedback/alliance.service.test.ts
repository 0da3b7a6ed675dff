import { describe, expect, it } from 'vitest';
import { signalFor } from './alliance.service.js';

describe('quiet alliance signals', () => {
  it('is silent without answers or while things go well', () => {
    expect(signalFor([], 3, 'c', 'K')).toBeNull();
    expect(signalFor([4.2], 3, 'c', 'K')).toBeNull();
    expect(signalFor([4, 3.4], 3, 'c', 'K')).toBeNull();
  });

  it('signals a latest average under the threshold, even the first one', () => {
    expect(signalFor([2.8], 3, 'c', 'K')).toEqual({ kind: 'low', clientId: 'c', pseudonym: 'K', latest: 2.8 });
    expect(signalFor([3], 3, 'c', 'K')).toBeNull();
  });

  it('signals a drop of a whole point or more, and prefers "low" when both apply', () => {
    expect(signalFor([4.6, 3.6], 3, 'c', 'K')).toMatchObject({ kind: 'falling', latest: 3.6 });
    expect(signalFor([4.6, 3.7], 3, 'c', 'K')).toBeNull();
    expect(signalFor([4.6, 2], 3, null, null)).toMatchObject({ kind: 'low', clientId: null });
  });
});
