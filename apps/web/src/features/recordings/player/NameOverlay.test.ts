import { describe, expect, it } from 'vitest';
import { nameTile } from './NameOverlay.js';

describe('name overlay tile', () => {
  it('carries the name, escaped, in an SVG data URL', () => {
    const tile = nameTile('Sanne <de> "Vries" & co', 'light');
    const svg = decodeURIComponent(tile.image.slice('url("data:image/svg+xml,'.length, -2));
    expect(svg).toContain('Sanne &#60;de&#62; &#34;Vries&#34; &#38; co');
    expect(svg).not.toContain('<de>');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it('grows with long names so the text is not cut off', () => {
    expect(nameTile('Jo', 'dark').width).toBe(240);
    expect(nameTile('Alexandra van der Heijden-Bakker', 'dark').width).toBeGreaterThan(400);
  });
});
