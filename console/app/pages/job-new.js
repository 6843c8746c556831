import { api } from '../api.js';
import { onSubmit } from '../forms.js';
import { money, words } from '../format.js';
import { html } from '../html.js';
import { idempotencyKey, priorities } from '../jobs.js';
import { readContracts } from '../contracts.js';

export const may = 'raiseJobs';

const priorityHints = {
  emergency: 'A danger to health or the home, such as a gas leak or no heating in winter.',
  urgent: 'Affects daily living, such as a broken oven.',
  routine: 'Can wait for a planned visit.',
};

const itemOptions = (contract) => (contract?.terms.items ?? []).map((item) => html`<option value="${item.code}">${item.code} — ${item.description} — ${money(item.unitPrice)}</option>`);

// What to tell staff for a field left out, in GOV.UK's words, in place of the API's "is required".
const missing = {
  contractId: 'Choose a contract.',
  itemCode: 'Choose an item.',
  quantity: 'Enter the quantity.',
  priority: 'Choose a priority.',
  propertyRef: 'Enter the property reference.',
};

/** The field's value, or nothing when it is empty, so the API names it as missing. */
const value = (form, name) => String(form.get(name) ?? '').trim() || undefined;

export async function render(main, { query }) {
  const list = (await readContracts()).contracts;
  if (list.length === 0) {
    main.innerHTML = html`<h1 class="govuk-heading-l">Raise a job</h1>
      <p class="govuk-body">Your association holds no contracts yet. A job is raised under a contract, so register one first.</p>`;
    return 'Raise a job';
  }

  const chosen = list.find((c) => c.contractId === query.get('contractId')) ?? list[0];
  main.innerHTML = html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <h1 class="govuk-heading-l">Raise a job</h1>
      <p class="govuk-body">The supplier gets the work order as soon as the job is recorded. Its deadline follows from the priority and the contract’s timescales.</p>
      <form id="raise-job" novalidate>
        <div class="govuk-form-group">
          <label class="govuk-label" for="contractId">Contract</label>
          <select class="govuk-select" id="contractId" name="contractId">
            ${list.map((c) => html`<option value="${c.contractId}"${c === chosen ? html` selected` : ''}>${c.terms.title} (${c.supplierName ?? c.terms.supplierId})</option>`)}
          </select>
        </div>
        <div class="govuk-form-group">
          <label class="govuk-label" for="itemCode">Item</label>
          <div class="govuk-hint" id="itemCode-hint">The contract’s items, with the price of one.</div>
          <select class="govuk-select" id="itemCode" name="itemCode" aria-describedby="itemCode-hint">${itemOptions(chosen)}</select>
        </div>
        <div class="govuk-form-group">
          <label class="govuk-label" for="quantity">Quantity</label>
          <input class="govuk-input govuk-input--width-4" id="quantity" name="quantity" type="text" inputmode="numeric" spellcheck="false" value="1">
        </div>
        <div class="govuk-form-group">
          <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Priority</legend>
            <div class="govuk-radios" data-module="govuk-radios">
              ${priorities.map((priority, i) => {
                const id = i === 0 ? 'priority' : `priority-${priority}`;
                return html`<div class="govuk-radios__item">
                  <input class="govuk-radios__input" id="${id}" name="priority" type="radio" value="${priority}" aria-describedby="${id}-hint">
                  <label class="govuk-label govuk-radios__label" for="${id}">${words(priority)}</label>
                  <div id="${id}-hint" class="govuk-hint govuk-radios__hint">${priorityHints[priority]}</div>
                </div>`;
              })}
            </div>
          </fieldset>
        </div>
        <div class="govuk-form-group">
          <label class="govuk-label" for="propertyRef">Property reference</label>
          <div class="govuk-hint" id="propertyRef-hint">The home’s reference, such as its UPRN: UPRN-100023336956.</div>
          <input class="govuk-input govuk-!-width-two-thirds" id="propertyRef" name="propertyRef" type="text" spellcheck="false" aria-describedby="propertyRef-hint">
        </div>
        <button type="submit" class="govuk-button" data-module="govuk-button">Raise job</button>
      </form>
    </div></div>`;

  const form = main.querySelector('#raise-job');
  form.querySelector('#contractId').addEventListener('change', (event) => {
    const contract = list.find((c) => c.contractId === event.target.value);
    form.querySelector('#itemCode').innerHTML = html`${itemOptions(contract)}`;
  });

  // One key for this form as drawn: sending it twice (a double click, a retry) raises one job.
  const key = idempotencyKey();
  onSubmit(form, async (fields) => {
    const quantity = value(fields, 'quantity');
    const raised = await api('/jobs', {
      method: 'POST',
      idempotencyKey: key,
      body: {
        contractId: value(fields, 'contractId'),
        itemCode: value(fields, 'itemCode'),
        quantity: quantity && /^\d+$/.test(quantity) ? Number(quantity) : quantity,
        priority: value(fields, 'priority'),
        propertyRef: value(fields, 'propertyRef'),
      },
    }).catch((error) => {
      for (const [field, text] of Object.entries(missing)) {
        if (error.errors?.[field]?.includes('is required')) error.errors[field] = [text];
      }

      throw error;
    });
    location.assign(`/jobs/${encodeURIComponent(raised.jobId)}?recording=${encodeURIComponent(raised.eventId)}`);
  });
  return 'Raise a job';
}
