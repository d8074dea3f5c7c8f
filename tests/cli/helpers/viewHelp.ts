// Prints `raijin view --help` from a fresh process, so the test sees the defaults read from the
// environment when the program is built.
import { main } from "../../../src/cli/main.js";

await main(["node", "raijin", "view", "--help"]);
