import { session } from './session.js';

/** A refusal from the API: its RFC 9457 problem, with `errors` naming each field that was wrong; status 0 when no answer came. */
export class Problem extends Error {
  constructor(status, problem) {
    super(problem.detail ?? problem.title ?? `The service answered ${status}.`);
    this.status = status;
    this.title = problem.title ?? 'There is a problem';
    this.errors = problem.errors ?? {};
  }
}

async function readProblem(response) {
  try {
    return await response.json();
  } catch {
    return { title: response.statusText };
  }
}

/**
 * Calls the API as the signed-in key. Answers the parsed JSON (null for 204), or the Response itself when `accept` is
 * not JSON (a file or CSV). Throws Problem for a 4xx or 5xx, or for no answer; a 401 ends the session and goes to sign in.
 */
export async function api(path, { method = 'GET', body, accept = 'application/json', key = session.key(), idempotencyKey } = {}) {
  const headers = { Accept: accept };
  if (key) headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  let response;
  try {
    response = await fetch(`/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    // No answer at all (the service or the network is down): said on the page like any refusal, never a silent form.
    throw new Problem(0, { title: 'There is a problem', detail: 'The service could not be reached. Check your connection and try again.' });
  }

  if (!response.ok) {
    const problem = new Problem(response.status, await readProblem(response));
    if (response.status === 401 && session.key() === key && key) {
      session.end();
      location.assign(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`);
    }

    throw problem;
  }

  if (accept !== 'application/json') return response;
  return response.status === 204 ? null : response.json();
}

/** A query string from the set values of `parameters` ("" when none are set). */
export function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }

  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Saves what `response` holds as a file named `name`, as a browser download. */
export async function download(response, name) {
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
