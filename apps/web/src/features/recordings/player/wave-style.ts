/** How every waveform looks (player and review timeline), so the two never drift apart. */
export const waveStyle = {
  waveColor: '#8fb0bb',
  progressColor: '#17607a',
  cursorColor: '#0d3a4a',
  cursorWidth: 2,
  barWidth: 2,
  barGap: 1,
  barRadius: 2,
  normalize: true,
} as const;
