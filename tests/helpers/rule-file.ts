import { parseRuleFile, RuleFileError } from '../../src/rules/index.js';

/** The error a rule file text raises: code, line and message. */
export function failure(text: string): { code: string; line: number; message: string } {
  try {
    parseRuleFile(text, 'my.yaml');
  } catch (error) {
    if (error instanceof RuleFileError) return { code: error.code, line: error.line, message: error.message };
    throw error;
  }
  throw new Error('no error raised');
}
