import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { loadClaims } from '../../src/narrative/catalog/load-claims.js';
import { extractAnalysed } from '../../src/narrative/extract/index.js';
import { buildRegister } from '../../src/narrative/register/build.js';
import { buildVocabulary } from '../../src/narrative/vocabulary.js';
import { narrativeOf } from './helpers.js';

/** The register of a text: its statements' keys, owners and written values, in text order. */
function registerOf(paragraphs: string[]) {
  const catalog = loadClaims();
  const vocabulary = buildVocabulary(catalog, loadCatalog());
  const narrative = narrativeOf(paragraphs);
  const { claims } = extractAnalysed(narrative, vocabulary, catalog);
  return buildRegister(claims, narrative.paragraphs, catalog.simplify);
}

const levelKeys = (paragraphs: string[]) => registerOf(paragraphs).levels.map((s) => s.key);

describe('the register keys each statement by subject and frame', () => {
  it('one figure written twice in one frame has one key', () => {
    const keys = levelKeys([
      '2023年度“三公”经费支出决算为31.40万元。',
      '三、“三公”经费情况说明。2023年度“三公”经费支出决算为31.40万元，比上年减少2.10万元。',
    ]);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
  });

  it('a budget and an outturn of one subject and year are two quantities', () => {
    const keys = levelKeys(['2023年度“三公”经费支出决算为31.40万元。', '2023年度“三公”经费预算为36.00万元。']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('two years of one subject are two quantities', () => {
    const keys = levelKeys(['2023年度“三公”经费支出决算为31.40万元。', '2022年度“三公”经费支出决算为33.50万元。']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('a whole area and its own level are two scopes', () => {
    const keys = levelKeys([
      '2023年全县“三公”经费支出决算为310.40万元。',
      '2023年县本级“三公”经费支出决算为131.40万元。',
    ]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('a round-up keys each body apart: one key, two owners', () => {
    const { levels } = registerOf([
      '市档案局2023年“三公”经费支出决算为12.30万元。市科协2023年“三公”经费支出决算为8.80万元。',
    ]);
    expect(levels).toHaveLength(2);
    expect(levels[0]?.key).toBe(levels[1]?.key);
    expect(levels.map((s) => s.owner)).toEqual(['市档案局', '市科协']);
  });

  it('a change names its year, budget or outturn: the base year is not its frame', () => {
    const { changes } = registerOf([
      '2023年度“三公”经费支出决算为31.40万元，比2022年减少2.10万元。',
      '2023年“三公”经费支出决算比2022年减少2.10万元。',
    ]);
    expect(changes).toHaveLength(2);
    expect(changes[0]?.key).toBe(changes[1]?.key);
    expect(changes[0]?.key).toContain('2023');
  });
});
