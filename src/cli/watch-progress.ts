import type { WatchHooks } from '../core/run.js';
import { describePlan } from '../watch/plan.js';
import { lookLine, statusBlock } from '../report/watch-progress.js';
import type { CliIo } from './main.js';

/**
 * Watch progress on stderr (stdout stays the final report, so `--format json > file` works):
 * on a terminal a status block per check, redrawn in place after every look; otherwise one line
 * per look, for logs.
 */
export function watchProgress(io: CliIo, color: boolean): NonNullable<WatchHooks['onLook']> {
  let drawn = 0;
  return (look, report, plan, redact) => {
    if (look.look === 1) io.stderr(`canary-gate: watching ${report.policy.service}: ${describePlan(plan)}\n`);
    if (!io.stderrIsTTY) {
      io.stderr(redact(`${lookLine(look, plan)}\n`));
      return;
    }
    const lines = statusBlock(look, plan, report.policy.service, 120);
    // Cursor up over the previous block and clear it, then draw the new one.
    const clear = drawn > 0 ? `\x1b[${drawn}F\x1b[J` : '';
    const body = color ? lines.map((line, i) => (i === 0 ? `\x1b[1m${line}\x1b[0m` : line)).join('\n') : lines.join('\n');
    io.stderr(redact(`${clear}${body}\n`));
    drawn = lines.length;
  };
}
