// `npm run demo`: the gate on the bundled example, then one line on what the exit code means, so
// the demo's expected failure reads as a result and not as a broken install.
import { spawnSync } from 'node:child_process';

const args = ['dist/cli.js', 'evaluate', '--policy', 'examples/demo/policy.yml', '--end', '2026-11-20T12:00:00Z'];
console.log(`$ canary-gate ${args.slice(1).join(' ')}\n`);
const { status, error } = spawnSync(process.execPath, args, { stdio: 'inherit' });
if (error) {
  console.error(`could not run the CLI: ${error.message}`);
  process.exit(1);
}
const meaning = { 0: 'pass', 1: 'fail', 2: 'warn or inconclusive', 3: 'usage or policy error' }[status] ?? 'unexpected';
console.log(`\nexit code ${status} (${meaning}). The demo canary is built to regress on p99 latency, so fail is the expected verdict.`);
process.exit(status === 1 ? 0 : 1);
