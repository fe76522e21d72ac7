/**
 * The motifs the demo's cover painter (cover-art.ts) can draw: what an article in scripts/demo-content may
 * name as its cover. Apart from the painter so the CMS can validate the demo files without loading it.
 */
export const COVER_MOTIFS = [
  'mountains',
  'terraces',
  'river',
  'city',
  'network',
  'documents',
  'school',
  'harvest',
] as const;

/** An article's cover as the demo content describes it. */
export interface CoverArt {
  motif: (typeof COVER_MOTIFS)[number];
  /** Base hue of the palette, in degrees. */
  hue: number;
  /** Seed for the deterministic placement of shapes. */
  seed: number;
}
