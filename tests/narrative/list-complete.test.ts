import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIMS_PATH, loadClaims, parseClaimsText } from '../../src/narrative/catalog/load-claims.js';
import { completeness, type ListWords, mayOverlap } from '../../src/narrative/extract/list-complete.js';
import { itemName } from '../../src/narrative/extract/lists.js';
import type { PercentMention } from '../../src/narrative/claims.js';
import { Decimal } from 'decimal.js';
import { packageRoot } from '../../src/util/package-root.js';

const spec = () => loadClaims().completeLists;

/** A list as the extractor reads it: the total's name, the words before each item's figure, shares. */
function words(totalName: string, betweens: string[], extra: Partial<ListWords> = {}): ListWords {
  return {
    totalName,
    intro: `，其中：${betweens[0] ?? ''}`,
    names: betweens.map(itemName),
    shares: betweens.map(() => undefined),
    after: '。',
    ...extra,
  };
}

const percent = (text: string): PercentMention => ({
  start: 0,
  end: text.length + 1,
  value: new Decimal(text),
  decimals: text.includes('.') ? (text.split('.')[1] as string).length : 0,
  text: `${text}%`,
});

describe('list completeness: decided by what the items name, never by their count', () => {
  it('items naming every part of a known breakdown are complete', () => {
    expect(
      completeness(spec(), words('“三公”经费支出', ['因公出国（境）费', '，公务用车购置及运行维护费', '，公务接待费'])),
    ).toBe('sangong');
    expect(completeness(spec(), words('基本支出', ['人员经费', '公用经费']))).toBe('basic-spending');
    expect(completeness(spec(), words('本年支出合计', ['基本支出', '，占60%；项目支出']))).toBe('spending-kinds');
    expect(completeness(spec(), words('全县一般公共预算收入', ['税收收入', '，增长3.0%；非税收入']))).toBe('tax');
    expect(
      completeness(spec(), words('地区生产总值', ['第一产业增加值', '；第二产业增加值', '；第三产业增加值'])),
    ).toBe('industries');
    expect(completeness(spec(), words('公务用车购置及运行维护费', ['公务用车购置费', '，公务用车运行维护费']))).toBe(
      'vehicle',
    );
  });

  it('parts of a breakdown that leave a needed one out, or an item of another kind, are not', () => {
    // 人员经费 + 公用经费 is 基本支出, not 本年支出合计 (项目支出 is missing)
    expect(completeness(spec(), words('本年支出合计', ['人员经费', '公用经费']))).toBe('unknown');
    expect(completeness(spec(), words('地区生产总值', ['第一产业增加值', '；第二产业增加值']))).toBe('unknown');
    // 会议费 is no part of “三公”
    expect(completeness(spec(), words('“三公”经费', ['公务接待费', '、会议费']))).toBe('unknown');
    // classes of a department's spending, projects, purposes: some parts only
    expect(completeness(spec(), words('财政拨款支出', ['教育支出', '，卫生健康支出']))).toBe('unknown');
    expect(completeness(spec(), words('项目支出', ['设备购置', '；课题研究']))).toBe('unknown');
  });

  it('the words before the first item, shares of 100%, a classification or a last item that is the rest say so', () => {
    expect(completeness(spec(), { ...words('政府采购规模', ['货物、工程、服务类采购金额分别为', '、', '和']) })).toBe(
      'whole',
    );
    const three = words('项目支出', ['设备购置', '，课题研究', '，系统运维']);
    expect(completeness(spec(), { ...three, intro: '，其中包括三个项目：设备购置' })).toBe('count');
    expect(completeness(spec(), { ...three, intro: '，其中包括两个项目：设备购置' })).toBe('unknown');
    expect(
      completeness(spec(), {
        ...words('财政拨款支出', ['教育支出', '卫生健康支出']),
        shares: [percent('60.00'), percent('40.00')],
      }),
    ).toBe('shares');
    expect(
      completeness(spec(), {
        ...words('基本支出预算', ['工资福利支出', '商品和服务支出']),
        shares: [percent('81.25'), percent('18.76')],
      }),
    ).toBe('shares');
    expect(
      completeness(spec(), {
        ...words('财政拨款支出', ['教育支出', '卫生健康支出']),
        shares: [percent('60.00'), percent('30.00')],
      }),
    ).toBe('unknown');
    expect(
      completeness(spec(), {
        ...words('一般公共预算财政拨款支出', ['工资福利支出', '商品和服务支出']),
        classified: true,
      }),
    ).toBe('classified');
    expect(completeness(spec(), words('公务接待费支出', ['涉外的公务接待费支出', '，其他公务接待费支出']))).toBe(
      'rest',
    );
    // the class 其他支出 among a government's classes is no rest
    expect(completeness(spec(), words('全市一般公共预算支出', ['教育支出', '；其他支出']))).toBe('unknown');
  });

  it('等 after the last item closes a list of known parts as some of them', () => {
    expect(completeness(spec(), { ...words('本年收入合计', ['财政拨款收入', '、事业收入']), after: '等。' })).toBe(
      'some',
    );
    expect(completeness(spec(), { ...words('本年收入合计', ['财政拨款收入', '、事业收入']), after: '。' })).toBe(
      'income-sources',
    );
    // 等 inside the last item's own description is not the list's
    expect(
      completeness(spec(), { ...words('基本支出', ['人员经费', '；公用经费']), after: '，主要包括办公费、印刷费等。' }),
    ).toBe('basic-spending');
  });

  it("under a grand total (收入总计, 支出总计) this year's kinds are whole only with the carryover named", () => {
    expect(completeness(spec(), words('2024年度，收入总计为', ['财政拨款收入', '；其他收入']))).toBe('unknown');
    expect(
      completeness(spec(), words('2024年度，收入总计为', ['财政拨款收入', '；其他收入', '；年初结转和结余'])),
    ).toBe('income-sources');
    expect(completeness(spec(), words('2024年度，支出总计为', ['基本支出', '，项目支出']))).toBe('unknown');
    expect(completeness(spec(), words('2024年度，支出总计为', ['基本支出', '，项目支出', '，年末结转和结余']))).toBe(
      'spending-kinds',
    );
    // 本年收入合计 / 本年支出合计 count no carryover
    expect(completeness(spec(), words('本年支出合计', ['基本支出', '，项目支出']))).toBe('spending-kinds');
  });

  it("items that are each a kind of the total's own noun may overlap; cuts by level never do", () => {
    expect(mayOverlap(words('全县教育经费总投入为', ['国家财政性教育经费', '，一般公共预算教育经费']))).toBe(true);
    expect(mayOverlap(words('全国政府性基金支出', ['中央本级政府性基金支出', '；地方政府性基金支出']))).toBe(false);
    expect(mayOverlap(words('全市一般公共预算支出', ['教育支出', '；社会保障和就业支出']))).toBe(false);
  });

  it('a grand total whose need names no part of it is an error at its line', () => {
    const claims = readFileSync(join(packageRoot(), ...CLAIMS_PATH), 'utf8');
    const wrong = claims.replace(
      'grand: { total: 总计, need: [carried] }',
      'grand: { total: 总计, need: [carryover] }',
    );
    const line = wrong.split('\n').findIndex((l) => l.includes('carryover]')) + 1;
    expect(line).toBeGreaterThan(0);
    expect(() => parseClaimsText(wrong, 'claims.yaml')).toThrow(
      new RegExp(
        `^情况说明词表 claims\\.yaml 第 ${line} 行：completeLists\\.breakdowns\\[[0-9]+\\]\\.grand\\.need「carryover」不是 parts 中的部分`,
      ),
    );
  });

  it('a breakdown whose need names no part of it is an error at its line', () => {
    const claims = readFileSync(join(packageRoot(), ...CLAIMS_PATH), 'utf8');
    const wrong = claims.replace('need: [[personnel, public]]', 'need: [[personnel, pubic]]');
    const line = wrong.split('\n').findIndex((l) => l.includes('pubic')) + 1;
    expect(line).toBeGreaterThan(0);
    expect(() => parseClaimsText(wrong, 'claims.yaml')).toThrow(
      new RegExp(
        `^情况说明词表 claims\\.yaml 第 ${line} 行：completeLists\\.breakdowns\\[[0-9]+\\]\\.need\\[0\\]「pubic」不是 parts 中的部分`,
      ),
    );
  });
});
