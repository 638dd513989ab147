// The batch of the bench: `count` hard links (copies where links fail) cycling through the seed
// and the layout variants, one folder per ten files, like a year's submissions of many departments.
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export function makeBatch(root, target, count) {
  rmSync(target, { recursive: true, force: true });
  const variants = join(root, 'fixtures', 'variants');
  const sources = [
    join(root, 'fixtures', 'seed-2024.xlsx'),
    ...readdirSync(variants)
      .filter((n) => n.endsWith('.xlsx'))
      .sort()
      .map((n) => join(variants, n)),
  ];
  for (let i = 0; i < count; i += 1) {
    const folder = join(target, `dept-${String(Math.floor(i / 10)).padStart(2, '0')}`);
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `${String(i).padStart(3, '0')}.xlsx`);
    const source = sources[i % sources.length];
    try {
      linkSync(source, file);
    } catch {
      copyFileSync(source, file);
    }
  }
  return target;
}
