// The viewer end to end: a small scenario run through the CLI in-process into a temporary folder, served
// by `raijin view`'s server, and opened in headless Chromium (Debian's, via playwright-core). The web
// bundle is not built here: `npm run build` makes dist/web, and .ci/run builds before testing, so a
// missing bundle or browser fails the test with what to do, rather than skipping it.
import { spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { request } from "node:http";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  defaultWebRoot,
  MAX_CONNECTIONS,
  startViewerServer,
  type ViewerServer,
} from "../../src/cli/commands/view.js";
import { main } from "../../src/cli/main.js";
import { KIND_COLOURS, TRACK_COLOUR } from "../../src/web/colours.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CHROMIUM = "/usr/bin/chromium";
// docs/stack.md: software WebGL (SwiftShader), nothing that phones home.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
const BROWSER_TIMEOUT_MS = 60_000;

// One ballistic and one glide threat, a fixed and a ship radar and a small infrared layer: every layer of
// the scene, and a run of about a second.
const SCENARIO = `name: Viewer test raid
epoch: 2030-06-01T00:00:00Z
duration: 10 min
assets:
  - { id: port, at: { lat: 35.29 deg, lon: 139.67 deg, alt: 0 m }, value: 10, radius: 5 km }
threats:
  - id: srbm-1
    vehicle: notional-srbm
    launch: { at: { lat: 37.0 deg, lon: 135.2 deg, alt: 0 m }, time: 0 s }
    target: port
  - id: hgv-1
    vehicle: notional-hgv
    launch: { at: { lat: 33.0 deg, lon: 131.0 deg, alt: 0 m }, time: 20 s }
    target: port
sensors:
  - id: site-radar
    kind: radar
    model: notional-s-band
    at: { lat: 36.5 deg, lon: 137.0 deg, alt: 20 m }
  - id: ship-radar
    kind: radar
    model: notional-s-band
    track:
      - { time: 0 s, at: { lat: 37.5 deg, lon: 135.5 deg, alt: 20 m } }
      - { time: 10 min, at: { lat: 37.6 deg, lon: 135.1 deg, alt: 20 m } }
  - id: tracking-layer
    kind: infrared-constellation
    model: notional-leo-ir
    walker: { altitude: 1000 km, inclination: 81 deg, planes: 2, perPlane: 3, phasing: 1 }
tracking: { filter: ekf, association: gnn }
`;

const quiet = { out: () => undefined, err: () => undefined };

let work: string;
let runDir: string;
let server: ViewerServer;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "raijin-view-"));
  runDir = join(work, "run");
  const file = join(work, "viewer-test.yaml");
  writeFileSync(file, SCENARIO);
  const code = await main(["node", "raijin", "run", file, "--out", runDir, "--json"], quiet);
  expect(code).toBe(0);
  if (!existsSync(join(defaultWebRoot(), "app.js")))
    throw new Error(`the web bundle is missing (${defaultWebRoot()}): run npm run build first`);
  server = await startViewerServer({ runDir, port: 0 });
}, 60_000);

afterAll(async () => {
  await server?.close();
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  type: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A GET with the path sent exactly as given (fetch would normalise `..` away) and chosen headers. */
function rawGet(path: string, method = "GET", headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(server.url);
  return new Promise((ok, fail) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () =>
        ok({
          status: res.statusCode ?? 0,
          type: String(res.headers["content-type"]),
          body,
          headers: res.headers,
        }),
      );
    });
    req.on("error", fail);
    req.end();
  });
}

