import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { builtinRulePaths, loadRuleFiles } from '../../src/rules/index.js';
import { packageRoot } from '../../src/util/package-root.js';

/** rules/README.md lists every built-in rule with its severity and title, and nothing else. */
it('rules/README.md lists exactly the built-in rules, with their severity and title', () => {
  const text = readFileSync(join(packageRoot(), 'rules', 'README.md'), 'utf8');
  const list = text.split('<!-- rules-list')[1] ?? '';
  const rows = [...list.matchAll(/^\| `([^`]+)` \| (\w+) \| (.+) \|$/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
  const { rules } = loadRuleFiles(builtinRulePaths());
  expect(rows.sort()).toEqual(rules.map((r) => `${r.id} ${r.severity} ${r.title}`).sort());
});
