// DecapSim explorer page: builds the controls from the API, runs, follows the run's event stream and draws the
// charts as inline SVG (hover values, drag to zoom). Hand-written, no libraries.
"use strict";

const $ = (id) => document.getElementById(id);
const SVGNS = "http://www.w3.org/2000/svg";
const COLORS = ["#b03a2e", "#2471a3", "#7d3c98", "#b9770e"];
const BASE = "#6c7a89";
const MAX_VARIANTS = 4;

const state = {
  version: null, levers: [], scenarios: [], scenario: null,
  variants: [],            // finished or running runs shown on the chart: {id, label, color, data, shown}
  current: null,           // the run being followed
  stream: null, zoom: null, colorNext: 0, problemPending: false,
};

// ---------- formatting ----------------------------------------------------------------------------------------------
function fmt(x, digits) {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  const a = Math.abs(x);
  const d = digits !== undefined ? digits : a >= 1000 ? 0 : a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  return x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: 0 });
}
function addDays(iso, days) { const d = new Date(iso + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + days); return d.toISOString().slice(0, 10); }
function weekDate(start, w) { return addDays(start, 7 * w); }
function el(tag, attrs, parent) {
  const e = document.createElementNS(SVGNS, tag);
  for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
  if (parent) parent.appendChild(e);
  return e;
}
function html(tag, text, parent, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (cls) e.className = cls;
  if (parent) parent.appendChild(e);
  return e;
}
function niceTicks(lo, hi, n) {
  if (!(hi > lo)) { hi = lo + 1; }
  const span = hi - lo, step0 = Math.pow(10, Math.floor(Math.log10(span / n)));
  const err = span / n / step0, step = step0 * (err >= 7.5 ? 10 : err >= 3.5 ? 5 : err >= 1.5 ? 2 : 1);
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) out.push(Math.round(v / step) * step);
  return out;
}

// ---------- tooltip ------------------------------------------------------------------------------------------------
function tip(text, ev) {
  const t = $("tip");
  if (!text) { t.hidden = true; return; }
  t.textContent = text; t.hidden = false;
  const x = Math.min(ev.clientX + 14, window.innerWidth - t.offsetWidth - 8);
  t.style.left = x + "px"; t.style.top = (ev.clientY + 14) + "px";
}

