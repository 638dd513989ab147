import { Command, CommanderError } from 'commander';
import type { CliIO } from './cli/io.js';
import { InputError } from './errors/input-error.js';

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
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  program
    .command('inspect')
    .description('显示工作簿中识别出的决算表格、数值与单元格地址')
    .argument('<file>', '决算工作簿 (.xlsx)')
    .option('--format <format>', '输出格式：text | json', 'text')
    .action(async (file: string, options: { format: string }) => {
      const { inspectCommand } = await import('./cli/inspect.js');
      exitCode = await inspectCommand(file, options, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportFailure(error, io, debug);
  }
}

function reportFailure(error: unknown, io: CliIO, debug: boolean): number {
  if (error instanceof CommanderError) {
    // commander already printed its message; help and version are not failures
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof InputError) {
    io.err(`juesuan: ${error.message}\n`);
  } else {
    const text = error instanceof Error ? error.message : String(error);
    io.err(`juesuan: 内部错误（${text}），请用 --debug 重新运行并报告此问题。\n`);
  }
  if (debug && error instanceof Error) {
    if (error.stack) io.err(`${error.stack}\n`);
    if (error.cause instanceof Error && error.cause.stack) io.err(`原因：${error.cause.stack}\n`);
  }
  return 2;
}
