/** The web chat page: one self-contained HTML document (no build step, no external assets). */
export const CHAT_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AI Business OS — chat</title>
<style>
  :root { color-scheme: light dark; --bg:#f6f7f9; --card:#fff; --me:#d9fdd3; --fg:#1b1f24; --muted:#667085; --accent:#2563eb; }
  @media (prefers-color-scheme: dark) { :root { --bg:#0f1115; --card:#1a1d23; --me:#134e2f; --fg:#e6e8eb; --muted:#98a2b3; } }
  * { box-sizing: border-box; }
  body { margin:0; font:15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; background:var(--bg); color:var(--fg); display:flex; flex-direction:column; height:100vh; }
  header { padding:10px 16px; display:flex; gap:12px; align-items:center; border-bottom:1px solid #8883; }
  header h1 { font-size:16px; margin:0; flex:1; }
  select, button, textarea { font:inherit; }
  #log { flex:1; overflow-y:auto; padding:16px; display:flex; flex-direction:column; gap:10px; }
  .msg { max-width:760px; padding:10px 12px; border-radius:10px; background:var(--card); white-space:pre-wrap; box-shadow:0 1px 2px #0002; }
  .me { align-self:flex-end; background:var(--me); }
  .meta { font-size:12px; color:var(--muted); margin-top:6px; }
  .suggestions { display:flex; flex-wrap:wrap; gap:6px; padding:0 16px 8px; }
  .suggestions button { border:1px solid #8885; background:var(--card); color:var(--fg); border-radius:14px; padding:4px 10px; cursor:pointer; }
  form { display:flex; gap:8px; padding:12px 16px; border-top:1px solid #8883; }
  textarea { flex:1; resize:none; height:44px; padding:10px; border-radius:8px; border:1px solid #8885; background:var(--card); color:var(--fg); }
  form button { background:var(--accent); color:#fff; border:0; border-radius:8px; padding:0 16px; cursor:pointer; }
  form button:disabled { opacity:.6; cursor:wait; }
</style>
</head>
<body>
<header><h1>AI Business OS</h1><label>Workspace <select id="workspace"></select></label><button id="new" type="button">New thread</button></header>
<div id="log" aria-live="polite"></div>
<div class="suggestions" id="examples"></div>
<form id="form"><textarea id="text" placeholder="¿Cuánto vendimos ayer? · How much did we sell last week? · Qual foi o ROAS do Meta?" autofocus></textarea><button id="send">Send</button></form>
<script>
const log = document.getElementById("log"), form = document.getElementById("form"), text = document.getElementById("text");
const select = document.getElementById("workspace"), send = document.getElementById("send");
let thread = null;
const examples = ["how much did we sell last week vs the week before?", "¿cuáles fueron los 5 productos más vendidos en octubre?", "qual foi o ROAS do Meta nos últimos 30 dias?", "¿qué productos se van a agotar la semana que viene?"];
for (const example of examples) { const b = document.createElement("button"); b.type = "button"; b.textContent = example; b.onclick = () => ask(example); document.getElementById("examples").append(b); }
function add(kind, body, meta) {
  const div = document.createElement("div"); div.className = "msg " + kind; div.textContent = body;
  if (meta) { const m = document.createElement("div"); m.className = "meta"; m.textContent = meta; div.append(m); }
  log.append(div); log.scrollTop = log.scrollHeight;
}
async function ask(question) {
  if (!question.trim()) return;
  add("me", question); text.value = ""; send.disabled = true;
  try {
    const res = await fetch("/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ workspace: select.value, text: question, thread }) });
    const body = await res.json();
    if (!res.ok) { add("bot", "⚠ " + body.error); return; }
    thread = body.thread;
    const tools = body.toolCalls.map((c) => c.name).join(", ");
    add("bot", body.answer, body.agent + (tools ? " · " + tools : "") + " · " + Math.round(body.latencyMs) + " ms");
  } catch (error) { add("bot", "⚠ " + error); } finally { send.disabled = false; text.focus(); }
}
form.onsubmit = (event) => { event.preventDefault(); ask(text.value); };
text.onkeydown = (event) => { if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); ask(text.value); } };
document.getElementById("new").onclick = () => { thread = null; log.textContent = ""; };
fetch("/api/workspaces").then((r) => r.json()).then((list) => { for (const w of list) { const o = document.createElement("option"); o.value = w.slug; o.textContent = w.name; select.append(o); } });
</script>
</body>
</html>
`;
