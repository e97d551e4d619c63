import { main, type Io } from "../../src/cli/main";

/** Run the CLI in-process and capture what it prints. */
export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { out: (s) => (out += s), err: (s) => (err += s) };
  const code = await main(args, io);
  return { code, out, err };
}