describe("raijin view: the server", () => {
  it("serves the viewer and the run folder with their content types", async () => {
    const cases: [string, RegExp][] = [
      ["/", /^text\/html/],
      ["/app.js", /^text\/javascript/],
      ["/style.css", /^text\/css/],
      ["/cesium/Cesium.js", /^text\/javascript/],
      ["/cesium/Assets/Textures/NaturalEarthII/tilemapresource.xml", /^application\/xml/],
      ["/run/scene.czml", /^application\/json/],
      ["/run/summary.json", /^application\/json/],
      ["/run/events.jsonl", /^application\/x-ndjson/],
      ["/run/trajectories.csv", /^text\/csv/],
    ];
    for (const [path, type] of cases) {
      const r = await rawGet(path);
      expect([path, r.status]).toEqual([path, 200]);
      expect(r.type).toMatch(type);
    }
    const czml = await rawGet("/run/scene.czml");
    expect(czml.body).toBe(readFileSync(join(runDir, "scene.czml"), "utf8"));
  });

  it("lists the run folder's files as JSON", async () => {
    const r = await rawGet("/run/");
    expect(JSON.parse(r.body)).toEqual({
      files: [
        "events.jsonl",
        "raijin-run.json",
        "scene.czml",
        "summary.json",
        "tracks.csv",
        "trajectories.csv",
      ],
    });
  });

  it("never serves a file outside its two roots", async () => {
    const outside = join(work, "secret.txt");
    writeFileSync(outside, "secret");
    symlinkSync(outside, join(runDir, "link.txt"));
    for (const path of ["/..%2f..%2fpackage.json", "/%2e%2e%2fpackage.json", "/cesium/.version"]) {
      const r = await rawGet(path);
      expect([path, r.status]).toEqual([path, 403]);
      expect(r.body).not.toContain("secret");
    }
    // In the run folder only the files its manifest lists are served: no other name, link or subfolder.
    mkdirSync(join(runDir, "sub"));
    writeFileSync(join(runDir, "sub", "x.csv"), "secret");
    writeFileSync(join(runDir, ".hidden"), "secret");
    for (const path of [
      "/run/..%2fsecret.txt",
      "/run/%2e%2e%2fsecret.txt",
      "/run/link.txt",
      "/run/a%5c..%5c..%5csecret.txt",
      "/run/%00",
      "/run/sub/x.csv",
      "/run/.hidden",
      "/run/sub",
    ]) {
      const r = await rawGet(path);
      expect([path, r.status]).toEqual([path, 404]);
      expect(r.body).not.toContain("secret");
    }
    // Dot segments the URL parser resolves stay inside a root: here the viewer's, which has no such file.
    expect((await rawGet("/run/../package.json")).status).toBe(404);
    expect((await rawGet("/nothing-here.js")).status).toBe(404);
    expect((await rawGet("/", "POST")).status).toBe(405);
  });

  it("refuses a folder that is not a complete run: exit 2, a message and no stack trace", async () => {
    const empty = join(work, "empty");
    mkdirSync(empty);
    let err = "";
    const code = await main(["node", "raijin", "view", empty, "--port", "0"], {
      out: () => undefined,
      err: (s) => void (err += s),
    });
    expect(code).toBe(2);
    expect(err).toMatch(/is not a complete Raijin run \(no raijin-run\.json\)/);
    expect(err).not.toMatch(/^\s+at /m);
  });

  it("the command prints the URL, serves until Ctrl+C (SIGINT), then exits 0", async () => {
    const bin = join(ROOT, "bin/raijin.js");
    const child = spawn(process.execPath, [bin, "view", runDir, "--port", "0"], { stdio: "pipe" });
    let out = "";
    const url = await new Promise<string>((ok, fail) => {
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m !== null) ok(m[0]);
      });
      child.on("exit", (code) => fail(new Error(`raijin view exited ${code} before serving: ${out}`)));
    });
    expect((await fetch(`${url}run/summary.json`)).status).toBe(200);
    const code = await new Promise<number | null>((ok) => {
      child.on("exit", (c) => ok(c));
      child.kill("SIGINT");
    });
    expect(code).toBe(0);
    expect(out).toContain("viewer stopped (interrupted)");
  });
});

