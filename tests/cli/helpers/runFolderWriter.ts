// Child process of the kill test (tests/cli/runFolder.test.ts): writes one run folder of generation
// GEN into TARGET through the run folder writer, printing "ready" before it starts and the time the
// write took at the end. Files are a few MB each so a kill can land inside the write.
import { prepareRunFolder, RUN_FILE_NAMES } from "../../../src/analysis/run/folder.js";

const [target, generation, sizeText] = process.argv.slice(2);
const size = Number(sizeText);

/** A file's text: its name and the generation on every line, so a mix is seen in any part of it. */
function fileText(name: string, gen: string, bytes: number): string {
  const line = `${gen},${name},${"x".repeat(40)}\n`;
  return line.repeat(Math.max(1, Math.floor(bytes / line.length)));
}

const folder = await prepareRunFolder(target, { command: "test", raijin: "0.0.0" });
process.stdout.write("ready\n");
const t0 = performance.now();
await folder.commit(RUN_FILE_NAMES.map((name) => ({ name, text: fileText(name, generation, size) })));
process.stdout.write(`done ${(performance.now() - t0).toFixed(1)}\n`);
