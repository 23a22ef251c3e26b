#include "serve_assets.hpp"

namespace cj {

const std::string& serve_css() {
  static const std::string css = R"css(
body{font-family:system-ui,sans-serif;margin:1.2em 2em;color:#1f2328}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.4em}
a{color:#0969da;text-decoration:none}
.collection ul{list-style:none;padding:0}.collection li{padding:.3em 0;border-bottom:1px solid #eaeef2}
.difficulty{color:#656d76;font-size:.85em;margin-left:.5em}
.progress{color:#1a7f37;font-size:.85em;margin-left:.5em}
li.solved a::after{content:" ✓";color:#1a7f37}
.columns{display:grid;grid-template-columns:minmax(22em,1fr) minmax(30em,1.3fr);gap:1.5em}
.statement{overflow-wrap:anywhere}.statement pre{background:#f6f8fa;padding:.6em;overflow-x:auto}
.work{min-width:0}
#editor{width:100%;height:24em;font-family:ui-monospace,monospace;font-size:13px;tab-size:4;
  border:1px solid #d0d7de;border-radius:6px;padding:.5em;box-sizing:border-box}
.bar{margin:.4em 0;display:flex;gap:.5em;align-items:center;flex-wrap:wrap}
#status{color:#656d76;font-size:.85em}#file{font-family:ui-monospace,monospace;font-size:.85em}
button{font:inherit;padding:.25em .9em;border:1px solid #d0d7de;border-radius:6px;background:#f6f8fa;cursor:pointer}
button:disabled{color:#8c959f;cursor:default}
#judge{background:#1f883d;color:#fff;border-color:#1a7f37}
#minutes{width:4em}#timer{font-variant-numeric:tabular-nums;font-weight:600}
#timer.up{color:#cf222e}
.hint{background:#fff8c5;border:1px solid #d4a72c66;border-radius:6px;padding:.2em .8em;margin:.5em 0}
.judging{color:#656d76}
.reference{border-top:1px solid #d0d7de;margin-top:1em}.reference .why{white-space:pre-wrap;
  background:#dafbe1;padding:.5em;border-radius:6px;font-size:.9em}
)css";
  return css;
}

const std::string& serve_script() {
  static const std::string js = R"js(
const $ = (id) => document.getElementById(id);
const editor = $("editor");
let mtime = 0, dirty = false, shown = 0, timerEnd = null;
const opened = Date.now();
const hintCount = Number($("hint").dataset.count);

function status(text) { $("status").textContent = text; }
function hintLabel() {
  const b = $("hint");
  if (hintCount === 0) { b.textContent = "No hints"; b.disabled = true; }
  else if (shown >= hintCount) { b.textContent = "Every hint shown"; b.disabled = true; }
  else b.textContent = `Hint ${shown + 1} of ${hintCount}`;
}
async function load() {
  const j = await (await fetch(`/api/file/${SLUG}`)).json();
  editor.value = j.text; mtime = j.mtime; dirty = false;
  $("file").textContent = j.path;
  status(j.exists ? "" : "(the stub; Save or Judge writes it to this file)");
}
async function save() {
  const j = await (await fetch(`/api/file/${SLUG}`, {method: "POST", body: editor.value})).json();
  mtime = j.mtime; dirty = false; status("saved");
}
async function judge() {
  $("judge").disabled = true;
  await save();
  $("result").innerHTML = '<p class="judging">Judging…</p>';
  const seconds = ((Date.now() - opened) / 1000).toFixed(1);
  try {
    const r = await fetch(`/api/judge/${SLUG}?session_s=${seconds}`, {method: "POST"});
    const j = await r.json();
    $("result").innerHTML = j.html;
    // A schedule wider than the column opens at its end, where the failure is drawn.
    for (const t of $("result").querySelectorAll(".timeline")) t.scrollLeft = t.scrollWidth;
    $("progress").textContent = j.progress;
    if (j.solved) references();
  } catch (e) {
    $("result").innerHTML = '<p class="judging">The judge did not answer: ' + e + '</p>';
  }
  $("judge").disabled = false;
}
async function hint() {
  const r = await fetch(`/api/hint/${SLUG}/${shown}`);
  if (!r.ok) return;
  const j = await r.json();
  const div = document.createElement("div");
  div.className = "hint";
  div.dataset.index = j.index;
  div.innerHTML = `<strong>Hint ${j.index + 1} of ${j.count}</strong>` + j.html;
  $("hints").appendChild(div);
  shown++;
  hintLabel();
}
async function references() {
  const r = await fetch(`/api/references/${SLUG}`);
  if (!r.ok) return;
  const list = await r.json();
  const box = $("references");
  box.innerHTML = "<h2>Reference solutions</h2>";
  for (const ref of list) {
    const d = document.createElement("div");
    d.className = "reference";
    const h = document.createElement("h3"); h.textContent = ref.name;
    const why = document.createElement("div"); why.className = "why"; why.textContent = ref.header;
    const det = document.createElement("details");
    const sum = document.createElement("summary"); sum.textContent = "the code";
    const pre = document.createElement("pre"); pre.textContent = ref.code;
    det.append(sum, pre); d.append(h, why, det); box.appendChild(d);
  }
}
function tick() {
  if (timerEnd === null) return;
  const left = Math.max(0, Math.round((timerEnd - Date.now()) / 1000));
  const t = $("timer");
  t.textContent = left > 0 ? `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")} left`
                           : "time is up";
  t.classList.toggle("up", left === 0);
}
// Follow the file when it is edited elsewhere (an editor, cj watch), unless edits here are unsaved.
async function follow() {
  if (dirty) return;
  try {
    const j = await (await fetch(`/api/file/${SLUG}`)).json();
    if (j.mtime !== mtime && !dirty) {
      editor.value = j.text; mtime = j.mtime; status("reloaded: the file changed on disk");
    }
  } catch (e) {}
}
editor.addEventListener("input", () => { dirty = true; status("unsaved"); });
editor.addEventListener("keydown", (e) => {
  if (e.key === "Tab") { e.preventDefault(); editor.setRangeText("    ", editor.selectionStart, editor.selectionEnd, "end"); }
  if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); save(); }
  if ((e.ctrlKey || e.metaKey) && e.key === "Enter") { e.preventDefault(); judge(); }
});
$("save").onclick = save;
$("judge").onclick = judge;
$("hint").onclick = hint;
$("start").onclick = () => { timerEnd = Date.now() + Number($("minutes").value) * 60000; tick(); };
setInterval(tick, 1000);
setInterval(follow, 2000);
hintLabel();
load();
if ($("progress").textContent.startsWith("solved")) references();
)js";
  return js;
}

}  // namespace cj