describe("raijin view: hardening (issue 10 item 11)", () => {
  it("refuses a Host that is not this server's address (DNS rebinding), 421", async () => {
    for (const host of ["attacker.example", "attacker.example:8080", "127.0.0.1.attacker.example"]) {
      const r = await rawGet("/run/summary.json", "GET", { host });
      expect([host, r.status]).toEqual([host, 421]);
      expect(r.body).not.toContain("threats");
    }
    for (const host of ["127.0.0.1", "localhost:1234", "[::1]:80", "viewer.localhost"]) {
      const r = await rawGet("/run/summary.json", "GET", { host });
      expect([host, r.status]).toEqual([host, 200]);
    }
  });

  it("refuses requests from pages of other sites, 403", async () => {
    const { host } = new URL(server.url);
    const foreign = await rawGet("/run/summary.json", "GET", { origin: "http://attacker.example" });
    expect(foreign.status).toBe(403);
    const crossSite = await rawGet("/run/summary.json", "GET", { "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    const own = await rawGet("/run/summary.json", "GET", { origin: `http://${host}` });
    expect(own.status).toBe(200);
  });

  it("sends CSP with frame-ancestors and nosniff on every response, errors included", async () => {
    for (const [path, status] of [
      ["/", 200],
      ["/run/", 200],
      ["/run/scene.czml", 200],
      ["/nothing-here.js", 404],
      ["/run/nothing.csv", 404],
      ["/..%2fx", 403],
    ] as const) {
      const r = await rawGet(path);
      expect([path, r.status]).toEqual([path, status]);
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
      expect(String(r.headers["content-security-policy"])).toMatch(/frame-ancestors 'none'/);
      expect(String(r.headers["content-security-policy"])).toMatch(/script-src 'self'/);
      expect(r.headers["x-frame-options"]).toBe("DENY");
    }
    const bad = await rawGet("/run/summary.json", "GET", { host: "attacker.example" });
    expect(bad.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("names no path of this machine in an error page", async () => {
    for (const path of ["/nothing-here.js", "/run/x", "/..%2f..%2fetc%2fpasswd", "/%E0%A4%A"]) {
      const r = await rawGet(path);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.body).not.toContain(work);
      expect(r.body).not.toContain(ROOT);
      expect(r.body).not.toMatch(/\/(tmp|work|home|root)\//);
    }
  });

  it("bounds its open connections", async () => {
    // Connections beyond the bound are closed by the server at once; the first ones stay open.
    const { hostname, port } = new URL(server.url);
    const sockets = await Promise.all(
      Array.from(
        { length: MAX_CONNECTIONS + 8 },
        () =>
          new Promise<Socket>((ok, fail) => {
            const s = connect(Number(port), hostname, () => ok(s));
            s.on("error", fail);
          }),
      ),
    );
    await new Promise((ok) => setTimeout(ok, 300));
    const closed = sockets.filter((s) => s.readyState !== "open" || s.destroyed).length;
    sockets.forEach((s) => s.destroy());
    expect(closed).toBeGreaterThanOrEqual(8);
    expect(closed).toBeLessThan(MAX_CONNECTIONS);
    await new Promise((ok) => setTimeout(ok, 100));
    expect((await rawGet("/run/summary.json")).status).toBe(200);
  });

  it("a port in use says so and names --port; beyond loopback it warns", async () => {
    const { port } = new URL(server.url);
    let err = "";
    const code = await main(["node", "raijin", "view", runDir, "--port", port], {
      out: () => undefined,
      err: (s) => void (err += s),
    });
    expect(code).toBe(2);
    expect(err).toMatch(new RegExp(`port ${port} is in use.*--port`));
    const exposed = await startViewerServer({ runDir, port: 0, host: "0.0.0.0" });
    expect(exposed.exposed).toBe(true);
    await exposed.close();
    expect(server.exposed).toBe(false);
  });

  it("refuses a run folder whose files do not match its manifest", async () => {
    const copy = join(work, "damaged");
    cpSync(runDir, copy, { recursive: true });
    writeFileSync(join(copy, "events.jsonl"), readFileSync(join(copy, "events.jsonl"), "utf8").slice(0, -40));
    await expect(startViewerServer({ runDir: copy, port: 0 })).rejects.toThrow(/is damaged: events\.jsonl/);
    const sameSize = readFileSync(join(runDir, "tracks.csv"), "utf8").replace(/[0-9]/, "x");
    writeFileSync(join(copy, "events.jsonl"), readFileSync(join(runDir, "events.jsonl")));
    writeFileSync(join(copy, "tracks.csv"), sameSize);
    await expect(startViewerServer({ runDir: copy, port: 0 })).rejects.toThrow(/tracks\.csv does not match/);
  });
});

describe("the viewer in headless Chromium", () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does)`,
      );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      timeout: BROWSER_TIMEOUT_MS,
    });
  }, BROWSER_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
  });

  it("loads the scene, the summary and the timeline offline, without console errors", async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 500 } });
    page.setDefaultTimeout(BROWSER_TIMEOUT_MS);
    const errors: string[] = [];
    const offsite: string[] = [];
    page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
    page.on("pageerror", (e) => void errors.push(e.message));
    const origin = new URL(server.url).origin;
    page.on("request", (r) => {
      const u = r.url();
      if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")) offsite.push(u);
    });

    await page.goto(`${server.url}?t=60`);
    // Poll on a timer, not on animation frames: software WebGL draws a frame in about a second when the
    // machine is busy. For the same reason the checks below read the page in a few evaluations and
    // click through the DOM, rather than with Playwright's actions (each waits for several frames).
    await page.waitForFunction(
      "window.raijinViewer && (window.raijinViewer.ready || window.raijinViewer.error)",
      null,
      { polling: 200 },
    );
    const state = (await page.evaluate(`({
      ...window.raijinViewer,
      timeS: window.raijinViewer.timeS(),
      summaryIds: [...document.querySelectorAll("table.summary tbody tr b")].map((b) => b.textContent),
      chartLines: document.querySelectorAll("svg.chart polyline.series").length,
      eventRows: document.querySelectorAll("li.event").length,
    })`)) as {
      ready: boolean;
      error: string | null;
      entityCount: number;
      summaryShape: string;
      threatIds: string[];
      eventCount: number;
      timeS: number;
      summaryIds: string[];
      chartLines: number;
      eventRows: number;
    };
    const packets = JSON.parse(readFileSync(join(runDir, "scene.czml"), "utf8")) as { id: string }[];
    const summary = JSON.parse(readFileSync(join(runDir, "summary.json"), "utf8")) as {
      threats: { id: string }[];
    };
    const events = readFileSync(join(runDir, "events.jsonl"), "utf8").trim().split("\n");
    expect(state.error).toBeNull();
    expect(state.ready).toBe(true);
    // Every packet but the document one becomes an entity.
    expect(state.entityCount).toBe(packets.length - 1);
    expect(state.summaryShape).toBe("run");
    expect(state.threatIds).toEqual(["srbm-1", "hgv-1"]);
    expect(state.eventCount).toBe(events.length);
    expect(state.eventRows).toBe(events.length);
    expect(state.timeS).toBeCloseTo(60, 6);
    // The summary table lists the threats; the chart draws one line per threat.
    expect(state.summaryIds).toEqual(summary.threats.map((t) => t.id));
    expect(state.chartLines).toBe(2);

    // Clicking an event moves the clock to its time; a legend box hides a layer.
    const impactS = (JSON.parse(events.find((e) => e.includes('"impact"')) ?? "{}") as { timeS: number })
      .timeS;
    const clicked = (await page.evaluate(`(() => {
      document.querySelector('li.event[data-type="impact"]').click();
      const t = window.raijinViewer.timeS();
      const selected = window.raijinViewer.selected();
      const clock = document.querySelector(".cesium-animation-svgText")?.textContent ?? "";
      document.querySelector('input[data-layer="satellites"]').click();
      return { t, selected, clock };
    })()`)) as { t: number; selected: { id: string; drawn: boolean } | null; clock: string };
    expect(clicked.t).toBeCloseTo(impactS, 3);
    // Issue 9 item 15: clicking an impact selects an entity that is drawn then (its impact marker).
    expect(clicked.selected).toEqual({ id: "impact/srbm-1", drawn: true });
    // The clock speaks the panel's time base: seconds from the epoch.
    const clockText = (await page.evaluate(
      `[...document.querySelectorAll(".cesium-animation-svgText")].map((e) => e.textContent).join(" | ")`,
    )) as string;
    expect(clockText).toContain(`${impactS.toFixed(1)} s`);
    expect(clockText).not.toMatch(/UTC|2030/);
    // A picture of the end of the run, to look at (not compared).
    if (process.env.RAIJIN_SCREENSHOT !== undefined) {
      await page.evaluate(`window.raijinViewer.setTimeS(${impactS} + 5)`);
      await page.screenshot({ path: process.env.RAIJIN_SCREENSHOT });
    }

    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
    await page.close();
  });
});

describe("scene.czml covers the clock (issue 9 item 15)", () => {
  interface Packet {
    id: string;
    availability?: string;
    clock?: { interval: string };
    position?: { epoch?: string; cartesian?: number[] };
    label?: { text: unknown };
  }
  const scene = () => JSON.parse(readFileSync(join(runDir, "scene.czml"), "utf8")) as Packet[];
  const end = (interval: string) => Date.parse(interval.split("/")[1]);

  it("satellites and the ship radar are drawn until the clock stops", () => {
    const packets = scene();
    const stop = end(packets[0].clock!.interval);
    const moving = packets.filter((p) => p.id.startsWith("sensor/") && p.availability !== undefined);
    expect(moving.some((p) => p.id === "sensor/ship-radar")).toBe(true);
    expect(moving.filter((p) => p.id.startsWith("sensor/tracking-layer/")).length).toBe(6);
    for (const p of moving) expect([p.id, end(p.availability!) >= stop]).toEqual([p.id, true]);
  });

  it("each impact leaves a marker on the globe from its impact to the end of the clock", () => {
    const packets = scene();
    const stop = end(packets[0].clock!.interval);
    const events = readFileSync(join(runDir, "events.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string; timeS: number; threatId?: string })
      .filter((e) => e.type === "impact");
    expect(events.length).toBe(2);
    const epoch = Date.parse("2030-06-01T00:00:00Z");
    for (const e of events) {
      const marker = packets.find((p) => p.id === `impact/${e.threatId}`);
      expect(marker?.availability).toBeDefined();
      const [from, to] = marker!.availability!.split("/").map((d) => Date.parse(d));
      expect(Math.abs(from - (epoch + e.timeS * 1000))).toBeLessThanOrEqual(1); // ms: both rounded
      expect(to).toBe(stop);
    }
  });
});

describe("colours", () => {
  it("the viewer's legend matches the colours scene.czml was written with", () => {
    const packets = JSON.parse(readFileSync(join(runDir, "scene.czml"), "utf8")) as {
      id: string;
      point?: { color: { rgba: number[] } };
    }[];
    const colour = (id: string) => packets.find((p) => p.id === id)?.point?.color.rgba.slice(0, 3);
    expect(colour("threat/srbm-1")).toEqual([...KIND_COLOURS.ballistic]);
    expect(colour("threat/hgv-1")).toEqual([...KIND_COLOURS.hgv]);
    const track = packets.find((p) => p.id.startsWith("track/"));
    expect(track?.point?.color.rgba.slice(0, 3)).toEqual([...TRACK_COLOUR]);
  });
});
