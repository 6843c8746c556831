import { api, Problem } from '../api.js';
import { onSubmit } from '../forms.js';
import { html } from '../html.js';
import { session } from '../session.js';

export const signedOut = true;

/** Where to go after signing in: a path of this console only, never another site. */
function next(query) {
  const target = query.get('next') ?? '/';
  return target.startsWith('/') && !target.startsWith('//') ? target : '/';
}

export async function render(main, { query }) {
  const notice = query.has('signedOut')
    ? html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="signed-out-title" data-module="govuk-notification-banner">
        <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="signed-out-title">Success</h2></div>
        <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">You have signed out.</p></div>
      </div>`
    : '';
  main.innerHTML = html`${notice}
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <h1 class="govuk-heading-l">Sign in</h1>
      <p class="govuk-body">Sign in with the API key your association’s administrator gave you. What you can see and do depends on the key’s role.</p>
      <form id="sign-in" novalidate>
        <div class="govuk-form-group">
          <label class="govuk-label" for="apiKey">API key</label>
          <div class="govuk-hint" id="apiKey-hint">The key stays in this browser tab and is forgotten when you close it.</div>
          <input class="govuk-input" id="apiKey" name="apiKey" type="password" autocomplete="off" spellcheck="false" aria-describedby="apiKey-hint">
        </div>
        <button type="submit" class="govuk-button" data-module="govuk-button">Sign in</button>
      </form>
    </div></div>`;

  onSubmit(main.querySelector('#sign-in'), async (form) => {
    const key = String(form.get('apiKey') ?? '').trim();
    if (!key) throw new Problem(400, { title: 'There is a problem', errors: { apiKey: ['Enter your API key.'] } });
    let caller;
    try {
      caller = await api('/caller', { key });
    } catch (error) {
      if (error.status === 401) throw new Problem(401, { title: 'There is a problem', errors: { apiKey: ['The key was not recognised. Check it, or ask your administrator for a new one.'] } });
      if (error.status === 403) throw new Problem(403, { title: 'There is a problem', errors: { apiKey: [error.message] } });
      throw error;
    }

    if (caller.role === 'operator') {
      throw new Problem(403, { title: 'There is a problem', errors: { apiKey: ['This is the operator’s key. The console is for an association’s staff: sign in with one of your association’s keys.'] } });
    }

    session.begin(key, caller);
    location.assign(next(query));
  });
  main.querySelector('#apiKey').focus();
  return 'Sign in';
}