// ---------- band chart (violence, fragmentation) --------------------------------------------------------------------
// series: [{name, color, band: {p05,p25,p50,p75,p95}, dashed}]; marks: [{week, label}]
function bandChart(host, opts) {
  const W = opts.width || 900, H = opts.height || 340, M = { l: 58, r: 14, t: 12, b: 34 };
  host.innerHTML = "";
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": opts.title || "chart" }, host);
  const series = opts.series.filter((s) => s.band && s.band.p50 && s.band.p50.length > 0);
  const weeks = opts.weeks;
  const z = opts.zoom || [0, weeks - 1];
  const x0 = z[0], x1 = Math.max(z[0] + 1, z[1]);
  let ymax = 0;
  for (const s of series) for (let w = Math.max(0, Math.floor(x0)); w <= Math.min(s.band.p95.length - 1, Math.ceil(x1)); w++) ymax = Math.max(ymax, s.band.p95[w]);
  if (!(ymax > 0)) ymax = 1;
  ymax *= 1.05;
  const X = (w) => M.l + (w - x0) / (x1 - x0) * (W - M.l - M.r);
  const Y = (v) => H - M.b - v / ymax * (H - M.t - M.b);
  el("rect", { x: M.l, y: M.t, width: W - M.l - M.r, height: H - M.t - M.b, fill: "#fff", stroke: "#d5dbe0" }, svg);
  const clipId = "clip-" + Math.random().toString(36).slice(2);
  const clip = el("clipPath", { id: clipId }, el("defs", {}, svg));
  el("rect", { x: M.l, y: M.t, width: W - M.l - M.r, height: H - M.t - M.b }, clip);
  for (const v of niceTicks(0, ymax, 5)) {
    el("line", { x1: M.l, x2: W - M.r, y1: Y(v), y2: Y(v), stroke: "#eceff1" }, svg);
    el("text", { x: M.l - 6, y: Y(v) + 4, "text-anchor": "end", "font-size": 11, fill: "#5b6670" }, svg).textContent = fmt(v);
  }
  // x ticks: dates every ~ 1/6 of the span, snapped to quarters
  const span = x1 - x0, stepW = span > 400 ? 104 : span > 150 ? 52 : span > 60 ? 13 : span > 20 ? 4 : 1;
  for (let w = Math.ceil(x0 / stepW) * stepW; w <= x1; w += stepW) {
    el("line", { x1: X(w), x2: X(w), y1: H - M.b, y2: H - M.b + 4, stroke: "#5b6670" }, svg);
    el("text", { x: X(w), y: H - M.b + 16, "text-anchor": "middle", "font-size": 11, fill: "#5b6670" }, svg).textContent = weekDate(opts.start, w).slice(0, 7);
  }
  if (opts.yLabel) el("text", { x: 12, y: M.t + (H - M.t - M.b) / 2, transform: `rotate(-90 12 ${M.t + (H - M.t - M.b) / 2})`, "text-anchor": "middle", "font-size": 11, fill: "#5b6670" }, svg).textContent = opts.yLabel;
  const g = el("g", { "clip-path": `url(#${clipId})` }, svg);
  for (const m of opts.marks || []) {
    if (m.week < x0 || m.week > x1) continue;
    el("line", { x1: X(m.week), x2: X(m.week), y1: M.t, y2: H - M.b, stroke: "#999", "stroke-dasharray": "3 3" }, g);
    el("text", { x: X(m.week) + 4, y: M.t + 12, "font-size": 11, fill: "#555" }, g).textContent = m.label;
  }
  const area = (lo, hi) => {
    let d = "";
    for (let w = 0; w < lo.length; w++) d += (w ? "L" : "M") + X(w).toFixed(1) + "," + Y(hi[w]).toFixed(1);
    for (let w = lo.length - 1; w >= 0; w--) d += "L" + X(w).toFixed(1) + "," + Y(lo[w]).toFixed(1);
    return d + "Z";
  };
  const line = (v) => { let d = ""; for (let w = 0; w < v.length; w++) d += (w ? "L" : "M") + X(w).toFixed(1) + "," + Y(v[w]).toFixed(1); return d; };
  series.forEach((s, i) => {
    el("path", { d: area(s.band.p05, s.band.p95), fill: s.color, "fill-opacity": 0.10, stroke: "none", class: "band90" }, g);
    el("path", { d: area(s.band.p25, s.band.p75), fill: s.color, "fill-opacity": 0.20, stroke: "none", class: "band50" }, g);
  });
  series.forEach((s, i) => {
    el("path", { d: line(s.band.p50), fill: "none", stroke: s.color, "stroke-width": 2, "stroke-dasharray": s.dashed ? "6 4" : "", class: "median",
      "data-series": s.name, "data-current": s.current ? "1" : "0", "data-values": s.band.p50.join(",") }, g);
  });
  // hover: the values of every series at the week under the pointer; drag: zoom
  const cursor = el("line", { y1: M.t, y2: H - M.b, stroke: "#333", "stroke-width": 1, visibility: "hidden" }, svg);
  const sel = el("rect", { y: M.t, height: H - M.t - M.b, fill: "#2471a3", "fill-opacity": 0.12, visibility: "hidden" }, svg);
  const overlay = el("rect", { x: M.l, y: M.t, width: W - M.l - M.r, height: H - M.t - M.b, fill: "transparent", class: "overlay" }, svg);
  const toWeek = (ev) => {
    const r = svg.getBoundingClientRect();
    const px = (ev.clientX - r.left) / r.width * W;
    return Math.max(x0, Math.min(x1, x0 + (px - M.l) / (W - M.l - M.r) * (x1 - x0)));
  };
  let dragFrom = null;
  overlay.addEventListener("mousemove", (ev) => {
    const w = Math.round(toWeek(ev));
    cursor.setAttribute("x1", X(w)); cursor.setAttribute("x2", X(w)); cursor.setAttribute("visibility", "visible");
    if (dragFrom !== null) {
      const a = X(Math.min(dragFrom, w)), b = X(Math.max(dragFrom, w));
      sel.setAttribute("x", a); sel.setAttribute("width", Math.max(1, b - a)); sel.setAttribute("visibility", "visible");
    }
    const lines = [`week ${w} (${weekDate(opts.start, w)})`];
    for (const s of series) if (w < s.band.p50.length)
      lines.push(`${s.name}: ${fmt(s.band.p50[w])} (90%: ${fmt(s.band.p05[w])}–${fmt(s.band.p95[w])})`);
    tip(lines.join("\n"), ev);
  });
  overlay.addEventListener("mouseleave", () => { cursor.setAttribute("visibility", "hidden"); tip(null); });
  overlay.addEventListener("mousedown", (ev) => { dragFrom = Math.round(toWeek(ev)); ev.preventDefault(); });
  overlay.addEventListener("mouseup", (ev) => {
    if (dragFrom === null) return;
    const w = Math.round(toWeek(ev)), a = Math.min(dragFrom, w), b = Math.max(dragFrom, w);
    dragFrom = null; sel.setAttribute("visibility", "hidden");
    if (b - a >= 2 && opts.onZoom) opts.onZoom([a, b]);
  });
  svg.addEventListener("dblclick", () => { if (opts.onZoom) opts.onZoom(null); });
  return svg;
}

