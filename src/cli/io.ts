/** What the CLI may touch besides the file system: its streams, working folder and terminal state. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** True when stderr is an interactive terminal (progress lines are shown only then). */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

/** Node's types say boolean, but `isTTY` is absent on pipes and files. */
function isTerminal(stream: { isTTY?: boolean }): boolean {
  return stream.isTTY ?? false;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    isTTY: isTerminal(process.stderr),
    env: process.env,
  };
}

/** An in-memory io for tests: everything written is collected. */
export function memoryIo(
  cwd: string,
  env: Record<string, string | undefined> = {},
): CliIo & {
  out: string[];
  err: string[];
} {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    cwd,
    isTTY: false,
    env,
  };
}
