import { describe, expect, it } from 'vitest';
import { basemapOrigin, baseStyle } from './map-style.ts';

describe('the map’s base style', () => {
  it('without a basemap: one background layer, no source, no glyphs (nothing leaves the server)', () => {
    const style = baseStyle(null);
    expect(typeof style).toBe('object');
    if (typeof style === 'string') return;
    expect(style.sources).toEqual({});
    expect(style.layers.map((layer) => layer.type)).toEqual(['background']);
    expect(style.glyphs).toBeUndefined();
  });

  it('a raster tile template becomes a raster source under the background', () => {
    const style = baseStyle('https://tiles.example.org/{z}/{x}/{y}.png');
    if (typeof style === 'string') throw new Error('expected a style object');
    expect(style.sources.basemap).toMatchObject({
      type: 'raster',
      tiles: ['https://tiles.example.org/{z}/{x}/{y}.png'],
    });
    expect(style.layers.map((layer) => layer.id)).toEqual(['paper', 'basemap']);
  });

  it('any other URL is a MapLibre style, loaded as it is', () => {
    expect(baseStyle('https://tiles.example.org/styles/liberty.json')).toBe(
      'https://tiles.example.org/styles/liberty.json',
    );
    expect(basemapOrigin('https://tiles.example.org/{z}/{x}/{y}.png')).toBe('tiles.example.org');
    expect(basemapOrigin(null)).toBeNull();
  });
});