// ---------- tile map ---------------------------------------------------------------------------------------------
function tileMap(host, regions) {
  host.innerHTML = "";
  if (!regions || regions.length === 0) return;
  const cols = Math.max(...regions.map((r) => r.col)) + 1, rows = Math.max(...regions.map((r) => r.row)) + 1;
  const S = 46, W = cols * S + 20, H = rows * S + 40;
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "homicides by state" }, host);
  const vmax = Math.max(1, ...regions.map((r) => r.variant || 0), ...regions.map((r) => r.baseline || 0));
  const color = (v) => { const t = Math.min(1, (v || 0) / vmax); const c = (a, b) => Math.round(a + (b - a) * t); return `rgb(${c(253, 140)},${c(237, 21)},${c(222, 21)})`; };
  for (const r of regions) {
    const g = el("g", { class: "tile" }, svg);
    el("rect", { x: 10 + r.col * S, y: 10 + r.row * S, width: S - 3, height: S - 3, rx: 3, fill: color(r.variant), stroke: "#fff" }, g);
    el("text", { x: 10 + r.col * S + (S - 3) / 2, y: 10 + r.row * S + S / 2, "text-anchor": "middle", "font-size": 11, fill: (r.variant || 0) > vmax * 0.6 ? "#fff" : "#1d2731" }, g).textContent = r.code;
    const d = r.variant !== null && r.baseline !== null ? r.variant - r.baseline : null;
    const text = `${r.name} (pop. ${fmt(r.population, 0)})\nwith your levers: ${fmt(r.variant)} per 100,000 a year\nbaseline: ${fmt(r.baseline)}` + (d !== null ? `\ndifference: ${d >= 0 ? "+" : ""}${fmt(d)}` : "");
    g.addEventListener("mousemove", (ev) => tip(text, ev));
    g.addEventListener("mouseleave", () => tip(null));
  }
  for (let i = 0; i <= 4; i++) {
    el("rect", { x: 10 + i * 40, y: H - 22, width: 40, height: 10, fill: color(vmax * i / 4) }, svg);
    el("text", { x: 10 + i * 40, y: H - 4, "font-size": 10, fill: "#5b6670" }, svg).textContent = fmt(vmax * i / 4, 0);
  }
}

