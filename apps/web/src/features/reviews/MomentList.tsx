import type { Moment } from '@spreekkamer/shared';
import { formatClock } from '../recordings/format.js';

type ListedMoment = Pick<Moment, 'id' | 'title' | 'startSeconds' | 'endSeconds'>;

export interface MomentListProps<M extends ListedMoment> {
  moments: readonly M[];
  selectedId: string | null | undefined;
  onSelect: (moment: M) => void;
}

/** The moments as buttons with their span and title; the chosen one is pressed. */
export function MomentList<M extends ListedMoment>({ moments, selectedId, onSelect }: MomentListProps<M>) {
  return (
    <ol className="sk-moment-list">
      {moments.map((moment) => (
        <li key={moment.id}>
          <button type="button" className="sk-moment-list__item" aria-pressed={moment.id === selectedId} onClick={() => onSelect(moment)}>
            <span className="sk-moment-list__time">
              {formatClock(moment.startSeconds)}–{formatClock(moment.endSeconds)}
            </span>
            <span className="sk-moment-list__title">{moment.title}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
