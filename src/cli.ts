import { Command, CommanderError } from 'commander';
import { argumentGist, HELP_ZH, unknownHelpTopic, usageSentence } from './cli/commander-zh.js';
import { packageVersion } from './util/package-version.js';
import { muteConsole } from './util/quiet-console.js';
import { oneLine } from './report/terminal-text.js';
import type { CliIO } from './cli/io.js';
import { InputError } from './errors/input-error.js';

interface CheckOptionsInput {
  format?: string;
  output?: string[];
  annotate?: string;
  failOn?: string;
  config?: string;
  rules?: string[];
  disable?: string[];
  baseline?: string | false;
  jobs?: string;
  shard?: string;
  skipUnusable?: boolean;
  narrative?: string;
  previous?: string;
  template?: string;
}

/**
 * Entry point: parses argv, runs one command, returns the exit code.
 * 0 clean · 1 findings at or above --fail-on · 2 unusable input or usage.
 */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const debug = argv.includes('--debug');
  let exitCode = 0;
  const program = new Command('juesuan')
    .description('部门决算公开表格校验工具')
    .option('--debug', '出错时显示调用栈')
    .version(packageVersion(), '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .exitOverride()
    // commander's own error lines are English: usage errors are reported in Chinese below instead
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: () => undefined })
    // its help in Chinese (titles, usage words, defaults): inherited by every command added below
    .configureHelp(HELP_ZH);

  program
    .command('inspect')
    .description('显示工作簿中识别出的决算表格、数值与单元格地址')
    .argument('<file>', '决算工作簿 (.xlsx)')
    .option('--format <format>', '输出格式：text | json', 'text')
    .option('--template <name>', '按指定的表套读取（默认按表名和标志判断，或取配置文件的 template）')
    .option('--config <file>', '配置文件（template；默认自工作簿所在目录向上查找）')
    .action(async (file: string, options: { format: string; template?: string; config?: string }) => {
      const { inspectCommand } = await import('./cli/inspect.js');
      exitCode = await inspectCommand(file, options, io);
    });

  const collect = (value: string, previous: string[] = []) => [...previous, value];

  program
    .command('check')
    .description('校验决算工作簿：表内、表间勾稽关系')
    .argument(
      '<files...>',
      '决算工作簿 (.xlsx) 或文件夹（检查其中全部 .xlsx）；单独给出的情况说明 (.docx/.txt/.md) 检查其自身的数字',
    )
    .option('--format <format>', '标准输出的格式：stylish（默认）| json | junit | sarif | github | markdown | html')
    .option(
      '-o, --output <format=path>',
      '另把某种格式写到文件，可重复（只给 -o 时标准输出不再输出 stylish；路径 - 为标准输出）',
      collect,
    )
    .option('--annotate <out.xlsx>', '写出一份标出问题单元格（底色与批注）的工作簿副本；只用于一个工作簿，不会改写输入')
    .option('--fail-on <severity>', '达到该级别的问题时退出码为 1：error | warn | info')
    .option('--config <file>', '配置文件（默认自工作簿所在目录向上查找 juesuan.config.yaml）')
    .option('--rules <file>', '追加规则文件（可重复）', collect)
    .option('--disable <rule-id>', '停用规则（可重复）', collect)
    // narrative wiring: without it, a 情况说明 sheet or a same-named .docx/.txt/.md is used
    .option('--narrative <file>', '情况说明 (.docx | .txt | .md)，与工作簿的表格对照校验')
    .option(
      '--previous <file>',
      '上年决算工作簿：核对跨年度勾稽（年初 = 上年年末）和情况说明中的同比陈述；只用于一个工作簿',
    )
    .option('--baseline <file>', '审核说明：不再报告其中已接受的问题（默认取配置文件的 baseline）')
    .option('--no-baseline', '不使用审核说明，报告全部问题')
    .option('--jobs <n>', '并行检查的线程数（默认为 CPU 核数；1 为不用工作线程）')
    .option('--shard <i/n>', '只检查排序后第 i 份（共 n 份，轮流分配），用于 CI 矩阵')
    .option('--skip-unusable', '无法读取的文件只在报告中列出，不使退出码为 2（用于浏览性检查；CI 门禁请勿使用）')
    .option('--template <name>', '按指定的表套读取和检查（默认按表名和标志判断，或取配置文件的 template）')
    .action(async (files: string[], options: CheckOptionsInput) => {
      const { checkCommand } = await import('./cli/check.js');
      exitCode = await checkCommand(files, { ...options, debug }, io);
    });

  program
    .command('diff')
    .description('对比上年与本年决算工作簿：逐表逐行列出金额变动，标出大幅变动')
    .argument('<prev>', '上年决算工作簿 (.xlsx)')
    .argument('<curr>', '本年决算工作簿 (.xlsx)')
    .option('--format <format>', '输出格式：terminal（默认）| json | markdown | html')
    .option('-o, --output <file>', '把结果写到文件而不是标准输出')
    .option('--threshold-rate <percent>', '大幅变动的增减率下限（%，默认 30；与 --threshold-amount 同时满足）')
    .option('--threshold-amount <wan>', '大幅变动的增减额下限（万元，默认 10）')
    .option('--fail-on-flagged', '有大幅变动时退出码为 1')
    .option('--config <file>', '配置文件（diff: thresholdRate / thresholdAmount；默认自本年工作簿所在目录向上查找）')
    .action(
      async (
        prev: string,
        curr: string,
        options: {
          format?: string;
          output?: string;
          thresholdRate?: string;
          thresholdAmount?: string;
          failOnFlagged?: boolean;
          config?: string;
        },
      ) => {
        const { diffCommand } = await import('./cli/diff.js');
        exitCode = await diffCommand(prev, curr, options, io);
      },
    );

  program
    .command('baseline')
    .description('把当前发现的问题记为已接受（审核说明），每条须填写 reason')
    .argument('<files...>', '决算工作簿 (.xlsx) 或文件夹')
    .option('-o, --output <file>', '写入的审核说明文件（已存在时保留已填写的 reason）；默认输出到标准输出')
    .option('--config <file>', '配置文件')
    .option('--rules <file>', '追加规则文件（可重复）', collect)
    .option('--disable <rule-id>', '停用规则（可重复）', collect)
    .option('--jobs <n>', '并行检查的线程数')
    .action(
      async (
        files: string[],
        options: { output?: string; config?: string; rules?: string[]; disable?: string[]; jobs?: string },
      ) => {
        const { baselineCommand } = await import('./cli/baseline.js');
        exitCode = await baselineCommand(files, { ...options, debug }, io);
      },
    );

  program
    .command('rules')
    .description('列出全部规则：编号、级别、标题')
    .option('--format <format>', '输出格式：text | json', 'text')
    .option('--config <file>', '配置文件')
    .option('--rules <file>', '追加规则文件（可重复）', collect)
    .action(async (options: { format: string; config?: string; rules?: string[] }) => {
      const { rulesCommand } = await import('./cli/rules-commands.js');
      exitCode = await rulesCommand(options, io);
    });

  program
    .command('explain')
    .description('说明一条规则校验什么、为什么')
    .argument('<rule-id>', '规则编号，例如 t03.row-total')
    .option('--config <file>', '配置文件')
    .option('--rules <file>', '追加规则文件（可重复）', collect)
    .action(async (id: string, options: { config?: string; rules?: string[] }) => {
      const { explainCommand } = await import('./cli/rules-commands.js');
      exitCode = await explainCommand(id, options, io);
    });

  program
    .command('serve')
    .description('在本机 (127.0.0.1) 提供网页版：在浏览器中拖入工作簿检查，文件不上传')
    .option('--port <port>', '端口（默认 8080；0 为任一空闲端口）')
    .option('--no-open', '不自动打开浏览器')
    .action(async (options: { port?: string; open?: boolean }) => {
      const { serveCommand } = await import('./cli/serve.js');
      exitCode = await serveCommand(options, io);
    });

  const unknownTopic = unknownHelpTopic(program, argv);
  if (unknownTopic !== undefined) {
    io.err(`juesuan: ${oneLine(unknownTopic)}\n`);
    return 2;
  }
  const unmute = muteConsole();
  let code: number;
  try {
    await program.parseAsync(argv, { from: 'user' });
    code = exitCode;
  } catch (error) {
    code = reportFailure(error, io, debug, (name) => argumentGist(program, argv, name));
  } finally {
    const said = unmute();
    if (debug) for (const line of said) io.err(`调试（库输出）：${line}\n`);
  }
  return code;
}

function reportFailure(
  error: unknown,
  io: CliIO,
  debug: boolean,
  gist: (argument: string) => string | undefined,
): number {
  if (error instanceof CommanderError) {
    // help and version are not failures; a bare `juesuan` has printed the help already
    if (error.exitCode === 0 || error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2;
    io.err(`juesuan: ${oneLine(usageSentence(error, gist))}\n`);
    return 2;
  }
  if (error instanceof InputError) {
    // one sentence per line (a data file's error lists each of its problems), each kept on its line
    io.err(
      error.message
        .split('\n')
        .map((line) => `juesuan: ${oneLine(line)}\n`)
        .join(''),
    );
  } else {
    const text = error instanceof Error ? error.message : String(error);
    io.err(`juesuan: 内部错误（${oneLine(text)}），请用 --debug 重新运行并报告此问题。\n`);
  }
  if (debug && error instanceof Error) {
    if (error.stack) io.err(`${error.stack}\n`);
    if (error.cause instanceof Error && error.cause.stack) io.err(`原因：${error.cause.stack}\n`);
  }
  return 2;
}
