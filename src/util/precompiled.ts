import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Catalog, TemplateSet } from '../catalog/types.js';
import type { ClaimsData } from '../narrative/catalog/types.js';
import type { Rule } from '../rules/types.js';
import { packageRoot } from './package-root.js';

/**
 * The built-in catalog, rule files, narrative claims and template sets, parsed at build time (`npm run build`) into JSON, so a
 * run does not load and run the YAML parser. Each entry carries the SHA-1 of the text it was
 * parsed from: an edited file no longer matches and is parsed afresh.
 */
export interface PrecompiledEntry<T> {
  /** Path relative to the package root, with "/" separators. */
  path: string;
  sha1: string;
  data: T;
}

export interface Precompiled {
  version: 1;
  catalog: PrecompiledEntry<Catalog>;
  /** Rule files, valid only with the catalog they were checked against. */
  rules: (PrecompiledEntry<Rule[]> & { catalogSha1: string })[];
  /** The narrative's claims.yaml and the traditional.yaml its names are normalised with. */
  claims?: PrecompiledEntry<ClaimsData> & { traditional: PrecompiledEntry<[string, string][]> };
  /** The template sets (rules/catalog/templates with report-parts.yaml), valid only with that catalog. */
  templates?: PrecompiledEntry<TemplateSet[]> & { catalogSha1: string };
}

export const PRECOMPILED_FILE = join('dist', 'builtin-data.json');

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export function packagePath(file: string): string {
  return relative(packageRoot(), file).split(sep).join('/');
}

let cached: Precompiled | null | undefined;

/** The precompiled data, or null when there is none (a checkout that was not built). */
export function precompiled(): Precompiled | null {
  if (cached === undefined) {
    try {
      const data = JSON.parse(readFileSync(join(packageRoot(), PRECOMPILED_FILE), 'utf8')) as Precompiled;
      cached = data.version === 1 ? data : null;
    } catch {
      cached = null;
    }
  }
  return cached;
}
