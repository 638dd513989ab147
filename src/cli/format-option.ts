import { InputError } from '../errors/input-error.js';
import { unknownFormatText } from '../report/formatters.js';

/**
 * A format name given on the command line (`--format`, `-o NAME=PATH`), checked the same way by
 * every command: one of `names`, or exit 2 with the one sentence that lists them.
 */
export function chooseFormat<T extends string>(name: string, names: readonly T[], where: string): T {
  if ((names as readonly string[]).includes(name)) return name as T;
  throw new InputError('bad-format', `${unknownFormatText(name, names, where)}。`);
}
