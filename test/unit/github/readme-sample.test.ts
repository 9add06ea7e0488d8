import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README, readmeSample, sampleComment } from '../../../scripts/sample-comment.js';

describe('the README', () => {
  it('shows exactly the comment the renderer produces for the demo (npm run sample-comment)', async () => {
    const shown = readmeSample(readFileSync(README, 'utf8'));
    expect(shown, 'README.md lacks the sample-comment block').toBeDefined();
    expect(shown).toBe(await sampleComment());
  });
});
