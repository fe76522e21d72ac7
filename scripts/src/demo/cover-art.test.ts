import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { renderCoverSvg } from './cover-art.ts';
import { COVER_MOTIFS } from './cover-motifs.ts';

describe('renderCoverSvg', () => {
  for (const motif of COVER_MOTIFS) {
    it(`renders a self-contained SVG for "${motif}"`, () => {
      const svg = renderCoverSvg({ motif, hue: 200, seed: 42 }, 800, 450);
      assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
      assert.match(svg, /<\/svg>$/);
      assert.match(svg, / width="800" height="450" viewBox="0 0 800 450"/);
      // Rasterised on a server without fonts or network: no text and no external references.
      assert.doesNotMatch(svg, /<text|<image|href=|@import|font/);
      assert.doesNotMatch(svg, /NaN|undefined|Infinity/);
      assert.ok(svg.length > 500, 'draws more than a background');
    });
  }

  it('uses 1200 × 675 by default', () => {
    assert.match(
      renderCoverSvg({ motif: 'city', hue: 10, seed: 1 }),
      / width="1200" height="675" viewBox="0 0 1200 675"/,
    );
  });

  it('is deterministic for the same input and varies with the seed', () => {
    for (const motif of COVER_MOTIFS) {
      const art = { motif, hue: 140, seed: 2026 };
      assert.equal(renderCoverSvg(art), renderCoverSvg({ ...art }));
      assert.notEqual(renderCoverSvg(art), renderCoverSvg({ ...art, seed: 2027 }), motif);
    }
  });

  it('varies the palette with the hue', () => {
    assert.notEqual(
      renderCoverSvg({ motif: 'mountains', hue: 20, seed: 5 }),
      renderCoverSvg({ motif: 'mountains', hue: 200, seed: 5 }),
    );
  });

  it('can be rasterised to JPEG by sharp at the requested size', async () => {
    for (const motif of COVER_MOTIFS) {
      const jpeg = await sharp(Buffer.from(renderCoverSvg({ motif, hue: 75, seed: 9 }, 640, 360)))
        .jpeg()
        .toBuffer();
      const meta = await sharp(jpeg).metadata();
      assert.equal(meta.format, 'jpeg');
      assert.equal(meta.width, 640, motif);
      assert.equal(meta.height, 360, motif);
    }
  });
});
