import { Problem } from './api.js';
import { html } from './html.js';

// GOV.UK's error pattern: a summary at the top of the page linking to each field, and the message beside the field.
// The API names fields as its JSON does ("bank.sortCode"); a field's input has that name as its id, dots as dashes.

const inputId = (field) => field.replace(/\./g, '-');

/** Clears a form's errors from an earlier submission. */
export function clearErrors(form) {
  document.querySelector('.govuk-error-summary')?.remove();
  form.querySelectorAll('.govuk-form-group--error').forEach((group) => group.classList.remove('govuk-form-group--error'));
  form.querySelectorAll('.govuk-error-message').forEach((message) => message.remove());
  form.querySelectorAll('.govuk-input--error, .govuk-select--error, .govuk-textarea--error').forEach((input) => {
    input.classList.remove('govuk-input--error', 'govuk-select--error', 'govuk-textarea--error');
    input.removeAttribute('aria-describedby');
  });
}

/** Shows `problem` (an api.js Problem) on `form`: a summary above it, focused, and a message by each named field. */
export function showProblem(form, problem) {
  clearErrors(form);
  const fields = Object.entries(problem.errors ?? {});
  const items = fields.length
    ? fields.map(([field, messages]) => {
      const input = document.getElementById(inputId(field));
      const text = `${input?.labels?.[0]?.textContent?.trim() ?? field}: ${messages.join(' ')}`;
      return input ? html`<li><a href="#${inputId(field)}">${text}</a></li>` : html`<li>${text}</li>`;
    })
    : [html`<li>${problem.message}</li>`];

  const summary = document.createElement('div');
  summary.className = 'govuk-error-summary';
  summary.dataset.module = 'govuk-error-summary';
  summary.innerHTML = html`<div role="alert">
      <h2 class="govuk-error-summary__title">There is a problem</h2>
      <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">${items}</ul></div>
    </div>`;
  summary.tabIndex = -1;
  document.getElementById('main-content').prepend(summary);

  for (const [field, messages] of fields) {
    const input = document.getElementById(inputId(field));
    if (!input) continue;
    const message = document.createElement('p');
    message.id = `${inputId(field)}-error`;
    message.className = 'govuk-error-message';
    message.innerHTML = html`<span class="govuk-visually-hidden">Error:</span> ${messages.join(' ')}`;
    input.closest('.govuk-form-group')?.classList.add('govuk-form-group--error');
    // A radio's message goes above its group, as GOV.UK places it, and names the whole group.
    const choices = input.closest('.govuk-radios, .govuk-checkboxes');
    if (choices) {
      choices.before(message);
      const fieldset = choices.closest('fieldset');
      const described = (fieldset?.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      if (fieldset && !described.includes(message.id)) fieldset.setAttribute('aria-describedby', [...described, message.id].join(' '));
      continue;
    }

    input.before(message);
    input.setAttribute('aria-describedby', message.id);
    const kind = input.tagName === 'SELECT' ? 'select' : input.tagName === 'TEXTAREA' ? 'textarea' : 'input';
    input.classList.add(`govuk-${kind}--error`);
  }

  summary.focus();
}

/** Runs `submit` on the form's submission, showing a refusal from the API on the form; the button waits meanwhile. */
export function onSubmit(form, submit) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit], button:not([type])');
    button?.setAttribute('disabled', '');
    try {
      await submit(new FormData(form));
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      showProblem(form, error);
    } finally {
      button?.removeAttribute('disabled');
    }
  });
}
