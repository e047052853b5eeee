/** POSTs JSON to the page's own server; resolves with the reply, or { ok: false } when unreachable. */
export async function postJson(path, body) {
  try {
    const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const reply = await res.json().catch(() => ({}));
    return { ...reply, ok: res.ok && reply.ok !== false, status: res.status };
  } catch {
    return { ok: false, status: 0, error: 'unreachable' };
  }
}