// ---------- lineage --------------------------------------------------------------------------------------------
function lineage(host, factions, weeks, start) {
  host.innerHTML = "";
  if (!factions || factions.length === 0) { html("p", "No group split in replicate 0.", host, "small"); return; }
  const byId = new Map(factions.map((f) => [f.id, f]));
  const kids = new Map();
  for (const f of factions) { const p = byId.has(f.parent) ? f.parent : -1; if (!kids.has(p)) kids.set(p, []); kids.get(p).push(f); }
  const order = [];
  const walk = (p, depth) => { for (const f of (kids.get(p) || []).sort((a, b) => a.founded - b.founded || b.peak - a.peak)) { order.push([f, depth]); walk(f.id, depth + 1); } };
  walk(-1, 0);
  const RH = 16, W = 900, L = 220, H = order.length * RH + 30;
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "lineage" }, host);
  const X = (w) => L + w / Math.max(1, weeks) * (W - L - 10);
  const peak = Math.max(...factions.map((f) => f.peak), 1);
  order.forEach(([f, depth], i) => {
    const y = 8 + i * RH, end = f.ended != null ? f.ended : weeks;
    const g = el("g", {}, svg);
    el("text", { x: 6 + depth * 12, y: y + 11, "font-size": 11, fill: "#1d2731" }, g).textContent = (depth ? "└ " : "") + f.name;
    el("rect", { x: X(Math.max(0, f.founded)), y: y + 2, width: Math.max(2, X(end) - X(Math.max(0, f.founded))), height: RH - 5, rx: 2,
      fill: depth ? "#b03a2e" : "#6c7a89", "fill-opacity": 0.25 + 0.75 * Math.sqrt(f.peak / peak) }, g);
    const parent = byId.get(f.parent);
    const text = `${f.name}\n${parent ? "split from " + parent.name + " on " + weekDate(start, f.founded) : "present at the start"}\npeak ${fmt(f.peak, 0)} members` +
      (f.ended != null ? `\nended ${weekDate(start, f.ended)} (${f.endReason || "ended"})` : "\nstill active at the end");
    g.addEventListener("mousemove", (ev) => tip(text, ev));
    g.addEventListener("mouseleave", () => tip(null));
  });
  for (const w of niceTicks(0, weeks, 6)) el("text", { x: X(w), y: H - 6, "font-size": 10, "text-anchor": "middle", fill: "#5b6670" }, svg).textContent = weekDate(start, w).slice(0, 7);
}

// ---------- controls -------------------------------------------------------------------------------------------
function leverRow(l) {
  const row = html("div", null, null, "lever");
  row.dataset.key = l.key;
  const name = html("div", null, row, "name");
  const lab = html("label", l.label, name);
  lab.title = `${l.summary}\nallowed: ${l.allowed}\nsource: ${l.source}`;
  const value = html("span", "", name, "value");
  const input = html("input", null, row);
  Object.assign(input, { type: "range", min: l.sliderMin, max: l.sliderMax, step: l.step, name: l.key });
  input.setAttribute("type", "range");
  input.setAttribute("aria-label", l.label);
  const note = html("div", "", row, "small");
  const show = () => {
    const v = Number(input.value), s = state.scenario ? state.scenario.levers[l.key] : l.default;
    value.textContent = `${fmt(v)} ${l.unit}`;
    row.classList.toggle("changed", row.dataset.touched === "1" && Math.abs(v - s) > 1e-12);
    note.textContent = `scenario: ${fmt(s)} ${l.unit}; range ${fmt(l.min ?? l.sliderMin)}–${l.max === null ? "∞" : fmt(l.max)}. Source: ${l.source}`;
  };
  input.addEventListener("input", () => { row.dataset.touched = "1"; show(); });
  row._show = show; row._input = input;
  return row;
}

