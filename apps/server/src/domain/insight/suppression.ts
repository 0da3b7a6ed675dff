/**
 * Small-cell suppression for anonymous insight (invariant 7). Pure: numbers in, numbers or null out.
 *
 * A table is a grid of cells; each cell knows how often something happened (`count`) and how many
 * different people that came from (`people`). Three rules, applied in this order:
 *
 * 1. Primary: a cell that fewer than k people contributed to is suppressed, zero included ("nobody
 *    did" is a statement about each of them).
 * 2. Period change: periods are calendar months. A cell whose group changed by fewer than k people
 *    since the month before (someone joined or left, but fewer than k did) is suppressed, because
 *    comparing the two months would show what those few people did. A change of zero is fine (the
 *    same people), a change of k or more hides each of them among at least k. The caller passes the
 *    change per cell (`membershipChange`); the populations themselves are frozen per month once a
 *    month has been shown, so a later leaver does not change a month already published.
 * 3. Complementary: in every group of cells that add up to a shown total (a column of teams and the
 *    organisation's total, a row of themes and the team's total), one suppressed cell could be
 *    worked out by subtraction. So while a group has suppressed cells but fewer than two of them, or
 *    their people together are fewer than k, the smallest shown part is suppressed as well. The
 *    rule is repeated over all groups until nothing changes, because a cell suppressed for one group
 *    may leave another group with a single gap. Totals are never the complement: a part is.
 *
 * The organisation total minus the other teams' totals is rule 3 on the column of teams; a team of
 * five split into sub-themes is rule 1 (each theme has fewer than five) and rule 3 on the team's row.
 * What rule 3 does not cover: groups that overlap in people (someone in two teams) do not add up
 * exactly, which only makes subtraction less exact; it is treated as if they did.
 */

export interface Cell {
  count: number;
  people: number;
}

export type Coordinate = readonly [row: number, column: number];

/** Cells that add up to a total: the total (when it is shown) and its parts. */
export interface AdditiveGroup {
  total: Coordinate | null;
  parts: readonly Coordinate[];
}

export interface SuppressionInput {
  k: number;
  cells: readonly (readonly Cell[])[];
  groups?: readonly AdditiveGroup[];
  /** Per cell: how many people joined or left its group since the month before; null = no month before. */
  membershipChange?: readonly (readonly (number | null)[])[];
}

/** The shown value of every cell; null = suppressed. */
export type Shown = (number | null)[][];

export function suppress(input: SuppressionInput): Shown {
  const { k, cells } = input;
  const hidden = cells.map((row, r) =>
    row.map((cell, c) => {
      if (cell.people < k) return true;
      const change = input.membershipChange?.[r]?.[c] ?? null;
      return change !== null && change > 0 && change < k;
    }),
  );
  const groups = input.groups ?? [];
  const isHidden = ([r, c]: Coordinate) => hidden[r]?.[c] === true;
  const cellAt = ([r, c]: Coordinate): Cell => cells[r]?.[c] ?? { count: 0, people: 0 };
  let changed = true;
  while (changed) {
    changed = false;
    for (const group of groups) {
      const gaps = group.parts.filter(isHidden);
      if (gaps.length === 0) continue;
      const peopleHidden = gaps.reduce((sum, at) => sum + cellAt(at).people, 0);
      // Without a shown total there is nothing to subtract from.
      if (!group.total || isHidden(group.total)) continue;
      if (gaps.length >= 2 && peopleHidden >= k) continue;
      const candidates = group.parts.filter((at) => !isHidden(at)).sort((a, b) => cellAt(a).count - cellAt(b).count || cellAt(a).people - cellAt(b).people);
      const next = candidates[0];
      if (!next) continue;
      const row = hidden[next[0]];
      if (row) row[next[1]] = true;
      changed = true;
    }
  }
  return cells.map((row, r) => row.map((cell, c) => (hidden[r]?.[c] ? null : cell.count)));
}

/** Every column is a group: the parts are the rows other than `totalRow`, which holds their total. */
export function columnGroups(rows: number, columns: number, totalRow: number | null): AdditiveGroup[] {
  return Array.from({ length: columns }, (_, c) => ({
    total: totalRow === null ? null : ([totalRow, c] as const),
    parts: Array.from({ length: rows }, (_, r) => [r, c] as const).filter(([r]) => r !== totalRow),
  }));
}

/** Every row is a group: the parts are the columns other than `totalColumn`, which holds their total. */
export function rowGroups(rows: number, columns: number, totalColumn: number | null): AdditiveGroup[] {
  return Array.from({ length: rows }, (_, r) => ({
    total: totalColumn === null ? null : ([r, totalColumn] as const),
    parts: Array.from({ length: columns }, (_, c) => [r, c] as const).filter(([, c]) => c !== totalColumn),
  }));
}

/** How many people joined or left between two months: the size of the symmetric difference. */
export function membershipChange(before: number, after: number, inBoth: number): number {
  return before - inBoth + (after - inBoth);
}
