import { loadCatalog } from '../catalog/load-catalog.js';
import { templateNames } from '../catalog/templates.js';
import { InputError } from '../errors/input-error.js';

/** --template NAME must name one of the template sets (rules/catalog/templates). */
export function checkTemplateName(name: string): void {
  const names = templateNames(loadCatalog());
  if (!names.includes(name))
    throw new InputError('unknown-template', `没有名为「${name}」的表套：可用 ${names.join('、')}。`);
}
