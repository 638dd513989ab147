import { basename, dirname, extname, join } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { NARRATIVE_EXTENSIONS } from '../io/narrative/read.js';
import { readInput } from '../io/read-input.js';
import type { SourceDocument } from '../model/document.js';
import type { WorkbookModel } from '../model/types.js';
import type { NarrativeAnalysis } from '../narrative/check.js';
import { narrativeInDocument, narrativeOfText } from '../narrative/source.js';
import type { Narrative } from '../narrative/types.js';
import type { RuleSetup } from './setup.js';

/**
 * Everything the checks of one document share, each part made once: the document and its model,
 * the rules in force, last year's model (--previous), and — on first use — the narrative and its
 * analysis (claims, verdicts, paragraphs as read), which the table-side narrative checks and the
 * prior-year checks both use. It lives as long as the check of the document: no cache outlives it.
 */
export interface DocumentContext {
  /** The file as the user named it (shown in messages and findings). */
  file: string;
  document: SourceDocument;
  model: WorkbookModel;
  setup: RuleSetup;
  previous?: WorkbookModel;
  /** Fail on a message slot without data (tests). */
  strict: boolean;
  /** --narrative FILE, else the document's own text or 情况说明 sheet, else a same-named file beside it. */
  narrative(): Promise<Narrative | undefined>;
  /** The narrative read against the model; undefined without a narrative. */
  analysis(): Promise<NarrativeAnalysis | undefined>;
}

export interface ContextInput {
  file: string;
  /** Where the file is read (absolute). */
  path: string;
  document: SourceDocument;
  model: WorkbookModel;
  setup: RuleSetup;
  previous?: WorkbookModel;
  strict?: boolean;
  /** --narrative FILE: as given, and where it is read. */
  narrative?: { file: string; path: string };
}

/** X.docx, X.txt or X.md beside X.xlsx: the first that exists. */
function siblingOf(path: string): string | undefined {
  const stem = join(dirname(path), basename(path, extname(path)));
  return NARRATIVE_EXTENSIONS.map((ext) => stem + ext).find((p) => existsSync(p) && statSync(p).isFile());
}

async function findNarrative(input: ContextInput): Promise<Narrative | undefined> {
  if (input.narrative) {
    const { document } = await readInput(input.narrative.file, input.narrative.path, { want: 'text' });
    return narrativeOfText(document, 'option');
  }
  const own = narrativeInDocument(input.document, input.model);
  if (own) return own;
  const found = siblingOf(input.path);
  if (!found) return undefined;
  const shown = join(dirname(input.file), basename(found));
  return narrativeOfText((await readInput(shown, found, { want: 'text' })).document, 'sibling');
}

export function documentContext(input: ContextInput): DocumentContext {
  let narrative: Promise<Narrative | undefined> | undefined;
  let analysis: Promise<NarrativeAnalysis | undefined> | undefined;
  const context: DocumentContext = {
    file: input.file,
    document: input.document,
    model: input.model,
    setup: input.setup,
    strict: input.strict ?? false,
    ...(input.previous ? { previous: input.previous } : {}),
    narrative: () => {
      narrative ??= findNarrative(input);
      return narrative;
    },
    analysis: () => {
      analysis ??= context.narrative().then(async (n) => {
        if (!n) return undefined;
        // the narrative checker (claims catalog, yaml) is loaded only when there is a narrative
        const { analyseNarrative } = await import('../narrative/check.js');
        return analyseNarrative(n, input.model);
      });
      return analysis;
    },
  };
  return context;
}
