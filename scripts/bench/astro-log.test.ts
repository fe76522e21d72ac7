import assert from 'node:assert/strict';
import { it } from 'node:test';
import { imageStepSeconds } from './astro-log.ts';

it("reads the image step's duration in each of Astro's time formats", () => {
  const log = (time: string) =>
    `✓ Completed in 3.10s.\n generating optimized images \n ▶ /_astro/a.avif\n✓ Completed in ${time}.\n`;
  assert.equal(imageStepSeconds(log('812ms')), 0.812);
  assert.equal(imageStepSeconds(log('12.34s')), 12.34);
  assert.equal(imageStepSeconds(log('3m 5s')), 185);
  assert.equal(imageStepSeconds('✓ Completed in 3.10s.'), undefined, 'no image step: none');
});
