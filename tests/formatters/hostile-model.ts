/** A small model whose every text is hostile markup, for the escaping tests. */
export { addr, model, table } from '../helpers/model-builder.js';

export const label = '事业运行 <b onclick="x()">&amp;</b> | `code`';
