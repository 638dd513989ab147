import { loadCatalog } from '../catalog/load-catalog.js';
import { templateNames } from '../catalog/templates.js';
import type { Config } from '../config/config.js';
import { InputError } from '../errors/input-error.js';
import type { ReadOptions } from '../reader/read-document.js';

/** A template set named by the caller (--template NAME) must be one of the sets (rules/catalog/templates). */
export function checkTemplateName(name: string): void {
  const names = templateNames(loadCatalog());
  if (!names.includes(name))
    throw new InputError('unknown-template', `没有名为「${name}」的表套：可用 ${names.join('、')}。`);
}

/**
 * The template set a document is read against: the checker's own (--template) wins over the
 * configuration's `template:`; neither: the reader detects it from the titles and markers.
 */
export function templateOption(named: string | undefined, config: Config | undefined): ReadOptions {
  if (named !== undefined) return { template: { name: named, how: 'option' } };
  if (config?.template !== undefined) return { template: { name: config.template, how: 'config' } };
  return {};
}
