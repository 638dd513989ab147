import type { CheckReport } from '../report/types.js';
import type { CliIO } from './io.js';

export interface OutputOptions {
  format: string;
}

export const FORMATS = ['stylish', 'json'] as const;

/** Writes the report in the requested format(s). Formatters are loaded only when used. */
export async function emitReport(report: CheckReport, options: OutputOptions, io: CliIO): Promise<void> {
  if (options.format === 'json') {
    const { formatJson } = await import('../report/json.js');
    io.out(formatJson(report));
  } else {
    const { formatStylish } = await import('../report/stylish.js');
    io.out(formatStylish(report, { color: io.isTTY && !io.env.NO_COLOR }));
  }
}
