import { format } from 'node:util';

const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/**
 * Nothing reaches the user's terminal that juesuan did not write: libraries print to the console
 * on their own (exceljs warns in English about a sheet name over 31 characters, xmldom about
 * malformed markup). From this call until the returned function is called, console output is
 * kept instead; that function restores the console and returns what was kept (for --debug).
 */
export function muteConsole(): () => string[] {
  const saved = METHODS.map((name) => console[name]);
  const kept: string[] = [];
  for (const name of METHODS) {
    console[name] = (...args: unknown[]) => {
      if (kept.length < 1000) kept.push(format(...args));
    };
  }
  return () => {
    METHODS.forEach((name, i) => {
      console[name] = saved[i] as (typeof console)[typeof name];
    });
    return kept;
  };
}
