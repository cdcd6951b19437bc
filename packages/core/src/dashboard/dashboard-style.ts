// The page's whole stylesheet, inline so the page is one response; allowed by its CSP hash.
export const DASHBOARD_STYLE = `
:root{color-scheme:light dark;--fg:#1d1d1f;--muted:#666;--bg:#fafafa;--card:#fff;--line:#ddd;--accent:#f38020;--ok:#1a7f37;--bad:#c62828}
@media (prefers-color-scheme:dark){:root{--fg:#eee;--muted:#aaa;--bg:#161616;--card:#222;--line:#3a3a3a}}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
header,main{max-width:980px;margin:0 auto;padding:16px 20px}
header{border-bottom:3px solid var(--accent)}
h1{margin:0;font-size:1.6em}h2{font-size:1.15em;margin:0 0 10px}h3{font-size:1em;margin:14px 0 4px}
section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin:14px 0}
.meta,.hint,small{color:var(--muted)}
.pill{display:inline-block;padding:1px 10px;border-radius:99px;border:1px solid var(--line)}
.pill.ok{color:var(--ok);border-color:var(--ok)}.pill.bad,.error{color:var(--bad)}
form{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
input,select,textarea,button{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:6px 10px}
textarea{width:100%;min-height:70px;resize:vertical}
button{cursor:pointer;background:var(--accent);border-color:var(--accent);color:#fff}
button:disabled{opacity:.6;cursor:wait}
pre,code{font:13px/1.45 ui-monospace,monospace}
pre{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:10px;overflow:auto;margin:4px 0;white-space:pre-wrap;word-break:break-all}
.copy{float:right;padding:2px 10px;font-size:.85em}
.bar{height:12px;background:var(--bg);border:1px solid var(--line);border-radius:6px;overflow:hidden}
.bar span{display:block;height:100%;background:var(--accent)}.bar.full span{background:var(--bad)}
.row{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr) auto;gap:10px;align-items:center;margin:4px 0}
.row code{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
#models{columns:2 300px;margin:0;padding-left:18px}
.log p{margin:6px 0;padding:8px 10px;border-radius:6px;background:var(--bg);white-space:pre-wrap}
.log .user{border-left:3px solid var(--muted)}.log .assistant{border-left:3px solid var(--accent)}
.pending::after{content:'\\2026'}
#image-result{display:block;max-width:min(100%,512px);margin-top:10px;border-radius:6px}
#image-status{overflow-wrap:anywhere}
`;
