/* The public screen: counts only. */
"use strict";
function renderPublic(d) {
  if (!d || d.inside_now === undefined) return;
  setText("inside-now", fmt(d.inside_now));
  setText("event-name", d.event || "");
  renderHalls(document.getElementById("halls"), d.halls);
}
renderPublic(initial());
watch("/public/events", renderPublic);
