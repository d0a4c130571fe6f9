/**
 * The fenced code blocks of a markdown guide, each with what the HTML comment just before it says
 * about it (`<!-- example: … -->`), so that a test can run or validate every example.
 *
 * Annotations (the comment may be indented like the block):
 * - `<!-- example: skip: <why> -->`: not run; the test prints why.
 * - `<!-- example: before: <command>; <command> -->`: shell commands the test runs first (in the
 *   same folder) to make the files the example assumes, e.g. the workbooks a translator returns.
 * - `<!-- example: <kind> -->` for a JSON block: `profile`, `config.json`, `survey definition`,
 *   `survey document`: validated by the product's own parser of that kind.
 * Without one, an `sh` block is run, an untagged block is shown output (not run), and a `json`
 * block is refused by the test until it says what it is.
 */

export interface FencedBlock {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The info string's first word (`sh`, `json`), or '' for an untagged block. */
  lang: string;
  text: string;
  /** The text of the `<!-- example: … -->` comment right before the block, if any. */
  annotation?: string;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/;
const ANNOTATION = /^\s*<!--\s*example:\s*([\s\S]*?)\s*-->\s*$/;

export function fencedBlocks(markdown: string, file: string): FencedBlock[] {
  const lines = markdown.split('\n');
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const [, indent = '', fence = '```', lang = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.trimStart().startsWith(fence[0]!.repeat(fence.length)) && l.trim().replace(/[`~]/g, '') === '')
        break;
      body.push(l.startsWith(indent) ? l.slice(indent.length) : l.trimStart());
    }
    const previous = i > 0 ? ANNOTATION.exec(lines[i - 1]!) : null;
    blocks.push({
      file,
      line: i + 1,
      lang,
      text: body.join('\n'),
      ...(previous ? { annotation: previous[1] } : {}),
    });
    i = j;
  }
  return blocks;
}

/** An `sh` block's commands: one per line, without blank and comment lines. */
export function commandLines(block: FencedBlock): string[] {
  return block.text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}
