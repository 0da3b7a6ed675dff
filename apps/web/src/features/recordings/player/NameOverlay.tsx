import { useMemo } from 'react';

export type OverlayTone = 'light' | 'dark';

/** One tile of the pattern: the name, tilted, as an SVG image (XML-escaped, so any name is safe). */
export function nameTile(name: string, tone: OverlayTone): { image: string; width: number; height: number } {
  const escaped = name.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
  const width = Math.max(240, Math.round(name.length * 11 + 80));
  const height = Math.round(width * 0.55);
  const paint =
    tone === 'light'
      ? 'fill="rgb(255,255,255)" fill-opacity="0.34" stroke="rgb(0,0,0)" stroke-opacity="0.3" stroke-width="0.6"'
      : 'fill="rgb(13,58,74)" fill-opacity="0.2"';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<text x="${width / 2}" y="${height / 2}" text-anchor="middle" dominant-baseline="middle" ` +
    `transform="rotate(-24 ${width / 2} ${height / 2})" font-family="system-ui, sans-serif" font-size="18" font-weight="700" ${paint}>` +
    `${escaped}</text></svg>`;
  return { image: `url("data:image/svg+xml,${encodeURIComponent(svg)}")`, width, height };
}

/**
 * The viewer's name over the picture: a semi-transparent pattern repeated diagonally, plus the
 * name in a corner. Part of the player box, so it is in every screenshot and stays in full
 * screen. The pattern is an image, not text: it is deliberately faint, which text may not be.
 * Hidden from screen readers; the player's description says the same once.
 */
export function NameOverlay({ name, tone }: { name: string; tone: OverlayTone }) {
  const tile = useMemo(() => nameTile(name, tone), [name, tone]);
  return (
    <div className="sk-name-overlay" aria-hidden="true">
      <div
        className="sk-name-overlay__pattern"
        style={{
          backgroundImage: `${tile.image}, ${tile.image}`,
          backgroundSize: `${tile.width}px ${tile.height}px`,
          backgroundPosition: `0 0, ${tile.width / 2}px ${tile.height / 2}px`,
        }}
      />
      <span className="sk-name-overlay__corner">{name}</span>
    </div>
  );
}
