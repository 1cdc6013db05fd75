import type { Database } from '../db/client.ts';
import { demoSteps } from './demo/index.ts';
import type { DemoCredential, DemoStep } from './demo/types.ts';

export type DemoSeedResult = { credentials: DemoCredential[]; lines: string[] };

/** Builds (or completes) the French-language demo deployment; safe to run again. */
export async function seedDemo(db: Database, steps: DemoStep[] = demoSteps): Promise<DemoSeedResult> {
  const result: DemoSeedResult = { credentials: [], lines: [] };
  for (const step of steps) {
    result.lines.push(`• ${step.name}`);
    await step.run({ db, credentials: result.credentials, report: (line) => result.lines.push(`  ${line}`) });
  }
  return result;
}
