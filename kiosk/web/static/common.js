/* kiosk web: shared helpers. No network use except this app's own event stream. */
"use strict";
const W = JSON.parse(document.getElementById("words").textContent);
const RTL = document.documentElement.dir === "rtl";

function fmt(n) { return n === null || n === undefined ? "–" : Number(n).toLocaleString("en-US"); }

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function setText(id, value) { const e = document.getElementById(id); if (e) e.textContent = value; }

function setStatus(ok) {
  const s = document.getElementById("status");
  if (!s) return;
  s.textContent = ok ? W.live : W.offline;
  s.classList.toggle("live", ok);
}

function ago(iso, now) {
  if (!iso) return W.never;
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 120) return W.ago_s.replace("{n}", s);
  if (s < 7200) return W.ago_m.replace("{n}", Math.round(s / 60));
  return W.ago_h.replace("{n}", Math.round(s / 3600));
}

function renderHalls(container, halls) {
  container.replaceChildren();
  for (const h of halls || []) {
    const box = el("div", "hall " + (h.level || "none"));
    box.dataset.hall = h.hall;
    box.dataset.level = h.level;
    const head = el("div", "name", h.hall);
    if (h.level === "alarm" || h.level === "warning") {
      head.append(" ", el("span", "flag", h.level === "alarm" ? W.full : W.nearly_full));
    }
    box.append(head);
    const fig = el("div", "figure num");
    const figText = el("bdi", "", h.capacity ? `${fmt(h.inside)} / ${fmt(h.capacity)}` : fmt(h.inside));
    figText.dir = "ltr";  // "5 / 4,000" stays in that order on the Urdu page
    fig.append(figText);
    fig.dataset.inside = h.inside;
    box.append(fig);
    if (h.capacity) {
      const meter = el("div", "meter"), bar = el("span");
      bar.style.width = Math.min(100, h.percent || 0) + "%";
      meter.append(bar);
      const share = el("div", "sub num"), pct = el("bdi", "", `${h.percent}%`);
      pct.dir = "ltr";
      share.append(pct, " ", W.capacity);
      box.append(meter, share);
    } else {
      box.append(el("div", "sub", W.no_capacity));
    }
    container.append(box);
  }
}

function watch(url, onData) {
  let source = null;
  function open() {
    source = new EventSource(url);
    source.onmessage = (e) => { setStatus(true); onData(JSON.parse(e.data)); };
    source.onerror = () => { setStatus(false); };
    source.addEventListener("logout", () => { source.close(); location.href = "/login" + location.search; });
  }
  open();
}

function initial() {
  try { return JSON.parse(document.getElementById("initial").textContent); } catch (e) { return null; }
}
