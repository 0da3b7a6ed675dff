/**
 * The one source of "now" on the server. main.ts creates it once and hands it to every service;
 * tests pass their own to move time without waiting.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
