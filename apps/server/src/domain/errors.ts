import type { ApiErrorCode } from '@spreekkamer/shared';

export interface FieldProblem {
  path: string;
  message: string;
}

/** An expected failure with a stable code; the HTTP layer maps it to status and Dutch message. */
export class AppError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly fields?: FieldProblem[],
  ) {
    super(code);
    this.name = 'AppError';
  }
}
