// Every property test runs with one fixed seed, so a CI run is repeatable: a failure seen once is seen
// again with the same counterexample. (Orekit's tests do the same with their own fixed seeds.)
import fc from "fast-check";

fc.configureGlobal({ seed: 0x5a11 });
