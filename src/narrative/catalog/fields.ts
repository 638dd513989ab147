/** Validation helpers for the narrative catalog files: every error names the file and the path inside it. */
export class NarrativeCatalogError extends Error {}

export type Data = Record<string, unknown>;

export function fail(where: string, what: string): never {
  throw new NarrativeCatalogError(`${where}: ${what}`);
}

export function record(value: unknown, where: string): Data {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, '应为映射');
  return value as Data;
}

export function text(value: unknown, where: string): string {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return fail(where, '应为非空文本');
}

export function list(value: unknown, where: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(where, '应为列表');
  return value;
}

export function texts(value: unknown, where: string): string[] {
  return list(value, where).map((v, i) => text(v, `${where}[${i}]`));
}

/** A regular expression written as data; a bad one is reported with its path, never thrown raw. */
export function regex(value: unknown, where: string, flags = 'gu'): RegExp {
  const source = text(value, where);
  try {
    return new RegExp(source, flags);
  } catch (error) {
    return fail(where, `正则表达式无效：${error instanceof Error ? error.message : String(error)}`);
  }
}
