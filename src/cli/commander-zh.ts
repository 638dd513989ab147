import { type Argument, type Command, type CommanderError, Help, type HelpConfiguration, type Option } from 'commander';
import { wrapText } from '../report/wrap.js';
import { displayWidth } from '../util/display-width.js';

/**
 * Commander in Chinese: its help titles, usage words and "(default: …)" notes, and one Chinese
 * sentence for each command-line mistake it reports (with its "Did you mean" turned into ours).
 * Commander's own texts are English and fixed; these are the hooks it offers to replace them.
 */

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Arguments:': '参数：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};

function usageWords(text: string): string {
  return text.replace(/\[options\]/g, '[选项]').replace(/\[command\]/g, '[命令]');
}

/** Commander's "(default: "text")" (and choices, preset, env) after a description, in Chinese. */
function extraInfo(text: string): string {
  return text.replace(/ ?\(((?:default|choices|preset|env): .*)\)$/, (_, inner: string) => {
    const words: Record<string, string> = { default: '默认', choices: '可选', preset: '预设', env: '环境变量' };
    const parts = inner.split(/, (?=(?:default|choices|preset|env): )/).map((part) => {
      const [key, ...rest] = part.split(': ');
      const value = rest.join(': ').replace(/"([^"]*)"/g, '$1');
      return `${words[key as string] ?? key}：${value}`;
    });
    return `（${parts.join('，')}）`;
  });
}

const base = Help.prototype;

/** Columns a string takes on a terminal: CJK and full-width characters take two (commander counts one). */
function columns(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes take no column
  return displayWidth(text.replace(/\u001b\[[0-9;]*m/g, ''));
}

export const HELP_ZH: HelpConfiguration = {
  styleTitle: (title: string) => TITLES[title] ?? title,
  displayWidth: columns,
  formatHelp(this: Help, cmd: Command, helper: Help): string {
    // commander puts a space after the title; Chinese puts none after "："
    return base.formatHelp.call(this, cmd, helper).replace(/^用法： /, '用法：');
  },
  commandUsage(this: Help, cmd: Command): string {
    return usageWords(base.commandUsage.call(this, cmd));
  },
  subcommandTerm(this: Help, cmd: Command): string {
    return usageWords(base.subcommandTerm.call(this, cmd));
  },
  optionDescription(this: Help, option: Option): string {
    return extraInfo(base.optionDescription.call(this, option));
  },
  argumentDescription(this: Help, argument: Argument): string {
    return extraInfo(base.argumentDescription.call(this, argument));
  },
  // commander wraps at spaces only: a Chinese description would run past the width, or break
  // before its one Latin word; ours breaks between characters and keeps options and file types whole
  boxWrap(this: Help, text: string, width: number): string {
    if (width < this.minWidthToWrap) return text;
    return text
      .split(/\r\n|\n/)
      .map((line) => wrapText(line, width).join('\n'))
      .join('\n');
  },
};

/** "(Did you mean --format?)" → "（是否想用 --format？）" */
function suggestion(message: string): string {
  const match = /\(Did you mean (?:one of )?([^?]+)\?\)/.exec(message);
  return match ? `（是否想用 ${(match[1] as string).split(', ').join(' 或 ')}？）` : '';
}

function quoted(message: string): string[] {
  return [...message.matchAll(/'([^']+)'/g)].map((m) => m[1] as string);
}

/**
 * What an argument of the command named first in `argv` is, in Chinese: its description up to the
 * first clause (「files」 is 决算工作簿 (.xlsx) 或文件夹).
 */
export function argumentGist(program: Command, argv: readonly string[], name: string): string | undefined {
  const command = program.commands.find((c) => c.name() === argv[0]) ?? program;
  const argument = command.registeredArguments.find((a) => a.name() === name);
  return argument?.description.split(/[（；，]/)[0]?.trim() || undefined;
}

/**
 * One Chinese sentence for a command-line mistake commander reported (no English left in it);
 * `gist` says in Chinese what a missing argument is.
 */
export function usageSentence(
  error: CommanderError,
  gist: (argument: string) => string | undefined = () => undefined,
): string {
  const [first, second] = quoted(error.message);
  const help = '；用 juesuan --help 查看用法。';
  switch (error.code) {
    case 'commander.missingArgument': {
      const what = first === undefined ? undefined : gist(first);
      return `缺少必需的参数「${first}」${what ? `（${what}）` : ''}${help}`;
    }
    case 'commander.optionMissingArgument':
      return `选项「${first}」缺少取值${help}`;
    case 'commander.missingMandatoryOptionValue':
      return `缺少必需的选项「${first}」${help}`;
    case 'commander.unknownOption':
      return `不认识的选项「${first}」${suggestion(error.message)}${help}`;
    case 'commander.unknownCommand':
      return `不认识的命令「${first}」${suggestion(error.message)}${help}`;
    case 'commander.excessArguments': {
      const counts = /Expected (\d+) arguments? but got (\d+)/.exec(error.message);
      const where = first ? `命令 ${first} ` : '';
      return `参数过多：${where}需要 ${counts?.[1] ?? '?'} 个参数，给出了 ${counts?.[2] ?? '?'} 个（文件名含空格时请加引号）${help}`;
    }
    case 'commander.invalidArgument':
      return `参数取值「${second ?? first}」无效${help}`;
    case 'commander.conflictingOption':
      return `选项「${first}」与「${second}」不能同时使用${help}`;
    default:
      return `命令行有误${first ? `（「${first}」）` : ''}${help}`;
  }
}

/** `juesuan help NAME` for a command that does not exist: one sentence naming the commands, not the general help. */
export function unknownHelpTopic(program: Command, argv: readonly string[]): string | undefined {
  if (argv[0] !== 'help' || argv[1] === undefined || argv[1].startsWith('-')) return undefined;
  const names = program.commands.map((c) => c.name());
  if (names.includes(argv[1])) return undefined;
  const commands = names.filter((n) => n !== 'help').join('、');
  return `没有名为「${argv[1]}」的命令；可用的命令：${commands}（用 juesuan --help 查看用法）。`;
}
