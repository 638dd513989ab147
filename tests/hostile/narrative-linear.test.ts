import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { loadClaims } from '../../src/narrative/catalog/load-claims.js';
import { readParagraph } from '../../src/narrative/extract/index.js';
import { buildVocabulary } from '../../src/narrative/vocabulary.js';
import { workRatio } from './work-ratio.js';

/**
 * Issue 10: claim extraction looked back over the whole paragraph for every claim (the current
 * figure of a comparison, the prefix of an amount, the brackets before 占), so one paragraph of n
 * claims cost n². Long paragraphs are also read in pieces, which hid it up to the piece size; here
 * one paragraph is read whole, so the extractors themselves must be linear.
 */
describe('claims of one long paragraph are found in linear time (item 6)', () => {
  const catalog = loadClaims();
  const vocabulary = buildVocabulary(catalog, loadCatalog());
  const shapes: Record<string, string> = {
    // the fuzz case: one claim sentence repeated with no sentence end
    comparison: '本年收入合计2156.82万元，占比100%，比上年增加14.96万元，增长0.7%，',
    'comparison without commas': '本年收入合计2156.82万元占比100%比上年增加14.96万元增长0.7%',
    'shares after brackets': '（（收入合计1万元，占2%）',
    // sentences of their own: a list may add up to any level stated before it in its sentence, so
    // lists within one sentence are compared with all of those (a piece of a paragraph bounds that)
    'lists of parts': '支出合计100万元，其中：基本支出60万元，项目支出40万元。',
    'execution rates': '年初预算为100万元，支出决算为90万元，完成年初预算的90%，',
    'bare figures': '1万元',
    'this year and the year before': '2023年收入合计100万元，2022年收入合计90万元；对比增加10万元；增长率11.11%，',
  };
  for (const [name, unit] of Object.entries(shapes))
    it(`${name}: 8× the text, at most 24× the work`, () => {
      const job = (n: number) =>
        readParagraph({ n: 1, id: 'P1', text: unit.repeat(n), origin: { file: 'a.txt' } }, vocabulary, catalog);
      expect(workRatio(job, 40, 8, 2)).toBeLessThan(24);
    });
});
