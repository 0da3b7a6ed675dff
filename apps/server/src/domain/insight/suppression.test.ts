import { describe, expect, it } from 'vitest';
import { columnGroups, membershipChange, rowGroups, suppress, type Cell } from './suppression.js';

const k = 5;
/** A cell where every contribution came from a different person. */
const each = (n: number): Cell => ({ count: n, people: n });

describe('small-cell suppression', () => {
  it('suppresses a cell of fewer than k people, zero included, and shows k or more', () => {
    expect(suppress({ k, cells: [[each(4), each(0), each(5), { count: 12, people: 5 }]] })).toEqual([[null, null, 5, 12]]);
  });

  it('attack: the organisation total minus the other teams gives away the small team', () => {
    // Teams A (9 people), B (7), C (3) and the organisation's total (19) in one month.
    const cells = [[each(9)], [each(7)], [each(3)], [each(19)]];
    const shown = suppress({ k, cells, groups: columnGroups(4, 1, 3) });
    // C alone is suppressed by rule 1, so 19 − 9 − 7 would give it: B (the smallest shown team) goes too.
    expect(shown).toEqual([[9], [null], [null], [19]]);
    // Whatever an attacker subtracts, C is never the only unknown.
    const unknowns = shown.slice(0, 3).filter(([v]) => v === null).length;
    expect(unknowns).toBeGreaterThanOrEqual(2);
  });

  it('attack: the complement brings the hidden people to at least k', () => {
    // Two small teams hidden together still add up to fewer than five people: a third goes.
    const cells = [[each(2)], [each(1)], [each(20)], [each(30)], [each(53)]];
    expect(suppress({ k, cells, groups: columnGroups(5, 1, 4) })).toEqual([[null], [null], [null], [30], [53]]);
  });

  it('attack: a team of five split into two sub-themes', () => {
    // Team of five: 3 asked about theme A, 2 about theme B; the row total is 5.
    const shown = suppress({ k, cells: [[each(3), each(2), each(5)]], groups: rowGroups(1, 3, 2) });
    expect(shown).toEqual([[null, null, 5]]);
    // All five on theme A and nobody on B: A would be shown, and 5 − 5 tells that nobody chose B.
    const allOnA = suppress({ k, cells: [[each(5), each(0), each(5)]], groups: rowGroups(1, 3, 2) });
    expect(allOnA).toEqual([[null, null, 5]]);
  });

  it('repeats until no group has a single gap: a complement in a row opens a gap in a column', () => {
    // Rows: two teams and the organisation; columns: themes A, B and the row total.
    const cells = [
      [each(8), each(3), each(11)],
      [each(6), each(9), each(15)],
      [each(14), each(12), each(26)],
    ];
    const groups = [...rowGroups(3, 3, 2), ...columnGroups(3, 3, 2)];
    const shown = suppress({ k, cells, groups });
    // Team 1 theme B (3) is small → team 1 theme A goes (row) → column A has one gap → team 2 A goes → row 2 → team 2 B goes.
    expect(shown).toEqual([
      [null, null, 11],
      [null, null, 15],
      [14, 12, 26],
    ]);
  });

  it('leaves a group alone when its total is itself suppressed', () => {
    const cells = [[each(2)], [each(1)], [each(3)]];
    expect(suppress({ k, cells, groups: columnGroups(3, 1, 2) })).toEqual([[null], [null], [null]]);
  });

  it('attack: a team of six where one person leaves between two months', () => {
    // October: six people, all six took part. November: one left, the five others took part.
    // Shown side by side, 6 − 5 would tell that the leaver took part in October.
    const cells = [[each(6), each(5)]];
    const change = membershipChange(6, 5, 5);
    expect(change).toBe(1);
    expect(suppress({ k, cells, membershipChange: [[null, change]] })).toEqual([[6, null]]);
    // The same five people the month after: nothing changed, so it is shown again.
    expect(suppress({ k, cells: [[each(6), each(5), each(5)]], membershipChange: [[null, 1, 0]] })).toEqual([[6, null, 5]]);
    // Five people swapped at once: each of them is hidden among five, the month is shown.
    expect(suppress({ k, cells: [[each(6), each(6)]], membershipChange: [[null, membershipChange(6, 6, 1)]] })).toEqual([[6, 6]]);
  });

  it('a membership-change gap in a team is protected in the organisation column too', () => {
    // November: team A (5 people, one just left) and team B (20) under the organisation (25).
    const cells = [[each(5)], [each(20)], [each(25)]];
    const shown = suppress({ k, cells, groups: columnGroups(3, 1, 2), membershipChange: [[1], [0], [1]] });
    // A is hidden for the change; the organisation's change is 1 as well, so it is hidden too and nothing can be subtracted.
    expect(shown).toEqual([[null], [20], [null]]);
  });
});
