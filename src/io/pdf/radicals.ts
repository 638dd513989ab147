/**
 * A browser's print (Chromium, Skia) names each glyph of its text layer by the first code point
 * the font maps to it, and CJK fonts draw a Kangxi or supplementary radical with the glyph of the
 * ideograph it looks like: 支出 comes out as ⽀出 (U+2F40), 部门 as 部⻔ (U+2ED4). A title, label or
 * sentence read that way matches nothing, so each radical is read as its equivalent ideograph
 * (Unicode's EquivalentUnifiedIdeograph data; running text never uses the radicals themselves).
 */

/** CJK Radicals Supplement forms with no compatibility decomposition, each followed by its ideograph. */
const SUPPLEMENT =
  '⺂乛⺃乚⺅亻⺇𠘨⺉刂⺋㔾⺍𭕄⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺠民⺡氵⺣灬⺤爫⺦丬⺨犭⺩𤣩⺫罒⺭礻⺮𥫗⺯糹⺰纟⺱罓⺲罒⺳㓁⺹耂⺺肀⺽𦥑⺾艹⺿艹⻁虎⻂衤⻃覀⻅见⻆角⻇𧢲⻈讠⻉贝⻊𧾷⻋车⻌辶⻎辶⻐钅⻑長⻒镸⻓长⻔门⻕𨸏⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻞𩙿⻟飠⻠饣⻡𩠐⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻮齿⻯竜⻰龙⻱龜⻲亀';

const IDEOGRAPH_OF = new Map<string, string>();
{
  const chars = [...SUPPLEMENT];
  for (let i = 0; i + 1 < chars.length; i += 2) IDEOGRAPH_OF.set(chars[i] as string, chars[i + 1] as string);
}

const RADICAL = /[\u2e80-\u2fdf]/u;
const RADICALS = /[\u2e80-\u2fdf]/gu;

/** The text with every radical read as its ideograph (the Kangxi radicals decompose to theirs: ⼆ → 二). */
export function unifyRadicals(text: string): string {
  if (!RADICAL.test(text)) return text;
  return text.replace(RADICALS, (ch) => IDEOGRAPH_OF.get(ch) ?? ch.normalize('NFKC'));
}