// the levers the user moved (a slider snaps to its step, so an untouched one keeps the scenario's exact value)
function leverValues() {
  const out = {};
  for (const row of document.querySelectorAll("#levers .lever")) if (row._input && row.dataset.touched === "1") out[row.dataset.key] = Number(row._input.value);
  return out;
}

function selectScenario(name, keepValues) {
  const s = state.scenarios.find((x) => x.name === name) || state.scenarios[0];
  state.scenario = s;
  $("scenario").value = s.name;
  $("question").textContent = s.question;
  $("description").textContent = s.description;
  const ul = $("sources"); ul.innerHTML = "";
  for (const src of s.sources) html("li", src, ul);
  if (!keepValues) {
    for (const row of document.querySelectorAll("#levers .lever")) if (row._input) { row._input.value = s.levers[row.dataset.key]; delete row.dataset.touched; }
    $("from").value = s.policyDate;
    $("from-start").checked = false;
    const mode = s.removal ? s.removal.mode : "none";
    for (const r of document.querySelectorAll("input[name=removal]")) r.checked = r.value === mode;
    $("removal-date").value = s.removal ? s.removal.date : s.policyDate;
    $("weeks").value = Math.min(s.weeks, Number($("weeks").max));
    $("seed").value = s.seed;
  }
  $("from").min = s.startDate; $("removal-date").min = s.startDate;
  $("removal-faction").textContent = s.removal ? `${s.removal.faction}${s.removal.heirUnavailable ? " (heir unavailable)" : ""}` : "CJNG (largest group)";
  for (const row of document.querySelectorAll("#levers .lever")) if (row._show) row._show();
  $("weeks-out").textContent = $("weeks").value; $("replicates-out").textContent = $("replicates").value;
}

function request() {
  const s = state.scenario, set = {};
  const v = leverValues();
  for (const k in v) if (Math.abs(v[k] - s.levers[k]) > 1e-12) set[k] = v[k];
  const body = { scenario: s.name, replicates: Number($("replicates").value), weeks: Number($("weeks").value), seed: Number($("seed").value) };
  if (Object.keys(set).length) { body.set = set; if (!$("from-start").checked && $("from").value) body.from = $("from").value; }
  const mode = (document.querySelector("input[name=removal]:checked") || {}).value || "none";
  const date = $("removal-date").value;
  const orig = s.removal;
  if (orig ? (mode !== orig.mode || (mode !== "none" && date !== orig.date)) : mode !== "none")
    body.removal = mode === "none" ? { mode } : { mode, date };
  return body;
}

function permalink(body) {
  const q = new URLSearchParams();
  q.set("scenario", body.scenario);
  for (const k in body.set || {}) q.append("set", `${k}=${body.set[k]}`);
  if (body.from) q.set("from", body.from);
  if (body.removal) q.set("removal", body.removal.mode + (body.removal.date ? "@" + body.removal.date : ""));
  q.set("replicates", body.replicates); q.set("weeks", body.weeks); q.set("seed", body.seed);
  if (state.version) q.set("model", state.version.version + (state.version.commit && state.version.commit !== "unknown" ? "+" + state.version.commit.slice(0, 12) : ""));
  return location.pathname + "?" + q.toString();
}

function applyPermalink() {
  const q = new URLSearchParams(location.search);
  if (!q.has("scenario")) return false;
  selectScenario(q.get("scenario"), false);
  for (const kv of q.getAll("set")) {
    const i = kv.indexOf("="), key = kv.slice(0, i), val = kv.slice(i + 1);
    const row = document.querySelector(`#levers .lever[data-key="${key}"]`);
    if (row && row._input) { row._input.value = val; row.dataset.touched = "1"; }
  }
  if (q.has("from")) { $("from").value = q.get("from"); $("from-start").checked = false; }
  else if (q.getAll("set").length) $("from-start").checked = true;
  if (q.has("removal")) {
    const [mode, date] = q.get("removal").split("@");
    for (const r of document.querySelectorAll("input[name=removal]")) r.checked = r.value === mode;
    if (date) $("removal-date").value = date;
  }
  for (const k of ["replicates", "weeks", "seed"]) if (q.has(k)) $(k).value = q.get(k);
  selectScenario(state.scenario.name, true);
  const model = q.get("model");
  if (model && state.version) {
    const here = state.version.version + (state.version.commit && state.version.commit !== "unknown" ? "+" + state.version.commit.slice(0, 12) : "");
    if (model !== here) showProblem(`This link was made with model ${model}; this server runs ${here}. The numbers can differ.`);
  }
  return true;
}

