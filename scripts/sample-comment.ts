// The README's sample pull-request comment, produced by the renderer itself from the demo policy
// (examples/demo, file source, fixed clock): `npm run sample-comment` rewrites the README block,
// and test/unit/github/readme-sample.test.ts fails when the two drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { runGate } from '../src/core/run.js';
import { renderComment } from '../src/report/comment.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const README = path.join(root, 'README.md');
export const START = '<!-- sample-comment:start -->';
export const END = '<!-- sample-comment:end -->';

export async function sampleComment(): Promise<string> {
  const { report } = await runGate({
    policyFile: 'examples/demo/policy.yml',
    env: {},
    end: Date.UTC(2026, 10, 20, 12),
    now: Date.UTC(2026, 10, 20, 12, 1),
  });
  // The bundle stamps its version; from source the tool says 0.0.0-dev. Show the released one.
  report.tool.version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  return renderComment(report, { key: '.github/canary-gate.yml', summaryUrl: 'https://github.com/acme/shop/actions/runs/4242' });
}

/** The text between the README's markers. */
export function readmeSample(readme: string): string | undefined {
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) return undefined;
  return readme.slice(from + START.length, to).replace(/^\n/, '').replace(/\n$/, '');
}

if (process.argv.includes('--write')) {
  const readme = readFileSync(README, 'utf8');
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README.md has no ${START} … ${END} block`);
  const sample = await sampleComment();
  writeFileSync(README, `${readme.slice(0, from + START.length)}\n${sample}\n${readme.slice(to)}`);
  console.log(`README.md: sample comment rewritten (${sample.length} characters)`);
} else if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.stdout.write(await sampleComment());
}
