/* The staff dashboard: figures, charts (Chart.js, served by this app) and live updates. */
"use strict";
let arrivalsChart = null, hourChart = null, last = null;

function chartDefaults() {
  const family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.family = family;
  Chart.defaults.color = "#9fb0c8";
  Chart.defaults.borderColor = "#2a3d5c";
  Chart.defaults.animation = false;
}

function barChart(canvas, datasets) {
  return new Chart(canvas, {
    type: "bar",
    data: { labels: [], datasets },
    options: {
      responsive: true, maintainAspectRatio: false,
      scales: { x: { reverse: RTL, ticks: { autoSkip: true, maxRotation: 0 } },
                y: { beginAtZero: true, position: RTL ? "right" : "left", ticks: { precision: 0 } } },
      plugins: { legend: { rtl: RTL, display: datasets.length > 1 },
                 tooltip: { rtl: RTL } },
    },
  });
}

function renderBars(id, counts) {
  const list = document.getElementById(id);
  list.replaceChildren();
  const entries = Object.entries(counts || {});
  if (!entries.length) { list.append(el("li", "empty", W.nothing_yet)); return; }
  const top = Math.max(...entries.map(([, n]) => n));
  entries.sort((a, b) => b[1] - a[1]);
  for (const [k, n] of entries) {
    const li = el("li");
    li.dataset.key = k;
    const bar = el("span", "b");
    bar.style.width = (top ? 100 * n / top : 0) + "%";
    const wrap = el("span"); wrap.append(bar);
    li.append(el("span", "k", k || "–"), wrap, el("span", "num", fmt(n)));
    list.append(li);
  }
}

function localTime(iso, tz) {
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: tz, hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .format(new Date(iso));
  } catch (e) { return iso; }
}

function healthWords(code, what) {
  /* a health code (kiosk.services.health) in words: "ok", "none", or a comma list */
  if (code === "none") return W[`h_${what}_none`];
  return code.split(",").map((c) => {
    if (c.startsWith("waiting:")) return W.h_waiting.replace("{n}", fmt(Number(c.slice(8))));
    return W[`h_${c}`] || c;
  }).join(W.list_sep);
}

function healthCell(k, what, now) {
  const code = k[what];
  if (code === null || code === undefined) return el("td", "", W.unknown);
  const td = el("td", "health", healthWords(code, what));
  td.dataset.code = code;
  const bad = code.split(",").some((c) => !["ok", "none", "media-low"].includes(c) && !c.startsWith("waiting:"));
  if (bad) td.classList.add("alarm");
  else if (code !== "ok" && code !== "none") td.classList.add("warn");
  if (k.health_at) {
    td.title = W.reported.replace("{t}", ago(k.health_at, now));
    /* the kiosk reports every 30 s while it runs: older than 2 min, it may be off */
    if (now - Date.parse(k.health_at) > 2 * 60 * 1000) td.classList.add("stale");
  }
  return td;
}

function renderKiosks(kiosks) {
  const body = document.querySelector("#kiosks tbody");
  body.replaceChildren();
  const now = Date.now();
  for (const k of kiosks || []) {
    const tr = el("tr");
    tr.dataset.kiosk = k.kiosk_id;
    const known = (v) => (v === null || v === undefined ? W.unknown : v);
    const push = el("td", "num", k.last_push_at ? ago(k.last_push_at, now) : (k.exported_at ? ago(k.exported_at, now) : W.unknown));
    if (k.last_push_at && now - Date.parse(k.last_push_at) > 5 * 60 * 1000) push.classList.add("stale");
    tr.append(el("td", "", k.kiosk_id), el("td", "", k.gate || "–"), el("td", "num", fmt(k.scans)), push,
              el("td", "num", k.last_scan_at ? ago(k.last_scan_at, now) : W.never),
              el("td", "num", k.pending === null || k.pending === undefined ? W.unknown : fmt(k.pending)),
              healthCell(k, "camera", now), healthCell(k, "printer", now));
    body.append(tr);
  }
}

function renderRecent(recent, tz) {
  const body = document.querySelector("#recent tbody");
  body.replaceChildren();
  for (const r of recent || []) {
    const tr = el("tr");
    const cls = ["accepted", "reentry", "duplicate", "exited"].includes(r.outcome) ? r.outcome : "refused";
    tr.append(el("td", "num", localTime(r.at_utc, tz)), el("td", "outcome-" + cls, r.outcome),
              el("td", "", r.name || r.attendee_id || "–"), el("td", "", r.category || "–"),
              el("td", "", r.kiosk_id), el("td", "", r.gate || "–"));
    body.append(tr);
  }
}

function quarterRange(keys) {
  /* every quarter hour from the first to the last one with arrivals, so quiet spells show */
  const minutes = keys.map((k) => Number(k.slice(0, 2)) * 60 + Number(k.slice(3, 5)));
  if (!minutes.length) return [];
  const out = [];
  for (let m = Math.min(...minutes); m <= Math.max(...minutes); m += 15) {
    out.push(`${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`);
  }
  return out;
}

function render(d) {
  if (!d || !d.headcount) return;
  last = d;
  const h = d.headcount;
  setText("checked-in", fmt(h.unique_checked_in));
  setText("inside-now", fmt(h.inside_now));
  setText("accepted", fmt(h.accepted_scans));
  setText("refused", fmt(h.refused_scans));
  setText("duplicates", fmt(d.duplicates));
  setText("exits", fmt(h.exit_scans));
  setText("event-name", d.event || "");
  setText("updated", `${W.updated} ${localTime(h.at, d.timezone)}`);
  const problem = document.getElementById("problem");
  problem.hidden = !d.problem;
  problem.textContent = d.problem ? `${W.problem}: ${d.problem}` : "";
  renderHalls(document.getElementById("halls"), d.halls);
  renderBars("by-gate", h.by_gate);
  renderBars("by-kiosk", h.by_kiosk);
  renderBars("by-category", h.by_category);
  renderKiosks(d.kiosk_health);
  renderRecent(d.recent, d.timezone);
  const quarters = quarterRange([...Object.keys(d.arrivals_today || {}), ...Object.keys(d.arrivals_yesterday || {})]);
  arrivalsChart.data.labels = quarters;
  arrivalsChart.data.datasets[0].data = quarters.map((q) => (d.arrivals_today || {})[q] || 0);
  arrivalsChart.data.datasets[1].data = quarters.map((q) => (d.arrivals_yesterday || {})[q] || 0);
  arrivalsChart.update("none");
  const hours = Object.keys(h.by_hour || {}).sort();
  hourChart.data.labels = hours;
  hourChart.data.datasets[0].data = hours.map((k) => h.by_hour[k]);
  hourChart.update("none");
  document.body.dataset.version = String((Number(document.body.dataset.version) || 0) + 1);
}

chartDefaults();
arrivalsChart = barChart(document.getElementById("arrivals-chart"), [
  { label: W.today, data: [], backgroundColor: "#4aa3ff", maxBarThickness: 28 },
  { label: W.yesterday, data: [], backgroundColor: "#6b7d99", maxBarThickness: 28 },
]);
hourChart = barChart(document.getElementById("hour-chart"), [{ label: W.checked_in, data: [], backgroundColor: "#2fb36d", maxBarThickness: 40 }]);
render(initial());
watch("/events", render);
document.fonts.ready.then(() => { chartDefaults(); if (last) render(last); });
