import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { loadClaims } from '../../src/narrative/catalog/load-claims.js';
import { extractAnalysed } from '../../src/narrative/extract/index.js';
import { buildRegister } from '../../src/narrative/register/build.js';
import { baseFrame } from '../../src/narrative/register/key.js';
import { buildVocabulary } from '../../src/narrative/vocabulary.js';
import { narrativeOf, ruleIds } from './helpers.js';

/** The register of a text: its statements' keys, owners and written values, in text order. */
function registerOf(paragraphs: string[]) {
  const catalog = loadClaims();
  const vocabulary = buildVocabulary(catalog, loadCatalog());
  const narrative = narrativeOf(paragraphs);
  const { claims, paras } = extractAnalysed(narrative, vocabulary, catalog);
  return buildRegister(claims, narrative.paragraphs, catalog.simplify, catalog.partitions, paras);
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

  it('a report saying only 今年 and 去年 keys the two years apart', () => {
    const keys = levelKeys(['记者统计，市林业局今年“三公”经费预算860万元。', '市林业局去年“三公”经费预算900万元。']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toContain('rel0');
    expect(keys[1]).toContain('rel-1');
  });

  it('a heading naming a unit or a relative year frames the figures under it', () => {
    const keys = levelKeys([
      '（一）部门本级',
      '本年支出合计1,420.50万元。',
      '（二）所属某检测中心',
      '本年支出合计310.20万元。',
    ]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it("a complete 三公 breakdown under an unnamed total takes its year from the total's sentence", () => {
    const { levels } = registerOf([
      '某署公布，去年“三公经费”实际支出96.00万元。其中，因公出国（境）费支出40.00万元，公务用车购置及运行费支出44.00万元，公务接待费支出12.00万元。',
    ]);
    const abroad = levels.find((s) => s.claim.subject.id === 'sangong-abroad');
    expect(abroad?.frame).toMatchObject({ year: 'rel-1', kind: 'actual' });
  });
});

describe('the base a comparison names', () => {
  const frame = { year: '2024', period: '', kind: 'actual', stated: true, fund: '', scope: '', section: '' };
  it('上年 is the year before; an unnamed base of an outturn is an outturn', () => {
    expect(baseFrame(frame, '，比上年减少')).toMatchObject({ year: '2023', kind: 'actual' });
    expect(baseFrame(frame, '，比2019年增加')).toMatchObject({ year: '2019', kind: 'actual' });
  });
  it('a budget compared with an unnamed base, or a kind not named, is not certain', () => {
    expect(baseFrame({ ...frame, kind: 'budget' }, '，比上年增加')).toBeUndefined();
    expect(baseFrame({ ...frame, kind: 'budget' }, '，与上年预算持平')).toMatchObject({ year: '2023', kind: 'budget' });
    expect(baseFrame({ ...frame, stated: false }, '，比上年减少')).toBeUndefined();
    expect(baseFrame(frame, '，比上年同期减少')).toBeUndefined();
  });
});

describe("a document of the Republic of China's frames its statements by its bare 民國 years", () => {
  const text = (restated: string) => [
    '某機關110年度決算說明',
    '一、收支情況',
    `本機關110年收入總計500萬元，支出總計500萬元，較109年增加50萬元。`,
    '本機關109年收入總計400萬元，支出總計450萬元。',
    `本機關110年支出總計${restated}萬元。`,
    '以上金額均為新臺幣。',
  ];

  it('two years of one subject are two quantities (the register reads 110年 and 109年 as the extractor does)', () => {
    expect(ruleIds(text('500'))).not.toContain('n.restated');
  });

  it("one year's figure written twice with two values is restated", () => {
    expect(ruleIds(text('550'))).toContain('n.restated');
  });
});
