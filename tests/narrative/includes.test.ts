/**
 * n.includes (info): the items a 人员经费 / 公用经费 "主要包括" list names, against the seed's 表 06
 * (30101 基本工资 … spent; 30202 印刷费, 30205 水费 blank). The seed's own lists name blank items, so
 * the rule informs and never warns (the seed keeps exactly its six findings at warn and above).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookModel } from '../../src/model/types.js';
import { checkNarrative } from '../../src/narrative/check.js';
import { readFixture } from '../helpers/fixtures.js';
import { narrativeOf, narrativeRules } from './helpers.js';

let seed: WorkbookModel;

beforeAll(async () => {
  seed = await readFixture('seed-2024.xlsx');
});

function includes(text: string): Record<string, string>[] {
  return checkNarrative({ narrative: narrativeOf([text]), model: seed, rules: narrativeRules, strict: true })
    .findings.filter((f) => f.ruleId === 'n.includes')
    .map((f) => ({ severity: f.severity, zero: f.data.zero ?? '', omitted: f.data.omitted ?? '' }));
}

const PERSONNEL =
  '人员经费490.18万元，主要包括：基本工资、津贴补贴、奖金、伙食补助费、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、公务员医疗补助缴费、其他社会保障缴费、住房公积金。';

describe('n.includes', () => {
  it('a list naming exactly the items spent gives nothing', () => {
    expect(
      includes(
        '人员经费490.18万元，主要包括：基本工资、津贴补贴、绩效工资、机关事业单位基本养老保险缴费、职工基本医疗保险缴费、公务员医疗补助缴费、其他社会保障缴费、住房公积金、其他工资福利支出。',
      ),
    ).toEqual([]);
  });

  it("the seed's own list names three blank items and leaves out one spent", () => {
    expect(includes(PERSONNEL)).toEqual([
      { severity: 'info', zero: '奖金、伙食补助费、职业年金缴费', omitted: '其他工资福利支出' },
    ]);
  });

  it('an item named whose 06 amount is blank is reported, as info', () => {
    const found = includes('公用经费43.47万元，主要包括：办公费、印刷费、电费。');
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('info');
    expect(found[0]?.zero).toBe('印刷费');
  });

  it('the last two items joined by 和 / 及 / 以及 are two items', () => {
    const spent =
      '基本工资、津贴补贴、绩效工资、机关事业单位基本养老保险缴费、职工基本医疗保险缴费、公务员医疗补助缴费、其他社会保障缴费';
    for (const join of ['和', '及', '以及'])
      expect(includes(`人员经费490.18万元，主要包括：${spent}、住房公积金${join}其他工资福利支出。`)).toEqual([]);
    // one of the two joined is blank in 06: reported as for any item named
    expect(includes(`人员经费490.18万元，主要包括：${spent}、住房公积金、其他工资福利支出和奖金。`)).toEqual([
      { severity: 'info', zero: '奖金', omitted: '无' },
    ]);
  });

  it('without the tables nothing is compared', () => {
    const found = checkNarrative({ narrative: narrativeOf([PERSONNEL]), rules: narrativeRules, strict: true }).findings;
    expect(found.filter((f) => f.ruleId === 'n.includes')).toEqual([]);
  });
});

/** n.subject-name with the tables: the name written after a 项 code is that row's name in 表 05. */
describe('n.subject-name against the tables', () => {
  const names = (text: string) =>
    checkNarrative({ narrative: narrativeOf([text]), model: seed, rules: narrativeRules, strict: true })
      .findings.filter((f) => f.ruleId === 'n.subject-name')
      .map((f) => f.data.residue);

  it('the code followed by its own name gives nothing', () => {
    expect(names('2080505 机关事业单位基本养老保险缴费支出（项）支出决算为39.79万元。')).toEqual([]);
    expect(names('2210201住房公积金支出决算为44.91万元。')).toEqual([]);
  });

  it('the code followed by another name is reported', () => {
    expect(names('2080505 机关事业单位养老保险缴费支出（项）支出决算为39.79万元。')).toEqual([
      '2080505 机关事业单位养老保险缴费支出（表中为「机关事业单位基本养老保险缴费支出」）',
    ]);
  });

  it('without the tables a code is no subject, so nothing is compared', () => {
    const found = checkNarrative({
      narrative: narrativeOf(['2080505 机关事业单位养老保险缴费支出（项）支出决算为39.79万元。']),
      rules: narrativeRules,
    }).findings;
    expect(found.filter((f) => f.ruleId === 'n.subject-name')).toEqual([]);
  });
});