// ---------- running --------------------------------------------------------------------------------------------
function showProblem(text) { const p = $("problem"); p.textContent = text; p.hidden = !text; }

async function run() {
  showProblem("");
  $("status").dataset.status = "posting"; $("status").textContent = "Sending…";
  const body = request();
  history.replaceState(null, "", permalink(body));
  $("permalink").href = permalink(body);
  let res;
  try {
    res = await fetch("/api/runs", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  } catch (e) { showProblem("The server did not answer: " + e); return; }
  const j = await res.json();
  if (res.status === 400 || res.status === 429) {
    $("status").dataset.status = "refused"; $("status").textContent = res.status === 429 ? "The server is busy" : "The server refused these settings";
    showProblem(res.status === 429 ? j.detail : (j.errors || []).map((e) => `${e.field}: ${e.message}` + (e.value ? ` (value: ${e.value}` : "") + (e.allowed ? `; allowed: ${e.allowed})` : e.value ? ")" : "")).join("\n"));
    return;
  }
  follow(j.id, describe(body));
}

function describe(body) {
  const parts = [];
  for (const k in body.set || {}) { const l = state.levers.find((x) => x.key === k); parts.push(`${l ? l.label : k} ${fmt(body.set[k])}`); }
  if (parts.length && body.from) parts.push(`from ${body.from}`);
  if (body.removal) parts.push(`removal: ${body.removal.mode}${body.removal.date && body.removal.mode !== "none" ? " " + body.removal.date : ""}`);
  return parts.length ? parts.join(", ") : `${body.scenario} as bundled`;
}

function follow(id, label) {
  if (state.stream) state.stream.close();
  let v = state.variants.find((x) => x.id === id);
  if (!v) {
    const used = new Set(state.variants.map((x) => x.color));
    const color = COLORS.find((c) => !used.has(c)) || COLORS[state.colorNext++ % COLORS.length];
    v = { id, label, color, data: null, shown: true };
    state.variants.push(v);
    while (state.variants.length > MAX_VARIANTS) state.variants.shift();
  }
  state.current = v;
  state.zoom = null;
  $("status").dataset.status = "queued"; $("status").textContent = "Queued…";
  document.querySelector("#keynumbers tbody").innerHTML = "";
  $("run").disabled = true; $("cancel").disabled = false;
  const es = new EventSource(`/api/runs/${id}/events`);
  state.stream = es;
  es.addEventListener("status", (ev) => { v.data = JSON.parse(ev.data); render(); });
  es.addEventListener("end", () => { es.close(); finished(); });
  es.onerror = async () => {
    es.close();
    const r = await fetch(`/api/runs/${id}`);
    if (r.ok) { v.data = await r.json(); render(); }
    finished();
  };
}

function finished() {
  $("run").disabled = false; $("cancel").disabled = true;
  state.stream = null;
}

function render() {
  const v = state.current, d = v && v.data;
  if (!d) return;
  const st = $("status");
  st.dataset.status = d.status;
  const reps = `${d.replicatesDone}/${d.replicates} replicates` + (d.isBaseline ? "" : `, baseline ${d.baselineReplicatesDone}/${d.replicates}`);
  st.textContent = { queued: "Queued…", running: `Running: ${reps}`, done: `Done: ${reps}`, failed: "Failed: " + (d.error || ""), cancelled: "Cancelled: " + (d.error || "") }[d.status] || d.status;
  $("progress").style.width = (100 * (d.status === "done" ? 1 : d.progress)) + "%";
  $("timing").textContent = (d.status === "done" ? `took ${fmt(d.elapsedSeconds, 1)} s` : `${fmt(d.elapsedSeconds, 1)} s so far`) +
    (d.reused && d.reused.length ? "; reused: " + d.reused.join("; ") : "; nothing reused (first run of these seeds)");
  $("command").textContent = d.command;
  drawViolence();
  drawFragmentation();
  if (d.status === "done") {
    keyNumbers(d);
    tileMap($("map"), d.map);
    lineage($("lineage"), d.lineage, d.weeks, d.startDate);
    events(d.events || []);
    downloads(d);
  }
  variantsList();
}

function chartSeries(metric) {
  const out = [];
  const cur = state.current && state.current.data;
  if (cur && cur.series && !cur.isBaseline) out.push({ name: "baseline (same seeds)", color: BASE, band: cur.series[metric].baseline, dashed: true });
  for (const v of state.variants) if (v.shown && v.data && v.data.series && (v === state.current || sameFrame(v.data, cur)))
    out.push({ name: v.label, color: v.color, band: v.data.series[metric].variant, current: v === state.current });
  return out;
}

function sameFrame(a, b) { return a && b && a.scenario === b.scenario && a.weeks === b.weeks && a.seed === b.seed && a.replicates === b.replicates; }

function drawViolence() {
  const d = state.current.data;
  const series = chartSeries("homicides");
  $("legend").innerHTML = "";
  for (const s of series) { const sp = html("span", s.name, $("legend")); sp.style.setProperty("--c", s.color); }
  bandChart($("chart-violence"), {
    series, weeks: d.weeks, start: d.startDate, zoom: state.zoom, yLabel: "homicides per week", title: "weekly homicides",
    marks: marks(d.timeline || []),
    onZoom: (z) => { state.zoom = z; drawViolence(); drawFragmentation(); },
  });
}

// one mark per week: the first label and how many more events share the week
function marks(timeline) {
  const by = new Map();
  for (const e of timeline) { if (!by.has(e.week)) by.set(e.week, []); by.get(e.week).push(e.label); }
  return [...by].map(([week, labels]) => ({ week, label: labels[0] + (labels.length > 1 ? ` (+${labels.length - 1} more)` : "") }));
}

function drawFragmentation() {
  const d = state.current.data;
  bandChart($("chart-fragmentation"), { series: chartSeries("effectiveFactions"), weeks: d.weeks, start: d.startDate, zoom: state.zoom, width: 560, height: 360,
    yLabel: "effective groups", title: "fragmentation", onZoom: (z) => { state.zoom = z; drawViolence(); drawFragmentation(); } });
}

function keyNumbers(d) {
  const tb = document.querySelector("#keynumbers tbody");
  tb.innerHTML = "";
  $("keynote").textContent = `Median over ${d.summary.replicates} replicates, and the range of 90% of replicates (${d.summary.spreadNote}); the difference is paired replicate by replicate (same seeds) with the 95% confidence interval of the mean difference.` +
    (d.isBaseline ? " This run is the scenario as bundled, so it is its own baseline: move a lever to see a difference." : "");
  for (const k of d.summary.keyNumbers) {
    const tr = html("tr", null, tb);
    html("td", k.name, tr);
    const sp = (s) => `${fmt(s.median)} (${fmt(s.low)}–${fmt(s.high)})`;
    html("td", sp(k.variant), tr, "num variant");
    html("td", sp(k.baseline), tr, "num baseline");
    const df = k.difference;
    html("td", df ? `${df.mean >= 0 ? "+" : ""}${fmt(df.mean)}` + (df.low !== null ? ` [${fmt(df.low)}, ${fmt(df.high)}]` : " (one replicate: no interval)") : "–", tr, "num");
    html("td", df ? `${fmt(100 * df.shareLower, 0)}%` : "–", tr, "num");
  }
}

function events(list) {
  const tb = document.querySelector("#events tbody");
  tb.innerHTML = "";
  for (const e of list) {
    const tr = html("tr", null, tb);
    for (const t of [e.date, e.type, e.faction, e.region, e.detail]) html("td", t, tr);
  }
  if (list.length === 0) html("td", "no events", html("tr", null, tb));
}

function downloads(d) {
  const ul = $("downloads");
  ul.innerHTML = "";
  const want = (f) => !f.startsWith("charts/") || f.endsWith(".png") || (f.endsWith(".svg") && !d.files.includes(f.replace(/\.svg$/, ".png")));
  for (const f of d.files.filter(want)) {
    const li = html("li", null, ul);
    const a = html("a", f, li);
    a.href = `/api/runs/${d.id}/${f}`;
    if (!f.endsWith(".html")) a.setAttribute("download", f.split("/").pop());
  }
}

function variantsList() {
  const box = $("variants");
  box.innerHTML = "";
  if (state.variants.length < 2) { box.textContent = "Run again with other levers to add up to four variants to this chart (same scenario, seed, replicates and horizon)."; return; }
  for (const v of state.variants) {
    const lab = html("label", null, box);
    const cb = html("input", null, lab);
    cb.type = "checkbox"; cb.checked = v.shown;
    cb.addEventListener("change", () => { v.shown = cb.checked; drawViolence(); drawFragmentation(); });
    const sw = html("span", " " + v.label + (v.data && !sameFrame(v.data, state.current.data) ? " (other frame: hidden)" : ""), lab);
    sw.style.color = v.color;
  }
}

// ---------- start ------------------------------------------------------------------------------------------------
async function start() {
  const [ver, levers, scenarios] = await Promise.all(["/api/version", "/api/parameters", "/api/scenarios"].map((u) => fetch(u).then((r) => r.json())));
  state.version = ver; state.levers = levers; state.scenarios = scenarios;
  $("version").textContent = `model ${ver.version}${ver.commit && ver.commit !== "unknown" ? " (" + ver.commit.slice(0, 12) + ")" : ""}; limits: ${ver.limits.maxReplicates} replicates, ${ver.limits.maxWeeks} weeks`;
  $("replicates").max = ver.limits.maxReplicates; $("weeks").max = ver.limits.maxWeeks;
  const box = $("levers");
  box.innerHTML = "";
  for (const l of levers) box.appendChild(leverRow(l));
  const sel = $("scenario");
  for (const s of scenarios) { const o = html("option", `${s.name}: ${s.question}`, sel); o.value = s.name; }
  // picking a scenario runs it as bundled at once (NetLogo's setup-and-go): the student sees it move while reading,
  // and the first lever change is then a variant that continues from this run's replicates and reuses it as its
  // paired baseline (a few seconds instead of a first run's set-up, warm-up and baseline)
  sel.addEventListener("change", () => { selectScenario(sel.value, false); run(); });
  $("replicates").addEventListener("input", () => ($("replicates-out").textContent = $("replicates").value));
  $("weeks").addEventListener("input", () => ($("weeks-out").textContent = $("weeks").value));
  $("controls").addEventListener("submit", (ev) => { ev.preventDefault(); run(); });
  $("cancel").addEventListener("click", () => { if (state.current) fetch(`/api/runs/${state.current.id}`, { method: "DELETE" }); });
  $("reset").addEventListener("click", () => selectScenario(state.scenario.name, false));
  $("copy").addEventListener("click", () => navigator.clipboard && navigator.clipboard.writeText(new URL($("permalink").getAttribute("href"), location.href).href));
  const linked = applyPermalink();
  if (!linked) selectScenario(scenarios.some((s) => s.name === "el-mencho-2026") ? "el-mencho-2026" : scenarios[0].name, false);
  $("permalink").href = permalink(request());
  document.body.dataset.ready = "1";
  run(); // a permalink's settings, or the scenario as bundled
}

start().catch((e) => showProblem("Could not load the page's data: " + e));
