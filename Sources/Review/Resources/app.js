// The review page: plain JavaScript over the JSON API (see /api/openapi.json). No external resources.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const state = { session: null, coder: localStorage.getItem("rapport.coder") || "", blind: localStorage.getItem("rapport.blind") === "1",
    encounters: [], current: null, view: null, selected: null, selection: null, codes: new Map() };

  function say(text) { $("status").textContent = text; }

  async function api(method, url, body) {
    const headers = { "Accept": "application/json" };
    if (method !== "GET") { headers["X-CSRF-Token"] = state.session ? state.session.csrf : ""; headers["Content-Type"] = "application/json"; }
    const response = await fetch(url, { method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body) });
    const data = await response.json().catch(() => ({ error: response.statusText }));
    if (!response.ok) { throw new Error(data.error || response.statusText); }
    return data;
  }
  const q = encodeURIComponent;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v; else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v); else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }
  const cp = (s) => Array.from(s);   // code points: API offsets count Unicode code points
  function colour(code) { const c = state.codes.get(code); return c ? c.colour : "#888888"; }
  function codeName(code) { const c = state.codes.get(code); return c ? (c.parent ? "  " : "") + c.name + " (" + code + ")" : code; }

  function fillCodeSelect(select) {
    select.textContent = "";
    for (const c of state.session.codebook.codes) select.append(el("option", { value: c.id, text: (c.parent ? "— " : "") + c.name + " (" + c.id + ")" }));
  }

  async function start() {
    try { state.session = await api("GET", "/api/session"); } catch (e) { say("Cannot reach the project: " + e.message); return; }
    $("project").textContent = state.session.project + " · " + state.session.codebook.name;
    for (const c of state.session.codebook.codes) state.codes.set(c.id, c);
    fillCodeSelect($("change-code")); fillCodeSelect($("hand-code"));
    for (const c of state.session.codebook.codes) $("filter-code").append(el("option", { value: c.id, text: (c.parent ? "— " : "") + c.id }));
    $("coder").value = state.coder;
    if (state.session.blind) { state.blind = true; $("blind").disabled = true; }
    $("blind").checked = state.blind;
    updateExportLink();
    await refreshCoders();
    if (state.coder) await loadEncounters(); else { say("Enter your name as coder to begin."); $("coder").focus(); }
  }

  async function refreshCoders() {
    const coders = await api("GET", "/api/coders");
    for (const id of ["filter-coder", "coder-a", "coder-b"]) {
      const s = $(id), keep = s.value; s.textContent = "";
      if (id === "filter-coder") s.append(el("option", { value: "", text: "all" }));
      for (const c of coders) s.append(el("option", { value: c.name, text: c.name + (c.kind === "person" ? "" : " (" + c.kind + ")") }));
      s.value = keep;
    }
    if (!$("coder-a").value && state.coder) $("coder-a").value = state.coder;
    if (!$("coder-b").value) $("coder-b").value = state.session.machine;
  }

  async function loadEncounters() {
    state.encounters = await api("GET", "/api/encounters?coder=" + q(state.coder));
    const list = $("encounter-list"); list.textContent = "";
    state.encounters.forEach((e, i) => {
      const share = e.suggestions ? Math.round(100 * e.decided / e.suggestions) : (e.done ? 100 : 0);
      const bar = el("span", { class: "progress", "aria-hidden": "true" }, el("span"));
      bar.firstChild.style.width = share + "%";
      const b = el("button", { type: "button", "data-index": i, "aria-current": state.current && state.current.source === e.source && state.current.encounter === e.encounter ? "true" : "false",
        onclick: () => openEncounter(i) },
        el("strong", { text: e.name }), " ", el("span", { class: "muted", text: [e.kind, e.date].filter(Boolean).join(", ") }),
        el("br"), el("span", { class: "muted", text: e.decided + "/" + e.suggestions + " decided · " + e.codings + " mine" + (e.done ? " · done ✓" : "") }), bar);
      b.setAttribute("aria-label", e.name + ": " + e.decided + " of " + e.suggestions + " suggestions decided" + (e.done ? ", done" : ""));
      list.append(el("li", {}, b));
    });
    say(state.encounters.length + " encounters. Coding as " + state.coder + (state.blind ? " (blind)" : "") + ".");
  }

  async function openEncounter(i, keepSelection) {
    const e = state.encounters[i];
    state.current = { index: i, source: e.source, encounter: e.encounter };
    state.view = await api("GET", "/api/sources/" + e.source + "/encounters/" + e.encounter + "?coder=" + q(state.coder) + (state.blind ? "&blind=true" : ""));
    for (const b of document.querySelectorAll("#encounter-list button")) b.setAttribute("aria-current", String(Number(b.dataset.index) === i));
    if (!keepSelection) state.selected = null;
    render();
  }

  function statusOf(c) { return c.coder === state.coder ? "own" : (c.status || "pending"); }
  // A machine suggestion from an older codebook version: it vanished in a re-coding but was kept because someone decided on it.
  function older(c) { return c.codebook !== undefined && state.session.codebook.version !== undefined && c.codebook !== state.session.codebook.version; }
  function visibleCodings() {
    const code = $("filter-code").value, coder = $("filter-coder").value, status = $("filter-status").value;
    return state.view.codings.filter((c) => (!code || c.code === code || c.code.startsWith(code + ".")) && (!coder || c.coder === coder) && (!status || statusOf(c) === status));
  }

  function render() {
    const v = state.view;
    $("transcript-title").textContent = v.name + " — " + v.path + (v.date ? " (" + v.date + ")" : "");
    $("done").textContent = v.done ? "Mark not done" : "Mark done";
    const note = $("hidden-note");
    note.hidden = !v.hidden; note.textContent = v.hidden ? v.hidden + " codings of other coders are hidden until you mark this encounter done (blind mode)." : "";
    const codings = visibleCodings();
    const text = $("text"); text.textContent = "";
    for (const s of v.segments) {
      const mine = codings.filter((c) => c.segment === s.index && c.end > s.start && c.start < s.end);
      const body = el("span", { class: "body", "data-segment": s.index });
      const chars = cp(s.text);
      const cuts = new Set([0, chars.length]);
      for (const c of mine) { cuts.add(Math.max(0, c.start - s.start)); cuts.add(Math.min(chars.length, c.end - s.start)); }
      const points = [...cuts].sort((a, b) => a - b);
      for (let k = 0; k + 1 < points.length; k++) {
        const a = points[k], b = points[k + 1], piece = chars.slice(a, b).join("");
        const covering = mine.filter((c) => c.start - s.start <= a && c.end - s.start >= b);
        if (!covering.length) { body.append(el("span", { "data-start": s.start + a, text: piece })); continue; }
        covering.sort((x, y) => rank(x) - rank(y));
        const top = covering[0], st = statusOf(top);
        const mark = el("mark", { class: "hl" + (st === "own" || st === "accept" || st === "change" ? " own" : "") + (st === "reject" ? " rejected" : "") + (state.selected === top.id ? " selected" : ""),
          "data-start": s.start + a, "data-ids": covering.map((c) => c.id).join(","), title: covering.map((c) => c.code + " · " + c.coder + " · " + statusOf(c)).join("\n"), text: piece });
        mark.style.setProperty("--c", colour(top.code));
        mark.addEventListener("click", () => { const ids = covering.map((c) => c.id); const at = ids.indexOf(state.selected); select(ids[(at + 1) % ids.length]); });
        body.append(mark);
      }
      const chips = el("div", { class: "chips" });
      for (const c of mine) {
        const st = statusOf(c);
        const chip = el("button", { type: "button", class: "chip " + st + (older(c) ? " older" : ""), "data-id": c.id, "aria-pressed": String(state.selected === c.id),
          text: c.code + " · " + c.coder + (st === "own" ? "" : " · " + st) + (older(c) ? " · older codebook v" + c.codebook : ""), onclick: () => select(c.id) });
        chip.style.setProperty("--c", colour(c.code));
        chips.append(chip);
      }
      const who = s.speaker ? el("span", { class: "who", text: s.speaker + (s.role ? " (" + s.role + ")" : "") + ":" }) : null;
      text.append(el("div", { class: "seg " + s.kind, id: "seg-" + s.index }, who, body, mine.length ? chips : null));
    }
    renderSelected(); renderMemos();
  }
  function rank(c) { return c.id === state.selected ? -1 : statusOf(c) === "own" ? 0 : statusOf(c) === "pending" ? 1 : 2; }

  function findCoding(id) { return state.view && state.view.codings.find((c) => c.id === id); }
  function select(id) { state.selected = id; render(); const chip = document.querySelector('.chip[data-id="' + id + '"]'); if (chip) chip.focus(); }

  function renderSelected() {
    const c = state.selected && findCoding(state.selected);
    $("selected-empty").hidden = !!c; $("selected-body").hidden = !c;
    if (!c) return;
    const code = $("sel-code"); code.textContent = c.code; code.style.setProperty("--c", colour(c.code));
    $("sel-coder").textContent = c.coder;
    $("sel-status").textContent = (statusOf(c) === "own" ? "yours (" + c.origin + ")" : statusOf(c)) +
      (older(c) ? " · from codebook version " + c.codebook + ", older than the current " + state.session.codebook.version + ": the new codebook no longer suggests it; kept because someone decided on it" : "");
    const seg = state.view.segments.find((s) => s.index === c.segment);
    $("sel-text").textContent = seg ? cp(seg.text).slice(c.start - seg.start, c.end - seg.start).join("") : "";
    const dl = $("sel-evidence"); dl.textContent = "";
    if (c.evidence) for (const k of ["matched", "cue", "rule", "negation", "actor"]) if (c.evidence[k]) dl.append(el("dt", { text: k }), el("dd", { text: c.evidence[k] }));
    const info = state.codes.get(c.code);
    $("sel-definition").textContent = info && info.definition ? info.definition : "";
    const own = c.coder === state.coder;
    for (const id of ["accept", "reject", "change", "change-code"]) $(id).disabled = own || !state.coder;
    $("remove").hidden = !own;
    $("change-code").value = c.code;
  }

  async function decide(action) {
    const c = state.selected && findCoding(state.selected);
    if (!c || c.coder === state.coder) return;
    const body = { suggestion: c.id, coder: state.coder, action };
    if (action === "change") body.code = $("change-code").value;
    try {
      await api("POST", "/api/decisions", body);
      say((action === "accept" ? "Accepted " : action === "reject" ? "Rejected " : "Changed ") + c.code + ".");
      await refreshAfterChange(c.id);
    } catch (e) { say("Not saved: " + e.message); }
  }

  async function refreshAfterChange(keep) {
    const i = state.current.index;
    await loadEncounters();
    await openEncounter(i, true);
    state.selected = keep; render();
  }

  function move(step) {
    const list = visibleCodings().filter((c) => c.coder !== state.coder);
    if (!list.length) return;
    const at = list.findIndex((c) => c.id === state.selected);
    const next = list[(at + step + list.length) % list.length];
    select(next.id);
    const mark = document.querySelector("mark.selected"); if (mark) mark.scrollIntoView({ block: "center" });
  }

  function selectionOffsets() {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
    const r = sel.getRangeAt(0);
    const point = (node, offset) => {
      if (node.nodeType !== 3) { const child = node.childNodes[offset]; if (child && child.nodeType === 1 && child.dataset.start) return Number(child.dataset.start); node = node.childNodes[Math.max(0, offset - 1)] || node; offset = node.textContent.length; if (node.nodeType !== 3) node = node.lastChild || node; }
      const host = node.parentElement && node.parentElement.closest("[data-start]");
      if (!host) return null;
      return Number(host.dataset.start) + cp(node.textContent.slice(0, offset)).length;
    };
    const a = point(r.startContainer, r.startOffset), b = point(r.endContainer, r.endOffset);
    const segA = r.startContainer.parentElement && r.startContainer.parentElement.closest(".body");
    const segB = r.endContainer.parentElement && r.endContainer.parentElement.closest(".body");
    if (a === null || b === null || !segA || segA !== segB || b <= a) return null;
    return { start: a, end: b, text: sel.toString() };
  }

  function onSelection() {
    const s = selectionOffsets();
    if (s) { state.selection = s; $("selection-text").textContent = "“" + s.text.slice(0, 200) + "”"; $("apply-code").disabled = !state.coder; }
  }

  async function handCode() {
    const s = state.selection; if (!s || !state.current) return;
    try {
      const made = await api("POST", "/api/codings", { source: state.current.source, encounter: state.current.encounter, coder: state.coder, code: $("hand-code").value, start: s.start, end: s.end });
      say("Coded “" + s.text.slice(0, 60) + "” as " + made.code + ".");
      state.selection = null; $("apply-code").disabled = true; $("selection-text").textContent = "Select text in one turn, then pick a code.";
      await refreshAfterChange(made.id);
    } catch (e) { say("Not saved: " + e.message); }
  }

  function renderMemos() {
    const list = $("memo-list"); list.textContent = "";
    for (const m of state.view.memos) {
      const where = m.target === "passage" ? "passage " + m.start + "–" + m.end : m.target === "code" ? "code " + m.code : "encounter";
      const li = el("li", {}, el("strong", { text: m.coder }), " on " + where + ": ", el("span", { text: m.text }));
      if (m.coder === state.coder) li.append(" ", el("button", { type: "button", text: "Delete", "aria-label": "Delete memo", onclick: async () => { await api("DELETE", "/api/memos/" + m.id + "?coder=" + q(state.coder)); await openEncounter(state.current.index, true); } }));
      list.append(li);
    }
  }

  async function saveMemo() {
    const text = $("memo-text").value.trim(); if (!text || !state.current) return;
    const body = { coder: state.coder, target: "encounter", source: state.current.source, encounter: state.current.encounter, text };
    if (state.selection) Object.assign(body, { target: "passage", start: state.selection.start, end: state.selection.end });
    try { await api("POST", "/api/memos", body); $("memo-text").value = ""; say("Memo saved."); await openEncounter(state.current.index, true); } catch (e) { say("Not saved: " + e.message); }
  }

  // In blind mode the server needs to know who asks: others' work shows only in encounters they marked done.
  function blindQuery() { return state.blind ? "&blind=true&coder=" + q(state.coder) : ""; }
  function updateExportLink() { $("export").href = "/api/export.qdpx" + (state.blind ? "?blind=true&coder=" + q(state.coder) : ""); }

  async function compare() {
    const a = $("coder-a").value, b = $("coder-b").value;
    if (!a || !b || a === b) { say("Choose two different coders."); return; }
    try { showComparison(await api("GET", "/api/compare?a=" + q(a) + "&b=" + q(b) + blindQuery())); } catch (e) { say(e.message); }
  }
  const fmt = (x) => (x === undefined || x === null ? "—" : x.toFixed(3));
  function showComparison(r) {
    const body = document.querySelector("#agreement tbody"); body.textContent = "";
    for (const c of r.codes) body.append(el("tr", {}, el("th", { scope: "row", text: c.code }), el("td", { text: String(c.units) }), el("td", { text: fmt(c.percentAgreement) }), el("td", { text: fmt(c.kappa) }), el("td", { text: fmt(c.alpha) }), el("td", { text: c.verdict })));
    const list = $("disagreements"); list.textContent = "";
    for (const d of r.disagreements) {
      const decide = (keep) => async () => { try { showComparison(await api("POST", "/api/adjudications" + blindQuery().replace("&", "?"), { a: r.a, b: r.b, source: d.source, encounter: d.encounter, segment: d.segment, code: d.code, keep })); say("Adjudicated."); } catch (e) { say(e.message); } };
      const resolved = d.resolved === undefined ? "open" : d.resolved ? "kept" : "dropped";
      list.append(el("li", {}, el("strong", { text: d.code }), " in " + d.encounterName + " turn " + d.segment + ": " + r.a + " " + (d.a ? "yes" : "no") + ", " + r.b + " " + (d.b ? "yes" : "no") + " · " + resolved,
        el("blockquote", { text: d.text }), el("button", { type: "button", text: "Keep " + d.code, onclick: decide(true) }), " ", el("button", { type: "button", text: "Drop " + d.code, onclick: decide(false) })));
    }
    say(r.encounters + " shared encounters, " + r.disagreements.length + " disagreements.");
  }

  function showView(name) {
    for (const v of ["review", "compare", "learning"]) { $(v).hidden = name !== v; $("view-" + v).setAttribute("aria-pressed", String(name === v)); }
    if (name === "compare") refreshCoders();
    if (name === "learning") loadLearning();
  }

  // Learning: train from the team's decisions, per-code reliability, and what to code next.
  const pct = (x) => (x === undefined || x === null ? "—" : Math.round(100 * x) + "%");
  const k3 = (x) => (x === undefined || x === null ? "—" : x.toFixed(2));
  let polling = null;
  async function loadLearning() {
    let r;
    const who = state.coder ? "?coder=" + q(state.coder) + (state.blind ? "&blind=true" : "") : "";
    try { r = await api("GET", "/api/learning" + who); } catch (e) { say(e.message); return; }
    const m = r.model;
    let line = m ? "Model in force: trained by " + m.trainedBy + " at " + m.trainedAt.replace("T", " ").replace("Z", " UTC") + " from " + m.passages + " reviewed turns (" + m.reviewers.join(", ") + ") in " + m.seconds + " s; suggestions of unreviewed encounters refreshed: " + m.refreshed.added + " new, " + m.refreshed.dropped + " dropped, " + m.refreshed.kept + " kept." : "No model trained from this team's decisions yet (at least " + r.minimum + " reviewed turns are needed).";
    if (r.state === "running") line = "Training (started by " + r.startedBy + ")… the page stays usable meanwhile. " + line;
    if (r.state === "failed") line = "The last training failed: " + r.error + ". " + line;
    $("learn-state").textContent = line;
    $("train").disabled = r.state === "running" || !state.coder;
    const body = document.querySelector("#reliability tbody"); body.textContent = "";
    for (const c of r.codes) {
      const e = c.estimate;
      const kappa = e && e.kappa !== undefined ? k3(e.kappa) + " (" + k3(e.kappaLower) + "–" + k3(e.kappaUpper) + ")" : "—";
      const verdict = e ? el("span", { class: e.reliable ? "verdict-yes" : "verdict-no", text: e.verdict }) : el("span", { class: "muted", text: "train a model for an estimate" });
      const row = el("tr", {}, el("th", { scope: "row" }, el("span", { class: "chip", text: c.code })), el("td", { text: kappa }), el("td", {}, verdict),
        el("td", { text: e ? String(e.support) : "—" }), el("td", { text: c.accepted + " · " + c.changed + " · " + c.rejected }), el("td", { text: pct(c.acceptRate) }));
      row.querySelector(".chip").style.setProperty("--c", colour(c.code));
      body.append(row);
    }
    const list = $("next-list"); list.textContent = "";
    for (const n of r.next) {
      list.append(el("li", {}, el("button", { type: "button", text: n.encounterName + " · turn " + (n.segment + 1), onclick: () => jumpTo(n) }),
        " ", el("span", { text: n.text.length > 160 ? n.text.slice(0, 160) + "…" : n.text }), el("span", { class: "why muted", text: n.reason })));
    }
    if (!r.next.length) list.append(el("li", { class: "muted", text: m ? "Nothing left: every encounter has been reviewed since the last training." : "Train a model to see what to code next." }));
    clearTimeout(polling);
    if (r.state === "running") polling = setTimeout(loadLearning, 2000);
  }

  async function train() {
    if (!state.coder) { say("Enter your name as coder first."); return; }
    try { await api("POST", "/api/learning/train", { coder: state.coder }); say("Training started."); } catch (e) { say("Not started: " + e.message); }
    await loadLearning();
  }

  async function jumpTo(n) {
    if (!state.coder) { say("Enter your name as coder first."); $("coder").focus(); return; }
    if (!state.encounters.length) await loadEncounters();
    const i = state.encounters.findIndex((e) => e.source === n.source && e.encounter === n.encounter);
    if (i < 0) { say("That encounter is no longer in the project."); return; }
    showView("review");
    await openEncounter(i);
    const seg = $("seg-" + n.segment);
    if (seg) { seg.scrollIntoView({ block: "center" }); seg.classList.add("flash"); seg.setAttribute("tabindex", "-1"); seg.focus(); }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("coder-form").addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const name = $("coder").value.trim();
      try { await api("POST", "/api/coders", { name }); } catch (e) { say(e.message); return; }
      state.coder = name; localStorage.setItem("rapport.coder", name); updateExportLink(); await refreshCoders(); await loadEncounters();
      if (state.current) await openEncounter(state.current.index);
    });
    $("blind").addEventListener("change", async () => { state.blind = $("blind").checked; localStorage.setItem("rapport.blind", state.blind ? "1" : "0"); updateExportLink(); if (state.current) await openEncounter(state.current.index, true); });
    for (const id of ["filter-code", "filter-coder", "filter-status"]) $(id).addEventListener("change", () => state.view && render());
    $("accept").addEventListener("click", () => decide("accept"));
    $("reject").addEventListener("click", () => decide("reject"));
    $("change").addEventListener("click", () => decide("change"));
    $("remove").addEventListener("click", async () => { try { await api("DELETE", "/api/codings/" + state.selected + "?coder=" + q(state.coder)); say("Removed."); await refreshAfterChange(null); } catch (e) { say(e.message); } });
    $("apply-code").addEventListener("click", handCode);
    $("save-memo").addEventListener("click", saveMemo);
    $("done").addEventListener("click", async () => { if (!state.view) return; await api("POST", "/api/done", { source: state.view.source, encounter: state.view.encounter, coder: state.coder, done: !state.view.done }); await refreshAfterChange(state.selected); });
    $("text").addEventListener("mouseup", onSelection);
    $("text").addEventListener("keyup", onSelection);
    $("view-review").addEventListener("click", () => showView("review"));
    $("view-compare").addEventListener("click", () => showView("compare"));
    $("view-learning").addEventListener("click", () => showView("learning"));
    $("train").addEventListener("click", train);
    $("compare-form").addEventListener("submit", (ev) => { ev.preventDefault(); compare(); });
    document.addEventListener("keydown", (ev) => {
      if (ev.target.closest && ev.target.closest("input, textarea, select") || ev.ctrlKey || ev.metaKey || ev.altKey || !state.view) return;
      const keys = { j: () => move(1), k: () => move(-1), a: () => decide("accept"), r: () => decide("reject"), c: () => { $("change-code").focus(); } };
      if (keys[ev.key]) { ev.preventDefault(); keys[ev.key](); }
    });
    start().then(() => { if (location.hash === "#learning") showView("learning"); });
  });
})();
